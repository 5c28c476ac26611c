import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idList, idParam } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import { listDepartmentOptions } from '../departments/index.js';
import { staffReport } from './consultations.read.js';
import { ReportPage } from './consultations.report-views.js';
import * as service from './consultations.service.js';
import * as comments from './consultations.comments.js';
import { commentForStaff, draftForStaff, eventForStaff, listDraftsForStaff, roundForStaff } from './consultations.staff.js';
import { requireConsultationStaff } from './consultations.policy.js';
import { ArticleOpSchema, ArticleSchema, DecisionSchema, DraftSchema, EventSchema, EventSuggestionSchema, InsertSchema, PasteSchema, PeriodSchema, RejectSchema, ReportSchema, RoundSchema } from './consultations.schema.js';
import { StaffDraftPage, StaffListPage, type ActionError } from './consultations.admin-views.js';
import { StaffArticlePage, StaffRoundPage } from './consultations.round-views.js';
import { StaffCommentPage, StaffCommentsPage, StaffEventPage } from './consultations.queue-views.js';

const param = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);
const doneOf = (req: FastifyRequest) => (req.query as Record<string, unknown>).done;

/** A page whose forms re-show with the failed one's problems (having written nothing). */
type Render = (error?: ActionError) => VNode;

/** The staff pages of consultations: drafts, rounds, articles, events, moderation, decisions and reports. */
export async function consultationsAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const departments = async (req: FastifyRequest) => {
    const u = requireConsultationStaff(req.user);
    return (await listDepartmentOptions(db(), req.locale)).filter((d) => u.role === 'admin' || u.departmentIds.includes(d.id)).map((d) => ({ value: String(d.id), label: d.name }));
  };

  /** One form post on a multi-form page: validate, run in a transaction, redirect; on bad input re-show the page. */
  const step = <S extends z.ZodType>(path: string, action: string, schema: S, run: (trx: Executor, req: FastifyRequest, input: z.output<S>) => Promise<unknown>, page: (req: FastifyRequest) => Promise<Render>, next: (req: FastifyRequest, result: unknown) => string) =>
    app.post(path, { schema: { hide: true } }, async (req, reply: FastifyReply) => {
      const render = await page(req);
      return handleForm(
        req,
        reply,
        schema,
        (input, trx) => run(trx, req, input),
        (result) => seeOther(reply, next(req, result)),
        (form: FormState) => render({ action, form }),
      );
    });

  // ---------------- drafts
  const listPage = async (req: FastifyRequest) => {
    const [drafts, depts] = await Promise.all([listDraftsForStaff(db(), req.user), departments(req)]);
    return (form: FormState) => <StaffListPage ctx={viewContext(req)} drafts={drafts} form={form} departments={depts} />;
  };
  app.get('/admin/consultations', { schema: { hide: true } }, async (req, reply) => {
    const depts = await departments(req);
    return sendPage(reply, (await listPage(req))(emptyForm({ status: 'draft', departmentId: depts.length === 1 ? depts[0]!.value : undefined })));
  });
  app.post('/admin/consultations', { schema: { hide: true } }, async (req, reply) =>
    handleForm(req, reply, DraftSchema, (input, trx) => service.createDraft(trx, actor(req), req.user, input), (id) => seeOther(reply, `/admin/consultations/${id}?done=saved`), await listPage(req)),
  );

  const draftPage = async (req: FastifyRequest): Promise<Render> => {
    const [data, depts] = await Promise.all([draftForStaff(db(), req.user, param(req, 'id'), todayInChina()), departments(req)]);
    return (error) => <StaffDraftPage ctx={viewContext(req)} data={data} departments={depts} error={error} done={error ? undefined : doneOf(req)} />;
  };
  app.get('/admin/consultations/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await draftPage(req))()));
  step('/admin/consultations/:id', 'edit', DraftSchema, (trx, req, input) => service.updateDraft(trx, actor(req), req.user, param(req, 'id'), input), draftPage, (req) => `/admin/consultations/${param(req, 'id')}?done=saved`);
  step('/admin/consultations/:id/rounds', 'round', RoundSchema, (trx, req, input) => service.createRound(trx, actor(req), req.user, param(req, 'id'), input), draftPage, (_req, id) => `/admin/consultations/rounds/${String(id)}?done=round`);

  // ---------------- a round and its articles
  const roundPage = async (req: FastifyRequest): Promise<Render> => {
    const data = await roundForStaff(db(), req.user, param(req, 'roundId'), todayInChina());
    return (error) => <StaffRoundPage ctx={viewContext(req)} data={data} error={error} done={error ? undefined : doneOf(req)} />;
  };
  const toRound = (req: FastifyRequest) => `/admin/consultations/rounds/${param(req, 'roundId')}?done=saved`;
  const base = '/admin/consultations/rounds/:roundId';
  app.get(base, { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await roundPage(req))()));
  step(`${base}/period`, 'period', PeriodSchema, (trx, req, input) => service.updatePeriod(trx, actor(req), req.user, param(req, 'roundId'), input, todayInChina()), roundPage, toRound);
  step(`${base}/articles`, 'insert', InsertSchema, (trx, req, input) => service.addArticle(trx, actor(req), req.user, param(req, 'roundId'), input, todayInChina()), roundPage, toRound);
  step(`${base}/articles/op`, 'op', ArticleOpSchema, (trx, req, input) => service.changeArticles(trx, actor(req), req.user, param(req, 'roundId'), input, todayInChina()), roundPage, toRound);
  step(`${base}/paste`, 'paste', PasteSchema, (trx, req, input) => service.pasteText(trx, actor(req), req.user, param(req, 'roundId'), input.text, todayInChina()), roundPage, toRound);
  step(`${base}/events`, 'event', EventSchema, (trx, req, input) => comments.createEvent(trx, actor(req), req.user, param(req, 'roundId'), input), roundPage, (_req, id) => `/admin/consultations/events/${String(id)}?done=event`);

  const articlePage = async (req: FastifyRequest): Promise<Render> => {
    const data = await roundForStaff(db(), req.user, param(req, 'roundId'), todayInChina());
    const number = param(req, 'number');
    if (!data.editable || !data.articles[number - 1]) {
      throw new AppError('not_found');
    }
    return (error) => <StaffArticlePage ctx={viewContext(req)} data={data} number={number} error={error} />;
  };
  app.get(`${base}/articles/:number`, { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await articlePage(req))()));
  step(`${base}/articles/:number`, 'edit', ArticleSchema, (trx, req, input) => service.editArticle(trx, actor(req), req.user, param(req, 'roundId'), param(req, 'number'), input, todayInChina()), articlePage, toRound);

  // ---------------- moderation, decisions, report
  const commentsPage = async (req: FastifyRequest): Promise<Render> => {
    const data = await roundForStaff(db(), req.user, param(req, 'roundId'), todayInChina());
    return (error) => <StaffCommentsPage ctx={viewContext(req)} data={data} error={error} done={error ? undefined : doneOf(req)} />;
  };
  const toComments = (done: string) => (req: FastifyRequest) => `/admin/consultations/rounds/${param(req, 'roundId')}/comments?done=${done}`;
  app.get(`${base}/comments`, { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await commentsPage(req))()));
  step(`${base}/publish`, 'publish', z.strictObject({ ids: idList }), (trx, req, input) => (input.ids.length ? comments.publishComments(trx, actor(req), req.user, input.ids) : Promise.resolve()), commentsPage, toComments('published'));
  step(`${base}/decide`, 'decide', DecisionSchema, (trx, req, input) => comments.decideComments(trx, actor(req), req.user, input), commentsPage, toComments('decided'));
  step(`${base}/report`, 'report', ReportSchema, (trx, req, input) => comments.publishReport(trx, actor(req), req.user, param(req, 'roundId'), input.summary ?? '', todayInChina()), commentsPage, toComments('report'));

  app.get(`${base}/report`, { schema: { hide: true } }, async (req, reply) => {
    const { data, report } = await staffReport(db(), req.user, param(req, 'roundId'), req.locale);
    return sendPage(reply, <ReportPage ctx={viewContext(req)} data={data} report={report} print={false} preview={!data.round.reportPublishedAt} />);
  });

  const commentPage = async (req: FastifyRequest): Promise<Render> => {
    const { comment, data } = await commentForStaff(db(), req.user, param(req, 'id'), todayInChina());
    return (error) => <StaffCommentPage ctx={viewContext(req)} data={data} comment={comment} error={error} />;
  };
  const backToQueue = (roundId: number, done: string) => `/admin/consultations/rounds/${roundId}/comments?done=${done}`;
  app.get('/admin/consultations/comments/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await commentPage(req))()));
  app.post('/admin/consultations/comments/:id/publish', { schema: { hide: true } }, async (req, reply) => {
    const roundId = await tx(req, (trx) => comments.publishComments(trx, actor(req), req.user, [param(req, 'id')]));
    return seeOther(reply, backToQueue(roundId, 'published'));
  });
  app.post('/admin/consultations/comments/:id/reject', { schema: { hide: true } }, async (req, reply) => {
    const render = await commentPage(req);
    return handleForm(req, reply, RejectSchema, (input, trx) => comments.rejectComment(trx, actor(req), req.user, param(req, 'id'), input), (roundId) => seeOther(reply, backToQueue(roundId, 'rejected')), (form) => render({ action: 'reject', form }));
  });

  // ---------------- events
  const eventPage = async (req: FastifyRequest): Promise<Render> => {
    const { event, data } = await eventForStaff(db(), req.user, param(req, 'id'), todayInChina());
    return (error) => <StaffEventPage ctx={viewContext(req)} data={data} event={event} error={error} done={error ? undefined : doneOf(req)} />;
  };
  app.get('/admin/consultations/events/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await eventPage(req))()));
  step('/admin/consultations/events/:id/suggestions', 'suggestion', EventSuggestionSchema, (trx, req, input) => comments.addEventSuggestion(trx, actor(req), req.user, param(req, 'id'), input), eventPage, (req) => `/admin/consultations/events/${param(req, 'id')}?done=suggestion`);
}
