import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/connect.js';
import type { Browser } from './app.js';
import type { CurrentUser } from '../../src/http/context.js';
import { createProject, recordEvent } from '../../src/modules/expropriation/expropriation.service.js';
import { generateHouseholds } from '../../src/modules/expropriation/expropriation.generate.js';
import { insertHouseholds } from '../../src/modules/expropriation/expropriation.repository.js';
import type { EventKind } from '../../src/modules/expropriation/expropriation.directory.js';
import { seededRandom } from '../../src/platform/random.js';
import { todayInChina } from '../../src/platform/clock.js';

// Factories for the expropriation tests: a project with its default directory, key dates and
// generated households (whose names, ID numbers and access codes the tests know).

const ADMIN: CurrentUser = { id: 0, username: 'factory', displayName: 'factory', role: 'admin', departmentIds: [] };
const ACTOR = { userId: null, name: 'factory', ip: '127.0.0.1', requestId: 'factory' };
let seq = 0;

/** A day some days from today (negative: in the past). */
export const dayFromToday = (n: number): string => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A project in a department, with key dates and generated households. */
export async function makeExpProject(db: Db, departmentId: number, o: { households?: number; events?: Array<[EventKind, number]>; comment?: [number, number]; seed?: number; signed?: number } = {}) {
  const code = `p-${Date.now().toString(36)}-${++seq}`;
  const id = await db.kysely.transaction().execute((trx) =>
    createProject(trx, ADMIN, ACTOR, { code, name: `测试征收项目${seq}`, departmentId, phase: 'during', valuerDays: 10, commentOpensOn: o.comment ? dayFromToday(o.comment[0]) : undefined, commentClosesOn: o.comment ? dayFromToday(o.comment[1]) : undefined }, '测试征收办'),
  );
  for (const [kind, d] of o.events ?? []) {
    await db.kysely.transaction().execute((trx) => recordEvent(trx, ADMIN, ACTOR, id, { kind, occurredOn: dayFromToday(d) }));
  }
  const g = generateHouseholds(seededRandom(o.seed ?? 1000 + seq), { projectId: id, count: o.households ?? 0, prefix: `T${seq}-`, signingFrom: dayFromToday(-30), today: todayInChina(), signedShare: o.signed ?? 0.7, buildings: 5 });
  await db.kysely.transaction().execute((trx) => insertHouseholds(trx, g.rows));
  const ids = await db.kysely.selectFrom('expropriationHousehold').select(['id', 'number']).where('projectId', '=', id).orderBy('id').execute();
  return { id, code, households: g.rows.map((r, i) => ({ id: ids[i]!.id, number: r.number, name: r.ownerName, idNumber: g.idNumbers[i]!, code: g.codes[i]! })) };
}

/** Posts a multipart form with one file as the browser would (CSRF token from `fromPage`, in the query). */
export async function postFile(app: FastifyInstance, browser: Browser, url: string, filename: string, content: Buffer, fromPage: string) {
  const csrf = await browser.csrfFrom(fromPage);
  const boundary = '----exp' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({ method: 'POST', url: `${url}?_csrf=${encodeURIComponent(csrf)}`, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' }, payload });
}
