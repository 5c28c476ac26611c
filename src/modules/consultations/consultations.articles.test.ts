import { describe, expect, it } from 'vitest';
import { carryOver, deleteArticle, diffText, formerNumbers, insertArticle, mergeWithNext, moveArticle, parseChineseNumber, splitArticle, splitText, type DraftArticle } from './consultations.articles.js';

const round1 = (): Array<DraftArticle & { id: number }> =>
  ['甲', '乙', '丙', '丁'].map((x, i) => ({ id: 100 + i, number: i + 1, chapter: '第一章 总则', heading: `措施${x}`, body: `内容${x}。`, lineage: `L${i + 1}`, fromIds: [] }));

describe('article identity across rounds', () => {
  it('carries every article over with its lineage and a link to its predecessor', () => {
    const next = carryOver(round1());
    expect(next.map((a) => [a.number, a.lineage, a.fromIds])).toEqual([
      [1, 'L1', [100]],
      [2, 'L2', [101]],
      [3, 'L3', [102]],
      [4, 'L4', [103]],
    ]);
  });

  it('keeps identity when articles are inserted, deleted and renumbered, and tells the former number', () => {
    let next = carryOver(round1());
    next = insertArticle(next, 0, { heading: '新增', body: '新增内容。' }, 'NEW');
    next = deleteArticle(next, 3); // 原第二条 (乙) removed
    expect(next.map((a) => a.lineage)).toEqual(['NEW', 'L1', 'L3', 'L4']);
    const prevNumber = new Map(round1().map((a) => [a.id, a.number]));
    expect(next.map((a) => formerNumbers(a, prevNumber))).toEqual([[], [1], [], []]);
    // 原第三条 is now 第三条: nothing to say; 原第一条 is now 第二条.
    expect(formerNumbers(next[2]!, prevNumber)).toEqual([]);
    expect(formerNumbers(next[1]!, prevNumber)).toEqual([1]);
  });

  it('merges two articles into one that continues both, and splits one into two that continue the same', () => {
    const merged = mergeWithNext(carryOver(round1()), 2);
    expect(merged).toHaveLength(3);
    expect(merged[1]).toMatchObject({ number: 2, lineage: 'L2', body: '内容乙。\n内容丙。', fromIds: [101, 102] });
    expect(merged[2]).toMatchObject({ number: 3, lineage: 'L4', fromIds: [103] });
    const prevNumber = new Map(round1().map((a) => [a.id, a.number]));
    expect(formerNumbers(merged[1]!, prevNumber)).toEqual([2, 3]);
    expect(formerNumbers(merged[2]!, prevNumber)).toEqual([4]);

    const split = splitArticle(merged, 2, '内容乙。'.length, 'SPLIT');
    expect(split.map((a) => [a.number, a.lineage, a.body, a.fromIds])).toEqual([
      [1, 'L1', '内容甲。', [100]],
      [2, 'L2', '内容乙。', [101, 102]],
      [3, 'SPLIT', '内容丙。', [101, 102]],
      [4, 'L4', '内容丁。', [103]],
    ]);
  });

  it('moves an article and refuses positions that do not exist', () => {
    const moved = moveArticle(carryOver(round1()), 4, 1);
    expect(moved.map((a) => a.lineage)).toEqual(['L4', 'L1', 'L2', 'L3']);
    expect(() => deleteArticle(moved, 5)).toThrow(RangeError);
    expect(() => mergeWithNext(moved, 4)).toThrow(RangeError);
    expect(() => splitArticle(moved, 1, 0)).toThrow(RangeError);
  });
});

describe('the paste-the-whole-text splitter', () => {
  it('recognises 第X条 articles with chapters and bracketed headings, continuation lines included', () => {
    const text = '光明区某某办法\n第一章 总则\n第一条 为了优化营商环境，制定本办法。\n第二条【适用范围】本办法适用于本区。\n本区以外参照执行。\n第二章 服务\n第十二条 政务服务实行一网通办。';
    expect(splitText(text)).toEqual([
      { chapter: '第一章 总则', heading: '', body: '为了优化营商环境，制定本办法。' },
      { chapter: '第一章 总则', heading: '适用范围', body: '本办法适用于本区。\n本区以外参照执行。' },
      { chapter: '第二章 服务', heading: '', body: '政务服务实行一网通办。' },
    ]);
  });

  it('recognises numbered measures when there are no 第X条 articles', () => {
    const text = '一、提升政务服务效能\n1. 推行企业开办一日办结。\n2、（证照分离）深化改革。\n（3）优化纳税服务。';
    expect(splitText(text)).toEqual([
      { chapter: '', heading: '', body: '推行企业开办一日办结。' },
      { chapter: '', heading: '证照分离', body: '深化改革。' },
      { chapter: '', heading: '', body: '优化纳税服务。' },
    ]);
    expect(parseChineseNumber('二十三')).toBe(23);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('十')).toBe(10);
  });

  it('diffs two texts into kept, inserted and deleted parts', () => {
    const parts = diffText('企业开办三日办结', '企业开办一日办结');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('')).toBe('三');
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text).join('')).toBe('一');
  });
});
