import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOpenDayBench } from './open-day.js';
import { runServiceCatalogueBench } from './service-catalogue.js';
import { runServiceCasesBench } from './service-cases.js';
import { runExpropriationBench } from './expropriation.js';
import { measureRoute, startServer, type RouteResult } from './servers.js';

// npm run bench: each server runs in a child process of its own; autocannon runs here, in a second
// process, one endpoint at a time, so that they never compete for the two cores.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POLICIES = Number(process.env.BENCH_POLICIES ?? 100_000);
const SEARCH_SAMPLES = Number(process.env.BENCH_SEARCH_SAMPLES ?? 100);

type Result = RouteResult;

interface ServerInfo {
  port: number;
  articleId?: number;
  policies?: number;
  rowsSeconds?: number;
  indexSeconds?: number;
  facetIndexMs?: number;
  rankCommonMs?: number;
  commonMatches?: number;
}

interface MatcherInfo {
  engines: { gongkai: number; jsonLogic: number; rulesEngine: number; agree: boolean };
  full: { seconds: number; loadSeconds: number; met: number; near: number; peakRssMb: number };
  enterprises: number;
  rules: number;
}

/** Common words of policy texts, each searched once to measure searches nothing is cached for. */
const COMMON_WORDS = ['企业', '管理', '发展', '服务', '建设', '补助', '资金', '项目', '申请', '技术', '创新', '安全', '市场', '工作', '政策', '单位', '部门', '规定', '实施', '支持'];

function percentiles(values: number[]): { p50: number; p95: number; p99: number } {
  const times = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** One request's latency in ms. */
async function once(port: number, urlPath: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
  await res.text();
  if (res.status !== 200) {
    throw new Error(`${urlPath} answered ${res.status}`);
  }
  return Math.round((performance.now() - t0) * 10) / 10;
}

/** Latency percentiles of one request at a time (no queueing), in ms. */
async function sequential(port: number, urlPath: string, n: number): Promise<{ p50: number; p95: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n + 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
    await res.text();
    if (res.status !== 200) {
      throw new Error(`${urlPath} answered ${res.status}`);
    }
    if (i >= 10) {
      times.push(performance.now() - t0);
    }
  }
  return percentiles(times);
}

const start = <I = ServerInfo>(script: string, env: Record<string, string>) => startServer<I>(script, env);
const measure = (name: string, port: number, urlPath: string, headers: Record<string, string> = {}) => measureRoute(name, port, urlPath, { connections: CONNECTIONS, seconds: SECONDS, headers });

interface StoreInfo {
  enterprises: number;
  rules: number;
  setupSeconds: number;
  full: { seconds: number; met: number; near: number; unknown: number; notified: number; peakRssMb: number; tiles: number; tileMb: number; notifications: number };
  pushBatch: { seconds: number; slices: number };
  again: { seconds: number; notified: number };
  onePolicy: { seconds: number; met: number; near: number };
  oneEnterprise: { seconds: number };
  onePolicyCold: { seconds: number };
  peakRssMb: number;
}

/** The matcher as the product runs it: facts from SQLite, every result stored, pushes written to the outbox. */
async function matchStoreSection(): Promise<string> {
  const m = await start('bench/match-store-run.ts', {});
  m.child.kill();
  const s = m.info as unknown as StoreInfo;
  const size = `${s.enterprises.toLocaleString('en')} enterprises × ${s.rules.toLocaleString('en')} policies`;
  const mark = (seconds: number, target: number) => (seconds <= target ? 'yes' : 'no');
  const table = [
    `The same generated enterprises and rules in a SQLite file, matched by the product's own functions (bench/match-store-run.ts): ${size}; ${s.full.met.toLocaleString('en')} met and ${s.full.near.toLocaleString('en')} near misses stored as ${s.full.tiles.toLocaleString('en')} tiles (${s.full.tileMb} MB); peak RSS of the whole run ${s.peakRssMb} MB (target ≤ 2,048 MB: ${mark(s.peakRssMb, 2048)}).`,
    '',
    '| run | seconds | target | meets it |',
    '| --- | ---: | ---: | --- |',
    `| first full match: facts read from the database, every result stored, the push to ${s.full.notified.toLocaleString('en')} enterprises committed as one batch | ${s.full.seconds.toFixed(1)} | 60 | ${mark(s.full.seconds, 60)} |`,
    `| that batch written out by the push job: ${s.full.notifications.toLocaleString('en')} notifications with inbox messages and deliveries, ${s.pushBatch.slices} transactions of 5,000 (in the background, after the match) | ${s.pushBatch.seconds.toFixed(1)} | — | — |`,
    `| the next day's full match: every pair judged again, changed tiles stored, nothing new to push | ${s.again.seconds.toFixed(1)} | 60 | ${mark(s.again.seconds, 60)} |`,
    `| one policy's rule changed: that policy against every enterprise (directory in memory) | ${s.onePolicy.seconds.toFixed(2)} | 2 | ${mark(s.onePolicy.seconds, 2)} |`,
    `| one enterprise changed: that enterprise against every policy | ${s.oneEnterprise.seconds.toFixed(2)} | 2 | ${mark(s.oneEnterprise.seconds, 2)} |`,
    `| one policy's rule changed, in a process that has not read the directory yet | ${s.onePolicyCold.seconds.toFixed(1)} | — | — |`,
  ].join('\n');
  console.log(table);
  return table;
}

/** Eligibility matching: the same rules and enterprises in three engines, then a full match in memory. */
async function matcherSection(): Promise<string> {
  const m = await start('bench/matcher-run.ts', {});
  m.child.kill();
  const mi = m.info as unknown as MatcherInfo;
  const e = mi.engines;
  // Gongkai's rate is taken from the full match (a million rows per rule, as in production), verdict and near miss included.
  const gongkaiRate = (mi.enterprises * mi.rules) / mi.full.seconds;
  const matcherTable = [
    `Rules: generated 6-condition rules (industry prefixes, size, town, two ranges, an any-of of a tag and a ratio); enterprises generated with every fact known, so the three engines judge the same thing (they agreed on the sample: ${e.agree ? 'yes' : 'NO'}).`,
    '',
    '| engine | evaluations/s | ratio to json-rules-engine |',
    '| --- | ---: | ---: |',
    `| json-rules-engine 7 (asynchronous, one engine per rule) | ${Math.round(e.rulesEngine).toLocaleString('en')} | 1 |`,
    `| json-logic-js 2 | ${Math.round(e.jsonLogic).toLocaleString('en')} | ${(e.jsonLogic / e.rulesEngine).toFixed(0)} |`,
    `| Gongkai rules generated into one loop per batch (verdict and near miss, full match below) | ${Math.round(gongkaiRate).toLocaleString('en')} | ${(gongkaiRate / e.rulesEngine).toFixed(0)} |`,
    '',
    `Evaluation alone, in memory, ${mi.enterprises.toLocaleString('en')} enterprises × ${mi.rules.toLocaleString('en')} rules, verdict and near miss (差一项) for every pair: ${mi.full.seconds.toFixed(1)} s (columns built in ${mi.full.loadSeconds.toFixed(1)} s), peak RSS ${mi.full.peakRssMb} MB; ${mi.full.met.toLocaleString('en')} met, ${mi.full.near.toLocaleString('en')} near misses.`,
  ].join('\n');
  console.log(matcherTable);
  const storeTable = await matchStoreSection();
  return `${matcherTable}\n\n${storeTable}`;
}

/**
 * BENCH_ONLY=matcher (or open-day, services, service-cases, expropriation) re-runs only that section and replaces it in docs/benchmarks.md (the
 * other sections keep the figures of their last full run, whose date is in the header).
 */
async function sectionOnly(heading: string, measure: () => Promise<string>): Promise<void> {
  const table = await measure();
  const doc = fs.readFileSync('docs/benchmarks.md', 'utf8');
  const from = doc.indexOf(`## ${heading}`);
  const to = doc.indexOf('\n## ', from + 3);
  const note = `_This section re-measured on ${new Date().toISOString().slice(0, 10)} with \`BENCH_ONLY=${process.env.BENCH_ONLY} npm run bench\`._`;
  const section = `## ${heading}\n\n${note}\n\n${table}\n`;
  // A section the document does not have yet goes at the end.
  fs.writeFileSync('docs/benchmarks.md', from < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, from)}${section}${to < 0 ? '' : doc.slice(to)}`);
  console.log(`"${heading}" written to docs/benchmarks.md`);
}

const MATCHER_HEADING = 'Eligibility matching (惠企政策导航)';
const OPEN_DAY_HEADING = 'Open-day flash crowd (政务开放日报名)';
const CATALOGUE_HEADING = 'Service catalogue at 20,000 items (政务服务事项)';
const CASES_HEADING = 'One-window case creation (一窗式申请)';
const EXPROPRIATION_HEADING = 'Expropriation: household lookup and masked list at 100,000 households (征收补偿公开)';

/** The sections BENCH_ONLY can name, each measured on its own. */
const SECTIONS: Record<string, [string, () => Promise<string>]> = {
  'open-day': [OPEN_DAY_HEADING, runOpenDayBench],
  services: [CATALOGUE_HEADING, runServiceCatalogueBench],
  'service-cases': [CASES_HEADING, runServiceCasesBench],
  expropriation: [EXPROPRIATION_HEADING, runExpropriationBench],
};

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY === 'matcher') {
    await sectionOnly(MATCHER_HEADING, matcherSection);
    return;
  }
  const only = SECTIONS[process.env.BENCH_ONLY ?? ''];
  if (only) {
    await sectionOnly(only[0], only[1]);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const results: Result[] = [];
  const bare = await start('bench/bare-server.ts', {});
  try {
    results.push(await measure('Bare Fastify route (ceiling)', bare.info.port, '/'));
  } finally {
    bare.child.kill();
  }
  const portal = await start('bench/portal-server.ts', { DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}` });
  try {
    const p = portal.info.port;
    results.push(await measure('Home page', p, '/'));
    results.push(await measure('Article page', p, `/articles/${portal.info.articleId}`));
    results.push(await measure('Column page, 30,000 articles, page 1', p, '/columns/archive'));
    results.push(await measure('Column page, 30,000 articles, page 1,000', p, '/columns/archive?page=1000'));
    results.push(await measure('API: article list', p, '/api/v1/articles'));
  } finally {
    portal.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // Policy search at city scale: a generated library, indexed, then queried one request at a time.
  const searchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-search-'));
  const search = await start('bench/search-server.ts', { DATABASE_URL: `sqlite:${path.join(searchDir, 'search.db')}`, BENCH_POLICIES: String(POLICIES) });
  const searchRows: string[] = [];
  try {
    const p = search.info.port;
    const queries: Array<[string, string]> = [
      ['one word, common (企业)', `/api/v1/policies?q=${encodeURIComponent('企业')}`],
      ['one word (改造)', `/api/v1/policies?q=${encodeURIComponent('改造')}`],
      ['one word, two characters (闲置)', `/api/v1/policies?q=${encodeURIComponent('闲置')}`],
      ['two words (技术改造 补助)', `/api/v1/policies?q=${encodeURIComponent('技术改造 补助')}`],
      ['one word + theme facet', `/api/v1/policies?q=${encodeURIComponent('改造')}&theme=${encodeURIComponent('工业、交通')}`],
      ['two words + year facet, by date', `/api/v1/policies?q=${encodeURIComponent('企业 补贴')}&year=2024&sort=date`],
      ['HTML search page (改造)', `/policies?q=${encodeURIComponent('改造')}`],
    ];
    // Cold: the first search for each of 20 common words (nothing cached for that word yet).
    await once(p, `/api/v1/policies?q=${encodeURIComponent('条例')}`);
    const coldTimes: number[] = [];
    for (const w of COMMON_WORDS) {
      coldTimes.push(await once(p, `/api/v1/policies?q=${encodeURIComponent(w)}`));
    }
    const cold = percentiles(coldTimes);
    for (const [name, url] of queries) {
      const first = await once(p, url);
      const s = await sequential(p, url, SEARCH_SAMPLES);
      searchRows.push(`| ${name} | ${first} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.p95 <= 50 ? 'yes' : 'no'} |`);
    }
    searchRows.push(`| first search for each of ${COMMON_WORDS.length} common words (${COMMON_WORDS.slice(0, 4).join('、')} …) | — | ${cold.p50} | ${cold.p95} | ${cold.p99} | ${cold.p95 <= 50 ? 'yes' : 'no'} |`);
    results.push(await measure('Policy search API (改造), 50 connections', p, `/api/v1/policies?q=${encodeURIComponent('改造')}`));
    results.push(await measure('Policy search API (企业, 39% of the library), 50 connections', p, `/api/v1/policies?q=${encodeURIComponent('企业')}`));
  } finally {
    search.child.kill();
    fs.rmSync(searchDir, { recursive: true, force: true });
  }
  const searchTable = [
    `Library of ${search.info.policies!.toLocaleString('en')} generated policies (fixed seed 42). Building it took ${search.info.rowsSeconds!.toFixed(1)} s for the rows and articles and ${search.info.indexSeconds!.toFixed(1)} s for the full-text index (jieba segmentation + FTS5 inserts).`,
    '',
    `Search latency over HTTP, one request at a time (${SEARCH_SAMPLES} requests per query after 10 warm-up), ms:`,
    '',
    '| query | first request | p50 | p95 | p99 | p95 ≤ 50 ms |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...searchRows,
    '',
    `Measured in the server process: building the facet index of the whole library (done after every publication or validity change) ${search.info.facetIndexMs!.toFixed(0)} ms; ranking all ${search.info.commonMatches!.toLocaleString('en')} matches of 企业 the first time ${search.info.rankCommonMs!.toFixed(0)} ms.`,
  ].join('\n');
  console.log(searchTable);

  const matcherTable = await matcherSection();

  // Enterprise import: a generated registration file streamed into a fresh SQLite database.
  const imp = await start('bench/import-run.ts', {});
  imp.child.kill();
  const ii = imp.info as unknown as { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number };
  const importLine = `Import of ${ii.rows.toLocaleString('en')} generated enterprise rows (CSV, streamed, validated, upserted in batches of 5,000 in one transaction each, into a fresh SQLite file): ${ii.seconds.toFixed(1)} s, ${Math.round(ii.rowsPerSecond).toLocaleString('en')} rows/s, peak RSS ${Math.round(ii.peakRssMb)} MB.`;
  console.log(importLine);

  const openDay = await runOpenDayBench();
  const catalogue = await runServiceCatalogueBench();
  const cases = await runServiceCasesBench();
  const expropriation = await runExpropriationBench();

  const ceiling = results[0]!.rps;
  const rows = results.map((r) => `| ${r.name} | \`${r.path}\` | ${r.rps.toLocaleString('en')} | ${(r.rps / ceiling).toFixed(3)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`);
  const table = ['| endpoint | path | req/s | ratio to ceiling | p50 ms | p99 ms | errors + non-2xx |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
  console.log(table);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = `# Benchmarks

Produced by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), Node.js ${process.version}, SQLite file in WAL mode with the demo data plus 30,000 published articles in one column.
Each server runs in its own child process; autocannon runs in the parent process, ${CONNECTIONS} connections for ${SECONDS} s per endpoint after a 2 s warm-up, one endpoint at a time.
The ceiling is a bare Fastify route returning a small JSON object, measured in the same run; every other figure is also given as a ratio to it.

${table}

Reading the figures: the portal pages render a full HTML document per request (layout, navigation, queries over
SQLite), so they are expected to run at a fraction of the bare ceiling; the column pages show that a deep page of a
30,000-item list stays as fast as the first page.

Policy search: the database finds and ranks the matches; a facet index in memory filters and counts
them, and remembers each search's selection; the ranking of a query is cached until the library
changes (docs/architecture.md, "Policy library and search"). Repeated searches, the common case, meet
the 50 ms p95 target even for words in 40% of the library. The first search for a common word does not
always: ranking all of its matches with bm25 costs tens of milliseconds (the ranking of 企业 alone is
given above), and after a publication the facet index is rebuilt once (also above). Under 50
concurrent connections, throughput is bounded by the per-request work on one core.

## Policy search

${searchTable}

## ${MATCHER_HEADING}

${matcherTable}

## Enterprise import

${importLine}

## ${OPEN_DAY_HEADING}

${openDay}

## ${CATALOGUE_HEADING}

${catalogue}

## ${CASES_HEADING}

${cases}

## ${EXPROPRIATION_HEADING}

${expropriation}

`;
  fs.writeFileSync('docs/benchmarks.md', doc);
  console.log('written to docs/benchmarks.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
