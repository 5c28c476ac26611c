import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nowIso } from '../src/platform/clock.js';
import { generatePolicies } from '../src/modules/policies/policies.demo-data.js';
import { parsePolicyText } from '../src/modules/policies/policies.structure.js';
import { indexPolicy, rankedIds } from '../src/modules/policies/policies.search.js';
import { facetIndex } from '../src/modules/policies/policies.service.js';

// A library of BENCH_POLICIES generated policies (fixed seed), published and indexed, served by the
// real app. Reports how long building the full-text index took.
const count = Number(process.env.BENCH_POLICIES ?? 100_000);
const db = connect(process.env.DATABASE_URL!);
await migrateToLatest(db);
const now = nowIso();
const dept = await db.kysely
  .insertInto('department')
  .values({ code: 'bench', nameZh: '基准测试部门', nameEn: 'Bench', kind: 'department', functions: '', address: '', officeHours: '', phone: '', email: '', website: '', headName: '', headTitle: '', sortOrder: 0, createdAt: now, updatedAt: now })
  .returning('id')
  .executeTakeFirstOrThrow();
const policies = generatePolicies(count, 42);
let rowsMs = 0;
let indexMs = 0;
for (let i = 0; i < policies.length; i += 1000) {
  await db.kysely.transaction().execute(async (trx) => {
    for (const p of policies.slice(i, i + 1000)) {
      const t0 = performance.now();
      const { preamble, articles } = parsePolicyText(p.body);
      const r = await trx
        .insertInto('policy')
        .values({ indexNo: p.indexNo, title: p.title, docNumber: p.docNumber, issuingOrgan: p.issuingOrgan, departmentId: dept.id, theme: p.theme, keywords: p.keywords.join(' '), serviceObject: p.serviceObject, writtenOn: p.writtenOn, publishedOn: p.publishedOn, effectiveOn: p.effectiveOn, validity: p.validity, validityEndedOn: p.validityEndedOn ?? null, replacesId: null, summary: p.summary, body: p.body, preamble, status: 'published', reviewNote: '', authorId: null, reviewerId: null, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('policyArticle')
        .values(articles.map((a) => ({ policyId: r.id, seq: a.seq, number: a.number, anchor: a.anchor, chapterNumber: a.chapterNumber, chapterTitle: a.chapterTitle, text: a.text })))
        .execute();
      const t1 = performance.now();
      await indexPolicy(trx, r.id, `${p.title}\n${p.docNumber}\n${p.keywords.join(' ')}\n${p.summary}\n${p.body}`);
      rowsMs += t1 - t0;
      indexMs += performance.now() - t1;
    }
  });
}
// The two costs a cache hides: the facet index built after each publication, and ranking every match
// of a common word the first time it is searched.
const t0 = performance.now();
await facetIndex(db.kysely);
const facetIndexMs = performance.now() - t0;
const t1 = performance.now();
const commonMatches = (await rankedIds(db.kysely, ['企业'])).length;
const rankCommonMs = performance.now() - t1;
const config = { ...loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL }), processMetrics: false, workers: false };
const app = await buildApp(config, { db });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.send?.({ port: typeof addr === 'object' && addr ? addr.port : 0, policies: count, rowsSeconds: rowsMs / 1000, indexSeconds: indexMs / 1000, facetIndexMs, rankCommonMs, commonMatches });
