import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseInput } from '../../http/validate.js';
import { blankToUndefined, idParam } from '../../http/schema-helpers.js';
import { toCsv } from '../../platform/csv.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import { annualReport } from './disclosure-requests.report.js';
import { ReportPage, applicationRows } from './disclosure-requests.report-views.js';
import { APPLICANT_CATEGORIES } from './disclosure-requests.codes.js';

const YearParams = z.object({ year: z.coerce.number().int().min(2008).max(2100) });
const ScopeQuery = z.object({ department: z.preprocess(blankToUndefined, idParam.optional()) });
const Counts = z.record(z.string(), z.number());
const ReportOut = z.object({
  year: z.number(),
  departmentId: z.number().nullable(),
  applications: z.object({
    received: Counts,
    carriedIn: Counts,
    outcomes: z.array(z.object({ outcome: z.string(), reason: z.string().nullable(), counts: Counts })),
    outcomeTotal: Counts,
    carriedOut: Counts,
    difference: Counts,
    consistent: z.boolean(),
  }),
  disputes: z.record(z.string(), Counts),
});

/** The annual report (public: it is published): page, CSV and JSON, per agency or government-wide. */
export async function disclosureReportRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const load = async (req: FastifyRequest, yearRaw: unknown) => {
    const { year } = parseInput(YearParams, { year: yearRaw });
    const { department } = parseInput(ScopeQuery, req.query);
    return annualReport(db(), year, department);
  };

  app.get('/disclosure-requests/annual-report/:year', { schema: { hide: true } }, async (req, reply) => {
    const raw = (req.params as Record<string, string>).year ?? '';
    const csv = raw.endsWith('.csv');
    const report = await load(req, csv ? raw.slice(0, -4) : raw);
    const ctx = viewContext(req);
    if (csv) {
      const header = ['', ...APPLICANT_CATEGORIES.map((c) => ctx.t(`disclosureRequests.category.${c}`)), ctx.t('disclosureRequests.report.total')];
      const rows = applicationRows(ctx, report).map((r) => [r.label, ...APPLICANT_CATEGORIES.map((c) => r.counts[c]), r.counts.total]);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="disclosure-report-${report.year}.csv"`)
        .send('\uFEFF' + toCsv([header, ...rows]));
    }
    const agencies = await listDepartmentOptions(db(), req.locale);
    const scopeName = report.departmentId ? (agencies.find((a) => a.id === report.departmentId)?.name ?? '') : ctx.t('disclosureRequests.report.government');
    return sendPage(reply, <ReportPage ctx={ctx} report={report} agencies={agencies} scopeName={scopeName} />);
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/disclosure-requests/annual-report/:year',
    { schema: { tags: ['disclosure-requests'], summary: 'The annual report applications table (with its consistency check) and the review/litigation table', params: YearParams, querystring: ScopeQuery, response: { 200: ReportOut } } },
    async (req) => annualReport(db(), req.params.year, req.query.department),
  );
}
