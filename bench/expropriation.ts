import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bareCeilingRoute, measureRoute, routeTable, startServer, stopServer, type RouteResult } from './servers.js';

// Household lookup and the masked public list over BENCH_EXP_HOUSEHOLDS (100,000) households of one
// project: each endpoint measured with autocannon at CONNECTIONS connections for SECONDS, beside the
// bare Fastify ceiling measured the same way in the same run.
const HOUSEHOLDS = Number(process.env.BENCH_EXP_HOUSEHOLDS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Info {
  port: number;
  projectId?: number;
  householdId?: number;
  token?: string;
  middleNumber?: string;
  seedSeconds?: number;
}


const measureRouteHere = (name: string, port: number, urlPath: string, headers?: Record<string, string>) => measureRoute(name, port, urlPath, { connections: CONNECTIONS, seconds: SECONDS, headers });

/** Runs the expropriation benchmark and returns the markdown section for docs/benchmarks.md. */
export async function runExpropriationBench(): Promise<string> {
  const ceiling = await bareCeilingRoute({ connections: CONNECTIONS, seconds: SECONDS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-expropriation-'));
  const server = await startServer<Info>('bench/expropriation-server.ts', { DATABASE_URL: `sqlite:${path.join(dir, 'exp.db')}`, BENCH_EXP_HOUSEHOLDS: String(HOUSEHOLDS) });
  const rows: RouteResult[] = [];
  try {
    const { port, projectId: p, householdId, token, middleNumber } = server.info;
    const pages = Math.ceil(HOUSEHOLDS / 50);
    rows.push(await measureRouteHere('Household lookup by number (masked, API)', port, `/api/v1/expropriation/projects/${p}/households?number=${middleNumber}`));
    rows.push(await measureRouteHere('Household own record (its session token, API)', port, `/api/v1/expropriation/households/${householdId}`, { 'x-household-token': token! }));
    rows.push(await measureRouteHere('Masked list, page 1 (API)', port, `/api/v1/expropriation/projects/${p}/households`));
    rows.push(await measureRouteHere(`Masked list, middle page ${Math.ceil(pages / 2)} (API)`, port, `/api/v1/expropriation/projects/${p}/households?page=${Math.ceil(pages / 2)}`));
    rows.push(await measureRouteHere('Masked list filtered (building + signed, API)', port, `/api/v1/expropriation/projects/${p}/households?building=${encodeURIComponent('17号楼')}&signing=signed`));
    rows.push(await measureRouteHere('Masked list page (HTML), page 1', port, `/expropriation/projects/${p}/households`));
  } finally {
    await stopServer(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    `Household lookup and the masked public list over **${HOUSEHOLDS.toLocaleString('en')} generated households** of one project (200 buildings, every state, fixed seed; seeded in ${server.info.seedSeconds?.toFixed(1)} s) on a SQLite file, the real app in a child process. Each endpoint was measured with autocannon, ${CONNECTIONS} connections for ${SECONDS} s after a 2 s warm-up; the ceiling is a bare Fastify route measured the same way in the same run. Every list answer counts the matching households and masks each name in the presenter. "Bad" counts errors and non-2xx answers.`,
    '',
    routeTable(ceiling, rows, (p) => p.replace(/\/\d+\//g, '/:id/')),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runExpropriationBench());
}
