import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, POLICY_CARD_FIELDS } from './helpers/factories.js';

const uid = () => crypto.randomBytes(4).toString('hex');

const BODY = ['为推进旧厂房改造，制定本意见。', '第一章 总则', '第一条 为促进高质量发展，制定本意见。', '第二条 本意见适用于本市行政区域。', '第二章 闲置土地处置', '第三条 因自身原因闲置土地满两年的，依法无偿收回。', '属于政府原因闲置土地的，另行处置。'].join('\n');

describe(`policy library over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number; code: string };
  let other: { id: number; code: string };
  let editor: Browser;
  let reviewer: Browser;
  let outsider: Browser;
  let anon: Browser;

  const fields = (over: Record<string, string> = {}) => ({
    indexNo: `11442000/2019-${uid()}`,
    title: `关于推进旧厂房改造的实施意见${uid()}`,
    docNumber: '中府〔2019〕12号',
    issuingOrgan: '中山市人民政府',
    departmentId: String(dept.id),
    theme: '城乡建设、环境保护',
    keywords: '旧厂房 改造',
    serviceObject: '企业',
    writtenOn: '2019-05-10',
    publishedOn: '2019-05-20',
    effectiveOn: '2019-06-01',
    validity: 'valid',
    validityEndedOn: '',
    replacesId: '',
    summary: '要点一\n要点二',
    body: BODY,
    ...POLICY_CARD_FIELDS,
    ...over,
  });

  async function publish(over: Record<string, string> = {}): Promise<number> {
    const res = await editor.post('/admin/policies/new', fields(over), '/admin/policies/new');
    expect(res.statusCode).toBe(303);
    const id = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    expect((await editor.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    expect((await reviewer.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    return id;
  }

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    other = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    editor = new Browser(app);
    reviewer = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    await editor.login(e.username, e.password);
    await reviewer.login(r.username, r.password);
    await outsider.login(o.username, o.password);
  });
  afterAll(() => stopTestApp(t, app));

  it('files, reviews and publishes a policy; every article gets its own address', async () => {
    const title = `旧厂房改造实施意见${uid()}`;
    const id = await publish({ title });
    const rows = await t.db.kysely.selectFrom('policyArticle').select(['number', 'anchor', 'chapterNumber']).where('policyId', '=', id).orderBy('seq').execute();
    expect(rows).toEqual([
      { number: 1, anchor: 'tiao-1', chapterNumber: 1 },
      { number: 2, anchor: 'tiao-2', chapterNumber: 1 },
      { number: 3, anchor: 'tiao-3', chapterNumber: 2 },
    ]);
    const page = await anon.get(`/policies/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${title}</h1>`);
    expect(page.body).toContain('id="tiao-3"');
    expect(page.body).toContain('第三条');
    expect(page.body).toContain('href="#zhang-2"');
    expect(page.body).toContain('中府〔2019〕12号');
    expect(page.body).toContain('<li>要点二</li>');
    const api = await app.inject(`/api/v1/policies/${id}`);
    expect(api.statusCode).toBe(200);
    const body = api.json<{ articles: Array<{ url: string; text: string }>; keywords: string[]; category: string; graphic: { kind: string; url: string; alt: string } | null; card: { audience: string[] } }>();
    expect(body.category).toBe('normative');
    expect(body.card.audience).toEqual([POLICY_CARD_FIELDS.cardAudience]);
    expect(body.graphic).toMatchObject({ kind: 'card', url: `/policies/${id}/graphic.svg` });
    expect(body.graphic!.alt).toContain(POLICY_CARD_FIELDS.cardSupport);
    expect(body.articles[2]!.url).toBe(`/policies/${id}#tiao-3`);
    expect(body.articles[2]!.text).toContain('属于政府原因闲置土地的');
    expect(body.keywords).toEqual(['旧厂房', '改造']);
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', '=', 'policy').where('entityId', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['policy.create', 'policy.submit', 'policy.publish']);
  });

  it('a draft is not public; the author cannot publish their own; another department cannot touch it', async () => {
    const res = await editor.post('/admin/policies/new', fields(), '/admin/policies/new');
    const id = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    expect((await anon.get(`/policies/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/policies/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/admin/policies/${id}`)).statusCode).toBe(403);
    expect((await editor.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    const own = await editor.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`);
    expect(own.statusCode).toBe(409);
    expect((await t.db.kysely.selectFrom('policy').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('in_review');
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const count = async () => Number((await t.db.kysely.selectFrom('policy').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const res = await editor.post('/admin/policies/new', fields({ indexNo: 'bad index!', theme: '不存在', writtenOn: '2019-02-30' }), '/admin/policies/new');
    expect(res.statusCode).toBe(400);
    for (const f of ['indexNo', 'theme', 'writtenOn']) {
      expect(res.body).toContain(`id="${f}-error"`);
    }
    // Rules across fields are checked once each field is right on its own.
    const cross = await editor.post('/admin/policies/new', fields({ validity: 'repealed', validityEndedOn: '', effectiveOn: '2019-01-01' }), '/admin/policies/new');
    expect(cross.statusCode).toBe(400);
    expect(cross.body).toContain('id="validityEndedOn-error"');
    expect(cross.body).toContain('实施日期不能早于成文日期');
    const elsewhere = await editor.post('/admin/policies/new', fields({ departmentId: String(other.id) }), '/admin/policies/new');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('id="departmentId-error"');
    expect(await count()).toBe(before);
  });

  it('publishing a replacement repeals the old policy, which then says so and links to its successor', async () => {
    const oldTitle = `2018年旧厂房意见${uid()}`;
    const oldId = await publish({ title: oldTitle, writtenOn: '2018-03-01', publishedOn: '2018-03-05', effectiveOn: '2018-04-01' });
    const newTitle = `2019年旧厂房实施意见${uid()}`;
    const newId = await publish({ title: newTitle, replacesId: String(oldId), effectiveOn: '2019-06-01' });
    const old = await t.db.kysely.selectFrom('policy').select(['validity', 'validityEndedOn']).where('id', '=', oldId).executeTakeFirstOrThrow();
    expect(old).toEqual({ validity: 'repealed', validityEndedOn: '2019-06-01' });
    const page = await anon.get(`/policies/${oldId}`);
    expect(page.body).toContain('本文件已于 2019-06-01 废止。');
    expect(page.body).toContain(`href="/policies/${newId}"`);
    const newPage = await anon.get(`/policies/${newId}`);
    expect(newPage.body).toContain(`href="/policies/${oldId}"`);
    const api = await app.inject(`/api/v1/policies/${oldId}`);
    expect(api.json<{ successor: { id: number } }>().successor.id).toBe(newId);
  });

  it('a reviewer records an expiry; the end date is required', async () => {
    const id = await publish();
    const missing = await reviewer.post(`/admin/policies/${id}/validity`, { validity: 'expired', validityEndedOn: '' }, `/admin/policies/${id}`);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="validityEndedOn-error"');
    const ok = await reviewer.post(`/admin/policies/${id}/validity`, { validity: 'expired', validityEndedOn: '2025-12-31' }, `/admin/policies/${id}`);
    expect(ok.statusCode).toBe(303);
    expect((await anon.get(`/policies/${id}`)).body).toContain('本文件已于 2025-12-31 失效。');
  });

  it('lists with facets and filters, in HTML and JSON', async () => {
    const theme = '科技、教育';
    const title = `科技创新券实施细则${uid()}`;
    await publish({ title, theme, publishedOn: '2021-07-01', writtenOn: '2021-06-01', effectiveOn: '2021-07-01' });
    const api = await app.inject(`/api/v1/policies?theme=${encodeURIComponent(theme)}`);
    expect(api.statusCode).toBe(200);
    const body = api.json<{ items: Array<{ title: string; theme: string }>; facets: { theme: Array<{ value: string; count: number }>; year: Array<{ value: number; count: number }> } }>();
    expect(body.items.every((i) => i.theme === theme)).toBe(true);
    expect(body.items.map((i) => i.title)).toContain(title);
    expect(body.facets.theme).toEqual([{ value: theme, count: body.items.length }]);
    expect(body.facets.year.find((y) => y.value === 2021)!.count).toBeGreaterThanOrEqual(1);
    const all = await app.inject('/api/v1/policies');
    expect(all.json<{ facets: { theme: unknown[] } }>().facets.theme.length).toBeGreaterThan(1);
    const byYear = await app.inject('/api/v1/policies?year=2021');
    expect(byYear.json<{ items: Array<{ publishedOn: string }> }>().items.every((i) => i.publishedOn.startsWith('2021'))).toBe(true);
    const page = await anon.get(`/policies?theme=${encodeURIComponent(theme)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(title);
    expect(page.body).toContain('aria-current="true"');
    const bad = await app.inject('/api/v1/policies?validity=whatever');
    expect(bad.statusCode).toBe(400);
  });

  it('searches the full text in Chinese: a two-character word, several words, facets, snippets, order', async () => {
    const tag = `检索${uid()}`;
    const a = await publish({ title: `关于盘活低效用地的通知${tag}`, body: '第一条 对自身原因闲置土地满两年的，依法无偿收回。\n第二条 鼓励连片改造。', theme: '国土资源、能源' });
    const b = await publish({ title: `关于支持企业技术改造的若干措施${tag}`, body: '第一条 对技术改造项目给予补助。', theme: '工业、交通' });
    const find = async (q: string, extra = '') => app.inject(`/api/v1/policies?q=${encodeURIComponent(q)}${extra}`);
    const ids = async (q: string, extra = '') => (await find(q, extra)).json<{ items: Array<{ id: number }> }>().items.map((i) => i.id);

    expect(await ids('闲置')).toContain(a);
    expect(await ids('闲置')).not.toContain(b);
    expect(await ids('改造')).toEqual(expect.arrayContaining([a, b]));
    expect(await ids('技术改造 补助')).toContain(b);
    expect(await ids('技术改造 补助')).not.toContain(a);
    const faceted = (await find('改造', `&theme=${encodeURIComponent('工业、交通')}`)).json<{ items: Array<{ id: number }>; facets: { theme: Array<{ value: string }> } }>();
    expect(faceted.items.map((i) => i.id)).toContain(b);
    expect(faceted.items.map((i) => i.id)).not.toContain(a);
    expect(faceted.facets.theme.map((f) => f.value)).toEqual(['工业、交通']);
    // Query syntax and punctuation are only words to look for, never operators.
    expect((await find('"OR * NEAR(')).statusCode).toBe(200);
    expect((await find('，。！')).json<{ total: number }>().total).toBe(0);
    expect((await find('改造', '&sort=date')).statusCode).toBe(200);

    const page = await anon.get(`/policies?q=${encodeURIComponent('闲置')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<mark>闲置</mark>');
    expect(page.body).toContain('按相关度');
  });

  it('a second instance on the same database sees a new policy and a validity change in its counts at once', async () => {
    const word = `钛合金${uid()}`;
    const second = await buildTestApp(t.reconnect());
    try {
      const count = async (url: string) => (await second.inject({ method: 'GET', url })).json<{ total: number; facets: { validity: Array<{ value: string; count: number }> } }>();
      const q = `/api/v1/policies?q=${encodeURIComponent(word)}`;
      expect((await count(q)).total).toBe(0);
      const id = await publish({ body: `${BODY}\n第四条 ${word}产业适用本意见。` });
      expect((await count(q)).total).toBe(1);
      expect((await reviewer.post(`/admin/policies/${id}/validity`, { validity: 'expired', validityEndedOn: '2020-01-01' }, `/admin/policies/${id}`)).statusCode).toBe(303);
      expect((await count(q)).facets.validity).toEqual([{ value: 'expired', count: 1 }]);
      expect((await count(`${q}&validity=valid`)).total).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('does not find drafts', async () => {
    const word = `草稿专用词${uid()}`;
    const res = await editor.post('/admin/policies/new', fields({ title: word }), '/admin/policies/new');
    expect(res.statusCode).toBe(303);
    expect((await app.inject(`/api/v1/policies?q=${encodeURIComponent('草稿专用词')}`)).json<{ items: Array<{ title: string }> }>().items.map((i) => i.title)).not.toContain(word);
  });

  it('serves Atom and RSS feeds of new and changed policies', async () => {
    const title = `订阅测试<政策>${uid()}`;
    const id = await publish({ title });
    const atom = await app.inject('/policies/feed.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom.body).toContain(title.replace('<', '&lt;').replace('>', '&gt;'));
    expect(atom.body).toContain(`/policies/${id}</id>`);
    const rss = await app.inject('/policies/feed.rss');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(rss.body).toContain('<rss version="2.0">');
    expect(rss.body).not.toContain('<政策>');
  });

  it('files a policy through the API with a bearer token; bad input names the fields', async () => {
    const u = await makeUser(t.db, 'editor', [dept.id]);
    const token = await apiToken(app, u.username, u.password);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/policies', headers: { authorization: `Bearer ${token}` }, payload: { title: '', unknown: 1 } });
    expect(bad.statusCode).toBe(400);
    const fieldsOf = bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field);
    expect(fieldsOf).toEqual(expect.arrayContaining(['title', 'unknown', 'indexNo', 'body']));
    const { replacesId: _r, validityEndedOn: _v, ...good } = fields();
    const ok = await app.inject({ method: 'POST', url: '/api/v1/policies', headers: { authorization: `Bearer ${token}` }, payload: { ...good, departmentId: dept.id } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'draft', articles: 3 });
  });
});
