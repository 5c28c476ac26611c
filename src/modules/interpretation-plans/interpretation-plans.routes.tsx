import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { translate } from '../../platform/i18n/index.js';
import { todayInChina } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';
import { listDepartmentOptions } from '../departments/index.js';
import { LinkFormSchema, LinkSchema, PlanEntrySchema, ReturnSchema, TimetableQuery } from './interpretation-plans.schema.js';
import * as service from './interpretation-plans.service.js';
import { claimManualReminder, sendManualReminder } from './interpretation-plans.reminders.js';
import { EntryPage, NewEntryPage, TimetablePage } from './interpretation-plans.views.js';
import type { PlanEntryRow } from './interpretation-plans.repository.js';
import { toCsv } from '../../platform/csv.js';

const BASE = '/admin/interpretation-plans';
const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

function entryForm(e: PlanEntryRow): FormState {
  return emptyForm({
    year: String(e.year),
    departmentId: String(e.departmentId),
    policyId: e.policyId === null ? '' : String(e.policyId),
    plannedTitle: e.plannedTitle,
    expectedOn: e.expectedOn,
    forms: e.forms.split(',').filter(Boolean),
    channels: e.channels.split(',').filter(Boolean),
    interpreterName: e.interpreterName,
    interpreterPost: e.interpreterPost,
    outline: e.outline,
  });
}

const EntryOut = z.object({
  id: z.number(),
  year: z.number(),
  departmentId: z.number(),
  policyId: z.number().nullable(),
  title: z.string(),
  expectedOn: z.string(),
  due: z.string(),
  status: z.string(),
  state: z.string(),
  filedOn: z.string().nullable(),
  forms: z.array(z.string()),
  channels: z.array(z.string()),
  interpreterName: z.string(),
  interpreterPost: z.string(),
  firstInterpretationOn: z.string().nullable(),
  reminder: z.string().nullable(),
});
const present = (l: service.TimetableLine): z.infer<typeof EntryOut> => ({
  id: l.entry.id,
  year: l.entry.year,
  departmentId: l.entry.departmentId,
  policyId: l.entry.policyId,
  title: l.title,
  expectedOn: l.entry.expectedOn,
  due: l.due,
  status: l.status,
  state: l.entry.state,
  filedOn: l.entry.filedOn,
  forms: l.entry.forms.split(',').filter(Boolean),
  channels: l.entry.channels.split(',').filter(Boolean),
  interpreterName: l.entry.interpreterName,
  interpreterPost: l.entry.interpreterPost,
  firstInterpretationOn: l.firstInterpretationOn,
  reminder: l.reminder?.outcome ?? null,
});

/** Interpretation plans: the timetable, the entry editor, filing, sending back, reminders, CSV and JSON. */
export function interpretationPlanRoutes(mailer: Mailer) {
  return async (app: FastifyInstance): Promise<void> => {
    const db = () => app.db.kysely;
    const departmentsFor = async (req: FastifyRequest) => (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id));

    app.get(BASE, { schema: { hide: true } }, async (req, reply) => {
      const f = parseInput(TimetableQuery, req.query);
      const data = await service.timetable(db(), req.user, f);
      return sendPage(reply, <TimetablePage ctx={viewContext(req)} filter={f} data={data} departments={await departmentsFor(req)} />);
    });

    app.get(`${BASE}.csv`, { schema: { hide: true } }, async (req, reply) => {
      const f = parseInput(TimetableQuery, req.query);
      const data = await service.timetable(db(), req.user, f);
      const t = (key: string) => translate(req.locale, key);
      const names = new Map((await departmentsFor(req)).map((d) => [d.id, d.name]));
      const rows = [
        [t('plans.due'), t('plans.policy'), t('plans.department'), t('plans.status'), t('plans.state'), t('plans.interpreter_name'), t('plans.interpreter_post'), t('plans.reminder')],
        ...data.lines.map((l) => [l.due, l.title, names.get(l.entry.departmentId) ?? '', t(`plans.status.${l.status}`), t(`plans.state.${l.entry.state}`), l.entry.interpreterName, l.entry.interpreterPost, l.reminder ? t(`plans.outcome.${l.reminder.outcome}`) : '']),
      ];
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="interpretation-plans-${data.year}.csv"`).send(toCsv(rows));
    });

    app.get(`${BASE}/new`, { schema: { hide: true } }, async (req, reply) => {
      requireRole(req.user, 'editor', 'admin');
      const departments = await departmentsFor(req);
      const form = emptyForm({ year: todayInChina().slice(0, 4), departmentId: departments.length === 1 ? String(departments[0]!.id) : undefined, forms: ['full'], channels: ['portal'] });
      return sendPage(reply, <NewEntryPage ctx={viewContext(req)} form={form} departments={departments} />);
    });

    app.post(`${BASE}/new`, { schema: { hide: true } }, async (req, reply) => {
      requireRole(req.user, 'editor', 'admin');
      const departments = await departmentsFor(req);
      return handleForm(
        req,
        reply,
        PlanEntrySchema,
        (input, trx) => service.createEntry(trx, actor(req), req.user, input),
        (id) => seeOther(reply, `${BASE}/${id}?done=saved`),
        (form) => <NewEntryPage ctx={viewContext(req)} form={form} departments={departments} />,
      );
    });

    const entryPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) => {
      const d = await service.getEntry(db(), req.user, id);
      const [line] = await service.timetableLines(db(), { entries: [d.entry] }, todayInChina());
      const ctx = viewContext(req);
      const q = req.query as Record<string, unknown>;
      const done = typeof q.done === 'string' && /^[a-z]+$/.test(q.done) ? q.done : undefined;
      const outcome = typeof q.outcome === 'string' && /^[a-z_]+$/.test(q.outcome) ? ctx.t(`plans.outcome.${q.outcome}` as 'plans.outcome.sent') : '';
      const notice = done ? ctx.t(`plans.done.${done}` as 'plans.done.saved', { outcome }) : undefined;
      const base = entryForm(d.entry);
      const canEdit = req.user !== null && req.user.role !== 'reviewer' && canActInDepartment(req.user, d.entry.departmentId);
      return sendPage(
        reply,
        <EntryPage ctx={ctx} form={form ? { values: { ...base.values, ...form.values }, errors: form.errors } : base} departments={await departmentsFor(req)} entry={d.entry} line={line!} reminders={d.reminders} notice={notice} canEdit={canEdit} />,
        status,
      );
    };

    app.get(`${BASE}/:id`, { schema: { hide: true } }, async (req, reply) => entryPage(req, reply, idOf(req)));

    /** Posts whose bad input re-renders the entry page with the errors beside the fields. */
    const formAction = <S extends z.ZodType>(path: string, schema: S, run: (req: FastifyRequest, id: number, input: z.output<S>) => Promise<unknown>, done: string) =>
      app.post(`${BASE}/:id${path}`, { schema: { hide: true } }, async (req, reply) => {
        const id = idOf(req);
        try {
          const input = parseInput(schema, withoutCsrf(req.body));
          await run(req, id, input);
          return seeOther(reply, `${BASE}/${id}?done=${done}`);
        } catch (err) {
          if (err instanceof AppError && err.fields.length > 0) {
            return entryPage(req, reply, id, { values: withoutCsrf(req.body) as FormState['values'], errors: problemsByField(err.fields) }, err.status);
          }
          throw err;
        }
      });
    // Each run() opens its own transaction, so an action commits whole or not at all.
    formAction('', PlanEntrySchema, (req, id, input) => tx(req, (trx) => service.updateEntry(trx, actor(req), req.user, id, input)), 'saved');
    formAction('/return', ReturnSchema, (req, id, input) => tx(req, (trx) => service.returnEntry(trx, actor(req), req.user, id, input.note)), 'returned');
    formAction(
      '/link',
      LinkFormSchema,
      (req, id, input) =>
        tx(req, (trx) => service.linkPolicy(trx, actor(req), req.user, id, input.linkPolicyId)).catch((err: unknown) => {
          // The service names the field policyId; on this page the link form's field is linkPolicyId.
          if (err instanceof AppError && err.fields.length > 0) {
            throw new AppError(err.code, err.params, err.fields.map((f) => ({ ...f, field: f.field === 'policyId' ? 'linkPolicyId' : f.field })));
          }
          throw err;
        }),
      'linked',
    );

    app.post(`${BASE}/:id/file`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      await tx(req, (trx) => service.fileEntry(trx, actor(req), req.user, id));
      return seeOther(reply, `${BASE}/${id}?done=filed`);
    });

    app.post(`${BASE}/:id/remind`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      const claimed = await tx(req, (trx) => claimManualReminder(trx, actor(req), req.user, id));
      const outcome = await sendManualReminder(db(), mailer, claimed, app.config.publicUrl);
      return seeOther(reply, `${BASE}/${id}?done=reminded&outcome=${outcome}`);
    });

    // ---------------- API
    const api = app.withTypeProvider<ZodTypeProvider>();
    api.get('/api/v1/interpretation-plans', { schema: { tags: ['interpretation-plans'], summary: 'The interpretation timetable (staff; departments see their own)', querystring: TimetableQuery, response: { 200: z.object({ year: z.number(), counts: z.record(z.string(), z.number()), items: z.array(EntryOut) }) } } }, async (req) => {
      const d = await service.timetable(db(), req.user, req.query);
      return { year: d.year, counts: d.counts, items: d.lines.map(present) };
    });
    api.post('/api/v1/interpretation-plans', { schema: { tags: ['interpretation-plans'], summary: 'Add a plan entry (draft)', body: PlanEntrySchema, response: { 201: EntryOut } } }, async (req, reply) => {
      const id = await tx(req, (trx) => service.createEntry(trx, actor(req), req.user, req.body));
      const d = await service.getEntry(db(), req.user, id);
      const [line] = await service.timetableLines(db(), { entries: [d.entry] }, todayInChina());
      return reply.status(201).send(present(line!));
    });
    api.put('/api/v1/interpretation-plans/:id', { schema: { tags: ['interpretation-plans'], summary: 'Edit a plan entry', params: z.object({ id: idParam }), body: PlanEntrySchema, response: { 200: z.object({ id: z.number() }) } } }, async (req) => {
      await tx(req, (trx) => service.updateEntry(trx, actor(req), req.user, req.params.id, req.body));
      return { id: req.params.id };
    });
    api.post('/api/v1/interpretation-plans/:id/file', { schema: { tags: ['interpretation-plans'], summary: 'File an entry with the general office', params: z.object({ id: idParam }), response: { 200: z.object({ id: z.number(), state: z.string() }) } } }, async (req) => {
      await tx(req, (trx) => service.fileEntry(trx, actor(req), req.user, req.params.id));
      return { id: req.params.id, state: 'filed' };
    });
    api.post('/api/v1/interpretation-plans/:id/link', { schema: { tags: ['interpretation-plans'], summary: 'Link an entry to its policy', params: z.object({ id: idParam }), body: LinkSchema, response: { 200: z.object({ id: z.number() }) } } }, async (req) => {
      await tx(req, (trx) => service.linkPolicy(trx, actor(req), req.user, req.params.id, req.body.policyId));
      return { id: req.params.id };
    });
  };
}
