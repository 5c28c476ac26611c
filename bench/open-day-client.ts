import fs from 'node:fs';
import http from 'node:http';
import { startServer, stopServer } from './servers.js';

// A small HTTP client for the flash crowd: keep-alive connections, a fixed number of requests in
// flight, every answer recorded. The bare ceiling is measured with the same client, so the ratio
// compares like with like.

/** One answer: status and body, or the network error that took its place. */
export interface Answer {
  status: number;
  body: string;
  error?: string;
}

/** A keep-alive agent holding up to `connections` sockets. */
export function agentFor(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** One request; never throws (a network error is an answer with status 0). */
export function request(agent: http.Agent, port: number, method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
      },
    );
    req.on('error', (e) => resolve({ status: 0, body: '', error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end(payload);
  });
}

/** Runs `n` jobs with `concurrency` in flight; each job is given its index. */
export async function pool(n: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      await job(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

/**
 * CPU time in µs that process `pid` has used so far (user + system, all its threads), read from
 * /proc on Linux; undefined elsewhere, and the benchmark then reports no server CPU.
 */
export function processCpuMicros(pid: number | undefined): number | undefined {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

/** CPU spent per request by the load generator (this process) and by the server, in µs. */
export interface CpuPerRequest {
  client: number;
  server: number | undefined;
}

/** Starts counting CPU of this process and of the server `pid`; the function returned gives the cost per request of `n` requests since. */
export function cpuMeter(pid: number | undefined): (n: number) => CpuPerRequest {
  const client0 = process.cpuUsage();
  const server0 = processCpuMicros(pid);
  return (n) => {
    const c = process.cpuUsage(client0);
    const server1 = processCpuMicros(pid);
    return { client: (c.user + c.system) / n, server: server0 === undefined || server1 === undefined ? undefined : (server1 - server0) / n };
  };
}

/** A measured rate: requests per second and what each request cost in CPU. */
export interface Measured {
  rps: number;
  cpu: CpuPerRequest;
}

/**
 * Requests per second of one request repeated `n` times with the same client and concurrency (after a
 * short warm-up), with the CPU each request cost the client and the server (process `serverPid`);
 * every answer must have status `expect`.
 */
export async function rate(port: number, serverPid: number | undefined, method: 'GET' | 'POST', path: string, n: number, concurrency: number, opts: { body?: unknown; expect?: number } = {}): Promise<Measured> {
  const expect = opts.expect ?? 200;
  const agent = agentFor(concurrency);
  await pool(2000, concurrency, async () => {
    await request(agent, port, method, path, opts.body);
  });
  const t0 = performance.now();
  const cpu = cpuMeter(serverPid);
  let failed = 0;
  await pool(n, concurrency, async () => {
    if ((await request(agent, port, method, path, opts.body)).status !== expect) {
      failed++;
    }
  });
  const seconds = (performance.now() - t0) / 1000;
  const used = cpu(n);
  agent.destroy();
  if (failed > 0) {
    throw new Error(`${method} ${path}: ${failed} answers were not ${expect}`);
  }
  return { rps: n / seconds, cpu: used };
}

/** The bare Fastify ceiling (bench/bare-server.ts, started for the purpose) with this client: GET / `n` times. */
export async function bareCeiling(n: number, concurrency: number): Promise<Measured> {
  const bare = await startServer('bench/bare-server.ts', {});
  try {
    return await rate(bare.info.port, bare.child.pid, 'GET', '/', n, concurrency);
  } finally {
    await stopServer(bare.child, 'SIGTERM');
  }
}
