import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, sqliteHandleOf } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nowIso } from '../src/platform/clock.js';
import { generatePolicies } from '../src/modules/policies/policies.demo-data.js';
import { dropDirectoryCache, expandPushBatches, matchAll, matchEnterprises, matchPolicy } from '../src/modules/navigator/index.js';
import type { Condition } from '../src/modules/navigator/navigator.rules.js';
import { benchEnterprises, benchRules } from './matcher.js';

// Run by bench/run.ts in a child process of its own: the navigator as the product runs it, on a SQLite
// file holding BENCH_ENTERPRISES enterprises and BENCH_RULES published policies with rules. Measures a
// full match from an empty result store (facts read from the database, every result stored, the push
// to every enterprise with new matches committed as a batch), writing that batch out as notifications,
// the same match again the next day (nothing new to push), a re-match after one policy's rule
// changes, and after one enterprise changes.
const enterprises = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000);
const ruleCount = Number(process.env.BENCH_RULES ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-match-'));
const db = connect(`sqlite:${path.join(dir, 'match.db')}`);
await migrateToLatest(db);
const raw = sqliteHandleOf(db.kysely)!;
const now = nowIso();

const setup0 = performance.now();
const insertEnterprise = raw.prepare(
  `insert into enterprise (credit_code, name, enterprise_type, industry_code, size, size_derived, founded_on, town, legal_representative, legal_mobile, employees, revenue, rd_ratio, tags, registration_as_of, row_hash, created_at, updated_at)
   values (?, ?, '有限责任公司', ?, ?, 0, ?, ?, '张三', ?, ?, ?, ?, ?, '2026-06-30', '', ?, ?)`,
);
const CHUNK = 100_000;
for (let from = 0; from < enterprises; from += CHUNK) {
  const list = benchEnterprises(Math.min(CHUNK, enterprises - from), 7 + from);
  raw.transaction(() => {
    list.forEach((e, k) => {
      const f = e.facts;
      const i = from + k;
      insertEnterprise.run(`B${String(i).padStart(17, '0')}`, `企业${i}`, f.industryCode!.value, f.size!.value, f.foundedOn!.value, f.town!.value, `139${String(i % 1e8).padStart(8, '0')}`, f.employees!.value, f.revenue!.value, f.rdRatio!.value, (f.tags!.value as string[]).join(' '), now, now);
    });
  })();
}
const dept = raw
  .prepare(`insert into department (code, name_zh, name_en, kind, functions, address, office_hours, phone, email, website, head_name, head_title, sort_order, created_at, updated_at) values ('bench', '基准测试部门', 'Bench', 'department', '', '', '', '', '', '', '', '', 0, ?, ?)`)
  .run(now, now).lastInsertRowid;
const insertPolicy = raw.prepare(
  `insert into policy (index_no, title, doc_number, issuing_organ, department_id, theme, keywords, service_object, written_on, published_on, effective_on, validity, summary, body, preamble, status, review_note, created_at, updated_at)
   values (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, 'valid', ?, ?, '', 'published', '', ?, ?)`,
);
const insertRule = raw.prepare(`insert into policy_rule (policy_id, version, effective_from, tree, note, created_at) values (?, 1, '2020-01-01', ?, '', ?)`);
const rules = benchRules(ruleCount);
const policyIds: number[] = [];
raw.transaction(() => {
  generatePolicies(ruleCount, 42).forEach((p, k) => {
    const id = Number(insertPolicy.run(p.indexNo, p.title, p.docNumber, p.issuingOrgan, dept, p.theme, p.writtenOn, p.publishedOn, p.effectiveOn, p.summary, p.body, now, now).lastInsertRowid);
    insertRule.run(id, JSON.stringify(rules[k]), now);
    policyIds.push(id);
  });
})();
const setupSeconds = (performance.now() - setup0) / 1000;

const timed = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - t0) / 1000, result };
};
const day = '2026-11-29';

// 1. From an empty result store: the directory read from the database, every result stored, pushes written.
dropDirectoryCache();
const full = await timed(() => db.kysely.transaction().execute((trx) => matchAll(trx, day)));
const fullPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const tiles = raw.prepare('select count(*) n, sum(length(classes)) b from policy_match_tile').get() as { n: number; b: number };
// The pushes the first match committed as a batch, written out as the server's job does, a slice per transaction.
const pushed = await timed(() => expandPushBatches(db.kysely));
const notifications = (raw.prepare('select count(*) n from notification').get() as { n: number }).n;

// 2. The next day's run: the same work, nothing new to push.
const again = await timed(() => db.kysely.transaction().execute((trx) => matchAll(trx, '2026-11-30')));

// 3. One policy's rule changes: that policy against every enterprise (directory columns in memory).
const changed = structuredClone(rules[0]!) as Condition & { kind: 'all' };
changed.items = changed.items.map((c) => (c.kind === 'compare' && c.fact === 'employees' ? { ...c, value: c.value + 10 } : c));
raw.prepare(`insert into policy_rule (policy_id, version, effective_from, tree, note, created_at) values (?, 2, '2026-01-01', ?, '', ?)`).run(policyIds[0], JSON.stringify(changed), now);
const onePolicy = await timed(() => db.kysely.transaction().execute((trx) => matchPolicy(trx, policyIds[0]!, '2026-11-30')));

// 4. One enterprise changes: that enterprise against every policy.
raw.prepare('update enterprise set revenue = revenue + 1000, employees = employees + 20 where id = ?').run(enterprises >> 1);
const oneEnterprise = await timed(() => db.kysely.transaction().execute((trx) => matchEnterprises(trx, [enterprises >> 1], '2026-11-30')));

// 5. The same policy change again on a cold process (the directory read first).
dropDirectoryCache();
const onePolicyCold = await timed(() => db.kysely.transaction().execute((trx) => matchPolicy(trx, policyIds[0]!, '2026-11-30')));

await db.destroy();
fs.rmSync(dir, { recursive: true, force: true });
const report = {
  enterprises,
  rules: ruleCount,
  setupSeconds,
  full: { seconds: full.seconds, ...full.result, peakRssMb: fullPeakRssMb, tiles: tiles.n, tileMb: Math.round(tiles.b / 1024 / 1024), notifications },
  pushBatch: { seconds: pushed.seconds, slices: pushed.result },
  again: { seconds: again.seconds, ...again.result },
  onePolicy: { seconds: onePolicy.seconds, ...onePolicy.result },
  oneEnterprise: { seconds: oneEnterprise.seconds, ...oneEnterprise.result },
  onePolicyCold: { seconds: onePolicyCold.seconds },
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
if (process.send) {
  process.send(report);
} else {
  console.log(JSON.stringify(report, null, 1));
}
