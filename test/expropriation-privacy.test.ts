import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { makeExpProject } from './helpers/expropriation.js';

// Privacy: no public page or API response of the module carries an owner's full name or any ID
// number, and one household cannot read another's record.

const ID_PATTERN = /\d{17}[\dX]/;

describe(`expropriation privacy (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let project: Awaited<ReturnType<typeof makeExpProject>>;
  let second: Awaited<ReturnType<typeof makeExpProject>>;

  beforeAll(async () => {
    ({ t, app } = await startTestApp({ publicUrl: 'http://gongkai.test' }));
    const dept = await makeDepartment(t.db);
    project = await makeExpProject(t.db, dept.id, { households: 130, seed: 11, events: [['survey', -90], ['decision', -40]], comment: [-80, -50] });
    second = await makeExpProject(t.db, dept.id, { households: 5, seed: 12 });
    // A staff member exists, so that staff-only data is in the database while the public crawls.
    await makeUser(t.db, 'editor', [dept.id]);
  });
  afterAll(() => stopTestApp(t, app));

  /** Every public address of the module for a project: pages, each page of the list, filters, notices per building, and the API. */
  async function publicUrls(p: typeof project): Promise<string[]> {
    const base = `/expropriation/projects/${p.id}`;
    const buildings = ['1号楼', '2号楼', '3号楼', '4号楼', '5号楼'];
    const urls = ['/expropriation', base, `${base}/screen`, `${base}/notice`, `${base}/notice?size=a3`, '/expropriation/sign-in', '/api/v1/expropriation/projects', `/api/v1/expropriation/projects/${p.id}/directory`];
    const pages = Math.ceil(p.households.length / 50);
    for (let page = 1; page <= pages; page++) {
      urls.push(`${base}/households?page=${page}`, `/api/v1/expropriation/projects/${p.id}/households?page=${page}`, `${base}/households?page=${page}&lang=en`);
    }
    for (const b of buildings) {
      urls.push(`${base}/notice?building=${encodeURIComponent(b)}`, `${base}/households?building=${encodeURIComponent(b)}&signing=signed`);
    }
    for (const h of p.households.slice(0, 20)) {
      urls.push(`${base}/households?number=${h.number}`, `/api/v1/expropriation/projects/${p.id}/households?number=${h.number}`, `/expropriation/households/${h.id}`, `/api/v1/expropriation/households/${h.id}`);
    }
    return urls;
  }

  it('shows no full name and no ID number on any public page or API response', async () => {
    const names = [...project.households, ...second.households].map((h) => h.name);
    const ids = [...project.households, ...second.households].map((h) => h.idNumber);
    const urls = [...(await publicUrls(project)), ...(await publicUrls(second))];
    let checked = 0;
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      const body = decodeURIComponent(res.body.replace(/%(?![0-9A-F]{2})/gi, '%25'));
      for (const text of [res.body, body]) {
        for (const n of names) {
          expect(text.includes(n), `${url} contains the name ${n}`).toBe(false);
        }
        for (const id of ids) {
          expect(text.includes(id), `${url} contains an ID number`).toBe(false);
        }
        expect(ID_PATTERN.test(text), `${url} contains something shaped like an ID number`).toBe(false);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    // The masked names are there: the list is not just empty.
    const list = await app.inject({ method: 'GET', url: `/api/v1/expropriation/projects/${project.id}/households` });
    expect(list.json<{ items: Array<{ name: string }> }>().items.every((i) => i.name.includes('*'))).toBe(true);
  });

  it('lets a household sign in with its code and ID number and read only its own full record', async () => {
    const me = project.households[0]!;
    const other = project.households[1]!;
    const b = new Browser(app);
    const wrong = await b.post('/expropriation/sign-in', { code: me.code, idNumber: other.idNumber });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('查询码或身份证号码不正确');
    expect(wrong.body).not.toContain(other.idNumber);
    const ok = await b.post('/expropriation/sign-in', { code: me.code.toLowerCase(), idNumber: me.idNumber });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/expropriation/households/${me.id}`);
    const mine = await b.get(`/expropriation/households/${me.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(me.name);
    expect(mine.body).not.toContain(me.idNumber);
    expect(mine.headers['cache-control']).toBe('no-store');
    // Another household's record, in the same project and in another one, looks missing.
    expect((await b.get(`/expropriation/households/${other.id}`)).statusCode).toBe(404);
    expect((await b.get(`/expropriation/households/${second.households[0]!.id}`)).statusCode).toBe(404);
    // Without a session the record sends the visitor to sign in.
    const anon = await app.inject({ method: 'GET', url: `/expropriation/households/${me.id}` });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/expropriation/sign-in');
    // Over the API with the token.
    const api = await app.inject({ method: 'POST', url: '/api/v1/expropriation/sign-in', payload: { code: other.code, idNumber: other.idNumber } });
    const token = api.json<{ token: string }>().token;
    const own = await app.inject({ method: 'GET', url: `/api/v1/expropriation/households/${other.id}`, headers: { 'x-household-token': token } });
    expect(own.json<{ name: string; idNumber: string }>()).toMatchObject({ name: other.name });
    expect(own.json<{ idNumber: string }>().idNumber).toMatch(/^\d\*+[\dX]$/);
    expect((await app.inject({ method: 'GET', url: `/api/v1/expropriation/households/${me.id}`, headers: { 'x-household-token': token } })).statusCode).toBe(404);
    // Signing out ends the session.
    await b.post('/expropriation/sign-out', {}, `/expropriation/households/${me.id}`);
    expect((await b.get(`/expropriation/households/${me.id}`)).statusCode).toBe(303);
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/v1/expropriation/sign-in', remoteAddress: '10.9.8.7', payload: { code: 'AAAAA-AAAAA', idNumber: project.households[2]!.idNumber } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
