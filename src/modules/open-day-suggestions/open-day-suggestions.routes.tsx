import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { campaignById, campaignBySlug, currentCampaign, pointByCode, type CampaignRow } from '../open-days/index.js';
import * as service from './open-day-suggestions.service.js';
import * as tracker from './open-day-suggestions.tracker.js';
import { pointOptions } from './open-day-suggestions.repository.js';
import { SuggestionSchema, TrackerQuery } from './open-day-suggestions.schema.js';
import { presentTracking } from './open-day-suggestions.presenter.js';
import { MeasurePage, SuggestPage, TrackingPage } from './open-day-suggestions.views.js';
import { TrackerPage } from './open-day-suggestions.tracker-views.js';

// Suggestions come from anyone: a per-IP limit keeps one sender from flooding the moderation queue.
const submitLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const TrackingParams = z.object({ trackingCode: z.string().trim().min(4).max(16) });
const PointParams = z.object({ code: z.string().trim().min(1).max(30) });
const CampaignQuery = z.object({ campaign: z.string().trim().max(60).optional() });

const UnitOut = z.object({ id: z.number(), nameZh: z.string(), nameEn: z.string() }).nullable();
const StepOut = z.object({ status: z.string(), at: z.string(), unit: UnitOut, dueOn: z.string().nullable(), mergedInto: z.string().nullable(), splitInto: z.array(z.string()).nullable(), splitFrom: z.string().nullable(), rejectKind: z.string().nullable(), measureId: z.number().nullable() });
const CoreOut = z.object({
  trackingCode: z.string(),
  status: z.string(),
  published: z.boolean(),
  category: z.string(),
  source: z.string(),
  content: z.string().nullable(),
  submitterName: z.string().nullable(),
  submittedAt: z.string(),
  unit: UnitOut,
  routedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  path: z.array(StepOut),
  url: z.string(),
});
const TrackingOut = CoreOut.extend({
  campaign: z.object({ id: z.number(), slug: z.string(), title: z.string() }).nullable(),
  point: z.object({ code: z.string(), topic: z.string(), organiser: z.string() }).nullable(),
  mergedInto: CoreOut.nullable(),
  splitFrom: z.object({ trackingCode: z.string(), status: z.string(), url: z.string() }).nullable(),
  splitInto: z.array(z.object({ trackingCode: z.string(), status: z.string(), category: z.string(), url: z.string() })),
  measure: z
    .object({ id: z.number(), title: z.string(), description: z.string(), owner: z.string(), ownerUnit: UnitOut, dueOn: z.string().nullable(), progress: z.string(), progressNote: z.string(), url: z.string() })
    .nullable(),
});
const SubmittedOut = z.object({ trackingCode: z.string(), status: z.literal('received'), url: z.string() });

/** The campaign the online form sends to: the one named, else the current one. */
async function onlineCampaign(req: FastifyRequest): Promise<CampaignRow | undefined> {
  const { campaign } = parseInput(CampaignQuery, req.query);
  const db = req.server.db.kysely;
  return campaign ? campaignBySlug(db, campaign) : currentCampaign(db);
}

/** The public pages (forms, tracking page, tracker, measures) and the JSON API of suggestions. */
export async function suggestionsPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  // ---------------- from an open point's QR code
  const pointForm = async (req: FastifyRequest) => {
    const point = await pointByCode(db(), parseInput(PointParams, req.params).code);
    const campaign = point && point.status === 'published' ? await campaignById(db(), point.campaignId) : undefined;
    if (!point || !service.acceptsSuggestions(campaign)) {
      throw new AppError('not_found');
    }
    const action = `/open-days/points/${encodeURIComponent(point.code)}/suggest`;
    return { point, render: (form: FormState) => <SuggestPage ctx={viewContext(req)} form={form} campaign={campaign} point={point} action={action} /> };
  };

  app.get('/open-days/points/:code/suggest', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await pointForm(req)).render(emptyForm())));

  app.post('/open-days/points/:code/suggest', { config: submitLimit, schema: { hide: true } }, async (req, reply) => {
    const { point, render } = await pointForm(req);
    return handleForm(
      req,
      reply,
      SuggestionSchema,
      (input, trx) => service.submitAtPoint(trx, point.code, { ...input, pointCode: undefined }),
      (r) => seeOther(reply, `/open-days/suggestions/${r.trackingCode}?sent=1`),
      render,
    );
  });

  // ---------------- online
  const onlineForm = async (req: FastifyRequest) => {
    const campaign = await onlineCampaign(req);
    if (!service.acceptsSuggestions(campaign)) {
      throw new AppError('not_found');
    }
    const points = await pointOptions(db(), campaign.id);
    const action = `/open-days/suggest?campaign=${encodeURIComponent(campaign.slug)}`;
    return { campaign, render: (form: FormState) => <SuggestPage ctx={viewContext(req)} form={form} campaign={campaign} points={points} action={action} /> };
  };

  app.get('/open-days/suggest', { schema: { hide: true } }, async (req, reply) => sendPage(reply, (await onlineForm(req)).render(emptyForm())));

  app.post('/open-days/suggest', { config: submitLimit, schema: { hide: true } }, async (req, reply) => {
    const { campaign, render } = await onlineForm(req);
    return handleForm(
      req,
      reply,
      SuggestionSchema,
      (input, trx) => service.submitOnline(trx, campaign, input),
      (r) => seeOther(reply, `/open-days/suggestions/${r.trackingCode}?sent=1`),
      render,
    );
  });

  // ---------------- reading
  app.get('/open-days/suggestions/:trackingCode', { schema: { hide: true } }, async (req, reply) => {
    const { trackingCode } = parseInput(TrackingParams, req.params);
    const data = await tracker.getTracking(db(), trackingCode);
    const sent = (req.query as Record<string, unknown>).sent === '1';
    return sendPage(reply, <TrackingPage ctx={viewContext(req)} data={data} sent={sent} />);
  });

  app.get('/open-days/:slug/suggestions', { schema: { hide: true } }, async (req, reply) => {
    const { slug } = parseInput(z.object({ slug: z.string().trim().min(1).max(60) }), req.params);
    const filter = parseInput(TrackerQuery, req.query);
    const data = await tracker.getTracker(db(), slug, filter);
    return sendPage(reply, <TrackerPage ctx={viewContext(req)} data={data} filter={filter} />);
  });

  app.get('/open-days/measures/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    return sendPage(reply, <MeasurePage ctx={viewContext(req)} data={await tracker.getPublicMeasure(db(), id)} />);
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/open-days/suggestions/:trackingCode',
    { schema: { tags: ['open-days'], summary: "A suggestion's public path (never the contact; content only once published)", params: TrackingParams, response: { 200: TrackingOut } } },
    async (req) => presentTracking(await tracker.getTracking(db(), req.params.trackingCode)),
  );

  api.post(
    '/api/v1/open-days/suggestions',
    {
      config: submitLimit,
      schema: { tags: ['open-days'], summary: 'Send a suggestion online (to the named campaign, else the current one)', querystring: CampaignQuery, body: SuggestionSchema, response: { 201: SubmittedOut } },
    },
    async (req, reply) => {
      const campaign = await onlineCampaign(req);
      const r = await tx(req, (trx) => service.submitOnline(trx, campaign, req.body));
      return reply.status(201).send({ trackingCode: r.trackingCode, status: 'received' as const, url: `/open-days/suggestions/${r.trackingCode}` });
    },
  );

  api.post(
    '/api/v1/open-days/points/:code/suggestions',
    { config: submitLimit, schema: { tags: ['open-days'], summary: 'Send a suggestion from a visit to an open point', params: PointParams, body: SuggestionSchema, response: { 201: SubmittedOut } } },
    async (req, reply) => {
      const r = await tx(req, (trx) => service.submitAtPoint(trx, req.params.code, { ...req.body, pointCode: undefined }));
      return reply.status(201).send({ trackingCode: r.trackingCode, status: 'received' as const, url: `/open-days/suggestions/${r.trackingCode}` });
    },
  );
}
