import { words } from '../../platform/search/segment.js';

// Requests for the same information are worded differently; grouping them by shared content words
// (Jaccard similarity over jieba's words, minus the words every request contains) finds what people
// keep asking for. Greedy single-pass clustering is enough for the few thousand requests a year.

/** Two requests are about the same thing at or above this similarity. */
export const SIMILARITY_THRESHOLD = 0.3;

// Words that appear in almost every request and say nothing about what is wanted.
const STOP_WORDS = new Set([
  '申请', '公开', '信息', '政府', '关于', '提供', '请求', '要求', '相关', '有关', '文件', '资料', '本人', '我们', '我的', '依法', '希望', '获取', '查询', '情况', '一下', '以及', '的', '了', '和', '与', '及', '等',
]);

/** The content words of a request's description: jieba words of two characters or more, minus stop words. */
export function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length >= 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w)));
}

/** Jaccard similarity of two word sets: shared words over all words (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) {
    return 0;
  }
  let shared = 0;
  for (const w of a) {
    if (b.has(w)) {
      shared += 1;
    }
  }
  return shared / (a.size + b.size - shared);
}

/** A group of similar requests and the words most of them share. */
export interface RequestCluster<T> {
  items: T[];
  keywords: string[];
}

/**
 * Groups items by the similarity of their text: each item joins the first group whose first item
 * (its representative) is similar enough, else starts a new group. Largest groups first.
 */
export function clusterRequests<T>(items: readonly T[], textOf: (item: T) => string, threshold = SIMILARITY_THRESHOLD): Array<RequestCluster<T>> {
  const groups: Array<{ rep: Set<string>; items: T[]; counts: Map<string, number> }> = [];
  for (const item of items) {
    const ws = contentWords(textOf(item));
    let group = groups.find((g) => jaccard(g.rep, ws) >= threshold);
    if (!group) {
      group = { rep: ws, items: [], counts: new Map() };
      groups.push(group);
    }
    group.items.push(item);
    for (const w of ws) {
      group.counts.set(w, (group.counts.get(w) ?? 0) + 1);
    }
  }
  return groups
    .map((g) => ({
      items: g.items,
      keywords: [...g.counts.entries()]
        .filter(([, n]) => n * 2 >= g.items.length)
        .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
        .slice(0, 5)
        .map(([w]) => w),
    }))
    .sort((a, b) => b.items.length - a.items.length);
}
