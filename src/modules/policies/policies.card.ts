// The policy card (政策卡片): the structured source of the graphic version (图解版). Editors fill in
// short lines per section; the server draws the SVG from them, so the graphic is always in step with
// the text an editor can check, and a screen reader gets the same content as a list.

/** The sections of a policy card, in the order they are drawn. */
export const CARD_SECTIONS = ['audience', 'support', 'deadlines', 'howToApply', 'contacts'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

/** A policy card: a one-line headline and up to a few short lines per section. */
export interface PolicyCard {
  headline: string;
  audience: string[];
  support: string[];
  deadlines: string[];
  howToApply: string[];
  contacts: string[];
}

/** The sections a card must have for the policy to count as having a graphic version. */
export const REQUIRED_CARD_SECTIONS: readonly CardSection[] = ['audience', 'support', 'howToApply'];

/** Most lines a section may have, and most characters a line may have (the card must stay readable on a phone). */
export const CARD_MAX_LINES = 8;
export const CARD_MAX_LINE_CHARS = 120;

/** The form field of each section (cardAudience …). */
export const cardField = (s: CardSection | 'headline') => `card${s[0]!.toUpperCase()}${s.slice(1)}`;

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Problems found in a card's input: the field and the message key with its parameters. */
export interface CardProblem {
  field: string;
  key: 'policies.card_too_many_lines' | 'policies.card_line_too_long';
  params: Record<string, number>;
}

/** Builds a card from the form's fields (one item per line) and lists what is wrong with it. */
export function cardFromInput(input: object): { card: PolicyCard; problems: CardProblem[] } {
  const get = (field: string) => {
    const v = (input as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : undefined;
  };
  const problems: CardProblem[] = [];
  const card: PolicyCard = { headline: (get(cardField('headline')) ?? '').trim(), audience: [], support: [], deadlines: [], howToApply: [], contacts: [] };
  for (const s of CARD_SECTIONS) {
    const field = cardField(s);
    const ls = lines(get(field));
    if (ls.length > CARD_MAX_LINES) {
      problems.push({ field, key: 'policies.card_too_many_lines', params: { max: CARD_MAX_LINES } });
    }
    const long = ls.findIndex((l) => [...l].length > CARD_MAX_LINE_CHARS);
    if (long >= 0) {
      problems.push({ field, key: 'policies.card_line_too_long', params: { line: long + 1, max: CARD_MAX_LINE_CHARS } });
    }
    card[s] = ls;
  }
  return { card, problems };
}

/** True when nothing was entered. */
export function isEmptyCard(card: PolicyCard): boolean {
  return card.headline === '' && CARD_SECTIONS.every((s) => card[s].length === 0);
}

/** The required sections that are still empty. */
export function missingCardSections(card: PolicyCard): CardSection[] {
  return REQUIRED_CARD_SECTIONS.filter((s) => card[s].length === 0);
}

/** Stores a card (an empty card is stored as ''). */
export function serializeCard(card: PolicyCard): string {
  return isEmptyCard(card) ? '' : JSON.stringify(card);
}

/** Reads a stored card; '' or damaged JSON gives an empty card rather than an error page. */
export function parseCard(stored: string): PolicyCard {
  const empty: PolicyCard = { headline: '', audience: [], support: [], deadlines: [], howToApply: [], contacts: [] };
  if (!stored) {
    return empty;
  }
  try {
    const v = JSON.parse(stored) as Partial<PolicyCard>;
    const arr = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    return {
      headline: typeof v.headline === 'string' ? v.headline : '',
      audience: arr(v.audience),
      support: arr(v.support),
      deadlines: arr(v.deadlines),
      howToApply: arr(v.howToApply),
      contacts: arr(v.contacts),
    };
  } catch {
    return empty;
  }
}

/** The form values of a stored card (one line per item). */
export function cardToForm(stored: string): Record<string, string> {
  const card = parseCard(stored);
  const out: Record<string, string> = { [cardField('headline')]: card.headline };
  for (const s of CARD_SECTIONS) {
    out[cardField(s)] = card[s].join('\n');
  }
  return out;
}

// Characters that may not start a line and that may not end one (GB/T 15834 punctuation rules, 避头尾).
const NO_LINE_START = new Set([...'，。、；：！？）》」』”’】〕…—·,.;:!?)]}%']);
const NO_LINE_END = new Set([...'（《「『“‘【〔([{']);

/** Width of a character in ems: full width for CJK and full-width forms, about half for Latin. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x2e80) {
    return /[A-Z0-9MW@#%&]/.test(ch) ? 0.62 : 0.52;
  }
  return 1;
}

/**
 * Breaks a line of text into lines no wider than `maxEms`, keeping Latin words and numbers whole and
 * obeying the Chinese rules on punctuation at line starts and ends.
 */
export function wrapText(text: string, maxEms: number): string[] {
  // Tokens: a run of Latin letters/digits (kept whole) or one other character.
  const tokens = text.match(/[A-Za-z0-9.%\-/]+|[\s\S]/gu) ?? [];
  const width = (ts: readonly string[]) => ts.reduce((w, t) => w + [...t].reduce((x, ch) => x + charWidth(ch), 0), 0);
  const lines: string[][] = [];
  let line: string[] = [];
  let hanging = false;
  for (const tok of tokens) {
    if (hanging) {
      // After a closing mark hung past the edge, further closing marks hang with it.
      if (NO_LINE_START.has(tok)) {
        line.push(tok);
        continue;
      }
      lines.push(line);
      line = [];
      hanging = false;
    }
    if (line.length > 0 && width(line) + width([tok]) > maxEms) {
      if (NO_LINE_START.has(tok)) {
        // Hang the punctuation on this line rather than start the next with it.
        line.push(tok);
        hanging = true;
        continue;
      }
      // An opening mark never ends a line: it moves down with what it opens.
      const carry: string[] = [];
      while (line.length > 1 && NO_LINE_END.has(line.at(-1)!)) {
        carry.unshift(line.pop()!);
      }
      lines.push(line);
      line = tok === ' ' ? carry : [...carry, tok];
      continue;
    }
    line.push(tok);
  }
  if (line.length > 0) {
    lines.push(line);
  }
  avoidOrphan(lines, maxEms, width);
  return lines.map((l) => l.join('').trimEnd()).filter((l) => l.trim() !== '');
}

/**
 * A last line of one character takes company from the line above: its last token (a number or word
 * whole), with the character before a closing mark, and an opening mark before that.
 */
function avoidOrphan(lines: string[][], maxEms: number, width: (ts: readonly string[]) => number): void {
  const last = lines.at(-1);
  const prev = lines.at(-2);
  if (!last || !prev || [...last.join('')].length !== 1) {
    return;
  }
  let take = 1;
  while (take < prev.length && NO_LINE_START.has(prev[prev.length - take]!)) {
    take += 1;
  }
  while (take < prev.length && NO_LINE_END.has(prev[prev.length - take - 1]!)) {
    take += 1;
  }
  const moved = prev.slice(prev.length - take);
  if (prev.length - take < 2 || width([...moved, ...last]) > maxEms) {
    return;
  }
  lines[lines.length - 2] = prev.slice(0, prev.length - take);
  lines[lines.length - 1] = [...moved, ...last];
}
