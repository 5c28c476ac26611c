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
import { listDepartmentOptions } from '../departments/index.js';
import { requireRole } from '../accounts/index.js';
import * as service from './dialogues.service.js';
import { AnswerSchema, DialogueListQuery, DialogueSchema, QuestionSchema, RejectQuestionSchema } from './dialogues.schema.js';
import { DialogueListPage, DialoguePage } from './dialogues.views.js';
import { AdminDialoguesPage, EditDialoguePage, NewDialoguePage, type QuestionFormError } from './dialogues.admin-views.js';
import { presentListItem, presentPublicDialogue } from './dialogues.presenter.js';
import { formatGuests } from './dialogues.guests.js';
import { isoToChinaLocal } from '../../platform/clock.js';

// Questions come from anyone: a per-IP limit keeps one sender from flooding the moderation queue.
const questionLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const param = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);

const GuestOut = z.object({ name: z.string(), post: z.string() });
const PhaseOut = z.enum(['upcoming', 'live', 'archived']);
const ListItemOut = z.object({ id: z.number(), departmentId: z.number(), topic: z.string(), summary: z.string(), startsAt: z.string(), endsAt: z.string(), phase: PhaseOut, guests: z.array(GuestOut), url: z.string() });
const QuestionOut = z.object({
  id: z.number(),
  askerName: z.string(),
  body: z.string(),
  submittedAt: z.string(),
  status: z.enum(['approved', 'answered']),
  answer: z.object({ text: z.string(), guestName: z.string(), guestPost: z.string(), answeredAt: z.string().nullable() }).nullable(),
});
const DialogueOut = z.object({
  id: z.number(),
  departmentId: z.number(),
  topic: z.string(),
  description: z.string(),
  summary: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  phase: PhaseOut,
  acceptsQuestions: z.boolean(),
  videoUrl: z.string().nullable(),
  replayUrl: z.string().nullable(),
  transcript: z.string().nullable(),
  guests: z.array(GuestOut),
  policies: z.array(z.object({ id: z.number(), indexNo: z.string(), title: z.string(), docNumber: z.string(), url: z.string() })),
  questions: z.array(QuestionOut),
});

/** Public pages, the staff pages and the JSON API of online dialogues. */
export async function dialoguesRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  // ---------------- public pages
  app.get('/dialogues', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(DialogueListQuery, req.query);
    const r = await service.listPublicDialogues(db(), q.page);
    return sendPage(reply, <DialogueListPage ctx={viewContext(req)} {...r} />);
  });

  const publicPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form: FormState = emptyForm(), status = 200) => {
    const data = await service.getPublicDialogue(db(), id);
    const asked = (req.query as Record<string, unknown>).asked === '1';
    return sendPage(reply, <DialoguePage ctx={viewContext(req)} data={data} form={form} asked={asked} />, status);
  };

  app.get('/dialogues/:id', { schema: { hide: true } }, async (req, reply) => publicPage(req, reply, param(req, 'id')));

  app.post('/dialogues/:id/questions', { config: questionLimit, schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    try {
      const input = parseInput(QuestionSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.submitQuestion(trx, id, input));
      return seeOther(reply, `/dialogues/${id}?asked=1`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const body = withoutCsrf(req.body);
        const str = (v: unknown) => (typeof v === 'string' ? v : '');
        return publicPage(req, reply, id, { values: { askerName: str(body.askerName), contact: str(body.contact), body: str(body.body) }, errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  // ---------------- staff
  const departments = async (req: FastifyRequest) =>
    (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id));

  app.get('/admin/dialogues', { schema: { hide: true } }, async (req, reply) => {
    const rows = await service.listStaffDialogues(db(), req.user);
    return sendPage(reply, <AdminDialoguesPage ctx={viewContext(req)} rows={rows} />);
  });

  app.get('/admin/dialogues/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const deps = await departments(req);
    const form = emptyForm({ departmentId: deps.length === 1 ? String(deps[0]!.id) : undefined });
    return sendPage(reply, <NewDialoguePage ctx={viewContext(req)} form={form} departments={deps} />);
  });

  app.post('/admin/dialogues/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const deps = await departments(req);
    return handleForm(
      req,
      reply,
      DialogueSchema,
      (input, trx) => service.createDialogue(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/dialogues/${id}?done=saved`),
      (form) => <NewDialoguePage ctx={viewContext(req)} form={form} departments={deps} />,
    );
  });

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, opts: { form?: FormState; questionError?: QuestionFormError; status?: number } = {}) => {
    const data = await service.getDialogueForStaff(db(), req.user, id);
    const ctx = viewContext(req);
    const d = data.dialogue;
    const form =
      opts.form ??
      emptyForm({
        departmentId: String(d.departmentId),
        topic: d.topic,
        description: d.description,
        startsAt: isoToChinaLocal(d.startsAt),
        endsAt: isoToChinaLocal(d.endsAt),
        guests: formatGuests(data.guests),
        policies: data.policies.map((p) => p.indexNo).join('\n'),
        videoUrl: d.videoUrl,
        replayUrl: d.replayUrl,
        summary: d.summary,
        transcript: d.transcript,
      });
    const done = (req.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' && ['saved', 'published', 'approved', 'rejected', 'answered'].includes(done) ? ctx.t(`dialogues.done.${done}` as 'dialogues.done.saved') : undefined;
    return sendPage(reply, <EditDialoguePage ctx={ctx} form={form} departments={await departments(req)} data={data} notice={notice} questionError={opts.questionError} />, opts.status ?? 200);
  };

  app.get('/admin/dialogues/:id', { schema: { hide: true } }, async (req, reply) => editPage(req, reply, param(req, 'id')));

  app.post('/admin/dialogues/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    try {
      const input = parseInput(DialogueSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.updateDialogue(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/dialogues/${id}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const values = withoutCsrf(req.body) as FormState['values'];
        return editPage(req, reply, id, { form: { values, errors: problemsByField(err.fields) }, status: err.status });
      }
      throw err;
    }
  });

  app.post('/admin/dialogues/:id/publish', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    await tx(req, (trx) => service.publishDialogue(trx, actor(req), req.user, id));
    return seeOther(reply, `/admin/dialogues/${id}?done=published`);
  });

  app.post('/admin/dialogues/:id/questions/:qid/approve', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    await tx(req, (trx) => service.approveQuestion(trx, actor(req), req.user, id, param(req, 'qid')));
    return seeOther(reply, `/admin/dialogues/${id}?done=approved`);
  });

  // Reject and answer re-show the staff page with the problem beside that question's fields.
  const questionAction = (name: 'reject' | 'answer') =>
    app.post(`/admin/dialogues/:id/questions/:qid/${name}`, { schema: { hide: true } }, async (req, reply) => {
      const id = param(req, 'id');
      const qid = param(req, 'qid');
      try {
        if (name === 'reject') {
          const { reason } = parseInput(RejectQuestionSchema, withoutCsrf(req.body));
          await tx(req, (trx) => service.rejectQuestion(trx, actor(req), req.user, id, qid, reason));
          return seeOther(reply, `/admin/dialogues/${id}?done=rejected#moderation-h`);
        }
        const input = parseInput(AnswerSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.answerQuestion(trx, actor(req), req.user, id, qid, input));
        return seeOther(reply, `/admin/dialogues/${id}?done=answered#q-${qid}`);
      } catch (err) {
        if (err instanceof AppError && err.fields.length > 0) {
          const values: Record<string, string> = {};
          for (const [k, v] of Object.entries(withoutCsrf(req.body))) {
            if (typeof v === 'string') {
              values[k] = v;
            }
          }
          return editPage(req, reply, id, { questionError: { questionId: qid, errors: problemsByField(err.fields), values }, status: err.status });
        }
        throw err;
      }
    });
  questionAction('reject');
  questionAction('answer');

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/dialogues',
    {
      schema: {
        tags: ['dialogues'],
        summary: 'Public online dialogues: upcoming and live first, then the archive',
        querystring: DialogueListQuery,
        response: { 200: z.object({ items: z.array(ListItemOut), total: z.number(), page: z.number(), pageCount: z.number() }) },
      },
    },
    async (req) => {
      const r = await service.listPublicDialogues(db(), req.query.page);
      return { items: r.rows.map(presentListItem), total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );

  api.get(
    '/api/v1/dialogues/:id',
    { schema: { tags: ['dialogues'], summary: 'A public dialogue with its published questions and answers', params: z.object({ id: idParam }), response: { 200: DialogueOut } } },
    async (req) => presentPublicDialogue(await service.getPublicDialogue(db(), req.params.id)),
  );

  api.post(
    '/api/v1/dialogues/:id/questions',
    {
      config: questionLimit,
      schema: {
        tags: ['dialogues'],
        summary: 'Send a question (published after moderation)',
        params: z.object({ id: idParam }),
        body: QuestionSchema,
        response: { 201: z.object({ id: z.number(), status: z.literal('pending') }) },
      },
    },
    async (req, reply) => {
      const id = await tx(req, (trx) => service.submitQuestion(trx, req.params.id, req.body));
      return reply.status(201).send({ id, status: 'pending' as const });
    },
  );
}
