import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese has no spaces between words; jieba's search mode cuts a text into words and also into the
// shorter words inside compounds (旧厂房 → 旧, 厂房, 旧厂房), so a two-character query finds its word.
let jieba: Jieba | null = null;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** The words of a text, in search mode, lower-cased, without punctuation. */
export function words(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((w) => w.trim().toLowerCase())
    .filter((w) => WORD.test(w));
}

/** The text to store in the full-text index: its words separated by spaces. */
export function indexText(text: string): string {
  return words(text).join(' ');
}

/** The distinct words of a query (every one must match). */
export function queryTerms(q: string): string[] {
  return [...new Set(words(q))].slice(0, 12);
}

/** Splits a text into plain and marked parts around the first place a term occurs, for a snippet. */
export function snippet(text: string, terms: string[], width = 60): Array<{ text: string; mark: boolean }> {
  const flat = text.replace(/\s+/g, ' ');
  const hits = terms.map((t) => flat.toLowerCase().indexOf(t)).filter((i) => i >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const part = (start > 0 ? '…' : '') + flat.slice(start, start + width) + (start + width < flat.length ? '…' : '');
  const sorted = [...terms].sort((a, b) => b.length - a.length).filter(Boolean);
  if (sorted.length === 0) {
    return [{ text: part, mark: false }];
  }
  const re = new RegExp(`(${sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return part
    .split(re)
    .filter((s) => s !== '')
    .map((s) => ({ text: s, mark: sorted.some((t) => t.toLowerCase() === s.toLowerCase()) }));
}
