import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/connect.js';
import { migrateDownAll, migrateToLatest } from '../src/db/migrate.js';
import { createTestDb, TEST_DIALECT } from './helpers/db.js';
import { authenticate } from '../src/modules/accounts/accounts.service.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, timeout: 60_000 });

describe('the operator CLI on SQLite', () => {
  let dir: string;
  let url: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
    url = `sqlite:${path.join(dir, 'live.db')}`;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, loads the demo data once, adds a user, and backs up a live database consistently', async () => {
    await cli(['migrate'], { DATABASE_URL: url });
    const demo = await cli(['demo'], { DATABASE_URL: url });
    expect(demo.stdout).toContain('demo data loaded');
    const again = await cli(['demo'], { DATABASE_URL: url });
    expect(again.stdout).toContain('not loaded');

    // Another process keeps writing while the CLI adds a user (its transaction waits for the file lock)
    // and while the backup runs (the copy must still be a consistent snapshot).
    const writer = connect(url);
    let writing = true;
    const writes = (async () => {
      let i = 0;
      while (writing) {
        await writer.kysely.transaction().execute((trx) => trx.insertInto('setting').values({ key: `load-${i++}`, value: 'x' }).execute());
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await cli(['user', 'add', '--username', 'ops-admin', '--password', 'ops-pass-2026', '--role', 'admin'], { DATABASE_URL: url });
    await expect(cli(['user', 'add', '--username', 'bad-editor', '--password', 'ops-pass-2026', '--role', 'editor'], { DATABASE_URL: url })).rejects.toThrow(/departments/);
    const dest = path.join(dir, 'backup', 'copy.db');
    const out = await cli(['backup', dest], { DATABASE_URL: url });
    writing = false;
    await writes;
    expect(out.stdout).toContain('backup');

    const copy = new SQLite(dest, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const users = copy.prepare('select username from user order by id').all() as Array<{ username: string }>;
    expect(users.map((u) => u.username)).toContain('ops-admin');
    expect(users.map((u) => u.username)).toContain('admin');
    copy.close();

    const user = await authenticate(writer.kysely, 'ops-admin', 'ops-pass-2026', { maxFailures: 5, lockoutMinutes: 15 });
    expect(user.role).toBe('admin');

    // The demo's matches, computed again by the operator: the same counts, no new notifications.
    const stored = await writer.kysely.selectFrom('policyMatchRun').select((eb) => eb.fn.sum<number>('met').as('n')).executeTakeFirstOrThrow();
    const matched = await cli(['match'], { DATABASE_URL: url });
    expect(matched.stdout).toMatch(new RegExp(`: ${Number(stored.n)} met, \\d+ near misses, \\d+ undecided; 0 new notifications`));
    await expect(cli(['match', '--date', 'tomorrow'], { DATABASE_URL: url })).rejects.toThrow(/YYYY-MM-DD/);
    await writer.destroy();
  }, 120_000);
});

describe(`migrations on ${TEST_DIALECT}`, () => {
  it('run down completely and up again', async () => {
    const t = await createTestDb();
    try {
      await migrateDownAll(t.db);
      const tablesAfterDown = await t.db.kysely.introspection.getTables();
      expect(tablesAfterDown.map((x) => x.name).filter((n) => !n.startsWith('kysely_'))).toEqual([]);
      await migrateToLatest(t.db);
      const tables = (await t.db.kysely.introspection.getTables()).map((x) => x.name);
      expect(tables).toEqual(expect.arrayContaining(['user', 'session', 'audit_log', 'job', 'portal_column', 'article', 'article_version']));
    } finally {
      await t.drop();
    }
  });
});
