import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { todayInChina } from '../../platform/clock.js';
import { translator } from '../../platform/i18n/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import * as repo from './open-days.repository.js';
import * as pub from './open-days.public.js';
import * as survey from './open-days.survey.service.js';
import { campaignReport, reportTables } from './open-days.report.js';
import { barChart, stackedChart } from './open-days.charts.js';
import { NeedSchema, ProgrammeQuery } from './open-days.schema.js';
import { VOTE_COOKIE_RE, voterKey } from './open-days.survey.js';
import { presentCampaign, presentNeed, presentPoint, presentProgrammePoint } from './open-days.presenter.js';
import { NoCampaignPage, PointPage, ProgrammePage } from './open-days.views.js';
import { PrintProgrammePage } from './open-days.print-views.js';
import { SurveyPage } from './open-days.survey-views.js';
import { CHARTS, ReportPage } from './open-days.report-views.js';
import { toCsv } from '../../platform/csv.js';

const VOTE_COOKIE = 'gk_vote';
const WATCH_COOKIE = 'gk_watched';
// Proposals and votes come from anyone: a per-IP limit keeps one sender from flooding them.
const publicWriteLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

const str = (req: FastifyRequest, name: string) => String((req.params as Record<string, string>)[name] ?? '');

/** The public open-day pages: programmes, point pages, calendars, the survey, online visits and the report. */
export async function openDaysRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const cookie = (maxAge: number, path = '/') => ({ path, httpOnly: true, sameSite: 'lax' as const, secure: app.config.cookieSecure, maxAge });
  const baseUrl = () => app.config.publicUrl.replace(/\/$/, '');


  const programmePage = async (req: FastifyRequest, reply: FastifyReply, campaign: repo.CampaignRow) => {
    const data = await pub.programme(db(), campaign, parseInput(ProgrammeQuery, req.query));
    return sendPage(reply, <ProgrammePage ctx={viewContext(req)} data={data} />);
  };

  app.get('/open-days', { schema: { hide: true } }, async (req, reply) => {
    const c = await repo.currentCampaign(db());
    return c ? programmePage(req, reply, c) : sendPage(reply, <NoCampaignPage ctx={viewContext(req)} />);
  });

  app.get('/open-days/:slug', { schema: { hide: true } }, async (req, reply) => programmePage(req, reply, await pub.publicCampaign(db(), str(req, 'slug'))));

  app.get('/open-days/:slug/print', { schema: { hide: true } }, async (req, reply) => {
    const data = await pub.programme(db(), await pub.publicCampaign(db(), str(req, 'slug')), {});
    return sendPage(reply, <PrintProgrammePage ctx={viewContext(req)} data={data} />);
  });

  const sendCalendar = (reply: FastifyReply, name: string, body: string) =>
    reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${name}.ics"`).send(body);

  app.get('/open-days/:slug/calendar.ics', { schema: { hide: true } }, async (req, reply) => sendCalendar(reply, `open-days-${str(req, 'slug')}`, await pub.campaignCalendar(db(), str(req, 'slug'), baseUrl())));

  // ---------------- points
  app.get('/open-days/points/:code', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <PointPage ctx={viewContext(req)} data={await pub.publicPoint(db(), str(req, 'code'))} />));

  app.get('/open-days/points/:code/calendar.ics', { schema: { hide: true } }, async (req, reply) => sendCalendar(reply, `open-point-${str(req, 'code')}`, await pub.pointCalendar(db(), str(req, 'code'), baseUrl())));

  app.get('/open-days/points/:code/watch', { schema: { hide: true } }, async (req, reply) => {
    const to = (req.query as Record<string, unknown>).to === 'replay' ? 'replay' : 'live';
    const today = todayInChina();
    const before = pub.watchedToday(req.cookies[WATCH_COOKIE], today);
    const r = await tx(req, (trx) => pub.watch(trx, str(req, 'code'), to, before));
    if (r.watched.length !== before.length) {
      reply.setCookie(WATCH_COOKIE, `${today}|${r.watched.join(',')}`, cookie(36 * 3600, '/open-days/points'));
    }
    return reply.redirect(r.url, 302);
  });

  // ---------------- needs survey
  /** Who is voting: the account when signed in, else the browser's vote cookie (issued on first vote). */
  const voterKeys = (req: FastifyRequest): string[] => {
    const keys: string[] = [];
    if (req.user) {
      keys.push(voterKey({ userId: req.user.id }));
    }
    const c = req.cookies[VOTE_COOKIE];
    if (c && VOTE_COOKIE_RE.test(c)) {
      keys.push(voterKey({ cookie: c }));
    }
    return keys;
  };

  const surveyPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const ctx = viewContext(req);
    const data = await survey.surveyPage(db(), str(req, 'slug'), voterKeys(req));
    const q = req.query as Record<string, unknown>;
    const notice =
      q.proposed === '1'
        ? { kind: 'success' as const, text: ctx.t('openDays.proposed_notice') }
        : q.voted === '1'
          ? { kind: 'success' as const, text: ctx.t('openDays.voted_notice') }
          : q.voted === 'dup'
            ? { kind: 'warning' as const, text: ctx.t('openDays.vote_duplicate') }
            : undefined;
    return sendPage(reply, <SurveyPage ctx={ctx} campaign={data.campaign} needs={data.needs.map(presentNeed)} voted={data.voted} state={data.state} form={form} notice={notice} />, status);
  };

  app.get('/open-days/:slug/survey', { schema: { hide: true } }, async (req, reply) => surveyPage(req, reply));

  app.post('/open-days/:slug/survey', { config: publicWriteLimit, schema: { hide: true } }, async (req, reply) => {
    const slug = str(req, 'slug');
    try {
      const input = parseInput(NeedSchema, withoutCsrf(req.body));
      await tx(req, (trx) => survey.proposeNeed(trx, slug, input));
      return seeOther(reply, `/open-days/${slug}/survey?proposed=1`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const values: Record<string, string> = {};
        for (const [k, v] of Object.entries(withoutCsrf(req.body))) {
          if (typeof v === 'string') {
            values[k] = v;
          }
        }
        return surveyPage(req, reply, { values, errors: problemsByField(err.fields) }, 400);
      }
      throw err;
    }
  });

  app.post('/open-days/:slug/survey/:needId/vote', { config: publicWriteLimit, schema: { hide: true } }, async (req, reply) => {
    const slug = str(req, 'slug');
    const needId = parseInput(idParam, str(req, 'needId'));
    let key: string;
    if (req.user) {
      key = voterKey({ userId: req.user.id });
    } else {
      let c = req.cookies[VOTE_COOKIE];
      if (!c || !VOTE_COOKIE_RE.test(c)) {
        c = crypto.randomBytes(32).toString('base64url');
        reply.setCookie(VOTE_COOKIE, c, cookie(365 * 24 * 3600, '/open-days'));
      }
      key = voterKey({ cookie: c });
    }
    try {
      await tx(req, (trx) => survey.vote(trx, slug, needId, key));
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return seeOther(reply, `/open-days/${slug}/survey?voted=dup#need-${needId}`);
      }
      throw err;
    }
    return seeOther(reply, `/open-days/${slug}/survey?voted=1#need-${needId}`);
  });

  // ---------------- results report
  const reportData = async (req: FastifyRequest) => {
    const r = await campaignReport(db(), str(req, 'slug'));
    return { r, tables: reportTables(r, translator(req.locale), req.locale) };
  };

  const reportPage = (printable: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const { r, tables } = await reportData(req);
    const charts = new Map<string, string>();
    for (const table of tables) {
      const spec = CHARTS[table.id];
      if (spec && table.rows.length > 0) {
        charts.set(table.id, 'bar' in spec ? barChart(table, spec.bar) : stackedChart(table, spec.stack));
      }
    }
    return sendPage(reply, <ReportPage ctx={viewContext(req)} report={r} tables={tables} charts={charts} printable={printable} />);
  };
  app.get('/open-days/:slug/report', { schema: { hide: true } }, reportPage(false));
  app.get('/open-days/:slug/report/print', { schema: { hide: true } }, reportPage(true));

  app.get('/open-days/:slug/report.csv', { schema: { hide: true } }, async (req, reply) => {
    const { r, tables } = await reportData(req);
    const rows: Array<Array<string | number | null>> = [[r.campaign.title, r.campaign.startsOn, r.campaign.endsOn]];
    for (const table of tables) {
      rows.push([], [table.title], table.header, ...table.rows);
    }
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="open-days-${r.campaign.slug}-report.csv"`).send(toCsv(rows));
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Slug = z.object({ slug: z.string().max(60) });
  api.get(
    '/api/v1/open-days/:slug/programme',
    { schema: { tags: ['open-days'], summary: 'A campaign and its published open points (filters as on the programme page)', params: Slug, querystring: ProgrammeQuery } },
    async (req) => {
      const data = await pub.programme(db(), await pub.publicCampaign(db(), req.params.slug), req.query);
      return { campaign: presentCampaign(data.campaign, data.themes), total: data.shownTotals.points, points: data.groups.flatMap((g) => g.levels.flatMap((l) => l.points.map(presentProgrammePoint))) };
    },
  );
  api.get('/api/v1/open-days/points/:code', { schema: { tags: ['open-days'], summary: 'An open point with its template sections and sessions (places left)', params: z.object({ code: z.string().max(30) }) } }, async (req) => {
    const d = await pub.publicPoint(db(), req.params.code);
    return presentPoint(d.point, d.sections, d.sessions);
  });
  api.get('/api/v1/open-days/:slug/needs', { schema: { tags: ['open-days'], summary: 'The needs survey ranking (published proposals, most votes first)', params: Slug } }, async (req) => {
    const d = await survey.surveyPage(db(), req.params.slug, []);
    return { state: d.state, needs: d.needs.map(presentNeed) };
  });
}
