import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nowIso } from '../src/platform/clock.js';
import { VOCABULARY } from '../src/modules/service-catalogue/service-catalogue.demo-data.js';
import { generateCatalogue } from '../src/modules/service-catalogue/service-catalogue.generate.js';
import { insertGenerated } from '../src/modules/service-catalogue/service-catalogue.demo.js';

// The real app on a fresh SQLite file holding a catalogue of BENCH_SERVICE_ITEMS generated items
// (fixed seed) over the demo's 21 departments, the flags in the source's proportions. Started by
// bench/service-catalogue.ts in a child process; reports its port, a showcase item's code and the seed time.
const count = Number(process.env.BENCH_SERVICE_ITEMS ?? 20_000);
const url = process.env.DATABASE_URL!;
const db = connect(url);
await migrateToLatest(db);
const t0 = performance.now();
const now = nowIso();
const deptIds = new Map<string, number>();
const names = new Map<string, string>();
for (const [i, code] of Object.keys(VOCABULARY).entries()) {
  const nameZh = `基准${code}局`;
  const r = await db.kysely
    .insertInto('department')
    .values({ code, nameZh, nameEn: code, kind: 'department', functions: '', address: '', officeHours: '', phone: '', email: '', website: '', headName: '', headTitle: '', sortOrder: i, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  deptIds.set(code, r.id);
  names.set(code, nameZh);
}
const scale = (n: number) => Math.round((n * count) / 655);
const items = generateCatalogue([...deptIds.keys()], { total: count, enterprise: scale(84), noVisit: scale(105), instant: scale(12) });
await db.kysely.transaction().execute((trx) => insertGenerated(trx, items, deptIds, names));
const seedSeconds = (performance.now() - t0) / 1000;
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, DEMO_DATA: 'false' }), processMetrics: false, workers: false };
const app = await buildApp(config, { db });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, itemCode: items.find((i) => i.name === '食品经营许可')!.code, amr: deptIds.get('amr'), seedSeconds });
