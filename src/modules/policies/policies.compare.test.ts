import { describe, expect, it } from 'vitest';
import { alignArticles, changeNoteLabel, countKinds, diffWords, parseAnchors, similarity, type ComparableArticle } from './policies.compare.js';
import { parsePolicyText } from './policies.structure.js';
import { DEMO_POLICIES, OLD_FACTORY_2018, OLD_FACTORY_2019 } from './policies.demo-data.js';

const arts = (...texts: string[]): ComparableArticle[] => texts.map((text, i) => ({ anchor: `tiao-${i + 1}`, number: i + 1, text }));
const shape = (rows: ReturnType<typeof alignArticles>) => rows.map((r) => `${r.kind}:${r.old?.number ?? '-'}>${r.new?.number ?? '-'}${r.moved ? 'M' : ''}${r.renumbered ? 'R' : ''}`);

const A = '为促进旧厂房改造，盘活存量工业用地，制定本意见。';
const B = '本意见适用于本市行政区域内已纳入标图建库范围的旧厂房。';
const C = '改造项目容积率原则上不低于1.5，产业用房可以分割转让。';
const D = '因自身原因闲置土地满两年未动工开发的，依法无偿收回。';
const E = '市财政每年安排旧厂房改造专项资金，对按期完成改造的项目给予奖励。';

describe('alignArticles', () => {
  it('pairs identical texts as the same article', () => {
    const rows = alignArticles(arts(A, B, C), arts(A, B, C));
    expect(shape(rows)).toEqual(['same:1>1', 'same:2>2', 'same:3>3']);
    expect(rows.every((r) => r.similarity === 1)).toBe(true);
  });

  it('matches renumbered articles by content (an article inserted before them)', () => {
    const rows = alignArticles(arts(A, B, C), arts(E, A, B, C));
    expect(shape(rows)).toEqual(['added:->1', 'same:1>2R', 'same:2>3R', 'same:3>4R']);
    expect(countKinds(rows)).toEqual({ same: 3, changed: 0, moved: 0, added: 1, removed: 0 });
  });

  it('marks an article whose relative order changed as moved', () => {
    const rows = alignArticles(arts(A, B, C, D), arts(A, D, B, C));
    expect(shape(rows)).toEqual(['same:1>1', 'moved:4>2MR', 'same:2>3R', 'same:3>4R']);
  });

  it('one changed word: changed, with the word marked whole', () => {
    const rows = alignArticles(arts(A, C), arts(A, C.replace('1.5', '2.0')));
    expect(shape(rows)).toEqual(['same:1>1', 'changed:2>2']);
    expect(rows[1]!.similarity).toBeGreaterThan(0.8);
    expect(rows[1]!.similarity).toBeLessThan(1);
    expect(diffWords(C, C.replace('1.5', '2.0'))).toEqual([
      { op: 'equal', text: '改造项目容积率原则上不低于' },
      { op: 'delete', text: '1.5' },
      { op: 'insert', text: '2.0' },
      { op: 'equal', text: '，产业用房可以分割转让。' },
    ]);
  });

  it('reports added and removed articles, the removed one where it was', () => {
    const rows = alignArticles(arts(A, B, C, D), arts(A, C, D, E));
    expect(shape(rows)).toEqual(['same:1>1', 'removed:2>-', 'same:3>2R', 'same:4>3R', 'added:->4']);
    const first = alignArticles(arts(E, A, B), arts(A, B));
    expect(shape(first)).toEqual(['removed:1>-', 'same:2>1R', 'same:3>2R']);
  });

  it('texts below the threshold are not paired', () => {
    expect(similarity(A, D)).toBeLessThan(0.5);
    expect(shape(alignArticles(arts(A), arts(D)))).toEqual(['removed:1>-', 'added:->1']);
  });

  it('handles empty texts', () => {
    expect(alignArticles([], [])).toEqual([]);
    expect(shape(alignArticles([], arts(A, B)))).toEqual(['added:->1', 'added:->2']);
    expect(shape(alignArticles(arts(A, B), []))).toEqual(['removed:1>-', 'removed:2>-']);
  });

  it('pairs duplicate texts in order and prefers the most similar candidate', () => {
    expect(shape(alignArticles(arts(A, A), arts(A, A)))).toEqual(['same:1>1', 'same:2>2']);
    const c1 = C.replace('1.5', '2.0');
    const c2 = C.replace('1.5', '2.0').replace('产业用房', '改造后的产业用房按幢');
    const rows = alignArticles(arts(c2, C), arts(c1));
    expect(shape(rows)).toEqual(['removed:1>-', 'changed:2>1R']);
  });

  it('aligns the demo 旧厂房改造 2019 with the 2018 policy it replaces', () => {
    const body = (indexNo: string) => DEMO_POLICIES.find((p) => p.indexNo === indexNo)!.body;
    const oldArts = parsePolicyText(body(OLD_FACTORY_2018)).articles;
    const newArts = parsePolicyText(body(OLD_FACTORY_2019)).articles;
    const rows = alignArticles(oldArts, newArts);
    // Every article appears exactly once, new ones in order.
    expect(rows.filter((r) => r.new).map((r) => r.new!.number)).toEqual(newArts.map((a) => a.number));
    expect(rows.filter((r) => r.old).map((r) => r.old!.number).sort((a, b) => a - b)).toEqual(oldArts.map((a) => a.number));
    const pair = (n: number) => rows.find((r) => r.new?.number === n)!;
    // 领导小组 moved from the 保障措施 chapter (第十七条) into the general provisions (第四条).
    expect(pair(4)).toMatchObject({ kind: 'changed', moved: true, old: { number: 17 } });
    expect(pair(5).old?.number).toBe(4); // 30亩 → 50亩
    expect(pair(9).old?.number).toBe(7); // 容积率, 分割转让比例
    expect(pair(15).old?.number).toBe(16); // 动工开发, reordered within 闲置土地处置
    expect(pair(20).old?.number).toBe(19); // 资金扶持
    for (const n of [7, 10, 18]) {
      expect(pair(n).kind).toBe('added'); // 归宗改造, 分类解决, 公开
    }
    const removed = rows.filter((r) => r.kind === 'removed').map((r) => r.old!.number);
    expect(removed).toEqual(expect.arrayContaining([11, 12])); // 省周转规模, 先承诺后审批
    // The removed 2018 articles sit after 第十条's successor (第十三条), where they were.
    const k = rows.findIndex((r) => r.new?.number === 13);
    expect(rows.slice(k + 1, k + 3).map((r) => r.old?.number)).toEqual([11, 12]);
    const counts = countKinds(rows);
    expect(counts.changed + counts.same + counts.moved).toBeGreaterThanOrEqual(16);
    expect(counts.added).toBeGreaterThanOrEqual(3);
  });
});

describe('diffWords', () => {
  it('returns one equal segment for identical texts and whole inserts for an empty side', () => {
    expect(diffWords(A, A)).toEqual([{ op: 'equal', text: A }]);
    expect(diffWords('', B)).toEqual([{ op: 'insert', text: B }]);
    expect(diffWords(B, '')).toEqual([{ op: 'delete', text: B }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('marks whole Chinese words and folds a lone separator into the change', () => {
    const segs = diffWords('市国土资源局、市城乡规划局负责用地管理', '市自然资源局负责用地管理');
    expect(segs.map((s) => s.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(segs[1]!.text + segs[3]!.text).toContain('城乡规划局');
    // Each side rebuilds exactly.
    const side = (op: 'delete' | 'insert') => segs.filter((s) => s.op === 'equal' || s.op === op).map((s) => s.text).join('');
    expect(side('delete')).toBe('市国土资源局、市城乡规划局负责用地管理');
    expect(side('insert')).toBe('市自然资源局负责用地管理');
  });

  it('never leaves two adjacent segments of the same kind and keeps line breaks', () => {
    const o = '周转期原则上不超过2年。\n受让对象不限。';
    const n = '周转期原则上不超过3年。\n受让对象应当符合产业准入条件。';
    const segs = diffWords(o, n);
    segs.slice(1).forEach((s, i) => expect(s.op).not.toBe(segs[i]!.op));
    expect(segs.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe(o);
    expect(segs.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).toBe(n);
  });
});

describe('change note labels and anchors', () => {
  it('writes 变化一 … 变化九十九 in Chinese numerals', () => {
    const expected: Record<number, string> = { 1: '变化一', 2: '变化二', 9: '变化九', 10: '变化十', 11: '变化十一', 19: '变化十九', 20: '变化二十', 21: '变化二十一', 30: '变化三十', 45: '变化四十五', 90: '变化九十', 99: '变化九十九' };
    for (const [n, label] of Object.entries(expected)) {
      expect(changeNoteLabel(Number(n))).toBe(label);
    }
    const digits = '一二三四五六七八九';
    for (let n = 1; n <= 99; n++) {
      const tens = Math.floor(n / 10);
      const ones = n % 10;
      const want = `变化${tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens - 1]}十`}${ones ? digits[ones - 1] : ''}`;
      expect(changeNoteLabel(n)).toBe(want);
    }
    expect(changeNoteLabel(3, 'en')).toBe('Change 3');
  });

  it('splits anchor lists on spaces and Chinese separators', () => {
    expect(parseAnchors(' tiao-5, tiao-7、tiao-5  duan-2 ')).toEqual(['tiao-5', 'tiao-7', 'duan-2']);
    expect(parseAnchors('')).toEqual([]);
  });
});
