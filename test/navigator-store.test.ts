import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { makeDepartment } from './helpers/factories.js';
import { creditCodeCheckChar } from '../src/platform/identity/index.js';
import { nowIso } from '../src/platform/clock.js';
import { enterpriseRowsCsv, generateEnterpriseRows, importEnterprises } from '../src/modules/enterprises/index.js';
import { dropDirectoryCache, expandPushBatches, INLINE_PUSH_LIMIT, matchAll, matchPolicy, storedMatchesOf } from '../src/modules/navigator/index.js';
import type { Condition } from '../src/modules/navigator/navigator.rules.js';

// The result store and the directory cache under the matcher: pushes never repeat, several new
// policies make one message, and the in-memory directory follows changes (and rollbacks).

const code = (n: number) => {
  const first17 = `91442000MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const HEAD = '统一社会信用代码,企业名称,企业类型,经济类型,行业代码,企业规模,成立日期,注册资本（万元）,所在镇街,法定代表人,法定代表人手机,从业人数,上年营业收入（万元）,上年纳税额（万元）,研发投入占比（%）,资质称号';
const row = (n: number, rd: string) => `${code(n)},测试${n}号有限公司,有限责任公司,私营,I6513,小型,2019-05-01,100,火炬开发区,张三,13800138000,30,1000,,${rd},`;
const csv = (rows: string[]) => Readable.from([[HEAD, ...rows].join('\n')]);
const rdAtLeast = (value: number): Condition => ({ id: 'root', kind: 'all', items: [{ id: 'rd', kind: 'compare', fact: 'rdRatio', op: '>=', value }] });

describe(`navigator: stored matches and the directory cache (${TEST_DIALECT})`, () => {
  let t: TestDb;
  const policies: number[] = [];

  const addPolicy = async (title: string, rule: Condition) => {
    const now = nowIso();
    const dept = await t.db.kysely.selectFrom('department').select('id').executeTakeFirstOrThrow();
    const p = await t.db.kysely
      .insertInto('policy')
      .values({ indexNo: `S-${title}`, title, docNumber: '', issuingOrgan: '市科技局', departmentId: dept.id, theme: '科技、教育', keywords: '', serviceObject: '', writtenOn: '2026-01-01', publishedOn: '2026-01-02', effectiveOn: '2026-01-02', validity: 'valid', summary: '', body: '第一条 略。', preamble: '', status: 'published', reviewNote: '', createdAt: now, updatedAt: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('policyRule').values({ policyId: p.id, version: 1, effectiveFrom: '2020-01-01', tree: JSON.stringify(rule), note: '', createdBy: null, createdAt: now }).execute();
    policies.push(p.id);
    return p.id;
  };
  const enterpriseId = async (n: number) => (await t.db.kysely.selectFrom('enterprise').select('id').where('creditCode', '=', code(n)).executeTakeFirstOrThrow()).id;
  const verdicts = async (n: number) => Object.fromEntries((await storedMatchesOf(t.db.kysely, await enterpriseId(n))).map((m) => [m.policyId, m.verdict]));
  const pushes = async (n: number) => t.db.kysely.selectFrom('notification').select(['title', 'dedupeKey']).where('recipientKey', '=', code(n)).where('topic', '=', 'policy-match').orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestDb();
    await makeDepartment(t.db);
    await importEnterprises(t.db.kysely, csv([row(1, '5'), row(2, '2'), row(3, '')]), 'csv', { fileName: 'a.csv', asOf: '2026-06-30' });
    await addPolicy('研发补助甲', rdAtLeast(4));
    await addPolicy('研发补助乙', rdAtLeast(3));
    await addPolicy('研发补助丙', rdAtLeast(1));
  });
  afterAll(() => t.drop());

  it('stores every verdict and pushes several new policies to an enterprise as one message', async () => {
    const s = await t.db.kysely.transaction().execute((trx) => matchAll(trx, '2026-11-29'));
    expect(s).toMatchObject({ met: 4, near: 2, unknown: 3 });
    expect(await verdicts(1)).toEqual({ [policies[0]!]: 'met', [policies[1]!]: 'met', [policies[2]!]: 'met' });
    expect(await verdicts(2)).toEqual({ [policies[0]!]: 'near', [policies[1]!]: 'near', [policies[2]!]: 'met' });
    expect(await verdicts(3)).toEqual({ [policies[0]!]: 'unknown', [policies[1]!]: 'unknown', [policies[2]!]: 'unknown' });
    const one = await pushes(1);
    expect(one).toHaveLength(1);
    expect(one[0]!.title).toBe('3 项新的惠企政策与您匹配');
    expect((await pushes(2)).map((p) => p.dedupeKey)).toEqual([`policy-match:${code(2)}:${policies[2]}`]);
  });

  it('never pushes a policy twice, even after the match is lost and regained', async () => {
    await t.db.kysely.updateTable('policy').set({ validity: 'expired' }).where('id', '=', policies[2]!).execute();
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policies[2]!, '2026-11-29'));
    expect((await verdicts(2))[policies[2]!]).toBeUndefined();
    await t.db.kysely.updateTable('policy').set({ validity: 'valid' }).where('id', '=', policies[2]!).execute();
    const s = await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policies[2]!, '2026-11-29'));
    expect(s).toMatchObject({ met: 2, notified: 0 });
    expect(await pushes(2)).toHaveLength(1);
  });

  it('follows a changed enterprise in the cached directory, and rebuilds after a rollback', async () => {
    // Warm the cache, then change 乙 (rd 2 → 4.5) through the import: its hook patches the cache.
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policies[0]!, '2026-11-29'));
    await importEnterprises(t.db.kysely, csv([row(2, '4.5')]), 'csv', { fileName: 'b.csv', asOf: '2026-07-31' });
    expect(await verdicts(2)).toMatchObject({ [policies[0]!]: 'met', [policies[1]!]: 'met' });
    expect((await pushes(2)).at(-1)!.title).toBe('2 项新的惠企政策与您匹配');
    // A change that rolls back must not leave the cache believing it.
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await importEnterprises(trx, csv([row(1, '0.5')]), 'csv', { fileName: 'c.csv', asOf: '2026-08-31' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policies[0]!, '2026-11-29'));
    expect((await verdicts(1))[policies[0]!]).toBe('met');
    // And a cold process reads the same.
    dropDirectoryCache();
    await t.db.kysely.transaction().execute((trx) => matchAll(trx, '2026-11-29'));
    expect(await verdicts(1)).toMatchObject({ [policies[0]!]: 'met' });
    expect(await verdicts(2)).toMatchObject({ [policies[0]!]: 'met' });
  });
});

describe(`navigator: a run with new matches for many enterprises pushes through a batch (${TEST_DIALECT})`, () => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb();
    await makeDepartment(t.db);
    // One more enterprise than a run notifies by itself.
    await importEnterprises(t.db.kysely, Readable.from(enterpriseRowsCsv(generateEnterpriseRows(INLINE_PUSH_LIMIT + 1, 5))), 'csv', { fileName: 'many.csv', asOf: '2026-06-30' });
    const now = nowIso();
    const dept = await t.db.kysely.selectFrom('department').select('id').executeTakeFirstOrThrow();
    for (const title of ['人人可享甲', '人人可享乙']) {
      const p = await t.db.kysely
        .insertInto('policy')
        .values({ indexNo: `B-${title}`, title, docNumber: '', issuingOrgan: '市工信局', departmentId: dept.id, theme: '工业、交通', keywords: '', serviceObject: '', writtenOn: '2026-01-01', publishedOn: '2026-01-02', effectiveOn: '2026-01-02', validity: 'valid', summary: '', body: '第一条 略。', preamble: '', status: 'published', reviewNote: '', createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const everyone: Condition = { id: 'root', kind: 'all', items: [{ id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 0 }] };
      await t.db.kysely.insertInto('policyRule').values({ policyId: p.id, version: 1, effectiveFrom: '2020-01-01', tree: JSON.stringify(everyone), note: '', createdBy: null, createdAt: now }).execute();
    }
  });
  afterAll(() => t.drop());

  const pushes = async () => Number((await t.db.kysely.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('topic', '=', 'policy-match').executeTakeFirstOrThrow()).n);

  it('commits the batch with the match, writes it out slice by slice, and never twice', async () => {
    const s = await t.db.kysely.transaction().execute((trx) => matchAll(trx, '2026-11-29'));
    expect(s.met).toBe(2 * (INLINE_PUSH_LIMIT + 1));
    expect(s.notified).toBe(INLINE_PUSH_LIMIT + 1);
    expect(await pushes()).toBe(0);
    const batch = await t.db.kysely.selectFrom('pushBatch').select(['entries', 'cursor', 'finishedAt']).executeTakeFirstOrThrow();
    expect(batch).toEqual({ entries: INLINE_PUSH_LIMIT + 1, cursor: 0, finishedAt: null });

    expect(await expandPushBatches(t.db.kysely, { maxSlices: 1 })).toBe(1);
    expect(await pushes()).toBe(INLINE_PUSH_LIMIT);
    expect(await expandPushBatches(t.db.kysely)).toBe(1);
    expect(await pushes()).toBe(INLINE_PUSH_LIMIT + 1);
    const done = await t.db.kysely.selectFrom('pushBatch').select(['cursor', 'finishedAt']).executeTakeFirstOrThrow();
    expect(done.cursor).toBe(INLINE_PUSH_LIMIT + 1);
    expect(done.finishedAt).not.toBeNull();
    const one = await t.db.kysely.selectFrom('notification').select(['title', 'body']).where('topic', '=', 'policy-match').limit(1).executeTakeFirstOrThrow();
    expect(one.title).toBe('2 项新的惠企政策与您匹配');
    expect(one.body).toContain('《人人可享甲》、《人人可享乙》');
    // Every enterprise has its inbox message too.
    expect(Number((await t.db.kysely.selectFrom('inboxMessage').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(INLINE_PUSH_LIMIT + 1);

    // The next day's run finds nothing new to push.
    const again = await t.db.kysely.transaction().execute((trx) => matchAll(trx, '2026-11-30'));
    expect(again.notified).toBe(0);
    expect(await expandPushBatches(t.db.kysely)).toBe(0);
  }, 60_000);
});
