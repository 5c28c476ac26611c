import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, safeNext, seeOther, tx } from '../../http/route-helpers.js';
import { clearSessionCookie, setSessionCookie } from '../../http/request-context.js';
import { parseInput } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { createSession, deleteSession } from '../../platform/sessions/index.js';
import { emptyForm } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import { presentUser } from './accounts.presenter.js';
import * as service from './accounts.service.js';
import { ChangePasswordSchema, CreateUserSchema, LoginSchema, RegisterSchema, UpdateUserSchema, UserListQuery } from './accounts.schema.js';
import { AccountPage, LoginPage, RegisterPage, UserFormPage, UserListPage } from './accounts.views.js';

const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const registerLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

function openSession(req: FastifyRequest, _reply: FastifyReply, userId: number) {
  return createSession(req.server.db.kysely, userId, req.server.config.sessionHours, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
}

/** Login, logout, registration, the account page, and the admin user pages. */
export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  const policy = { maxFailures: app.config.loginMaxFailures, lockoutMinutes: app.config.lockoutMinutes };

  // ---- HTML ----
  app.get('/login', { schema: { hide: true } }, async (req, reply) => {
    const next = (req.query as Record<string, unknown>).next;
    return sendPage(reply, <LoginPage ctx={viewContext(req)} form={emptyForm({ next: typeof next === 'string' ? next : '' })} />);
  });

  app.post('/login', { config: loginLimit, schema: { hide: true } }, async (req, reply) => {
    const ctx = viewContext(req);
    try {
      const input = parseInput(LoginSchema, withoutCsrf(req.body));
      const user = await service.authenticate(app.db.kysely, input.username, input.password, policy);
      const s = await openSession(req, reply, user.id);
      setSessionCookie(app, reply, s.token, app.config.sessionHours);
      const staff = user.role === 'editor' || user.role === 'reviewer' || user.role === 'admin';
      return seeOther(reply, safeNext(input.next, staff ? '/admin' : '/account'));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'unauthenticated' || err.code === 'account_locked' || err.code === 'forbidden' || err.code === 'validation_failed')) {
        const body = withoutCsrf(req.body);
        const str = (v: unknown) => (typeof v === 'string' ? v : '');
        const form = { values: { username: str(body.username), next: str(body.next) }, errors: {} };
        const message = err.code === 'validation_failed' ? ctx.t('auth.bad_credentials') : ctx.t(err.key, err.params);
        return sendPage(reply, <LoginPage ctx={ctx} form={form} message={message} />, err.status === 400 ? 400 : err.status);
      }
      throw err;
    }
  });

  app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
    if (req.sessionId) {
      await deleteSession(app.db.kysely, req.sessionId);
    }
    clearSessionCookie(reply);
    return seeOther(reply, '/');
  });

  app.get('/register', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <RegisterPage ctx={viewContext(req)} form={emptyForm({ kind: 'citizen' })} />));

  app.post('/register', { config: registerLimit, schema: { hide: true } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      RegisterSchema,
      (input, trx) => service.register(trx, input),
      async (userId) => {
        const s = await openSession(req, reply, userId);
        setSessionCookie(app, reply, s.token, app.config.sessionHours);
        return seeOther(reply, '/account?welcome=1');
      },
      (form) => <RegisterPage ctx={viewContext(req)} form={form} />,
    ),
  );

  const accountPage = async (req: FastifyRequest, reply: FastifyReply, form = emptyForm(), notice?: string, status = 200) => {
    const row = await service.getOwnProfile(app.db.kysely, req.user);
    const ctx = viewContext(req);
    return sendPage(reply, <AccountPage ctx={ctx} profile={presentUser(row)} form={form} notice={notice} />, status);
  };

  app.get('/account', { schema: { hide: true } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const ctx = viewContext(req);
    const notice = q.welcome ? ctx.t('account.welcome') : q.done === 'password' ? ctx.t('account.password_changed') : undefined;
    return accountPage(req, reply, emptyForm(), notice);
  });

  app.post('/account/password', { schema: { hide: true } }, async (req, reply) => {
    const me = req.user;
    const profile = presentUser(await service.getOwnProfile(app.db.kysely, me));
    return handleForm(
      req,
      reply,
      ChangePasswordSchema,
      (input, trx) => service.changePassword(trx, actor(req), me, input),
      async () => {
        // Every session ended, this one too; open a fresh one so the person stays signed in here.
        const s = await openSession(req, reply, profile.id);
        setSessionCookie(app, reply, s.token, app.config.sessionHours);
        return seeOther(reply, '/account?done=password');
      },
      (form) => <AccountPage ctx={viewContext(req)} profile={profile} form={form} />,
    );
  });

  app.post('/account/logout-everywhere', { schema: { hide: true } }, async (req, reply) => {
    await tx(req, (trx) => service.logoutEverywhere(trx, actor(req), req.user));
    clearSessionCookie(reply);
    return seeOther(reply, '/login');
  });

  // ---- Admin: users ----
  app.get('/admin/users', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(UserListQuery, req.query);
    const r = await service.listUsers(app.db.kysely, req.user, { role: q.role, q: q.q }, q.page);
    return sendPage(
      reply,
      <UserListPage ctx={viewContext(req)} rows={r.rows.map((u) => presentUser(u))} total={r.total} page={r.page} pageCount={r.pageCount} filter={{ role: q.role, q: q.q }} />,
    );
  });

  const departmentOptions = async (req: FastifyRequest) => listDepartmentOptions(app.db.kysely, req.locale);

  app.get('/admin/users/new', { schema: { hide: true } }, async (req, reply) => {
    service.assertAdmin(req.user);
    return sendPage(reply, <UserFormPage ctx={viewContext(req)} form={emptyForm({ role: 'editor' })} departments={await departmentOptions(req)} />);
  });

  app.post('/admin/users/new', { schema: { hide: true } }, async (req, reply) => {
    service.assertAdmin(req.user); // before validation, so that only an admin ever sees this form again
    const departments = await departmentOptions(req);
    return handleForm(
      req,
      reply,
      CreateUserSchema,
      (input, trx) => service.createUser(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/users/${id}?done=created`),
      (form) => <UserFormPage ctx={viewContext(req)} form={form} departments={departments} />,
    );
  });

  app.get('/admin/users/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as { id: string }).id);
    const { row, departmentIds } = await service.getUser(app.db.kysely, req.user, id);
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const form = emptyForm({
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      departmentIds: departmentIds.map(String),
      disabled: row.disabled === 1 ? 'on' : undefined,
    });
    const notice = typeof done === 'string' ? ctx.t('form.saved') : undefined;
    return sendPage(reply, <UserFormPage ctx={ctx} form={form} departments={await departmentOptions(req)} userId={id} notice={notice} />);
  });

  app.post('/admin/users/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as { id: string }).id);
    const departments = await departmentOptions(req);
    const existing = await service.getUser(app.db.kysely, req.user, id);
    return handleForm(
      req,
      reply,
      UpdateUserSchema,
      (input, trx) => service.updateUser(trx, actor(req), req.user, id, input),
      () => seeOther(reply, `/admin/users/${id}?done=saved`),
      (form) => <UserFormPage ctx={viewContext(req)} form={{ ...form, values: { ...form.values, username: existing.row.username } }} departments={departments} userId={id} />,
    );
  });

  app.post('/admin/users/:id/revoke-sessions', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as { id: string }).id);
    await tx(req, (trx) => service.revokeSessions(trx, actor(req), req.user, id));
    return seeOther(reply, `/admin/users/${id}?done=revoked`);
  });

  // ---- JSON API ----
  const api = app.withTypeProvider<ZodTypeProvider>();
  const UserOut = z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    residentId: z.string().nullable(),
    creditCode: z.string().nullable(),
    enterpriseName: z.string().nullable(),
    disabled: z.boolean(),
    locked: z.boolean(),
    departmentIds: z.array(z.number()),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  });

  api.post(
    '/api/v1/auth/login',
    {
      config: loginLimit,
      schema: {
        tags: ['accounts'],
        summary: 'Sign in; returns a bearer token for the API',
        body: LoginSchema,
        response: { 200: z.object({ token: z.string(), expiresAt: z.string(), user: UserOut }) },
      },
    },
    async (req, reply) => {
      const user = await service.authenticate(app.db.kysely, req.body.username, req.body.password, policy);
      const s = await openSession(req, reply, user.id);
      return { token: s.token, expiresAt: s.expiresAt, user: presentUser(user) };
    },
  );

  api.post('/api/v1/auth/logout', { schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null() } } }, async (req, reply) => {
    if (!req.sessionId) {
      throw new AppError('unauthenticated');
    }
    await deleteSession(app.db.kysely, req.sessionId);
    return reply.status(204).send(null);
  });

  api.post(
    '/api/v1/auth/register',
    { config: registerLimit, schema: { tags: ['accounts'], summary: 'Register a citizen or enterprise account', body: RegisterSchema, response: { 201: UserOut } } },
    async (req, reply) => {
      const id = await tx(req, (trx) => service.register(trx, req.body));
      const row = await service.getUserUnchecked(app.db.kysely, id);
      return reply.status(201).send(presentUser(row));
    },
  );

  api.get('/api/v1/me', { schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: UserOut } } }, async (req) => {
    const row = await service.getOwnProfile(app.db.kysely, req.user);
    return presentUser(row, req.user?.departmentIds ?? []);
  });

  api.get(
    '/api/v1/users',
    { schema: { tags: ['accounts'], summary: 'List users (admin)', querystring: UserListQuery, response: { 200: z.object({ items: z.array(UserOut), total: z.number(), page: z.number(), pageCount: z.number() }) } } },
    async (req) => {
      const r = await service.listUsers(app.db.kysely, req.user, { role: req.query.role, q: req.query.q }, req.query.page);
      return { items: r.rows.map((u) => presentUser(u)), total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );

  api.post('/api/v1/users', { schema: { tags: ['accounts'], summary: 'Create a user (admin)', body: CreateUserSchema, response: { 201: UserOut } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createUser(trx, actor(req), req.user, req.body));
    const { row, departmentIds } = await service.getUser(app.db.kysely, req.user, id);
    return reply.status(201).send(presentUser(row, departmentIds));
  });

  api.put(
    '/api/v1/users/:id',
    { schema: { tags: ['accounts'], summary: 'Update a user (admin)', params: z.object({ id: idParam }), body: UpdateUserSchema, response: { 200: UserOut } } },
    async (req) => {
      await tx(req, (trx) => service.updateUser(trx, actor(req), req.user, req.params.id, req.body));
      const { row, departmentIds } = await service.getUser(app.db.kysely, req.user, req.params.id);
      return presentUser(row, departmentIds);
    },
  );
}
