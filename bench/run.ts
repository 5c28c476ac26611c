import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

// npm run bench: each server runs in a child process of its own; autocannon runs here, in a second
// process, one endpoint at a time, so that they never compete for the two cores.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Result {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function start(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; info: { port: number; articleId?: number } }> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('message', (info) => resolve({ child, info: info as { port: number; articleId?: number } }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function measure(name: string, port: number, urlPath: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up so that JIT and caches are in the state a running portal has.
  await autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections: 10, duration: 2, headers });
  const r = await autocannon({ url: `http://127.0.0.1:${port}${urlPath}`, connections: CONNECTIONS, duration: SECONDS, headers });
  return { name, path: urlPath, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main(): Promise<void> {
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
`;
  fs.writeFileSync('docs/benchmarks.md', doc);
  console.log('written to docs/benchmarks.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
