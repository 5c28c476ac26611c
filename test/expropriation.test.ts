import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { dayFromToday, makeExpProject, postFile } from './helpers/expropriation.js';
import { generatedResidentId } from '../src/modules/expropriation/expropriation.generate.js';
import { seededRandom } from '../src/platform/random.js';

interface Directory {
  counts: Record<'before' | 'during' | 'after', { total: number; published: number; due: number; late: number }>;
  comment: { days: number; longEnough: boolean; revisionsOwed: boolean } | null;
  items: Array<{ seq: number; state: string; dueOn: string | null; channels: Record<string, string> }>;
}

const CSV_HEADER = '户号,姓名,身份证号,楼栋,单元,房号,面积,调查登记,确权,评估金额,补偿方式,补偿金额,补助奖励,签约状态,签约日期,选房顺序号,支付状态,支付日期';

describe(`expropriation over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let staff: Browser;
  let outsider: Browser;
  let staffToken: string;
  let outsiderToken: string;
  const rnd = seededRandom(99);

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
    staffToken = await apiToken(app, e.username, e.password);
    outsiderToken = await apiToken(app, o.username, o.password);
  });
  afterAll(() => stopTestApp(t, app));

  const directory = async (id: number) => (await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${id}/directory` })).json<Directory>();

  it('creates a project with the 4 + 10 + 7 directory; items fall due 20 working days after their event and then are late', async () => {
    const p = await makeExpProject(t.db, dept.id, { events: [['survey', -60], ['public_interest', -3]], comment: [-40, -10] });
    const d = await directory(p.id);
    expect(d.counts.before.total).toBe(4);
    expect(d.counts.during.total).toBe(10);
    expect(d.counts.after.total).toBe(7);
    const bySeq = new Map(d.items.map((i) => [i.seq, i]));
    expect(bySeq.get(1)?.state).toBe('late'); // survey 60 days ago, never published
    expect(bySeq.get(3)?.state).toBe('due'); // 3 days ago
    expect(bySeq.get(2)?.state).toBe('waiting'); // on request, no event
    expect(bySeq.get(6)?.state).toBe('waiting'); // no decision yet
    expect(bySeq.get(1)?.channels.website).toBe('required');
    // The comment period of 31 days is long enough; it closed 10 days ago so the revisions are owed (row 5 due).
    expect(d.comment).toMatchObject({ days: 31, longEnough: true, revisionsOwed: true });
    expect(bySeq.get(5)?.state).toBe('due');

    const publish = await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}/items/5/publication`, headers: { authorization: `Bearer ${staffToken}` }, payload: { publishedOn: dayFromToday(-1), link: '/articles/1' } });
    expect(publish.statusCode).toBe(204);
    const after = await directory(p.id);
    expect(after.comment?.revisionsOwed).toBe(false);
    expect(after.counts.during.published).toBe(1);

    const page = await app.inject({ method: 'GET', url: `/expropriation/projects/${p.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('逾期未公开');
    expect(page.body).toContain('符合“征求意见期限不少于30日”的规定');
    expect(page.body).toContain('<svg');
  });

  it('refuses a comment period shorter than 30 days in the check, and a future publication date with the field named', async () => {
    const p = await makeExpProject(t.db, dept.id, { comment: [-20, 5] });
    expect((await directory(p.id)).comment).toMatchObject({ days: 26, longEnough: false });
    const r = await app.inject({ method: 'PUT', url: `/api/v1/expropriation/projects/${p.id}/items/1/publication`, headers: { authorization: `Bearer ${staffToken}` }, payload: { publishedOn: dayFromToday(3), link: '/x' } });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]?.field).toBe('publishedOn');
  });

  it('lets only staff of the project\'s department write', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const r = await app.inject({ method: 'POST', url: `/api/v1/expropriation/projects/${p.id}/events`, headers: { authorization: `Bearer ${outsiderToken}` }, payload: { kind: 'decision', occurredOn: dayFromToday(0) } });
    expect(r.statusCode).toBe(403);
    const anon = await app.inject({ method: 'POST', url: `/api/v1/expropriation/projects/${p.id}/events`, payload: { kind: 'decision', occurredOn: dayFromToday(0) } });
    expect(anon.statusCode).toBe(401);
    expect((await outsider.get(`/admin/expropriation/projects/${p.id}`)).statusCode).toBe(403);
    expect((await staff.get(`/admin/expropriation/projects/${p.id}`)).statusCode).toBe(200);
  });

  it('lists households masked, paginated, searchable by number and filtered', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 120, seed: 5 });
    const r = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/households` });
    const body = r.json<{ items: Array<{ number: string; name: string; building: string }>; total: number; pageCount: number }>();
    expect(body.total).toBe(120);
    expect(body.items).toHaveLength(50);
    expect(body.pageCount).toBe(3);
    const one = p.households[7]!;
    const found = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/households?number=${one.number}` });
    const item = found.json<{ items: Array<{ name: string; building: string }> }>().items[0]!;
    expect(item.name).not.toBe(one.name);
    expect(item.name.startsWith(Array.from(one.name)[0]!)).toBe(true);
    expect(item.name).toMatch(/\*$/);
    const signed = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/households?signing=signed&building=1号楼` });
    const s = signed.json<{ items: Array<{ signingStatus: string; building: string }> }>();
    expect(s.items.length).toBeGreaterThan(0);
    expect(s.items.every((h) => h.signingStatus === 'signed' && h.building === '1号楼')).toBe(true);
    const html = await app.inject({ method: 'GET', url: `/expropriation/projects/${p.id}/households?page=2` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('rel="prev"');
  });

  it('imports CSV all-or-nothing: a bad row is reported by line and field and nothing is written', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const good = (n: string) => `${n},张三丰,${generatedResidentId(rnd)},2号楼,1单元,101,56.5,已登记,已确权,300000,货币补偿,330000,8000,已签约,${dayFromToday(-2)},,未支付,`;
    const bad = `B3,李四,110101199001011234,2号楼,1单元,102,-3,已登记,已确权,,,,,已签约,,,未支付,`;
    const csv = [CSV_HEADER, good('B1'), good('B2'), bad].join('\n');
    const res = await postFile(app, staff, `/admin/expropriation/projects/${p.id}/import`, 'households.csv', Buffer.from(csv), `/admin/expropriation/projects/${p.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('3行中有1行有误');
    expect(res.body).toContain('身份证号码');
    expect(res.body).toContain('签约日期');
    const count = await t.db.kysely.selectFrom('expropriationHousehold').select((eb) => eb.fn.countAll().as('n')).where('projectId', '=', p.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);

    const ok = await postFile(app, staff, `/admin/expropriation/projects/${p.id}/import`, 'households.csv', Buffer.from('\uFEFF' + [CSV_HEADER, good('B1'), good('B2')].join('\r\n')), `/admin/expropriation/projects/${p.id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('已导入 2 户');
    expect(ok.body).toMatch(/<code>[A-Z2-9]{5}-[A-Z2-9]{5}<\/code>/);
    const again = await postFile(app, staff, `/admin/expropriation/projects/${p.id}/import`, 'households.csv', Buffer.from([CSV_HEADER, good('B2')].join('\n')), `/admin/expropriation/projects/${p.id}`);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('户号重复');
  });

  it('imports XLSX and over the API', async () => {
    const p = await makeExpProject(t.db, dept.id);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('户');
    ws.addRow(CSV_HEADER.split(','));
    ws.addRow(['X1', '王五', generatedResidentId(rnd), '3号楼', '', '', 70, '已登记', '待确权', '', '', '', '', '未签约', '', '', '未支付', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await postFile(app, staff, `/admin/expropriation/projects/${p.id}/import`, 'households.xlsx', buf, `/admin/expropriation/projects/${p.id}`);
    expect(res.statusCode).toBe(200);
    const api = await app.inject({ method: 'POST', url: `/api/v1/expropriation/projects/${p.id}/households`, headers: { authorization: `Bearer ${staffToken}` }, payload: { rows: [{ number: 'X2', ownerName: '赵六', idNumber: generatedResidentId(rnd), building: '3号楼', area: 60 }, { number: 'X3', ownerName: '', idNumber: '1', building: '3号楼', area: 'a' }] } });
    expect(api.statusCode).toBe(400);
    const rows = api.json<{ rows: Array<{ line: number; problems: Array<{ field: string }> }> }>().rows;
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[1]!.problems.map((x) => x.field).sort()).toEqual(['area', 'idNumber', 'ownerName']);
  });

  it('keeps the previous version on a correction, audits it, shows 更正于 publicly and refuses a stale version', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 3, seed: 8 });
    const h = p.households[0]!;
    const url = `/api/v1/expropriation/projects/${p.id}/households/${h.id}`;
    const before = (await app.inject({ method: 'GET', url: `${url}/staff`, headers: { authorization: `Bearer ${staffToken}` } })).json<Record<string, unknown>>();
    expect(before.idNumber).toBe(h.idNumber);
    const body = { ownerName: h.name, idNumber: h.idNumber, building: before.building, area: 88.25, surveyStatus: 'registered', rightsStatus: 'confirmed', signingStatus: 'unsigned', paymentStatus: 'unpaid', version: 1, reason: '复核面积' };
    const r = await app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${staffToken}` }, payload: body });
    expect(r.statusCode).toBe(200);
    expect(r.json<{ area: number; version: number }>()).toMatchObject({ area: 88.25, version: 2 });
    const stale = await app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${staffToken}` }, payload: body });
    expect(stale.statusCode).toBe(409);
    const versions = await t.db.kysely.selectFrom('expropriationHouseholdVersion').selectAll().where('householdId', '=', h.id).execute();
    expect(versions).toHaveLength(1);
    expect(JSON.parse(versions[0]!.snapshot)).toMatchObject({ areaCm2: before.area as number * 100 });
    const audit = await t.db.kysely.selectFrom('auditLog').selectAll().where('action', '=', 'expropriation.household.correct').where('entityId', '=', String(h.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.afterJson).not.toContain(h.idNumber);
    const pub = await app.inject({ method: 'GET', url: `/expropriation/projects/${p.id}/households?number=${h.number}` });
    expect(pub.body).toContain('更正于');
    const other = await app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${outsiderToken}` }, payload: { ...body, version: 2 } });
    expect(other.statusCode).toBe(403);
  });

  it('shows the screen without navigation and refreshing itself, and a printable notice with a QR code', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 30, seed: 3 });
    const screen = await app.inject({ method: 'GET', url: `/expropriation/projects/${p.id}/screen` });
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('http-equiv="refresh"');
    expect(screen.body).not.toContain('class="main-nav"');
    expect(screen.body).toContain('<progress');
    const notice = await app.inject({ method: 'GET', url: `/expropriation/projects/${p.id}/notice?building=1号楼&size=a3` });
    expect(notice.body).toContain('exp-a3');
    expect(notice.body).toContain('role="img"');
    expect(notice.body).toContain(`/expropriation/projects/${p.id}/households`);
  });

  it('reports agency service to staff only', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 2 });
    const r = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/agency`, headers: { authorization: `Bearer ${staffToken}` } });
    expect(r.json()).toMatchObject({ cases: 0, oldDays: 5, oldDepartments: 4 });
    const o = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/agency`, headers: { authorization: `Bearer ${outsiderToken}` } });
    expect(o.statusCode).toBe(403);
  });

  it('runs an agency case: documents fetched, home visit, completion, call-back; reported per project', async () => {
    const p = await makeExpProject(t.db, dept.id, { households: 3 });
    const auth = { authorization: `Bearer ${staffToken}` };
    const base = `/api/v1/expropriation/projects/${p.id}/agency-cases`;
    const unknown = await app.inject({ method: 'POST', url: base, headers: auth, payload: { householdNumber: 'NOPE', submittedOn: dayFromToday(-6), documents: ['property_record'] } });
    expect(unknown.statusCode).toBe(400);
    const opened = await app.inject({ method: 'POST', url: base, headers: auth, payload: { householdNumber: p.households[0]!.number, submittedOn: dayFromToday(-6), specialGroup: 'elderly', documents: ['property_record', 'household_register'] } });
    expect(opened.statusCode).toBe(201);
    const c = opened.json<{ id: number; documents: Array<{ id: number; department: string }> }>();
    expect(c.documents.map((d) => d.department)).toEqual(['不动产登记中心', '公安户籍窗口']);
    const step = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `${base}/${c.id}/steps`, headers: auth, payload });
    expect((await step({ step: 'complete', on: dayFromToday(-5) })).statusCode).toBe(409);
    expect((await step({ step: 'callback', on: dayFromToday(-5), satisfaction: 5 })).statusCode).toBe(409);
    for (const d of c.documents) {
      expect((await step({ step: 'document', documentId: d.id, on: dayFromToday(-5) })).statusCode).toBe(200);
    }
    expect((await step({ step: 'home_visit', on: dayFromToday(-5) })).statusCode).toBe(200);
    expect((await step({ step: 'complete', on: dayFromToday(-4) })).statusCode).toBe(200);
    const done = await step({ step: 'callback', on: dayFromToday(-1), satisfaction: 4, note: '服务周到' });
    expect(done.json()).toMatchObject({ satisfaction: 4, callbackNote: '服务周到' });
    const report = (await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${p.id}/agency`, headers: auth })).json<{ cases: number; completed: number; homeVisits: number; callbacks: number; satisfactionAverage: number }>();
    expect(report).toMatchObject({ cases: 1, completed: 1, homeVisits: 1, callbacks: 1, satisfactionAverage: 4 });
    const page = await staff.get(`/admin/expropriation/projects/${p.id}/agency`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('跑4个部门，约5个工作日');
  });
});
