import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { translator, type Translator } from '../../platform/i18n/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { requireRole } from '../accounts/index.js';
import { AdminEnterprisePage, AdminEnterprisesPage } from './enterprises.admin-views.js';
import { ImportPage, ImportReportPage, ImportsPage } from './enterprises.import-views.js';
import type { ImportReport } from './enterprises.import.js';
import { ProfileMissingPage, ProfilePage, profileForm } from './enterprises.profile-views.js';
import { COLUMNS, HEADERS_ZH } from './enterprises.rows.js';
import { DeclarationSchema, EnterpriseListQuery, ImportFieldsSchema, ImportListQuery } from './enterprises.schema.js';
import * as service from './enterprises.service.js';
import { receiveUpload } from './enterprises.upload.js';
import { templateCsv, toCsv } from './enterprises.csv.js';

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

const FactOut = z.object({ value: z.union([z.number(), z.string(), z.array(z.string())]), source: z.enum(['registration', 'declared', 'derived']), asOf: z.string() });
const ReportOut = z.object({
  id: z.number(),
  fileName: z.string(),
  format: z.string(),
  asOf: z.string(),
  status: z.string(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  refused: z.number(),
  refusals: z.array(z.object({ line: z.number(), creditCode: z.string(), problems: z.array(z.object({ field: z.string(), reason: z.string() })) })),
});

const reportJson = (r: ImportReport, t: Translator) => ({
  ...r,
  refusals: r.refusals.map((x) => ({ line: x.line, creditCode: x.creditCode, problems: x.problems.map((p) => ({ field: p.field, reason: t(p.key, p.params) })) })),
});

/** The enterprise directory: staff pages, import, the enterprise's own profile, and the API. */
export async function enterprisesRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const maxMb = () => Math.round(app.config.uploadMaxBytes / 1024 / 1024);

  // Raw bodies for the API import: the stream is spooled to disk by the route, not buffered here.
  for (const type of ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }

  /** Receives an upload and imports it; the temporary file is always removed. */
  const runImport = async (req: FastifyRequest): Promise<ImportReport> => {
    requireRole(req.user, 'admin');
    const up = await receiveUpload(req, app.config.uploadMaxBytes);
    try {
      const q = req.query as Record<string, unknown>;
      const { asOf } = parseInput(ImportFieldsSchema, { asOf: up.fields.asOf ?? q.asOf });
      return await service.importForAdmin(db(), actor(req), req.user, fs.createReadStream(up.path), up.format, up.fileName, asOf);
    } finally {
      up.cleanup();
    }
  };

  // ---------------- staff
  app.get('/admin/enterprises', { schema: { hide: true } }, async (req, reply) => {
    const f = parseInput(EnterpriseListQuery, req.query);
    const r = await service.listEnterprises(db(), req.user, f);
    return sendPage(reply, <AdminEnterprisesPage ctx={viewContext(req)} filter={f} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} towns={r.towns} canImport={req.user?.role === 'admin'} />);
  });

  const importPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200, report?: ImportReport) =>
    sendPage(
      reply,
      <ImportPage ctx={viewContext(req)} form={form} maxMb={maxMb()} report={report ? { counts: { ...report }, refusals: report.refusals } : undefined} />,
      status,
    );

  app.get('/admin/enterprises/import', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    return importPage(req, reply, emptyForm());
  });

  app.post('/admin/enterprises/import', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    try {
      const report = await runImport(req);
      return await importPage(req, reply, emptyForm(), 200, report);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return importPage(req, reply, { values: {}, errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  app.get('/admin/enterprises/import/template.csv', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="enterprises-template.csv"').send(templateCsv());
  });

  app.get('/admin/enterprises/imports', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(ImportListQuery, req.query);
    const r = await service.listImports(db(), req.user, q.page);
    return sendPage(reply, <ImportsPage ctx={viewContext(req)} rows={r.rows} page={r.page} pageCount={r.pageCount} />);
  });

  app.get('/admin/enterprises/imports/:id', { schema: { hide: true } }, async (req, reply) => {
    const r = await service.getImport(db(), req.user, idOf(req));
    return sendPage(reply, <ImportReportPage ctx={viewContext(req)} report={r.report} refusals={r.refusals} />);
  });

  app.get('/admin/enterprises/imports/:id/refused.csv', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const r = await service.getImport(db(), req.user, id);
    const t = translator(req.locale);
    const head = [t('enterprises.import.line'), t('enterprises.import.reason'), ...COLUMNS.map((c) => HEADERS_ZH[c])];
    const rows = r.refusals.map((x) => [String(x.line), x.problems.map((p) => `${HEADERS_ZH[p.field as keyof typeof HEADERS_ZH] ?? p.field}：${t(p.key, p.params)}`).join('；'), ...COLUMNS.map((c) => x.raw[c] ?? '')]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${id}-refused.csv"`).send(toCsv([head, ...rows]));
  });

  app.get('/admin/enterprises/:id', { schema: { hide: true } }, async (req, reply) => {
    const d = await service.getEnterpriseForStaff(db(), req.user, idOf(req));
    return sendPage(reply, <AdminEnterprisePage ctx={viewContext(req)} enterprise={d.enterprise} facts={d.facts} declarations={d.declarations} />);
  });

  // ---------------- the enterprise itself
  const profilePage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    requireRole(req.user, 'enterprise');
    const e = await service.enterpriseForUser(db(), req.user);
    const ctx = viewContext(req);
    if (!e) {
      return sendPage(reply, <ProfileMissingPage ctx={ctx} />, 404);
    }
    const d = await service.myEnterprise(db(), req.user);
    const done = (req.query as Record<string, unknown>).done;
    const notice = done === 'saved' ? ctx.t('enterprises.profile.saved') : done === 'nothing' ? ctx.t('enterprises.profile.nothing') : undefined;
    return sendPage(
      reply,
      <ProfilePage ctx={ctx} name={d.enterprise.name} creditCode={d.enterprise.creditCode} facts={d.facts} declarations={d.declarations} form={form ?? profileForm(d.facts)} notice={notice} />,
      status,
    );
  };

  app.get('/enterprise/profile', { schema: { hide: true } }, async (req, reply) => profilePage(req, reply));

  app.post('/enterprise/profile', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'enterprise');
    // Unticking every tag sends no `tags` field at all: the form always means "these tags".
    const body = { tags: [], ...withoutCsrf(req.body) };
    try {
      const input = parseInput(DeclarationSchema, body);
      const keys = await tx(req, (trx) => service.declareFacts(trx, actor(req), req.user, input));
      return seeOther(reply, `/enterprise/profile?done=${keys.length > 0 ? 'saved' : 'nothing'}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return profilePage(req, reply, { values: body, errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  // ---------------- API
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/enterprises/me',
    { schema: { tags: ['enterprises'], summary: "The signed-in enterprise's facts, with source and date", response: { 200: z.object({ id: z.number(), creditCode: z.string(), name: z.string(), facts: z.record(z.string(), FactOut), declarations: z.array(z.object({ factKey: z.string(), value: z.unknown(), declaredAt: z.string() })) }) } } },
    async (req) => {
      const d = await service.myEnterprise(db(), req.user);
      return {
        id: d.enterprise.id,
        creditCode: d.enterprise.creditCode,
        name: d.enterprise.name,
        facts: d.facts.facts as Record<string, z.infer<typeof FactOut>>,
        declarations: d.declarations.map((x) => ({ factKey: x.factKey, value: JSON.parse(x.value) as unknown, declaredAt: x.declaredAt })),
      };
    },
  );

  api.get(
    '/api/v1/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Search the enterprise directory (staff)',
        querystring: EnterpriseListQuery,
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.number(), creditCode: z.string(), name: z.string(), industryCode: z.string(), size: z.string().nullable(), sizeDerived: z.boolean(), town: z.string().nullable(), employees: z.number().nullable() })),
            total: z.number(),
            page: z.number(),
            pageCount: z.number(),
          }),
        },
      },
    },
    async (req) => {
      const r = await service.listEnterprises(db(), req.user, req.query);
      return { items: r.rows.map((e) => ({ id: e.id, creditCode: e.creditCode, name: e.name, industryCode: e.industryCode, size: e.size, sizeDerived: e.sizeDerived === 1, town: e.town, employees: e.employees })), total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );

  api.post(
    '/api/v1/enterprises/import',
    { schema: { tags: ['enterprises'], summary: 'Import a registration file (admin): multipart field `file`, or a text/csv or XLSX body; ?asOf=YYYY-MM-DD', response: { 200: ReportOut } } },
    async (req) => reportJson(await runImport(req), translator(req.locale)),
  );
}
