import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { groupTx, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { userContact } from '../accounts/index.js';
import * as service from './open-day-registration.service.js';
import { CancelSchema, LookupSchema, RegistrationSchema } from './open-day-registration.schema.js';
import { presentAvailability, presentOwn, presentRegistered } from './open-day-registration.presenter.js';
import { CancelPage, ConfirmationPage, LookupPage, MyRegistrationsPage, RegisterPage } from './open-day-registration.views.js';

/** Attempts per person (client address + mobile number) per minute, unless the configuration sets another. */
export const DEFAULT_REGISTRATION_RATE_MAX = 5;

/**
 * Registration is limited per person, not per address: in a flash crowd thousands of people share a
 * few carrier or office NAT addresses, and a per-address limit would refuse them while one person's
 * retries are what needs holding back. The key is read after the body is parsed (preHandler).
 */
const registrationLimit = {
  rateLimit: {
    hook: 'preHandler' as const,
    timeWindow: '1 minute',
    max: (req: FastifyRequest) => req.server.config.openDayRegistrationRateMax ?? DEFAULT_REGISTRATION_RATE_MAX,
    keyGenerator: (req: FastifyRequest) => {
      const m = (req.body as Record<string, unknown> | undefined)?.mobile;
      return `odr:${req.ip}:${typeof m === 'string' ? m.replace(/\D/g, '').slice(-11) : ''}`;
    },
  },
};
// Lookups are by address: a code is 8 of 31 symbols, but nobody should get to try many.
const lookupLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const tokenOf = (req: FastifyRequest) => str((req.params as Record<string, string>).token);

/** Public registration pages, the private link pages, "my registrations" and the public JSON API. */
export async function openDayRegistrationRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const checkInUrl = (pointCode: string, code: string) => `${app.config.publicUrl}/admin/open-days/points/${pointCode}/check-in?q=${code}`;

  const registerPage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const pointCode = str((req.params as Record<string, string>).code);
    const data = await service.pointAvailability(db(), pointCode);
    let f = form;
    if (!f) {
      const wanted = str((req.query as Record<string, unknown>).session);
      const contact = req.user ? await userContact(db(), req.user.id) : undefined;
      f = emptyForm({ sessionId: wanted, name: contact?.name ?? '', mobile: contact?.mobile ?? '', email: contact?.email ?? '' });
    }
    return sendPage(reply, <RegisterPage ctx={viewContext(req)} data={data} form={f} />, status);
  };

  app.get('/open-days/points/:code/register', { schema: { hide: true } }, async (req, reply) => registerPage(req, reply));

  app.post('/open-days/points/:code/register', { config: registrationLimit, schema: { hide: true } }, async (req, reply) => {
    const pointCode = str((req.params as Record<string, string>).code);
    const data = await service.pointAvailability(db(), pointCode);
    return handleForm(
      req,
      reply,
      RegistrationSchema,
      async (input, trx) => {
        if (!data.sessions.some((s) => s.id === input.sessionId)) {
          throw new AppError('validation_failed', {}, [{ field: 'sessionId', key: 'validation.choice' }]);
        }
        return service.register(trx, input, req.user);
      },
      (r) => seeOther(reply, `${service.privateLink(r.token)}?done=${r.status === 'confirmed' ? 'registered' : 'waitlisted'}`),
      (form) => <RegisterPage ctx={viewContext(req)} data={data} form={form} />,
    );
  });

  app.get('/open-days/registrations/lookup', { schema: { hide: true } }, async (req, reply) => {
    const code = str((req.query as Record<string, unknown>).code);
    return sendPage(reply, <LookupPage ctx={viewContext(req)} form={emptyForm({ code })} found={null} />);
  });

  app.post('/open-days/registrations/lookup', { config: lookupLimit, schema: { hide: true } }, async (req, reply) => {
    const body = withoutCsrf(req.body);
    const values = { code: str(body.code), mobile: str(body.mobile) };
    try {
      const input = parseInput(LookupSchema, body);
      const found = await service.lookup(db(), input.code, input.mobile);
      return sendPage(reply.header('cache-control', 'no-store'), <LookupPage ctx={viewContext(req)} form={emptyForm(values)} found={found} />);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return sendPage(reply, <LookupPage ctx={viewContext(req)} form={{ values, errors: problemsByField(err.fields) }} found={null} />, 400);
      }
      throw err;
    }
  });

  app.get('/open-days/registrations/:token', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    const r = await service.byToken(db(), token);
    const done = str((req.query as Record<string, unknown>).done) || undefined;
    // The page's address is the person's key: never cached, never sent on as a referrer (helmet: no-referrer).
    return sendPage(reply.header('cache-control', 'no-store'), <ConfirmationPage ctx={viewContext(req)} r={r} token={token} checkInUrl={checkInUrl(r.pointCode, r.code)} done={done} />);
  });

  app.get('/open-days/registrations/:token/cancel', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    const r = await service.byToken(db(), token);
    return sendPage(reply.header('cache-control', 'no-store'), <CancelPage ctx={viewContext(req)} r={r} token={token} />);
  });

  app.post('/open-days/registrations/:token/cancel', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    await tx(req, (trx) => service.cancelByToken(trx, token));
    return seeOther(reply, `${service.privateLink(token)}?done=cancelled`);
  });

  app.get('/account/open-days', { schema: { hide: true } }, async (req, reply) => {
    const rows = await service.myRegistrations(db(), req.user);
    const done = str((req.query as Record<string, unknown>).done) === 'cancelled';
    return sendPage(reply, <MyRegistrationsPage ctx={viewContext(req)} rows={rows} done={done} />);
  });

  app.post('/account/open-days/:id/cancel', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    await tx(req, (trx) => service.cancelOwn(trx, req.user, id));
    return seeOther(reply, '/account/open-days?done=cancelled');
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const Own = z.object({
    code: z.string(),
    status: z.enum(['confirmed', 'waitlisted', 'cancelled', 'checked_in', 'no_show']),
    waitlistSeq: z.number().nullable(),
    name: z.string(),
    mobile: z.string(),
    campaign: z.string(),
    point: z.object({ code: z.string(), topic: z.string(), organiser: z.string(), address: z.string() }),
    startsAt: z.string(),
    endsAt: z.string(),
    checkedInAt: z.string().nullable(),
  });

  api.get(
    '/api/v1/open-days/points/:code/availability',
    {
      schema: {
        tags: ['open-days'],
        summary: 'Sessions of an open point with the places the public can still take',
        params: z.object({ code: z.string().max(30) }),
        response: {
          200: z.object({
            point: z.object({ code: z.string(), topic: z.string(), guestQuota: z.number() }),
            sessions: z.array(z.object({ id: z.number(), startsAt: z.string(), endsAt: z.string(), capacity: z.number(), placesLeft: z.number(), waitlisted: z.number(), registration: z.enum(['open', 'not_open', 'closed']) })),
          }),
        },
      },
    },
    async (req) => {
      const r = await service.pointAvailability(db(), req.params.code);
      return { point: { code: r.point.code, topic: r.point.topic, guestQuota: r.point.guestQuota }, sessions: r.sessions.map(presentAvailability) };
    },
  );

  api.post(
    '/api/v1/open-days/registrations',
    {
      config: registrationLimit,
      schema: {
        tags: ['open-days'],
        summary: 'Register for a session of an open point (real name; the waitlist when full and asked for)',
        description:
          'One transaction: capacity is taken by a conditional update, the same person (mobile, or ID number) never holds two registrations in one session or in overlapping sessions of the campaign, and the confirmation goes out through the outbox. 409 with the field sessionId when full (without joinWaitlist), already registered or overlapping. `url` is the private page (QR code, cancellation); its token is shown only here.',
        body: RegistrationSchema,
        response: { 201: z.object({ code: z.string(), status: z.enum(['confirmed', 'waitlisted']), waitlistPosition: z.number().nullable(), url: z.string(), cancelToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await groupTx(req, (trx) => service.register(trx, req.body, req.user));
      return reply.status(201).send(presentRegistered(r));
    },
  );

  api.post(
    '/api/v1/open-days/registrations/lookup',
    { config: lookupLimit, schema: { tags: ['open-days'], summary: 'A registration by its code and the mobile number it was made with', body: LookupSchema, response: { 200: Own } } },
    async (req) => presentOwn(await service.lookup(db(), req.body.code, req.body.mobile)),
  );

  api.post(
    '/api/v1/open-days/registrations/cancel',
    { schema: { tags: ['open-days'], summary: 'Cancel with the token of the cancellation link (the first waitlisted person moves up)', body: CancelSchema, response: { 200: Own } } },
    async (req) => presentOwn(await tx(req, (trx) => service.cancelByToken(trx, req.body.token))),
  );
}
