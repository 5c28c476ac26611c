import { describe, expect, it } from 'vitest';
import { indexText, queryTerms, snippet } from './segment.js';

describe('Chinese segmentation for search', () => {
  it('indexes compounds and the words inside them', () => {
    const idx = indexText('中山市人民政府关于深入推进旧厂房改造促进高质量发展的实施意见').split(' ');
    expect(idx).toEqual(expect.arrayContaining(['厂房', '改造', '质量', '高质量', '人民政府']));
    expect(idx).not.toContain('，');
  });

  it('turns a query into its distinct words', () => {
    expect(queryTerms('闲置')).toEqual(['闲置']);
    expect(queryTerms('旧厂房 改造')).toEqual(expect.arrayContaining(['厂房', '改造']));
    expect(queryTerms('，。！')).toEqual([]);
  });

  it('marks the terms in a snippet around the first hit', () => {
    const parts = snippet('第一条 为推进旧厂房改造，制定本意见。第二条 改造范围。', ['改造']);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['改造', '改造']);
    expect(parts.map((p) => p.text).join('')).toContain('旧厂房改造');
  });
});
