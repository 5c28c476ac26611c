import crypto from 'node:crypto';
import { diffChars } from 'diff';

// A round's text as a list of articles, and what staff do to it between rounds. Every operation is a
// plain function over the list; the list is renumbered 1..n afterwards. Each article keeps a lineage
// (its identity across rounds) and the ids of the previous round's articles it continues, so that a
// renumbered or merged article can still say "原第N条" and show the comments made on it before.

/** An article as the editing functions see it. */
export interface DraftArticle {
  number: number;
  chapter: string;
  heading: string;
  body: string;
  lineage: string;
  /** Ids of the previous round's articles this one continues. */
  fromIds: number[];
}

/** A fresh lineage for an article that continues nothing. */
export function newLineage(): string {
  return crypto.randomBytes(6).toString('hex');
}

const renumber = (list: DraftArticle[]): DraftArticle[] => list.map((a, i) => ({ ...a, number: i + 1 }));

/** The next round's articles: every article carried over with its lineage, continuing its predecessor. */
export function carryOver(prev: ReadonlyArray<DraftArticle & { id: number }>): DraftArticle[] {
  return renumber(prev.map((a) => ({ number: a.number, chapter: a.chapter, heading: a.heading, body: a.body, lineage: a.lineage, fromIds: [a.id] })));
}

/** Inserts a new article after position `after` (0 puts it first); it has a new lineage and continues nothing. */
export function insertArticle(list: readonly DraftArticle[], after: number, a: { chapter?: string; heading: string; body: string }, lineage = newLineage()): DraftArticle[] {
  const at = Math.max(0, Math.min(after, list.length));
  const chapter = a.chapter ?? list[at - 1]?.chapter ?? list[0]?.chapter ?? '';
  const added: DraftArticle = { number: 0, chapter, heading: a.heading, body: a.body, lineage, fromIds: [] };
  return renumber([...list.slice(0, at), added, ...list.slice(at)]);
}

/** Deletes the article at position `number`. */
export function deleteArticle(list: readonly DraftArticle[], number: number): DraftArticle[] {
  checkPosition(list, number);
  return renumber(list.filter((a) => a.number !== number));
}

/** Moves the article at `number` to position `to`. */
export function moveArticle(list: readonly DraftArticle[], number: number, to: number): DraftArticle[] {
  checkPosition(list, number);
  const rest = list.filter((a) => a.number !== number);
  const at = Math.max(1, Math.min(to, list.length)) - 1;
  return renumber([...rest.slice(0, at), list[number - 1]!, ...rest.slice(at)]);
}

/**
 * Splits the article at `number` in two at character `at` of its body: the first part keeps the
 * lineage, the second gets a new one; both continue the same predecessors.
 */
export function splitArticle(list: readonly DraftArticle[], number: number, at: number, lineage = newLineage()): DraftArticle[] {
  checkPosition(list, number);
  const a = list[number - 1]!;
  const first = a.body.slice(0, at).trim();
  const second = a.body.slice(at).trim();
  if (!first || !second) {
    throw new RangeError('split point leaves an empty article');
  }
  const parts: DraftArticle[] = [
    { ...a, body: first },
    { ...a, heading: '', body: second, lineage, fromIds: [...a.fromIds] },
  ];
  return renumber([...list.slice(0, number - 1), ...parts, ...list.slice(number)]);
}

/** Merges the article at `number` with the one after it: the first's lineage, both bodies, both predecessors. */
export function mergeWithNext(list: readonly DraftArticle[], number: number): DraftArticle[] {
  checkPosition(list, number);
  checkPosition(list, number + 1);
  const a = list[number - 1]!;
  const b = list[number]!;
  const merged: DraftArticle = { ...a, body: `${a.body}\n${b.body}`, fromIds: [...new Set([...a.fromIds, ...b.fromIds])] };
  return renumber([...list.slice(0, number - 1), merged, ...list.slice(number + 1)]);
}

function checkPosition(list: readonly DraftArticle[], number: number): void {
  if (!Number.isInteger(number) || number < 1 || number > list.length) {
    throw new RangeError(`no article at position ${number}`);
  }
}

/** "原第N条": the previous round's numbers an article continues, when they differ from its own. */
export function formerNumbers(a: { number: number; fromIds: number[] }, previousNumberOf: ReadonlyMap<number, number>): number[] {
  const nums = a.fromIds.map((id) => previousNumberOf.get(id)).filter((n): n is number => n !== undefined);
  return nums.length === 1 && nums[0] === a.number ? [] : nums;
}

// ---------------------------------------------------------------- the paste-the-whole-text splitter

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral up to 999 (一, 十二, 二十三, 一百零五) or Arabic digits as a number; NaN when neither. */
export function parseChineseNumber(s: string): number {
  if (/^\d+$/.test(s)) {
    return Number(s);
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else {
      return NaN;
    }
  }
  return total + digit;
}

const CHAPTER = /^第([一二三四五六七八九十百零〇两\d]+)[章编节]\s*(.*)$/;
const ARTICLE = /^第([一二三四五六七八九十百零〇两\d]+)条[\s\u3000]*(.*)$/;
const MEASURE = /^(?:(\d{1,3})[.．、]|[（(](\d{1,3})[)）])\s*(.*)$/;
const HEADING = /^[【[（(]([^】\]）)]{1,40})[】\]）)]\s*(.*)$/;

/**
 * Splits a pasted text into articles. It recognises "第X条" articles (Chinese or Arabic numerals) and,
 * when there are none, numbered measures ("1." "1、" "（1）"); "第X章" lines open a chapter; a
 * bracketed phrase right after the number (【标题】 or （标题）) becomes the heading. Lines that
 * follow an article belong to it. Numbers are reassigned 1..n in order.
 */
export function splitText(text: string): Array<Pick<DraftArticle, 'chapter' | 'heading' | 'body'>> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const useArticles = lines.some((l) => ARTICLE.test(l));
  const out: Array<{ chapter: string; heading: string; body: string }> = [];
  let chapter = '';
  for (const line of lines) {
    const ch = CHAPTER.exec(line);
    if (ch) {
      chapter = line.replace(/\s+/g, ' ');
      continue;
    }
    const m = useArticles ? ARTICLE.exec(line) : MEASURE.exec(line);
    if (m) {
      const rest = (useArticles ? m[2] : m[3]) ?? '';
      const h = HEADING.exec(rest);
      out.push({ chapter, heading: h ? h[1]!.trim() : '', body: h ? h[2]!.trim() : rest.trim() });
    } else if (out.length > 0) {
      const last = out[out.length - 1]!;
      last.body = last.body ? `${last.body}\n${line}` : line;
    }
  }
  return out.filter((a) => a.body || a.heading);
}

// ---------------------------------------------------------------- diff between rounds

/** One piece of a word-level change. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The character-level changes from one article text to the next (Chinese has no spaces between words). */
export function diffText(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}
