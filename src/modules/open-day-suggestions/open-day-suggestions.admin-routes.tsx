import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Executor } from '../../http/context.js';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { emptyForm, label, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import { listDepartmentOptions } from '../departments/index.js';
import { pointByCode } from '../open-days/index.js';
import * as service from './open-day-suggestions.service.js';
import * as measures from './open-day-suggestions.measures.js';
import { getForStaff, listForStaff } from './open-day-suggestions.staff.js';
import { campaignOptions } from './open-day-suggestions.repository.js';
import { requireSuggestionStaff } from './open-day-suggestions.policy.js';
import { AnswerSchema, MeasureSchema, MergeSchema, OutcomeSchema, RejectSchema, RouteSchema, SplitSchema, StaffQuery } from './open-day-suggestions.schema.js';
import { StaffListPage, StaffSuggestionPage, doneNotice, type ActionError } from './open-day-suggestions.admin-views.js';
import { StaffMeasurePage, StaffMeasuresPage, SuggestQrPage } from './open-day-suggestions.measure-views.js';
import { pointSuggestUrl, qrSvg } from './open-day-suggestions.qr.js';

const param = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);
const PointParams = z.object({ code: z.string().trim().min(1).max(30) });

/** The staff pages: the suggestion queues and each step, measures, and the points' QR codes. */
export async function suggestionsAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/admin/open-days/suggestions', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(StaffQuery, req.query);
    const today = todayInChina();
    const data = await listForStaff(db(), req.user, q, today);
    return sendPage(reply, <StaffListPage ctx={viewContext(req)} data={data} today={today} campaign={q.campaign} department={q.department} />);
  });

  /** Reads the page's data once; the returned function draws it, with a failed step's form when there is one. */
  const detailView = async (req: FastifyRequest, id: number) => {
    const data = await getForStaff(db(), req.user, id);
    const ctx = viewContext(req);
    const notice = doneNotice(ctx, (req.query as Record<string, unknown>).done);
    return (error?: ActionError) => <StaffSuggestionPage ctx={ctx} data={data} today={todayInChina()} notice={error ? undefined : notice} error={error} />;
  };

  app.get('/admin/open-days/suggestions/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await detailView(req, param(req, 'id')))()));

  app.post('/admin/open-days/suggestions/:id/publish', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    await tx(req, (trx) => service.publishSuggestion(trx, actor(req), req.user, id));
    return seeOther(reply, `/admin/open-days/suggestions/${id}?done=published`);
  });

  // Each step's form re-shows the page with its problems beside its fields, having written nothing.
  const step = <S extends z.ZodType>(name: ActionError['action'], done: string, schema: S, run: (trx: Executor, req: FastifyRequest, id: number, input: z.output<S>) => Promise<unknown>) =>
    app.post(`/admin/open-days/suggestions/:id/${name}`, { schema: { hide: true } }, async (req, reply) => {
      const id = param(req, 'id');
      const render = await detailView(req, id);
      return handleForm(
        req,
        reply,
        schema,
        (input, trx) => run(trx, req, id, input),
        () => seeOther(reply, `/admin/open-days/suggestions/${id}?done=${done}`),
        (form) => render({ action: name, form }),
      );
    });
  step('reject', 'rejected', RejectSchema, (trx, req, id, input) => service.rejectSuggestion(trx, actor(req), req.user, id, input));
  step('merge', 'merged', MergeSchema, (trx, req, id, input) => service.mergeSuggestion(trx, actor(req), req.user, id, input.target));
  step('split', 'split', SplitSchema, (trx, req, id, parts) => service.splitSuggestion(trx, actor(req), req.user, id, parts));
  step('route', 'routed', RouteSchema, (trx, req, id, input) => service.routeSuggestion(trx, actor(req), req.user, id, input.departmentId));
  step('answer', 'answered', AnswerSchema, (trx, req, id, input) => service.answerSuggestion(trx, actor(req), req.user, id, input));
  step('outcome', 'decided', OutcomeSchema, (trx, req, id, input) => service.decideOutcome(trx, actor(req), req.user, id, input));

  // ---------------- measures
  const options = async (req: FastifyRequest) => {
    const u = requireSuggestionStaff(req.user);
    const campaigns = (await campaignOptions(db())).map((c) => ({ value: String(c.id), label: c.title }));
    const departments = (await listDepartmentOptions(db(), req.locale)).filter((d) => u.role === 'admin' || u.departmentIds.includes(d.id)).map((d) => ({ value: String(d.id), label: d.name }));
    return { campaigns, departments };
  };

  const measuresPage = async (req: FastifyRequest) => {
    const rows = await measures.listMeasuresForStaff(db(), req.user, undefined);
    const opts = await options(req);
    return (form: FormState) => <StaffMeasuresPage ctx={viewContext(req)} rows={rows} form={form} {...opts} />;
  };

  app.get('/admin/open-days/measures', { schema: { hide: true } }, async (req, reply) => {
    const opts = await options(req);
    const render = await measuresPage(req);
    return sendPage(reply, render(emptyForm({ progress: 'planned', campaignId: opts.campaigns[0]?.value, ownerDepartmentId: opts.departments.length === 1 ? opts.departments[0]!.value : undefined })));
  });

  app.post('/admin/open-days/measures', { schema: { hide: true } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      MeasureSchema,
      (input, trx) => measures.createMeasure(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/open-days/measures/${id}?done=saved`),
      await measuresPage(req),
    ),
  );

  const measureView = async (req: FastifyRequest, id: number) => {
    const data = await measures.getMeasureForStaff(db(), req.user, id);
    const m = data.measure;
    const ctx = viewContext(req);
    const opts = await options(req);
    const saved = (req.query as Record<string, unknown>).done === 'saved';
    return (form?: FormState) => (
      <StaffMeasurePage
        ctx={ctx}
        measure={m}
        suggestions={data.suggestions}
        editable={data.editable}
        form={form ?? emptyForm({ campaignId: String(m.campaignId), title: m.title, description: m.description, ownerDepartmentId: m.ownerDepartmentId === null ? '' : String(m.ownerDepartmentId), owner: m.owner, dueOn: m.dueOn ?? '', progress: m.progress, progressNote: m.progressNote })}
        notice={saved && !form ? label(ctx, 'suggestions.done.saved') : undefined}
        {...opts}
      />
    );
  };

  app.get('/admin/open-days/measures/:id', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await measureView(req, param(req, 'id')))()));

  app.post('/admin/open-days/measures/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    return handleForm(
      req,
      reply,
      MeasureSchema,
      (input, trx) => measures.updateMeasure(trx, actor(req), req.user, id, input),
      () => seeOther(reply, `/admin/open-days/measures/${id}?done=saved`),
      await measureView(req, id),
    );
  });

  // ---------------- QR codes for the points (printed and put up at each point)
  const qrOf = async (req: FastifyRequest) => {
    requireSuggestionStaff(req.user);
    const point = await pointByCode(db(), parseInput(PointParams, req.params).code);
    if (!point) {
      throw new AppError('not_found');
    }
    const url = pointSuggestUrl(app.config.publicUrl, point.code);
    return { point, url, svg: await qrSvg(url) };
  };

  app.get('/admin/open-days/points/:code/suggest-qr', { schema: { hide: true } }, async (req, reply) => {
    const { point, url, svg } = await qrOf(req);
    return sendPage(reply, <SuggestQrPage ctx={viewContext(req)} point={point} url={url} svg={svg} />);
  });

  app.get('/admin/open-days/points/:code/suggest-qr.svg', { schema: { hide: true } }, async (req, reply) => {
    const { svg } = await qrOf(req);
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });
}
