import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp } from './helpers/app.js';
import { makeColumn, makeDepartment, makeUser } from './helpers/factories.js';
import { todayInChina } from '../src/platform/clock.js';

// The portal over HTTP against the real app and database: the review workflow, versions, the column
// tree, attachments, the JSON API and HTML sanitisation.

interface ErrorJson {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string; message: string }> };
}

const uid = () => crypto.randomBytes(4).toString('hex');
const today = () => todayInChina();

/** A tiny but well-formed PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const fieldsOf = (res: LightMyRequestResponse) => (res.json<ErrorJson>().error.fields ?? []).map((f) => f.field);

function cookieHeader(b: Browser): string {
  return [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Uploads a file as the editor's attachment form does: multipart, with the token in the form's action URL. */
async function upload(app: FastifyInstance, b: Browser, articleId: number, filename: string, content: Buffer, type = 'application/octet-stream'): Promise<LightMyRequestResponse> {
  const page = await b.get(`/admin/articles/${articleId}`);
  const action = /action="(\/admin\/articles\/\d+\/attachments\?_csrf=[^"]+)"/.exec(page.body)?.[1];
  if (!action) {
    throw new Error(`no upload form on /admin/articles/${articleId} (status ${page.statusCode})`);
  }
  const boundary = `----gongkai${uid()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: action.replace(/&amp;/g, '&'),
    headers: { cookie: cookieHeader(b), accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

describe(`portal over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let deptA: { id: number; code: string };
  let deptB: { id: number; code: string };
  let root: { id: number; slug: string };
  let child: { id: number; slug: string };
  let other: { id: number; slug: string };
  let editorUser: Awaited<ReturnType<typeof makeUser>>;
  let reviewerUser: Awaited<ReturnType<typeof makeUser>>;
  let reviewer2User: Awaited<ReturnType<typeof makeUser>>;
  let adminUser: Awaited<ReturnType<typeof makeUser>>;
  let editorBUser: Awaited<ReturnType<typeof makeUser>>;
  let editor: Browser;
  let reviewer: Browser;
  let reviewer2: Browser;
  let admin: Browser;
  let editorB: Browser;
  let anon: Browser;

  const k = () => t.db.kysely;
  const articleRow = (id: number) => k().selectFrom('article').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const versionCount = async (id: number) => Number((await k().selectFrom('articleVersion').select((eb) => eb.fn.countAll<number>().as('n')).where('articleId', '=', id).executeTakeFirstOrThrow()).n);
  const fileCount = async () => Number((await k().selectFrom('file').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const attachmentCount = async () => Number((await k().selectFrom('articleAttachment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /** The editor saves a draft; returns its id. */
  async function draft(b: Browser, fields: Partial<Record<'title' | 'columnId' | 'departmentId' | 'summary' | 'body', string>> = {}): Promise<number> {
    const res = await b.post('/admin/articles/new', { title: `通知${uid()}`, columnId: String(child.id), departmentId: String(deptA.id), summary: '', body: '正文第一段\n\n正文第二段', ...fields });
    expect(res.statusCode).toBe(303);
    return Number(/^\/admin\/articles\/(\d+)\?done=saved$/.exec(res.headers.location as string)![1]);
  }
  const act = (b: Browser, id: number, action: 'submit' | 'approve' | 'withdraw') => b.post(`/admin/articles/${id}/${action}`, {}, `/admin/articles/${id}`);
  /** A draft by the editor, approved by the reviewer. */
  async function published(fields: Parameters<typeof draft>[1] = {}): Promise<number> {
    const id = await draft(editor, fields);
    expect((await act(editor, id, 'submit')).statusCode).toBe(303);
    expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
    return id;
  }

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildTestApp(t.db);
    deptA = await makeDepartment(t.db);
    deptB = await makeDepartment(t.db);
    root = await makeColumn(t.db, null, { nameZh: `根栏目${uid()}` });
    child = await makeColumn(t.db, root.id, { nameZh: `子栏目${uid()}` });
    other = await makeColumn(t.db, null, { nameZh: `其他栏目${uid()}` });
    editorUser = await makeUser(t.db, 'editor', [deptA.id]);
    reviewerUser = await makeUser(t.db, 'reviewer', [deptA.id]);
    reviewer2User = await makeUser(t.db, 'reviewer', [deptA.id]);
    adminUser = await makeUser(t.db, 'admin');
    editorBUser = await makeUser(t.db, 'editor', [deptB.id]);
    editor = new Browser(app);
    reviewer = new Browser(app);
    reviewer2 = new Browser(app);
    admin = new Browser(app);
    editorB = new Browser(app);
    anon = new Browser(app);
    await editor.login(editorUser.username, editorUser.password);
    await reviewer.login(reviewerUser.username, reviewerUser.password);
    await reviewer2.login(reviewer2User.username, reviewer2User.password);
    await admin.login(adminUser.username, adminUser.password);
    await editorB.login(editorBUser.username, editorBUser.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  describe('review workflow', () => {
    it('editor creates, submits; reviewer approves; the public page, column lists and home page show it', async () => {
      const title = `关于开展测试工作的通知${uid()}`;
      const id = await draft(editor, { title, summary: '摘要文字', body: '第一段\n\n第二段' });
      let row = await articleRow(id);
      expect(row).toMatchObject({ status: 'draft', title, authorId: editorUser.id, columnId: child.id, departmentId: deptA.id, publishedVersion: 0, lastPublishedAt: null });
      expect(row.bodyHtml).toBe('<p>第一段</p>\n<p>第二段</p>');

      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await articleRow(id)).status).toBe('in_review');
      expect((await anon.get(`/articles/${id}`)).statusCode).toBe(404);

      const approved = await act(reviewer, id, 'approve');
      expect(approved.statusCode).toBe(303);
      expect(approved.headers.location).toBe(`/admin/articles/${id}?done=approve`);
      row = await articleRow(id);
      expect(row).toMatchObject({ status: 'published', publishedVersion: 1, publicTitle: title, publicSummary: '摘要文字' });
      expect(row.firstPublishedAt).not.toBeNull();
      expect(row.lastPublishedAt).toBe(row.firstPublishedAt);
      const versions = await k().selectFrom('articleVersion').selectAll().where('articleId', '=', id).execute();
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: 1, title, authorId: editorUser.id, reviewerId: reviewerUser.id, bodyHtml: '<p>第一段</p>\n<p>第二段</p>' });

      const page = await anon.get(`/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain(title);
      expect(page.body).toContain('<p>第二段</p>');
      expect(page.body).toContain('摘要文字');
      // "Last updated" with the date of publication.
      expect(page.body).toMatch(new RegExp(`<dt>最后更新</dt><dd><time datetime="${row.lastPublishedAt}">${today()}</time></dd>`));
      expect(page.body).toContain('第 1 版（共 1 版）');

      // The list page of the parent column includes articles of its sub-columns.
      for (const slug of [root.slug, child.slug]) {
        const list = await anon.get(`/columns/${slug}`);
        expect(list.statusCode).toBe(200);
        expect(list.body).toContain(`href="/articles/${id}"`);
        expect(list.body).toContain(title);
      }
      const unrelated = await anon.get(`/columns/${other.slug}`);
      expect(unrelated.statusCode).toBe(200);
      expect(unrelated.body).not.toContain(`href="/articles/${id}"`);
      expect((await anon.get('/columns/no-such-column')).statusCode).toBe(404);

      const home = await anon.get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(`href="/articles/${id}"`);
      expect(home.body).toContain(title);
      // In the root column's section too (its sub-column's article).
      const section = new RegExp(`<section[^>]*aria-labelledby="col-${root.id}"[\\s\\S]*?</section>`).exec(home.body)?.[0] ?? '';
      expect(section).toContain(`href="/articles/${id}"`);
    });

    it('editing a published article keeps the public version until re-approved; old versions stay readable', async () => {
      const oldTitle = `旧标题${uid()}`;
      const newTitle = `新标题${uid()}`;
      const id = await published({ title: oldTitle, body: '旧的正文内容' });
      const firstPublishedAt = (await articleRow(id)).firstPublishedAt;

      const edited = await editor.post(`/admin/articles/${id}`, { title: newTitle, columnId: String(child.id), departmentId: String(deptA.id), summary: '', body: '新的正文内容' });
      expect(edited.statusCode).toBe(303);
      const row = await articleRow(id);
      expect(row).toMatchObject({ status: 'draft', title: newTitle, bodyHtml: '<p>新的正文内容</p>', publishedVersion: 1, publicTitle: oldTitle });
      expect(await versionCount(id)).toBe(1);

      // The public still reads version 1, on the page, in lists and through the API.
      let page = await anon.get(`/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(oldTitle);
      expect(page.body).toContain('旧的正文内容');
      expect(page.body).not.toContain(newTitle);
      expect(page.body).not.toContain('新的正文内容');
      const list = await anon.get(`/columns/${child.slug}`);
      expect(list.body).toContain(oldTitle);
      expect(list.body).not.toContain(newTitle);
      let api = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ id, version: 1, title: oldTitle, bodyHtml: '<p>旧的正文内容</p>' });

      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await articleRow(id)).publicTitle).toBe(oldTitle);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      const after = await articleRow(id);
      expect(after).toMatchObject({ status: 'published', publishedVersion: 2, publicTitle: newTitle, firstPublishedAt });
      expect(await versionCount(id)).toBe(2);

      page = await anon.get(`/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(newTitle);
      expect(page.body).toContain('新的正文内容');
      expect(page.body).not.toContain('旧的正文内容');
      expect(page.body).toContain('第 2 版（共 2 版）');
      expect(page.body).toContain(`href="/articles/${id}/versions/1"`);
      expect(page.body).toMatch(new RegExp(`<dt>最后更新</dt><dd><time datetime="${after.lastPublishedAt}">${today()}</time></dd>`));
      api = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      expect(api.json()).toMatchObject({ version: 2, title: newTitle, bodyHtml: '<p>新的正文内容</p>', publishedAt: firstPublishedAt, updatedAt: after.lastPublishedAt });
      expect(api.json<{ versions: Array<{ version: number }> }>().versions.map((v) => v.version)).toEqual([2, 1]);

      const v1 = await anon.get(`/articles/${id}/versions/1`);
      expect(v1.statusCode).toBe(200);
      expect(v1.body).toContain(oldTitle);
      expect(v1.body).toContain('旧的正文内容');
      expect(v1.body).not.toContain('新的正文内容');
      expect(v1.body).toContain('您正在查看第 1 版，并非最新版本。');
      expect((await anon.get(`/articles/${id}/versions/3`)).statusCode).toBe(404);
    });

    it('moving a published article in an unapproved edit leaves it where the public reads it until approval', async () => {
      const title = `搬移测试${uid()}`;
      const id = await published({ title });
      const moved = await editor.post(`/admin/articles/${id}`, { title, columnId: String(other.id), departmentId: String(deptA.id), summary: '', body: '正文' });
      expect(moved.statusCode).toBe(303);
      expect((await anon.get(`/columns/${child.slug}`)).body).toContain(title);
      expect((await anon.get(`/columns/${other.slug}`)).body).not.toContain(title);
      expect((await anon.get(`/articles/${id}`)).body).toContain(`href="/columns/${child.slug}"`);
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      expect((await anon.get(`/columns/${child.slug}`)).body).not.toContain(title);
      expect((await anon.get(`/columns/${other.slug}`)).body).toContain(title);
      expect((await anon.get(`/articles/${id}`)).body).toContain(`href="/columns/${other.slug}"`);
    });

    it('a reviewer cannot approve an article they wrote; an admin may approve their own', async () => {
      // An editor writes and submits, then becomes a reviewer of the same department.
      const author = await makeUser(t.db, 'editor', [deptA.id]);
      const b = new Browser(app);
      await b.login(author.username, author.password);
      const id = await draft(b);
      expect((await act(b, id, 'submit')).statusCode).toBe(303);
      await k().updateTable('user').set({ role: 'reviewer' }).where('id', '=', author.id).execute();
      const page = await b.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`action="/admin/articles/${id}/approve"`);
      const res = await act(b, id, 'approve');
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain('不能审核自己撰写的信息');
      expect(await articleRow(id)).toMatchObject({ status: 'in_review', publishedVersion: 0, lastPublishedAt: null });
      expect(await versionCount(id)).toBe(0);
      // Another reviewer of the department may.
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      expect((await articleRow(id)).status).toBe('published');

      const own = await draft(admin);
      expect((await articleRow(own)).authorId).toBe(adminUser.id);
      expect((await act(admin, own, 'submit')).statusCode).toBe(303);
      expect((await act(admin, own, 'approve')).statusCode).toBe(303);
      expect(await articleRow(own)).toMatchObject({ status: 'published', publishedVersion: 1 });
    });

    it('an editor of another department gets 403 on the article and cannot create in a department not theirs', async () => {
      const id = await draft(editor, { title: `甲部门${uid()}` });
      const before = await articleRow(id);
      expect((await editorB.get(`/admin/articles/${id}`)).statusCode).toBe(403);
      const edit = await editorB.post(`/admin/articles/${id}`, { title: '改掉', columnId: String(child.id), departmentId: String(deptA.id), summary: '', body: 'x' }, '/admin');
      expect(edit.statusCode).toBe(403);
      expect((await editorB.post(`/admin/articles/${id}/submit`, {}, '/admin')).statusCode).toBe(403);
      const up = await editorB.post(`/admin/articles/${id}/attachments`, {}, '/admin');
      expect(up.statusCode).toBe(403);
      expect(await articleRow(id)).toEqual(before);
      // Not in their list either.
      expect((await editorB.get('/admin/articles')).body).not.toContain(`href="/admin/articles/${id}"`);

      const title = `越权创建${uid()}`;
      const res = await editorB.post('/admin/articles/new', { title, columnId: String(child.id), departmentId: String(deptA.id), summary: '', body: '正文' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#departmentId"');
      expect(res.body).toContain(title); // the values are kept
      expect(await k().selectFrom('article').select('id').where('title', '=', title).executeTakeFirst()).toBeUndefined();

      const token = await apiToken(app, editorBUser.username, editorBUser.password);
      const api = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { authorization: `Bearer ${token}` }, payload: { title, columnId: child.id, departmentId: deptA.id, body: '正文' } });
      expect(api.statusCode).toBe(400);
      expect(fieldsOf(api)).toEqual(['departmentId']);
      expect(api.json<ErrorJson>().error.fields![0]!.code).toBe('validation.not_your_department');
      expect(await k().selectFrom('article').select('id').where('title', '=', title).executeTakeFirst()).toBeUndefined();
    });

    it('reject requires a note (400, field note), then sets status rejected and shows the note', async () => {
      const id = await draft(editor);
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);

      const empty = await reviewer.post(`/admin/articles/${id}/reject`, { note: '   ' }, `/admin/articles/${id}`);
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#note"');
      expect(await articleRow(id)).toMatchObject({ status: 'in_review', reviewNote: '' });

      const token = await apiToken(app, reviewerUser.username, reviewerUser.password);
      const apiEmpty = await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/reject`, headers: { authorization: `Bearer ${token}` }, payload: { note: '' } });
      expect(apiEmpty.statusCode).toBe(400);
      expect(apiEmpty.json<ErrorJson>().error.code).toBe('validation_failed');
      expect(fieldsOf(apiEmpty)).toEqual(['note']);
      const apiMissing = await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/reject`, headers: { authorization: `Bearer ${token}` }, payload: {} });
      expect(apiMissing.statusCode).toBe(400);
      expect(fieldsOf(apiMissing)).toEqual(['note']);
      expect((await articleRow(id)).status).toBe('in_review');

      const note = `请补充政策依据${uid()}`;
      const res = await reviewer.post(`/admin/articles/${id}/reject`, { note }, `/admin/articles/${id}`);
      expect(res.statusCode).toBe(303);
      expect(await articleRow(id)).toMatchObject({ status: 'rejected', reviewNote: note, lastPublishedAt: null });
      expect(await versionCount(id)).toBe(0);
      const page = await editor.get(`/admin/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(note);
      expect((await anon.get(`/articles/${id}`)).statusCode).toBe(404);

      // The editor reworks and sends it again; the note is cleared.
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect(await articleRow(id)).toMatchObject({ status: 'in_review', reviewNote: '' });
    });

    it('a draft or in_review article is 404 publicly and through the API, and not listed', async () => {
      const title = `未公开${uid()}`;
      const id = await draft(editor, { title });
      for (const status of ['draft', 'in_review']) {
        expect((await articleRow(id)).status).toBe(status);
        expect((await anon.get(`/articles/${id}`)).statusCode).toBe(404);
        expect((await anon.get(`/articles/${id}/versions/1`)).statusCode).toBe(404);
        const api = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
        expect(api.statusCode).toBe(404);
        expect(api.json<ErrorJson>().error.code).toBe('not_found');
        const list = await app.inject({ method: 'GET', url: '/api/v1/articles?page=1' });
        expect(list.json<{ items: Array<{ id: number }> }>().items.map((i) => i.id)).not.toContain(id);
        expect((await anon.get(`/columns/${child.slug}`)).body).not.toContain(title);
        // Even signed-in staff read unpublished text only in the editor, not on the public page.
        expect((await editor.get(`/articles/${id}`)).statusCode).toBe(404);
        if (status === 'draft') {
          expect((await act(editor, id, 'submit')).statusCode).toBe(303);
        }
      }
      expect((await anon.get('/articles/99999999')).statusCode).toBe(404);
    });

    it('a withdrawn article leaves the public site', async () => {
      const id = await published();
      expect((await anon.get(`/articles/${id}`)).statusCode).toBe(200);
      expect((await act(reviewer, id, 'withdraw')).statusCode).toBe(303);
      expect(await articleRow(id)).toMatchObject({ status: 'withdrawn', lastPublishedAt: null });
      expect((await anon.get(`/articles/${id}`)).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` })).statusCode).toBe(404);
    });

    it('two concurrent approvals create only one version', async () => {
      const id = await draft(editor);
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      const tokens = await Promise.all([reviewerUser, reviewer2User, adminUser].map((u) => apiToken(app, u.username, u.password)));
      const results = await Promise.all(tokens.map((token) => app.inject({ method: 'POST', url: `/api/v1/articles/${id}/approve`, headers: { authorization: `Bearer ${token}` } })));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409]);
      expect(results.find((r) => r.statusCode === 200)!.json()).toMatchObject({ id, status: 'published', publishedVersion: 1 });
      expect(await versionCount(id)).toBe(1);
      expect(await articleRow(id)).toMatchObject({ status: 'published', publishedVersion: 1 });
      const approvals = await k().selectFrom('auditLog').select('id').where('action', '=', 'article.approve').where('entityId', '=', String(id)).execute();
      expect(approvals).toHaveLength(1);
    });

    it('two concurrent approvals of a re-edited article create only version 2', async () => {
      const id = await published();
      expect((await editor.post(`/admin/articles/${id}`, { title: `再版${uid()}`, columnId: String(child.id), departmentId: String(deptA.id), summary: '', body: '再版正文' })).statusCode).toBe(303);
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      const results = await Promise.all([act(reviewer, id, 'approve'), act(reviewer2, id, 'approve')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
      expect(await versionCount(id)).toBe(2);
      expect((await articleRow(id)).publishedVersion).toBe(2);
    });
  });

  describe('columns', () => {
    const columnFields = (over: Record<string, string>) => ({ slug: `col-${uid()}`, nameZh: `栏目${uid()}`, nameEn: '', descriptionZh: '', descriptionEn: '', parentId: '', sortOrder: '10', ...over });
    const columnRow = (id: number) => k().selectFrom('portalColumn').selectAll().where('id', '=', id).executeTakeFirst();
    async function createColumn(over: Record<string, string> = {}): Promise<number> {
      const res = await admin.post('/admin/columns/new', columnFields(over));
      expect(res.statusCode).toBe(303);
      return Number(/^\/admin\/columns\/(\d+)\?done=1$/.exec(res.headers.location as string)![1]);
    }

    it('the admin creates a column and a sub-column through the form', async () => {
      const slug = `zhengce-${uid()}`;
      const parentId = await createColumn({ slug, nameZh: '政策文件', nameEn: 'Policies', descriptionZh: '本级政策文件' });
      expect(await columnRow(parentId)).toMatchObject({ slug, nameZh: '政策文件', nameEn: 'Policies', descriptionZh: '本级政策文件', parentId: null, sortOrder: 10 });
      const childSlug = `jiedu-${uid()}`;
      const childId = await createColumn({ slug: childSlug, nameZh: '政策解读', parentId: String(parentId) });
      expect(await columnRow(childId)).toMatchObject({ slug: childSlug, parentId });

      const pub = await anon.get(`/columns/${slug}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.body).toContain('政策文件');
      expect(pub.body).toContain(`href="/columns/${childSlug}"`);
      const tree = await app.inject({ method: 'GET', url: '/api/v1/columns' });
      const node = tree.json<{ items: Array<{ id: number; children: Array<{ id: number; slug: string }> }> }>().items.find((c) => c.id === parentId);
      expect(node?.children.map((c) => c.slug)).toEqual([childSlug]);
      expect((await admin.get('/admin/columns')).body).toContain(`href="/admin/columns/${childId}"`);

      // A taken slug is refused beside its field.
      const dup = await admin.post('/admin/columns/new', columnFields({ slug }));
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toContain('href="#slug"');
      // A parent that does not exist is refused too.
      const orphan = await admin.post('/admin/columns/new', columnFields({ parentId: '99999999' }));
      expect(orphan.statusCode).toBe(400);
      expect(orphan.body).toContain('href="#parentId"');
    });

    it('moving a column under itself or its own descendant is refused (field parentId)', async () => {
      const a = await createColumn();
      const b = await createColumn({ parentId: String(a) });
      const c = await createColumn({ parentId: String(b) });
      const aRow = (await columnRow(a))!;
      for (const target of [b, c, a]) {
        const res = await admin.post(`/admin/columns/${a}`, columnFields({ slug: aRow.slug, nameZh: aRow.nameZh, parentId: String(target) }), `/admin/columns/${a}`);
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('href="#parentId"');
      }
      expect(await columnRow(a)).toEqual(aRow);
      // Moving a leaf under another branch is fine.
      const moved = await admin.post(`/admin/columns/${c}`, columnFields({ slug: (await columnRow(c))!.slug, nameZh: '移动后', parentId: String(a) }), `/admin/columns/${c}`);
      expect(moved.statusCode).toBe(303);
      expect(await columnRow(c)).toMatchObject({ parentId: a, nameZh: '移动后' });
    });

    it('deleting a non-empty column is refused (409) and nothing changes; an empty one is deleted', async () => {
      const parent = await createColumn();
      const sub = await createColumn({ parentId: String(parent) });
      const withArticle = await createColumn();
      const articleId = await draft(editor, { columnId: String(withArticle) });
      const before = await k().selectFrom('portalColumn').selectAll().orderBy('id').execute();

      for (const id of [parent, withArticle]) {
        const res = await admin.post(`/admin/columns/${id}/delete`, {}, `/admin/columns/${id}`);
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('不能删除');
      }
      expect(await k().selectFrom('portalColumn').selectAll().orderBy('id').execute()).toEqual(before);
      expect((await articleRow(articleId)).columnId).toBe(withArticle);

      const res = await admin.post(`/admin/columns/${sub}/delete`, {}, `/admin/columns/${sub}`);
      expect(res.statusCode).toBe(303);
      expect(await columnRow(sub)).toBeUndefined();
      // Now the parent is empty and goes too.
      expect((await admin.post(`/admin/columns/${parent}/delete`, {}, `/admin/columns/${parent}`)).statusCode).toBe(303);
      expect(await columnRow(parent)).toBeUndefined();
      expect((await admin.post(`/admin/columns/${parent}/delete`, {}, '/admin/columns')).statusCode).toBe(404);
    });

    it('a non-admin gets 403 and changes nothing', async () => {
      const existing = await createColumn();
      const before = await k().selectFrom('portalColumn').selectAll().orderBy('id').execute();
      for (const b of [editor, reviewer]) {
        expect((await b.get('/admin/columns')).statusCode).toBe(403);
        expect((await b.get('/admin/columns/new')).statusCode).toBe(403);
        expect((await b.get(`/admin/columns/${existing}`)).statusCode).toBe(403);
        expect((await b.post('/admin/columns/new', columnFields({}), '/admin')).statusCode).toBe(403);
        expect((await b.post(`/admin/columns/${existing}`, columnFields({ nameZh: '被改' }), '/admin')).statusCode).toBe(403);
        expect((await b.post(`/admin/columns/${existing}/delete`, {}, '/admin')).statusCode).toBe(403);
      }
      expect(await k().selectFrom('portalColumn').selectAll().orderBy('id').execute()).toEqual(before);
    });
  });

  describe('attachments', () => {
    it('a valid PDF is stored and is public only after publication (staff of the department before)', async () => {
      const id = await draft(editor);
      const files = await fileCount();
      const res = await upload(app, editor, id, '附件 一.pdf', PDF, 'application/pdf');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/articles/${id}?done=uploaded`);
      expect(await fileCount()).toBe(files + 1);
      const att = await k()
        .selectFrom('articleAttachment')
        .innerJoin('file', 'file.id', 'articleAttachment.fileId')
        .select(['file.id', 'file.filename', 'file.mimeType', 'file.size', 'file.uploadedBy'])
        .where('articleAttachment.articleId', '=', id)
        .execute();
      expect(att).toEqual([{ id: expect.any(Number) as number, filename: '附件 一.pdf', mimeType: 'application/pdf', size: PDF.length, uploadedBy: editorUser.id }]);
      const url = `/files/${att[0]!.id}/${encodeURIComponent('附件 一.pdf')}`;
      expect((await editor.get(`/admin/articles/${id}`)).body).toContain(`href="${url}"`);

      expect((await anon.get(url)).statusCode).toBe(404);
      expect((await editorB.get(url)).statusCode).toBe(404);
      const staff = await reviewer.get(url);
      expect(staff.statusCode).toBe(200);
      expect(staff.headers['content-type']).toBe('application/pdf');
      expect(staff.rawPayload.equals(PDF)).toBe(true);

      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await anon.get(url)).statusCode).toBe(404);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      const pub = await anon.get(url);
      expect(pub.statusCode).toBe(200);
      expect(pub.headers['content-type']).toBe('application/pdf');
      expect(pub.headers['x-content-type-options']).toBe('nosniff');
      expect(pub.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('附件 一.pdf')}`);
      expect(pub.rawPayload.equals(PDF)).toBe(true);
      expect((await anon.get(`/articles/${id}`)).body).toContain(`href="${url}"`);
      const api = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      expect(api.json<{ attachments: unknown[] }>().attachments).toEqual([{ id: att[0]!.id, filename: '附件 一.pdf', size: PDF.length, url }]);

      // Withdrawn from the site: the file is staff-only again.
      expect((await act(reviewer, id, 'withdraw')).statusCode).toBe(303);
      expect((await anon.get(url)).statusCode).toBe(404);
      expect((await editor.get(url)).statusCode).toBe(200);
    });

    it('attachment changes in a new draft wait for approval; each version keeps the files it went out with', async () => {
      const id = await published();
      // A file added while the published article is being re-edited is not public yet.
      expect((await upload(app, editor, id, '新附件.pdf', PDF, 'application/pdf')).statusCode).toBe(303);
      const [added] = await k().selectFrom('articleAttachment').select('fileId').where('articleId', '=', id).execute();
      const url = `/files/${added!.fileId}/x.pdf`;
      expect((await anon.get(url)).statusCode).toBe(404);
      expect((await anon.get(`/articles/${id}`)).body).not.toContain('新附件.pdf');
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      expect((await anon.get(url)).statusCode).toBe(200);
      expect((await anon.get(`/articles/${id}`)).body).toContain('新附件.pdf');

      // Removing it from the next draft keeps it on version 2 (file row kept) and off version 3.
      const removed = await editor.post(`/admin/articles/${id}/attachments/${added!.fileId}/delete`, {}, `/admin/articles/${id}`);
      expect(removed.statusCode).toBe(303);
      expect((await anon.get(`/articles/${id}`)).body).toContain('新附件.pdf');
      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      expect((await anon.get(`/articles/${id}`)).body).not.toContain('新附件.pdf');
      expect((await anon.get(`/articles/${id}/versions/2`)).body).toContain('新附件.pdf');
      expect((await anon.get(url)).statusCode).toBe(200);
    });

    it('an .exe or an HTML page named .pdf is refused with 415 and no file row is written', async () => {
      const id = await draft(editor);
      const files = await fileCount();
      const links = await attachmentCount();
      const exe = await upload(app, editor, id, 'setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]));
      expect(exe.statusCode).toBe(415);
      expect(exe.body).toContain('id="file-error"');
      const fake = await upload(app, editor, id, 'x.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
      expect(fake.statusCode).toBe(415);
      expect(fake.body).toContain('id="file-error"');
      const empty = await upload(app, editor, id, 'empty.pdf', Buffer.alloc(0), 'application/pdf');
      expect(empty.statusCode).toBe(400);
      expect(await fileCount()).toBe(files);
      expect(await attachmentCount()).toBe(links);
    });

    it('a file above uploadMaxBytes is refused with 413 and no row is written', async () => {
      const small = await buildTestApp(t.db, { uploadMaxBytes: 1024 });
      try {
        const b = new Browser(small);
        await b.login(editorUser.username, editorUser.password);
        const id = await draft(b);
        const files = await fileCount();
        const links = await attachmentCount();
        const big = Buffer.concat([PDF, Buffer.alloc(2048, 0x20)]);
        const res = await upload(small, b, id, 'big.pdf', big, 'application/pdf');
        expect(res.statusCode).toBe(413);
        expect(res.body).toContain('id="file-error"');
        expect(await fileCount()).toBe(files);
        expect(await attachmentCount()).toBe(links);
        // Under the limit is fine on the same app.
        expect((await upload(small, b, id, 'small.pdf', PDF, 'application/pdf')).statusCode).toBe(303);
        expect(await fileCount()).toBe(files + 1);
      } finally {
        await small.close();
      }
    });

    it('an upload without the CSRF token is refused and writes nothing', async () => {
      const id = await draft(editor);
      const files = await fileCount();
      const boundary = `----gongkai${uid()}`;
      const res = await app.inject({
        method: 'POST',
        url: `/admin/articles/${id}/attachments`,
        headers: { cookie: cookieHeader(editor), accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      });
      expect(res.statusCode).toBe(403);
      expect(await fileCount()).toBe(files);
    });
  });

  describe('JSON API', () => {
    it('lists published articles (with a column filter that includes sub-columns), the column tree and one article', async () => {
      const title = `接口文章${uid()}`;
      const id = await published({ title, summary: '接口摘要' });
      const list = await app.inject({ method: 'GET', url: '/api/v1/articles' });
      expect(list.statusCode).toBe(200);
      const body = list.json<{ items: Array<{ id: number; title: string; summary: string; columnId: number; departmentId: number }>; total: number; page: number; pageCount: number }>();
      expect(body.page).toBe(1);
      expect(body.total).toBeGreaterThanOrEqual(1);
      expect(body.items[0]).toMatchObject({ id, title, summary: '接口摘要', columnId: child.id, departmentId: deptA.id });
      const publishedCount = Number((await k().selectFrom('article').select((eb) => eb.fn.countAll<number>().as('n')).where('lastPublishedAt', 'is not', null).executeTakeFirstOrThrow()).n);
      expect(body.total).toBe(publishedCount);

      const inRoot = await app.inject({ method: 'GET', url: `/api/v1/articles?column=${root.slug}` });
      expect(inRoot.json<{ items: Array<{ id: number }> }>().items.map((i) => i.id)).toContain(id);
      const inOther = await app.inject({ method: 'GET', url: `/api/v1/articles?column=${other.slug}` });
      expect(inOther.json<{ items: Array<{ id: number }> }>().items.map((i) => i.id)).not.toContain(id);
      expect((await app.inject({ method: 'GET', url: '/api/v1/articles?column=no-such' })).statusCode).toBe(404);
      const badPage = await app.inject({ method: 'GET', url: '/api/v1/articles?page=0' });
      expect(badPage.statusCode).toBe(400);

      const cols = await app.inject({ method: 'GET', url: '/api/v1/columns' });
      expect(cols.statusCode).toBe(200);
      const rootNode = cols.json<{ items: Array<{ id: number; slug: string; children: Array<{ id: number; slug: string }> }> }>().items.find((c) => c.id === root.id);
      expect(rootNode).toMatchObject({ slug: root.slug, children: [expect.objectContaining({ id: child.id, slug: child.slug })] });

      const one = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({ id, version: 1, title, summary: '接口摘要', columnId: child.id, departmentId: deptA.id, attachments: [], versions: [{ version: 1 }] });
      expect((await app.inject({ method: 'GET', url: '/api/v1/articles/abc' })).statusCode).toBe(400);
    });

    it('POST /api/v1/articles with a bearer token: bad input is 400 naming each field, good input makes a draft', async () => {
      const token = await apiToken(app, editorUser.username, editorUser.password);
      const headers = { authorization: `Bearer ${token}` };
      const bad = await app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: { title: '', columnId: 'abc', body: '' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorJson>().error.code).toBe('validation_failed');
      expect(fieldsOf(bad).sort()).toEqual(['body', 'columnId', 'departmentId', 'title']);
      const extra = await app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: { title: 'x', columnId: child.id, departmentId: deptA.id, body: 'x', status: 'published' } });
      expect(extra.statusCode).toBe(400);
      expect(fieldsOf(extra)).toEqual(['status']);
      const noColumn = await app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: { title: 'x', columnId: 99999999, departmentId: deptA.id, body: 'x' } });
      expect(noColumn.statusCode).toBe(400);
      expect(fieldsOf(noColumn)).toEqual(['columnId']);

      const anonymous = await app.inject({ method: 'POST', url: '/api/v1/articles', payload: { title: 'x', columnId: child.id, departmentId: deptA.id, body: 'x' } });
      expect(anonymous.statusCode).toBe(401);
      const citizen = await makeUser(t.db, 'citizen');
      const cToken = await apiToken(app, citizen.username, citizen.password);
      const forbidden = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { authorization: `Bearer ${cToken}` }, payload: { title: 'x', columnId: child.id, departmentId: deptA.id, body: 'x' } });
      expect(forbidden.statusCode).toBe(403);

      const title = `接口草稿${uid()}`;
      const ok = await app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: { title, columnId: child.id, departmentId: deptA.id, body: '接口正文' } });
      expect(ok.statusCode).toBe(201);
      const created = ok.json<{ id: number; status: string; title: string; publishedVersion: number }>();
      expect(created).toMatchObject({ status: 'draft', title, publishedVersion: 0 });
      expect(await articleRow(created.id)).toMatchObject({ title, authorId: editorUser.id, bodyHtml: '<p>接口正文</p>' });
      expect(await k().selectFrom('article').select('id').where('title', '=', 'x').executeTakeFirst()).toBeUndefined();
    });
  });

  describe('sanitisation', () => {
    it('a body with <script> and onclick= is stored and served without them', async () => {
      const body = '<p onclick="stealCookies()">公开内容</p><script>alert("xss")</script><p><a href="javascript:alert(2)">链接</a></p>';
      const id = await draft(editor, { body });
      const stored = (await articleRow(id)).bodyHtml;
      expect(stored).toContain('公开内容');
      for (const bad of ['<script', 'onclick', 'stealCookies', 'alert', 'javascript:']) {
        expect(stored).not.toContain(bad);
      }
      // The same through the API's PUT.
      const token = await apiToken(app, editorUser.username, editorUser.password);
      const put = await app.inject({ method: 'PUT', url: `/api/v1/articles/${id}`, headers: { authorization: `Bearer ${token}` }, payload: { title: '净化测试', columnId: child.id, departmentId: deptA.id, body } });
      expect(put.statusCode).toBe(200);
      expect((await articleRow(id)).bodyHtml).toBe(stored);

      expect((await act(editor, id, 'submit')).statusCode).toBe(303);
      expect((await act(reviewer, id, 'approve')).statusCode).toBe(303);
      const page = await anon.get(`/articles/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('公开内容');
      for (const bad of ['onclick', 'stealCookies', 'alert(', 'javascript:']) {
        expect(page.body).not.toContain(bad);
      }
      const api = await app.inject({ method: 'GET', url: `/api/v1/articles/${id}` });
      const html = api.json<{ bodyHtml: string }>().bodyHtml;
      expect(html).toContain('公开内容');
      for (const bad of ['<script', 'onclick', 'alert', 'javascript:']) {
        expect(html).not.toContain(bad);
      }
    });
  });
});
