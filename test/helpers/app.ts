import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Db } from '../../src/db/connect.js';
import { createTestDb, type TestDb } from './db.js';

/** A configuration for tests: quiet, no background polling, no process-wide metrics. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: 'silent' }), workers: false, processMetrics: false, ...overrides };
}

/** Builds the real app on a test database. */
export async function buildTestApp(db: Db, overrides: Partial<Config> = {}, opts: Omit<BuildOptions, 'db'> = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig({ databaseUrl: 'sqlite::memory:', ...overrides }), { ...opts, db });
  await app.ready();
  return app;
}

/** A browser-like client: keeps cookies, reads the CSRF token from pages, posts forms. */
export class Browser {
  cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now())) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
  }

  /** GET a page (HTML). */
  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), accept: 'text/html' } });
    this.keep(res);
    return res;
  }

  /** The CSRF token on a page. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!m) {
      throw new Error(`no CSRF field on ${url} (status ${res.statusCode})`);
    }
    return m[1]!;
  }

  /** POST a form as a browser would, with the CSRF token of `fromPage` (default: the same URL). */
  async post(url: string, fields: Record<string, string | string[]>, fromPage?: string): Promise<LightMyRequestResponse> {
    const csrf = await this.csrfFrom(fromPage ?? url);
    const body = new URLSearchParams();
    body.append('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) {
      for (const x of Array.isArray(v) ? v : [v]) {
        body.append(k, x);
      }
    }
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: body.toString(),
    });
    this.keep(res);
    return res;
  }

  /** Signs in through the login form. */
  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/login', { username, password }, '/login');
    if (res.statusCode !== 303) {
      throw new Error(`login of ${username} failed: ${res.statusCode}`);
    }
    return res;
  }
}

/** Signs in over the API and returns the bearer token. */
export async function apiToken(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`API login of ${username} failed: ${res.statusCode} ${res.body}`);
  }
  return res.json<{ token: string }>().token;
}

/** A fresh test database with the real app on it (the usual beforeAll of an HTTP test file). */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<{ t: TestDb; app: FastifyInstance }> {
  const t = await createTestDb();
  return { t, app: await buildTestApp(t.db, overrides) };
}

/** Closes the app and drops its database (the usual afterAll). */
export async function stopTestApp(t: TestDb, app: FastifyInstance): Promise<void> {
  await app.close();
  await t.drop();
}
