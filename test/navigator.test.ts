import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, PASSWORD, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { creditCodeCheckChar } from '../src/platform/identity/index.js';
import { importEnterprises } from '../src/modules/enterprises/index.js';
import { matchPolicy, storedMatchesOf } from '../src/modules/navigator/index.js';
import { addExample, saveRule } from '../src/modules/navigator/navigator.service.js';
import { leavesOf, type Condition } from '../src/modules/navigator/navigator.rules.js';
import type { Actor, CurrentUser } from '../src/http/context.js';

const code = (n: number) => {
  const first17 = `91442000MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const HEAD = '统一社会信用代码,企业名称,企业类型,经济类型,行业代码,企业规模,成立日期,注册资本（万元）,所在镇街,法定代表人,法定代表人手机,从业人数,上年营业收入（万元）,上年纳税额（万元）,研发投入占比（%）,资质称号';
const row = (n: number, o: { name: string; ind: string; size: string; founded: string; rev: string; rd: string; tags: string }) => `${code(n)},${o.name},有限责任公司,私营,${o.ind},${o.size},${o.founded},100,火炬开发区,张三,13800138000,30,${o.rev},,${o.rd},${o.tags}`;

const ACTOR: Actor = { userId: null, name: 'test', ip: '127.0.0.1', requestId: 'test' };

// Software firms with R&D ≥ 4% founded at least two years ago.
const RULE: Condition = {
  id: 'root',
  kind: 'all',
  items: [
    { id: 'ind', kind: 'industry', prefixes: ['I65'] },
    { id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 },
    { id: 'rd', kind: 'compare', fact: 'rdRatio', op: '>=', value: 4 },
  ],
};

describe(`navigator: rules, matching and my policies (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let editor: Browser;
  let reviewer: Browser;
  let admin: CurrentUser;
  let policyId: number;
  /** The browser of 甲's enterprise account (made in the guide test). */
  let jia: Browser;

  const csv = (rows: string[]) => Readable.from([[HEAD, ...rows].join('\n')]);

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    const a = await makeUser(t.db, 'admin', []);
    admin = { id: a.id, username: a.username, displayName: a.username, role: 'admin', departmentIds: [] };
    editor = new Browser(app);
    reviewer = new Browser(app);
    await editor.post('/login', { username: e.username, password: PASSWORD }, '/login');
    await reviewer.post('/login', { username: r.username, password: PASSWORD }, '/login');
    await importEnterprises(
      t.db.kysely,
      csv([
        row(1, { name: '甲软件有限公司', ind: 'I6513', size: '小型', founded: '2019-05-01', rev: '1000', rd: '5', tags: '' }),
        row(2, { name: '乙软件有限公司', ind: 'I6513', size: '小型', founded: '2019-05-01', rev: '1000', rd: '3.2', tags: '' }),
        row(3, { name: '丙软件有限公司', ind: 'I6513', size: '小型', founded: '2019-05-01', rev: '1000', rd: '', tags: '' }),
        row(4, { name: '丁灯饰有限公司', ind: 'C3872', size: '小型', founded: '2025-05-01', rev: '1000', rd: '1', tags: '' }),
      ]),
      'csv',
      { fileName: 'test.csv', asOf: '2026-06-30' },
    );
    const res = await editor.post(
      '/admin/policies/new',
      {
        indexNo: `11442000/2026-${Date.now() % 100000}`,
        title: '软件企业研发补助办法',
        docNumber: '',
        issuingOrgan: '市科技局',
        departmentId: String(dept.id),
        theme: '科技、教育',
        writtenOn: '2026-01-10',
        validity: 'valid',
        category: 'normative',
        summary: '研发补助',
        body: '第一条 为支持软件企业研发，制定本办法。',
        ...POLICY_CARD_FIELDS,
      },
      '/admin/policies/new',
    );
    policyId = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
  });
  afterAll(() => stopTestApp(t, app));

  // The stored matches of the policy, by enterprise name: verdict and the condition a near miss lacks.
  const matches = async () => {
    const out: Array<{ name: string; verdict: string; nearMiss: string | null }> = [];
    const leaves = leavesOf(RULE);
    for (const e of await t.db.kysely.selectFrom('enterprise').select(['id', 'name']).orderBy('name').execute()) {
      for (const m of (await storedMatchesOf(t.db.kysely, e.id)).filter((x) => x.policyId === policyId)) {
        out.push({ name: e.name, verdict: m.verdict, nearMiss: m.nearLeaf >= 0 ? leaves[m.nearLeaf]!.id : null });
      }
    }
    return out;
  };

  it('a policy whose worked examples fail is not published; fixed, it publishes and is matched at once', async () => {
    await t.db.kysely.transaction().execute(async (trx) => {
      await saveRule(trx, ACTOR, admin, policyId, { tree: RULE, effectiveFrom: '2026-01-01' });
      // Wrong on purpose: 3% R&D does not qualify.
      await addExample(trx, ACTOR, admin, policyId, { name: '研发 3%', referenceDate: '2026-11-29', facts: { industryCode: { value: 'I6513', source: 'registration', asOf: '2026-06-30' }, foundedOn: { value: '2019-01-01', source: 'registration', asOf: '2026-06-30' }, rdRatio: { value: 3, source: 'registration', asOf: '2026-06-30' } }, expected: 'met' });
    });
    expect((await editor.post(`/admin/policies/${policyId}/submit`, {}, `/admin/policies/${policyId}`)).statusCode).toBe(303);
    const refused = await reviewer.post(`/admin/policies/${policyId}/publish`, {}, `/admin/policies/${policyId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('测试案例');
    expect(await matches()).toEqual([]);

    await t.db.kysely.updateTable('policyRuleExample').set({ expected: 'near' }).where('policyId', '=', policyId).execute();
    expect((await reviewer.post(`/admin/policies/${policyId}/publish`, {}, `/admin/policies/${policyId}`)).statusCode).toBe(303);
    expect(await matches()).toEqual([
      { name: '丙软件有限公司', verdict: 'unknown', nearMiss: null },
      { name: '乙软件有限公司', verdict: 'near', nearMiss: 'rd' },
      { name: '甲软件有限公司', verdict: 'met', nearMiss: null },
    ]);
  });

  it('notifies each newly matched enterprise once, in the matching transaction', async () => {
    const notes = await t.db.kysely.selectFrom('notification').select(['recipientKey', 'dedupeKey']).where('topic', '=', 'policy-match').execute();
    expect(notes).toEqual([{ recipientKey: code(1), dedupeKey: `policy-match:${code(1)}:${policyId}` }]);
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policyId));
    expect(await t.db.kysely.selectFrom('notification').select('id').where('topic', '=', 'policy-match').execute()).toHaveLength(1);
  });

  it('re-matches only the enterprises an import changed, and notifies the one that now qualifies', async () => {
    await importEnterprises(t.db.kysely, csv([row(2, { name: '乙软件有限公司', ind: 'I6513', size: '小型', founded: '2019-05-01', rev: '1000', rd: '4.5', tags: '' })]), 'csv', { fileName: 'update.csv', asOf: '2026-07-31' });
    const after = await matches();
    expect(after.find((m) => m.name === '乙软件有限公司')).toMatchObject({ verdict: 'met', nearMiss: null });
    expect(after.find((m) => m.name === '甲软件有限公司')).toMatchObject({ verdict: 'met' });
    const keys = (await t.db.kysely.selectFrom('notification').select('recipientKey').where('topic', '=', 'policy-match').execute()).map((n) => n.recipientKey).sort();
    expect(keys).toEqual([code(1), code(2)].sort());
  });

  it('judges by the rule version in force on the reference date', async () => {
    const stricter: Condition = { ...RULE, items: RULE.items.map((c) => (c.id === 'rd' ? { ...c, value: 6 } : c)) };
    await t.db.kysely.transaction().execute(async (trx) => {
      await saveRule(trx, ACTOR, admin, policyId, { tree: stricter, effectiveFrom: '2099-01-01' });
    });
    // Today the old version still rules: 甲 (5%) stays met.
    expect((await matches()).find((m) => m.name === '甲软件有限公司')).toMatchObject({ verdict: 'met' });
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policyId, '2099-06-01'));
    expect((await matches()).find((m) => m.name === '甲软件有限公司')).toMatchObject({ verdict: 'near', nearMiss: 'rd' });
    await t.db.kysely.transaction().execute((trx) => matchPolicy(trx, policyId));
  });

  it('refuses a rule with problems, naming the condition; keeps staff to their department', async () => {
    const bad: Condition = { id: 'root', kind: 'all', items: [{ id: 'x', kind: 'industry', prefixes: ['Z9'] }] };
    await expect(t.db.kysely.transaction().execute((trx) => saveRule(trx, ACTOR, admin, policyId, { tree: bad, effectiveFrom: '2026-01-01' }))).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'node.x', key: 'navigator.rule_bad_prefix' }] });
    const other = await makeDepartment(t.db);
    const outsider = await makeUser(t.db, 'editor', [other.id]);
    const u: CurrentUser = { id: outsider.id, username: outsider.username, displayName: outsider.username, role: 'editor', departmentIds: [other.id] };
    await expect(t.db.kysely.transaction().execute((trx) => saveRule(trx, ACTOR, u, policyId, { tree: RULE, effectiveFrom: '2026-01-01' }))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('an editor writes the application guide; bad input is named beside its field and nothing is saved', async () => {
    const page = `/admin/policies/${policyId}/guide`;
    const bad = await editor.post(page, { supportKind: 'rate', supportFact: 'revenue', supportRate: '', applyFrom: '2026-12-01', applyUntil: '2026-11-01', onlineUrl: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('截止日期不能早于开始日期');
    expect(bad.body).toContain('请填写网上申报链接或线下办理地点');
    expect(bad.body).toMatch(/id="supportRate-error"/);
    expect(await t.db.kysely.selectFrom('policyGuide').select('policyId').execute()).toEqual([]);
    const ok = await editor.post(page, { supportKind: 'rate', supportFact: 'revenue', supportRate: '2', supportCap: '15', applyFrom: '2026-11-01', applyUntil: '2099-12-31', materials: '申报表\n审计报告', steps: '网上填报\n审核\n拨付', onlineUrl: 'https://example.gov.cn/apply' });
    expect(ok.statusCode).toBe(303);
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('action', '=', 'policy_guide.save').execute();
    expect(audit).toHaveLength(1);
    // 甲 (revenue 1,000 万元) qualifies: 2% is 20 万元, capped at 15.
    const u = await makeUser(t.db, 'enterprise', []);
    await t.db.kysely.updateTable('user').set({ creditCode: code(1), enterpriseName: '甲软件有限公司' }).where('id', '=', u.id).execute();
    jia = new Browser(app);
    await jia.post('/login', { username: u.username, password: PASSWORD }, '/login');
    const mine = await jia.get('/navigator');
    expect(mine.body).toContain('预计可获支持：</strong> 15 万元');
    expect(mine.body).toContain('已按上限计算');
    expect(mine.body).toContain('<li>审计报告</li>');
    expect(mine.body).toContain('href="https://example.gov.cn/apply"');
    expect(mine.body).toMatch(/还有 \d+ 天截止/);
    expect(mine.body).toContain('预计共可获支持 15 万元（1 项政策）');
  });

  it('an enterprise sees its policies with reasons; near misses say what is missing; visitors are sent to log in', async () => {
    const u = await makeUser(t.db, 'enterprise', []);
    await t.db.kysely.updateTable('user').set({ creditCode: code(3), enterpriseName: '丙软件有限公司' }).where('id', '=', u.id).execute();
    const ent = new Browser(app);
    await ent.post('/login', { username: u.username, password: PASSWORD }, '/login');
    const page = await ent.get('/navigator');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('软件企业研发补助办法');
    expect(page.body).toContain('缺少以下信息：研发投入占营业收入比例');
    expect(page.body).toContain('补充“研发投入占营业收入比例”后，可判断 1 项政策是否适用。');
    const api = await app.inject({ method: 'GET', url: '/api/v1/navigator/my-policies', headers: { cookie: [...ent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(api.json<{ unknown: Array<{ missing: string[] }> }>().unknown[0]!.missing).toEqual(['rdRatio']);
    const anon = await new Browser(app).get('/navigator');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/navigator/calculator');
  });

  it('a visitor’s calculator answers give the same judgement and reasons, without an account', async () => {
    const anon = new Browser(app);
    const page = await anon.get(`/navigator/calculator?industryCode=i6513&foundedOn=2020-01-01&rdRatio=3.5&category=`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('差一项的政策');
    expect(page.body).toContain('研发投入占营业收入比例 3.5%，需 ≥ 4%（还差 0.5 个百分点）');
    // The quick search: an industry alone leaves the policy open (unknown), another industry rules it out.
    expect((await anon.get('/navigator/calculator?industryCode=I65')).body).toContain('信息不足、暂无法判断的政策');
    expect((await anon.get('/navigator/calculator?industryCode=C38')).body).toContain('暂未找到适用的政策');
    const met = await app.inject('/api/v1/navigator/calculate?industryCode=I6513&foundedOn=2020-01-01&rdRatio=5');
    expect(met.json<{ results: Array<{ verdict: string; support?: { amount: number } }> }>().results).toMatchObject([{ verdict: 'met' }]);
    const bad = await anon.get('/navigator/calculator?industryCode=X1&employees=%E5%8D%81');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('行业代码应为门类字母');
    expect(bad.body).toContain('请输入数字');
  });

  it('an expired policy drops out of the enterprise’s list', async () => {
    expect((await jia.get('/navigator')).body).toContain('软件企业研发补助办法');
    expect((await reviewer.post(`/admin/policies/${policyId}/validity`, { validity: 'expired', validityEndedOn: '2026-11-01' }, `/admin/policies/${policyId}`)).statusCode).toBe(303);
    expect((await jia.get('/navigator')).body).not.toContain('软件企业研发补助办法');
    expect(await matches()).toEqual([]);
  });
});
