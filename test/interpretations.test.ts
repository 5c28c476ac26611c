import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { todayInChina } from '../src/platform/clock.js';

const uid = () => crypto.randomBytes(4).toString('hex');
const idFrom = (location: unknown, base: string) => Number(new RegExp(`${base}/(\\d+)`).exec(String(location))![1]);

describe(`interpretations over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let other: { id: number };
  let editor: Browser;
  let reviewer: Browser;
  let outsider: Browser;
  let admin: Browser;
  let anon: Browser;
  let reviewerUser: { username: string; password: string };

  const policyFields = (over: Record<string, string> = {}) => ({
    indexNo: `11442000/2019-${uid()}`,
    title: `关于推进旧厂房改造的实施意见${uid()}`,
    docNumber: '中府〔2019〕12号',
    issuingOrgan: '中山市人民政府',
    departmentId: String(dept.id),
    theme: '城乡建设、环境保护',
    writtenOn: '2019-05-10',
    validity: 'valid',
    summary: '要点一',
    body: '第一条 为促进高质量发展，制定本意见。',
    ...POLICY_CARD_FIELDS,
    ...over,
  });

  /** Files a policy and sends it to review (published only when `publish`). */
  async function policy(publish: boolean, over: Record<string, string> = {}): Promise<number> {
    const res = await editor.post('/admin/policies/new', policyFields(over), '/admin/policies/new');
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location, '/admin/policies');
    expect((await editor.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    if (publish) {
      expect((await reviewer.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    }
    return id;
  }

  const fields = (policyId: number, over: Record<string, string> = {}) => ({
    policyId: String(policyId),
    form: 'full',
    title: `全文通解${uid()}`,
    body: '正解君带您读懂新政策。',
    qa: '',
    mediaUrl: '',
    transcript: '',
    interpreterName: '刘建华',
    interpreterPost: '市住房和城乡建设局局长',
    ...over,
  });

  async function create(policyId: number, over: Record<string, string> = {}, who = editor): Promise<number> {
    const res = await who.post('/admin/interpretations/new', fields(policyId, over), '/admin/interpretations/new');
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    return idFrom(res.headers.location, '/admin/interpretations');
  }
  const submit = (id: number) => editor.post(`/admin/interpretations/${id}/submit`, {}, `/admin/interpretations/${id}`);
  const approve = (id: number, who = reviewer) => who.post(`/admin/interpretations/${id}/approve`, {}, `/admin/interpretations/${id}`);
  const row = (id: number) => t.db.kysely.selectFrom('interpretation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    other = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    reviewerUser = await makeUser(t.db, 'reviewer', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    const a = await makeUser(t.db, 'admin');
    editor = new Browser(app);
    reviewer = new Browser(app);
    outsider = new Browser(app);
    admin = new Browser(app);
    anon = new Browser(app);
    await editor.login(e.username, e.password);
    await reviewer.login(reviewerUser.username, reviewerUser.password);
    await outsider.login(o.username, o.password);
    await admin.login(a.username, a.password);
  });
  afterAll(() => stopTestApp(t, app));

  it('approved before the policy is published, it goes out with the policy and the policy’s date', async () => {
    const pid = await policy(false, { publishedOn: '2019-09-02' });
    const id = await create(pid, { form: 'qa', body: '', qa: '问：什么是工改工？\n答：保持工业用途的再开发。\n问：有奖励吗？\n答：每平方米100元。' });
    expect((await submit(id)).statusCode).toBe(303);
    expect((await approve(id)).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'approved', publishedOn: null });
    expect((await anon.get(`/interpretations/${id}`)).statusCode).toBe(404);
    expect((await reviewer.post(`/admin/policies/${pid}/publish`, {}, `/admin/policies/${pid}`)).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'published', publishedOn: '2019-09-02' });
    const page = await anon.get(`/interpretations/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/policies/${pid}"`);
    expect(page.body).toContain('class="qa-list"');
    expect(page.body).toContain('什么是工改工？');
    expect(page.body).toContain('刘建华（市住房和城乡建设局局长）');
    const policyPage = await anon.get(`/policies/${pid}`);
    expect(policyPage.body).toContain('id="policy-interpretations-h"');
    expect(policyPage.body).toContain(`href="/interpretations/${id}"`);
    const api = await app.inject(`/api/v1/policies/${pid}/interpretations`);
    expect(api.statusCode).toBe(200);
    const items = api.json<{ items: Array<{ id: number; qa: unknown[]; publishedOn: string; interpreter: { name: string } }> }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id, publishedOn: '2019-09-02', interpreter: { name: '刘建华' } });
    expect(items[0]!.qa).toHaveLength(2);
    expect((await app.inject(`/api/v1/interpretations/${id}`)).json()).toMatchObject({ id, form: 'qa' });
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', '=', 'interpretation').where('entityId', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['interpretation.create', 'interpretation.submit', 'interpretation.approve', 'interpretation.publish_with_policy']);
  });

  it('approved after the policy is published, it is published today; the search finds its words', async () => {
    const pid = await policy(true);
    const word = '蓝鲸翡翠';
    const id = await create(pid, { form: 'interview', body: '', mediaUrl: 'https://example.gov.cn/v/1.mp4', transcript: `主持人：请谈谈${word}计划。` });
    expect((await app.inject(`/api/v1/policies?q=${encodeURIComponent(word)}`)).json<{ total: number }>().total).toBe(0);
    await submit(id);
    expect((await approve(id)).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'published', publishedOn: todayInChina() });
    const found = (await app.inject(`/api/v1/policies?q=${encodeURIComponent(word)}`)).json<{ items: Array<{ id: number }> }>();
    expect(found.items.map((p) => p.id)).toEqual([pid]);
    const page = await anon.get(`/interpretations/${id}`);
    expect(page.body).toContain('href="https://example.gov.cn/v/1.mp4"');
    expect(page.body).toContain('id="transcript-h"');
    // Withdrawn: gone from the public and from the search.
    expect((await reviewer.post(`/admin/interpretations/${id}/withdraw`, {}, `/admin/interpretations/${id}`)).statusCode).toBe(303);
    expect((await anon.get(`/interpretations/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/policies?q=${encodeURIComponent(word)}`)).json<{ total: number }>().total).toBe(0);
  });

  it('the author cannot approve their own; a reviewer sends back with a note', async () => {
    const pid = await policy(true);
    const self = await makeUser(t.db, 'admin');
    const selfBrowser = new Browser(app);
    await selfBrowser.login(self.username, self.password);
    const id = await create(pid);
    await submit(id);
    // The editor cannot approve at all; the reviewer who did not write it can send it back.
    expect((await editor.post(`/admin/interpretations/${id}/approve`, {}, `/admin/interpretations/${id}`)).statusCode).toBe(409);
    expect((await reviewer.post(`/admin/interpretations/${id}/reject`, { note: '请补充背景' }, `/admin/interpretations/${id}`)).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ status: 'rejected', reviewNote: '请补充背景' });
    // The general office may write and approve, but never its own text (four eyes).
    const rid = await create(pid, {}, selfBrowser);
    expect((await selfBrowser.post(`/admin/interpretations/${rid}/submit`, {}, `/admin/interpretations/${rid}`)).statusCode).toBe(303);
    const own = await approve(rid, selfBrowser);
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain('不能审核自己撰写的信息');
    expect((await approve(rid, admin)).statusCode).toBe(303);
    expect((await row(rid)).status).toBe('published');
  });

  it('department scoping: other departments neither see nor interpret; only admin names another department', async () => {
    const pid = await policy(true);
    const id = await create(pid);
    expect((await outsider.get(`/admin/interpretations/${id}`)).statusCode).toBe(403);
    const list = await outsider.get('/admin/interpretations');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(`/admin/interpretations/${id}"`);
    expect((await editor.get('/admin/interpretations')).body).toContain(`/admin/interpretations/${id}"`);
    const foreign = await outsider.post('/admin/interpretations/new', fields(pid), '/admin/interpretations/new');
    expect(foreign.statusCode).toBe(400);
    expect(foreign.body).toContain('id="policyId-error"');
    const otherDept = await editor.post('/admin/interpretations/new', fields(pid, { departmentId: String(other.id) }), '/admin/interpretations/new');
    expect(otherDept.statusCode).toBe(400);
    expect(otherDept.body).toContain('谁起草谁解读');
    const byAdmin = await create(pid, { departmentId: String(other.id) }, admin);
    expect((await row(byAdmin)).departmentId).toBe(other.id);
    expect([302, 401]).toContain((await anon.get('/admin/interpretations')).statusCode);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const pid = await policy(true);
    const count = async () => Number((await t.db.kysely.selectFrom('interpretation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const media = await editor.post('/admin/interpretations/new', fields(pid, { form: 'video', body: '', mediaUrl: 'javascript:alert(1)', transcript: '', interpreterName: '' }), '/admin/interpretations/new');
    expect(media.statusCode).toBe(400);
    for (const f of ['mediaUrl', 'transcript', 'interpreterName']) {
      expect(media.body).toContain(`id="${f}-error"`);
    }
    expect(media.body).toContain('http:// 或 https://');
    const noUrl = await editor.post('/admin/interpretations/new', fields(pid, { form: 'animation', body: '', transcript: '文字' }), '/admin/interpretations/new');
    expect(noUrl.body).toContain('必须填写音视频链接');
    const qa = await editor.post('/admin/interpretations/new', fields(pid, { form: 'qa', body: '', qa: '问：只有问题' }), '/admin/interpretations/new');
    expect(qa.statusCode).toBe(400);
    expect(qa.body).toContain('id="qa-error"');
    expect(qa.body).toContain('问：只有问题');
    const api = await app.inject({ method: 'GET', url: '/api/v1/interpretations/999999' });
    expect(api.statusCode).toBe(404);
    expect(await count()).toBe(before);
    // Sanitised body: no script survives.
    const id = await create(pid, { body: '<p>正文</p><script>alert(1)</script><a href="javascript:x">x</a>' });
    expect((await row(id)).body).toBe('<p>正文</p><a>x</a>');
  });

  it('feedback: a vote with a comment, counted once per browser session; bad input and missing CSRF refused', async () => {
    const pid = await policy(true);
    const id = await create(pid);
    await submit(id);
    await approve(id);
    const reader = new Browser(app);
    const ok = await reader.post(`/interpretations/${id}/feedback`, { helpful: 'yes', comment: '很清楚' }, `/interpretations/${id}`);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/interpretations/${id}?feedback=thanks#feedback`);
    expect((await reader.get(`/interpretations/${id}?feedback=thanks`)).body).toContain('感谢您的评价');
    expect((await reader.get(`/interpretations/${id}`)).body).toContain('已经评价过');
    // The same browser again: not counted twice. Another browser: counted.
    const again = await app.inject({ method: 'POST', url: `/interpretations/${id}/feedback`, headers: { cookie: [...reader.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${reader.cookies.get('gk_csrf')}&helpful=no` });
    expect(again.statusCode).toBe(303);
    const second = new Browser(app);
    expect((await second.post(`/interpretations/${id}/feedback`, { helpful: 'no' }, `/interpretations/${id}`)).statusCode).toBe(303);
    const votes = await t.db.kysely.selectFrom('interpretationFeedback').select(['helpful', 'comment']).where('interpretationId', '=', id).orderBy('id').execute();
    expect(votes).toEqual([
      { helpful: 1, comment: '很清楚' },
      { helpful: 0, comment: '' },
    ]);
    const bad = await new Browser(app).post(`/interpretations/${id}/feedback`, { comment: 'x'.repeat(501) }, `/interpretations/${id}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="helpful-error"');
    expect(bad.body).toContain('id="comment-error"');
    const noCsrf = await app.inject({ method: 'POST', url: `/interpretations/${id}/feedback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'helpful=yes' });
    expect(noCsrf.statusCode).toBe(403);
    expect(await t.db.kysely.selectFrom('interpretationFeedback').select('id').where('interpretationId', '=', id).execute()).toHaveLength(2);
  });

  it('survey: valid, invalid with a field error, missing CSRF; results for staff in HTML and JSON', async () => {
    const s = new Browser(app);
    for (const [type, form, g] of [
      ['enterprise', 'graphic', 'yes'],
      ['enterprise', 'graphic', 'yes'],
      ['enterprise', 'summary', 'no'],
      ['citizen', 'video', ''],
    ] as const) {
      const r = await s.post('/interpretations/survey', { respondentType: type, preferredForm: form, graphicNecessary: g }, '/interpretations/survey');
      expect(r.statusCode).toBe(303);
    }
    expect((await s.get('/interpretations/survey?done=1')).body).toContain('感谢您参与问卷');
    const bad = await s.post('/interpretations/survey', { respondentType: 'alien', graphicNecessary: 'maybe' }, '/interpretations/survey');
    expect(bad.statusCode).toBe(400);
    for (const f of ['respondentType', 'preferredForm', 'graphicNecessary']) {
      expect(bad.body).toContain(`id="${f}-error"`);
    }
    const noCsrf = await app.inject({ method: 'POST', url: '/interpretations/survey', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'respondentType=citizen&preferredForm=qa' });
    expect(noCsrf.statusCode).toBe(403);

    const html = await admin.get('/admin/interpretations/feedback');
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('企业：共 3 份');
    expect(html.body).toContain('66.7%');
    expect(html.body).toContain('<svg');
    expect([302, 401]).toContain((await anon.get('/admin/interpretations/feedback')).statusCode);
    const token = await apiToken(app, reviewerUser.username, reviewerUser.password);
    const json = await app.inject({ url: '/api/v1/interpretations/feedback-summary?sort=least_helpful', headers: { authorization: `Bearer ${token}` } });
    expect(json.statusCode).toBe(200);
    const body = json.json<{ survey: { total: number; groups: Array<{ respondentType: string; total: number; forms: Array<{ form: string; count: number; percent: number }>; graphicNecessary: { yes: number; no: number; yesPercent: number } }> }; helpfulness: Array<{ yes: number; no: number; yesPercent: number }> }>();
    expect(body.survey.total).toBe(4);
    const ent = body.survey.groups.find((g) => g.respondentType === 'enterprise')!;
    expect(ent.forms.find((f) => f.form === 'graphic')).toEqual({ form: 'graphic', count: 2, percent: 66.7 });
    expect(ent.graphicNecessary).toEqual({ yes: 2, no: 1, yesPercent: 66.7 });
    expect(body.helpfulness[0]).toMatchObject({ yes: 1, no: 1, yesPercent: 50 });
    expect((await app.inject('/api/v1/interpretations/feedback-summary')).statusCode).toBe(401);
  });

  it('public list: newest first, filter by form, nav entry', async () => {
    const res = await anon.get('/interpretations');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/interpretations"');
    expect(res.body).toContain('政策解读');
    const qa = await anon.get('/interpretations?form=qa');
    expect(qa.body).toContain('form-tag">问答式解读');
    expect(qa.body).not.toContain('form-tag">全文通解');
    const all = await anon.get('/interpretations');
    const dates = [...all.body.matchAll(/<time datetime="([\d-]+)">/g)].map((m) => m[1]!);
    expect(dates.length).toBeGreaterThanOrEqual(2);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await anon.get('/interpretations?form=nonsense')).statusCode).toBe(400);
    expect((await anon.get('/interpretations?lang=en')).body).toContain('Policy interpretations');
  });

  it('the JSON API files, submits and approves; the public votes and answers the survey', async () => {
    const pid = await policy(true);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const editorToken = await apiToken(app, e.username, e.password);
    const reviewerToken = await apiToken(app, reviewerUser.username, reviewerUser.password);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/interpretations', headers: { authorization: `Bearer ${editorToken}` }, payload: { policyId: pid, form: 'video', title: 't', interpreterName: 'n', interpreterPost: 'p' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('mediaUrl');
    const created = await app.inject({ method: 'POST', url: '/api/v1/interpretations', headers: { authorization: `Bearer ${editorToken}` }, payload: { policyId: pid, form: 'key_points', title: '要点', body: '一、要点', interpreterName: '刘建华', interpreterPost: '局长' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: number }>();
    expect((await app.inject({ method: 'POST', url: `/api/v1/interpretations/${id}/submit`, headers: { authorization: `Bearer ${editorToken}` } })).statusCode).toBe(200);
    const approved = await app.inject({ method: 'POST', url: `/api/v1/interpretations/${id}/approve`, headers: { authorization: `Bearer ${reviewerToken}` } });
    expect(approved.json()).toEqual({ id, status: 'published', publishedOn: todayInChina() });
    expect((await app.inject({ method: 'POST', url: `/api/v1/interpretations/${id}/feedback`, payload: { helpful: 'yes' } })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: `/api/v1/interpretations/${id}/feedback`, payload: { helpful: 'maybe' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/v1/interpretations/survey', payload: { respondentType: 'other', preferredForm: 'qa' } })).statusCode).toBe(201);
  });

  it('public posts are rate-limited per IP', async () => {
    const b = new Browser(app);
    const csrf = await b.csrfFrom('/interpretations/survey');
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let limited = 0;
    for (let i = 0; i < 40 && limited === 0; i++) {
      const r = await app.inject({ method: 'POST', url: '/interpretations/survey', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${csrf}&respondentType=x` });
      if (r.statusCode === 429) {
        limited++;
      }
    }
    expect(limited).toBe(1);
  });
});
