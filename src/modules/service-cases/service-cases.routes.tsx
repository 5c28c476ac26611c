import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Executor } from '../../http/context.js';
import type { MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, label, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { todayInChina } from '../../platform/clock.js';
import * as service from './service-cases.service.js';
import * as read from './service-cases.read.js';
import * as ratings from './service-cases.ratings.js';
import * as repo from './service-cases.repository.js';
import { ApplicantStepSchema, ApplySchema, RatingSchema } from './service-cases.schema.js';
import { ApplicantCasePage, ApplyPage, MyCasesPage, type ApplicantFormError } from './service-cases.views.js';
import { ratingStats } from './service-cases.ratings.js';
import { StatsPage } from './service-cases.ratings-views.js';

/** Item codes and case numbers as they appear in paths. */
export const CodeParams = z.object({ code: z.string().trim().min(1).max(40) });
export const NumberParams = z.object({ number: z.string().trim().regex(/^GM-\d{8}-\d{6}$/) });

/** Folds the flat form fields data.<key> into { data: {…} } (the shape the API takes). */
export function foldData(body: unknown, keep: readonly string[] = []): Record<string, unknown> {
  const flat = withoutCsrf(body);
  const data: Record<string, unknown> = {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (k.startsWith('data.')) {
      data[k.slice(5)] = Array.isArray(v) ? v[0] : v;
    } else if (keep.includes(k)) {
      out[k] = v === '' ? undefined : v;
    }
  }
  return { ...out, data };
}

/**
 * handleForm for forms carrying the item's data fields (data.<key>): folds them, validates, runs the
 * action in a transaction, and on bad input re-shows the form with each problem beside its field.
 */
export async function handleDataForm<S extends z.ZodType, R>(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  keep: readonly string[],
  action: (input: z.output<S>, trx: Executor) => Promise<R>,
  onSuccess: (r: R) => FastifyReply,
  render: (f: FormState) => VNode,
): Promise<FastifyReply> {
  try {
    const input = parseInput(schema, foldData(req.body, keep));
    return onSuccess(await tx(req, (trx) => action(input, trx)));
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0) {
      const values = Object.fromEntries(Object.entries(withoutCsrf(req.body)).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return sendPage(reply, render({ values, errors: problemsByField(err.fields) }), err.status);
    }
    throw err;
  }
}

function doneNotice(ctx: ReturnType<typeof viewContext>, q: unknown): string | undefined {
  const done = (q as Record<string, unknown>).done;
  return typeof done === 'string' && /^[a-z_]{2,30}$/.test(done) ? ctx.t('serviceCases.done', { action: label(ctx, `serviceCases.action.${done}`) }) : undefined;
}

/** The applicant pages: apply, my cases, a case with its correction, withdrawal, materials and rating; the public statistics. */
export async function serviceCasesPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const applyView = async (req: FastifyRequest) => {
    const item = await service.publishedItem(db(), parseInput(CodeParams, req.params).code);
    const [form, checklist] = await Promise.all([service.itemForm(db(), item.id), repo.itemMaterialNames(db(), item.id)]);
    return { item, render: (f: FormState) => <ApplyPage ctx={viewContext(req)} item={item} fields={form.fields} checklist={checklist} form={f} /> };
  };

  app.get('/services/items/:code/apply', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await applyView(req)).render(emptyForm())));

  app.post('/services/items/:code/apply', { schema: { hide: true } }, async (req, reply) => {
    const { item, render } = await applyView(req);
    return handleDataForm(
      req,
      reply,
      ApplySchema,
      ['applicantKind'],
      (input, trx) => service.applyOnline(trx, req.user, item.code, input),
      (r) => seeOther(reply, `/my/cases/${r.caseNumber}?sent=${r.instant === 'approved' ? 'instant' : r.instant === 'review' ? 'review' : 'sent'}`),
      render,
    );
  });

  app.get('/my/cases', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <MyCasesPage ctx={viewContext(req)} rows={await read.myCases(db(), req.user)} today={todayInChina()} />));

  const caseView = async (req: FastifyRequest) => {
    const { number } = parseInput(NumberParams, req.params);
    const v = await read.caseForApplicant(db(), req.user, number);
    const ctx = viewContext(req);
    const q = req.query as Record<string, unknown>;
    const sent = q.sent === 'instant' ? ctx.t('serviceCases.instant_approved_notice', { result: v.c.result }) : q.sent === 'review' ? ctx.t('serviceCases.instant_review_notice', { condition: v.events.find((e) => e.action === 'instant_check')?.note ?? '' }) : q.sent === 'sent' ? ctx.t('serviceCases.sent_notice', { number }) : undefined;
    const notice = sent ?? (q.rated === '1' ? ctx.t('serviceCases.rated') : q.uploaded === '1' ? ctx.t('serviceCases.uploaded') : doneNotice(ctx, q));
    return { number, render: (error?: ApplicantFormError) => <ApplicantCasePage ctx={ctx} v={v} today={todayInChina()} notice={error ? undefined : notice} error={error} /> };
  };

  app.get('/my/cases/:number', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await caseView(req)).render()));

  app.post('/my/cases/:number/resubmit', { schema: { hide: true } }, async (req, reply) => {
    const { number, render } = await caseView(req);
    return handleDataForm(
      req,
      reply,
      ApplicantStepSchema,
      ['note'],
      (input, trx) => service.applicantStep(trx, req.user, number, 'resubmit', input),
      () => seeOther(reply, `/my/cases/${number}?done=resubmit`),
      (state) => render({ form: 'resubmit', state }),
    );
  });

  app.post('/my/cases/:number/withdraw', { schema: { hide: true } }, async (req, reply) => {
    const { number } = parseInput(NumberParams, req.params);
    await tx(req, (trx) => service.applicantStep(trx, req.user, number, 'withdraw', {}));
    return seeOther(reply, `/my/cases/${number}?done=withdraw`);
  });

  app.post('/my/cases/:number/rate', { schema: { hide: true } }, async (req, reply) => {
    const { number, render } = await caseView(req);
    return handleForm(
      req,
      reply,
      RatingSchema,
      (input, trx) => ratings.rateOnline(trx, req.user, number, input, app.config.ratingFollowUpDays),
      () => seeOther(reply, `/my/cases/${number}?rated=1`),
      (state) => render({ form: 'rate', state }),
    );
  });

  app.post('/my/cases/:number/materials', { schema: { hide: true } }, async (req, reply) => {
    const { number } = parseInput(NumberParams, req.params);
    const part: MultipartFile | undefined = req.isMultipart() ? await req.file() : undefined;
    if (!part || part.filename === '') {
      throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.required' }]);
    }
    const name = part.fields.name && !Array.isArray(part.fields.name) && part.fields.name.type === 'field' ? String(part.fields.name.value) : '';
    const upload = { filename: part.filename, name, content: await part.toBuffer() };
    await tx(req, (trx) => service.addMaterial(trx, req.user, number, upload, app.config.uploadMaxBytes));
    return seeOther(reply, `/my/cases/${number}?uploaded=1`);
  });

  app.get('/services/ratings', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <StatsPage ctx={viewContext(req)} stats={await ratingStats(db())} />));
}
