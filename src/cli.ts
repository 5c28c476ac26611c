import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { connect, parseDatabaseUrl, type Db } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, loadDemoData } from './demo/demo.js';
import { hashPassword } from './modules/accounts/index.js';
import { ROLES, type Role } from './http/context.js';
import { nowIso } from './platform/clock.js';
import { startServer } from './server.js';
import { importEnterprises } from './modules/enterprises/index.js';
import { expandPushBatches, matchAll } from './modules/navigator/index.js';
import { translate } from './platform/i18n/index.js';

const USAGE = `gongkai <command>

  serve                      migrate, load demo data into an empty database, and serve the portal
  migrate                    bring the database schema up to date
  demo                       load the demo data set (only into an empty database)
  user add --username U --password P --role R [--name N] [--departments code,code]
  user password --username U --password P
  user list
  import enterprises <file.csv|file.xlsx> [--as-of YYYY-MM-DD]
                             import a business-registration file into the enterprise directory
  match [--date YYYY-MM-DD]  match every active policy against every enterprise (the daily job does this too)
  backup <file>              consistent copy of the live database (SQLite: online backup; PostgreSQL: pg_dump)

Environment: DATABASE_URL (default sqlite:./data/gongkai.db), PORT (3000), see README.`;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = connect(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, departments: { type: 'string' } },
  });
  await withDb(async (db) => {
    if (sub === 'list') {
      const rows = await db.kysely.selectFrom('user').select(['id', 'username', 'displayName', 'role', 'disabled']).orderBy('id').execute();
      for (const r of rows) {
        console.log(`${r.id}\t${r.username}\t${r.role}\t${r.displayName}${r.disabled ? '\t(disabled)' : ''}`);
      }
      return;
    }
    if (!values.username || !values.password) {
      throw new Error('--username and --password are required');
    }
    if (values.password.length < 8 || !/[A-Za-z]/.test(values.password) || !/\d/.test(values.password)) {
      throw new Error('--password needs at least 8 characters with letters and digits');
    }
    const hash = await hashPassword(values.password);
    if (sub === 'password') {
      const r = await db.kysely.updateTable('user').set({ passwordHash: hash, failedLogins: 0, lockedUntil: null, updatedAt: nowIso() }).where('username', '=', values.username).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw new Error(`no user ${values.username}`);
      }
      await db.kysely.deleteFrom('session').where('userId', 'in', db.kysely.selectFrom('user').select('id').where('username', '=', values.username)).execute();
      console.log(`password of ${values.username} changed; their sessions ended`);
      return;
    }
    if (sub !== 'add') {
      throw new Error(USAGE);
    }
    const role = values.role as Role;
    if (!ROLES.includes(role)) {
      throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    }
    const codes = (values.departments ?? '').split(',').filter(Boolean);
    await db.kysely.transaction().execute(async (trx) => {
      const depts = codes.length ? await trx.selectFrom('department').select(['id', 'code']).where('code', 'in', codes).execute() : [];
      if (depts.length !== codes.length) {
        throw new Error(`unknown department code among: ${codes.join(', ')}`);
      }
      if ((role === 'editor' || role === 'reviewer') && depts.length === 0) {
        throw new Error('editors and reviewers need --departments');
      }
      const now = nowIso();
      const r = await trx
        .insertInto('user')
        .values({ username: values.username!, displayName: values.name ?? values.username!, passwordHash: hash, role, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (depts.length) {
        await trx
          .insertInto('userDepartment')
          .values(depts.map((d) => ({ userId: r.id, departmentId: d.id })))
          .execute();
      }
      console.log(`user ${values.username} (${role}) created with id ${r.id}`);
    });
  });
}

async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'as-of': { type: 'string' } } });
  const [what, file] = positionals;
  if (what !== 'enterprises' || !file) {
    throw new Error('usage: gongkai import enterprises <file.csv|file.xlsx> [--as-of YYYY-MM-DD]');
  }
  const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
  if (!format) {
    throw new Error('the file must end in .csv or .xlsx');
  }
  await withDb(async (db) => {
    const started = Date.now();
    const r = await importEnterprises(db.kysely, fs.createReadStream(file), format, {
      fileName: path.basename(file),
      asOf: values['as-of'],
      actor: { userId: null, name: 'command line', ip: '127.0.0.1', requestId: 'cli' },
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`import #${r.id} of ${r.fileName}: ${r.inserted} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.refused} refused (${seconds.toFixed(1)} s)`);
    for (const x of r.refusals.slice(0, 20)) {
      console.log(`  line ${x.line} ${x.creditCode}: ${x.problems.map((p) => `${p.field} ${translate('zh-CN', p.key, p.params)}`).join('; ')}`);
    }
    if (r.refused > 20) {
      console.log(`  … ${r.refused - 20} more refused rows: see /admin/enterprises/imports/${r.id}`);
    }
  });
}

async function backup(dest: string | undefined): Promise<void> {
  if (!dest) {
    throw new Error('backup needs a destination file');
  }
  const config = loadConfig();
  const { dialect, location } = parseDatabaseUrl(config.databaseUrl);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  if (dialect === 'postgres') {
    execFileSync('pg_dump', ['--format=custom', '--file', dest, location], { stdio: 'inherit' });
    console.log(`PostgreSQL dump written to ${dest} (restore with pg_restore)`);
    return;
  }
  const db = connect(config.databaseUrl);
  try {
    // SQLite's online backup API copies a consistent snapshot while the portal keeps writing. A write
    // between two steps restarts the copy, so after the first step the rest goes in one step: with a
    // busy portal and a large file, small steps could restart for ever.
    await db.sqliteHandle!.backup(dest, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    console.log(`SQLite backup of ${location} written to ${dest}`);
  } finally {
    await db.destroy();
  }
}

/** Entry point of `npx gongkai` and `npm start`. */
export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
    case undefined:
      await startServer(loadConfig());
      return;
    case 'migrate':
      await withDb(async () => console.log('database is up to date'));
      return;
    case 'demo':
      await withDb(async (db) => {
        if (!(await isEmpty(db))) {
          console.log('the database already has users; demo data not loaded');
          return;
        }
        await loadDemoData(db);
        console.log('demo data loaded');
      });
      return;
    case 'user':
      await userCommand(args);
      return;
    case 'backup':
      await backup(args[0]);
      return;
    case 'import':
      await importCommand(args);
      return;
    case 'match':
      await matchCommand(args);
      return;
    default:
      console.log(USAGE);
      process.exitCode = command === 'help' || command === '--help' ? 0 : 2;
  }
}

/** `match [--date YYYY-MM-DD]`: every active policy against every enterprise, on a reference date (today by default). */
async function matchCommand(args: string[]): Promise<void> {
  const i = args.indexOf('--date');
  const date = i >= 0 ? args[i + 1] : undefined;
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new Error('match: --date needs YYYY-MM-DD');
  }
  await withDb(async (db) => {
    await migrateToLatest(db);
    const t0 = performance.now();
    const s = await db.kysely.transaction().execute((trx) => (date ? matchAll(trx, date) : matchAll(trx)));
    console.log(`matched in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${s.met} met, ${s.near} near misses, ${s.unknown} undecided; ${s.notified} new notifications`);
    // A run that pushed to many enterprises left a batch: write its notifications now rather than at the server's next job.
    const slices = await expandPushBatches(db.kysely);
    if (slices > 0) {
      console.log(`push batch written out in ${slices} transactions`);
    }
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
