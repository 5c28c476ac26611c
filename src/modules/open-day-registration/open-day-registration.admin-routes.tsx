import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import { translator } from '../../platform/i18n/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import * as staff from './open-day-registration.staff.js';
import { AttendanceQuery, CheckInQuery, CheckInSchema, GuestSchema } from './open-day-registration.schema.js';
import { attendanceRows, presentCheckIn } from './open-day-registration.presenter.js';
import { AttendancePage, CheckInPage, GuestsPage } from './open-day-registration.admin-views.js';
import { formatCode } from './open-day-registration.rules.js';
import { toCsv } from '../../platform/csv.js';

const param = (req: FastifyRequest, name: string) => String((req.params as Record<string, string>)[name] ?? '');
const idOf = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);

const CHECK_IN_DONE = ['checked_in', 'already', 'no_shows'] as const;
const GUEST_DONE = ['added', 'cancelled'] as const;

/** Staff pages of open-day registration: check-in, no-shows, invited guests, attendance and its CSV. */
export async function openDayRegistrationAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const desk = async (req: FastifyRequest, reply: FastifyReply, opts: { error?: string; status?: number } = {}) => {
    const query = parseInput(CheckInQuery, req.query);
    const ctx = viewContext(req);
    const data = await staff.checkInDesk(db(), req.user, param(req, 'code'), query.q);
    const done = CHECK_IN_DONE.find((d) => d === query.done);
    const name = str((req.query as Record<string, unknown>).name);
    const notice = done ? ctx.t(`registration.desk_done.${done}`, { name, n: str((req.query as Record<string, unknown>).n) }) : undefined;
    return sendPage(reply, <CheckInPage ctx={ctx} data={data} q={query.q ?? ''} notice={notice} error={opts.error} />, opts.status ?? 200);
  };

  app.get('/admin/open-days/points/:code/check-in', { schema: { hide: true } }, async (req, reply) => desk(req, reply));

  app.post('/admin/open-days/points/:code/check-in/:id', { schema: { hide: true } }, async (req, reply) => {
    const code = param(req, 'code');
    try {
      const r = await tx(req, (trx) => staff.checkIn(trx, actor(req), req.user, code, idOf(req, 'id')));
      const q = new URLSearchParams({ q: r.registration.code, done: r.already ? 'already' : 'checked_in', name: r.registration.name });
      return seeOther(reply, `/admin/open-days/points/${code}/check-in?${q.toString()}`);
    } catch (err) {
      if (err instanceof AppError && err.status === 409) {
        return desk(req, reply, { error: viewContext(req).t(err.key, err.params), status: 409 });
      }
      throw err;
    }
  });

  app.post('/admin/open-days/points/:code/sessions/:sid/no-shows', { schema: { hide: true } }, async (req, reply) => {
    const code = param(req, 'code');
    try {
      const r = await tx(req, (trx) => staff.markNoShows(trx, actor(req), req.user, code, idOf(req, 'sid')));
      return seeOther(reply, `/admin/open-days/points/${code}/check-in?done=no_shows&n=${r.noShows}`);
    } catch (err) {
      if (err instanceof AppError && err.status === 409) {
        return desk(req, reply, { error: viewContext(req).t(err.key, err.params), status: 409 });
      }
      throw err;
    }
  });

  const guestsPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const ctx = viewContext(req);
    const data = await staff.guestDesk(db(), req.user, param(req, 'code'));
    const done = GUEST_DONE.find((d) => d === (req.query as Record<string, unknown>).done);
    return sendPage(reply, <GuestsPage ctx={ctx} data={data} form={form} notice={done ? ctx.t(`registration.guest_done.${done}`) : undefined} />, status);
  };

  app.get('/admin/open-days/points/:code/guests', { schema: { hide: true } }, async (req, reply) => guestsPage(req, reply));

  app.post('/admin/open-days/points/:code/guests', { schema: { hide: true } }, async (req, reply) => {
    const code = param(req, 'code');
    const data = await staff.guestDesk(db(), req.user, code);
    const ctx = viewContext(req);
    return handleForm(
      req,
      reply,
      GuestSchema,
      (input, trx) => staff.registerGuest(trx, actor(req), req.user, code, input),
      () => seeOther(reply, `/admin/open-days/points/${code}/guests?done=added`),
      (form) => <GuestsPage ctx={ctx} data={data} form={form} />,
    );
  });

  app.post('/admin/open-days/points/:code/guests/:id/cancel', { schema: { hide: true } }, async (req, reply) => {
    const code = param(req, 'code');
    await tx(req, (trx) => staff.cancelGuest(trx, actor(req), req.user, code, idOf(req, 'id')));
    return seeOther(reply, `/admin/open-days/points/${code}/guests?done=cancelled`);
  });

  app.get('/admin/open-days/attendance', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(AttendanceQuery, req.query);
    const data = await staff.attendanceReport(db(), req.user, q.campaign);
    return sendPage(reply, <AttendancePage ctx={viewContext(req)} data={data} />);
  });

  app.get('/admin/open-days/attendance.csv', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(AttendanceQuery, req.query);
    const data = await staff.attendanceReport(db(), req.user, q.campaign);
    const name = `open-day-attendance-${data.campaign?.id ?? 'none'}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(toCsv(attendanceRows(data, translator(req.locale))));
  });

  // ---------------- JSON API (staff)
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Figures = z.object({ registered: z.number(), checkedIn: z.number(), noShow: z.number(), expected: z.number(), waitlisted: z.number(), cancelled: z.number() });

  api.post(
    '/api/v1/open-days/points/:code/check-ins',
    {
      schema: {
        tags: ['open-days'],
        summary: 'Check a visitor in by code (staff of the point; idempotent)',
        security: [{ bearer: [] }, { cookie: [] }],
        params: z.object({ code: z.string().max(30) }),
        body: CheckInSchema,
        response: { 200: z.object({ code: z.string(), name: z.string(), status: z.string(), checkedInAt: z.string().nullable(), kind: z.string(), guestCategory: z.string().nullable(), already: z.boolean() }) },
      },
    },
    async (req) => {
      const r = await tx(req, (trx) => staff.checkInByCode(trx, actor(req), req.user, req.params.code, req.body.code));
      return presentCheckIn({ ...r.registration, code: formatCode(r.registration.code) }, r.already);
    },
  );

  api.get(
    '/api/v1/open-days/attendance',
    {
      schema: {
        tags: ['open-days'],
        summary: 'Attendance per point of a campaign (staff)',
        security: [{ bearer: [] }, { cookie: [] }],
        querystring: AttendanceQuery,
        response: { 200: z.object({ campaign: z.object({ id: z.number(), title: z.string() }).nullable(), total: Figures, points: z.array(z.object({ code: z.string(), topic: z.string(), capacity: z.number(), attendance: Figures })) }) },
      },
    },
    async (req) => {
      const r = await staff.attendanceReport(db(), req.user, req.query.campaign);
      return { campaign: r.campaign ? { id: r.campaign.id, title: r.campaign.title } : null, total: r.total, points: r.points.map((p) => ({ code: p.code, topic: p.topic, capacity: p.capacity, attendance: p.attendance })) };
    },
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
