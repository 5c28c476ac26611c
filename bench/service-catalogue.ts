import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bareCeilingRoute, measureRoute, routeTable, startServer, stopServer, type RouteResult } from './servers.js';

// Catalogue pages over BENCH_SERVICE_ITEMS (20,000) items: the search page with a common word, an
// item page, the list page and a filtered list page, each measured with autocannon at CONNECTIONS
// connections for SECONDS, beside the bare Fastify ceiling measured the same way in the same run.
const ITEMS = Number(process.env.BENCH_SERVICE_ITEMS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Info {
  port: number;
  itemCode?: string;
  amr?: number;
  seedSeconds?: number;
}


const measureRouteHere = (name: string, port: number, urlPath: string, headers?: Record<string, string>) => measureRoute(name, port, urlPath, { connections: CONNECTIONS, seconds: SECONDS, headers });

/** Runs the catalogue benchmark and returns the markdown section for docs/benchmarks.md. */
export async function runServiceCatalogueBench(): Promise<string> {
  const ceiling = await bareCeilingRoute({ connections: CONNECTIONS, seconds: SECONDS });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-catalogue-'));
  const server = await startServer<Info>('bench/service-catalogue-server.ts', { DATABASE_URL: `sqlite:${path.join(dir, 'catalogue.db')}`, BENCH_SERVICE_ITEMS: String(ITEMS) });
  const rows: RouteResult[] = [];
  try {
    const { port, itemCode, amr } = server.info;
    rows.push(await measureRouteHere('Search page, common word “许可”', port, `/services?q=${encodeURIComponent('许可')}`));
    rows.push(await measureRouteHere('Item page (full guide)', port, `/services/items/${encodeURIComponent(itemCode!)}`));
    rows.push(await measureRouteHere('List page (all items, page 1)', port, '/services'));
    rows.push(await measureRouteHere('List page filtered (department + flag, page 2)', port, `/services?department=${amr}&flag=noVisit&page=2`));
    rows.push(await measureRouteHere('Search API, common word', port, `/api/v1/services/items?q=${encodeURIComponent('许可')}`));
  } finally {
    await stopServer(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    `The public catalogue over **${ITEMS.toLocaleString('en')} generated service items** (21 departments, fixed seed; seeded in ${server.info.seedSeconds?.toFixed(1)} s including the jieba full-text index) on a SQLite file, the real app in a child process. Each endpoint was measured with autocannon, ${CONNECTIONS} connections for ${SECONDS} s after a 2 s warm-up; the ceiling is a bare Fastify route measured the same way in the same run. "Bad" counts errors and non-2xx answers.`,
    '',
    routeTable(ceiling, rows),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runServiceCatalogueBench());
}
