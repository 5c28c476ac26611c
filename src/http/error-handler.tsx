import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from './errors.js';
import { issueToProblem } from './validate.js';
import { translate, DEFAULT_LOCALE } from '../platform/i18n/index.js';
import { viewContext } from '../views/context.js';
import { sendPage } from '../views/render.js';
import { ErrorPage } from '../views/error-page.js';

/**
 * True for a unique-constraint violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). Services
 * check for duplicates first; this catches the two concurrent requests that both passed the check.
 */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** One schema validation problem as Fastify reports it (the zod provider flattens each zod issue into this). */
interface SchemaProblem {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params: Record<string, unknown>;
}

/**
 * Fastify's schemaErrorFormatter: a request that fails its schema becomes our validation error at
 * once, each problem named by its field ("query.page" outside the body). Fastify's own formatter built
 * an Error (with a stack trace) and a message nobody reads, which made refusing bad input cost more
 * than accepting good input.
 */
export function schemaValidationError(problems: SchemaProblem[], context: string): AppError {
  const where = context && context !== 'body' ? `${context}.` : '';
  const fields: FieldProblem[] = problems.map((v) => {
    // Rebuild the zod issue the provider flattened.
    const issue = { ...v.params, code: v.keyword, message: v.message, path: v.instancePath.split('/').filter(Boolean) } as unknown as Parameters<typeof issueToProblem>[0];
    const p = issueToProblem(issue);
    return { ...p, field: where + p.field };
  });
  return new AppError('validation_failed', {}, fields);
}

/** Maps any thrown value to an AppError: ours as they are, Fastify's by their code, the rest as internal. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) {
    return err;
  }
  if (isUniqueViolation(err)) {
    return new AppError('conflict');
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    // Only when a schema error reaches us without the formatter (it is installed on the app).
    return schemaValidationError(err.validation, err.validationContext ?? 'body');
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_BAD_URL':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('bad_request');
    default:
      break;
  }
  if (fe.statusCode === 429) {
    return new AppError('rate_limited');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'not_found' : fe.statusCode === 413 ? 'payload_too_large' : 'bad_request');
  }
  return new AppError('internal');
}

/** True when the client wants a page rather than JSON. */
export function wantsHtml(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) {
    return false;
  }
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || !accept.includes('application/json');
}

/** The JSON body of an error: stable code, translated message, and the fields at fault. */
export function errorBody(req: FastifyRequest, e: AppError) {
  const locale = req.locale ?? DEFAULT_LOCALE;
  return {
    error: {
      code: e.code,
      message: translate(locale, e.key, e.params),
      ...(e.fields.length > 0
        ? { fields: e.fields.map((f) => ({ field: f.field, code: f.key, message: translate(locale, f.key, f.params) })) }
        : {}),
    },
    requestId: req.id,
  };
}

/** Sends an error as a page or as JSON. */
export function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  if (e.status === 401 && wantsHtml(req) && req.method === 'GET') {
    return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
  }
  if (wantsHtml(req)) {
    const ctx = viewContext(req);
    let message = ctx.t(e.key, e.params);
    if (e.fields.length > 0) {
      message += ' ' + e.fields.map((f) => `${f.field}: ${ctx.t(f.key, f.params)}`).join('; ');
    }
    return sendPage(reply, <ErrorPage ctx={ctx} status={e.status} message={message} />, e.status);
  }
  return reply.status(e.status).send(errorBody(req, e));
}

/** Installs the error and not-found handlers. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) {
      req.log.error({ err }, 'request failed');
    } else {
      req.log.info({ code: e.code, fields: e.fields.map((f) => f.field) }, 'request refused');
    }
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('not_found')));
}
