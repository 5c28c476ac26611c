import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect } from '../src/db/connect.js';
import { agentFor, bareCeiling, pool } from './open-day-client.js';
import { startServer, stopServer } from './servers.js';

// Case creation under load: REQUESTS online applications (POST /api/v1/services/items/:code/applications)
// by signed-in citizens, CONNECTIONS in flight from this process, the real app in a child process on a
// SQLite file; the bare Fastify ceiling measured with the same client and concurrency in the same run.
// Afterwards the file is checked: every case acknowledged with 201 exists exactly once.
const REQUESTS = Number(process.env.BENCH_SERVICE_CASES_REQUESTS ?? 5_000);
const CONNECTIONS = Number(process.env.BENCH_SERVICE_CASES_CONNECTIONS ?? 100);

interface Info {
  port: number;
  itemCode?: string;
  tokens?: string[];
}

function post(agent: http.Agent, port: number, pathname: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: pathname, agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(payload);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Runs the case-creation benchmark and returns the markdown section for docs/benchmarks.md. */
export async function runServiceCasesBench(): Promise<string> {
  const bareRps = (await bareCeiling(REQUESTS, CONNECTIONS)).rps;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cases-'));
  const url = `sqlite:${path.join(dir, 'cases.db')}`;
  const server = await startServer<Info>('bench/service-cases-server.ts', { DATABASE_URL: url, APPLICANTS: String(Math.max(CONNECTIONS, 100)) });
  const { port, itemCode, tokens } = server.info as Required<Info>;
  const agent = agentFor(CONNECTIONS);
  const apply = (i: number) => post(agent, port, `/api/v1/services/items/${itemCode}/applications`, tokens[i % tokens.length]!, { data: { applicant: `申请人${i}`, contact: '13800138000', description: `基准申请${i}` } });
  await pool(200, CONNECTIONS, async (i) => void (await apply(i)));
  const latencies: number[] = [];
  const acknowledged: string[] = [];
  const other = new Map<number, number>();
  const t0 = performance.now();
  await pool(REQUESTS, CONNECTIONS, async (i) => {
    const s = performance.now();
    const r = await apply(i);
    latencies.push(performance.now() - s);
    if (r.status === 201) {
      acknowledged.push((JSON.parse(r.body) as { caseNumber: string }).caseNumber);
    } else {
      other.set(r.status, (other.get(r.status) ?? 0) + 1);
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  await stopServer(server.child);

  const db = connect(url);
  const rows = await db.kysely.selectFrom('serviceCase').select(['caseNumber']).execute();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
  const stored = new Map<string, number>();
  for (const r of rows) {
    stored.set(r.caseNumber, (stored.get(r.caseNumber) ?? 0) + 1);
  }
  const missing = acknowledged.filter((n) => stored.get(n) !== 1).length;
  const dupAcks = acknowledged.length - new Set(acknowledged).size;
  latencies.sort((a, b) => a - b);
  const rps = REQUESTS / seconds;
  const others = [...other].map(([s, n]) => `${n}× ${s}`).join(', ') || 'none';
  return [
    `Case creation: ${REQUESTS.toLocaleString('en')} online applications (\`POST /api/v1/services/items/:code/applications\`, one JSON body each, bearer sessions of ${tokens.length} signed-in citizens) with ${CONNECTIONS} connections in flight, the real app in a child process on a SQLite file (WAL); each request validates the data against the item's form, takes the day's next case number, writes the case, its first event and the applicant's notification in one transaction. The bare Fastify ceiling was measured with the same client and concurrency in the same run.`,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | ratio to bare ceiling |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| bare Fastify \`GET /\` | ${Math.round(bareRps).toLocaleString('en')} | | | 1.00 |`,
    `| apply (201) | ${Math.round(rps).toLocaleString('en')} | ${pct(latencies, 50).toFixed(1)} | ${pct(latencies, 99).toFixed(1)} | ${(rps / bareRps).toFixed(3)} |`,
    '',
    `Check afterwards: ${acknowledged.length.toLocaleString('en')} answered 201, ${rows.length.toLocaleString('en')} cases stored (200 of them from the warm-up), ${missing} acknowledged cases missing or stored twice, ${dupAcks} case numbers given twice; other answers: ${others}.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runServiceCasesBench());
}
