import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actor, handleForm, seeOther } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { emptyForm, label, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import * as service from './service-cases.service.js';
import * as read from './service-cases.read.js';
import * as ratings from './service-cases.ratings.js';
import * as forms from './service-cases.forms.js';
import { requireCaseStaff, requireWindow } from './service-cases.policy.js';
import { FormEditSchema, QueueQuery, RatingSchema, StaffStepSchema, WalkInSchema } from './service-cases.schema.js';
import { STAFF_ACTIONS } from './service-cases.status.js';
import { CodeParams, NumberParams, handleDataForm } from './service-cases.routes.js';
import { FormEditPage, QueuePage, StaffCasePage, WalkInPage, type StepError } from './service-cases.admin-views.js';

const StepParams = NumberParams.extend({ action: z.enum(STAFF_ACTIONS) });

/** The staff pages: the desk's queues, a case with its steps, window intake, and the item form editor. */
export async function serviceCasesAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/admin/services/cases', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(QueueQuery, req.query);
    const today = todayInChina();
    const data = await read.staffQueue(db(), req.user, q, today);
    return sendPage(reply, <QueuePage ctx={viewContext(req)} data={data} q={q} today={today} />);
  });

  const caseView = async (req: FastifyRequest) => {
    const { number } = parseInput(NumberParams, req.params);
    const v = await read.caseForStaff(db(), req.user, number);
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' && /^[a-z_]{2,30}$/.test(done) ? ctx.t('serviceCases.done', { action: label(ctx, done === 'onsite_rating' ? 'serviceCases.onsite_rating' : `serviceCases.action.${done}`) }) : undefined;
    return { number, render: (error?: StepError) => <StaffCasePage ctx={ctx} v={v} today={todayInChina()} notice={error ? undefined : notice} error={error} /> };
  };

  app.get('/admin/services/cases/:number', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await caseView(req)).render()));

  app.post('/admin/services/cases/:number/step/:action', { schema: { hide: true } }, async (req, reply) => {
    const { number, action } = parseInput(StepParams, req.params);
    const { render } = await caseView(req);
    return handleForm(
      req,
      reply,
      StaffStepSchema,
      (input, trx) => service.staffStep(trx, actor(req), req.user, number, action, input),
      () => seeOther(reply, `/admin/services/cases/${number}?done=${action}`),
      (state) => render({ action, state }),
    );
  });

  app.post('/admin/services/cases/:number/onsite-rating', { schema: { hide: true } }, async (req, reply) => {
    const { number, render } = await caseView(req);
    return handleForm(
      req,
      reply,
      RatingSchema,
      (input, trx) => ratings.rateOnSite(trx, actor(req), req.user, number, input, app.config.ratingFollowUpDays),
      () => seeOther(reply, `/admin/services/cases/${number}?done=onsite_rating`),
      (state) => render({ action: 'onsite_rating', state }),
    );
  });

  // ---------------- window intake of a walk-in applicant
  const intakeView = async (req: FastifyRequest) => {
    const item = await service.publishedItem(db(), parseInput(CodeParams, req.params).code);
    requireWindow(req.user, item.departmentId, await service.windowDepartmentId(db()));
    const form = await service.itemForm(db(), item.id);
    return { item, render: (f: FormState) => <WalkInPage ctx={viewContext(req)} item={item} fields={form.fields} form={f} /> };
  };

  app.get('/admin/services/items/:code/intake', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await intakeView(req)).render(emptyForm())));

  app.post('/admin/services/items/:code/intake', { schema: { hide: true } }, async (req, reply) => {
    const { item, render } = await intakeView(req);
    return handleDataForm(
      req,
      reply,
      WalkInSchema,
      ['applicantKind', 'applicantName', 'applicantIdNumber', 'applicantMobile', 'hallId', 'windowId'],
      (input, trx) => service.applyAtWindow(trx, actor(req), req.user, item.code, input),
      (r) => seeOther(reply, `/admin/services/cases/${r.caseNumber}?done=submit`),
      render,
    );
  });

  // ---------------- the item's form and 秒批 rule
  app.get('/admin/services/items/:code/form', { schema: { hide: true } }, async (req, reply) => {
    requireCaseStaff(req.user);
    const f = await forms.formForEditing(db(), req.user, parseInput(CodeParams, req.params).code);
    const saved = (req.query as Record<string, unknown>).saved === '1';
    return sendPage(reply, <FormEditPage ctx={viewContext(req)} item={f.item} custom={f.custom} form={emptyForm(f.values)} saved={saved} />);
  });

  app.post('/admin/services/items/:code/form', { schema: { hide: true } }, async (req, reply) => {
    const f = await forms.formForEditing(db(), req.user, parseInput(CodeParams, req.params).code);
    return handleForm(
      req,
      reply,
      FormEditSchema,
      (input, trx) => forms.saveItemForm(trx, actor(req), req.user, f.item.code, input),
      () => seeOther(reply, `/admin/services/items/${encodeURIComponent(f.item.code)}/form?saved=1`),
      (form) => <FormEditPage ctx={viewContext(req)} item={f.item} custom={f.custom} form={form} saved={false} />,
    );
  });
}
