import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, PASSWORD, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { creditCodeCheckChar } from '../src/platform/identity/index.js';
import { importEnterprises } from '../src/modules/enterprises/index.js';
import { dailyRun } from '../src/modules/navigator/index.js';
import { saveRule } from '../src/modules/navigator/navigator.service.js';
import { saveGuide } from '../src/modules/navigator/navigator.guide.js';
import type { Actor, CurrentUser } from '../src/http/context.js';
import { todayInChina } from '../src/platform/clock.js';

// Dates are relative to the day the suite runs (in Beijing): publishing matches against today, so a
// fixed founding date would make the first assertion depend on the clock.
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const D0 = todayInChina();
const day = (n: number) => shift(D0, n);
/** Founded two years before tomorrow: not two years old today, two years old tomorrow. */
const FOUNDED = `${Number(day(1).slice(0, 4)) - 2}${day(1).slice(4)}`;
const APPLY_UNTIL = day(6);

const first17 = '91442000MA9999999';
const CODE = first17 + creditCodeCheckChar(first17);
const ACTOR: Actor = { userId: null, name: 'test', ip: '127.0.0.1', requestId: 'test' };

describe(`navigator: the daily run (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let policyId: number;

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    const dept = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    const a = await makeUser(t.db, 'admin', []);
    const admin: CurrentUser = { id: a.id, username: a.username, displayName: a.username, role: 'admin', departmentIds: [] };
    const editor = new Browser(app);
    const reviewer = new Browser(app);
    await editor.post('/login', { username: e.username, password: PASSWORD }, '/login');
    await reviewer.post('/login', { username: r.username, password: PASSWORD }, '/login');
    const head = '统一社会信用代码,企业名称,企业类型,经济类型,行业代码,企业规模,成立日期,注册资本（万元）,所在镇街,法定代表人,法定代表人手机,从业人数,上年营业收入（万元）,上年纳税额（万元）,研发投入占比（%）,资质称号';
    const report = await importEnterprises(t.db.kysely, Readable.from([`${head}\n${CODE},周年科技有限公司,有限责任公司,私营,I6513,小型,${FOUNDED},100,火炬开发区,李四,13900139000,12,500,,,`]), 'csv', { fileName: 'one.csv', asOf: '2026-06-30' });
    expect(report).toMatchObject({ inserted: 1, refused: 0 });
    const res = await editor.post(
      '/admin/policies/new',
      { indexNo: `11442000/2026-D${Date.now() % 10000}`, title: '成立满两年企业扶持办法', issuingOrgan: '市工信局', departmentId: String(dept.id), theme: '工业、交通', writtenOn: '2026-01-10', validity: 'valid', category: 'normative', summary: '扶持', body: '第一条 成立满两年的企业可以申请扶持。', ...POLICY_CARD_FIELDS },
      '/admin/policies/new',
    );
    policyId = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    await t.db.kysely.transaction().execute(async (trx) => {
      await saveRule(trx, ACTOR, admin, policyId, { tree: { id: 'root', kind: 'all', items: [{ id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 }] }, effectiveFrom: day(-30) });
      await saveGuide(trx, ACTOR, admin, policyId, { supportKind: 'none', categories: [], applyFrom: day(-28), applyUntil: APPLY_UNTIL, onlineUrl: 'https://example.gov.cn/apply' });
    });
    await editor.post(`/admin/policies/${policyId}/submit`, {}, `/admin/policies/${policyId}`);
    await reviewer.post(`/admin/policies/${policyId}/publish`, {}, `/admin/policies/${policyId}`);
  });
  afterAll(() => stopTestApp(t, app));

  const notes = () => t.db.kysely.selectFrom('notification').select(['topic', 'dedupeKey']).where('recipientKey', '=', CODE).orderBy('id').execute();
  const run = (day: string) => t.db.kysely.transaction().execute((trx) => dailyRun(trx, day));

  it('pushes a policy on the day a date condition becomes true, and runs once a day', async () => {
    expect((await run(day(0))).ran).toBe(true);
    expect(await notes()).toEqual([]);
    expect((await run(day(0))).ran).toBe(false);
    const r = await run(day(1));
    expect(r.ran).toBe(true);
    expect((await notes()).map((n) => n.topic)).toEqual(['policy-match', 'policy-deadline']);
  });

  it('reminds once per application window, not every day of the last week', async () => {
    await run(day(2));
    await run(day(3));
    expect((await notes()).filter((n) => n.topic === 'policy-deadline')).toEqual([{ topic: 'policy-deadline', dedupeKey: `policy-deadline:${CODE}:${policyId}:${APPLY_UNTIL}` }]);
  });
});
