import { describe, expect, it } from 'vitest';
import { articleLabel, chineseNumeral, parsePolicyText, toChineseNumeral } from './policies.structure.js';

describe('Chinese numerals', () => {
  it('reads the numerals used for chapters and articles', () => {
    expect(chineseNumeral('一')).toBe(1);
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('十二')).toBe(12);
    expect(chineseNumeral('二十')).toBe(20);
    expect(chineseNumeral('二十三')).toBe(23);
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(chineseNumeral('12')).toBe(12);
    expect(chineseNumeral('甲')).toBeNull();
  });

  it('writes them back', () => {
    for (const n of [1, 9, 10, 11, 20, 23, 100, 105, 110, 999]) {
      expect(chineseNumeral(toChineseNumeral(n))).toBe(n);
    }
    expect(articleLabel(12)).toBe('第十二条');
    expect(toChineseNumeral(105)).toBe('一百零五');
  });
});

describe('parsePolicyText', () => {
  it('splits chapters and articles, keeps multi-line articles together, and keeps the preamble apart', () => {
    const text = ['为推进旧厂房改造，制定本意见。', '第一章 总则', '第一条 目的。', '第二条 适用范围。', '本条第二段。', '第二章 用地政策', '第三条 动工开发的认定。'].join('\n');
    const { preamble, articles } = parsePolicyText(text);
    expect(preamble).toBe('为推进旧厂房改造，制定本意见。');
    expect(articles.map((a) => [a.number, a.anchor, a.chapterNumber, a.chapterTitle])).toEqual([
      [1, 'tiao-1', 1, '总则'],
      [2, 'tiao-2', 1, '总则'],
      [3, 'tiao-3', 2, '用地政策'],
    ]);
    expect(articles[1]!.text).toBe('适用范围。\n本条第二段。');
  });

  it('gives a text without numbered articles one address per paragraph', () => {
    const { articles } = parsePolicyText('第一段。\n\n第二段。');
    expect(articles.map((a) => a.anchor)).toEqual(['duan-1', 'duan-2']);
  });

  it('keeps anchors unique when a number repeats', () => {
    const { articles } = parsePolicyText('第一条 甲\n第一条 乙');
    expect(articles.map((a) => a.anchor)).toEqual(['tiao-1', 'tiao-1-2']);
  });
});
