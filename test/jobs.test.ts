import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { enqueue, requeue, Worker, type JobHandler } from '../src/platform/jobs/index.js';
import { nowIso } from '../src/platform/clock.js';

// Background jobs: the outbox enqueue, the worker's retry with back-off, the dead-letter page, and
// several workers on several connections sharing one queue.

describe(`background jobs (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let queueNo = 0;

  /** A queue name of its own for each test, so that tests do not see each other's jobs. */
  const freshQueue = () => `test.q${++queueNo}`;
  const k = () => t.db.kysely;
  const jobsIn = (queue: string) => k().selectFrom('job').selectAll().where('queue', '=', queue).orderBy('id').execute();
  const job = (id: number) => k().selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** Makes a waiting job due now (instead of waiting out its back-off). */
  const makeDue = (id: number) => k().updateTable('job').set({ runAt: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
  const removeQueue = (queue: string) => k().deleteFrom('job').where('queue', '=', queue).execute();
  const worker = (handlers: Record<string, JobHandler>, db = k(), batch = 10) => new Worker(db, handlers, app.log, { pollMs: 1000, batch, schedules: [] });

  beforeAll(async () => ({ t, app } = await startTestApp()));
  afterAll(() => stopTestApp(t, app));

  it('enqueue with the same idempotency key twice makes one job', async () => {
    const q = freshQueue();
    expect(await enqueue(k(), q, { n: 1 }, { idempotencyKey: `${q}:once` })).toBe(true);
    expect(await enqueue(k(), q, { n: 2 }, { idempotencyKey: `${q}:once` })).toBe(false);
    // Jobs without a key are never merged.
    expect(await enqueue(k(), q, { n: 3 })).toBe(true);
    expect(await enqueue(k(), q, { n: 3 })).toBe(true);
    const rows = await jobsIn(q);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ payload: '{"n":1}', idempotencyKey: `${q}:once`, status: 'pending', attempts: 0, maxAttempts: 8 });
    await removeQueue(q); // no worker here has a handler for them
  });

  it('enqueue inside a transaction that rolls back leaves no job (outbox)', async () => {
    const q = freshQueue();
    await expect(
      k()
        .transaction()
        .execute(async (trx) => {
          await enqueue(trx, q, { n: 1 });
          throw new Error('the write failed');
        }),
    ).rejects.toThrow('the write failed');
    expect(await jobsIn(q)).toHaveLength(0);
  });

  it('runOnce runs the handler with the payload and marks the job done', async () => {
    const q = freshQueue();
    await enqueue(k(), q, { hello: '世界' }, { idempotencyKey: `${q}:1` });
    const calls: Array<{ payload: unknown; attempts: number }> = [];
    const w = worker({ [q]: async (payload, j) => void calls.push({ payload, attempts: j.attempts }) });
    expect(await w.runOnce()).toBe(1);
    expect(calls).toEqual([{ payload: { hello: '世界' }, attempts: 1 }]);
    const [row] = await jobsIn(q);
    expect(row).toMatchObject({ status: 'done', attempts: 1, lockedBy: null, lastError: null });
    expect(row!.finishedAt).not.toBeNull();
    // Nothing left to do: a second pass runs nothing.
    expect(await w.runOnce()).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('does not run a job before its runAt', async () => {
    const q = freshQueue();
    await enqueue(k(), q, {}, { runAt: new Date(Date.now() + 3600_000).toISOString() });
    let ran = 0;
    expect(await worker({ [q]: async () => void ran++ }).runOnce()).toBe(0);
    expect(ran).toBe(0);
    expect((await jobsIn(q))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('retries a failing job with back-off, then parks it as dead after maxAttempts; requeue brings it back', async () => {
    const q = freshQueue();
    await enqueue(k(), q, { n: 1 }, { maxAttempts: 3 });
    const id = (await jobsIn(q))[0]!.id;
    let fail = true;
    let calls = 0;
    const w = worker({
      [q]: async () => {
        calls++;
        if (fail) {
          throw new Error(`boom ${calls}`);
        }
      },
    });

    for (let attempt = 1; attempt <= 2; attempt++) {
      const started = Date.now();
      expect(await w.runOnce()).toBe(1);
      const row = await job(id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: `boom ${attempt}`, lockedBy: null, finishedAt: null });
      // Back-off: 2^attempt seconds ±20 %.
      const wait = Date.parse(row.runAt) - started;
      expect(wait).toBeGreaterThanOrEqual(2 ** attempt * 1000 * 0.8 - 50);
      expect(wait).toBeLessThanOrEqual(2 ** attempt * 1000 * 1.2 + 1000);
      // Not due yet: the worker leaves it alone.
      expect(await w.runOnce()).toBe(0);
      expect(calls).toBe(attempt);
      await makeDue(id);
    }
    expect(await w.runOnce()).toBe(1);
    let row = await job(id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lastError: 'boom 3', lockedBy: null });
    expect(row.finishedAt).not.toBeNull();
    await makeDue(id);
    expect(await w.runOnce()).toBe(0); // dead jobs are never claimed
    expect(calls).toBe(3);

    expect(await requeue(k(), id, nowIso())).toBe(true);
    row = await job(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: null, finishedAt: null });
    expect(await requeue(k(), id, nowIso())).toBe(false); // only dead jobs are requeued
    fail = false;
    expect(await w.runOnce()).toBe(1);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(calls).toBe(4);
  });

  it('a job whose queue has no handler fails like a throwing handler', async () => {
    const q = freshQueue();
    await enqueue(k(), q, {}, { maxAttempts: 1 });
    expect(await worker({}).runOnce()).toBe(1);
    expect((await jobsIn(q))[0]).toMatchObject({ status: 'dead', attempts: 1, lastError: `no handler for queue ${q}` });
  });

  it('the admin jobs page lists dead jobs; retry requeues one and writes an audit row', async () => {
    const q = freshQueue();
    await enqueue(k(), q, {}, { maxAttempts: 1 });
    await worker({ [q]: async () => Promise.reject(new Error('mail server down')) }).runOnce();
    const dead = (await jobsIn(q))[0]!;
    expect(dead.status).toBe('dead');

    const adminUser = await makeUser(t.db, 'admin');
    const admin = new Browser(app);
    await admin.login(adminUser.username, adminUser.password);
    const page = await admin.get('/admin/jobs');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<td>${dead.id}</td><td>${q}</td>`);
    expect(page.body).toContain('mail server down');
    expect(page.body).toContain(`action="/admin/jobs/${dead.id}/retry"`);

    const auditBefore = await k().selectFrom('auditLog').selectAll().where('action', '=', 'job.retry').execute();
    const res = await admin.post(`/admin/jobs/${dead.id}/retry`, {}, '/admin/jobs');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/jobs');
    expect(await job(dead.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    const audit = await k().selectFrom('auditLog').selectAll().where('action', '=', 'job.retry').execute();
    expect(audit).toHaveLength(auditBefore.length + 1);
    expect(audit.at(-1)).toMatchObject({ entityType: 'job', entityId: String(dead.id), actorId: adminUser.id });
    expect((await admin.get('/admin/jobs')).body).not.toContain(`action="/admin/jobs/${dead.id}/retry"`);

    // Retrying a job that is not dead (or does not exist) is 404 and writes nothing.
    const again = await admin.post(`/admin/jobs/${dead.id}/retry`, {}, '/admin/jobs');
    expect(again.statusCode).toBe(404);
    expect((await admin.post('/admin/jobs/99999999/retry', {}, '/admin/jobs')).statusCode).toBe(404);
    expect(await k().selectFrom('auditLog').selectAll().where('action', '=', 'job.retry').execute()).toHaveLength(audit.length);
    await removeQueue(q);
  });

  it('the jobs page and retry are for the admin only', async () => {
    const q = freshQueue();
    await enqueue(k(), q, {}, { maxAttempts: 1 });
    await worker({}).runOnce();
    const dead = (await jobsIn(q))[0]!;
    const dept = await makeDepartment(t.db);
    for (const role of ['editor', 'reviewer'] as const) {
      const u = await makeUser(t.db, role, [dept.id]);
      const b = new Browser(app);
      await b.login(u.username, u.password);
      expect((await b.get('/admin/jobs')).statusCode).toBe(403);
      expect((await b.post(`/admin/jobs/${dead.id}/retry`, {}, '/admin')).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'GET', url: '/admin/jobs', headers: { accept: 'text/html' } })).statusCode).toBe(302);
    expect(await job(dead.id)).toMatchObject({ status: 'dead' });
  });

  it('two workers on two connections run each of 50 jobs exactly once', async () => {
    const q = freshQueue();
    for (let n = 0; n < 50; n++) {
      await enqueue(k(), q, { n }, { idempotencyKey: `${q}:${n}` });
    }
    const ids = (await jobsIn(q)).map((r) => r.id);
    expect(ids).toHaveLength(50);
    const calls = new Map<number, number>();
    const byWorker = [0, 0];
    const handler =
      (w: number): JobHandler =>
      async (_payload, j) => {
        calls.set(j.id, (calls.get(j.id) ?? 0) + 1);
        byWorker[w]!++;
        // Yield so that the two workers really overlap.
        await new Promise((r) => setTimeout(r, 1 + (j.id % 3)));
      };
    const other = t.reconnect();
    const a = worker({ [q]: handler(0) }, k(), 5);
    const b = worker({ [q]: handler(1) }, other.kysely, 5);
    let ran = 1;
    let rounds = 0;
    while (ran > 0 && rounds++ < 100) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      ran = x + y;
    }
    expect([...calls.keys()].sort((p, r) => p - r)).toEqual(ids);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    expect(byWorker[0]! + byWorker[1]!).toBe(50);
    const rows = await jobsIn(q);
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
    // Both workers took part, each job locked by exactly one of them.
    expect(new Set(rows.map((r) => r.lockedAt)).size).toBeGreaterThan(1);
    expect(byWorker[0]).toBeGreaterThan(0);
    expect(byWorker[1]).toBeGreaterThan(0);
  });
});
