import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { emptyForm, label, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import { commentFormData, listPublic, publicDraft, publicReport, roundDiff } from './consultations.read.js';
import { submitComment } from './consultations.comments.js';
import { reportCsv } from './consultations.report.js';
import { presentDraft, presentRound } from './consultations.presenter.js';
import { CommentSchema } from './consultations.schema.js';
import { CommentPage, DiffPage, DraftPage, ListPage } from './consultations.views.js';
import { ReportPage } from './consultations.report-views.js';
import { ApiComment, ApiDraft, ApiList, ApiReport } from './consultations.api-schema.js';

// Comments come from anyone: a per-IP limit keeps one sender from flooding the moderation queue.
const commentLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const DraftParams = z.object({ id: idParam });
const RoundParams = z.object({ id: idParam, seq: z.coerce.number().int().min(1).max(1000) });

/** A published report, from the route's parameters. */
function reportOf(req: FastifyRequest) {
  const { id, seq } = parseInput(RoundParams, req.params);
  return publicReport(req.server.db.kysely, id, seq, req.locale);
}

/** The public pages and the JSON API of consultations. */
export async function consultationsPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/consultations', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <ListPage ctx={viewContext(req)} data={await listPublic(db(), todayInChina())} />));

  app.get('/consultations/:id', { schema: { hide: true } }, async (req, reply) => {
    const { id } = parseInput(DraftParams, req.params);
    const sent = (req.query as Record<string, unknown>).sent === '1';
    return sendPage(reply, <DraftPage ctx={viewContext(req)} data={await publicDraft(db(), id, undefined, todayInChina(), req.locale)} sent={sent} />);
  });

  app.get('/consultations/:id/rounds/:seq', { schema: { hide: true } }, async (req, reply) => {
    const { id, seq } = parseInput(RoundParams, req.params);
    return sendPage(reply, <DraftPage ctx={viewContext(req)} data={await publicDraft(db(), id, seq, todayInChina(), req.locale)} sent={false} />);
  });

  /** The comment form of an open round; the returned function draws it with a form state. */
  const commentForm = async (req: FastifyRequest) => {
    const { id, seq } = parseInput(RoundParams, req.params);
    const { data, enterpriseName } = await commentFormData(db(), req.user, id, seq, todayInChina(), req.locale);
    return (form: FormState) => <CommentPage ctx={viewContext(req)} form={form} data={data} enterpriseName={enterpriseName} />;
  };

  app.get('/consultations/:id/rounds/:seq/comment', { schema: { hide: true } }, async (req, reply) => {
    const article = (req.query as Record<string, unknown>).article;
    return sendPage(reply, (await commentForm(req))(emptyForm({ articleId: typeof article === 'string' ? article : undefined })));
  });

  app.post('/consultations/:id/rounds/:seq/comments', { config: commentLimit, schema: { hide: true } }, async (req, reply) => {
    const { id, seq } = parseInput(RoundParams, req.params);
    return handleForm(
      req,
      reply,
      CommentSchema,
      (input, trx) => submitComment(trx, req.user, id, seq, input, todayInChina()),
      () => seeOther(reply, `/consultations/${id}?sent=1`),
      await commentForm(req),
    );
  });

  app.get('/consultations/:id/rounds/:seq/diff', { schema: { hide: true } }, async (req, reply) => {
    const { id, seq } = parseInput(RoundParams, req.params);
    return sendPage(reply, <DiffPage ctx={viewContext(req)} data={await roundDiff(db(), id, seq)} />);
  });

  app.get('/consultations/:id/rounds/:seq/report', { schema: { hide: true } }, async (req, reply) => {
    const { data, report } = await reportOf(req);
    const print = (req.query as Record<string, unknown>).print === '1';
    return sendPage(reply, <ReportPage ctx={viewContext(req)} data={data} report={report} print={print} />);
  });

  app.get('/consultations/:id/rounds/:seq/report.csv', { schema: { hide: true } }, async (req, reply) => {
    const { data, report } = await reportOf(req);
    const ctx = viewContext(req);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="consultation-${data.draft.id}-round-${data.round.seq}-report.csv"`)
      .send(reportCsv(report, (k) => label(ctx, k)));
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/consultations', { schema: { tags: ['consultations'], summary: 'Published consultations: open now, upcoming, closed', response: { 200: ApiList } } }, async () => listPublic(db(), todayInChina()));

  api.get(
    '/api/v1/consultations/:id',
    { schema: { tags: ['consultations'], summary: 'A published draft: its rounds, and one round (default the latest) with its articles and published comments', params: DraftParams, querystring: z.object({ round: z.coerce.number().int().min(1).optional() }), response: { 200: ApiDraft } } },
    async (req) => {
      const d = await publicDraft(db(), req.params.id, req.query.round, todayInChina(), req.locale);
      return {
        draft: presentDraft(d.draft, d.department),
        rounds: d.rounds.map((r) => ({ ...presentRound(d.draft.id, r.round, r.state), comments: r.comments })),
        round: presentRound(d.draft.id, d.round, d.state),
        articles: d.articles,
        general: d.general,
      };
    },
  );

  api.post(
    '/api/v1/consultations/:id/rounds/:seq/comments',
    { config: commentLimit, schema: { tags: ['consultations'], summary: 'Comment on an article (or the draft as a whole) of an open round; published after moderation', params: RoundParams, body: CommentSchema, response: { 201: ApiComment } } },
    async (req, reply) => {
      const r = await tx(req, (trx) => submitComment(trx, req.user, req.params.id, req.params.seq, req.body, todayInChina()));
      return reply.status(201).send({ id: r.id, status: 'pending' as const, url: `/consultations/${req.params.id}/rounds/${req.params.seq}` });
    },
  );

  api.get(
    '/api/v1/consultations/:id/rounds/:seq/report',
    { schema: { tags: ['consultations'], summary: "A round's published adoption report (采纳情况报告)", params: RoundParams, response: { 200: ApiReport } } },
    async (req) => {
      const { data, report } = await reportOf(req);
      return { draft: presentDraft(data.draft, data.department), round: presentRound(data.draft.id, data.round, 'reported'), summary: data.round.reportSummary, ...report, events: report.events.map((e) => ({ id: e.id, kind: e.kind, title: e.title, heldOn: e.heldOn, participants: e.participants })) };
    },
  );
}
