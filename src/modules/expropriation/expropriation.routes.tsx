import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import { nowIso, todayInChina, toChinaDateTime } from '../../platform/clock.js';
import { emptyForm } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { translate } from '../../platform/i18n/index.js';
import { buildingChart, projectLocator, shareChart, signedByDayChart } from './expropriation.charts.js';
import * as hh from './expropriation.households.service.js';
import { presentPublicHousehold } from './expropriation.presenter.js';
import * as repo from './expropriation.repository.js';
import { HouseholdQuery, HouseholdSignInSchema } from './expropriation.schema.js';
import * as service from './expropriation.service.js';
import { NoticePage, ScreenPage } from './expropriation.channel-views.js';
import { HouseholdsPage, OwnHouseholdPage, SignInPage } from './expropriation.household-views.js';
import { ProjectPage, ProjectsPage } from './expropriation.views.js';
import { PublicHouseholdSchema, OwnHouseholdSchema, ProjectSummarySchema, DirectorySchema } from './expropriation.api-schema.js';
import { presentDirectory, presentProject } from './expropriation.api-presenter.js';

/** The household's own session cookie (kept apart from staff sessions: a household has no user account). */
export const HOUSEHOLD_COOKIE = 'gk_exp_household';

// Sign-in attempts per client address: a code is 10 of 32 symbols and the ID number must match too,
// but nobody should get to try many.
const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as Record<string, string>).id);
const householdToken = (req: FastifyRequest): string | undefined => req.cookies[HOUSEHOLD_COOKIE];

/** Public pages (projects, households, screen, notice, the household's own record) and the public JSON API. */
export async function expropriationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const liveUrl = (id: number) => `${app.config.publicUrl.replace(/\/$/, '')}/expropriation/projects/${id}/households`;

  app.get('/expropriation', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <ProjectsPage ctx={viewContext(req)} projects={await service.listProjects(db())} />));

  app.get('/expropriation/projects/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const [status, p, all] = await Promise.all([service.directoryStatus(db(), id), service.progress(db(), id), repo.listProjects(db())]);
    const t = (k: Parameters<typeof translate>[1]) => translate(req.locale, k);
    const charts = {
      byDay: signedByDayChart(p.byDay, t('expropriation.chart_by_day')),
      buildings: buildingChart(p.buildings, { signed: t('expropriation.signing.signed'), unsigned: t('expropriation.signing.unsigned') }),
      schemes: shareChart([{ name: t('expropriation.scheme.monetary'), value: p.monetary }, { name: t('expropriation.scheme.exchange'), value: p.exchange }]),
      payments: shareChart([{ name: t('expropriation.payment.paid'), value: p.paid }, { name: t('expropriation.payment.unpaid'), value: p.total - p.paid }]),
    };
    return sendPage(reply, <ProjectPage ctx={viewContext(req)} status={status} p={p} charts={charts} map={projectLocator(all, id, t('expropriation.map_title'))} />);
  });

  app.get('/expropriation/projects/:id/households', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const raw = req.query as Record<string, string | undefined>;
    const q = parseInput(HouseholdQuery, raw);
    const [data, buildings] = await Promise.all([hh.publicHouseholds(db(), id, q), hh.projectBuildings(db(), id)]);
    const form = emptyForm({ number: raw.number ?? '', building: raw.building ?? '', signing: raw.signing ?? '', scheme: raw.scheme ?? '' });
    return sendPage(reply, <HouseholdsPage ctx={viewContext(req)} project={data.project} rows={data.rows} total={data.total} page={data.page} pageCount={data.pageCount} buildings={buildings} form={form} />);
  });

  app.get('/expropriation/projects/:id/screen', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const [project, p] = await Promise.all([service.getProject(db(), id), service.progress(db(), id)]);
    return sendPage(reply.header('cache-control', 'no-cache'), <ScreenPage ctx={viewContext(req)} project={project} p={p} updatedAt={toChinaDateTime(nowIso())} />);
  });

  app.get('/expropriation/projects/:id/notice', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const q = req.query as Record<string, string | undefined>;
    const project = await service.getProject(db(), id);
    const building = q.building && q.building.length <= 30 ? q.building : undefined;
    const rows = (await repo.publicHouseholdsOf(db(), id, building)).map(presentPublicHousehold);
    return sendPage(reply, <NoticePage ctx={viewContext(req)} project={project} rows={rows} building={building} size={q.size === 'a3' ? 'a3' : 'a4'} liveUrl={liveUrl(id)} today={todayInChina()} />);
  });

  // ---------------- the household's own record
  const signInPage = (req: FastifyRequest, reply: FastifyReply) => sendPage(reply, <SignInPage ctx={viewContext(req)} form={emptyForm()} />);
  app.get('/expropriation/sign-in', { schema: { hide: true } }, signInPage);

  app.post('/expropriation/sign-in', { config: signInLimit, schema: { hide: true } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      HouseholdSignInSchema,
      (input, trx) => hh.signInHousehold(trx, input.code, input.idNumber),
      (r) => {
        reply.setCookie(HOUSEHOLD_COOKIE, r.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.cookieSecure, maxAge: hh.HOUSEHOLD_SESSION_MINUTES * 60 });
        return seeOther(reply, `/expropriation/households/${r.householdId}`);
      },
      // The typed ID number is never echoed back into the page.
      (form) => <SignInPage ctx={viewContext(req)} form={{ ...form, values: { code: form.values.code } }} />,
    ),
  );

  app.post('/expropriation/sign-out', { schema: { hide: true } }, async (req, reply) => {
    const token = householdToken(req);
    if (token) {
      await tx(req, (trx) => hh.signOutHousehold(trx, token));
    }
    reply.clearCookie(HOUSEHOLD_COOKIE, { path: '/' });
    return seeOther(reply, '/expropriation/sign-in');
  });

  app.get('/expropriation/households/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const sessionHousehold = await hh.householdOfToken(db(), householdToken(req));
    try {
      const r = await hh.ownHousehold(db(), sessionHousehold, req.user, id);
      return sendPage(reply.header('cache-control', 'no-store'), <OwnHouseholdPage ctx={viewContext(req)} project={r.project} h={r.household} own={sessionHousehold === id} />);
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthenticated') {
        return seeOther(reply, '/expropriation/sign-in');
      }
      throw err;
    }
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Params = z.object({ id: idParam });

  api.get('/api/v1/expropriation/projects', { schema: { tags: ['expropriation'], summary: 'Expropriation projects', response: { 200: z.object({ items: z.array(ProjectSummarySchema) }) } } }, async () => ({
    items: (await service.listProjects(db())).map(presentProject),
  }));

  api.get(
    '/api/v1/expropriation/projects/:id/directory',
    { schema: { tags: ['expropriation'], summary: 'A project\'s disclosure directory ("4 + 10 + 7") with each row\'s state: published, due (event + 20 working days not yet passed), late or waiting', params: Params, response: { 200: DirectorySchema } } },
    async (req) => presentDirectory(await service.directoryStatus(db(), req.params.id), await service.progress(db(), req.params.id)),
  );

  api.get(
    '/api/v1/expropriation/projects/:id/households',
    { schema: { tags: ['expropriation'], summary: 'Households of a project, masked (name masked, building only, never an ID number); 50 a page', params: Params, querystring: HouseholdQuery, response: { 200: z.object({ items: z.array(PublicHouseholdSchema), total: z.number(), page: z.number(), pageCount: z.number() }) } } },
    async (req) => {
      const r = await hh.publicHouseholds(db(), req.params.id, req.query);
      return { items: r.rows, total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );

  api.post(
    '/api/v1/expropriation/sign-in',
    { config: signInLimit, schema: { tags: ['expropriation'], summary: 'A household signs in with its access code and ID number; the token reads its own record (Authorization is not used: send it as the gk_exp_household cookie or the x-household-token header)', body: HouseholdSignInSchema, response: { 200: z.object({ token: z.string(), householdId: z.number(), projectId: z.number() }) } } },
    async (req) => tx(req, (trx) => hh.signInHousehold(trx, req.body.code, req.body.idNumber)),
  );

  api.get(
    '/api/v1/expropriation/households/:id',
    { schema: { tags: ['expropriation'], summary: 'A household\'s full record: to the household itself (its token) or its department\'s staff; anyone else gets 404', params: Params, response: { 200: OwnHouseholdSchema } } },
    async (req) => {
      const header = req.headers['x-household-token'];
      const token = typeof header === 'string' ? header : householdToken(req);
      const r = await hh.ownHousehold(db(), await hh.householdOfToken(db(), token), req.user, req.params.id);
      return r.household;
    },
  );
}
