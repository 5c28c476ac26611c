import { groupTransaction } from '../db/group-commit.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { z } from 'zod';
import type { Actor, Executor } from './context.js';
import { AppError } from './errors.js';
import { parseInput, problemsByField } from './validate.js';
import { withoutCsrf } from './schema-helpers.js';
import { actorOf } from '../platform/audit/index.js';
import type { FormState } from '../views/components.js';
import { sendPage } from '../views/render.js';

/** Who is acting in this request, for the audit log. */
export function actor(req: FastifyRequest): Actor {
  return actorOf(req.user, req.ip, req.id);
}

/** Runs a function in one database transaction: it all commits, or nothing does. */
export function tx<T>(req: FastifyRequest, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return req.server.db.kysely.transaction().execute(fn);
}

/**
 * Like tx, for small writes that arrive in crowds (open-day registrations): on SQLite concurrent
 * ones share one commit, each in its own savepoint, and each caller is answered after that commit.
 */
export function groupTx<T>(req: FastifyRequest, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return groupTransaction(req.server.db.kysely, req.server.db.dialect, fn);
}

function formValues(body: unknown): FormState['values'] {
  const out: FormState['values'] = {};
  for (const [k, v] of Object.entries(withoutCsrf(body))) {
    if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      out[k] = v;
    }
  }
  return out;
}

/**
 * The whole life of an HTML form post: validate with the endpoint's schema, run the action in a
 * transaction, and on bad input show the form again with each error beside its field and the
 * values kept (status 400), having written nothing.
 */
export async function handleForm<S extends z.ZodType, R>(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  action: (input: z.output<S>, trx: Executor) => Promise<R>,
  onSuccess: (result: R) => FastifyReply | Promise<FastifyReply>,
  renderForm: (form: FormState) => VNode,
): Promise<FastifyReply> {
  try {
    const input = parseInput(schema, withoutCsrf(req.body));
    const result = await tx(req, (trx) => action(input, trx));
    return await onSuccess(result);
  } catch (err) {
    if (err instanceof AppError && err.fields.length > 0) {
      return sendPage(reply, renderForm({ values: formValues(req.body), errors: problemsByField(err.fields) }), err.status);
    }
    throw err;
  }
}

/** Redirect after a successful post (303 so the browser follows with GET). */
export function seeOther(reply: FastifyReply, url: string): FastifyReply {
  return reply.redirect(url, 303);
}

/** Only local paths are followed after login, never another site. */
export function safeNext(next: string | undefined, fallback = '/'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
