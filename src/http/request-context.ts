import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, parseLocale } from '../platform/i18n/index.js';
import { findSession, randomToken, touchSession } from '../platform/sessions/index.js';
import { AppError } from './errors.js';
import { STAFF_ROLES } from './context.js';

export const SESSION_COOKIE = 'gk_session';
const CSRF_COOKIE = 'gk_csrf';
const LANG_COOKIE = 'gk_lang';
const MODE_COOKIE = 'gk_mode';
const YEAR = 365 * 24 * 3600;
// Writing lastSeenAt on every request would turn every page view into a write; five minutes is enough.
const TOUCH_AFTER_MS = 5 * 60_000;

function firstString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

function cookieOptions(app: FastifyInstance, maxAge?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.cookieSecure, maxAge };
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/**
 * Sets locale, elderly mode and who is asking. Everything but the session lookup is synchronous, so
 * a request without a session token (most public traffic, every anonymous API call) never waits for
 * a promise; with a token the lookup's promise is returned.
 */
function resolveContext(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
  const query = (req.query ?? {}) as Record<string, unknown>;
  // Language: ?lang= switches and is remembered; otherwise the cookie; otherwise Chinese.
  const langParam = parseLocale(firstString(query.lang));
  if (langParam) {
    reply.setCookie(LANG_COOKIE, langParam, cookieOptions(app, YEAR));
  }
  req.locale = langParam ?? parseLocale(req.cookies[LANG_COOKIE]) ?? DEFAULT_LOCALE;

  const modeParam = firstString(query.mode);
  if (modeParam === 'elderly' || modeParam === 'standard') {
    reply.setCookie(MODE_COOKIE, modeParam, cookieOptions(app, YEAR));
  }
  req.elderly = (modeParam ?? req.cookies[MODE_COOKIE]) === 'elderly';

  req.user = null;
  req.sessionId = null;
  req.authVia = null;
  const bearer = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const token = bearer ?? req.cookies[SESSION_COOKIE];
  if (token) {
    return resolveSession(app, req, reply, token, bearer !== undefined);
  }
  setAnonymousCsrf(req);
  return undefined;
}

async function resolveSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: string, viaBearer: boolean): Promise<void> {
  const found = await findSession(app.db.kysely, token);
  if (found) {
    req.user = found.user;
    req.sessionId = found.sessionId;
    req.authVia = viaBearer ? 'bearer' : 'cookie';
    req.csrfToken = found.csrfToken;
    if (Date.now() - Date.parse(found.lastSeenAt) > TOUCH_AFTER_MS) {
      await touchSession(app.db.kysely, found.sessionId, app.config.sessionHours);
    }
    return;
  }
  if (!viaBearer) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
  setAnonymousCsrf(req);
}

function setAnonymousCsrf(req: FastifyRequest): void {
  // Anonymous forms (login, registration, requests) use a double-submit token bound to a cookie.
  // A visitor without one gets it only when a page with a form asks for it (csrfTokenOf).
  const anon = req.cookies[CSRF_COOKIE];
  req.csrfToken = anon && /^[A-Za-z0-9_-]{43}$/.test(anon) ? anon : '';
}

const issued = new WeakSet<FastifyRequest>();

/** The request's CSRF token, issuing an anonymous one (and its cookie) on first use. */
export function csrfTokenOf(req: FastifyRequest): string {
  if (!req.csrfToken) {
    req.csrfToken = randomToken();
    issued.add(req);
  }
  return req.csrfToken;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Rejects a state-changing request that does not prove it came from our own page. */
function checkCsrf(req: FastifyRequest): void {
  if (!UNSAFE.has(req.method) || req.authVia === 'bearer') {
    return;
  }
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const isForm = contentType.startsWith('application/x-www-form-urlencoded') || contentType.startsWith('multipart/form-data') || contentType.startsWith('text/plain');
  // A cross-site page cannot send JSON without a CORS preflight, which we never grant; an anonymous JSON
  // call carries no ambient credentials, so only cookie-authenticated or form-encoded requests need the token.
  if (!isForm && req.authVia !== 'cookie') {
    return;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const query = (req.query ?? {}) as Record<string, unknown>;
  const sent = firstString(req.headers['x-csrf-token']) ?? firstString(body._csrf) ?? firstString(query._csrf);
  if (!sent || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
    throw new AppError('csrf_failed');
  }
}

/** The staff area is closed to everyone else before any input is read; services then check the finer rules (admin only, own departments). Then CSRF. */
function checkAccess(req: FastifyRequest): void {
  if (req.url === '/admin' || req.url.startsWith('/admin/') || req.url.startsWith('/admin?')) {
    if (!req.user) {
      throw new AppError('unauthenticated');
    }
    if (!STAFF_ROLES.includes(req.user.role)) {
      throw new AppError('forbidden');
    }
  }
  checkCsrf(req);
}

/** Locale, elderly mode, session and CSRF for every request. */
export const requestContext = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('elderly', false);
  app.addHook('onRequest', (req, reply, done) => {
    const pending = resolveContext(app, req, reply);
    if (pending) {
      pending.then(() => done(), done);
    } else {
      done();
    }
  });
  app.addHook('preHandler', (req, _reply, done) => {
    try {
      checkAccess(req);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (issued.has(req)) {
      reply.setCookie(CSRF_COOKIE, req.csrfToken, cookieOptions(app));
    }
    done(null, payload);
  });
});

/** Sets the session cookie after login. */
export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string, hours: number): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(app, hours * 3600));
}

/** Clears the session cookie at logout. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
