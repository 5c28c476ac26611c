import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, PASSWORD } from './helpers/factories.js';

// Cross-cutting behaviour of the HTTP layer: CSRF, language and elderly mode, hostile or broken
// input, and the operational endpoints (health, metrics, OpenAPI, request ids, 404s).

interface ErrorJson {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string; message: string }> };
  requestId?: string;
}

const uid = () => Math.random().toString(36).slice(2, 10);

function setCookies(res: LightMyRequestResponse): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [String(h)];
}

describe(`platform over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;

  const countUsers = async () => Number((await t.db.kysely.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const countDepartments = async () => Number((await t.db.kysely.selectFrom('department').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sessionsOf = async (userId: number) => t.db.kysely.selectFrom('session').select('id').where('userId', '=', userId).execute();

  beforeAll(async () => ({ t, app } = await startTestApp()));
  afterAll(() => stopTestApp(t, app));

  describe('CSRF', () => {
    it('refuses an anonymous form POST without _csrf (403) and writes nothing', async () => {
      const b = new Browser(app);
      await b.get('/register'); // gets the anonymous CSRF cookie, as a real visitor would
      const before = await countUsers();
      const username = `nocsrf-${uid()}`;
      const res = await app.inject({
        method: 'POST',
        url: '/register',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        payload: new URLSearchParams({ kind: 'citizen', username, displayName: '无令牌', password: 'abc12345', passwordConfirm: 'abc12345' }).toString(),
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('页面已过期或来源不明');
      expect(await countUsers()).toBe(before);
      expect(await t.db.kysely.selectFrom('user').select('id').where('username', '=', username).executeTakeFirst()).toBeUndefined();
    });

    it('refuses a signed-in form POST with a wrong or missing _csrf and changes nothing', async () => {
      const admin = await makeUser(t.db, 'admin');
      const b = new Browser(app);
      await b.login(admin.username, admin.password);
      const before = await countDepartments();
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const fields = { code: `x-${uid()}`, nameZh: '伪造部门', kind: 'department' };
      for (const extra of [{}, { _csrf: 'forged-token' }] as Array<Record<string, string>>) {
        const res = await app.inject({
          method: 'POST',
          url: '/admin/departments/new',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', cookie },
          payload: new URLSearchParams({ ...fields, ...extra }).toString(),
        });
        expect(res.statusCode).toBe(403);
      }
      expect(await countDepartments()).toBe(before);
      // Logout everywhere without the token leaves the session alive.
      const sessions = (await sessionsOf(admin.id)).length;
      const res = await app.inject({ method: 'POST', url: '/account/logout-everywhere', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, payload: '' });
      expect(res.statusCode).toBe(403);
      expect((await sessionsOf(admin.id)).length).toBe(sessions);
      expect(sessions).toBeGreaterThan(0);
    });

    it('refuses a cookie-authenticated JSON POST without x-csrf-token, accepts it with the header', async () => {
      const admin = await makeUser(t.db, 'admin');
      const b = new Browser(app);
      await b.login(admin.username, admin.password);
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const code = `j-${uid()}`;
      const payload = { code, nameZh: 'JSON部门' };
      const before = await countDepartments();

      const refused = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: { cookie }, payload });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<ErrorJson>().error.code).toBe('csrf_failed');
      const wrong = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) }, payload });
      expect(wrong.statusCode).toBe(403);
      expect(await countDepartments()).toBe(before);

      const token = await b.csrfFrom('/account');
      const ok = await app.inject({ method: 'POST', url: '/api/v1/departments', headers: { cookie, 'x-csrf-token': token }, payload });
      expect(ok.statusCode).toBe(201);
      expect(ok.json<{ code: string }>().code).toBe(code);
      expect(await countDepartments()).toBe(before + 1);
    });
  });

  describe('language and elderly mode', () => {
    it('defaults to Chinese', async () => {
      const res = await new Browser(app).get('/');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="zh-CN"');
      expect(res.body).not.toContain('class="elderly"');
      expect(res.body).toContain('首页');
    });

    it('?lang=en sets a cookie, renders English, and later requests stay English', async () => {
      const b = new Browser(app);
      const res = await b.get('/?lang=en');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="en"');
      const lang = setCookies(res).find((c) => c.startsWith('gk_lang='));
      expect(lang).toBeDefined();
      expect(lang).toContain('gk_lang=en');
      expect(b.cookies.get('gk_lang')).toBe('en');

      const later = await b.get('/departments');
      expect(later.statusCode).toBe(200);
      expect(later.body).toContain('<html lang="en"');
      expect(later.body).toContain('Departments');
      // A bare visitor without the cookie is still served Chinese.
      expect((await new Browser(app).get('/departments')).body).toContain('<html lang="zh-CN"');

      // And back again.
      const back = await b.get('/?lang=zh-CN');
      expect(back.body).toContain('<html lang="zh-CN"');
      expect((await b.get('/')).body).toContain('<html lang="zh-CN"');
    });

    it('English error messages follow the language cookie on the API too', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/nope', cookies: { gk_lang: 'en' } });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorJson>().error.message).toMatch(/not/i);
    });

    it('?mode=elderly renders the elderly class and is remembered', async () => {
      const b = new Browser(app);
      const res = await b.get('/?mode=elderly');
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="zh-CN" class="elderly"');
      expect(b.cookies.get('gk_mode')).toBe('elderly');
      expect((await b.get('/departments')).body).toContain('class="elderly"');
      const std = await b.get('/?mode=standard');
      expect(std.body).toContain('<html lang="zh-CN"');
      expect(std.body).not.toContain('class="elderly"');
    });
  });

  describe('bad input', () => {
    it('JSON that is not valid UTF-8 gets 400', async () => {
      const payload = Buffer.concat([Buffer.from('{"username":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('","password":"x"}')]);
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('bad_request');
      expect(body.error.fields?.[0]?.code).toBe('validation.encoding');
    });

    it('a form body that is not valid UTF-8 gets 400', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: Buffer.concat([Buffer.from('username='), Buffer.from([0xc3, 0x28]), Buffer.from('&password=x')]),
      });
      expect(res.statusCode).toBe(400);
    });

    it('malformed JSON gets 400 with a JSON error body', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "a", ' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('bad_request');
      expect(typeof body.error.message).toBe('string');
      expect(body.error.message.length).toBeGreaterThan(0);
      expect(body.error.fields?.[0]?.code).toBe('validation.json');
    });

    it('a body over 1 MiB gets 413', async () => {
      const big = JSON.stringify({ username: 'a'.repeat(1024 * 1024 + 10), password: 'x' });
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: big });
      expect(res.statusCode).toBe(413);
      expect(res.json<ErrorJson>().error.code).toBe('payload_too_large');
    });

    it('an unknown field on login gets 400 naming the field', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'someone', password: 'x', isAdmin: true } });
      expect(res.statusCode).toBe(400);
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields?.some((f) => f.field.includes('isAdmin'))).toBe(true);
      expect(JSON.stringify(body)).toContain('isAdmin');
    });

    it('wrong types get 400 naming the field', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 12345, password: ['a'] } });
      expect(res.statusCode).toBe(400);
      const fields = res.json<ErrorJson>().error.fields ?? [];
      expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['username', 'password']));
      const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
      expect(missing.statusCode).toBe(400);
      const arr = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '[1,2]', headers: { 'content-type': 'application/json' } });
      expect(arr.statusCode).toBe(400);
    });

    it('a bad query parameter gets 400 naming it as querystring.<field>, in the chosen language', async () => {
      const zh = await app.inject({ method: 'GET', url: '/api/v1/services/halls?level=planet' });
      expect(zh.statusCode).toBe(400);
      const zhBody = zh.json<ErrorJson>();
      expect(zhBody.error.code).toBe('validation_failed');
      expect(zhBody.error.fields?.map((f) => f.field)).toEqual(['querystring.level']);
      expect(zhBody.error.fields?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
      const en = await app.inject({ method: 'GET', url: '/api/v1/services/halls?level=planet&lang=en' });
      expect(en.json<ErrorJson>().error.fields?.[0]?.message).toMatch(/^[\x20-\x7e]+$/);
    });

    it('an unsupported content type gets 415', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      expect(res.statusCode).toBe(415);
    });

    it('SQL-injection strings as username are just wrong credentials, and nothing breaks', async () => {
      const victim = await makeUser(t.db, 'citizen');
      const before = await countUsers();
      for (const username of ["' OR 1=1 --", `${victim.username}' --`, "'; DROP TABLE \"user\"; --", '" OR ""="']) {
        const api = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: "' OR '1'='1" } });
        expect(api.statusCode).toBe(401);
        expect(api.json<ErrorJson>().error.code).toBe('unauthenticated');
      }
      const b = new Browser(app);
      const page = await b.post('/login', { username: "' OR 1=1 --", password: 'x' }, '/login');
      expect(page.statusCode).toBe(401);
      expect(page.body).toContain('用户名或密码不正确');
      expect(await countUsers()).toBe(before);
      // The real user still signs in.
      const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: victim.username, password: PASSWORD } });
      expect(ok.statusCode).toBe(200);
      // And a search with SQL in it does not break the admin list.
      const admin = await makeUser(t.db, 'admin');
      const a = new Browser(app);
      await a.login(admin.username, admin.password);
      const list = await a.get(`/admin/users?q=${encodeURIComponent("' OR 1=1 --")}`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('共 0 个用户');
    });

    it('an XSS display name is stored as typed but rendered escaped', async () => {
      const xss = '<script>alert(1)</script>';
      const username = `xss-${uid()}`;
      const b = new Browser(app);
      const res = await b.post('/register', { kind: 'citizen', username, displayName: xss, password: 'abc12345', passwordConfirm: 'abc12345' });
      expect(res.statusCode).toBe(303);
      const row = await t.db.kysely.selectFrom('user').select('displayName').where('username', '=', username).executeTakeFirstOrThrow();
      expect(row.displayName).toBe(xss);
      const page = await b.get('/account');
      expect(page.statusCode).toBe(200);
      // preact escapes < and & in text (">" needs no escaping there), so the tag can never open.
      expect(page.body).toMatch(/<dd>&lt;script(&gt;|>)alert\(1\)&lt;\/script(&gt;|>)<\/dd>/);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).not.toContain('<script');
    });

    it('a hostile query string does not break pages', async () => {
      const res = await new Browser(app).get(`/departments?lang=${encodeURIComponent('"><script>alert(1)</script>')}&mode=%00`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>alert');
      expect(res.body).toContain('<html lang="zh-CN"');
    });
  });

  describe('operations', () => {
    it('/healthz reports the database', async () => {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: TEST_DIALECT });
    });

    it('/metrics exposes request durations', async () => {
      await app.inject({ method: 'GET', url: '/healthz' });
      const res = await app.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('gongkai_http_request_duration_seconds');
      expect(res.body).toMatch(/gongkai_http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+/);
    });

    it('/api/docs/json is an OpenAPI document with the API paths', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/articles', '/api/v1/departments']));
      // Pages are hidden from the API documentation.
      expect(Object.keys(doc.paths)).not.toContain('/login');
    });

    it('every response carries x-request-id, and a sent one is echoed', async () => {
      const responses = [
        await app.inject({ method: 'GET', url: '/healthz' }),
        await app.inject({ method: 'GET', url: '/' }),
        await app.inject({ method: 'GET', url: '/no-such-page' }),
        await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y', extra: 1 } }),
      ];
      const ids = responses.map((r) => r.headers['x-request-id']);
      for (const id of ids) {
        expect(typeof id).toBe('string');
        expect(String(id).length).toBeGreaterThan(0);
      }
      expect(new Set(ids).size).toBe(ids.length);
      const echoed = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-abc-123' } });
      expect(echoed.headers['x-request-id']).toBe('trace-abc-123');
      const err = await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': 'trace-err-9' } });
      expect(err.headers['x-request-id']).toBe('trace-err-9');
      expect(err.json<ErrorJson>().requestId).toBe('trace-err-9');
    });

    it('an unknown page is a Chinese 404 page', async () => {
      const res = await new Browser(app).get('/no/such/page');
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<html lang="zh-CN"');
      expect(res.body).toContain('您访问的页面或数据不存在');
    });

    it('an unknown API path is a 404 JSON error', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/json');
      const body = res.json<ErrorJson>();
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toBe('您访问的页面或数据不存在。');
    });

    it('a department unknown to the API is 404 JSON', async () => {
      await makeDepartment(t.db);
      const res = await app.inject({ method: 'GET', url: '/api/v1/departments/no-such-code' });
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorJson>().error.code).toBe('not_found');
    });

    it('security headers are set on pages', async () => {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('security headers and the request id are on API answers and on errors too', async () => {
      for (const url of ['/healthz', '/api/v1/no-such-thing']) {
        const res = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['strict-transport-security']).toContain('max-age=');
        expect(res.headers['x-powered-by']).toBeUndefined();
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
      const missing = await app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorJson>().requestId).toBe(missing.headers['x-request-id']);
    });
  });
});
