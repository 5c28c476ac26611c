import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Selectable } from 'kysely';
import { createTestDb, TEST_DIALECT } from './helpers/db.js';
import { apiToken, Browser, buildTestApp } from './helpers/app.js';
import { makeColumn, makeDepartment, makeUser } from './helpers/factories.js';
import { entryHash, recordAudit, verifyAuditChain, type ChainVerification } from '../src/platform/audit/index.js';
import type { AuditLogTable } from '../src/db/database.js';

// The audit log: every staff write leaves a hash-chained entry; the chain check finds changed,
// missing and removed entries, also after many writers appended at once.

const uid = () => crypto.randomBytes(4).toString('hex');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

type Entry = Selectable<AuditLogTable>;

/** A database with an app, an admin, an editor and a reviewer, and a few audited writes done over HTTP. */
async function setup() {
  const t = await createTestDb();
  const app = await buildTestApp(t.db);
  const dept = await makeDepartment(t.db);
  const col = await makeColumn(t.db);
  const adminUser = await makeUser(t.db, 'admin');
  const editorUser = await makeUser(t.db, 'editor', [dept.id]);
  const reviewerUser = await makeUser(t.db, 'reviewer', [dept.id]);
  const admin = new Browser(app);
  const editor = new Browser(app);
  const reviewer = new Browser(app);
  await admin.login(adminUser.username, adminUser.password);
  await editor.login(editorUser.username, editorUser.password);
  await reviewer.login(reviewerUser.username, reviewerUser.password);
  const adminToken = await apiToken(app, adminUser.username, adminUser.password);
  return { t, app, dept, col, adminUser, editorUser, reviewerUser, admin, editor, reviewer, adminToken };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const entries = (s: Setup): Promise<Entry[]> => s.t.db.kysely.selectFrom('auditLog').selectAll().orderBy('id').execute();
const auditCount = async (s: Setup) => Number((await s.t.db.kysely.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function verifyOverApi(s: Setup): Promise<ChainVerification> {
  const res = await s.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: { authorization: `Bearer ${s.adminToken}` } });
  expect(res.statusCode).toBe(200);
  return res.json<ChainVerification>();
}

/** A few audited writes: a column and an article taken through review. */
async function someWrites(s: Setup): Promise<void> {
  const c = await s.admin.post('/admin/columns/new', { slug: `a-${uid()}`, nameZh: '审计栏目', nameEn: '', descriptionZh: '', descriptionEn: '', parentId: '', sortOrder: '1' });
  expect(c.statusCode).toBe(303);
  const res = await s.editor.post('/admin/articles/new', { title: `审计${uid()}`, columnId: String(s.col.id), departmentId: String(s.dept.id), summary: '', body: '正文' });
  expect(res.statusCode).toBe(303);
  const id = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
  expect((await s.editor.post(`/admin/articles/${id}/submit`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
  expect((await s.reviewer.post(`/admin/articles/${id}/approve`, {}, `/admin/articles/${id}`)).statusCode).toBe(303);
}

describe(`audit log (${TEST_DIALECT})`, () => {
  describe('every staff write is recorded', () => {
    let s: Setup;
    beforeAll(async () => {
      s = await setup();
    });
    afterAll(async () => {
      await s.app.close();
      await s.t.drop();
    });

    /** Runs a write and returns the one audit entry it added (fails unless exactly one was added). */
    async function oneEntry(write: () => Promise<LightMyRequestResponse>, status = 303): Promise<Entry & { before: unknown; after: unknown }> {
      const before = await entries(s);
      const res = await write();
      expect(res.statusCode).toBe(status);
      const after = await entries(s);
      expect(after).toHaveLength(before.length + 1);
      expect(after.slice(0, before.length)).toEqual(before); // nothing earlier was touched
      const e = after.at(-1)!;
      expect(e.prevHash).toBe(before.at(-1)?.hash ?? '0'.repeat(64));
      return { ...e, before: e.beforeJson === null ? null : (JSON.parse(e.beforeJson) as unknown), after: e.afterJson === null ? null : (JSON.parse(e.afterJson) as unknown) };
    }

    it('records the workflow writes with who, what and the state before and after', async () => {
      const { editor, reviewer, admin, editorUser, reviewerUser, adminUser, col, dept } = s;
      const title = `审计文章${uid()}`;
      let id = 0;
      const created = await oneEntry(async () => {
        const r = await editor.post('/admin/articles/new', { title, columnId: String(col.id), departmentId: String(dept.id), summary: '', body: '第一版' });
        id = Number(/\/admin\/articles\/(\d+)/.exec(r.headers.location as string)?.[1] ?? 0);
        return r;
      });
      expect(created).toMatchObject({ action: 'article.create', entityType: 'article', entityId: String(id), actorId: editorUser.id, before: null });
      expect(created.actorName).toContain(editorUser.username);
      expect(created.after).toMatchObject({ status: 'draft', title, bodyHtml: '<p>第一版</p>', columnId: col.id, departmentId: dept.id, publishedVersion: 0 });

      const updated = await oneEntry(() => editor.post(`/admin/articles/${id}`, { title: `${title}改`, columnId: String(col.id), departmentId: String(dept.id), summary: '', body: '第二稿' }));
      expect(updated).toMatchObject({ action: 'article.update', entityId: String(id), actorId: editorUser.id });
      expect(updated.before).toMatchObject({ title, bodyHtml: '<p>第一版</p>', status: 'draft' });
      expect(updated.after).toMatchObject({ title: `${title}改`, bodyHtml: '<p>第二稿</p>', status: 'draft' });

      const file = await oneEntry(async () => {
        const page = await editor.get(`/admin/articles/${id}`);
        const action = /action="(\/admin\/articles\/\d+\/attachments\?_csrf=[^"]+)"/.exec(page.body)![1]!;
        const boundary = `----gk${uid()}`;
        return s.app.inject({
          method: 'POST',
          url: action,
          headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
        });
      });
      expect(file).toMatchObject({ action: 'article.attach', entityId: String(id), actorId: editorUser.id, before: null });
      const fileId = (file.after as { fileId: number }).fileId;
      expect(file.after).toEqual({ fileId, filename: 'a.pdf', size: PDF.length, mimeType: 'application/pdf' });

      const detached = await oneEntry(() => editor.post(`/admin/articles/${id}/attachments/${fileId}/delete`, {}, `/admin/articles/${id}`));
      expect(detached).toMatchObject({ action: 'article.detach', before: { fileId }, after: null });

      const submitted = await oneEntry(() => editor.post(`/admin/articles/${id}/submit`, {}, `/admin/articles/${id}`));
      expect(submitted).toMatchObject({ action: 'article.submit', actorId: editorUser.id, before: { status: 'draft' }, after: { status: 'in_review', publishedVersion: 0 } });

      const rejected = await oneEntry(() => reviewer.post(`/admin/articles/${id}/reject`, { note: '请修改' }, `/admin/articles/${id}`));
      expect(rejected).toMatchObject({ action: 'article.reject', actorId: reviewerUser.id, before: { status: 'in_review' }, after: { status: 'rejected', note: '请修改' } });

      await oneEntry(() => editor.post(`/admin/articles/${id}/submit`, {}, `/admin/articles/${id}`));
      const approved = await oneEntry(() => reviewer.post(`/admin/articles/${id}/approve`, {}, `/admin/articles/${id}`));
      expect(approved).toMatchObject({ action: 'article.approve', actorId: reviewerUser.id, before: { status: 'in_review' }, after: { status: 'published', publishedVersion: 1 } });

      const withdrawn = await oneEntry(() => reviewer.post(`/admin/articles/${id}/withdraw`, {}, `/admin/articles/${id}`));
      expect(withdrawn).toMatchObject({ action: 'article.withdraw', before: { status: 'published' }, after: { status: 'withdrawn', publishedVersion: 1 } });

      // Columns, by the general office.
      const slug = `audit-${uid()}`;
      let colId = 0;
      const colCreated = await oneEntry(async () => {
        const r = await admin.post('/admin/columns/new', { slug, nameZh: '审计栏目', nameEn: '', descriptionZh: '', descriptionEn: '', parentId: '', sortOrder: '5' });
        colId = Number(/\/admin\/columns\/(\d+)/.exec(r.headers.location as string)?.[1] ?? 0);
        return r;
      });
      expect(colCreated).toMatchObject({ action: 'column.create', entityType: 'column', entityId: String(colId), actorId: adminUser.id, before: null, after: { slug, nameZh: '审计栏目', parentId: null, sortOrder: 5 } });
      const colUpdated = await oneEntry(() => admin.post(`/admin/columns/${colId}`, { slug, nameZh: '改名栏目', nameEn: '', descriptionZh: '', descriptionEn: '', parentId: String(col.id), sortOrder: '6' }, `/admin/columns/${colId}`));
      expect(colUpdated).toMatchObject({ action: 'column.update', before: { nameZh: '审计栏目', parentId: null, sortOrder: 5 }, after: { nameZh: '改名栏目', parentId: col.id, sortOrder: 6 } });
      const colDeleted = await oneEntry(() => admin.post(`/admin/columns/${colId}/delete`, {}, `/admin/columns/${colId}`));
      expect(colDeleted).toMatchObject({ action: 'column.delete', before: { id: colId, slug, nameZh: '改名栏目' }, after: null });

      expect(await verifyOverApi(s)).toEqual({ ok: true, checked: await auditCount(s), brokenAtId: null, reason: null });
    });

    it('writes no entry for a refused write', async () => {
      const before = await auditCount(s);
      const bad = await s.editor.post('/admin/articles/new', { title: '', columnId: String(s.col.id), departmentId: String(s.dept.id), summary: '', body: '' });
      expect(bad.statusCode).toBe(400);
      const forbidden = await s.editor.post('/admin/columns/new', { slug: `x-${uid()}`, nameZh: 'x', nameEn: '', descriptionZh: '', descriptionEn: '', parentId: '', sortOrder: '1' }, '/admin');
      expect(forbidden.statusCode).toBe(403);
      expect(await auditCount(s)).toBe(before);
    });

    it('shows the entries and the check result to the admin only', async () => {
      const n = await auditCount(s);
      const page = await s.admin.get('/admin/audit/verify');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`哈希链完整：已校验 ${n} 条记录，未发现篡改。`);
      const list = await s.admin.get('/admin/audit');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('article.approve');
      expect(list.body).not.toContain('哈希链完整');

      const api = await s.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { authorization: `Bearer ${s.adminToken}` } });
      expect(api.statusCode).toBe(200);
      expect(api.json<{ items: Array<{ action: string }> }>().items).toHaveLength(Math.min(n, 50));

      const citizen = await makeUser(s.t.db, 'citizen');
      for (const u of [s.editorUser, s.reviewerUser, citizen]) {
        const token = await apiToken(s.app, u.username, u.password);
        for (const url of ['/api/v1/audit/verify', '/api/v1/audit']) {
          const res = await s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
          expect(res.statusCode).toBe(403);
          expect(res.body).not.toContain('"ok"');
        }
      }
      for (const b of [s.editor, s.reviewer]) {
        expect((await b.get('/admin/audit/verify')).statusCode).toBe(403);
        expect((await b.get('/admin/audit')).statusCode).toBe(403);
      }
      expect((await s.app.inject({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(401);
    });

    it('keeps the chain valid when 20 writers append at once, each in its own transaction', async () => {
      const before = await auditCount(s);
      const actor = { userId: s.adminUser.id, name: 'concurrent', ip: '127.0.0.1', requestId: 'r' };
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.t.db.kysely.transaction().execute(async (trx) => {
            await recordAudit(trx, { ...actor, requestId: `req-${i}` }, { action: 'test.concurrent', entityType: 'test', entityId: i, after: { i } });
          }),
        ),
      );
      expect(await auditCount(s)).toBe(before + 20);
      const rows = await entries(s);
      const mine = rows.filter((r) => r.action === 'test.concurrent');
      expect(mine.map((r) => Number(r.entityId)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      // One chain: every entry links to the one before it, no two share a predecessor.
      rows.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : rows[i - 1]!.hash));
      expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length);
      expect(await verifyAuditChain(s.t.db.kysely)).toEqual({ ok: true, checked: before + 20, brokenAtId: null, reason: null });
      expect(await verifyOverApi(s)).toMatchObject({ ok: true, checked: before + 20 });
    });

    // Two instances on one database is the PostgreSQL deployment. (Two synchronous SQLite connections in
    // one process cannot wait for each other's BEGIN IMMEDIATE; separate processes on one SQLite file,
    // such as the CLI beside the server, wait on the file lock and are covered in cli.test.ts.)
    it.skipIf(TEST_DIALECT === 'sqlite')('keeps the chain valid when writers on two connections append at once', async () => {
      const other = s.t.reconnect();
      const before = await auditCount(s);
      const actor = { userId: null, name: 'two-connections', ip: '', requestId: '' };
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? s.t.db.kysely : other.kysely).transaction().execute(async (trx) => {
            await recordAudit(trx, actor, { action: 'test.two_connections', entityType: 'test', entityId: i });
          }),
        ),
      );
      expect(await auditCount(s)).toBe(before + 20);
      expect(await verifyAuditChain(s.t.db.kysely)).toEqual({ ok: true, checked: before + 20, brokenAtId: null, reason: null });
    });
  });

  describe('tampering is found', () => {
    let s: Setup | undefined;
    afterEach(async () => {
      if (s) {
        await s.app.close();
        await s.t.drop();
        s = undefined;
      }
    });

    async function tamperSetup(): Promise<Setup & { rows: Entry[] }> {
      s = await setup();
      await someWrites(s);
      await someWrites(s);
      const rows = await entries(s);
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(await verifyOverApi(s)).toEqual({ ok: true, checked: rows.length, brokenAtId: null, reason: null });
      expect((await s.admin.get('/admin/audit/verify')).body).toContain(`哈希链完整：已校验 ${rows.length} 条记录`);
      return { ...s, rows };
    }

    it('a changed entry: content_changed at that entry', async () => {
      const x = await tamperSetup();
      const target = x.rows[2]!;
      await x.t.db.kysely.updateTable('auditLog').set({ actorName: 'x' }).where('id', '=', target.id).execute();
      expect(await verifyOverApi(x)).toEqual({ ok: false, checked: 2, brokenAtId: target.id, reason: 'content_changed' });
      const page = await x.admin.get('/admin/audit/verify');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`哈希链已被破坏：在第 ${target.id} 条记录处发现问题（记录内容被修改）。已校验 2 条。`);
      expect(page.body).not.toContain('哈希链完整');
    });

    it('a changed before/after snapshot is found too', async () => {
      const x = await tamperSetup();
      const target = x.rows.find((r) => r.afterJson !== null)!;
      await x.t.db.kysely.updateTable('auditLog').set({ afterJson: '{"status":"draft"}' }).where('id', '=', target.id).execute();
      expect(await verifyOverApi(x)).toMatchObject({ ok: false, brokenAtId: target.id, reason: 'content_changed' });
    });

    it('a deleted last entry: entries_missing', async () => {
      const x = await tamperSetup();
      const last = x.rows.at(-1)!;
      await x.t.db.kysely.deleteFrom('auditLog').where('id', '=', last.id).execute();
      expect(await verifyOverApi(x)).toEqual({ ok: false, checked: x.rows.length - 1, brokenAtId: null, reason: 'entries_missing' });
      const page = await x.admin.get('/admin/audit/verify');
      expect(page.body).toContain(`哈希链已被破坏：记录数或末端哈希与存档不符，可能有记录被删除。已校验 ${x.rows.length - 1} 条。`);
    });

    it('a deleted middle entry: link_broken at the entry after it', async () => {
      const x = await tamperSetup();
      const middle = x.rows[3]!;
      const next = x.rows[4]!;
      await x.t.db.kysely.deleteFrom('auditLog').where('id', '=', middle.id).execute();
      expect(await verifyOverApi(x)).toEqual({ ok: false, checked: 3, brokenAtId: next.id, reason: 'link_broken' });
      const page = await x.admin.get('/admin/audit/verify');
      expect(page.body).toContain(`哈希链已被破坏：在第 ${next.id} 条记录处发现问题（与前一条记录的链接断开）。已校验 3 条。`);
    });

    it('a rewritten entry with a recomputed hash still breaks the link of the next one', async () => {
      const x = await tamperSetup();
      const target = x.rows[1]!;
      const forged = { ...target, actorName: 'forger' };
      await x.t.db.kysely.updateTable('auditLog').set({ actorName: 'forger', hash: entryHash(forged.prevHash, forged) }).where('id', '=', target.id).execute();
      expect(await verifyOverApi(x)).toEqual({ ok: false, checked: 2, brokenAtId: x.rows[2]!.id, reason: 'link_broken' });
    });
  });
});
