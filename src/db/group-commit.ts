import type { Kysely } from 'kysely';
import { cachedStatement, sqliteInTransaction } from './connect.js';
import type { Database } from './database.js';

/**
 * Group commit for SQLite: small write transactions that arrive together share one real transaction.
 *
 * SQLite has one writer, and a commit costs more than a registration's own statements (the WAL
 * append, and now and then a checkpoint). In a flash crowd the requests queue behind the writer
 * anyway, so the committer takes every request waiting at that moment (up to `maxBatch`) into one
 * BEGIN IMMEDIATE … COMMIT, each inside its own savepoint: a request that fails is rolled back to its
 * savepoint alone and gets its own error, the others go on. Every caller is answered only after the
 * COMMIT, so an acknowledged write is durable exactly as with a transaction of its own; if the
 * COMMIT fails, every caller of the batch gets the error. A lone request is a batch of one.
 *
 * The work must only touch the database (no slow awaits such as password hashing): the batch holds
 * the write lock while it runs.
 */
export class GroupCommitter {
  private readonly queue: Array<Job<unknown>> = [];
  private running = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 128,
  ) {}

  /** Runs `work` in a savepoint of the next batch; resolves once that batch has committed. */
  run<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        // Start on the next turn of the event loop, not now: SQLite answers synchronously, so a batch
        // started at once would run to its commit before any other request's handler could join it.
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.runBatch(this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Array<Job<unknown>>): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        const raw = sqliteInTransaction(trx)!;
        for (const job of batch) {
          cachedStatement(raw, 'savepoint group_commit').run();
          try {
            const value = await job.work(trx);
            cachedStatement(raw, 'release group_commit').run();
            outcomes.push({ ok: true, value });
          } catch (error) {
            cachedStatement(raw, 'rollback to group_commit').run();
            cachedStatement(raw, 'release group_commit').run();
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) {
        job.reject(error);
      }
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) {
        job.resolve(o.value);
      } else {
        job.reject(o.error);
      }
    });
  }
}

interface Job<T> {
  work: (trx: Kysely<Database>) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

const committers = new WeakMap<Kysely<Database>, GroupCommitter>();

/**
 * Runs `work` as a write transaction: grouped with concurrent ones on SQLite (see GroupCommitter),
 * a transaction of its own on PostgreSQL, whose many connections commit in parallel already.
 */
export function groupTransaction<T>(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialect !== 'sqlite') {
    return db.transaction().execute(work);
  }
  let c = committers.get(db);
  if (!c) {
    c = new GroupCommitter(db);
    committers.set(db, c);
  }
  return c.run(work);
}
