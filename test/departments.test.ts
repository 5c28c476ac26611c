import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';

// The department directory (主动公开 category 2): public pages and API, and the general office's
// admin pages with their validation, permissions and audit trail.

interface ErrorJson {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string; message: string }> };
}
interface DeptJson {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  functions: string;
  address: string;
  phone: string;
  email: string;
  headName: string;
  headTitle: string;
}

const uid = () => crypto.randomBytes(4).toString('hex');

/** A complete department form as the admin would fill it in. */
const deptForm = (over: Record<string, string> = {}) => ({
  code: `dept-${uid()}`,
  nameZh: '市发展和改革委员会',
  nameEn: 'Development and Reform Commission',
  kind: 'department',
  functions: '拟订并组织实施国民经济和社会发展战略。\n负责综合研究拟订经济和社会发展政策。',
  address: '人民路 1 号',
  officeHours: '工作日 9:00-17:00',
  phone: '0571-12345678',
  email: 'fgw@example.gov.cn',
  website: 'https://fgw.example.gov.cn',
  headName: '王某',
  headTitle: '主任',
  sortOrder: '10',
  ...over,
});

describe(`departments over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  let ab: Browser;

  const deptByCode = (code: string) => t.db.kysely.selectFrom('department').selectAll().where('code', '=', code).executeTakeFirst();
  const countDepartments = async () => Number((await t.db.kysely.selectFrom('department').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const countAudit = async () => Number((await t.db.kysely.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditRows = (action: string, id: number) =>
    t.db.kysely.selectFrom('auditLog').selectAll().where('action', '=', action).where('entityType', '=', 'department').where('entityId', '=', String(id)).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildTestApp(t.db);
    admin = await makeUser(t.db, 'admin');
    ab = new Browser(app);
    await ab.login(admin.username, admin.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  describe('public directory', () => {
    it('lists departments with links to their pages', async () => {
      const a = await makeDepartment(t.db, { nameZh: '市教育局' });
      const b = await makeDepartment(t.db, { nameZh: '市卫生健康委员会' });
      const res = await new Browser(app).get('/departments');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<h1>部门信息</h1>');
      expect(res.body).toContain(`<a href="/departments/${a.code}">市教育局</a>`);
      expect(res.body).toContain(`<a href="/departments/${b.code}">市卫生健康委员会</a>`);
      // A reading page sets no cookie at all.
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('shows one department page, in Chinese or in English', async () => {
      const f = deptForm({ nameZh: '市交通运输局', nameEn: 'Transport Bureau', phone: '0571-88886666' });
      const created = await ab.post('/admin/departments/new', f);
      expect(created.statusCode).toBe(303);
      const page = await new Browser(app).get(`/departments/${f.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>市交通运输局</h1>');
      expect(page.body).toContain('<p>拟订并组织实施国民经济和社会发展战略。</p>');
      expect(page.body).toContain('王某（主任）');
      expect(page.body).toContain('href="tel:0571-88886666"');
      expect(page.body).toContain('href="mailto:fgw@example.gov.cn"');
      // The public does not get the edit link; the admin does.
      expect(page.body).not.toContain('/admin/departments/');
      expect((await ab.get(`/departments/${f.code}`)).body).toContain('编辑部门信息');
      const en = await new Browser(app).get(`/departments/${f.code}?lang=en`);
      expect(en.body).toContain('<html lang="en"');
      expect(en.body).toContain('<h1>Transport Bureau</h1>');
    });

    it('an unknown department is a Chinese 404 page and a 404 JSON error', async () => {
      const page = await new Browser(app).get('/departments/no-such-dept');
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('您访问的页面或数据不存在');
      const api = await app.inject({ method: 'GET', url: '/api/v1/departments/no-such-dept' });
      expect(api.statusCode).toBe(404);
      expect(api.json<ErrorJson>().error.code).toBe('not_found');
    });

    it('the API lists the directory and gives one department by code', async () => {
      const d = await makeDepartment(t.db, { nameZh: '市财政局' });
      const list = await app.inject({ method: 'GET', url: '/api/v1/departments' });
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: DeptJson[] }>().items;
      expect(items.length).toBe(await countDepartments());
      expect(items.find((x) => x.id === d.id)).toMatchObject({ code: d.code, nameZh: '市财政局', kind: 'department' });
      const one = await app.inject({ method: 'GET', url: `/api/v1/departments/${d.code}` });
      expect(one.statusCode).toBe(200);
      expect(one.json<DeptJson>()).toMatchObject({ id: d.id, code: d.code, nameZh: '市财政局' });
      expect(Object.keys(one.json<DeptJson>())).not.toContain('createdAt');
    });
  });

  describe('admin pages', () => {
    it('the admin creates a department through the form; the row and an audit entry are written', async () => {
      const form = await ab.get('/admin/departments/new');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('name="code"');
      const f = deptForm();
      const audits = await countAudit();
      const res = await ab.post('/admin/departments/new', f);
      expect(res.statusCode).toBe(303);
      const id = Number(/^\/admin\/departments\/(\d+)\?done=1$/.exec(res.headers.location as string)![1]);
      const row = await deptByCode(f.code);
      expect(row).toMatchObject({
        id,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        kind: 'department',
        functions: f.functions,
        address: f.address,
        officeHours: f.officeHours,
        phone: f.phone,
        email: f.email,
        website: f.website,
        headName: f.headName,
        headTitle: f.headTitle,
        sortOrder: 10,
      });
      expect(await countAudit()).toBe(audits + 1);
      const audit = await auditRows('department.create', id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: admin.id, beforeJson: null });
      expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ code: f.code, nameZh: f.nameZh });
      const shown = await ab.get(`/admin/departments/${id}?done=1`);
      expect(shown.body).toContain('已保存');
      expect(shown.body).toContain(`value="${f.code}"`);
      expect((await ab.get('/admin/departments')).body).toContain(`<a href="/admin/departments/${id}">${f.nameZh}</a>`);
    });

    it('the admin edits a department through the form; the change and a before/after audit entry are written', async () => {
      const f = deptForm({ nameZh: '旧名称' });
      const created = await ab.post('/admin/departments/new', f);
      const id = Number(/(\d+)/.exec(created.headers.location as string)![1]);
      const newCode = `renamed-${uid()}`;
      const res = await ab.post(`/admin/departments/${id}`, deptForm({ code: newCode, nameZh: '新名称', kind: 'office', phone: '', sortOrder: '' }), `/admin/departments/${id}`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/departments/${id}?done=1`);
      const row = await deptByCode(newCode);
      expect(row).toMatchObject({ id, nameZh: '新名称', kind: 'office', phone: '', sortOrder: 0 });
      expect(await deptByCode(f.code)).toBeUndefined();
      const audit = await auditRows('department.update', id);
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.beforeJson!)).toMatchObject({ code: f.code, nameZh: '旧名称', kind: 'department' });
      expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ code: newCode, nameZh: '新名称', kind: 'office' });
      expect((await new Browser(app).get(`/departments/${newCode}`)).body).toContain('<h1>新名称</h1>');
      expect((await new Browser(app).get(`/departments/${f.code}`)).statusCode).toBe(404);
    });

    it('a bad code is refused with the error beside the field, values kept, nothing written', async () => {
      const before = await countDepartments();
      const audits = await countAudit();
      const f = deptForm({ code: 'Bad Code!', nameZh: '保留的名称' });
      const res = await ab.post('/admin/departments/new', f);
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/<p class="error" id="code-error">.*只能包含小写字母、数字和连字符/);
      expect(res.body).toContain('value="Bad Code!"');
      expect(res.body).toContain('value="保留的名称"');
      expect(res.body).toContain('href="#code"');
      expect(res.body).not.toContain('id="nameZh-error"');
      expect(await countDepartments()).toBe(before);
      expect(await countAudit()).toBe(audits);
      expect(await deptByCode('Bad Code!')).toBeUndefined();
    });

    it('a bad code on edit is refused and the department is unchanged', async () => {
      const d = await makeDepartment(t.db, { nameZh: '不变的部门' });
      const audits = await countAudit();
      const res = await ab.post(`/admin/departments/${d.id}`, deptForm({ code: 'Bad Code!', nameZh: '改了' }), `/admin/departments/${d.id}`);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="code-error"');
      expect(await deptByCode(d.code)).toMatchObject({ nameZh: '不变的部门' });
      expect(await countAudit()).toBe(audits);
    });

    it('a taken code, a missing name, a bad e-mail and a bad kind are refused beside their fields', async () => {
      const existing = await makeDepartment(t.db);
      const other = await makeDepartment(t.db);
      const before = await countDepartments();
      const dup = await ab.post('/admin/departments/new', deptForm({ code: existing.code }));
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toMatch(/id="code-error">.*该代码已被使用/);
      const dupEdit = await ab.post(`/admin/departments/${other.id}`, deptForm({ code: existing.code }), `/admin/departments/${other.id}`);
      expect(dupEdit.statusCode).toBe(400);
      expect(dupEdit.body).toMatch(/id="code-error">.*该代码已被使用/);
      const bad = await ab.post('/admin/departments/new', deptForm({ nameZh: '', email: 'not-an-email', kind: 'ministry', sortOrder: '-1' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/id="nameZh-error">.*此项为必填项/);
      expect(bad.body).toMatch(/id="email-error">.*请输入有效的电子邮箱地址/);
      expect(bad.body).toContain('id="kind-error"');
      expect(bad.body).toContain('id="sortOrder-error"');
      expect(await countDepartments()).toBe(before);
    });

    it('an unknown department id is 404 on the edit page and on save', async () => {
      expect((await ab.get('/admin/departments/99999999')).statusCode).toBe(404);
      expect((await ab.post('/admin/departments/99999999', deptForm(), '/admin/departments/new')).statusCode).toBe(404);
      expect((await ab.get('/admin/departments/abc')).statusCode).toBe(400);
    });

    it('text is escaped on the public page', async () => {
      const f = deptForm({ nameZh: '<img src=x onerror=alert(1)>', functions: '<script>alert(1)</script>' });
      expect((await ab.post('/admin/departments/new', f)).statusCode).toBe(303);
      expect((await deptByCode(f.code))!.functions).toBe('<script>alert(1)</script>');
      const page = await new Browser(app).get(`/departments/${f.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).toContain('&lt;script');
    });
  });

  describe('permissions', () => {
    it('citizens and department editors are forbidden from the admin pages and writes; nothing is written', async () => {
      const d = await makeDepartment(t.db, { nameZh: '受保护部门' });
      const citizen = await makeUser(t.db, 'citizen');
      const editor = await makeUser(t.db, 'editor', [d.id]);
      const before = await countDepartments();
      const audits = await countAudit();
      for (const u of [citizen, editor]) {
        const b = new Browser(app);
        await b.login(u.username, u.password);
        for (const url of ['/admin/departments', '/admin/departments/new', `/admin/departments/${d.id}`]) {
          const res = await b.get(url);
          expect(res.statusCode).toBe(403);
          expect(res.body).toContain('您没有权限进行此操作。');
        }
        const from = u === editor ? '/admin' : '/account';
        expect((await b.post('/admin/departments/new', deptForm(), from)).statusCode).toBe(403);
        expect((await b.post(`/admin/departments/${d.id}`, deptForm({ code: d.code, nameZh: '被篡改' }), from)).statusCode).toBe(403);
        // Invalid input does not reveal the admin form either.
        const invalid = await b.post('/admin/departments/new', { code: 'Bad Code!' }, from);
        expect(invalid.statusCode).toBe(403);
        expect(invalid.body).not.toContain('name="nameZh"');
        const invalidEdit = await b.post(`/admin/departments/${d.id}`, { code: 'Bad Code!' }, from);
        expect(invalidEdit.statusCode).toBe(403);
        // Nor the edit link on the public page.
        expect((await b.get(`/departments/${d.code}`)).body).not.toContain(`/admin/departments/${d.id}`);
      }
      expect(await countDepartments()).toBe(before);
      expect(await countAudit()).toBe(audits);
      expect(await deptByCode(d.code)).toMatchObject({ nameZh: '受保护部门' });
    });

    it('anonymous visitors are sent to sign in, and their posts are refused', async () => {
      const anon = new Browser(app);
      const page = await anon.get('/admin/departments/new');
      expect(page.statusCode).toBe(302);
      expect(page.headers.location).toBe('/login?next=%2Fadmin%2Fdepartments%2Fnew');
      const before = await countDepartments();
      const post = await anon.post('/admin/departments/new', { code: 'Bad Code!' }, '/login');
      expect(post.statusCode).toBe(401);
      expect(post.body).not.toContain('name="nameZh"');
      const api = await app.inject({ method: 'POST', url: '/api/v1/departments', payload: { code: `anon-${uid()}`, nameZh: '匿名' } });
      expect(api.statusCode).toBe(401);
      expect(await countDepartments()).toBe(before);
    });

    it('the API: an admin token creates and edits (audited); an editor token is forbidden', async () => {
      const token = await apiToken(app, admin.username, admin.password);
      const auth = { authorization: `Bearer ${token}` };
      const code = `api-${uid()}`;
      const created = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: auth, payload: { code, nameZh: '接口部门', email: '' } });
      expect(created.statusCode).toBe(201);
      const d = created.json<DeptJson>();
      expect(d).toMatchObject({ code, nameZh: '接口部门', kind: 'department', email: '', nameEn: '' });
      expect(await auditRows('department.create', d.id)).toHaveLength(1);
      const updated = await app.inject({ method: 'PUT', url: `/api/v1/departments/${d.id}`, headers: auth, payload: { code, nameZh: '接口部门（改）', headName: '赵某', headTitle: '局长' } });
      expect(updated.statusCode).toBe(200);
      expect(updated.json<DeptJson>()).toMatchObject({ nameZh: '接口部门（改）', headName: '赵某' });
      expect(await auditRows('department.update', d.id)).toHaveLength(1);
      const bad = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: auth, payload: { code: 'Bad Code!', nameZh: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorJson>().error.fields?.[0]).toMatchObject({ field: 'code', code: 'validation.slug', message: '只能包含小写字母、数字和连字符' });
      const unknown = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: auth, payload: { code: `u-${uid()}`, nameZh: 'x', budget: 1 } });
      expect(unknown.statusCode).toBe(400);
      expect(JSON.stringify(unknown.json())).toContain('budget');
      const missing = await app.inject({ method: 'PUT', url: '/api/v1/departments/99999999', headers: auth, payload: { code: `u-${uid()}`, nameZh: 'x' } });
      expect(missing.statusCode).toBe(404);

      const editor = await makeUser(t.db, 'editor', [d.id]);
      const et = await apiToken(app, editor.username, editor.password);
      const before = await countDepartments();
      const refused = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: { authorization: `Bearer ${et}` }, payload: { code: `e-${uid()}`, nameZh: '编辑建的' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorJson>().error.code).toBe('forbidden');
      const refusedEdit = await app.inject({ method: 'PUT', url: `/api/v1/departments/${d.id}`, headers: { authorization: `Bearer ${et}` }, payload: { code, nameZh: '编辑改的' } });
      expect(refusedEdit.statusCode).toBe(403);
      expect(await countDepartments()).toBe(before);
      expect(await deptByCode(code)).toMatchObject({ nameZh: '接口部门（改）' });
    });

    it('two admins adding the same code at once get one department and no server error', async () => {
      const token = await apiToken(app, admin.username, admin.password);
      const code = `race-${uid()}`;
      const post = () => app.inject({ method: 'POST', url: '/api/v1/departments', headers: { authorization: `Bearer ${token}` }, payload: { code, nameZh: '并发部门' } });
      const results = await Promise.all([post(), post(), post()]);
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      for (const r of results.filter((x) => x.statusCode !== 201)) {
        expect([400, 409]).toContain(r.statusCode);
      }
      const rows = await t.db.kysely.selectFrom('department').select('id').where('code', '=', code).execute();
      expect(rows).toHaveLength(1);
      expect(await auditRows('department.create', rows[0]!.id)).toHaveLength(1);
    });
  });
});
