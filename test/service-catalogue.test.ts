import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, apiToken, startTestApp, stopTestApp } from './helpers/app.js';
import { makeUser } from './helpers/factories.js';
import { makeServiceItem } from './helpers/service-items.js';
import { itemFields, loadDemoCatalogue, multipart } from './helpers/service-catalogue.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe(`service catalogue over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let depts: Map<string, number>;
  let amr: number;
  let health: number;
  let admin: Browser;
  let editor: Browser;
  let anon: Browser;
  let editorUser: { username: string; password: string };

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    depts = await loadDemoCatalogue(t.db);
    amr = depts.get('amr')!;
    health = depts.get('health')!;
    const a = await makeUser(t.db, 'admin');
    editorUser = await makeUser(t.db, 'editor', [amr]);
    admin = new Browser(app);
    editor = new Browser(app);
    anon = new Browser(app);
    await admin.login(a.username, a.password);
    await editor.login(editorUser.username, editorUser.password);
  }, 60_000);
  afterAll(async () => stopTestApp(t, app));

  it('statistics match the source figures: 655 items, 21 departments, 84 / 105 / 12', async () => {
    const s = (await app.inject({ method: 'GET', url: '/api/v1/services/statistics' })).json<{ totals: Record<string, number>; departments: Array<{ total: number }> }>();
    expect(s.totals).toMatchObject({ total: 655, departments: 21, enterpriseRelated: 84, noVisit: 105, instantApproval: 12 });
    expect(s.departments.every((d) => d.total > 0)).toBe(true);
    const page = await anon.get('/services/statistics');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toMatch(/655/);
    const csv = await anon.get('/services/statistics.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('655');
  });

  it('browses by flag, department, audience and theme, with pages', async () => {
    const list = async (q: string) => (await app.inject({ method: 'GET', url: `/api/v1/services/items?${q}` })).json<{ total: number; items: Array<{ code: string; flags: Record<string, boolean>; department: { id: number }; audience: string }>; pageCount: number }>();
    expect((await list('flag=instantApproval')).total).toBe(12);
    expect((await list('flag=enterpriseRelated')).total).toBe(84);
    expect((await list('flag=noVisit')).total).toBe(105);
    const byDept = await list(`department=${amr}`);
    expect(byDept.total).toBeGreaterThan(20);
    expect(byDept.items.every((i) => i.department.id === amr)).toBe(true);
    const persons = await list('audience=person');
    expect(persons.items.every((i) => i.audience !== 'legal_person')).toBe(true);
    expect((await list('theme=婚姻登记')).total).toBeGreaterThan(0);
    const all = await list('');
    expect(all.total).toBe(655);
    const page2 = await list('page=2');
    expect(page2.items[0]!.code).not.toBe(all.items[0]!.code);
    const html = await anon.get(`/services?flag=instantApproval&department=${amr}`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('aria-current="true"');
  });

  it('finds items by a two-character word in Chinese full text', async () => {
    const r = (await app.inject({ method: 'GET', url: `/api/v1/services/items?q=${encodeURIComponent('许可')}` })).json<{ total: number; items: Array<{ name: string }> }>();
    expect(r.total).toBeGreaterThan(50);
    expect(r.items[0]!.name).toContain('许可');
    const marry = (await app.inject({ method: 'GET', url: `/api/v1/services/items?q=${encodeURIComponent('结婚')}` })).json<{ items: Array<{ name: string }> }>();
    expect(marry.items.map((i) => i.name)).toContain('结婚登记');
    const page = await anon.get(`/services?q=${encodeURIComponent('排污')}`);
    expect(page.body).toContain('排污许可证核发');
    const none = (await app.inject({ method: 'GET', url: `/api/v1/services/items?q=${encodeURIComponent('！！')}` })).json<{ total: number }>();
    expect(none.total).toBe(0);
  });

  it('shows an item’s whole guide with links to where and apply, and its variants', async () => {
    const food = (await app.inject({ method: 'GET', url: `/api/v1/services/items?q=${encodeURIComponent('食品经营许可')}` })).json<{ items: Array<{ code: string; name: string }> }>().items.find((i) => i.name === '食品经营许可')!;
    const page = await anon.get(`/services/items/${food.code}`);
    expect(page.statusCode).toBe(200);
    for (const text of ['食品经营许可申请书', '现场核查', '食品经营许可证有效期多久？', `/services/items/${food.code}/where`, `/services/items/${food.code}/apply`, '食品经营许可（变更）']) {
      expect(page.body).toContain(text);
    }
    const api = (await app.inject({ method: 'GET', url: `/api/v1/services/items/${food.code}` })).json<{ materials: unknown[]; children: Array<{ variant: string }>; faq: unknown[] }>();
    expect(api.materials.length).toBe(5);
    expect(api.children.map((c) => c.variant).filter(Boolean).sort()).toEqual(['cancellation', 'change', 'new', 'renewal']);
    const draft = await makeServiceItem(t.db, amr, { status: 'draft' });
    expect((await anon.get(`/services/items/${draft.code}`)).statusCode).toBe(404);
  });

  it('staff create an item through the form; the consistency rules name the field; writes are audited', async () => {
    const bad = await editor.post('/admin/services/new', itemFields(amr, { caseType: 'on_the_spot', promisedDays: '3' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('即办件当场办结，承诺时限应为 0 个工作日');
    expect(bad.body).toContain('href="#promisedDays"');
    const fields = itemFields(amr);
    const ok = await editor.post('/admin/services/new', fields);
    expect(ok.statusCode, ok.body).toBe(303);
    const id = Number(/\/admin\/services\/(\d+)/.exec(String(ok.headers.location))![1]);
    const pub = await anon.get(`/services/items/${fields.code as string}`);
    expect(pub.body).toContain('营业执照');
    expect(pub.body).toContain('涉企');
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', '=', 'service_item').where('entityId', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['service_item.create']);
    // Editing keeps the values and re-validates: a variant without a parent is refused.
    const edit = await editor.get(`/admin/services/${id}`);
    expect(edit.body).toContain('申请表｜原件｜1｜必要');
    const noParent = await editor.post(`/admin/services/${id}`, { ...fields, variant: 'change' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.body).toContain('业务办理项必须填写上级事项编码');
    expect((await editor.post(`/admin/services/${id}/status`, { status: 'withdrawn' }, `/admin/services/${id}`)).statusCode).toBe(303);
    expect((await anon.get(`/services/items/${fields.code as string}`)).statusCode).toBe(404);
  });

  it('staff act only in their own departments; admin everywhere', async () => {
    const other = await makeServiceItem(t.db, health);
    expect((await editor.get(`/admin/services/${other.id}`)).statusCode).toBe(403);
    const wrongDept = await editor.post('/admin/services/new', itemFields(health));
    expect(wrongDept.statusCode).toBe(400);
    expect(wrongDept.body).toContain('只能为本人所在部门登记事项');
    expect((await admin.get(`/admin/services/${other.id}`)).statusCode).toBe(200);
    const list = await editor.get('/admin/services');
    expect(list.body).not.toContain(other.code);
    expect((await anon.get('/admin/services')).statusCode).not.toBe(200);
  });

  it('the JSON API creates and updates items with the same rules', async () => {
    const token = await apiToken(app, editorUser.username, editorUser.password);
    const body = {
      code: 'API-0001',
      name: '酒类零售许可',
      itemType: 'licensing',
      departmentId: amr,
      implementingBody: '区市场监督管理局',
      level: 'county',
      audience: 'legal_person',
      caseType: 'promise',
      visitsNeeded: 0,
      onlineDepth: 'fully_online',
      statutoryDays: 20,
      promisedDays: 5,
      feeCharged: false,
      onlinePayment: false,
      enterpriseRelated: true,
      noVisit: true,
      instantApproval: false,
      selfServiceTerminal: false,
      status: 'published',
      materials: [{ name: '申请书', form: 'original' }],
    };
    const headers = { authorization: `Bearer ${token}` };
    const created = await app.inject({ method: 'POST', url: '/api/v1/services/items', headers, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const bad = await app.inject({ method: 'PUT', url: '/api/v1/services/items/API-0001', headers, payload: { ...body, visitsNeeded: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('visitsNeeded');
    const upd = await app.inject({ method: 'PUT', url: '/api/v1/services/items/API-0001', headers, payload: { ...body, name: '酒类零售许可（改）' } });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/services/items/API-0001' })).json<{ name: string }>().name).toBe('酒类零售许可（改）');
  });

  it('uploads a blank form for a material, which the public downloads', async () => {
    const fields = itemFields(amr);
    const res = await editor.post('/admin/services/new', fields);
    const id = Number(/\/admin\/services\/(\d+)/.exec(String(res.headers.location))![1]);
    const m = await t.db.kysely.selectFrom('serviceItemMaterial').select('id').where('itemId', '=', id).orderBy('sortOrder').executeTakeFirstOrThrow();
    const csrf = await editor.csrfFrom(`/admin/services/${id}/files`);
    const body = multipart('申请表.pdf', PDF);
    const up = await app.inject({ method: 'POST', url: `/admin/services/${id}/files/m${m.id}-blank?_csrf=${encodeURIComponent(csrf)}`, headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType, accept: 'text/html' }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(303);
    const page = await anon.get(`/services/items/${fields.code as string}`);
    const href = /href="(\/services\/files\/\d+\/[^"]+)"/.exec(page.body)![1]!;
    const file = await anon.get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });
});
