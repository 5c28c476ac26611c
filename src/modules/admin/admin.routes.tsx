import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { blankToUndefined, idParam } from '../../http/schema-helpers.js';
import { entityTypes, listEntries, recordAudit, verifyAuditChain } from '../../platform/audit/index.js';
import { countByStatus, listByStatus, requeue } from '../../platform/jobs/index.js';
import { nowIso } from '../../platform/clock.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { requireRole } from '../accounts/index.js';
import { listDepartmentOptions } from '../departments/index.js';
import { dashboardCounts } from '../portal/index.js';
import { AuditPage, DashboardPage, JobsPage } from './admin.views.js';

const AuditQuery = z.object({
  entityType: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  before: z.preprocess(blankToUndefined, idParam.optional()),
});
const PAGE = 50;

const AuditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});
const VerificationOut = z.object({ ok: z.boolean(), checked: z.number(), brokenAtId: z.number().nullable(), reason: z.string().nullable() });

/** The staff dashboard, the audit log and the background-job pages. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/admin', { schema: { hide: true } }, async (req, reply) => {
    const u = requireRole(req.user, 'editor', 'reviewer', 'admin');
    const counts = await dashboardCounts(db(), u);
    const depts = (await listDepartmentOptions(db(), req.locale)).filter((d) => u.departmentIds.includes(d.id)).map((d) => d.name);
    return sendPage(reply, <DashboardPage ctx={viewContext(req)} counts={counts} departments={depts} links={app.adminLinks} />);
  });

  const auditPage = async (req: FastifyRequest, verify: boolean) => {
    requireRole(req.user, 'admin');
    const q = parseInput(AuditQuery, req.query);
    const rows = await listEntries(db(), { entityType: q.entityType, beforeId: q.before }, PAGE);
    const last = rows.at(-1);
    const olderHref = rows.length === PAGE && last ? `/admin/audit?${new URLSearchParams({ ...(q.entityType ? { entityType: q.entityType } : {}), before: String(last.id) }).toString()}` : null;
    return { rows, types: await entityTypes(db()), q, olderHref, verification: verify ? await verifyAuditChain(db()) : null };
  };

  app.get('/admin/audit', { schema: { hide: true } }, async (req, reply) => {
    const p = await auditPage(req, false);
    return sendPage(reply, <AuditPage ctx={viewContext(req)} rows={p.rows} entityTypes={p.types} entityType={p.q.entityType} verification={null} olderHref={p.olderHref} />);
  });

  app.get('/admin/audit/verify', { schema: { hide: true } }, async (req, reply) => {
    const p = await auditPage(req, true);
    return sendPage(reply, <AuditPage ctx={viewContext(req)} rows={p.rows} entityTypes={p.types} entityType={p.q.entityType} verification={p.verification} olderHref={p.olderHref} />);
  });

  app.get('/admin/jobs', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const [counts, dead] = await Promise.all([countByStatus(db()), listByStatus(db(), 'dead', 100)]);
    return sendPage(reply, <JobsPage ctx={viewContext(req)} counts={counts} dead={dead} />);
  });

  app.post('/admin/jobs/:id/retry', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const id = parseInput(idParam, (req.params as { id: string }).id);
    await tx(req, async (trx) => {
      if (!(await requeue(trx, id, nowIso()))) {
        throw new AppError('not_found');
      }
      await recordAudit(trx, actor(req), { action: 'job.retry', entityType: 'job', entityId: id });
    });
    return seeOther(reply, '/admin/jobs');
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/audit',
    { schema: { tags: ['admin'], summary: 'Audit log entries, newest first (admin)', querystring: AuditQuery, response: { 200: z.object({ items: z.array(AuditEntryOut) }) } } },
    async (req) => {
      requireRole(req.user, 'admin');
      const rows = await listEntries(db(), { entityType: req.query.entityType, beforeId: req.query.before }, PAGE);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actorId,
          actorName: r.actorName,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          before: r.beforeJson ? (JSON.parse(r.beforeJson) as unknown) : null,
          after: r.afterJson ? (JSON.parse(r.afterJson) as unknown) : null,
          prevHash: r.prevHash,
          hash: r.hash,
        })),
      };
    },
  );
  api.get('/api/v1/audit/verify', { schema: { tags: ['admin'], summary: 'Verify the audit hash chain (admin)', response: { 200: VerificationOut } } }, async (req) => {
    requireRole(req.user, 'admin');
    return verifyAuditChain(db());
  });
}
