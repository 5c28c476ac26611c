import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './database.js';

/** Which SQL engine a connection speaks; dialect-specific SQL branches on this and nothing else. */
export type DialectName = 'sqlite' | 'postgres';

/** A live database: the Kysely instance plus what the platform needs to know about it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** SQLite file path (for backup), undefined on PostgreSQL. */
  sqlitePath?: string;
  /** The raw better-sqlite3 handle, used only by the online backup. */
  sqliteHandle?: SQLite.Database;
  destroy(): Promise<void>;
}

/** Parses DATABASE_URL into a dialect and a location. */
export function parseDatabaseUrl(url: string): { dialect: DialectName; location: string } {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!location) {
      throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/gongkai.db');
    }
    return { dialect: 'sqlite', location };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', location: url };
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

// COUNT(*) and BIGSERIAL come back from pg as strings by default; our counts fit in a JS number.
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === 20 && format !== 'binary') {
      return (v: string) => Number(v);
    }
    if (oid === 1700 && format !== 'binary') {
      return (v: string) => Number(v);
    }
    return pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown;
  },
};

const statementCaches = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/**
 * The prepared statement for `sqlText` on this connection, prepared once and kept: on SQLite
 * preparing costs as much as running a small query. Kysely's queries and the hand-written hot paths
 * (outbox inserts, registrations) share one cache per connection, bounded to `max` shapes.
 */
export function cachedStatement<P extends unknown[] = unknown[], R = unknown>(handle: SQLite.Database, sqlText: string, max = 500): SQLite.Statement<P, R> {
  let cache = statementCaches.get(handle);
  if (!cache) {
    cache = new Map();
    statementCaches.set(handle, cache);
  }
  let stmt = cache.get(sqlText);
  if (!stmt) {
    stmt = handle.prepare(sqlText);
    if (cache.size >= max) {
      // Drop the oldest entry: Map keeps insertion order.
      cache.delete(cache.keys().next().value!);
    }
    cache.set(sqlText, stmt);
  }
  return stmt as unknown as SQLite.Statement<P, R>;
}

/** Kysely prepares every query afresh; its queries come from a fixed set of shapes, so they go through the cache. */
function withStatementCache(handle: SQLite.Database) {
  return {
    close: () => handle.close(),
    prepare: (sqlText: string) => cachedStatement(handle, sqlText),
  };
}

/**
 * Transactions take SQLite's write lock at BEGIN (IMMEDIATE) instead of at their first write. With a
 * deferred BEGIN, a transaction that reads and then writes while another process (a second instance,
 * the CLI) has committed fails at once with SQLITE_BUSY, which busy_timeout cannot wait out.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/** Opens the database named by the URL; creates the SQLite file and its folder if needed. */
const rawHandles = new WeakMap<object, SQLite.Database>();

/**
 * The better-sqlite3 handle behind a Kysely instance or one of its transactions (they share the one
 * connection and its adapter), for the few reads where Kysely's per-row work is the cost: full-text
 * searches returning tens of thousands of ids, the matcher reading the whole enterprise directory.
 */
export function sqliteHandleOf(db: object): SQLite.Database | undefined {
  const executor = (db as { getExecutor?: () => { adapter: object } }).getExecutor?.();
  return rawHandles.get(db) ?? (executor ? rawHandles.get(executor.adapter) : undefined);
}

/**
 * The SQLite connection itself, but only inside a transaction: the transaction holds the one
 * connection (Kysely's mutex), so statements run on it directly belong to that transaction and commit
 * or roll back with it. Outside a transaction, or on PostgreSQL, undefined: use Kysely.
 */
export function sqliteInTransaction(db: { isTransaction: boolean }): SQLite.Database | undefined {
  return db.isTransaction ? sqliteHandleOf(db) : undefined;
}

export function connect(url: string, opts: { poolSize?: number } = {}): Db {
  const { dialect, location } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') {
    if (location !== ':memory:') {
      fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
    }
    const handle = new SQLite(location);
    // WAL lets readers go on while one writer commits; busy_timeout absorbs short lock waits.
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    // 64 MiB of page cache instead of 2: bulk transactions (a full match writes hundreds of thousands of
    // rows) otherwise re-read the same index pages from the file again and again.
    handle.pragma('cache_size = -65536');
    // Savepoints (group commit gives every request one) keep the pages they change in a sub-journal;
    // with temp files on disk that journal spilled to a file, which made every insert in a savepoint
    // about half as fast again. Temporary storage in memory keeps it off the disk.
    handle.pragma('temp_store = MEMORY');
    // Checkpoint the write-ahead log at 16 MiB instead of 4: pages that many commits change (index
    // leaves, counters) are copied back into the file once per checkpoint rather than four times, which
    // took a quarter off the commit cost of the open-day flash crowd.
    handle.pragma('wal_autocheckpoint = 4000');
    const kysely = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(handle) }),
      plugins: [new CamelCasePlugin()],
    });
    rawHandles.set(kysely, handle);
    rawHandles.set(kysely.getExecutor().adapter, handle);
    return {
      kysely,
      dialect,
      sqlitePath: location,
      sqliteHandle: handle,
      destroy: () => kysely.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: location, max: opts.poolSize ?? 10, types: pgTypes });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { kysely, dialect, destroy: () => kysely.destroy() };
}
