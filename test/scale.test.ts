import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, buildTestApp } from './helpers/app.js';
import { makeUser } from './helpers/factories.js';
import { enqueue } from '../src/platform/jobs/index.js';

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

// Two app instances on one database (and one Redis) must behave as one portal: a session opened on
// one is valid on the other, rate limits are counted together, and each background job runs once.
describe(`two app instances on one ${TEST_DIALECT} database`, () => {
  let t: TestDb;
  let a: FastifyInstance;
  let b: FastifyInstance;
  const handled: number[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    const shared = { redisUrl: REDIS_URL, rateLimitNamespace: `gk-test-${crypto.randomBytes(4).toString('hex')}:` };
    const handlers = {
      'test.count': async (payload: unknown) => {
        // Yield so that both workers really overlap.
        await new Promise((r) => setTimeout(r, 2));
        handled.push((payload as { n: number }).n);
      },
    };
    a = await buildTestApp(t.db, shared, { extraJobHandlers: handlers });
    b = await buildTestApp(t.reconnect(), shared, { extraJobHandlers: handlers });
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await t.drop();
  });

  it('shares sessions: signed in on A, recognised on B; signed out on B, refused on A', async () => {
    const u = await makeUser(t.db, 'citizen');
    const token = await apiToken(a, u.username, u.password);
    const meOnB = await b.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(meOnB.statusCode).toBe(200);
    expect(meOnB.json<{ username: string }>().username).toBe(u.username);
    const out = await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    const meOnA = await a.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(meOnA.statusCode).toBe(401);
  });

  it('shares rate limits through Redis: the login limit counts requests to both instances together', async () => {
    // The login route allows 20 attempts a minute per client; 15 to each instance is 30 in all.
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      for (const app of [a, b]) {
        // One client address of its own, so that earlier logins in this file do not count.
        const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.77', payload: { username: 'nobody', password: 'wrong-pass-1' } });
        statuses.push(r.statusCode);
      }
    }
    expect(statuses.filter((s) => s !== 429)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('shares background jobs: two workers claim side by side and run each job exactly once', async () => {
    for (let n = 0; n < 60; n++) {
      await enqueue(t.db.kysely, 'test.count', { n }, { idempotencyKey: `count-${n}` });
    }
    // A repeated enqueue with the same key is a no-op.
    expect(await enqueue(t.db.kysely, 'test.count', { n: 0 }, { idempotencyKey: 'count-0' })).toBe(false);
    let ran = 1;
    while (ran > 0) {
      const [x, y] = await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
      ran = x + y;
    }
    expect(handled.slice().sort((p, q) => p - q)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const done = await t.db.kysely.selectFrom('job').select((eb) => eb.fn.countAll<number>().as('n')).where('queue', '=', 'test.count').where('status', '=', 'done').executeTakeFirstOrThrow();
    expect(Number(done.n)).toBe(60);
  });
});
