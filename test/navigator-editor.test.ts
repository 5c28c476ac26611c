import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, apiToken, testConfig } from './helpers/app.js';
import { makeDepartment, makeUser, PASSWORD, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { creditCodeCheckChar } from '../src/platform/identity/index.js';
import { importEnterprises } from '../src/modules/enterprises/index.js';

const code = (n: number) => {
  const first17 = `91442000MB${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const HEAD = '统一社会信用代码,企业名称,企业类型,经济类型,行业代码,企业规模,成立日期,注册资本（万元）,所在镇街,法定代表人,法定代表人手机,从业人数,上年营业收入（万元）,上年纳税额（万元）,研发投入占比（%）,资质称号';
const row = (n: number, name: string, ind: string, founded: string, rd: string, tags: string) => `${code(n)},${name},有限责任公司,私营,${ind},小型,${founded},100,火炬开发区,张三,13800138000,30,1000,,${rd},${tags}`;

/** The fields a browser would post from the rule form on a page (inputs, selected options, checked boxes). */
export function ruleFormFields(html: string): Record<string, string | string[]> {
  const form = /<form[^>]*action="\/admin\/policies\/\d+\/rules"[^>]*>([\s\S]*?)<\/form>/.exec(html)![1]!;
  const out: Record<string, string | string[]> = {};
  const put = (k: string, v: string) => {
    const was = out[k];
    out[k] = was === undefined ? v : Array.isArray(was) ? [...was, v] : [was, v];
  };
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const a = m[1]!;
    const name = /name="([^"]*)"/.exec(a)?.[1];
    if (!name || name === '_csrf' || (/type="checkbox"/.test(a) && !/ checked/.test(a))) {
      continue;
    }
    put(name, unescape(/value="([^"]*)"/.exec(a)?.[1] ?? ''));
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const sel = /<option value="([^"]*)" selected/.exec(m[2]!) ?? /<option value="([^"]*)"/.exec(m[2]!);
    put(m[1]!, unescape(sel?.[1] ?? ''));
  }
  const note = /<textarea[^>]*name="note"[^>]*>([\s\S]*?)<\/textarea>/.exec(form);
  out.note = unescape(note?.[1] ?? '');
  return out;
}

describe(`navigator: the eligibility rule editor (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let editor: Browser;
  let outsider: Browser;
  let editorName: string;
  let policyId: number;
  const url = () => `/admin/policies/${policyId}/rules`;

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildApp(testConfig({ databaseUrl: 'sqlite::memory:' }), { db: t.db });
    await app.ready();
    const dept = await makeDepartment(t.db);
    const other = await makeDepartment(t.db, { code: 'other-dept', nameZh: '其他局' });
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    editorName = e.username;
    editor = new Browser(app);
    outsider = new Browser(app);
    await editor.login(e.username, PASSWORD);
    await outsider.login(o.username, PASSWORD);
    await importEnterprises(
      t.db.kysely,
      Readable.from(
        [
          HEAD,
          row(1, '甲灯饰有限公司', 'C3872', '2019-05-01', '1', '高新技术企业'),
          row(2, '乙灯饰有限公司', 'C3872', '2019-05-01', '3.5', '专精特新'),
          row(3, '丙软件有限公司', 'I6513', '2019-05-01', '5', '高新技术企业'),
          row(4, '丁灯饰有限公司', 'C3872', '2025-05-01', '4', ''),
          row(5, '戊灯饰有限公司', 'C3872', '2019-05-01', '1', '专精特新'),
        ].join('\n'),
      ),
      'csv',
      { fileName: 'test.csv', asOf: '2026-06-30' },
    );
    const res = await editor.post(
      '/admin/policies/new',
      { indexNo: `11442000/2026-${Date.now() % 100000}`, title: '灯饰企业创新奖励', docNumber: '', issuingOrgan: '市工信局', departmentId: String(dept.id), theme: '工业、交通', writtenOn: '2026-01-10', validity: 'valid', category: 'normative', summary: '创新奖励', body: '第一条 为支持灯饰企业创新，制定本办法。', ...POLICY_CARD_FIELDS },
      '/admin/policies/new',
    );
    policyId = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  /** Posts the rule form as it stands on `html`, with some fields changed and a button pressed. */
  const press = async (html: string, action: string, change: Record<string, string | string[]> = {}) => editor.post(url(), { ...ruleFormFields(html), ...change, action }, url());

  let page = '';

  it('builds a rule by pressing buttons, previews it and saves it as version 1', async () => {
    let res = await editor.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('本政策还没有适用条件');
    page = res.body;
    // all of: industry C38, founded ≥ 2 years, any of (高新技术企业, R&D ≥ 3%)
    res = await press(page, 'add-leaf:0');
    expect(res.body).toContain('name="n.0.0.fact"');
    res = await press(res.body, 'refresh', { 'n.0.0.fact': 'industryCode' });
    expect(res.body).toContain('name="n.0.0.prefixes"');
    res = await press(res.body, 'add-leaf:0', { 'n.0.0.prefixes': 'c38' });
    res = await press(res.body, 'refresh', { 'n.0.1.fact': 'foundedOn' });
    res = await press(res.body, 'add-group:0', { 'n.0.1.years': '2' });
    res = await press(res.body, 'add-leaf:0.2', { 'n.0.2.kind': 'any' });
    res = await press(res.body, 'add-leaf:0.2');
    res = await press(res.body, 'refresh', { 'n.0.2.1.fact': 'rdRatio' });
    expect(res.body).toContain('name="n.0.2.1.value"');

    // A number that is not one: the error sits beside the condition, the text typed is kept.
    const bad = await press(res.body, 'preview', { 'n.0.2.1.value': '三' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“研发投入占营业收入比例”应填数字，“三”不是数字');
    expect(bad.body).toMatch(/aria-describedby="node\.n\d+-error"/);
    expect(bad.body).toContain('value="三"');

    const preview = await press(bad.body, 'preview', { 'n.0.2.1.value': '3', effectiveFrom: '2026-07-01' });
    expect(preview.statusCode).toBe(200);
    const counts = [...preview.body.matchAll(/<dt>([^<]+)<\/dt><dd>(\d+)<\/dd>/g)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(counts)).toEqual({ 符合: 2, 差一项: 3, 无法判断: 0, 不符合: 0 });
    expect(preview.body).toContain('甲灯饰有限公司');
    expect(preview.body).toContain('所属行业代码以 C38 开头');
    expect(preview.body).toContain('目前没有施行中的条件');
    expect(preview.body).toContain('同时满足：');
    expect(preview.body).toContain('满足其一：');

    const saved = await press(preview.body, 'save', { note: '首版' });
    expect(saved.statusCode).toBe(303);
    page = (await editor.get(url())).body;
    expect(page).toContain('第 1 版，自 2026-07-01 起施行');
    expect(page).toContain('首版');
    expect(page).toContain('成立日期已满 2 年');
  });

  it('removes and negates nodes, and shows the problems of a rule that cannot be saved beside its node', async () => {
    let res = await press(page, 'remove:0.1');
    expect(res.body).not.toContain('成立日期已满 2 年');
    res = await press(res.body, 'wrap-not:0.0');
    expect(res.body).toContain('不满足：');
    res = await press(res.body, 'add-group:0');
    const refused = await press(res.body, 'save');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('条件组里至少要有一个条件');
    expect(refused.body).toContain('class="error-summary"');
    const versions = await t.db.kysely.selectFrom('policyRule').select('version').where('policyId', '=', policyId).execute();
    expect(versions).toHaveLength(1);
  });

  it('previews a change against the rule in force: who gains, who loses', async () => {
    // R&D ≥ 1% instead of 3%: 戊 (R&D 1%, 专精特新) now qualifies.
    const res = await press(page, 'preview', { 'n.0.2.1.value': '1', effectiveFrom: '2026-08-01' });
    expect(res.statusCode).toBe(200);
    const gains = /<h3>新增符合<\/h3>([\s\S]*?)<h3>/.exec(res.body)![1]!;
    expect(gains).toContain('戊灯饰有限公司');
    expect(res.body).toContain('与 2026-07-01 施行的现行条件相比');
  });

  it('adds worked examples, shows which pass and which fail, and deletes them', async () => {
    const ok = await editor.post(`${url()}/examples`, { name: '老灯饰高企', referenceDate: '2026-07-01', expected: 'met', 'fact.industryCode': 'c3872', 'fact.foundedOn': '2018-01-01', 'fact.tags': '高新技术企业' }, url());
    expect(ok.statusCode).toBe(303);
    const failing = await editor.post(`${url()}/examples`, { name: '什么都不知道', referenceDate: '2026-07-01', expected: 'met' }, url());
    expect(failing.statusCode).toBe(303);
    const bad = await editor.post(`${url()}/examples`, { name: '人数写错', referenceDate: '2026-07-01', expected: 'met', 'fact.employees': '很多' }, url());
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“从业人数”应填数字');
    expect(bad.body).toContain('value="很多"');
    page = (await editor.get(url())).body;
    expect(page).toMatch(/老灯饰高企[\s\S]*?✓ 通过/);
    expect(page).toMatch(/什么都不知道[\s\S]*?无法判断[\s\S]*?✗ 未通过/);
    const del = /action="(\/admin\/policies\/\d+\/rules\/examples\/\d+\/delete)"><input[^>]*><button[^>]*aria-label="删除案例：什么都不知道"/.exec(page)!;
    expect((await editor.post(del[1]!, {}, url())).statusCode).toBe(303);
    page = (await editor.get(url())).body;
    expect(page).not.toContain('什么都不知道');
    expect(page).toContain('老灯饰高企');
  });

  it('serves the rule as JSON, saves and previews through the API', async () => {
    const token = await apiToken(app, editorName, PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    const got = await app.inject({ method: 'GET', url: `/api/v1/policies/${policyId}/rules`, headers: auth });
    expect(got.statusCode).toBe(200);
    const body = got.json<{ current: { version: number; tree: { kind: string } }; versions: unknown[]; stored: unknown }>();
    expect(body.current.version).toBe(1);
    // A draft has no stored matches: the page says matching follows publication instead of showing zeros.
    expect(body.stored).toBeNull();
    expect((await editor.get(url())).body).toContain('政策发布后按现行条件匹配全部企业');
    expect(body.current.tree.kind).toBe('all');
    const tree = { id: 'r', kind: 'all', items: [{ id: 'a', kind: 'tag', tag: '高新技术企业' }] };
    const pv = await app.inject({ method: 'POST', url: `/api/v1/policies/${policyId}/rules/preview`, headers: auth, payload: { tree, referenceDate: '2026-08-01' } });
    expect(pv.statusCode).toBe(200);
    expect(pv.json<{ counts: { met: number } }>().counts.met).toBe(2);
    const badTree = await app.inject({ method: 'PUT', url: `/api/v1/policies/${policyId}/rules`, headers: auth, payload: { tree: { id: 'r', kind: 'all', items: [] }, effectiveFrom: '2026-08-01' } });
    expect(badTree.statusCode).toBe(400);
    expect(badTree.body).toContain('node.r');
    const put = await app.inject({ method: 'PUT', url: `/api/v1/policies/${policyId}/rules`, headers: auth, payload: { tree, effectiveFrom: '2026-08-01', note: 'API' } });
    expect(put.statusCode).toBe(200);
    expect((await editor.get(url())).body).toContain('第 2 版，自 2026-08-01 起施行');
  });

  it('is closed to another department’s editor and to the public', async () => {
    expect((await outsider.get(url())).statusCode).toBe(403);
    expect((await outsider.post(url(), { 'n.0.id': 'r', 'n.0.kind': 'all', action: 'refresh' }, '/')).statusCode).toBe(403);
    const anon = new Browser(app);
    expect([302, 303, 401, 404]).toContain((await anon.get(url())).statusCode);
    expect((await app.inject({ method: 'GET', url: `/api/v1/policies/${policyId}/rules` })).statusCode).toBe(401);
  });

  it('has an English version', async () => {
    const res = await editor.get(`${url()}?lang=en`);
    expect(res.body).toContain('Version 2, in force from 2026-08-01');
    expect(res.body).toContain('Which enterprise fact');
  });
});
