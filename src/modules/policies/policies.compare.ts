import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { diffArrays } from 'diff';
import { toChineseNumeral } from './policies.structure.js';

// The old-vs-new comparison (新旧政策对比) as plain functions: which article of the new text continues
// which article of the old one, and which words changed inside a pair. Articles are matched by what
// they say, not by their number, because a new policy renumbers, merges and moves articles.

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** What the alignment needs of an article. */
export interface ComparableArticle {
  anchor: string;
  number: number;
  text: string;
}

/** What happened to an article between the old text and the new one. */
export type ArticleChangeKind = 'same' | 'changed' | 'moved' | 'added' | 'removed';

/** One row of the comparison: an old article, a new one, or a pair. */
export interface AlignedRow<A extends ComparableArticle = ComparableArticle> {
  kind: ArticleChangeKind;
  old?: A;
  new?: A;
  /** Word similarity of the pair, 0..1 (1 for identical texts, 0 for added and removed articles). */
  similarity: number;
  /** The pair's place relative to the other pairs changed (always true for kind 'moved'). */
  moved: boolean;
  /** The pair has a different article number in the new text. */
  renumbered: boolean;
}

/** Below this similarity two articles are treated as one removed and one added, not as one changed. */
export const SAME_ARTICLE_THRESHOLD = 0.5;

const WORD = /[\p{L}\p{N}]/u;

/** The words of a text (jieba, exact mode), without punctuation and spaces. */
export function contentWords(text: string): string[] {
  return segmenter()
    .cut(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w));
}

function bag(words: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) {
    m.set(w, (m.get(w) ?? 0) + 1);
  }
  return m;
}

function bagSize(b: Map<string, number>): number {
  let n = 0;
  for (const v of b.values()) {
    n += v;
  }
  return n;
}

/** Dice similarity of two word multisets: twice the shared words over all words, 0..1. */
export function similarity(a: string, b: string): number {
  return bagSimilarity(bag(contentWords(a)), bag(contentWords(b)));
}

function bagSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  const total = bagSize(a) + bagSize(b);
  if (total === 0) {
    return 1;
  }
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [w, n] of small) {
    shared += Math.min(n, large.get(w) ?? 0);
  }
  return (2 * shared) / total;
}

const normalise = (s: string) => s.replace(/\s+/g, '');

/** Indices (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) {
    keep.add(i);
  }
  return keep;
}

/**
 * Aligns the articles of an old and a new text. Identical texts pair first; then the remaining pairs
 * with similarity ≥ threshold pair greedily, most similar first (ties: the pair closest in relative
 * position). Pairs outside the longest run that keeps both texts' order are marked moved. Rows come
 * in the new text's order; a removed article follows the row of the nearest unmoved article that
 * preceded it in the old text.
 */
export function alignArticles<A extends ComparableArticle>(oldArticles: readonly A[], newArticles: readonly A[], threshold = SAME_ARTICLE_THRESHOLD): AlignedRow<A>[] {
  const oldOf = new Array<number>(newArticles.length).fill(-1);
  const newOf = new Array<number>(oldArticles.length).fill(-1);
  const sim = new Array<number>(newArticles.length).fill(0);
  const pos = (i: number, n: number) => (n <= 1 ? 0 : i / (n - 1));
  const distance = (o: number, n: number) => Math.abs(pos(o, oldArticles.length) - pos(n, newArticles.length));

  // Identical texts first, each to the nearest free twin.
  const byText = new Map<string, number[]>();
  oldArticles.forEach((a, i) => byText.set(normalise(a.text), [...(byText.get(normalise(a.text)) ?? []), i]));
  newArticles.forEach((a, j) => {
    const twins = (byText.get(normalise(a.text)) ?? []).filter((i) => newOf[i] === -1);
    if (twins.length > 0) {
      const i = twins.reduce((best, x) => (distance(x, j) < distance(best, j) ? x : best));
      oldOf[j] = i;
      newOf[i] = j;
      sim[j] = 1;
    }
  });

  // Then the most similar of the rest.
  const oldBags = oldArticles.map((a) => bag(contentWords(a.text)));
  const newBags = newArticles.map((a) => bag(contentWords(a.text)));
  const candidates: Array<{ i: number; j: number; s: number; d: number }> = [];
  for (let j = 0; j < newArticles.length; j++) {
    if (oldOf[j] !== -1) {
      continue;
    }
    for (let i = 0; i < oldArticles.length; i++) {
      if (newOf[i] !== -1) {
        continue;
      }
      const s = bagSimilarity(oldBags[i]!, newBags[j]!);
      if (s >= threshold) {
        candidates.push({ i, j, s, d: distance(i, j) });
      }
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.d - y.d || x.j - y.j);
  for (const c of candidates) {
    if (oldOf[c.j] === -1 && newOf[c.i] === -1) {
      oldOf[c.j] = c.i;
      newOf[c.i] = c.j;
      sim[c.j] = c.s;
    }
  }

  // Pairs that keep their order are the longest increasing run of old positions in new order.
  const pairedNew = newArticles.map((_, j) => j).filter((j) => oldOf[j] !== -1);
  const inOrder = longestIncreasing(pairedNew.map((j) => oldOf[j]!));
  const moved = new Set(pairedNew.filter((_, k) => !inOrder.has(k)));

  const rowOf = (j: number): AlignedRow<A> => {
    const n = newArticles[j]!;
    if (oldOf[j] === -1) {
      return { kind: 'added', new: n, similarity: 0, moved: false, renumbered: false };
    }
    const o = oldArticles[oldOf[j]!]!;
    const identical = sim[j] === 1 && normalise(o.text) === normalise(n.text);
    const isMoved = moved.has(j);
    const kind: ArticleChangeKind = identical ? (isMoved ? 'moved' : 'same') : 'changed';
    return { kind, old: o, new: n, similarity: sim[j]!, moved: isMoved, renumbered: o.number !== n.number };
  };
  const removedRow = (i: number): AlignedRow<A> => ({ kind: 'removed', old: oldArticles[i]!, similarity: 0, moved: false, renumbered: false });

  // Each removed article goes after the new row of the nearest earlier old article that kept its place.
  const after = new Map<number, number[]>(); // new index (-1: the very start) → removed old indices
  for (let i = 0; i < oldArticles.length; i++) {
    if (newOf[i] !== -1) {
      continue;
    }
    let host = -1;
    for (let k = i - 1; k >= 0; k--) {
      if (newOf[k] !== -1 && !moved.has(newOf[k]!)) {
        host = newOf[k]!;
        break;
      }
    }
    after.set(host, [...(after.get(host) ?? []), i]);
  }
  const rows: AlignedRow<A>[] = (after.get(-1) ?? []).map(removedRow);
  newArticles.forEach((_, j) => {
    rows.push(rowOf(j));
    rows.push(...(after.get(j) ?? []).map(removedRow));
  });
  return rows;
}

/** How many rows of each kind an alignment has. */
export function countKinds(rows: readonly AlignedRow[]): Record<ArticleChangeKind, number> {
  const counts: Record<ArticleChangeKind, number> = { same: 0, changed: 0, moved: 0, added: 0, removed: 0 };
  for (const r of rows) {
    counts[r.kind] += 1;
  }
  return counts;
}

/** A piece of a word diff. */
export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** The tokens of a text for a diff: jieba words, punctuation and spaces, which join back into the text. */
export function diffTokens(text: string): string[] {
  return segmenter().cut(text, true);
}

/**
 * The word diff of two texts: jieba words, so a changed word is marked whole (30亩 → 50亩 marks 30 and
 * 50, not a character of 改造 and 改建). A lone punctuation mark or one-character word between two
 * changes is folded into them, and each run of changes reads "deleted, then inserted".
 */
export function diffWords(oldText: string, newText: string): DiffSegment[] {
  const raw: DiffSegment[] = diffArrays(diffTokens(oldText), diffTokens(newText)).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') }));
  // A tiny equal piece between two changes reads better as part of the change.
  const folded: DiffSegment[] = [];
  raw.forEach((s, k) => {
    const changedBefore = k > 0 && raw[k - 1]!.op !== 'equal';
    const changedAfter = k < raw.length - 1 && raw[k + 1]!.op !== 'equal';
    if (s.op === 'equal' && changedBefore && changedAfter && [...s.text].length <= 1 && !s.text.includes('\n')) {
      folded.push({ op: 'delete', text: s.text }, { op: 'insert', text: s.text });
    } else {
      folded.push(s);
    }
  });
  const out: DiffSegment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) {
      out.push({ op: 'delete', text: del });
    }
    if (ins) {
      out.push({ op: 'insert', text: ins });
    }
    del = '';
    ins = '';
  };
  for (const s of folded) {
    if (s.op === 'delete') {
      del += s.text;
    } else if (s.op === 'insert') {
      ins += s.text;
    } else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'equal') {
        last.text += s.text;
      } else if (s.text) {
        out.push({ ...s });
      }
    }
  }
  flush();
  return out;
}

/** The heading of the editor's nth note: 变化一, 变化十二 (or "Change 12" in English). */
export function changeNoteLabel(seq: number, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return locale === 'en' ? `Change ${seq}` : `变化${toChineseNumeral(seq)}`;
}

/** Splits a space- or comma-separated anchor list into its distinct anchors. */
export function parseAnchors(s: string): string[] {
  return [...new Set(s.split(/[\s,，、]+/).filter(Boolean))];
}
