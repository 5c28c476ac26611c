import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { isEmpty, loadDemoData } from '../src/demo/demo.js';
import { nowIso } from '../src/platform/clock.js';

// The portal as `npm start` runs it (SQLite file, demo data), plus a column holding BENCH_ARTICLES
// published articles so that list pages are measured at city scale.
const url = process.env.DATABASE_URL!;
const bulk = Number(process.env.BENCH_ARTICLES ?? 30000);
const db = connect(url);
await migrateToLatest(db);
if (await isEmpty(db)) {
  await loadDemoData(db);
  const now = Date.now();
  await db.kysely.transaction().execute(async (trx) => {
    const col = await trx
      .insertInto('portalColumn')
      .values({ parentId: null, slug: 'archive', nameZh: '历史信息', nameEn: 'Archive', descriptionZh: '', descriptionEn: '', sortOrder: 999, createdAt: nowIso(), updatedAt: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dept = await trx.selectFrom('department').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (let i = 0; i < bulk; i += 500) {
      const rows = Array.from({ length: Math.min(500, bulk - i) }, (_, k) => {
        const at = new Date(now - (i + k) * 3600_000).toISOString();
        return { columnId: col.id, departmentId: dept.id, status: 'published', title: `历史公开信息第${i + k + 1}号`, summary: '', bodyHtml: '<p>历史信息正文。</p>', authorId: null, reviewNote: '', publishedVersion: 1, publicTitle: `历史公开信息第${i + k + 1}号`, publicSummary: '', publicColumnId: col.id, publicDepartmentId: dept.id, firstPublishedAt: at, lastPublishedAt: at, createdAt: at, updatedAt: at };
      });
      const ids = await trx.insertInto('article').values(rows).returning(['id', 'title', 'firstPublishedAt']).execute();
      await trx
        .insertInto('articleVersion')
        .values(ids.map((r) => ({ articleId: r.id, version: 1, title: r.title, summary: '', bodyHtml: '<p>历史信息正文。</p>', authorId: null, reviewerId: null, publishedAt: r.firstPublishedAt! })))
        .execute();
    }
  });
}
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url }), processMetrics: false };
const app = await buildApp(config, { db });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const article = await db.kysely.selectFrom('article').select('id').where('title', 'like', '%初心%').executeTakeFirstOrThrow();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, articleId: article.id });
