// Policy texts are written in chapters (第X章) and articles (第X条). Parsing them gives every article a
// stable address (#tiao-12) and lets the comparison with an older policy work article by article.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Converts a Chinese numeral as used in article numbers (一, 十二, 二十, 一百零五) or ASCII digits to a number. */
export function chineseNumeral(s: string): number | null {
  if (/^\d+$/.test(s)) {
    return Number(s);
  }
  if (!s || ![...s].every((c) => c in DIGITS || c in UNITS)) {
    return null;
  }
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGITS) {
      current = DIGITS[c]!;
    } else {
      // "十二" starts with a unit: an implied one.
      total += (current === 0 ? 1 : current) * UNITS[c]!;
      current = 0;
    }
  }
  return total + current;
}

/** One article (条) of a policy, with the chapter it belongs to. */
export interface PolicyArticle {
  /** Position in the text, from 1. */
  seq: number;
  /** The article's number (第X条), or the position when the text has no numbered articles. */
  number: number;
  /** Its stable address inside the page. */
  anchor: string;
  chapterNumber: number | null;
  chapterTitle: string | null;
  /** The article's text without its "第X条" label. */
  text: string;
}

const CHAPTER = /^\s*第([零〇一二两三四五六七八九十百千\d]+)章\s*(.*)$/;
const ARTICLE = /^\s*第([零〇一二两三四五六七八九十百千\d]+)条[\s\u3000]*(.*)$/;

/**
 * Splits a policy text into its articles. Lines before the first article form a preamble (returned
 * apart); a text with no 第X条 at all is split into numbered paragraphs so it still has addresses.
 */
export function parsePolicyText(body: string): { preamble: string; articles: PolicyArticle[] } {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const articles: PolicyArticle[] = [];
  const preamble: string[] = [];
  let chapterNumber: number | null = null;
  let chapterTitle: string | null = null;
  let current: PolicyArticle | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      continue;
    }
    const ch = CHAPTER.exec(line);
    if (ch) {
      chapterNumber = chineseNumeral(ch[1]!);
      chapterTitle = ch[2]!.trim() || null;
      current = null;
      continue;
    }
    const ar = ARTICLE.exec(line);
    if (ar) {
      const number = chineseNumeral(ar[1]!) ?? articles.length + 1;
      current = { seq: articles.length + 1, number, anchor: `tiao-${number}`, chapterNumber, chapterTitle, text: ar[2]!.trim() };
      articles.push(current);
      continue;
    }
    if (current) {
      current.text = current.text ? `${current.text}\n${line}` : line;
    } else {
      preamble.push(line);
    }
  }
  if (articles.length === 0) {
    // No numbered articles (a notice, say): each paragraph becomes an addressable section.
    return {
      preamble: '',
      articles: preamble.map((text, i) => ({ seq: i + 1, number: i + 1, anchor: `duan-${i + 1}`, chapterNumber: null, chapterTitle: null, text })),
    };
  }
  // Duplicate numbers (a typo in the source text) would share an anchor; later ones get a suffix.
  const seen = new Map<string, number>();
  for (const a of articles) {
    const n = (seen.get(a.anchor) ?? 0) + 1;
    seen.set(a.anchor, n);
    if (n > 1) {
      a.anchor = `${a.anchor}-${n}`;
    }
  }
  return { preamble: preamble.join('\n'), articles };
}

/** The article label in Chinese: 第十二条. */
export function articleLabel(n: number): string {
  return `第${toChineseNumeral(n)}条`;
}

/** A number as a Chinese numeral (1–9999): 12 → 十二, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) {
    return d[n]!;
  }
  if (n < 20) {
    return '十' + (n % 10 ? d[n % 10] : '');
  }
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  digits.forEach((x, i) => {
    if (x === 0) {
      zero = parts.length > 0;
      return;
    }
    if (zero) {
      parts.push('零');
      zero = false;
    }
    parts.push(d[x]! + units[i]!);
  });
  return parts.join('');
}
