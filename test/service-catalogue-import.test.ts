import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { multipart } from './helpers/service-catalogue.js';
import { toCsv } from '../src/platform/csv.js';

const HEADER = ['事项编码', '上级事项编码', '业务办理项', '事项名称', '事项类型', '主管部门', '实施主体', '办件类型', '行使层级', '服务对象', '到办事现场次数', '网办深度', '法定办结时限（工作日）', '承诺办结时限（工作日）', '申请材料', '办理流程', '是否收费', '是否支持网上支付', '涉企事项', '不见面审批', '秒批', '状态'];

describe(`service catalogue import and export (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number; code: string };
  let other: { id: number; code: string };
  let staff: Browser;
  let admin: Browser;

  const row = (code: string, over: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
    const base: Record<string, string> = {
      事项编码: code,
      上级事项编码: '',
      业务办理项: '',
      事项名称: `烟草专卖零售许可${code}`,
      事项类型: '行政许可',
      主管部门: dept.code,
      实施主体: '区烟草专卖局',
      办件类型: '承诺件',
      行使层级: '县（区）级',
      服务对象: '法人',
      到办事现场次数: '1',
      网办深度: '网上申报',
      '法定办结时限（工作日）': '20',
      '承诺办结时限（工作日）': '5',
      申请材料: '申请表｜原件｜1｜必要\n营业执照｜复印件',
      办理流程: '受理｜窗口受理｜0\n决定｜作出决定｜5',
      是否收费: '否',
      是否支持网上支付: '否',
      涉企事项: '是',
      不见面审批: '否',
      秒批: '否',
      状态: '已公开',
      ...over,
    };
    return HEADER.map((h) => base[h] ?? '');
  };

  async function upload(b: Browser, fileName: string, content: Buffer | string): Promise<LightMyRequestResponse> {
    const csrf = await b.csrfFrom('/admin/services/import');
    const body = multipart(fileName, content);
    return app.inject({ method: 'POST', url: `/admin/services/import?_csrf=${encodeURIComponent(csrf)}`, headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType, accept: 'text/html' }, payload: body.payload });
  }
  const count = async () => Number((await t.db.kysely.selectFrom('serviceItem').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db, { code: 'tobacco' });
    other = await makeDepartment(t.db, { code: 'other' });
    const u = await makeUser(t.db, 'editor', [dept.id]);
    const a = await makeUser(t.db, 'admin');
    staff = new Browser(app);
    admin = new Browser(app);
    await staff.login(u.username, u.password);
    await admin.login(a.username, a.password);
  });
  afterAll(async () => stopTestApp(t, app));

  it('imports a good CSV file, parents before their variants, and upserts by code', async () => {
    const csv = toCsv([HEADER, row('IMP-0001-01', { 上级事项编码: 'IMP-0001', 业务办理项: '变更' }), row('IMP-0001'), row('IMP-0002', { 秒批: '是', 办件类型: '即办件', '承诺办结时限（工作日）': '0', 网办深度: '全程网办', 到办事现场次数: '0' })]);
    const res = await upload(staff, 'items.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('新增 3 项');
    const variant = await t.db.kysely.selectFrom('serviceItem').select(['parentId', 'variant']).where('code', '=', 'IMP-0001-01').executeTakeFirstOrThrow();
    expect(variant.variant).toBe('change');
    expect(variant.parentId).not.toBeNull();
    const again = await upload(staff, 'items.csv', toCsv([HEADER, row('IMP-0001', { 事项名称: '烟草专卖零售许可（更名）' })]));
    expect(again.body).toContain('更新 1 项');
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('action', 'like', 'service_item.import%').execute();
    expect(audit).toHaveLength(4);
  });

  it('reports every bad row with its row number, column and reason, and writes nothing', async () => {
    const before = await count();
    const csv = toCsv([
      HEADER,
      row('BAD-0001'),
      row('BAD-0002', { 办件类型: '即办件' }),
      row('BAD-0003', { 主管部门: 'nowhere' }),
      row('BAD-0004', { 申请材料: '申请表｜手抄件' }),
      row('BAD-0005', { 业务办理项: '新办' }),
      row('BAD-0006', { 主管部门: other.code }),
    ]);
    const res = await upload(staff, 'bad.csv', csv);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('没有写入任何事项');
    for (const [rowNo, reason] of [
      [3, '即办件当场办结'],
      [4, '没有这个部门'],
      [5, '第 1 行的材料形式'],
      [6, '业务办理项必须填写上级事项编码'],
      [7, '只能为本人所在部门登记事项'],
    ] as const) {
      expect(res.body).toMatch(new RegExp(`<td>${rowNo}</td><td>[^<]+</td><td>[^<]*${reason}`));
    }
    expect(await count()).toBe(before);
    expect(await t.db.kysely.selectFrom('serviceItem').select('id').where('code', '=', 'BAD-0001').executeTakeFirst()).toBeUndefined();
  });

  it('imports XLSX and refuses a file without the named columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('事项');
    ws.addRow(HEADER);
    ws.addRow(row('XLS-0001'));
    const res = await upload(staff, 'items.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.db.kysely.selectFrom('serviceItem').select('name').where('code', '=', 'XLS-0001').executeTakeFirst()).toEqual({ name: '烟草专卖零售许可XLS-0001' });
    const noHeader = await upload(staff, 'x.csv', 'a,b\n1,2\n');
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.body).toContain('文件第一行必须有');
    expect((await upload(staff, 'x.txt', 'a')).statusCode).toBe(415);
  });

  it('exports CSV and XLSX that import again unchanged (round trip)', async () => {
    const snapshot = async () =>
      (await t.db.kysely.selectFrom('serviceItem').selectAll().orderBy('code').execute()).map(({ id: _i, createdAt: _c, updatedAt: _u, parentId, ...rest }) => ({ ...rest, hasParent: parentId !== null }));
    const materials = async () => (await t.db.kysely.selectFrom('serviceItemMaterial').select(['name', 'form', 'copies', 'required', 'notes']).orderBy('itemId').orderBy('sortOrder').execute());
    const before = await snapshot();
    const beforeMaterials = await materials();
    const csv = await admin.get('/admin/services/export.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toContain('事项编码');
    const again = await upload(admin, 'export.csv', csv.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.body).toContain(`更新 ${before.length} 项`);
    expect(await snapshot()).toEqual(before);
    expect(await materials()).toEqual(beforeMaterials);
    const xlsx = await admin.get('/admin/services/export.xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const viaXlsx = await upload(admin, 'export.xlsx', xlsx.rawPayload);
    expect(viaXlsx.statusCode, viaXlsx.body).toBe(200);
    expect(await snapshot()).toEqual(before);
    // A department's staff export only their own items.
    const mine = await staff.get(`/admin/services/export.csv?department=${other.id}`);
    expect(mine.body.trim().split('\r\n')).toHaveLength(1);
  });
});
