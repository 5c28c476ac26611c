import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { fileWithContent } from '../../platform/files/index.js';
import { todayInChina } from '../../platform/clock.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import * as service from './disclosure-requests.service.js';
import { withdrawByApplicant } from './disclosure-requests.actions.js';
import { ApplicationSchema, TrackingParams, TrackQuery, WithdrawSchema } from './disclosure-requests.schema.js';
import { CaseOut, presentCase } from './disclosure-requests.presenter.js';
import { ApplyPage, CasePage, HomePage, LetterPage, MyCasesPage, TrackPage } from './disclosure-requests.views.js';

// Applications come from anyone: a per-IP limit keeps one sender from flooding an agency's queue.
const submitLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const SubmittedOut = z.object({ trackingNumber: z.string(), key: z.string(), url: z.string() });

/** The public pages (apply, track, case, reply letter and files) and the applicant's JSON API. */
export async function disclosurePublicRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const caseUrl = (n: string, key: string) => `/disclosure-requests/track/${n}?key=${encodeURIComponent(key)}`;
  const readCase = async (req: FastifyRequest) => {
    const { number } = parseInput(TrackingParams, req.params);
    const { key } = parseInput(TrackQuery, req.query);
    const found = await service.caseForReader(db(), req.user, number, key);
    return { ...found, key: key ?? '' };
  };

  app.get('/disclosure-requests', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <HomePage ctx={viewContext(req)} year={Number(todayInChina().slice(0, 4)) - 1} />));

  const applyForm = async (req: FastifyRequest, form: FormState) => <ApplyPage ctx={viewContext(req)} form={form} agencies={await listDepartmentOptions(db(), req.locale)} />;
  app.get('/disclosure-requests/apply', { schema: { hide: true } }, async (req, reply) => sendPage(reply, await applyForm(req, emptyForm())));
  app.post('/disclosure-requests/apply', { config: submitLimit, schema: { hide: true } }, async (req, reply) => {
    const agencies = await listDepartmentOptions(db(), req.locale);
    return handleForm(
      req,
      reply,
      ApplicationSchema,
      (input, trx) => service.submitOnline(trx, req.user, input),
      (r) => seeOther(reply, `${caseUrl(r.trackingNumber, r.secret)}&sent=1`),
      (form) => <ApplyPage ctx={viewContext(req)} form={form} agencies={agencies} />,
    );
  });

  app.get('/disclosure-requests/track', { schema: { hide: true } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const number = typeof q.number === 'string' ? q.number.trim().toUpperCase() : '';
    const key = typeof q.key === 'string' ? q.key.trim() : '';
    if (number) {
      return seeOther(reply, caseUrl(number, key));
    }
    return sendPage(reply, <TrackPage ctx={viewContext(req)} form={emptyForm()} />);
  });

  app.get('/disclosure-requests/track/:number', { schema: { hide: true } }, async (req, reply) => {
    const { row, key } = await readCase(req);
    const d = await service.caseDetail(db(), row);
    const sent = (req.query as Record<string, unknown>).sent === '1';
    const link = sent ? `${app.config.publicUrl.replace(/\/$/, '')}${caseUrl(row.trackingNumber, key)}` : undefined;
    return sendPage(reply, <CasePage ctx={viewContext(req)} d={d} secretLink={link} keyParam={key} />);
  });

  app.get('/disclosure-requests/track/:number/letter', { schema: { hide: true } }, async (req, reply) => {
    const { row } = await readCase(req);
    if (!row.replyText) {
      throw new AppError('not_found');
    }
    return sendPage(reply, <LetterPage ctx={viewContext(req)} d={await service.caseDetail(db(), row)} />);
  });

  app.get('/disclosure-requests/track/:number/files/:fileId', { schema: { hide: true } }, async (req, reply) => {
    const { row } = await readCase(req);
    const fileId = parseInput(idParam, (req.params as Record<string, string>).fileId);
    const d = await service.caseDetail(db(), row);
    const a = d.attachments.find((x) => x.fileId === fileId);
    const file = a ? await fileWithContent(db(), fileId) : undefined;
    if (!a || !file) {
      throw new AppError('not_found');
    }
    return reply
      .header('content-type', file.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .send(Buffer.from(file.content));
  });

  app.post('/disclosure-requests/track/:number/withdraw', { schema: { hide: true } }, async (req, reply) => {
    const { number } = parseInput(TrackingParams, req.params);
    const input = parseInput(WithdrawSchema, Object.fromEntries(Object.entries(req.body as Record<string, unknown>).filter(([k]) => k !== '_csrf')));
    const { row } = await service.caseForReader(db(), req.user, number, input.key);
    await tx(req, (trx) => withdrawByApplicant(trx, row, input.reason ?? ''));
    return seeOther(reply, caseUrl(number, input.key ?? ''));
  });

  app.get('/disclosure-requests/mine', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <MyCasesPage ctx={viewContext(req)} rows={await service.myCases(db(), req.user)} />));

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/disclosure-requests',
    { config: submitLimit, schema: { tags: ['disclosure-requests'], summary: 'Apply for government information (Art. 29); returns the tracking number and the one-time secret key', body: ApplicationSchema, response: { 201: SubmittedOut } } },
    async (req, reply) => {
      const r = await tx(req, (trx) => service.submitOnline(trx, req.user, req.body));
      return reply.status(201).send({ trackingNumber: r.trackingNumber, key: r.secret, url: caseUrl(r.trackingNumber, r.secret) });
    },
  );
  api.get(
    '/api/v1/disclosure-requests/:number',
    { schema: { tags: ['disclosure-requests'], summary: 'A case as its applicant sees it: state, deadline and how it was computed, timeline', params: TrackingParams, querystring: TrackQuery, response: { 200: CaseOut } } },
    async (req) => {
      const { row } = await service.caseForReader(db(), req.user, req.params.number, req.query.key);
      return presentCase(await service.caseDetail(db(), row), req.locale);
    },
  );
}
