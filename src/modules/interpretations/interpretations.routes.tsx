import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { requireRole } from '../accounts/index.js';
import { departmentName, listDepartmentOptions } from '../departments/index.js';
import { departmentPolicyBriefs, policyBriefs } from '../policies/index.js';
import { FeedbackSchema, FeedbackSummaryQuery, InterpretationAdminQuery, InterpretationListQuery, InterpretationRejectSchema, InterpretationSchema, SurveySchema } from './interpretations.schema.js';
import * as service from './interpretations.service.js';
import { feedbackSummary, recordFeedback, recordSurvey } from './interpretations.feedback.js';
import { presentInterpretation, InterpretationOut, FeedbackSummaryOut } from './interpretations.presenter.js';
import { qaToText, type QaPair } from './interpretations.qa.js';
import type { InterpretationRow } from './interpretations.repository.js';
import { InterpretationListPage, InterpretationPage, SurveyPage } from './interpretations.views.js';
import { AdminInterpretationsPage, InterpretationEditPage } from './interpretations.admin-views.js';
import { FeedbackResultsPage } from './interpretations.results-views.js';

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);
// The public's writes are limited per IP, like the login (shared through Redis when configured).
const publicWriteLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
/** Remembers, for this browser session only, which interpretations it has rated (a vote counts once). */
const VOTED_COOKIE = 'gk_voted';

function votedIds(req: FastifyRequest): number[] {
  const raw = req.cookies[VOTED_COOKIE] ?? '';
  return raw
    .split('.')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

function toForm(i: InterpretationRow, qa: QaPair[]): FormState {
  return emptyForm({
    policyId: String(i.policyId),
    departmentId: String(i.departmentId),
    form: i.form,
    title: i.title,
    body: i.body,
    qa: qaToText(qa),
    mediaUrl: i.mediaUrl,
    transcript: i.transcript,
    interpreterName: i.interpreterName,
    interpreterPost: i.interpreterPost,
  });
}

/** Interpretations: public pages, feedback and survey, the staff editor and results, and the API. */
export async function interpretationsRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  // ---------------- public
  app.get('/interpretations', { schema: { hide: true } }, async (req, reply) => {
    const f = parseInput(InterpretationListQuery, req.query);
    const r = await service.listPublicInterpretations(db(), f.form, f.page);
    const titles = new Map((await policyBriefs(db(), [...new Set(r.rows.map((x) => x.policyId))])).map((p) => [p.id, p.title]));
    return sendPage(reply, <InterpretationListPage ctx={viewContext(req)} form={f.form} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} policyTitles={titles} />);
  });

  const surveyPage = (req: FastifyRequest, reply: FastifyReply, form: FormState, done: boolean, status = 200) => sendPage(reply, <SurveyPage ctx={viewContext(req)} form={form} done={done} />, status);
  app.get('/interpretations/survey', { schema: { hide: true } }, async (req, reply) => surveyPage(req, reply, emptyForm(), (req.query as Record<string, unknown>).done === '1'));
  app.post('/interpretations/survey', { config: publicWriteLimit, schema: { hide: true } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      SurveySchema,
      (input, trx) => recordSurvey(trx, input),
      () => seeOther(reply, '/interpretations/survey?done=1'),
      (form) => <SurveyPage ctx={viewContext(req)} form={form} done={false} />,
    ),
  );

  const publicPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form: FormState = emptyForm(), status = 200) => {
    const d = await service.getPublicInterpretation(db(), id);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const feedback = status !== 200 ? null : q.feedback === 'thanks' ? 'thanks' : votedIds(req).includes(id) ? 'already' : null;
    const ctx = viewContext(req);
    return sendPage(reply, <InterpretationPage ctx={ctx} i={d.interpretation} qa={d.qa} policy={d.policy} departmentName={d.department ? departmentName(d.department, ctx.locale) : ''} form={form} feedback={feedback} />, status);
  };
  app.get('/interpretations/:id', { schema: { hide: true } }, async (req, reply) => publicPage(req, reply, idOf(req)));
  app.post('/interpretations/:id/feedback', { config: publicWriteLimit, schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const voted = votedIds(req);
    try {
      const input = parseInput(FeedbackSchema, withoutCsrf(req.body));
      if (!voted.includes(id)) {
        await tx(req, (trx) => recordFeedback(trx, req.user, id, input));
        // A session cookie (no max-age): gone when the browser closes, so it identifies nobody for long.
        reply.setCookie(VOTED_COOKIE, [...voted.slice(-49), id].join('.'), { path: '/interpretations', httpOnly: true, sameSite: 'lax', secure: app.config.cookieSecure });
      }
      return seeOther(reply, `/interpretations/${id}?feedback=thanks#feedback`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const values = withoutCsrf(req.body) as FormState['values'];
        return publicPage(req, reply, id, { values, errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  // ---------------- staff
  const editorData = async (req: FastifyRequest) => {
    const u = requireRole(req.user, 'editor', 'reviewer', 'admin');
    const admin = u.role === 'admin';
    const [policies, departments] = await Promise.all([departmentPolicyBriefs(db(), admin ? null : u.departmentIds), admin ? listDepartmentOptions(db(), req.locale) : Promise.resolve(null)]);
    return { policies: policies.map((p) => ({ id: p.id, title: p.title, status: p.status })), departments };
  };

  app.get('/admin/interpretations', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(InterpretationAdminQuery, req.query);
    const r = await service.listStaffInterpretations(db(), req.user, q.status, q.page);
    const titles = new Map((await policyBriefs(db(), [...new Set(r.rows.map((x) => x.policyId))])).map((p) => [p.id, p.title]));
    return sendPage(reply, <AdminInterpretationsPage ctx={viewContext(req)} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} status={q.status} policyTitles={titles} />);
  });

  app.get('/admin/interpretations/feedback', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(FeedbackSummaryQuery, req.query);
    const summary = await feedbackSummary(db(), req.user, q.sort);
    return sendPage(reply, <FeedbackResultsPage ctx={viewContext(req)} summary={summary} sort={q.sort ?? 'votes'} />);
  });

  app.get('/admin/interpretations/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const d = await editorData(req);
    const policyId = (req.query as Record<string, unknown>).policyId;
    const form = emptyForm({ policyId: typeof policyId === 'string' ? policyId : undefined, form: 'full' });
    return sendPage(reply, <InterpretationEditPage ctx={viewContext(req)} form={form} {...d} />);
  });

  app.post('/admin/interpretations/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const d = await editorData(req);
    return handleForm(
      req,
      reply,
      InterpretationSchema,
      (input, trx) => service.createInterpretation(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/interpretations/${id}?done=saved`),
      (form) => <InterpretationEditPage ctx={viewContext(req)} form={form} {...d} />,
    );
  });

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) => {
    const s = await service.getInterpretationForStaff(db(), req.user, id);
    const d = await editorData(req);
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' && /^[a-z]+$/.test(done) ? ctx.t(`interpretations.done.${done}` as MessageKey) : undefined;
    const i = s.interpretation;
    const base = toForm(i, s.qa);
    // The interpretation's own policy stays selectable even when the picker's list leaves it out.
    const policies = d.policies.some((p) => p.id === i.policyId) || !s.policy ? d.policies : [{ id: s.policy.id, title: s.policy.title, status: s.policy.status }, ...d.policies];
    return sendPage(
      reply,
      <InterpretationEditPage
        ctx={ctx}
        form={form ? { values: { ...base.values, ...form.values }, errors: form.errors } : base}
        policies={policies}
        departments={d.departments}
        notice={notice}
        interpretation={{ id: i.id, policyId: i.policyId, status: i.status, reviewNote: i.reviewNote, publishedOn: i.publishedOn, actions: s.actions }}
      />,
      status,
    );
  };

  app.get('/admin/interpretations/:id', { schema: { hide: true } }, async (req, reply) => editPage(req, reply, idOf(req)));

  /** Posts whose bad input re-renders the editor with the errors. */
  const formAction = <S extends z.ZodType>(path: string, schema: S, run: (req: FastifyRequest, id: number, input: z.output<S>) => Promise<unknown>, done: string) =>
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      try {
        const input = parseInput(schema, withoutCsrf(req.body));
        await run(req, id, input);
        return seeOther(reply, `/admin/interpretations/${id}?done=${done}`);
      } catch (err) {
        if (err instanceof AppError && err.fields.length > 0) {
          return editPage(req, reply, id, { values: withoutCsrf(req.body) as FormState['values'], errors: problemsByField(err.fields) }, 400);
        }
        throw err;
      }
    });
  formAction('/admin/interpretations/:id', InterpretationSchema, (req, id, input) => tx(req, (trx) => service.updateInterpretation(trx, actor(req), req.user, id, input)), 'saved');
  formAction('/admin/interpretations/:id/reject', InterpretationRejectSchema, (req, id, input) => tx(req, (trx) => service.rejectInterpretation(trx, actor(req), req.user, id, input.note)), 'reject');

  const steps = { submit: service.submitInterpretation, approve: service.approveInterpretation, withdraw: service.withdrawInterpretation } as const;
  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    app.post(`/admin/interpretations/:id/${action}`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      await tx(req, (trx) => steps[action](trx, actor(req), req.user, id));
      return seeOther(reply, `/admin/interpretations/${id}?done=${action}`);
    });
  }

  // ---------------- API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/policies/:id/interpretations',
    { schema: { tags: ['interpretations'], summary: 'A published policy’s published interpretations', params: z.object({ id: idParam }), response: { 200: z.object({ items: z.array(InterpretationOut) }) } } },
    async (req) => {
      const r = await service.publicInterpretationsOf(db(), req.params.id);
      return { items: r.rows.map((i) => presentInterpretation(i, r.qa.get(i.id) ?? [], r.policy.title)) };
    },
  );
  api.get('/api/v1/interpretations/feedback-summary', { schema: { tags: ['interpretations'], summary: 'Helpful votes, comments and the form-preference survey (staff)', querystring: FeedbackSummaryQuery, response: { 200: FeedbackSummaryOut } } }, async (req) =>
    feedbackSummary(db(), req.user, req.query.sort),
  );
  api.post('/api/v1/interpretations', { schema: { tags: ['interpretations'], summary: 'File an interpretation as a draft (editor)', body: InterpretationSchema, response: { 201: z.object({ id: z.number(), status: z.string() }) } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createInterpretation(trx, actor(req), req.user, req.body));
    return reply.status(201).send({ id, status: 'draft' });
  });
  for (const action of ['submit', 'approve', 'withdraw'] as const) {
    api.post(
      `/api/v1/interpretations/:id/${action}`,
      { schema: { tags: ['interpretations'], summary: `Workflow: ${action}`, params: z.object({ id: idParam }), response: { 200: z.object({ id: z.number(), status: z.string(), publishedOn: z.string().nullable() }) } } },
      async (req) => {
        const i = await tx(req, (trx) => steps[action](trx, actor(req), req.user, req.params.id));
        return { id: i.id, status: i.status, publishedOn: i.publishedOn };
      },
    );
  }
  api.post(
    '/api/v1/interpretations/:id/feedback',
    { config: publicWriteLimit, schema: { tags: ['interpretations'], summary: 'Was this interpretation helpful? (anonymous allowed)', params: z.object({ id: idParam }), body: FeedbackSchema, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => reply.status(201).send({ id: await tx(req, (trx) => recordFeedback(trx, req.user, req.params.id, req.body)) }),
  );
  api.post(
    '/api/v1/interpretations/survey',
    { config: publicWriteLimit, schema: { tags: ['interpretations'], summary: 'Answer the form-preference survey', body: SurveySchema, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => reply.status(201).send({ id: await tx(req, (trx) => recordSurvey(trx, req.body)) }),
  );
  api.get('/api/v1/interpretations/:id', { schema: { tags: ['interpretations'], summary: 'A published interpretation', params: z.object({ id: idParam }), response: { 200: InterpretationOut } } }, async (req) => {
    const d = await service.getPublicInterpretation(db(), req.params.id);
    return presentInterpretation(d.interpretation, d.qa, d.policy.title);
  });
}
