import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nowIso, todayInChina } from '../src/platform/clock.js';
import { seededRandom } from '../src/platform/random.js';
import { generateHouseholds } from '../src/modules/expropriation/expropriation.generate.js';
import { insertHouseholds, insertProject } from '../src/modules/expropriation/expropriation.repository.js';
import { signInHousehold } from '../src/modules/expropriation/expropriation.households.service.js';

// The real app on a fresh SQLite file (WAL) holding one project of BENCH_EXP_HOUSEHOLDS (100,000)
// generated households in every state. Started by bench/expropriation.ts in a child process; sends
// back its port, the project, a household and that household's own session token.
const url = process.env.DATABASE_URL!;
const count = Number(process.env.BENCH_EXP_HOUSEHOLDS ?? 100_000);
const db = connect(url);
await migrateToLatest(db);
const t0 = performance.now();
const now = nowIso();
const today = todayInChina();
const dept = await db.kysely.insertInto('department').values({ code: 'expropriation', nameZh: '市房屋征收管理办公室', nameEn: 'Housing Expropriation Office', kind: 'department', functions: '', address: '', officeHours: '', phone: '', email: '', website: '', headName: '', headTitle: '', sortOrder: 0, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
const projectId = await insertProject(db.kysely, { code: 'bench', name: '基准测试征收项目', departmentId: dept.id, decisionNumber: '', phase: 'during', summary: '', centreLat: null, centreLng: null, radiusM: null, valuerDays: 10, commentOpensOn: null, commentClosesOn: null, createdAt: now, updatedAt: now });
const signingFrom = new Date(Date.parse(`${today}T00:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);
const g = generateHouseholds(seededRandom(100_000), { projectId, count, prefix: 'B', signingFrom, today, signedShare: 0.8, buildings: 200, withCodes: 10 });
await db.kysely.transaction().execute((trx) => insertHouseholds(trx, g.rows));
const seedSeconds = (performance.now() - t0) / 1000;
const me = await db.kysely.transaction().execute((trx) => signInHousehold(trx, g.codes[0]!, g.idNumbers[0]!));

const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, DEMO_DATA: 'false' }), processMetrics: false, workers: false };
const app = await buildApp(config, { db });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, projectId, householdId: me.householdId, token: me.token, middleNumber: g.rows[Math.floor(count / 2)]!.number, seedSeconds });
