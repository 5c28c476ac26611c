import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedOpenDayCampaign, type SeedSession } from './open-day-seed.js';

// The real app on a SQLite file (WAL) holding one campaign of 176 points whose sessions total 7,200
// places. Started by bench/open-day.ts in a child process; started again on the same file after a
// SIGKILL, in which case it seeds nothing and serves what the file holds. PORT keeps the address.
const url = process.env.DATABASE_URL!;
const db = connect(url);
await migrateToLatest(db);
let sessions: SeedSession[];
const existing = await db.kysely.selectFrom('openDayCampaign').select('id').where('slug', 'like', '%-flash').executeTakeFirst();
if (!existing) {
  sessions = (await seedOpenDayCampaign(db.kysely, { daysAhead: 30 })).sessions;
} else {
  sessions = await db.kysely
    .selectFrom('openPointSession as s')
    .innerJoin('openPoint as p', 'p.id', 's.pointId')
    .select(['s.id', 'p.code as pointCode', 's.capacity', 's.startsAt', 's.endsAt'])
    .where('p.campaignId', '=', existing.id)
    .orderBy('s.id')
    .execute();
}
// No workers: the delivery worker has no channel configured here and would only compete for the CPU.
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url, DEMO_DATA: 'false' }), processMetrics: false, workers: false };
const app = await buildApp(config, { db });
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, sessions });
