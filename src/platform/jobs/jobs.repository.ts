import { sql } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import type { JobTable } from '../../db/database.js';
import type { Selectable } from 'kysely';

export type JobRow = Selectable<JobTable>;

/** Inserts a job; a duplicate idempotency key is ignored (the job already exists). Returns true if new. */
export async function insertJob(
  db: Executor,
  job: { queue: string; payload: string; idempotencyKey: string | null; runAt: string; maxAttempts: number; createdAt: string },
): Promise<boolean> {
  const r = await db
    .insertInto('job')
    .values({ ...job, status: 'pending' })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Claims up to `limit` due jobs for one worker. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets any number
 * of workers on any number of machines claim side by side without taking the same job; SQLite has one
 * writer at a time, so the update itself is the claim.
 */
export async function claimDue(db: Executor, workerId: string, now: string, limit: number): Promise<JobRow[]> {
  const staleBefore = new Date(Date.parse(now) - 5 * 60_000).toISOString();
  if (isPostgres(db)) {
    const result = await sql<JobRow>`
      update job set status = 'running', locked_by = ${workerId}, locked_at = ${now}, attempts = attempts + 1
      where id in (
        select id from job
        where (status = 'pending' and run_at <= ${now}) or (status = 'running' and locked_at < ${staleBefore})
        order by run_at limit ${limit}
        for update skip locked
      )
      returning id, queue, payload, idempotency_key as "idempotencyKey", status, run_at as "runAt",
        attempts, max_attempts as "maxAttempts", locked_by as "lockedBy", locked_at as "lockedAt",
        last_error as "lastError", created_at as "createdAt", finished_at as "finishedAt"`.execute(db);
    return result.rows;
  }
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('job')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('runAt', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('lockedAt', '<', staleBefore)]),
        ]),
      )
      .orderBy('runAt')
      .limit(limit)
      .execute();
    if (due.length === 0) {
      return [];
    }
    return trx
      .updateTable('job')
      .set((eb) => ({ status: 'running', lockedBy: workerId, lockedAt: now, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
}

/** Marks a job done. */
export async function markDone(db: Executor, id: number, now: string): Promise<void> {
  await db.updateTable('job').set({ status: 'done', finishedAt: now, lockedBy: null, lastError: null }).where('id', '=', id).execute();
}

/** Puts a failed job back for a later attempt, or parks it as dead. */
export async function markFailed(db: Executor, id: number, error: string, retryAt: string | null, now: string): Promise<void> {
  await db
    .updateTable('job')
    .set(retryAt ? { status: 'pending', runAt: retryAt, lockedBy: null, lastError: error } : { status: 'dead', finishedAt: now, lockedBy: null, lastError: error })
    .where('id', '=', id)
    .execute();
}

/** Dead jobs, newest first, for the staff page. */
export async function listByStatus(db: Executor, status: string, limit: number): Promise<JobRow[]> {
  return db.selectFrom('job').selectAll().where('status', '=', status).orderBy('id', 'desc').limit(limit).execute();
}

/** Sends a dead job back to the queue. */
export async function requeue(db: Executor, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ status: 'pending', runAt: now, attempts: 0, lastError: null, finishedAt: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Counts of jobs per status. */
export async function countByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db.selectFrom('job').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
