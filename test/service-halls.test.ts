import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, apiToken, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { makeServiceItem } from './helpers/service-items.js';
import { hallById, windowById, windowsAccepting } from '../src/modules/service-halls/index.js';

const WEEK = { hoursMon: '09:00-12:00, 14:00-18:00', hoursTue: '09:00-12:00, 14:00-18:00', hoursWed: '09:00-12:00, 14:00-18:00', hoursThu: '09:00-12:00, 14:00-18:00', hoursFri: '09:00-12:00, 14:00-18:00', hoursSat: '', hoursSun: '' };

describe(`service halls over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let staff: Browser;
  let admin: Browser;
  let outsider: Browser;
  let anon: Browser;
  let serviceData: { id: number };
  let staffUser: { username: string; password: string };
  let outsiderUser: { username: string; password: string };
  let hrss: { id: number };
  const items: Record<string, { id: number; code: string }> = {};
  const halls = { district: 0, street: 0, community: 0 };

  const hallFields = (over: Record<string, string> = {}) => ({ code: 'T-D01', level: 'district', name: '测试区政务服务中心', parentId: '', street: '', address: '测试区华夏路1号', lat: '22.7487', lng: '113.9361', phone: '0755-1234', ...WEEK, lunchFrom: '12:00', lunchTo: '14:00', extraService: '周三延时至20:00', transport: '地铁6号线', accessibility: '无障碍坡道', services: '一窗式综合受理', active: '1', ...over });
  const audits = (action: string) => t.db.kysely.selectFrom('auditLog').selectAll().where('action', '=', action).execute();
  const idFrom = (location: unknown, re: RegExp) => Number(re.exec(String(location))![1]);

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    serviceData = await makeDepartment(t.db, { code: 'service-data', nameZh: '政务服务数据管理局' });
    hrss = await makeDepartment(t.db, { nameZh: '人力资源和社会保障局' });
    staff = new Browser(app);
    admin = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    const s = await makeUser(t.db, 'editor', [serviceData.id]);
    const a = await makeUser(t.db, 'admin');
    const o = await makeUser(t.db, 'editor', [hrss.id]);
    staffUser = s;
    outsiderUser = o;
    await staff.login(s.username, s.password);
    await admin.login(a.username, a.password);
    await outsider.login(o.username, o.password);
    items.social = await makeServiceItem(t.db, hrss.id, { name: '社会保险登记' });
    items.pension = await makeServiceItem(t.db, hrss.id, { name: '养老保险关系转移' });
    items.online = await makeServiceItem(t.db, serviceData.id, { name: '电子证照下载', noVisit: 1, visitsNeeded: 0, onlineDepth: 'fully_online' });
    items.terminal = await makeServiceItem(t.db, serviceData.id, { name: '社保缴费证明打印', selfServiceTerminal: 1 });
    items.draft = await makeServiceItem(t.db, hrss.id, { name: '未发布事项', status: 'draft' });
  });

  afterAll(async () => {
    await stopTestApp(t, app);
  });

  it('lets service-data staff create halls at three levels, each audited', async () => {
    let res = await staff.post('/admin/services/halls/new', hallFields(), '/admin/services/halls/new');
    expect(res.statusCode, res.body).toBe(303);
    halls.district = idFrom(res.headers.location, /halls\/(\d+)/);
    res = await staff.post('/admin/services/halls/new', hallFields({ code: 'T-S01', level: 'street', name: '光明街道行政服务大厅', parentId: String(halls.district), street: '光明', lunchFrom: '', lunchTo: '' }), '/admin/services/halls/new');
    expect(res.statusCode, res.body).toBe(303);
    halls.street = idFrom(res.headers.location, /halls\/(\d+)/);
    res = await admin.post('/admin/services/halls/new', hallFields({ code: 'T-C101', level: 'community', name: '碧眼社区政务服务站', parentId: String(halls.street), street: '光明', lunchFrom: '', lunchTo: '', hoursSat: '09:00-12:00' }), '/admin/services/halls/new');
    expect(res.statusCode, res.body).toBe(303);
    halls.community = idFrom(res.headers.location, /halls\/(\d+)/);
    const d = await hallById(t.db.kysely, halls.district);
    expect(d).toMatchObject({ level: 'district', lunchFrom: '12:00', lunchTo: '14:00', parentId: null });
    expect(JSON.parse(d!.weeklyHours)).toHaveLength(7);
    expect((await audits('service_hall.create')).length).toBe(3);
  });

  it('refuses bad input naming each field, and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('serviceHall').select('id').execute();
    const res = await staff.post('/admin/services/halls/new', hallFields({ code: 'T-C999', level: 'community', parentId: '', hoursMon: '9点到12点', lunchFrom: '12:00', lunchTo: '', lat: '22.7', lng: '' }), '/admin/services/halls/new');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('上级大厅: 街道大厅和社区服务站必须选择上级大厅');
    expect(res.body).toContain('星期一: 请按“09:00-12:00, 14:00-18:00”填写');
    expect(res.body).toContain('午间延时服务结束: 午间延时服务的开始和结束时间需同时填写');
    expect(res.body).toContain('经度: 经度和纬度需同时填写或同时留空');
    // A community station under the district hall is the wrong level; a taken code is named.
    const wrong = await staff.post('/admin/services/halls/new', hallFields({ code: 'T-D01', level: 'community', parentId: String(halls.district) }), '/admin/services/halls/new');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('大厅编码: 该编码已被使用');
    expect(wrong.body).toContain('上级大厅: 上级大厅层级不对');
    expect((await t.db.kysely.selectFrom('serviceHall').select('id').execute()).length).toBe(before.length);
  });

  it('keeps staff of other departments and the public out', async () => {
    expect((await outsider.get('/admin/services/halls')).statusCode).toBe(403);
    const res = await outsider.post(`/admin/services/halls/${halls.community}`, hallFields({ code: 'T-C101', level: 'community', name: '改名', parentId: String(halls.street) }), '/admin/open-days');
    expect(res.statusCode).toBe(403);
    expect((await hallById(t.db.kysely, halls.community))!.name).toBe('碧眼社区政务服务站');
    expect([401, 302, 303]).toContain((await anon.get('/admin/services/halls')).statusCode);
  });

  it('adds windows, picks their items, assigns a department in bulk, all audited', async () => {
    const page = `/admin/services/halls/${halls.district}`;
    let res = await staff.post(`${page}/windows`, { number: 'A01', name: '综合受理窗口', kind: 'comprehensive', departmentId: String(hrss.id), sortOrder: '1', notes: '' }, page);
    expect(res.statusCode, res.body).toBe(303);
    const w1 = idFrom(res.headers.location, /windows\/(\d+)/);
    // The same number twice in one hall is refused on its field.
    res = await staff.post(`${page}/windows`, { number: 'A01', name: '重复', kind: 'delivery', departmentId: '', sortOrder: '2', notes: '' }, page);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('窗口号: 本大厅已有该窗口号');
    const wpage = `${page}/windows/${w1}`;
    res = await staff.post(`${wpage}/items`, { itemIds: [String(items.social!.id)] }, wpage);
    expect(res.statusCode, res.body).toBe(303);
    res = await staff.post(`${wpage}/assign`, { departmentId: String(hrss.id) }, wpage);
    expect(res.statusCode, res.body).toBe(303);
    // Bulk assignment adds the department's published items only (not the draft).
    expect(res.headers.location).toContain('n=1');
    const accepted = (await windowsAccepting(t.db.kysely, items.pension!.id)).map((x) => x.window.id);
    expect(accepted).toEqual([w1]);
    expect((await windowsAccepting(t.db.kysely, items.draft!.id)).length).toBe(0);
    // An item id that is not in the catalogue is refused, and the list stays as it was.
    res = await staff.post(`${wpage}/items`, { itemIds: [String(items.social!.id), '999999'] }, wpage);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('所选事项不在事项目录中');
    expect((await windowsAccepting(t.db.kysely, items.social!.id)).length).toBe(1);
    // The street hall accepts social insurance too, at its own window.
    const spage = `/admin/services/halls/${halls.street}`;
    res = await staff.post(`${spage}/windows`, { number: '6', name: '社会保障专业窗口', kind: 'specialised', departmentId: String(hrss.id), sortOrder: '6', notes: '' }, spage);
    const w2 = idFrom(res.headers.location, /windows\/(\d+)/);
    await staff.post(`${spage}/windows/${w2}/items`, { itemIds: [String(items.social!.id)] }, `${spage}/windows/${w2}`);
    expect((await windowById(t.db.kysely, w2))!.kind).toBe('specialised');
    expect((await audits('service_window.create')).length).toBe(2);
    expect((await audits('service_window.items')).length).toBe(2);
    expect((await audits('service_window.assign_department')).length).toBe(1);
  });

  it('adds terminals: one on the catalogue default, one with its own list', async () => {
    let res = await staff.post('/admin/services/terminals/new', { code: 'T-T001', name: '区中心自助机', placeKind: 'hall', hallId: String(halls.district), street: '光明', address: '区政务服务中心一楼', lat: '22.7487', lng: '113.9361', hours: '00:00-24:00', active: '1' }, '/admin/services/terminals/new');
    expect(res.statusCode, res.body).toBe(303);
    res = await staff.post('/admin/services/terminals/new', { code: 'T-T002', name: '建设银行自助终端', placeKind: 'bank', hallId: '', street: '公明', address: '公明大道1号', lat: '', lng: '', hours: '', customItems: '1', itemIds: [String(items.social!.id)], active: '1' }, '/admin/services/terminals/new');
    expect(res.statusCode, res.body).toBe(303);
    res = await staff.post('/admin/services/terminals/new', { code: 'T-T003', name: '缺大厅', placeKind: 'hall', hallId: '', address: 'x', active: '1' }, '/admin/services/terminals/new');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('所在大厅: 设在大厅内的终端必须选择所在大厅');
    expect((await audits('service_terminal.create')).length).toBe(2);
  });

  it('answers "where can I do this?" with halls by level and the terminals', async () => {
    const res = await anon.get(`/api/v1/services/items/${items.social!.code}/where`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ onlineOnly: boolean; levels: Array<{ level: string; halls: Array<{ name: string; lunchService: unknown; openNow: boolean; windows: Array<{ number: string }> }> }>; terminals: Array<{ code: string }> }>();
    expect(body.onlineOnly).toBe(false);
    expect(body.levels.map((l) => l.level)).toEqual(['district', 'street']);
    expect(body.levels[0]!.halls[0]).toMatchObject({ name: '测试区政务服务中心', lunchService: { from: '12:00', to: '14:00' } });
    expect(typeof body.levels[0]!.halls[0]!.openNow).toBe('boolean');
    expect(body.levels[1]!.halls[0]!.windows.map((w) => w.number)).toEqual(['6']);
    expect(body.terminals.map((x) => x.code)).toEqual(['T-T002']);
    // The terminal-flagged item is on every default terminal, and at no hall.
    const term = (await anon.get(`/api/v1/services/items/${items.terminal!.code}/where`)).json<{ terminals: Array<{ code: string }>; levels: unknown[] }>();
    expect(term.terminals.map((x) => x.code)).toEqual(['T-T001']);
    expect(term.levels).toEqual([]);
    const html = await anon.get(`/services/items/${items.social!.code}/where`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('在哪里办：社会保险登记');
    expect(html.body).toContain('2 个大厅、1 台自助终端可以办理本事项');
    expect(html.body).toContain('午间延时服务 12:00—14:00');
    expect(html.body).toContain('role="img"');
  });

  it('says "no visit needed" for online-only items, and hides unpublished items', async () => {
    const res = await anon.get(`/api/v1/services/items/${items.online!.code}/where`);
    expect(res.json()).toMatchObject({ onlineOnly: true, applyUrl: `/services/items/${items.online!.code}/apply` });
    const html = await anon.get(`/services/items/${items.online!.code}/where`);
    expect(html.body).toContain('无需到现场');
    expect(html.body).toContain(`href="/services/items/${items.online!.code}/apply"`);
    expect((await anon.get(`/services/items/${items.draft!.code}/where`)).statusCode).toBe(404);
  });

  it('shows halls by level and street, a hall page with windows and items, and English', async () => {
    const list = await anon.get('/services/halls?level=community&street=%E5%85%89%E6%98%8E');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('碧眼社区政务服务站');
    expect(list.body).not.toContain('测试区政务服务中心</a>');
    const page = await anon.get(`/services/halls/${halls.district}`);
    expect(page.body).toContain('A01 号窗口 综合受理窗口');
    expect(page.body).toContain('养老保险关系转移');
    expect(page.body).not.toContain('未发布事项');
    expect(page.body).toContain('光明街道行政服务大厅');
    const api = (await anon.get(`/api/v1/services/halls/${halls.district}`)).json<{ windows: Array<{ items: Array<{ code: string }> }>; terminals: unknown[] }>();
    expect(api.windows[0]!.items.map((i) => i.code).sort()).toEqual([items.social!.code, items.pension!.code].sort());
    expect(api.terminals).toHaveLength(1);
    const en = await new Browser(app).get(`/services/halls/${halls.district}?lang=en`);
    expect(en.body).toContain('Window A01');
    expect(en.body).toContain('Lunchtime service 12:00–14:00');
    const terminals = await anon.get('/services/terminals?street=%E5%85%AC%E6%98%8E');
    expect(terminals.body).toContain('建设银行自助终端');
    expect(terminals.body).not.toContain('区中心自助机');
  });

  it('takes staff writes over the JSON API with the same checks and roles', async () => {
    const auth = { authorization: `Bearer ${await apiToken(app, staffUser.username, staffUser.password)}` };
    const other = { authorization: `Bearer ${await apiToken(app, outsiderUser.username, outsiderUser.password)}` };
    const body = { ...hallFields({ code: 'T-S02', level: 'street', name: '公明街道行政服务大厅', parentId: String(halls.district), street: '公明' }), opensOnHolidays: true, active: true };
    expect((await app.inject({ method: 'POST', url: '/api/v1/services/halls', headers: other, payload: body })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/services/halls', headers: auth, payload: { ...body, hoursTue: '14:00-09:00' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('hoursTue');
    const res = await app.inject({ method: 'POST', url: '/api/v1/services/halls', headers: auth, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const hall = res.json<{ id: number; opensOnHolidays: boolean; lunchService: unknown }>();
    expect(hall).toMatchObject({ opensOnHolidays: true, lunchService: { from: '12:00', to: '14:00' } });
    const w = await app.inject({ method: 'POST', url: `/api/v1/services/halls/${hall.id}/windows`, headers: auth, payload: { number: '1', name: '综合受理窗口', kind: 'comprehensive' } });
    expect(w.statusCode, w.body).toBe(201);
    const wid = w.json<{ id: number }>().id;
    const put = await app.inject({ method: 'PUT', url: `/api/v1/services/halls/${hall.id}/windows/${wid}/items`, headers: auth, payload: { itemIds: [items.social!.id] } });
    expect(put.json()).toEqual({ windowId: wid, itemIds: [items.social!.id] });
  });

  it('lists its API in the OpenAPI document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/services/items/{code}/where', '/api/v1/services/halls', '/api/v1/services/halls/{id}', '/api/v1/services/terminals']));
  });

  it('hides an inactive hall and deletes a hall with its windows, audited', async () => {
    const f = hallFields({ code: 'T-C101', level: 'community', name: '碧眼社区政务服务站', parentId: String(halls.street), street: '光明', active: '' });
    const res = await staff.post(`/admin/services/halls/${halls.community}`, f, `/admin/services/halls/${halls.community}`);
    expect(res.statusCode, res.body).toBe(303);
    expect((await anon.get(`/services/halls/${halls.community}`)).statusCode).toBe(404);
    const del = await admin.post(`/admin/services/halls/${halls.street}/delete`, {}, `/admin/services/halls/${halls.street}`);
    expect(del.statusCode).toBe(303);
    expect(await hallById(t.db.kysely, halls.street)).toBeUndefined();
    expect((await hallById(t.db.kysely, halls.community))!.parentId).toBeNull();
    expect((await windowsAccepting(t.db.kysely, items.social!.id)).map((x) => x.hall.id)).not.toContain(halls.street);
    expect((await audits('service_hall.delete')).length).toBe(1);
  });
});
