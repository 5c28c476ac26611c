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
  // A job left 'running' for five minutes belongs to a worker that died; it is claimed again.
  const staleBefore = new Date(Date.parse(now) - 5 * 60_000).toISOString();
  const pg = isPostgres(db);
  // One statement: the sub-select picks due jobs and the update takes them, so no other worker can
  // take the same job in between (SQLite runs it under its single write lock).
  return db
    .updateTable('job')
    .set((eb) => ({ status: 'running', lockedBy: workerId, lockedAt: now, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('job')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', '=', 'pending'), w('runAt', '<=', now)]),
            w.and([w('status', '=', 'running'), w('lockedAt', '<', staleBefore)]),
          ]),
        )
        .orderBy('runAt')
        .limit(limit);
      return pg ? due.forUpdate().skipLocked() : due;
    })
    .returningAll()
    .execute();
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
