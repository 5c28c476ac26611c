import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { fileWithContent } from '../../platform/files/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import { requireRole } from '../accounts/index.js';
import * as service from './portal.service.js';
import * as repo from './portal.repository.js';
import { presentColumn, presentListItem, type ColumnJson } from './portal.presenter.js';
import { ArticleAdminQuery, ArticleSchema, ColumnSchema, PublicListQuery, RejectSchema } from './portal.schema.js';
import { ArticlePage, ColumnPage, HomePage } from './portal.views.js';
import { AdminArticlesPage, AdminColumnsPage, ArticleEditPage, ColumnFormPage } from './portal.admin-views.js';

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

const ColumnOut: z.ZodType<ColumnJson> = z.lazy(() => z.object({ id: z.number(), slug: z.string(), nameZh: z.string(), nameEn: z.string(), children: z.array(ColumnOut) }));
const ListItemOut = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  columnId: z.number(),
  departmentId: z.number(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
const ArticleOut = z.object({
  id: z.number(),
  version: z.number(),
  title: z.string(),
  summary: z.string(),
  bodyHtml: z.string(),
  departmentId: z.number(),
  columnId: z.number(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  attachments: z.array(z.object({ id: z.number(), filename: z.string(), size: z.number(), url: z.string() })),
  versions: z.array(z.object({ version: z.number(), publishedAt: z.string() })),
});
const WorkingCopyOut = z.object({ id: z.number(), status: z.string(), title: z.string(), publishedVersion: z.number(), reviewNote: z.string() });

/** Public pages, the staff editor and the JSON API of the portal. */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  // ---------------- public pages
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const home = await service.getHome(db());
    return sendPage(reply, <HomePage ctx={viewContext(req)} sections={home.sections} latest={home.latest} />);
  });

  app.get('/columns/:slug', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(PublicListQuery, req.query);
    const r = await service.getColumnPage(db(), String((req.params as { slug: string }).slug), q.page);
    return sendPage(reply, <ColumnPage ctx={viewContext(req)} column={r.column} path={r.path} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} />);
  });

  app.get('/articles/:id', { schema: { hide: true } }, async (req, reply) => {
    const data = await service.getPublicArticle(db(), idOf(req));
    return sendPage(reply, <ArticlePage ctx={viewContext(req)} data={data} />);
  });

  app.get('/articles/:id/versions/:version', { schema: { hide: true } }, async (req, reply) => {
    const v = parseInput(idParam, (req.params as { version: string }).version);
    const data = await service.getPublicArticle(db(), idOf(req), v);
    return sendPage(reply, <ArticlePage ctx={viewContext(req)} data={data} />);
  });

  app.get('/files/:id/:name', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    if (!(await service.canReadFile(db(), req.user, id))) {
      throw new AppError('not_found');
    }
    const f = await fileWithContent(db(), id);
    if (!f) {
      throw new AppError('not_found');
    }
    const inline = f.mimeType === 'application/pdf' || f.mimeType.startsWith('image/');
    return reply
      .header('content-type', f.mimeType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${f.sha256}"`)
      .send(Buffer.from(f.content));
  });

  // ---------------- staff: articles
  const editorData = async (req: FastifyRequest) => ({
    columns: service.flattenTree(await service.columnTree(db())),
    departments: (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id)),
  });

  app.get('/admin/articles', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(ArticleAdminQuery, req.query);
    const r = await service.listStaffArticles(db(), req.user, q.status, q.page);
    const cols = new Map((await repo.allColumns(db())).map((c) => [c.id, c]));
    return sendPage(reply, <AdminArticlesPage ctx={viewContext(req)} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} status={q.status} columns={cols} />);
  });

  app.get('/admin/articles/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const d = await editorData(req);
    const form = emptyForm({ departmentId: d.departments.length === 1 ? String(d.departments[0]!.id) : undefined });
    return sendPage(reply, <ArticleEditPage ctx={viewContext(req)} form={form} {...d} />);
  });

  app.post('/admin/articles/new', { schema: { hide: true } }, async (req, reply) => {
    const d = await editorData(req);
    return handleForm(
      req,
      reply,
      ArticleSchema,
      (input, trx) => service.createArticle(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/articles/${id}?done=saved`),
      (form) => <ArticleEditPage ctx={viewContext(req)} form={form} {...d} />,
    );
  });

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) => {
    const s = await service.getArticleForStaff(db(), req.user, id);
    const d = await editorData(req);
    const a = s.article;
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const shown = form ?? emptyForm({ title: a.title, summary: a.summary, body: a.bodyHtml, columnId: String(a.columnId), departmentId: String(a.departmentId) });
    const notice = typeof done === 'string' && /^[a-z_]+$/.test(done) ? ctx.t(`portal.done.${done}` as 'portal.done.saved') : undefined;
    return sendPage(
      reply,
      <ArticleEditPage
        ctx={ctx}
        form={shown}
        {...d}
        notice={notice}
        article={{ id: a.id, status: a.status, reviewNote: a.reviewNote, lastPublishedAt: a.lastPublishedAt, actions: s.actions, attachments: s.attachments, versions: s.versions }}
      />,
      status,
    );
  };

  app.get('/admin/articles/:id', { schema: { hide: true } }, async (req, reply) => editPage(req, reply, idOf(req)));

  app.post('/admin/articles/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    try {
      const input = parseInput(ArticleSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.updateArticle(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/articles/${id}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const values = withoutCsrf(req.body) as FormState['values'];
        return editPage(req, reply, id, { values, errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    app.post(`/admin/articles/:id/${action}`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      const fn = action === 'submit' ? service.submitArticle : action === 'approve' ? service.approveArticle : service.withdrawArticle;
      await tx(req, (trx) => fn(trx, actor(req), req.user, id));
      return seeOther(reply, `/admin/articles/${id}?done=${action}`);
    });
  }

  app.post('/admin/articles/:id/reject', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    try {
      const { note } = parseInput(RejectSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.rejectArticle(trx, actor(req), req.user, id, note));
      return seeOther(reply, `/admin/articles/${id}?done=reject`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return editPage(req, reply, id, { values: {}, errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  app.post('/admin/articles/:id/attachments', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    try {
      if (!req.isMultipart()) {
        throw new AppError('unsupported_media_type', {}, [{ field: 'file', key: 'validation.required' }]);
      }
      const part = await req.file();
      if (!part) {
        throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.required' }]);
      }
      const content = await part.toBuffer().catch((e: unknown) => {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          return null;
        }
        throw e;
      });
      await tx(req, (trx) =>
        service.addAttachment(trx, actor(req), req.user, id, { filename: part.filename, content: content ?? Buffer.alloc(0), truncated: content === null || part.file.truncated }, app.config.uploadMaxBytes),
      );
      return seeOther(reply, `/admin/articles/${id}?done=uploaded`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        // Show the editor again with the upload's problem beside the file field.
        const a = (await service.getArticleForStaff(db(), req.user, id)).article;
        const form = { values: { title: a.title, summary: a.summary, body: a.bodyHtml, columnId: String(a.columnId), departmentId: String(a.departmentId) }, errors: problemsByField(err.fields) };
        return editPage(req, reply, id, form, err.status);
      }
      throw err;
    }
  });

  app.post('/admin/articles/:id/attachments/:fileId/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const fileId = parseInput(idParam, (req.params as { fileId: string }).fileId);
    await tx(req, (trx) => service.removeAttachment(trx, actor(req), req.user, id, fileId));
    return seeOther(reply, `/admin/articles/${id}?done=removed`);
  });

  // ---------------- staff: columns
  app.get('/admin/columns', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    return sendPage(reply, <AdminColumnsPage ctx={viewContext(req)} columns={service.flattenTree(await service.columnTree(db()))} />);
  });

  app.get('/admin/columns/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const parent = (req.query as Record<string, unknown>).parent;
    return sendPage(reply, <ColumnFormPage ctx={viewContext(req)} form={emptyForm({ sortOrder: '100', parentId: typeof parent === 'string' ? parent : undefined })} columns={service.flattenTree(await service.columnTree(db()))} />);
  });

  app.post('/admin/columns/new', { schema: { hide: true } }, async (req, reply) => {
    const columns = service.flattenTree(await service.columnTree(db()));
    return handleForm(
      req,
      reply,
      ColumnSchema,
      (input, trx) => service.createColumn(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/columns/${id}?done=1`),
      (form) => <ColumnFormPage ctx={viewContext(req)} form={form} columns={columns} />,
    );
  });

  app.get('/admin/columns/:id', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const id = idOf(req);
    const c = await repo.columnById(db(), id);
    if (!c) {
      throw new AppError('not_found');
    }
    const ctx = viewContext(req);
    const form = emptyForm({
      slug: c.slug,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      descriptionZh: c.descriptionZh,
      descriptionEn: c.descriptionEn,
      parentId: c.parentId === null ? undefined : String(c.parentId),
      sortOrder: String(c.sortOrder),
    });
    const notice = (req.query as Record<string, unknown>).done ? ctx.t('form.saved') : undefined;
    return sendPage(reply, <ColumnFormPage ctx={ctx} form={form} columns={service.flattenTree(await service.columnTree(db()))} id={id} notice={notice} />);
  });

  app.post('/admin/columns/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const columns = service.flattenTree(await service.columnTree(db()));
    return handleForm(
      req,
      reply,
      ColumnSchema,
      (input, trx) => service.updateColumn(trx, actor(req), req.user, id, input),
      () => seeOther(reply, `/admin/columns/${id}?done=1`),
      (form) => <ColumnFormPage ctx={viewContext(req)} form={form} columns={columns} id={id} />,
    );
  });

  app.post('/admin/columns/:id/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    await tx(req, (trx) => service.deleteColumn(trx, actor(req), req.user, id));
    return seeOther(reply, '/admin/columns');
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/columns', { schema: { tags: ['portal'], summary: 'The column tree', response: { 200: z.object({ items: z.array(ColumnOut) }) } } }, async () => ({
    items: (await service.columnTree(db())).map(presentColumn),
  }));

  api.get(
    '/api/v1/articles',
    {
      schema: {
        tags: ['portal'],
        summary: 'Published articles, newest first',
        querystring: PublicListQuery,
        response: { 200: z.object({ items: z.array(ListItemOut), total: z.number(), page: z.number(), pageCount: z.number() }) },
      },
    },
    async (req) => {
      const r = await service.listPublicArticles(db(), req.query.column, req.query.page);
      return { items: r.rows.map(presentListItem), total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );

  api.get('/api/v1/articles/:id', { schema: { tags: ['portal'], summary: 'A published article (latest version)', params: z.object({ id: idParam }), response: { 200: ArticleOut } } }, async (req) => {
    const d = await service.getPublicArticle(db(), req.params.id);
    return {
      id: d.article.id,
      version: d.version.version,
      title: d.version.title,
      summary: d.version.summary,
      bodyHtml: d.version.bodyHtml,
      departmentId: d.article.publicDepartmentId ?? d.article.departmentId,
      columnId: d.article.publicColumnId ?? d.article.columnId,
      publishedAt: d.article.firstPublishedAt,
      updatedAt: d.article.lastPublishedAt,
      attachments: d.attachments.map((f) => ({ id: f.id, filename: f.filename, size: f.size, url: `/files/${f.id}/${encodeURIComponent(f.filename)}` })),
      versions: d.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt })),
    };
  });

  const working = (a: repo.ArticleRow) => ({ id: a.id, status: a.status, title: a.title, publishedVersion: a.publishedVersion, reviewNote: a.reviewNote });

  api.post('/api/v1/articles', { schema: { tags: ['portal'], summary: 'Start a draft (editor)', body: ArticleSchema, response: { 201: WorkingCopyOut } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createArticle(trx, actor(req), req.user, req.body));
    return reply.status(201).send(working((await repo.articleById(db(), id))!));
  });

  api.put(
    '/api/v1/articles/:id',
    { schema: { tags: ['portal'], summary: 'Edit the working copy (editor)', params: z.object({ id: idParam }), body: ArticleSchema, response: { 200: WorkingCopyOut } } },
    async (req) => {
      await tx(req, (trx) => service.updateArticle(trx, actor(req), req.user, req.params.id, req.body));
      return working((await repo.articleById(db(), req.params.id))!);
    },
  );

  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    api.post(
      `/api/v1/articles/:id/${action}`,
      { schema: { tags: ['portal'], summary: `Workflow: ${action}`, params: z.object({ id: idParam }), response: { 200: WorkingCopyOut } } },
      async (req) => {
        const fn = action === 'submit' ? service.submitArticle : action === 'approve' ? service.approveArticle : service.withdrawArticle;
        return working(await tx(req, (trx) => fn(trx, actor(req), req.user, req.params.id)));
      },
    );
  }
  api.post(
    '/api/v1/articles/:id/reject',
    { schema: { tags: ['portal'], summary: 'Workflow: send back with a note (reviewer)', params: z.object({ id: idParam }), body: RejectSchema, response: { 200: WorkingCopyOut } } },
    async (req) => working(await tx(req, (trx) => service.rejectArticle(trx, actor(req), req.user, req.params.id, req.body.note))),
  );
}
