import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, groupTx, tx } from '../../http/route-helpers.js';
import * as service from './service-cases.service.js';
import * as read from './service-cases.read.js';
import * as ratings from './service-cases.ratings.js';
import { ApplicantStepSchema, ApplySchema, RatingSchema, StaffStepSchema } from './service-cases.schema.js';
import { CaseOut, CaseSummaryOut, presentCase } from './service-cases.presenter.js';
import { STAFF_ACTIONS } from './service-cases.status.js';
import { CodeParams, NumberParams } from './service-cases.routes.js';

const AppliedOut = z.object({ caseNumber: z.string(), status: z.string(), instant: z.enum(['approved', 'review']).nullable(), failedCondition: z.string().nullable(), url: z.string() });
const StatusOut = z.object({ caseNumber: z.string(), status: z.string() });
const TransitionBody = StaffStepSchema.extend({ action: z.enum(STAFF_ACTIONS) });
const RatedOut = z.object({ id: z.number() });
const StatsOut = z.array(
  z.object({ departmentId: z.number(), nameZh: z.string(), nameEn: z.string(), total: z.number(), byLevel: z.record(z.string(), z.number()), satisfaction: z.number().nullable(), bad: z.number(), followedUpInTime: z.number() }),
);

/** The JSON API: apply, my cases, withdraw/resubmit, rate; staff transitions and on-site ratings; public statistics. */
export async function serviceCasesApiRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.db.kysely;
  const tags = ['service-cases'];

  api.post(
    '/api/v1/services/items/:code/applications',
    { schema: { tags, summary: 'Apply online for an item (signed-in citizen or enterprise); 秒批 items are decided at once', params: CodeParams, body: ApplySchema, response: { 201: AppliedOut } } },
    async (req, reply) => {
      const r = await groupTx(req, (trx) => service.applyOnline(trx, req.user, req.params.code, req.body));
      return reply.status(201).send({ ...r, url: `/my/cases/${r.caseNumber}` });
    },
  );

  api.get('/api/v1/my/cases', { schema: { tags, summary: "The signed-in applicant's cases", response: { 200: z.array(CaseSummaryOut) } } }, async (req) =>
    (await read.myCases(db(), req.user)).map((r) => ({ caseNumber: r.caseNumber, itemName: r.itemName, status: r.status, dueOn: r.dueOn, submittedAt: r.submittedAt, url: `/my/cases/${r.caseNumber}` })),
  );

  api.get('/api/v1/my/cases/:number', { schema: { tags, summary: 'One of my cases with its timeline', params: NumberParams, response: { 200: CaseOut } } }, async (req) => presentCase(await read.caseForApplicant(db(), req.user, req.params.number), false));

  for (const action of ['resubmit', 'withdraw'] as const) {
    api.post(
      `/api/v1/my/cases/:number/${action}`,
      { schema: { tags, summary: action === 'resubmit' ? 'Resubmit after 补正 (corrected data optional)' : 'Withdraw before the decision', params: NumberParams, body: ApplicantStepSchema, response: { 200: StatusOut } } },
      async (req) => ({ caseNumber: req.params.number, status: await tx(req, (trx) => service.applicantStep(trx, req.user, req.params.number, action, req.body)) }),
    );
  }

  api.post(
    '/api/v1/my/cases/:number/rating',
    { schema: { tags, summary: 'Rate a delivered case (once): 5 非常满意 … 1 非常不满意', params: NumberParams, body: RatingSchema, response: { 201: RatedOut } } },
    async (req, reply) => reply.status(201).send({ id: await tx(req, (trx) => ratings.rateOnline(trx, req.user, req.params.number, req.body, app.config.ratingFollowUpDays)) }),
  );

  api.get('/api/v1/services/cases/:number', { schema: { tags, summary: 'A case for window or back-office staff', params: NumberParams, response: { 200: CaseOut } } }, async (req) => presentCase(await read.caseForStaff(db(), req.user, req.params.number), true));

  api.post(
    '/api/v1/services/cases/:number/transitions',
    { schema: { tags, summary: 'A staff step: accept, request_correction, not_accept (window); start_review, approve, refuse (back office); prepare_delivery, deliver (window)', params: NumberParams, body: TransitionBody, response: { 200: StatusOut } } },
    async (req) => {
      const { action, ...input } = req.body;
      return { caseNumber: req.params.number, status: await tx(req, (trx) => service.staffStep(trx, actor(req), req.user, req.params.number, action, input)) };
    },
  );

  api.post(
    '/api/v1/services/cases/:number/onsite-rating',
    { schema: { tags, summary: 'Window staff record an on-site rating (one per visit)', params: NumberParams, body: RatingSchema, response: { 201: RatedOut } } },
    async (req, reply) => reply.status(201).send({ id: await tx(req, (trx) => ratings.rateOnSite(trx, actor(req), req.user, req.params.number, req.body, app.config.ratingFollowUpDays)) }),
  );

  api.get('/api/v1/services/ratings/stats', { schema: { tags, summary: '好差评 statistics by department (appeals upheld left out)', response: { 200: StatsOut } } }, async () => ratings.ratingStats(db()));
}
