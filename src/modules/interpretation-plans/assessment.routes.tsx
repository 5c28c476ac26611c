import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { withoutCsrf } from '../../http/schema-helpers.js';
import { translator } from '../../platform/i18n/index.js';
import { type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import { AllowedDaysSchema, AssessmentQuery, type AssessmentFilter } from './interpretation-plans.schema.js';
import { assess, setAllowedWorkingDays } from './assessment.service.js';
import { assessmentCsv, assessmentXlsx } from './assessment.export.js';
import { scoreChart, verdictChart } from './assessment.charts.js';
import { AssessmentPage } from './assessment.views.js';

const DeptOut = z.object({ departmentId: z.number(), department: z.string(), total: z.number(), with_policy: z.number(), in_time: z.number(), late: z.number(), missing: z.number(), pending: z.number(), score: z.number().nullable() });
const PolicyOut = z.object({ policyId: z.number(), indexNo: z.string(), title: z.string(), docNumber: z.string(), departmentId: z.number(), department: z.string(), category: z.string(), publishedOn: z.string(), firstInterpretationOn: z.string().nullable(), deadline: z.string(), verdict: z.string(), lateBy: z.number() });

/** The same filters as a query string, for the export links. */
function queryOf(f: AssessmentFilter, from: string, to: string): string {
  return new URLSearchParams({ from, to, ...(f.departmentId ? { departmentId: String(f.departmentId) } : {}) }).toString();
}

/** The assessment (解读考核): page, printable report, CSV, XLSX, JSON and the allowed-days setting. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const page = async (req: FastifyRequest, reply: FastifyReply, f: AssessmentFilter, form: FormState | undefined, status = 200) => {
    const a = await assess(db(), req.user, f, req.locale);
    const t = translator(req.locale);
    const departments = (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id));
    const values = { from: a.from, to: a.to, departmentId: f.departmentId ? String(f.departmentId) : '', allowedWorkingDays: String(a.allowed), ...form?.values };
    const ctx = viewContext(req);
    const notice = f.done === 'days' ? ctx.t('assessment.days_saved') : undefined;
    const charts = a.departments.length > 0 ? { verdicts: verdictChart(a.departments, t), scores: scoreChart(a.departments, t) } : { verdicts: '', scores: '' };
    return sendPage(reply, <AssessmentPage ctx={ctx} a={a} query={queryOf(f, a.from, a.to)} departments={departments} charts={charts} form={{ values, errors: form?.errors ?? {} }} notice={notice} />, status);
  };

  app.get('/admin/assessment', { schema: { hide: true } }, async (req, reply) => {
    const raw = req.query as Record<string, unknown>;
    try {
      return await page(req, reply, parseInput(AssessmentQuery, raw), undefined);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        // A bad period: show this year with the typed values and the errors beside the fields.
        const values = { from: typeof raw.from === 'string' ? raw.from : '', to: typeof raw.to === 'string' ? raw.to : '' };
        return page(req, reply, {}, { values, errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  app.get('/admin/assessment.csv', { schema: { hide: true } }, async (req, reply) => {
    const a = await assess(db(), req.user, parseInput(AssessmentQuery, req.query), req.locale);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="assessment-${a.from}-${a.to}.csv"`).send(assessmentCsv(a, translator(req.locale)));
  });

  app.get('/admin/assessment.xlsx', { schema: { hide: true } }, async (req, reply) => {
    const a = await assess(db(), req.user, parseInput(AssessmentQuery, req.query), req.locale);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="assessment-${a.from}-${a.to}.xlsx"`)
      .send(await assessmentXlsx(a, translator(req.locale)));
  });

  app.post('/admin/assessment/settings', { schema: { hide: true } }, async (req, reply) => {
    try {
      const input = parseInput(AllowedDaysSchema, withoutCsrf(req.body));
      await tx(req, (trx) => setAllowedWorkingDays(trx, actor(req), req.user, input.allowedWorkingDays));
      return seeOther(reply, '/admin/assessment?done=days');
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return page(req, reply, {}, { values: withoutCsrf(req.body) as FormState['values'], errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/assessment',
    {
      schema: {
        tags: ['interpretation-plans'],
        summary: 'Interpretation assessment for a period (staff; departments see their own)',
        querystring: AssessmentQuery,
        response: { 200: z.object({ from: z.string(), to: z.string(), allowedWorkingDays: z.number(), generatedAt: z.string(), departments: z.array(DeptOut), totals: DeptOut, policies: z.array(PolicyOut) }) },
      },
    },
    async (req) => {
      const a = await assess(db(), req.user, req.query, req.locale);
      return { from: a.from, to: a.to, allowedWorkingDays: a.allowed, generatedAt: a.generatedAt, departments: a.departments, totals: a.totals, policies: a.policies };
    },
  );
  api.put('/api/v1/assessment/settings', { schema: { tags: ['interpretation-plans'], summary: 'Set the allowed working days (admin)', body: AllowedDaysSchema, response: { 200: z.object({ allowedWorkingDays: z.number() }) } } }, async (req) => {
    await tx(req, (trx) => setAllowedWorkingDays(trx, actor(req), req.user, req.body.allowedWorkingDays));
    return { allowedWorkingDays: req.body.allowedWorkingDays };
  });
}
