import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

// What every benchmark shares: servers run in child processes of their own (so that the load
// generator here never competes with them for a core), and routes are measured with autocannon.

/** A started child: the process and what it reported once listening (at least its port). */
export interface Started<I> {
  child: ChildProcess;
  info: I;
}

/** Forks a TypeScript script under tsx and waits for its first message (the server's port and facts). */
export function startServer<I = { port: number }>(script: string, env: Record<string, string>): Promise<Started<I>> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('message', (info) => resolve({ child, info: info as I }));
    child.once('exit', (code, signal) => reject(new Error(`${script} exited with ${code ?? signal}`)));
  });
}

/** Stops a child with a signal (SIGTERM, or SIGKILL to simulate a crash) and waits until it is gone. */
export function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** One route's throughput and latency under autocannon. */
export interface RouteResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Measures GET `urlPath` after a short warm-up (JIT and caches as in a running portal). */
export async function measureRoute(name: string, port: number, urlPath: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<RouteResult> {
  const url = `http://127.0.0.1:${port}${urlPath}`;
  await autocannon({ url, connections: 10, duration: 2, headers: opts.headers });
  const r = await autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: opts.headers });
  return { name, path: urlPath, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/** The bare Fastify ceiling (bench/bare-server.ts) measured with autocannon exactly as the routes beside it. */
export async function bareCeilingRoute(opts: { connections: number; seconds: number }): Promise<RouteResult> {
  const bare = await startServer('bench/bare-server.ts', {});
  try {
    return await measureRoute('Bare Fastify ceiling', bare.info.port, '/', opts);
  } finally {
    await stopServer(bare.child);
  }
}

/** The markdown table of measured routes beside their ceiling ("bad" = errors + non-2xx answers). */
export function routeTable(ceiling: RouteResult, rows: RouteResult[], showPath: (path: string) => string = (p) => p): string {
  const line = (r: RouteResult) => `| ${r.name} | \`${showPath(r.path)}\` | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} | ${(r.rps / ceiling.rps).toFixed(2)} |`;
  return ['| Endpoint | Path | req/s | p50 ms | p99 ms | bad | ratio to ceiling |', '|---|---|---:|---:|---:|---:|---:|', line(ceiling), ...rows.map(line)].join('\n');
}
