import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { requireRole } from '../accounts/index.js';
import { listDepartmentOptions } from '../departments/index.js';
import * as service from './service-catalogue.service.js';
import * as files from './service-catalogue.files.js';
import * as repo from './service-catalogue.repository.js';
import { AdminQuery, ItemApiSchema, ItemFormSchema, StatusSchema, fromForm } from './service-catalogue.schema.js';
import { AdminListPage, ItemFormPage } from './service-catalogue.admin-views.js';
import { ImportPage, ItemFilesPage } from './service-catalogue.files-views.js';
import { importItems } from './service-catalogue.import.js';
import { csvRows, xlsxRows, type SourceRow } from './service-catalogue.columns.js';
import { csvStream, exportRows, xlsxStream } from './service-catalogue.export.js';
import { FLAGS } from './service-catalogue.rules.js';
import { formValues } from './service-catalogue.form.js';

const DONE = ['saved', 'status', 'file'] as const;
const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as Record<string, string>).id);

/** A posted form's text values, with the flag checkboxes spread into their own fields. */
function postedValues(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(withoutCsrf(body))) {
    if (typeof v === 'string' || Array.isArray(v)) {
      out[k] = v as string | string[];
    }
  }
  const flags = out.flags === undefined ? [] : Array.isArray(out.flags) ? out.flags : [out.flags];
  for (const f of FLAGS) {
    out[f] = flags.includes(f) ? '1' : '0';
  }
  out.flags = flags;
  return out;
}

/** The staff pages of the catalogue: list, item form, files, import and export; and the staff API. */
export async function serviceCatalogueAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const departments = async (req: FastifyRequest) => (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id));
  const notice = (req: FastifyRequest) => {
    const done = (req.query as Record<string, unknown>).done;
    return typeof done === 'string' && (DONE as readonly string[]).includes(done) ? viewContext(req).t(`serviceCatalogue.done.${done}` as 'serviceCatalogue.done.saved') : undefined;
  };

  app.get('/admin/services', { schema: { hide: true } }, async (req, reply) => {
    const f = parseInput(AdminQuery, req.query);
    const r = await service.listForStaff(db(), req.user, f);
    return sendPage(reply, <AdminListPage ctx={viewContext(req)} filter={f} rows={r.items} total={r.total} page={r.page} pageCount={r.pageCount} departments={await departments(req)} />);
  });

  const formPage = async (req: FastifyRequest, reply: FastifyReply, id: number | null, form?: FormState, status = 200) => {
    requireRole(req.user, 'editor', 'reviewer', 'admin');
    const deps = await departments(req);
    if (id === null) {
      const f = form ?? emptyForm({ status: 'draft', level: 'county', visitsNeeded: '1', feeCharged: '0', onlinePayment: '0', departmentId: deps.length === 1 ? String(deps[0]!.id) : undefined });
      return sendPage(reply, <ItemFormPage ctx={viewContext(req)} form={f} departments={deps} />, status);
    }
    const item = await service.editableItem(db(), req.user, id);
    const f = form ?? emptyForm(await formValues(db(), item));
    return sendPage(reply, <ItemFormPage ctx={viewContext(req)} form={f} departments={deps} item={item} notice={notice(req)} />, status);
  };

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | null) => {
    const values = postedValues(req.body);
    try {
      const input = fromForm(parseInput(ItemFormSchema, values));
      const saved = await tx(req, (trx) => service.saveItem(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/services/${saved}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return formPage(req, reply, id, { values, errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  };

  app.get('/admin/services/new', { schema: { hide: true } }, async (req, reply) => formPage(req, reply, null));
  app.post('/admin/services/new', { schema: { hide: true } }, async (req, reply) => save(req, reply, null));
  app.get('/admin/services/:id', { schema: { hide: true } }, async (req, reply) => formPage(req, reply, idOf(req)));
  app.post('/admin/services/:id', { schema: { hide: true } }, async (req, reply) => save(req, reply, idOf(req)));

  // ---------------- sample and blank-form files
  const filesPage = async (req: FastifyRequest, reply: FastifyReply, opts: { form?: FormState; target?: string; status?: number } = {}) => {
    const item = await service.editableItem(db(), req.user, idOf(req));
    const materials = await repo.materialsOf(db(), item.id);
    return sendPage(reply, <ItemFilesPage ctx={viewContext(req)} item={item} materials={materials} form={opts.form ?? emptyForm()} target={opts.target} notice={notice(req)} />, opts.status ?? 200);
  };
  app.get('/admin/services/:id/files', { schema: { hide: true } }, async (req, reply) => filesPage(req, reply));
  app.post('/admin/services/:id/files/:slot', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const slot = String((req.params as Record<string, string>).slot);
    try {
      const upload = await readUpload(req);
      await tx(req, (trx) => files.uploadItemFile(trx, actor(req), req.user, id, slot, upload, app.config.uploadMaxBytes));
      return seeOther(reply, `/admin/services/${id}/files?done=file`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const errors = problemsByField(err.fields.map((f) => ({ ...f, field: `file-${slot}` })));
        return filesPage(req, reply, { form: { values: {}, errors }, target: slot, status: err.status });
      }
      throw err;
    }
  });

  // ---------------- import and export
  app.get('/admin/services/import', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'reviewer', 'admin');
    return sendPage(reply, <ImportPage ctx={viewContext(req)} />);
  });
  app.post('/admin/services/import', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'reviewer', 'admin');
    const ctx = viewContext(req);
    try {
      const r = await tx(req, async (trx) => importItems(trx, actor(req), req.user, await importRows(req)));
      if (r.problems.length > 0) {
        return await sendPage(reply, <ImportPage ctx={ctx} problems={r.problems} />, 400);
      }
      return await sendPage(reply, <ImportPage ctx={ctx} done={{ created: r.created, updated: r.updated }} />);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return sendPage(reply, <ImportPage ctx={ctx} fileError={ctx.t(err.fields[0]!.key, err.fields[0]!.params)} />, err.status);
      }
      throw err;
    }
  });
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/admin/services/export.${format}`, { schema: { hide: true } }, async (req, reply) => {
      const u = requireRole(req.user, 'editor', 'reviewer', 'admin');
      const f = parseInput(AdminQuery, req.query);
      const rows = exportRows(db(), { statuses: f.status ? [f.status] : ['draft', 'published', 'withdrawn'], department: f.department, theme: f.theme, audience: f.audience, type: f.type, flag: f.flag, ...(u.role === 'admin' ? {} : { departmentIds: u.departmentIds }) });
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.type(type).header('content-disposition', `attachment; filename="service-catalogue.${format}"`).send(format === 'csv' ? csvStream(rows) : xlsxStream(rows));
    });
  }

  // ---------------- staff API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Saved = z.object({ id: z.number(), code: z.string(), status: z.string() });
  api.post('/api/v1/services/items', { schema: { tags: ['services'], summary: 'Create a service item (staff of its department)', body: ItemApiSchema, response: { 201: Saved } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.saveItem(trx, actor(req), req.user, null, req.body));
    return reply.status(201).send({ id, code: req.body.code, status: req.body.status });
  });
  api.put('/api/v1/services/items/:code', { schema: { tags: ['services'], summary: 'Replace a service item’s guide (staff of its department)', params: z.object({ code: z.string().max(60) }), body: ItemApiSchema, response: { 200: Saved } } }, async (req) => {
    const [existing] = await repo.itemsByCodes(db(), [req.params.code]);
    if (!existing) {
      throw new AppError('not_found');
    }
    const id = await tx(req, (trx) => service.saveItem(trx, actor(req), req.user, existing.id, req.body));
    return { id, code: req.body.code, status: req.body.status };
  });
  app.post('/admin/services/:id/status', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const { status } = parseInput(StatusSchema, withoutCsrf(req.body));
    await tx(req, (trx) => service.setItemStatus(trx, actor(req), req.user, id, status));
    return seeOther(reply, `/admin/services/${id}?done=status`);
  });
}

/** The import's rows, streamed from the uploaded part; a file cut short by the size limit is refused before anything is written. */
async function importRows(req: FastifyRequest): Promise<AsyncIterable<SourceRow>> {
  const part: MultipartFile | undefined = req.isMultipart() ? await req.file() : undefined;
  if (!part || part.filename === '') {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.required' }]);
  }
  const ext = path.extname(part.filename).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    part.file.resume();
    throw new AppError('unsupported_media_type', {}, [{ field: 'file', key: 'serviceCatalogue.problem.format' }]);
  }
  const rows = ext === '.csv' ? csvRows(part.file) : xlsxRows(part.file);
  return (async function* () {
    yield* rows;
    if (part.file.truncated) {
      throw new AppError('payload_too_large', {}, [{ field: 'file', key: 'serviceCatalogue.problem.too_large' }]);
    }
  })();
}

/** Reads a multipart form's one file into memory (the size limit applies). */
async function readUpload(req: FastifyRequest): Promise<files.Upload> {
  const part: MultipartFile | undefined = req.isMultipart() ? await req.file() : undefined;
  if (!part || part.filename === '') {
    throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.required' }]);
  }
  const content = await part.toBuffer().catch((e: unknown) => {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      return null;
    }
    throw e;
  });
  return { filename: part.filename, content: content ?? Buffer.alloc(0), truncated: content === null || part.file.truncated };
}
