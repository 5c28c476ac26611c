import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Db, type DialectName } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** Which engine this run tests: TEST_DATABASE=postgres runs the suite on PostgreSQL, otherwise SQLite. */
export const TEST_DIALECT: DialectName = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

/** The server the PostgreSQL run uses; each test file gets a database of its own there. */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, migrated database, and how to throw it away. */
export interface TestDb {
  db: Db;
  url: string;
  /** Opens another connection to the same database (a second app instance). */
  reconnect(): Db;
  drop(): Promise<void>;
}

/** Creates a fresh database for one test file: a temporary SQLite file, or a new PostgreSQL database. */
export async function createTestDb(dialect: DialectName = TEST_DIALECT): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
    const url = `sqlite:${path.join(dir, 'test.db')}`;
    const db = connect(url);
    await migrateToLatest(db);
    const others: Db[] = [];
    return {
      db,
      url,
      reconnect: () => {
        const d = connect(url);
        others.push(d);
        return d;
      },
      drop: async () => {
        await Promise.all(others.map((o) => o.destroy()));
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `gk_test_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = connect(url, { poolSize: 5 });
  await migrateToLatest(db);
  const others: Db[] = [];
  return {
    db,
    url,
    reconnect: () => {
      const d = connect(url, { poolSize: 5 });
      others.push(d);
      return d;
    },
    drop: async () => {
      await Promise.all(others.map((o) => o.destroy()));
      await db.destroy();
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        // pg's Pool.end() resolves before its sockets have closed; forcing the drop while one is still
        // closing hands it "terminating connection due to administrator command" as an unhandled error.
        for (let i = 0; i < 250; i++) {
          const r = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (r.rows[0]?.n === 0) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
