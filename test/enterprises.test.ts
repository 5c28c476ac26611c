import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import type { TestDb } from './helpers/db.js';
import { makeUser } from './helpers/factories.js';
import { creditCodeCheckChar } from '../src/platform/identity/index.js';
import { enterpriseByCreditCode, enterpriseCount, enterpriseForUser, importEnterprises, loadEnterpriseFacts, offEnterprisesChanged, onEnterprisesChanged } from '../src/modules/enterprises/index.js';
import { enterpriseRowsCsv, generateEnterpriseRows } from '../src/modules/enterprises/enterprises.generate.js';
import { COLUMNS, HEADERS_ZH } from '../src/modules/enterprises/enterprises.rows.js';
import { Readable } from 'node:stream';
import { todayInChina } from '../src/platform/clock.js';

let serial = 0;
/** A fresh valid credit code for each call. */
function newCode(): string {
  serial++;
  const first17 = `91442000MC${String(serial).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;
const baseRow = (over: Row = {}): Row => ({ creditCode: newCode(), name: '中山市测试灯饰有限公司', enterpriseType: '有限责任公司', ownership: '私营', industryCode: 'C3872', foundedOn: '2019-05-06', town: '古镇镇', employees: '12', revenue: '800', ...over });
const csv = (rows: Row[], headers: readonly string[] = COLUMNS.map((c) => HEADERS_ZH[c])): string =>
  [headers.join(','), ...rows.map((r) => COLUMNS.map((c) => (r[c] ?? '').includes(',') ? `"${r[c]}"` : (r[c] ?? '')).join(','))].join('\n') + '\n';

function multipart(fileName: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----gk${Date.now()}${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('enterprise directory', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let adminToken: string;
  let admin: Browser;
  const hookCalls: number[][] = [];

  const importCsv = async (text: string, query = '') => {
    const res = await app.inject({ method: 'POST', url: `/api/v1/enterprises/import${query}`, headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' }, payload: text });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ id: number; inserted: number; updated: number; unchanged: number; refused: number; refusals: Array<{ line: number; creditCode: string; problems: Array<{ field: string; reason: string }> }> }>();
  };

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    const a = await makeUser(t.db, 'admin');
    adminToken = await apiToken(app, a.username, a.password);
    admin = new Browser(app);
    await admin.login(a.username, a.password);
    onEnterprisesChanged('test', async (_trx, ids) => {
      hookCalls.push([...ids].sort((x, y) => x - y));
    });
  });

  afterAll(async () => {
    offEnterprisesChanged('test');
    await stopTestApp(t, app);
  });

  it('imports a CSV, refuses bad rows whole with line, field and reason, and tells the hook the ids', async () => {
    hookCalls.length = 0;
    const good = [baseRow(), baseRow({ industryCode: 'F5211', employees: '3', revenue: '', size: '' }), baseRow({ size: '中型', tags: '高新技术企业、专精特新' })];
    const bad = baseRow({ industryCode: 'C12', employees: '-3' });
    const r = await importCsv(csv([good[0]!, bad, good[1]!, good[2]!]));
    expect(r).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, refused: 1 });
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]!.line).toBe(3);
    expect(r.refusals[0]!.problems).toEqual([
      { field: 'industryCode', reason: '行业代码的大类不属于该门类（GB/T 4754-2017）' },
      { field: 'employees', reason: '不能为负数' },
    ]);
    // Nothing of the refused row was written.
    expect(await enterpriseByCreditCode(t.db.kysely, bad.creditCode!)).toBeUndefined();
    const ids = await Promise.all(good.map(async (g) => (await enterpriseByCreditCode(t.db.kysely, g.creditCode!))!.id));
    expect(hookCalls).toEqual([ids.sort((x, y) => x - y)]);
    const retail = await enterpriseByCreditCode(t.db.kysely, good[1]!.creditCode!);
    expect(retail).toMatchObject({ size: 'micro', sizeDerived: 1, revenue: null });
    const tagged = await enterpriseByCreditCode(t.db.kysely, good[2]!.creditCode!);
    expect(tagged).toMatchObject({ size: 'medium', sizeDerived: 0, tags: '高新技术企业 专精特新' });
  });

  it('re-importing the same file changes nothing; a changed row alone is updated', async () => {
    const rows = [baseRow(), baseRow(), baseRow()];
    const text = csv(rows);
    expect(await importCsv(text, '?asOf=2026-01-31')).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, refused: 0 });
    hookCalls.length = 0;
    expect(await importCsv(text, '?asOf=2026-02-28')).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, refused: 0 });
    expect(hookCalls).toEqual([]);
    const before = (await enterpriseByCreditCode(t.db.kysely, rows[1]!.creditCode!))!;
    rows[1]!.employees = '250';
    const r = await importCsv(csv(rows), '?asOf=2026-03-31');
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, refused: 0 });
    expect(hookCalls).toEqual([[before.id]]);
    const after = (await enterpriseByCreditCode(t.db.kysely, rows[1]!.creditCode!))!;
    expect(after).toMatchObject({ employees: 250, registrationAsOf: '2026-03-31', size: 'small' });
    expect((await enterpriseByCreditCode(t.db.kysely, rows[0]!.creditCode!))!.registrationAsOf).toBe('2026-01-31');
  });

  it('refuses a credit code repeated later in the same file, and a bad check character', async () => {
    const a = baseRow();
    const wrong = a.creditCode!.slice(0, 17) + (a.creditCode!.endsWith('1') ? '2' : '1');
    const r = await importCsv(csv([a, baseRow({ creditCode: a.creditCode, name: '重复的企业' }), baseRow({ creditCode: wrong })]));
    expect(r).toMatchObject({ inserted: 1, refused: 2 });
    expect(r.refusals.map((x) => [x.line, x.problems[0]!.field, x.problems[0]!.reason])).toEqual([
      [3, 'creditCode', '统一社会信用代码在本文件前面的行中已出现'],
      [4, 'creditCode', '统一社会信用代码格式或校验位不正确'],
    ]);
    expect((await enterpriseByCreditCode(t.db.kysely, a.creditCode!))!.name).toBe('中山市测试灯饰有限公司');
  });

  it('accepts English headers and refuses a file without the key columns', async () => {
    const r = await importCsv(csv([baseRow()], COLUMNS));
    expect(r.inserted).toBe(1);
    const res = await app.inject({ method: 'POST', url: '/api/v1/enterprises/import', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' }, payload: 'a,b\n1,2\n' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('file');
  });

  it('imports an XLSX built with exceljs through the upload page and shows the report', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(COLUMNS.map((c) => HEADERS_ZH[c]));
    const good = baseRow({ name: '中山市表格电器有限公司', industryCode: 'C3854', town: '东凤镇' });
    const cells = COLUMNS.map((c) => (c === 'foundedOn' ? new Date(Date.UTC(2018, 5, 1)) : c === 'employees' ? 45 : c === 'revenue' ? 3200.5 : (good[c] ?? '')));
    ws.addRow(cells);
    ws.addRow(COLUMNS.map((c) => (c === 'creditCode' ? 'NOT-A-CODE' : (good[c] ?? ''))));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const page = await admin.get('/admin/enterprises/import');
    expect(page.statusCode).toBe(200);
    const action = /action="(\/admin\/enterprises\/import\?_csrf=[^"]+)"/.exec(page.body)![1]!;
    const m = multipart('企业名录.xlsx', buf, { asOf: '2026-10-31' });
    const res = await app.inject({ method: 'POST', url: action, headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html', 'content-type': m.contentType }, payload: m.payload });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.body).toContain('新增 1 家，更新 0 家，未变化 0 家，拒绝 1 行。');
    expect(res.body).toContain('统一社会信用代码格式或校验位不正确');
    const e = await enterpriseByCreditCode(t.db.kysely, good.creditCode!);
    expect(e).toMatchObject({ name: '中山市表格电器有限公司', foundedOn: '2018-06-01', employees: 45, revenue: 3200.5, registrationAsOf: '2026-10-31', size: 'small', sizeDerived: 1 });

    const list = await admin.get('/admin/enterprises/imports');
    const reportId = /href="\/admin\/enterprises\/imports\/(\d+)"/.exec(list.body)![1]!;
    const report = await admin.get(`/admin/enterprises/imports/${reportId}`);
    expect(report.body).toContain('企业名录.xlsx');
    const refused = await admin.get(`/admin/enterprises/imports/${reportId}/refused.csv`);
    expect(refused.headers['content-type']).toContain('text/csv');
    expect(refused.body).toContain('NOT-A-CODE');
    expect(refused.body).toContain('统一社会信用代码：统一社会信用代码格式或校验位不正确');
  });

  it('re-shows the upload form with the problem beside the file field', async () => {
    const page = await admin.get('/admin/enterprises/import');
    const action = /action="(\/admin\/enterprises\/import\?_csrf=[^"]+)"/.exec(page.body)![1]!;
    const m = multipart('notes.txt', 'hello');
    const res = await app.inject({ method: 'POST', url: action, headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html', 'content-type': m.contentType }, payload: m.payload });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="file-error"');
    expect(res.body).toContain('只接受 CSV 或 XLSX 文件');
    const tpl = await admin.get('/admin/enterprises/import/template.csv');
    expect(tpl.body).toContain('统一社会信用代码,企业名称');
  });

  it('lets staff view and search, admin alone import, and keeps the public out', async () => {
    const code = newCode();
    await importCsv(csv([baseRow({ creditCode: code, name: '中山市搜索目标有限公司', town: '沙溪镇', industryCode: 'C1810' })]));
    const editor = new Browser(app);
    const ed = await makeUser(t.db, 'editor');
    await editor.login(ed.username, ed.password);
    const list = await editor.get('/admin/enterprises?q=搜索目标');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('中山市搜索目标有限公司');
    expect(list.body).toContain('共 1 家企业');
    expect((await editor.get('/admin/enterprises?q=搜索目标&lang=en')).body).toContain('1 enterprises');
    expect((await editor.get('/admin/enterprises?town=沙溪镇&section=C&size=micro')).body).toContain('中山市搜索目标有限公司');
    expect((await editor.get('/admin/enterprises?section=F')).body).not.toContain('中山市搜索目标有限公司');
    const id = /href="\/admin\/enterprises\/(\d+)"/.exec(list.body)![1]!;
    const detail = await editor.get(`/admin/enterprises/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(code);
    expect((await editor.get('/admin/enterprises/import')).statusCode).toBe(403);
    expect((await editor.get('/admin/enterprises/imports')).statusCode).toBe(403);
    const edToken = await apiToken(app, ed.username, ed.password);
    expect((await app.inject({ method: 'POST', url: '/api/v1/enterprises/import', headers: { authorization: `Bearer ${edToken}`, 'content-type': 'text/csv' }, payload: csv([baseRow()]) })).statusCode).toBe(403);
    const api = await app.inject({ method: 'GET', url: `/api/v1/enterprises?q=${encodeURIComponent(code)}`, headers: { authorization: `Bearer ${edToken}` } });
    expect(api.json()).toMatchObject({ total: 1, items: [{ creditCode: code, name: '中山市搜索目标有限公司', sizeDerived: true, size: 'micro' }] });

    const citizen = new Browser(app);
    const c = await makeUser(t.db, 'citizen');
    await citizen.login(c.username, c.password);
    expect((await citizen.get('/admin/enterprises')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises' })).statusCode).toBe(401);
  });

  it('shows an enterprise its facts with sources, takes a correction (audited, re-matched) and validates it', async () => {
    const code = newCode();
    await importCsv(csv([baseRow({ creditCode: code, name: '中山市示范科技有限公司', industryCode: 'I6513', employees: '35', revenue: '1800', rdRatio: '', tags: '科技型中小企业' })]), '?asOf=2026-06-30');
    const u = await makeUser(t.db, 'enterprise');
    await t.db.kysely.updateTable('user').set({ creditCode: code }).where('id', '=', u.id).execute();
    const ent = new Browser(app);
    await ent.login(u.username, u.password);
    const page = await ent.get('/enterprise/profile');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('中山市示范科技有限公司');
    expect(page.body).toMatch(/data-fact="employees"><th scope="row">从业人数<\/th><td>35 人<\/td><td><span class="fact-source fact-source-registration">商事登记<\/span><\/td><td><time dateTime="2026-06-30">2026-06-30<\/time>/i);
    expect(page.body).toMatch(/data-fact="size">.*?小型.*?系统推算/);

    const bad = await ent.post('/enterprise/profile', { employees: 'abc', rdRatio: '3.2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="employees-error"');
    expect(bad.body).toContain('value="abc"');
    expect(await t.db.kysely.selectFrom('enterpriseDeclaration').selectAll().execute()).toHaveLength(0);

    const e = (await enterpriseByCreditCode(t.db.kysely, code))!;
    hookCalls.length = 0;
    const ok = await ent.post('/enterprise/profile', { employees: '120', revenue: '1800', rdRatio: '3.2', town: '小榄镇', tags: ['科技型中小企业', '专精特新'] });
    expect(ok.statusCode).toBe(303);
    expect(hookCalls).toEqual([[e.id]]);
    const decl = await t.db.kysely.selectFrom('enterpriseDeclaration').select(['factKey', 'value']).where('enterpriseId', '=', e.id).orderBy('factKey').execute();
    expect(decl).toEqual([
      { factKey: 'employees', value: '120' },
      { factKey: 'rdRatio', value: '3.2' },
      { factKey: 'tags', value: '["专精特新","科技型中小企业"]' },
      { factKey: 'town', value: '"小榄镇"' },
    ]);
    const audit = await t.db.kysely.selectFrom('auditLog').selectAll().where('action', '=', 'enterprise.declare').where('entityId', '=', String(e.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.beforeJson!)).toEqual({ employees: 35, rdRatio: null, tags: ['科技型中小企业'], town: '古镇镇' });
    expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ employees: 120, rdRatio: 3.2 });

    const after = await ent.get('/enterprise/profile?done=saved');
    expect(after.body).toContain('已保存您的申报。');
    expect(after.body).toMatch(/data-fact="employees"><th scope="row">从业人数<\/th><td>120 人<\/td><td><span class="fact-source fact-source-declared">企业自行申报<\/span><\/td><td><time dateTime="(\d{4}-\d{2}-\d{2})">\1<\/time>/i);
    expect(after.body).toContain(`<time datetime="${todayInChina()}">`);
    const en = await ent.get('/enterprise/profile?lang=en');
    expect(en.body).toContain('Self-declared');
    expect(en.body).toContain('Business registration');
    expect(en.body).toContain('Employees');
    const me = await app.inject({ method: 'GET', url: '/api/v1/enterprises/me', headers: { authorization: `Bearer ${await apiToken(app, u.username, u.password)}` } });
    expect(me.statusCode).toBe(200);
    const body = me.json<{ facts: Record<string, { value: unknown; source: string; asOf: string }> }>();
    expect(body.facts.employees).toMatchObject({ value: 120, source: 'declared' });
    expect(body.facts.revenue).toMatchObject({ value: 1800, source: 'registration', asOf: '2026-06-30' });
    expect(body.facts.size).toMatchObject({ value: 'medium', source: 'derived' });

    // The facts loader sees the same, in id order, by page or by ids.
    const [facts] = await loadEnterpriseFacts(t.db.kysely, { ids: [e.id] });
    expect(facts!.facts.employees).toMatchObject({ value: 120, source: 'declared' });
    expect((await enterpriseForUser(t.db.kysely, { id: u.id }))!.id).toBe(e.id);

    // Another enterprise sees only its own (here: none) and not the staff pages.
    const other = await makeUser(t.db, 'enterprise');
    await t.db.kysely.updateTable('user').set({ creditCode: newCode() }).where('id', '=', other.id).execute();
    const o = new Browser(app);
    await o.login(other.username, other.password);
    const theirs = await o.get('/enterprise/profile');
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('中山市示范科技有限公司');
    expect((await o.get(`/admin/enterprises/${e.id}`)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/enterprises/me', headers: { authorization: `Bearer ${await apiToken(app, other.username, other.password)}` } })).statusCode).toBe(404);
  });

  it('caps the stored refused rows but counts them all, and rolls a batch back when a hook fails', async () => {
    const bad = Array.from({ length: 5 }, () => baseRow({ foundedOn: '2021-13-01' }));
    const r = await importEnterprises(t.db.kysely, Readable.from([csv(bad)]), 'csv', { fileName: 'bad.csv', maxStoredRefusals: 2 });
    expect(r).toMatchObject({ refused: 5, inserted: 0 });
    expect(r.refusals).toHaveLength(2);
    expect(await t.db.kysely.selectFrom('enterpriseImportRefusal').select('line').where('importId', '=', r.id).execute()).toHaveLength(2);

    onEnterprisesChanged('failing', () => Promise.reject(new Error('navigator down')));
    try {
      const row = baseRow();
      await expect(importEnterprises(t.db.kysely, Readable.from([csv([row])]), 'csv', { fileName: 'hook.csv' })).rejects.toThrow('navigator down');
      expect(await enterpriseByCreditCode(t.db.kysely, row.creditCode!)).toBeUndefined();
      const last = await t.db.kysely.selectFrom('enterpriseImport').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(last).toMatchObject({ fileName: 'hook.csv', status: 'failed', inserted: 0 });
    } finally {
      offEnterprisesChanged('failing');
    }
  });

  it('pages through a thousand enterprises by keyset and imports through the function with bounded batches', async () => {
    const before = await enterpriseCount(t.db.kysely);
    const r = await importEnterprises(t.db.kysely, Readable.from(enterpriseRowsCsv(generateEnterpriseRows(1000, 99))), 'csv', { fileName: 'gen.csv', batchSize: 250 });
    expect(r).toMatchObject({ inserted: 1000, refused: 0 });
    expect(await enterpriseCount(t.db.kysely)).toBe(before + 1000);
    const seen: number[] = [];
    let afterId = 0;
    for (;;) {
      const page = await loadEnterpriseFacts(t.db.kysely, { afterId, limit: 300 });
      if (page.length === 0) {
        break;
      }
      seen.push(...page.map((p) => p.enterpriseId));
      afterId = page.at(-1)!.enterpriseId;
    }
    expect(seen).toHaveLength(before + 1000);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
