import { describe, expect, it } from 'vitest';
import { FacetIndex, RankCache, type FacetColumns } from './policies.facets.js';

function columns(rows: Array<[id: number, theme: string, organ: string, publishedOn: string, validity: string, dept: number]>): FacetColumns {
  return {
    id: rows.map((r) => r[0]),
    theme: rows.map((r) => r[1]),
    organ: rows.map((r) => r[2]),
    publishedOn: rows.map((r) => r[3]),
    validity: rows.map((r) => r[4]),
    departmentId: rows.map((r) => r[5]),
  };
}

const LIB = columns([
  [1, '综合政务', '市政府', '2018-03-01', 'repealed', 10],
  [2, '工业、交通', '市工信局', '2019-09-02', 'valid', 11],
  [3, '工业、交通', '市工信局', '2019-09-02', 'valid', 11],
  [4, '综合政务', '市政府', '2020-01-15', 'valid', 10],
  [7, '科技、教育', '市科技局', '', 'valid', 12],
]);

describe('facet index', () => {
  const index = new FacetIndex(LIB, 'v1');

  it('keeps the library in date order, newest first, then higher id first; undated last', () => {
    expect(index.idsAt(index.select({}))).toEqual([4, 3, 2, 1, 7]);
  });

  it('filters by each facet and by the matching ids, in date order whatever order the matches come in', () => {
    expect(index.idsAt(index.select({ theme: '工业、交通' }))).toEqual([3, 2]);
    expect(index.idsAt(index.select({ year: 2019, department: 11 }))).toEqual([3, 2]);
    expect(index.idsAt(index.select({ validity: 'repealed' }))).toEqual([1]);
    expect(index.idsAt(index.select({}, [1, 4, 2]))).toEqual([4, 2, 1]);
    expect(index.idsAt(index.select({ organ: '市政府' }, [1, 2]))).toEqual([1]);
  });

  it('ignores ids it does not hold and matches nothing for an unknown value', () => {
    expect(index.idsAt(index.select({}, [5, 6, 99, 2]))).toEqual([2]);
    expect(index.select({ theme: '不存在' }).length).toBe(0);
    expect(index.select({ organ: '无此机关' }, [1, 2]).length).toBe(0);
  });

  it('counts every facet among the selection', () => {
    const c = index.counts(index.select({}, [1, 2, 3, 4]));
    expect(c.theme).toEqual([
      { value: '综合政务', count: 2 },
      { value: '工业、交通', count: 2 },
    ]);
    expect(c.year).toEqual([
      { value: 2020, count: 1 },
      { value: 2019, count: 2 },
      { value: 2018, count: 1 },
    ]);
    expect(c.department).toEqual([
      { value: 10, count: 2 },
      { value: 11, count: 2 },
    ]);
    expect(c.validity).toEqual([
      { value: 'valid', count: 3 },
      { value: 'repealed', count: 1 },
    ]);
    // An undated policy has no year facet entry but still counts elsewhere.
    expect(index.counts(index.select({})).year.reduce((n, y) => n + y.count, 0)).toBe(4);
    expect(index.counts(index.select({})).theme.reduce((n, y) => n + y.count, 0)).toBe(5);
  });

  it('tests membership of selected positions by id', () => {
    const has = index.contains(index.select({ theme: '综合政务' }));
    expect([1, 2, 3, 4, 7, 1000].map(has)).toEqual([true, false, false, true, false, false]);
  });

  it('remembers a selection with its counts per key for the life of the snapshot', () => {
    let made = 0;
    const make = () => {
      made += 1;
      return index.select({ theme: '综合政务' });
    };
    const a = index.selection('k', make);
    const b = index.selection('k', make);
    expect(made).toBe(1);
    expect(b).toBe(a);
    expect(a.counts.theme).toEqual([{ value: '综合政务', count: 2 }]);
    expect([1, 2].map(a.has)).toEqual([true, false]);
    index.selection('other', make);
    expect(made).toBe(2);
  });

  it('handles an empty library', () => {
    const empty = new FacetIndex(columns([]), 'v0');
    expect(empty.size).toBe(0);
    expect(empty.counts(empty.select({})).theme).toEqual([]);
  });
});

describe('rank cache', () => {
  it('computes once per version and query, and again when the version changes', async () => {
    const cache = new RankCache();
    let calls = 0;
    const compute = async () => {
      calls += 1;
      return Int32Array.from([3, 1, 2]);
    };
    await cache.get('v1', ['企业'], compute);
    await cache.get('v1', ['企业'], compute);
    expect(calls).toBe(1);
    await cache.get('v2', ['企业'], compute);
    await cache.get('v2', ['企业', '补助'], compute);
    expect(calls).toBe(3);
  });

  it('drops the least recently used entries beyond its size', async () => {
    const cache = new RankCache(5);
    let calls = 0;
    const three = async () => {
      calls += 1;
      return new Int32Array(3);
    };
    await cache.get('v', ['a'], three);
    await cache.get('v', ['b'], three); // 6 ids held: 'a' goes
    await cache.get('v', ['b'], three);
    expect(calls).toBe(2);
    await cache.get('v', ['a'], three);
    expect(calls).toBe(3);
  });
});
