import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { dayFromToday, makeExpProject } from './helpers/expropriation.js';

interface Directory {
  project: { name: string };
  counts: Record<'before' | 'during' | 'after', { total: number; published: number; due: number; late: number }>;
  comment: { days: number } | null;
  items: Array<{ seq: number; state: string; level2: string; mode: string; channels: Record<string, string> }>;
}

// A whole directory row as the form and the API send it.
const row = (o: Record<string, unknown> = {}) => ({
  phase: 'before', level1: '征收准备', level2: '征收范围及调查登记', content: '征收范围、调查登记公告', basis: '国令590第十五条', timeLimit: '20个工作日内',
  responsible: '测试征收办', channelsRequired: ['website', 'board_screen'], channelsOptional: ['graphic'], audience: 'public', mode: 'proactive', level: 'county', triggerEvent: 'survey', ...o,
});

describe(`expropriation staff edits and agency forms (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let staff: Browser;
  let outsider: Browser;
  let staffAuth: { authorization: string };
  let outsiderAuth: { authorization: string };

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const other = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    staff = new Browser(app);
    outsider = new Browser(app);
    await staff.login(e.username, e.password);
    await outsider.login(o.username, o.password);
    staffAuth = { authorization: `Bearer ${await apiToken(app, e.username, e.password)}` };
    outsiderAuth = { authorization: `Bearer ${await apiToken(app, o.username, o.password)}` };
  });
  afterAll(() => stopTestApp(t, app));

  const directory = async (id: number) => (await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${id}/directory` })).json<Directory>();
  const item = async (id: number, seq: number) => (await directory(id)).items.find((i) => i.seq === seq);

  it('edits a directory row through the HTML form and the API, and the row\'s state follows its new settings', async () => {
    const p = await makeExpProject(t.db, dept.id, { events: [['survey', -60], ['public_interest', -3]] });
    expect((await item(p.id, 1))?.state).toBe('late');
    const form = await staff.get(`/admin/expropriation/projects/${p.id}/items/1/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="征收范围及调查登记"');
    // Now started by the decision, which has not happened: no longer late but waiting.
    const saved = await staff.post(`/admin/expropriation/projects/${p.id}/items/1/edit`, row({ level2: '征收范围公告', triggerEvent: 'decision', channelsOptional: [] }));
    expect(saved.statusCode).toBe(303);
    expect(await item(p.id, 1)).toMatchObject({ state: 'waiting', level2: '征收范围公告', channels: { website: 'required', board_screen: 'required' } });
    // Row 3 was due (3 days since its event); made on request it owes nothing until asked.
    expect((await item(p.id, 3))?.state).toBe('due');
    const put = await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}/items/3`, headers: staffAuth, payload: row({ level2: '公共利益认定', triggerEvent: 'public_interest', mode: 'on_request' }) });
    expect(put.statusCode).toBe(204);
    expect(await item(p.id, 3)).toMatchObject({ state: 'waiting', mode: 'on_request' });
    const audit = await t.db.kysely.selectFrom('auditLog').select(['action', 'beforeJson', 'afterJson']).where('action', '=', 'expropriation.item.edit').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.some((a) => (a.beforeJson ?? '').includes('征收范围及调查登记') && (a.afterJson ?? '').includes('征收范围公告'))).toBe(true);
  });

  it('names the field in validation messages, in Chinese and English, and writes nothing', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const bad = await staff.post(`/admin/expropriation/projects/${p.id}/items/2/edit`, row({ level2: ' ', channelsRequired: [], channelsOptional: [] }), `/admin/expropriation/projects/${p.id}/items/2/edit`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="level2-error"');
    expect(bad.body).toContain('id="channelsRequired-error"');
    expect(bad.body).toContain('请至少选择一个公开渠道');
    expect((await item(p.id, 2))?.level2).toBe('社会稳定风险评估');
    const both = await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}/items/2?lang=en`, headers: staffAuth, payload: row({ channelsOptional: ['website'] }) });
    expect(both.statusCode).toBe(400);
    const problem = both.json<{ error: { fields: Array<{ field: string; message: string }> } }>().error.fields[0];
    expect(problem?.field).toBe('channelsOptional');
    expect(problem?.message).toBe('A channel cannot be both required and optional');
    const project = await staff.post(`/admin/expropriation/projects/${p.id}/edit`, { name: '改名', valuerDays: '10', commentOpensOn: dayFromToday(-5), commentClosesOn: dayFromToday(-10) });
    expect(project.statusCode).toBe(400);
    expect(project.body).toContain('id="commentClosesOn-error"');
    expect((await directory(p.id)).project.name).not.toBe('改名');
  });

  it('edits a project\'s own fields (HTML and API) and audits them', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const page = await staff.get(`/admin/expropriation/projects/${p.id}/edit`);
    expect(page.statusCode).toBe(200);
    const r = await staff.post(`/admin/expropriation/projects/${p.id}/edit`, { name: '龙沙区测试改造项目', decisionNumber: '龙政征字〔2026〕9号', valuerDays: '15', commentOpensOn: dayFromToday(-40), commentClosesOn: dayFromToday(-10), summary: '概况', centreLat: '47.34', centreLng: '123.96', radiusM: '400' });
    expect(r.statusCode).toBe(303);
    const d = await directory(p.id);
    expect(d.project.name).toBe('龙沙区测试改造项目');
    expect(d.comment?.days).toBe(31);
    const put = await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}`, headers: staffAuth, payload: { name: '再改名', valuerDays: 10 } });
    expect(put.statusCode).toBe(204);
    expect((await directory(p.id)).comment).toBeNull();
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('action', '=', 'expropriation.project.edit').where('entityId', '=', String(p.id)).execute();
    expect(audit).toHaveLength(2);
  });

  it('adds a row and removes one not yet published; a published row cannot be removed', async () => {
    const p = await makeExpProject(t.db, dept.id, { events: [['survey', -60]] });
    const added = await app.inject({ method: 'POST', url: `/api/v1/expropriation/projects/${p.id}/items`, headers: staffAuth, payload: row({ level2: '临时安置补助', phase: 'after', triggerEvent: 'survey' }) });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ seq: 22 });
    expect(await item(p.id, 22)).toMatchObject({ state: 'late', level2: '临时安置补助' });
    const viaForm = await staff.post(`/admin/expropriation/projects/${p.id}/items`, row({ level2: '过渡房源', phase: 'after' }), `/admin/expropriation/projects/${p.id}/items/new`);
    expect(viaForm.statusCode).toBe(303);
    expect((await directory(p.id)).counts.after.total).toBe(9);

    await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}/items/1/publication`, headers: staffAuth, payload: { publishedOn: dayFromToday(-1), link: '/articles/1' } });
    const refused = await app.inject({ method: 'DELETE', url: `/api/v1/expropriation/projects/${p.id}/items/1`, headers: staffAuth });
    expect(refused.statusCode).toBe(409);
    expect((await staff.get(`/admin/expropriation/projects/${p.id}/items/1/edit`)).body).not.toContain('/items/1/delete');
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/expropriation/projects/${p.id}/items/22`, headers: staffAuth })).statusCode).toBe(204);
    const html = await staff.post(`/admin/expropriation/projects/${p.id}/items/2/delete`, {}, `/admin/expropriation/projects/${p.id}/items/2/edit`);
    expect(html.statusCode).toBe(303);
    const d = await directory(p.id);
    expect(d.items.map((i) => i.seq)).not.toContain(2);
    expect(d.items.map((i) => i.seq)).toContain(1);
    const removed = await t.db.kysely.selectFrom('auditLog').select('action').where('action', '=', 'expropriation.item.remove').execute();
    expect(removed.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses every edit to another department\'s staff (403)', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const base = `/api/v1/expropriation/projects/${p.id}`;
    expect((await app.inject({ method: 'PUT', url: base, headers: outsiderAuth, payload: { name: 'x', valuerDays: 10 } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url: `${base}/items/1`, headers: outsiderAuth, payload: row() })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `${base}/items/1`, headers: outsiderAuth })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `${base}/items`, headers: outsiderAuth, payload: row() })).statusCode).toBe(403);
    expect((await outsider.get(`/admin/expropriation/projects/${p.id}/items/1/edit`)).statusCode).toBe(403);
    expect((await outsider.get(`/admin/expropriation/projects/${p.id}/edit`)).statusCode).toBe(403);
    expect((await outsider.get(`/admin/expropriation/projects/${p.id}/agency-cases`)).statusCode).toBe(403);
    // The outsider posts with a token from a page it may see.
    expect((await outsider.post(`/admin/expropriation/projects/${p.id}/items/1/edit`, row({ level2: '篡改' }), '/admin/expropriation')).statusCode).toBe(403);
    expect((await item(p.id, 1))?.level2).toBe('征收范围及调查登记');
  });

  it('opens an agency case and takes it to the call-back through the HTML forms', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 2 });
    const list = `/admin/expropriation/projects/${p.id}/agency-cases`;
    const unknown = await staff.post(list, { householdNumber: 'NOPE', submittedOn: dayFromToday(-6), documents: 'property_record' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('id="householdNumber-error"');
    const none = await staff.post(list, { householdNumber: p.households[0]!.number, submittedOn: dayFromToday(-6) });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('id="documents-error"');
    const opened = await staff.post(list, { householdNumber: p.households[0]!.number, submittedOn: dayFromToday(-6), specialGroup: 'disabled', documents: ['property_record', 'disability_certificate'] });
    expect(opened.statusCode).toBe(303);
    const casePage = opened.headers.location as string;
    expect((await staff.get(list)).body).toContain(p.households[0]!.number);
    const step = (name: string, fields: Record<string, string>) => staff.post(`${casePage}/steps/${name}`, fields, casePage);

    const early = await step('complete', { complete_on: dayFromToday(-5) });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('还有材料未调取到，不能办结');
    const docs = await t.db.kysely.selectFrom('expropriationAgencyDocument').select('id').where('caseId', '=', Number(casePage.split('/').pop())).execute();
    for (const d of docs) {
      expect((await step('document', { document_documentId: String(d.id), document_on: dayFromToday(-5) })).statusCode).toBe(303);
    }
    const before = await step('home_visit', { home_visit_on: dayFromToday(-9) });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('id="home_visit_on-error"');
    expect((await step('home_visit', { home_visit_on: dayFromToday(-4) })).statusCode).toBe(303);
    expect((await step('complete', { complete_on: dayFromToday(-4) })).statusCode).toBe(303);
    const noLevel = await step('callback', { callback_on: dayFromToday(-1), callback_satisfaction: '' });
    expect(noLevel.statusCode).toBe(400);
    expect(noLevel.body).toContain('id="callback_satisfaction-error"');
    expect((await step('callback', { callback_on: dayFromToday(-1), callback_satisfaction: '5', callback_note: '上门办理很方便' })).statusCode).toBe(303);
    const page = await staff.get(casePage);
    expect(page.body).toContain('满意度5分：上门办理很方便');
    const report = (await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/agency`, headers: staffAuth })).json<{ cases: number; completed: number; homeVisits: number; callbacks: number }>();
    expect(report).toMatchObject({ cases: 1, completed: 1, homeVisits: 1, callbacks: 1 });
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('action', 'like', 'expropriation.agency.%').where('entityId', '=', casePage.split('/').pop()!).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['expropriation.agency.open', 'expropriation.agency.document', 'expropriation.agency.home_visit', 'expropriation.agency.complete', 'expropriation.agency.callback']));
  });

  it('documents the edit endpoints in OpenAPI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    expect(Object.keys(paths['/api/v1/expropriation/projects/{id}/items/{seq}'] ?? {}).sort()).toEqual(['delete', 'put']);
    expect(paths['/api/v1/expropriation/projects/{id}']).toHaveProperty('put');
    expect(paths['/api/v1/expropriation/projects/{id}/items']).toHaveProperty('post');
    expect(paths['/api/v1/expropriation/projects/{id}/items/{seq}/publication']).toHaveProperty('put');
  });
});
