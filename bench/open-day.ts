import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { residentIdCheckChar } from '../src/platform/identity/index.js';
import { agentFor, bareCeiling, pool, processCpuMicros, rate, request, type CpuPerRequest, type Measured } from './open-day-client.js';
import { startServer, stopServer } from './servers.js';
import { verifyFlashCrowd, type Acknowledged } from './open-day-verify.js';
import type { SeedSession } from './open-day-seed.js';
import { seededRandom } from '../src/platform/random.js';

// The open-day flash crowd: 20,000 registration attempts (distinct people plus deliberate duplicates)
// for the 7,200 places of 176 points, ATTEMPTS at CONNECTIONS requests in flight from this process,
// the real app in a child process on a SQLite file. The server is killed with SIGKILL part-way and
// started again on the same file; the run goes on, and afterwards the file is checked.
const ATTEMPTS = Number(process.env.BENCH_OPEN_DAY_ATTEMPTS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_OPEN_DAY_CONNECTIONS ?? 128);
const DUPLICATE_SHARE = 0.08;
const KILL_AFTER = 0.4;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅玉兵文辉力志晨宇浩然欣怡';

interface Info {
  port: number;
  sessions?: SeedSession[];
}

interface Attempt {
  body: { sessionId: number; name: string; mobile: string; idNumber?: string; joinWaitlist: boolean };
  duplicate: boolean;
}

/**
 * The crowd: distinct people choosing sessions with a skew (popular points are wanted most), 30% of
 * them happy to wait; then duplicates of earlier people — the same session again, an overlapping
 * session elsewhere, or the same ID number under another mobile — some sent right beside the original.
 */
export function crowd(sessions: SeedSession[], attempts: number): Attempt[] {
  const rnd = seededRandom(7200);
  const overlapping = new Map<number, number[]>();
  for (const s of sessions) {
    overlapping.set(
      s.id,
      sessions.filter((o) => o.id !== s.id && o.startsAt < s.endsAt && s.startsAt < o.endsAt).map((o) => o.id),
    );
  }
  const distinct = Math.round(attempts * (1 - DUPLICATE_SHARE));
  const people: Attempt[] = [];
  for (let i = 0; i < distinct; i++) {
    const s = sessions[Math.floor(sessions.length * rnd() ** 1.6)]!;
    const mobile = `1${'35789'[i % 5]}${String(100_000_000 + i * 37).slice(-9)}`;
    let idNumber: string | undefined;
    if (rnd() < 0.2) {
      const prefix = `110101${1950 + Math.floor(rnd() * 50)}0101${String(i % 1000).padStart(3, '0')}`;
      idNumber = prefix + residentIdCheckChar(prefix);
    }
    const name = SURNAMES.charAt(i % SURNAMES.length) + GIVEN.charAt(Math.floor(i / SURNAMES.length) % GIVEN.length) + GIVEN.charAt((i * 7) % GIVEN.length);
    people.push({ body: { sessionId: s.id, name, mobile, ...(idNumber ? { idNumber } : {}), joinWaitlist: rnd() < 0.3 }, duplicate: false });
  }
  const out = [...people];
  for (let k = 0; k < attempts - distinct; k++) {
    const orig = people[Math.floor(rnd() * people.length)]!;
    const kind = rnd();
    const others = overlapping.get(orig.body.sessionId) ?? [];
    let body: Attempt['body'];
    if (kind < 0.4 || others.length === 0) {
      body = { ...orig.body };
    } else if (kind < 0.8 || !orig.body.idNumber) {
      body = { ...orig.body, sessionId: others[Math.floor(rnd() * others.length)]! };
    } else {
      body = { ...orig.body, mobile: `166${String(k).padStart(8, '0')}`, sessionId: others[Math.floor(rnd() * others.length)]! };
    }
    const dup = { body, duplicate: true };
    // A third of the duplicates race their original (sent next to it); the rest come at random.
    const at = rnd() < 0.33 ? out.indexOf(orig) + 1 : Math.floor(rnd() * out.length);
    out.splice(at, 0, dup);
  }
  return out;
}

interface Tally {
  acknowledged: Acknowledged[];
  refused: Map<string, number>;
  rateLimited: number;
  networkErrors: number;
  retried: number;
  lostAnswerFound: number;
  other: Map<number, number>;
}

/** Runs the flash crowd and returns the markdown section for docs/benchmarks.md. */
export async function runOpenDayBench(): Promise<string> {
  // The ceiling is measured before and after the crowd and averaged: this machine's speed drifts
  // by a quarter from one minute to the next, and the ratio should not hang on one side of the drift.
  const bareBefore = await bareCeiling(ATTEMPTS, CONNECTIONS);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-open-day-'));
  const file = path.join(dir, 'flash.db');
  const env = { DATABASE_URL: `sqlite:${file}` };
  let server = await startServer<Info>('bench/open-day-server.ts', env);
  const port = server.info.port;
  const sessions = server.info.sessions!;
  const attempts = crowd(sessions, ATTEMPTS);
  const tally: Tally = { acknowledged: [], refused: new Map(), rateLimited: 0, networkErrors: 0, retried: 0, lostAnswerFound: 0, other: new Map() };
  const agent = agentFor(CONNECTIONS);

  let ready: Promise<void> = Promise.resolve();
  let dispatched = 0;
  let killedAt = 0;
  let downtimeMs = 0;
  let answered = 0;
  let beforeKill = { answered: 0, ms: 0 };
  // CPU used by the server processes and by this client while serving the crowd; the restart
  // (start-up of the new process, the client waiting) is left out, like its time.
  let serverCpu = 0;
  let serverCpuFrom = processCpuMicros(server.child.pid);
  let clientCpuDowntime = 0;
  const crash = () => {
    killedAt = dispatched;
    const t0 = performance.now();
    const client0 = process.cpuUsage();
    serverCpu += (processCpuMicros(server.child.pid) ?? NaN) - (serverCpuFrom ?? NaN);
    beforeKill = { answered, ms: t0 - start };
    ready = (async () => {
      await stopServer(server.child, 'SIGKILL');
      server = await startServer<Info>('bench/open-day-server.ts', { ...env, PORT: String(port) });
      serverCpuFrom = processCpuMicros(server.child.pid);
      const c = process.cpuUsage(client0);
      clientCpuDowntime = c.user + c.system;
      downtimeMs = performance.now() - t0;
    })();
  };

  const send = async (a: Attempt, retry: boolean): Promise<void> => {
    await ready;
    dispatched++;
    if (killedAt === 0 && dispatched >= ATTEMPTS * KILL_AFTER) {
      crash();
    }
    const ans = await request(agent, port, 'POST', '/api/v1/open-days/registrations', a.body);
    answered++;
    if (ans.status === 0) {
      if (!retry) {
        tally.retried++;
        await ready;
        return send(a, true);
      }
      tally.networkErrors++;
      return;
    }
    if (ans.status === 201) {
      const r = JSON.parse(ans.body) as { code: string; status: 'confirmed' | 'waitlisted' };
      tally.acknowledged.push({ code: r.code, status: r.status, sessionId: a.body.sessionId, mobile: a.body.mobile });
    } else if (ans.status === 409 || ans.status === 400) {
      const code = (JSON.parse(ans.body) as { error: { fields?: Array<{ code: string }> } }).error.fields?.[0]?.code ?? 'unknown';
      tally.refused.set(code, (tally.refused.get(code) ?? 0) + 1);
      if (retry && code === 'registration.already_registered') {
        tally.lostAnswerFound++;
      }
    } else if (ans.status === 429) {
      tally.rateLimited++;
    } else {
      tally.other.set(ans.status, (tally.other.get(ans.status) ?? 0) + 1);
    }
  };

  const start = performance.now();
  const clientCpu0 = process.cpuUsage();
  await pool(attempts.length, CONNECTIONS, (i) => send(attempts[i]!, false));
  const end = performance.now();
  serverCpu += (processCpuMicros(server.child.pid) ?? NaN) - (serverCpuFrom ?? NaN);
  const clientCpu = process.cpuUsage(clientCpu0);
  const crowdCpu: CpuPerRequest = { client: (clientCpu.user + clientCpu.system - clientCpuDowntime) / answered, server: Number.isNaN(serverCpu) ? undefined : serverCpu / answered };
  const seconds = (end - start - downtimeMs) / 1000;
  // Before the kill the server is warm; after the restart it starts cold (JIT, caches) on the same file.
  const warmRps = beforeKill.answered / (beforeKill.ms / 1000);
  const afterRps = (answered - beforeKill.answered) / ((end - start - beforeKill.ms - downtimeMs) / 1000);
  agent.destroy();
  // The floor under the ratio: the same app and client with (almost) no database work. /healthz runs
  // the app's hooks and one trivial query; a malformed registration is refused by validation (400)
  // before the handler, so it costs the endpoint's body parsing, validation and error answer only.
  const health = await rate(port, server.child.pid, 'GET', '/healthz', ATTEMPTS, CONNECTIONS);
  const malformed = await rate(port, server.child.pid, 'POST', '/api/v1/open-days/registrations', ATTEMPTS, CONNECTIONS, { body: { sessionId: sessions[0]!.id, name: '', mobile: '12' }, expect: 400 });
  await stopServer(server.child, 'SIGTERM');
  const bareAfter = await bareCeiling(ATTEMPTS, CONNECTIONS);
  const bareRps = (bareBefore.rps + bareAfter.rps) / 2;
  const check = await verifyFlashCrowd(`sqlite:${file}`, tally.acknowledged);
  fs.rmSync(dir, { recursive: true, force: true });

  const rps = attempts.length / seconds;
  const confirmed = tally.acknowledged.filter((a) => a.status === 'confirmed').length;
  const refused = [...tally.refused].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.replace('registration.', '')} ${n.toLocaleString('en')}`).join(', ');
  const ok = (n: number) => (n === 0 ? '0 ✔' : `**${n} ✘**`);
  const lines = [
    `${attempts.length.toLocaleString('en')} registration attempts (POST /api/v1/open-days/registrations, JSON; ${Math.round(DUPLICATE_SHARE * 100)}% deliberate duplicates: the same session again, an overlapping session at another point, or the same ID number under another mobile, a third of them sent beside their original) for ${sessions.length} sessions of ${new Set(sessions.map((s) => s.pointCode)).size} points holding ${sessions.reduce((a, s) => a + s.capacity, 0).toLocaleString('en')} places, ${CONNECTIONS} requests in flight over keep-alive connections from the bench process; the real app in a child process on a fresh SQLite file (WAL), every registration with its outbox notification in its own savepoint of a group commit (registrations arriving together share one transaction; each is answered only after that commit).`,
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| throughput (attempts/s, restart downtime excluded) | ${Math.round(rps).toLocaleString('en')} |`,
    `| of which before the kill / after the restart (answers/s) | ${Math.round(warmRps).toLocaleString('en')} / ${Math.round(afterRps).toLocaleString('en')} |`,
    `| bare Fastify ceiling, same client and concurrency (req/s; mean of before and after the crowd) | ${Math.round(bareRps).toLocaleString('en')} (${Math.round(bareBefore.rps).toLocaleString('en')} / ${Math.round(bareAfter.rps).toLocaleString('en')}) |`,
    `| **ratio to the ceiling** | **${(rps / bareRps).toFixed(2)}** |`,
    `| acknowledged (201 with a code): confirmed / waitlisted | ${confirmed.toLocaleString('en')} / ${(tally.acknowledged.length - confirmed).toLocaleString('en')} |`,
    `| refused (409/400, by reason) | ${refused} |`,
    `| rate-limited (429) / other statuses / network errors after one retry | ${tally.rateLimited} / ${[...tally.other].map(([s, n]) => `${s}×${n}`).join(' ') || 0} / ${tally.networkErrors} |`,
    `| SIGKILL after attempt | ${killedAt.toLocaleString('en')} (restart on the same file: ${(downtimeMs / 1000).toFixed(1)} s) |`,
    `| attempts in flight at the kill, retried after the restart | ${tally.retried} (of which ${tally.lostAnswerFound} found already registered: committed before the kill, answer lost) |`,
    '',
    'Checked on the file afterwards:',
    '',
    `- sessions over capacity: ${ok(check.overbooked)}; sessions whose booked/waitlisted counters differ from their rows: ${ok(check.counterMismatch)}`,
    `- one person (mobile or ID number) twice in a session or in overlapping sessions: ${ok(check.duplicatePairs)}`,
    `- acknowledged registrations missing or in another state: ${ok(check.missing)} of ${tally.acknowledged.length.toLocaleString('en')}`,
    `- registrations in the file: ${check.rows.toLocaleString('en')} (${check.confirmed.toLocaleString('en')} confirmed, filling ${check.confirmed.toLocaleString('en')} of ${check.capacity.toLocaleString('en')} places; ${check.waitlisted.toLocaleString('en')} waitlisted); outbox notifications: ${check.notifications.toLocaleString('en')}`,
    '',
    ...whatBounds({ bareBefore, bareAfter, bareRps, health, malformed, crowd: { rps, cpu: crowdCpu } }),
  ];
  return lines.join('\n');
}

const us = (x: number | undefined) => (x === undefined ? '—' : Math.round(x).toLocaleString('en'));

/**
 * Where the CPU goes, and the highest ratio the machine allows. The ceiling is bound by the load
 * generator: at it, this client spends more CPU per request than bare Fastify does. With the two
 * cores shared by client and server and used to the full, the crowd cannot exceed
 * 2 s ÷ (client + server CPU per attempt) per second, whatever the server's threads; at half the
 * ceiling that leaves the server 4 ÷ ceiling − client per attempt.
 */
function whatBounds(m: { bareBefore: Measured; bareAfter: Measured; bareRps: number; health: Measured; malformed: Measured; crowd: Measured }): string[] {
  const row = (name: string, r: Measured) => `| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${(r.rps / m.bareRps).toFixed(2)} | ${us(r.cpu.server)} | ${us(r.cpu.client)} |`;
  const lines = [
    'Where the CPU goes (per request, from /proc for the server process and from the bench process itself for the load generator):',
    '',
    '| run | req/s | ratio to the ceiling | server CPU, µs | load generator CPU, µs |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('bare Fastify `GET /`, before the crowd', m.bareBefore),
    row('bare Fastify `GET /`, after the crowd', m.bareAfter),
    row('the app, `GET /healthz` (hooks, security headers, metrics, one trivial query)', m.health),
    row('the app, registration refused as malformed (400, before any database work)', m.malformed),
    row('**the app, the flash crowd (registration attempts)**', m.crowd),
  ];
  const client = (m.bareBefore.cpu.client + m.bareAfter.cpu.client) / 2;
  const bareServer = m.bareBefore.cpu.server === undefined || m.bareAfter.cpu.server === undefined ? undefined : (m.bareBefore.cpu.server + m.bareAfter.cpu.server) / 2;
  const server = m.crowd.cpu.server;
  if (server === undefined || bareServer === undefined) {
    return lines;
  }
  const crowdClient = m.crowd.cpu.client;
  const best = 2e6 / (crowdClient + server);
  const allowed = 4e6 / m.bareRps - crowdClient;
  lines.push(
    '',
    `What bounds the ratio. At the ceiling the load generator spends ${us(client)} µs of CPU per request and bare Fastify ${us(bareServer)} µs: ${client > bareServer ? 'the ceiling is what this client can send from its core, not what the server can answer' : 'the server is the limit even there'}. ` +
      `During the crowd the client spent ${us(crowdClient)} µs per attempt and the server ${us(server)} µs. Even if the server spread that work over both cores without any loss, the two processes together could not exceed 2 s ÷ ${us(crowdClient + server)} µs = ${Math.round(best).toLocaleString('en')} attempts/s, **${(best / m.bareRps).toFixed(2)} of the ceiling**. ` +
      `Half the ceiling would leave the server ${us(allowed)} µs per attempt (4 s ÷ ceiling − the client's share), while the app's shared pipeline alone (\`/healthz\`) takes ${us(m.health.cpu.server)} µs and refusing a malformed registration ${us(m.malformed.cpu.server)} µs.`,
  );
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await runOpenDayBench());
}
