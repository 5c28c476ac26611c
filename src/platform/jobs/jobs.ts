import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from '../../http/context.js';
import { nowIso } from '../clock.js';
import * as repo from './jobs.repository.js';

/** A job handler: receives the payload; throwing means "try again later". */
export type JobHandler = (payload: unknown, job: { id: number; attempts: number }) => Promise<void>;

/**
 * Queues background work. Call it inside the transaction of the write that causes it (outbox): the
 * job exists if and only if the write committed. The idempotency key makes the enqueue safe to repeat.
 */
export async function enqueue(
  db: Executor,
  queue: string,
  payload: unknown,
  opts: { idempotencyKey?: string; runAt?: string; maxAttempts?: number } = {},
): Promise<boolean> {
  const now = nowIso();
  return repo.insertJob(db, {
    queue,
    payload: JSON.stringify(payload ?? null),
    idempotencyKey: opts.idempotencyKey ?? null,
    runAt: opts.runAt ?? now,
    maxAttempts: opts.maxAttempts ?? 8,
    createdAt: now,
  });
}

/** Exponential back-off with jitter: 2^attempt seconds (capped at one hour), ±20 %. */
export function backoffMs(attempt: number): number {
  const base = Math.min(3600, 2 ** attempt) * 1000;
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** A periodic job: enqueued once per period across all instances thanks to its idempotency key. */
export interface Schedule {
  queue: string;
  everyMs: number;
}

/** Runs claimed jobs through their handlers; several workers (in one or many processes) share the queue. */
export class Worker {
  readonly id = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Executor,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: FastifyBaseLogger,
    private readonly opts: { pollMs: number; batch: number; schedules: Schedule[] } = { pollMs: 1000, batch: 10, schedules: [] },
  ) {}

  /** Processes due jobs once; returns how many ran. */
  async runOnce(): Promise<number> {
    await this.enqueueSchedules();
    const jobs = await repo.claimDue(this.db, this.id, nowIso(), this.opts.batch);
    for (const job of jobs) {
      const handler = this.handlers[job.queue];
      try {
        if (!handler) {
          throw new Error(`no handler for queue ${job.queue}`);
        }
        await handler(JSON.parse(job.payload) as unknown, { id: job.id, attempts: job.attempts });
        await repo.markDone(this.db, job.id, nowIso());
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const retryAt = job.attempts < job.maxAttempts ? new Date(Date.now() + backoffMs(job.attempts)).toISOString() : null;
        this.log.warn({ jobId: job.id, queue: job.queue, attempts: job.attempts, err: message, dead: retryAt === null }, 'job failed');
        await repo.markFailed(this.db, job.id, message.slice(0, 2000), retryAt, nowIso());
      }
    }
    return jobs.length;
  }

  private async enqueueSchedules(): Promise<void> {
    const now = Date.now();
    for (const s of this.opts.schedules) {
      const slot = Math.floor(now / s.everyMs);
      await enqueue(this.db, s.queue, { slot }, { idempotencyKey: `schedule:${s.queue}:${slot}`, maxAttempts: 3 });
    }
  }

  /** Starts polling. */
  start(): void {
    const tick = () => {
      if (this.stopped) {
        return;
      }
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((err: unknown) => this.log.error({ err }, 'worker tick failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) {
            this.timer = setTimeout(tick, this.opts.pollMs);
          }
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the batch in hand to finish (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
    }
    await this.running;
  }
}

export { listByStatus, requeue, countByStatus } from './jobs.repository.js';
