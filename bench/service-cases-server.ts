import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nowIso } from '../src/platform/clock.js';
import { createSession } from '../src/platform/sessions/sessions.js';
import { makeServiceItem } from '../test/helpers/service-items.js';

// The real app on a SQLite file (WAL) with one published 承诺件 item and APPLICANTS signed-in citizens
// (sessions made here, so the run measures applying, not password hashing). Started by
// bench/service-cases.ts in a child process; sends back the port, the item code and the bearer tokens.
const url = process.env.DATABASE_URL!;
const applicants = Number(process.env.APPLICANTS ?? 200);
const db = connect(url);
await migrateToLatest(db);
const now = nowIso();
const dept = await db.kysely
  .insertInto('department')
  .values({ code: 'bench-dept', nameZh: '基准测试部门', nameEn: 'Bench department', kind: 'department', functions: '', address: '', officeHours: '', phone: '', email: '', website: '', headName: '', headTitle: '', sortOrder: 0, createdAt: now, updatedAt: now })
  .returning('id')
  .executeTakeFirstOrThrow();
const item = await makeServiceItem(db, dept.id, { audience: 'both', promisedDays: 5 });
const tokens: string[] = [];
for (let i = 0; i < applicants; i++) {
  const u = await db.kysely
    .insertInto('user')
    .values({ username: `bench-citizen-${i}`, displayName: `申请人${i}`, passwordHash: '!', role: 'citizen', mobile: `138${String(i).padStart(8, '0')}`, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  tokens.push((await createSession(db.kysely, u.id, 24, { ip: '127.0.0.1', userAgent: 'bench' })).token);
}
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, DEMO_DATA: 'false' }), processMetrics: false, workers: false };
const app = await buildApp(config, { db });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, itemCode: item.code, tokens });
