import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeColumn, makeDepartment, makeUser } from './helpers/factories.js';

describe(`editorial journey over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => ({ t, app } = await startTestApp()));
  afterAll(() => stopTestApp(t, app));

  it('an editor drafts, a reviewer publishes, the public reads it', async () => {
    const dept = await makeDepartment(t.db);
    const col = await makeColumn(t.db);
    const editor = await makeUser(t.db, 'editor', [dept.id]);
    const reviewer = await makeUser(t.db, 'reviewer', [dept.id]);
    const e = new Browser(app);
    await e.login(editor.username, editor.password);
    const created = await e.post('/admin/articles/new', { title: '测试通知', columnId: String(col.id), departmentId: String(dept.id), summary: '', body: '第一段\n\n第二段' });
    expect(created.statusCode).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(created.headers.location as string)![1]);
    expect((await e.post(`/admin/articles/${id}/submit`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
    const anon = new Browser(app);
    expect((await anon.get(`/articles/${id}`)).statusCode).toBe(404);
    const r = new Browser(app);
    await r.login(reviewer.username, reviewer.password);
    expect((await r.post(`/admin/articles/${id}/approve`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
    const page = await anon.get(`/articles/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('测试通知');
    expect(page.body).toContain('<p>第二段</p>');
  });
});
