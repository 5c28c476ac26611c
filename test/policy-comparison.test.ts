import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { DEMO_POLICIES, OLD_FACTORY_2018, OLD_FACTORY_2019 } from '../src/modules/policies/policies.demo-data.js';
import { parsePolicyText } from '../src/modules/policies/policies.structure.js';
import { alignArticles, countKinds } from '../src/modules/policies/policies.compare.js';

const uid = () => crypto.randomBytes(4).toString('hex');
const demo = (indexNo: string) => DEMO_POLICIES.find((p) => p.indexNo === indexNo)!;

const SMALL_OLD = ['第一条 为促进旧厂房改造，盘活存量工业用地，制定本意见。', '第二条 改造项目容积率原则上不低于1.5。', '第三条 对符合产业准入条件的改造项目，实行先承诺后审批。'].join('\n');
const SMALL_NEW = ['第一条 为促进旧厂房改造，盘活存量工业用地，制定本意见。', '第二条 改造项目容积率原则上不低于2.0。', '第三条 闲置土地的调查认定和处置结果应当向社会公开。'].join('\n');

describe(`old-vs-new comparison over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let editor: Browser;
  let reviewer: Browser;
  let outsider: Browser;
  let anon: Browser;
  let editorUser: { username: string; password: string };
  let outsiderUser: { username: string; password: string };
  let demoOld: number;
  let demoNew: number;
  let smallOld: number;
  let smallNew: number;

  const fields = (over: Record<string, string>) => ({
    indexNo: `11442000/2019-${uid()}`,
    title: `旧厂房改造意见${uid()}`,
    docNumber: '中府〔2019〕98号',
    issuingOrgan: '中山市人民政府',
    departmentId: String(dept.id),
    theme: '城乡建设、环境保护',
    keywords: '旧厂房',
    serviceObject: '企业',
    writtenOn: '2019-08-26',
    publishedOn: '2019-09-02',
    effectiveOn: '2019-10-01',
    validity: 'valid',
    validityEndedOn: '',
    replacesId: '',
    summary: '要点',
    body: SMALL_OLD,
    ...POLICY_CARD_FIELDS,
    ...over,
  });

  async function draft(over: Record<string, string>): Promise<number> {
    const res = await editor.post('/admin/policies/new', fields(over), '/admin/policies/new');
    expect(res.statusCode).toBe(303);
    return Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
  }
  async function publish(over: Record<string, string>): Promise<number> {
    const id = await draft(over);
    expect((await editor.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    expect((await reviewer.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    return id;
  }
  const notesPage = (id: number) => `/admin/policies/${id}/changes`;
  const noteRows = (id: number) => t.db.kysely.selectFrom('policyChangeNote').select(['id', 'seq', 'title', 'newAnchors', 'oldAnchors']).where('policyId', '=', id).orderBy('seq').execute();

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const other = await makeDepartment(t.db);
    editorUser = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    outsiderUser = await makeUser(t.db, 'editor', [other.id]);
    editor = new Browser(app);
    reviewer = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    await editor.login(editorUser.username, editorUser.password);
    await reviewer.login(r.username, r.password);
    await outsider.login(outsiderUser.username, outsiderUser.password);
    const o = demo(OLD_FACTORY_2018);
    const n = demo(OLD_FACTORY_2019);
    demoOld = await publish({ title: o.title, docNumber: o.docNumber, body: o.body, writtenOn: o.writtenOn, publishedOn: o.publishedOn, effectiveOn: o.effectiveOn });
    demoNew = await publish({ title: n.title, docNumber: n.docNumber, body: n.body, replacesId: String(demoOld) });
    smallOld = await publish({ body: SMALL_OLD, writtenOn: '2018-03-01', publishedOn: '2018-03-05', effectiveOn: '2018-04-01' });
    smallNew = await publish({ body: SMALL_NEW, replacesId: String(smallOld) });
  });
  afterAll(() => stopTestApp(t, app));

  it('shows the demo pair aligned article by article with the changed words marked', async () => {
    const res = await anon.get(`/policies/${demoNew}/compare`);
    expect(res.statusCode).toBe(200);
    const o = demo(OLD_FACTORY_2018);
    const n = demo(OLD_FACTORY_2019);
    expect(res.body).toContain(`href="/policies/${demoOld}">${o.title}</a>`);
    expect(res.body).toContain(`href="/policies/${demoNew}">${n.title}</a>`);
    expect(res.body).toContain('中府〔2018〕31号');
    const counts = countKinds(alignArticles(parsePolicyText(o.body).articles, parsePolicyText(n.body).articles));
    expect(res.body).toContain(`修改 ${counts.changed} 条`);
    expect(res.body).toContain(`新增 ${counts.added} 条`);
    expect(res.body).toContain(`删除 ${counts.removed} 条`);
    // 30亩 → 50亩 in 2019 第五条 (2018 第四条): whole words marked, with words for screen readers.
    expect(res.body).toMatch(/<del><span class="visually-hidden">删除：<\/span>30<span class="visually-hidden">（修改处结束）<\/span><\/del>/);
    expect(res.body).toMatch(/<ins><span class="visually-hidden">新增：<\/span>50<span class="visually-hidden">（修改处结束）<\/span><\/ins>/);
    // Rows link each side to its article; the 2018 第十一条 (省周转规模) is shown as removed.
    expect(res.body).toContain(`href="/policies/${demoOld}#tiao-17">第十七条</a>`);
    expect(res.body).toMatch(/id="old-tiao-11" class="compare-row compare-row-removed"/);
    expect(res.body).toMatch(/id="new-tiao-7" class="compare-row compare-row-added"/);
    expect(res.body).toContain(`href="/policies/${demoNew}/compare?only=changes"`);
  });

  it('"only changes" hides the unchanged articles; the JSON API carries the same alignment', async () => {
    const all = await anon.get(`/policies/${smallNew}/compare`);
    expect(all.body).toContain('id="new-tiao-1" class="compare-row compare-row-same"');
    expect(all.body).toMatch(/href="\/policies\/\d+\/compare" aria-current="page"/);
    const only = await anon.get(`/policies/${smallNew}/compare?only=changes`);
    expect(only.statusCode).toBe(200);
    expect(only.body).not.toContain('id="new-tiao-1"');
    expect(only.body).toContain('id="new-tiao-2" class="compare-row compare-row-changed"');
    expect(only.body).toMatch(/compare\?only=changes" aria-current="page"/);
    expect(only.body).toContain('未变 1 条'); // the counts describe the whole comparison
    const api = await app.inject(`/api/v1/policies/${smallNew}/compare`);
    expect(api.statusCode).toBe(200);
    const body = api.json<{ summary: Record<string, number>; rows: Array<{ kind: string; old: { url: string } | null; diff: Array<{ op: string; text: string }> | null }> }>();
    expect(body.summary).toEqual({ total: 4, same: 1, changed: 1, moved: 0, added: 1, removed: 1 });
    // The removed 第三条 stays where it was, before the new one that follows.
    expect(body.rows.map((r) => r.kind)).toEqual(['same', 'changed', 'removed', 'added']);
    expect(body.rows[1]!.old!.url).toBe(`/policies/${smallOld}#tiao-2`);
    expect(body.rows[1]!.diff).toEqual(expect.arrayContaining([{ op: 'delete', text: '1.5' }, { op: 'insert', text: '2.0' }]));
    const onlyApi = await app.inject(`/api/v1/policies/${smallNew}/compare?only=changes`);
    expect(onlyApi.json<{ rows: unknown[] }>().rows).toHaveLength(3);
    expect((await app.inject(`/api/v1/policies/${smallNew}/compare?only=nonsense`)).statusCode).toBe(400);
  });

  it('is not found for a draft, for a policy that replaces nothing, and for an unknown id', async () => {
    const d = await draft({ body: SMALL_NEW, replacesId: String(smallOld) });
    expect((await anon.get(`/policies/${d}/compare`)).statusCode).toBe(404);
    expect((await anon.get(`/policies/${smallOld}/compare`)).statusCode).toBe(404);
    expect((await anon.get('/policies/999999/compare')).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/policies/${smallOld}/compare`)).statusCode).toBe(404);
    // Notes can be written while the new policy is still a draft.
    const res = await editor.post(notesPage(d), { title: '容积率提高了', body: '容积率由1.5提高到2.0。', newAnchors: 'tiao-2' });
    expect(res.statusCode).toBe(303);
  });

  it('an editor adds, edits, reorders and deletes notes; the page shows them beside their articles; every write is audited', async () => {
    const add = async (f: Record<string, string | string[]>) => {
      const res = await editor.post(notesPage(demoNew), f);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${notesPage(demoNew)}?done=added`);
    };
    await add({ title: '市级统筹力度更大了', body: '新政策要求强化规划统筹策划。\n调整了“使用省周转规模”的做法。', newAnchors: ['tiao-5', 'tiao-10'], oldAnchors: ['tiao-11', 'tiao-12'] });
    await add({ title: '写在前面', body: '总体说明。' });
    await add({ title: '闲置土地处置更公开', body: '新增向社会公开的要求。', newAnchors: 'tiao-18' });
    const staff = await editor.get(notesPage(demoNew));
    expect(staff.body).toContain('变化一：市级统筹力度更大了');
    expect(staff.body).toContain('变化三：闲置土地处置更公开');
    expect(staff.body).toContain('新文件 第五条、第十条；原文件 第十一条、第十二条');

    let page = await anon.get(`/policies/${demoNew}/compare`);
    const row = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</tr>', html.indexOf(`id="${id}"`)));
    expect(row(page.body, 'new-tiao-5')).toContain('id="change-1"');
    expect(row(page.body, 'new-tiao-5')).toContain('变化一：市级统筹力度更大了');
    expect(row(page.body, 'new-tiao-10')).toContain('href="#change-1">另见变化一</a>');
    expect(row(page.body, 'new-tiao-18')).toContain('变化三：闲置土地处置更公开');
    // A note that names no article stands above the table.
    expect(page.body.indexOf('id="change-2"')).toBeLessThan(page.body.indexOf('<table class="compare-table"'));

    const [first, second, third] = await noteRows(demoNew);
    const edit = await editor.post(`${notesPage(demoNew)}/${third!.id}`, { title: '闲置土地处置更规范、更公开', body: '新增公开要求。', newAnchors: ['tiao-17', 'tiao-18'] });
    expect(edit.statusCode).toBe(303);
    expect(await editor.post(`${notesPage(demoNew)}/${third!.id}/move`, { direction: 'up' }, notesPage(demoNew))).toMatchObject({ statusCode: 303 });
    expect((await noteRows(demoNew)).map((n) => n.id)).toEqual([first!.id, third!.id, second!.id]);
    // Moving the first note up changes nothing.
    expect((await editor.post(`${notesPage(demoNew)}/${first!.id}/move`, { direction: 'up' }, notesPage(demoNew))).statusCode).toBe(303);
    expect((await editor.post(`${notesPage(demoNew)}/${first!.id}/delete`, {}, notesPage(demoNew))).statusCode).toBe(303);
    const left = await noteRows(demoNew);
    expect(left.map((n) => [n.id, n.seq])).toEqual([
      [third!.id, 1],
      [second!.id, 2],
    ]);
    expect(left[0]).toMatchObject({ title: '闲置土地处置更规范、更公开', newAnchors: 'tiao-17 tiao-18', oldAnchors: '' });
    page = await anon.get(`/policies/${demoNew}/compare`);
    expect(row(page.body, 'new-tiao-17')).toContain('变化一：闲置土地处置更规范、更公开');
    expect(page.body).not.toContain('市级统筹力度更大了');

    const audit = await t.db.kysely.selectFrom('auditLog').select(['action', 'entityId']).where('entityType', '=', 'policy_change_note').orderBy('id').execute();
    const mine = audit.filter((a) => [first!.id, second!.id, third!.id].map(String).includes(a.entityId)).map((a) => a.action);
    expect(mine).toEqual(['policy_change_note.create', 'policy_change_note.create', 'policy_change_note.create', 'policy_change_note.update', 'policy_change_note.move', 'policy_change_note.delete']);
  });

  it('refuses bad notes with the reason beside each field, keeps the input and writes nothing', async () => {
    const before = (await noteRows(smallNew)).length;
    const res = await editor.post(notesPage(smallNew), { title: '', body: '保留我写的说明', newAnchors: ['tiao-2', 'tiao-99'], oldAnchors: 'tiao-42' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="title-error"');
    expect(res.body).toContain('保留我写的说明');
    expect(res.body).toMatch(/id="newAnchors-tiao-2" name="newAnchors" value="tiao-2" checked/);
    // Field checks first, then the anchors: the second post has a title and names unknown articles.
    const anchors = await editor.post(notesPage(smallNew), { title: '标题', body: '说明', newAnchors: ['tiao-2', 'tiao-99'], oldAnchors: 'tiao-42' });
    expect(anchors.statusCode).toBe(400);
    expect(anchors.body).toContain('id="newAnchors-error"');
    expect(anchors.body).toContain('id="oldAnchors-error"');
    expect(anchors.body).toContain('新文件中没有这些条款：tiao-99');
    expect(anchors.body).toContain('原文件中没有这些条款：tiao-42');
    const malformed = await editor.post(notesPage(smallNew), { title: '标题', body: '说明', newAnchors: '<script>' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toContain('id="newAnchors-error"');
    expect((await noteRows(smallNew)).length).toBe(before);
  });

  it('only editors of the policy department write notes; reviewers read; the public is sent away', async () => {
    expect((await outsider.get(notesPage(smallNew))).statusCode).toBe(403);
    const csrf = await outsider.csrfFrom('/admin');
    const res = await app.inject({
      method: 'POST',
      url: notesPage(smallNew),
      headers: { cookie: [...outsider.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: new URLSearchParams({ _csrf: csrf, title: '越权', body: '越权' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    const asReviewer = await reviewer.get(notesPage(smallNew));
    expect(asReviewer.statusCode).toBe(200);
    expect(asReviewer.body).not.toContain('id="add-note-h"');
    expect([302, 303, 401]).toContain((await anon.get(notesPage(smallNew))).statusCode);
    // A policy that replaces nothing has no notes to write.
    const none = await editor.get(notesPage(smallOld));
    expect(none.body).toContain('本文件未注明替代的文件');
    expect((await editor.post(notesPage(smallOld), { title: '标题', body: '说明' }, notesPage(smallOld))).statusCode).toBe(409);
  });

  it('writes notes over the API with a bearer token, department-scoped', async () => {
    const token = await apiToken(app, editorUser.username, editorUser.password);
    const auth = { authorization: `Bearer ${token}` };
    const bad = await app.inject({ method: 'POST', url: `/api/v1/policies/${smallNew}/changes`, headers: auth, payload: { title: '', body: 'x', newAnchors: ['tiao-99'], oldAnchors: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain('title');
    const badAnchor = await app.inject({ method: 'POST', url: `/api/v1/policies/${smallNew}/changes`, headers: auth, payload: { title: '容积率', body: 'x', newAnchors: ['tiao-99'], oldAnchors: [] } });
    expect(badAnchor.statusCode).toBe(400);
    expect(badAnchor.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toEqual(['newAnchors']);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/policies/${smallNew}/changes`, headers: auth, payload: { title: '容积率提高了', body: '由1.5提高到2.0。', newAnchors: ['tiao-2'], oldAnchors: ['tiao-3'] } });
    expect(ok.statusCode).toBe(201);
    const note = ok.json<{ id: number; label: string; newAnchors: string[] }>();
    expect(note).toMatchObject({ label: '变化一', newAnchors: ['tiao-2'] });
    const put = await app.inject({ method: 'PUT', url: `/api/v1/policies/${smallNew}/changes/${note.id}`, headers: auth, payload: { title: '容积率提高了', body: '改了', newAnchors: [], oldAnchors: [] } });
    expect(put.statusCode).toBe(200);
    const pub = await app.inject(`/api/v1/policies/${smallNew}/compare`);
    expect(pub.json<{ notes: Array<{ label: string; body: string }> }>().notes).toEqual([expect.objectContaining({ label: '变化一', body: '改了' })]);
    const otherToken = await apiToken(app, outsiderUser.username, outsiderUser.password);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/policies/${smallNew}/changes/${note.id}`, headers: { authorization: `Bearer ${otherToken}` } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/policies/${smallNew}/changes/${note.id}`, headers: auth })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/policies/${smallNew}/changes/${note.id}`, headers: auth })).statusCode).toBe(404);
  });
});
