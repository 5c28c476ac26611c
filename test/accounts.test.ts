import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp } from './helpers/app.js';
import { makeDepartment, makeUser, PASSWORD } from './helpers/factories.js';
import type { Config } from '../src/config.js';
import { creditCodeCheckChar, residentIdCheckChar } from '../src/platform/identity/index.js';

// Accounts over HTTP against the real app and database: registration (form and API), login and
// lockout, database sessions, logout everywhere, and the admin user pages with their audit trail.

interface ErrorJson {
  error: { code: string; message: string; fields?: Array<{ field: string; code: string; message: string }> };
}
interface UserJson {
  id: number;
  username: string;
  role: string;
  residentId: string | null;
  creditCode: string | null;
  enterpriseName: string | null;
  departmentIds: number[];
  disabled: boolean;
  locked: boolean;
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const uid = () => crypto.randomBytes(4).toString('hex');

/** A fresh valid 统一社会信用代码 (registration authority 9, type 1, random body). */
function validCreditCode(): string {
  let body = '91';
  while (body.length < 17) {
    body += CREDIT_CHARSET.charAt(crypto.randomInt(CREDIT_CHARSET.length));
  }
  return body + creditCodeCheckChar(body);
}

/** The same code with a wrong check character. */
function badCheckChar(code: string): string {
  const good = code.charAt(17);
  const wrong = CREDIT_CHARSET.charAt((CREDIT_CHARSET.indexOf(good) + 1) % CREDIT_CHARSET.length);
  return code.slice(0, 17) + wrong;
}

/** A valid 居民身份证号码 born 1949-12-31, with a random sequence number. */
function validResidentId(): string {
  const first17 = `11010519491231${String(crypto.randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function setCookieLines(res: LightMyRequestResponse): string[] {
  const h = res.headers['set-cookie'];
  return h === undefined ? [] : Array.isArray(h) ? h : [String(h)];
}

function cookieHeader(b: Browser): string {
  return [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** Asserts that nothing in a JSON response looks like a password hash. */
function expectNoHash(res: LightMyRequestResponse): void {
  expect(res.body).not.toContain('passwordHash');
  expect(res.body).not.toContain('password_hash');
  expect(res.body).not.toContain('$argon2');
}

const registration = (over: Record<string, string> = {}) => ({
  kind: 'citizen',
  username: `u-${uid()}`,
  displayName: '张三',
  password: 'abc12345',
  passwordConfirm: 'abc12345',
  ...over,
});

describe(`accounts over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  const apps: FastifyInstance[] = [];

  /** Each group gets its own app: the per-route rate limits (10 registrations, 20 logins a minute) are per app. */
  async function newApp(over: Partial<Config> = {}): Promise<FastifyInstance> {
    const a = await buildTestApp(t.db, over);
    apps.push(a);
    return a;
  }

  const countUsers = async () => Number((await t.db.kysely.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const userByName = (username: string) => t.db.kysely.selectFrom('user').selectAll().where('username', '=', username).executeTakeFirst();
  const sessionsOf = (userId: number) => t.db.kysely.selectFrom('session').selectAll().where('userId', '=', userId).execute();
  const auditRows = (action: string, entityId: number | string) =>
    t.db.kysely.selectFrom('auditLog').selectAll().where('action', '=', action).where('entityId', '=', String(entityId)).orderBy('id').execute();
  const countAudit = async () => Number((await t.db.kysely.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    for (const a of apps) {
      await a.close();
    }
    await t.drop();
  });

  describe('registration through the form', () => {
    // A fresh app per test: registration allows 10 posts a minute from one address.
    let app: FastifyInstance;
    beforeEach(async () => {
      app = await newApp();
    });

    it('registers a citizen, signs them in and shows the welcome', async () => {
      const b = new Browser(app);
      const form = registration({ email: 'zhang@example.cn', mobile: '13800138000' });
      const res = await b.post('/register', form);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/account?welcome=1');
      expect(b.cookies.has('gk_session')).toBe(true);
      const row = await userByName(form.username);
      expect(row).toMatchObject({ role: 'citizen', displayName: '张三', email: 'zhang@example.cn', mobile: '13800138000', creditCode: null, enterpriseName: null });
      expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row!.passwordHash).not.toContain(form.password);
      expect(await sessionsOf(row!.id)).toHaveLength(1);
      const page = await b.get('/account?welcome=1');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('注册成功，欢迎使用。');
      expect(page.body).toContain(form.username);
      // The mobile number is masked on the page.
      expect(page.body).toContain('138****8000');
      expect(page.body).not.toContain('13800138000');
    });

    it('registers an enterprise with a valid credit code (typed in lower case, stored canonical)', async () => {
      const b = new Browser(app);
      const code = validCreditCode();
      const form = registration({ kind: 'enterprise', creditCode: ` ${code.toLowerCase()} `, enterpriseName: '某某科技有限公司', displayName: '李经理' });
      const res = await b.post('/register', form);
      expect(res.statusCode).toBe(303);
      const row = await userByName(form.username);
      expect(row).toMatchObject({ role: 'enterprise', creditCode: code, enterpriseName: '某某科技有限公司' });
      const page = await b.get('/account');
      expect(page.body).toContain(code);
      expect(page.body).toContain('某某科技有限公司');
    });

    it('refuses a credit code with a wrong check character: 400, error beside the field, values kept, nothing written', async () => {
      const b = new Browser(app);
      const bad = badCheckChar(validCreditCode());
      const form = registration({ kind: 'enterprise', creditCode: bad, enterpriseName: '错误代码公司', email: 'boss@example.cn' });
      const before = await countUsers();
      const res = await b.post('/register', form);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('text/html');
      // The error sits beside the field, tied to it for screen readers.
      expect(res.body).toMatch(/<p class="error" id="creditCode-error">.*统一社会信用代码无效/);
      expect(res.body).toContain('aria-describedby="creditCode-hint creditCode-error"');
      expect(res.body).toContain('aria-invalid="true"');
      expect(res.body).toContain('<div class="error-summary"');
      expect(res.body).toContain('href="#creditCode"');
      // Typed values come back; passwords never do.
      expect(res.body).toContain(`value="${form.username}"`);
      expect(res.body).toContain(`value="${bad}"`);
      expect(res.body).toContain('value="错误代码公司"');
      expect(res.body).toContain('value="boss@example.cn"');
      expect(res.body).toMatch(/value="enterprise" checked/);
      expect(res.body).not.toContain(form.password);
      // No other field is blamed.
      expect(res.body).not.toContain('id="username-error"');
      expect(await countUsers()).toBe(before);
      expect(await userByName(form.username)).toBeUndefined();
      expect(b.cookies.has('gk_session')).toBe(false);
    });

    it('refuses an enterprise without credit code or name', async () => {
      const b = new Browser(app);
      const before = await countUsers();
      const res = await b.post('/register', registration({ kind: 'enterprise' }));
      expect(res.statusCode).toBe(400);
      expect(res.body).toMatch(/id="creditCode-error">.*此项为必填项/);
      expect(res.body).toMatch(/id="enterpriseName-error">.*此项为必填项/);
      expect(await countUsers()).toBe(before);
    });

    it('refuses a taken username, a bad resident ID and mismatched passwords, each beside its field', async () => {
      const existing = await makeUser(t.db, 'citizen');
      const b = new Browser(app);
      const before = await countUsers();
      const taken = await b.post('/register', registration({ username: existing.username }));
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toMatch(/id="username-error">.*该用户名已被使用/);
      expect(taken.body).toContain(`value="${existing.username}"`);

      const id = validResidentId();
      const wrongId = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
      const badId = await b.post('/register', registration({ residentId: wrongId }));
      expect(badId.statusCode).toBe(400);
      expect(badId.body).toMatch(/id="residentId-error">.*居民身份证号码无效/);

      const mismatch = await b.post('/register', registration({ passwordConfirm: 'different1' }));
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body).toMatch(/id="passwordConfirm-error">.*两次输入的密码不一致/);

      const weak = await b.post('/register', registration({ password: 'onlyletters', passwordConfirm: 'onlyletters' }));
      expect(weak.statusCode).toBe(400);
      expect(weak.body).toMatch(/id="password-error">.*密码须同时包含字母和数字/);

      const badName = await b.post('/register', registration({ username: '张 三!' }));
      expect(badName.statusCode).toBe(400);
      expect(badName.body).toContain('id="username-error"');
      expect(await countUsers()).toBe(before);
    });

    it('the resident ID is stored but only ever shown masked on the account page', async () => {
      const b = new Browser(app);
      const rid = validResidentId();
      const form = registration({ residentId: rid });
      expect((await b.post('/register', form)).statusCode).toBe(303);
      expect((await userByName(form.username))!.residentId).toBe(rid);
      const page = await b.get('/account');
      expect(page.body).toContain(`${rid[0]}${'*'.repeat(16)}${rid[17]}`);
      expect(page.body).not.toContain(rid);
    });
  });

  describe('registration over the API', () => {
    let app: FastifyInstance;
    beforeEach(async () => {
      app = await newApp();
    });
    const register = (payload: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/auth/register', payload });

    it('registers a citizen: 201, no password hash, resident ID masked', async () => {
      const rid = validResidentId();
      const body = registration({ residentId: rid, mobile: '13912345678' });
      const res = await register(body);
      expect(res.statusCode).toBe(201);
      expectNoHash(res);
      expect(res.body).not.toContain(rid);
      expect(res.body).not.toContain('13912345678');
      const u = res.json<UserJson>();
      expect(u).toMatchObject({ username: body.username, role: 'citizen', residentId: `${rid[0]}${'*'.repeat(16)}${rid[17]}`, creditCode: null });
      const row = await userByName(body.username);
      expect(row?.id).toBe(u.id);
      expect(row?.residentId).toBe(rid);
    });

    it('refuses a credit code with a wrong check character: 400 naming creditCode in Chinese, nothing written', async () => {
      const before = await countUsers();
      const body = registration({ kind: 'enterprise', creditCode: badCheckChar(validCreditCode()), enterpriseName: '某公司' });
      const res = await register(body);
      expect(res.statusCode).toBe(400);
      const err = res.json<ErrorJson>().error;
      expect(err.code).toBe('validation_failed');
      expect(err.message).toBe('提交的内容有误，请检查标出的字段。');
      const f = err.fields?.find((x) => x.field === 'creditCode');
      expect(f).toBeDefined();
      expect(f!.code).toBe('validation.credit_code');
      expect(f!.message).toMatch(/统一社会信用代码无效/);
      expect(err.fields).toHaveLength(1);
      expect(await countUsers()).toBe(before);
      expect(await userByName(body.username)).toBeUndefined();
    });

    it('registers an enterprise with a valid code, and refuses the same code a second time', async () => {
      const code = validCreditCode();
      const res = await register(registration({ kind: 'enterprise', creditCode: code, enterpriseName: '甲公司' }));
      expect(res.statusCode).toBe(201);
      expectNoHash(res);
      expect(res.json<UserJson>()).toMatchObject({ role: 'enterprise', creditCode: code, enterpriseName: '甲公司' });
      const before = await countUsers();
      const again = await register(registration({ kind: 'enterprise', creditCode: code, enterpriseName: '乙公司' }));
      expect(again.statusCode).toBe(400);
      expect(again.json<ErrorJson>().error.fields?.[0]).toMatchObject({ field: 'creditCode', code: 'validation.credit_code_taken' });
      expect(await countUsers()).toBe(before);
    });

    it('a citizen does not keep enterprise fields', async () => {
      const body = registration({ creditCode: validCreditCode(), enterpriseName: '不该保存' });
      const res = await register(body);
      expect(res.statusCode).toBe(201);
      expect((await userByName(body.username))).toMatchObject({ creditCode: null, enterpriseName: null });
    });

    it('refuses a duplicate username and a bad resident ID', async () => {
      const first = registration();
      expect((await register(first)).statusCode).toBe(201);
      const before = await countUsers();
      const dup = await register(registration({ username: first.username }));
      expect(dup.statusCode).toBe(400);
      expect(dup.json<ErrorJson>().error.fields?.[0]).toMatchObject({ field: 'username', code: 'validation.username_taken', message: '该用户名已被使用' });

      const rid = validResidentId();
      for (const bad of [rid.slice(0, 17) + (rid.endsWith('1') ? '2' : '1'), '110105194913310010', '12345']) {
        const res = await register(registration({ residentId: bad }));
        expect(res.statusCode).toBe(400);
        const f = res.json<ErrorJson>().error.fields?.find((x) => x.field === 'residentId');
        expect(f?.code).toBe('validation.resident_id');
        expect(f?.message).toMatch(/居民身份证号码无效/);
      }
      expect(await countUsers()).toBe(before);
    });

    it('refuses unknown fields and a role chosen by the caller', async () => {
      const before = await countUsers();
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { ...registration(), role: 'admin' } });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json())).toContain('role');
      const kind = await register(registration({ kind: 'admin' }));
      expect(kind.statusCode).toBe(400);
      expect(kind.json<ErrorJson>().error.fields?.[0]?.field).toBe('kind');
      expect(await countUsers()).toBe(before);
    });

    it('/api/v1/me shows the resident ID only masked and never the hash', async () => {
      const rid = validResidentId();
      const body = registration({ residentId: rid });
      expect((await register(body)).statusCode).toBe(201);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: body.username, password: body.password } });
      expect(login.statusCode).toBe(200);
      expectNoHash(login);
      expect(login.body).not.toContain(rid);
      const token = login.json<{ token: string }>().token;
      const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect(me.statusCode).toBe(200);
      expectNoHash(me);
      expect(me.body).not.toContain(rid);
      expect(me.json<UserJson>().residentId).toBe(`${rid[0]}${'*'.repeat(16)}${rid[17]}`);
      const anon = await app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(anon.statusCode).toBe(401);
      expect(anon.json<ErrorJson>().error.code).toBe('unauthenticated');
    });

    it('the same username registered twice at once yields one account and no server error', async () => {
      const body = registration();
      const before = await countUsers();
      const results = await Promise.all([register(body), register(body), register(body)]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes[0]).toBe(201);
      // The loser is told the name is taken (400) or, if it lost the race inside the database, conflict (409).
      for (const r of results.filter((x) => x.statusCode !== 201)) {
        expect([400, 409]).toContain(r.statusCode);
        expect(['validation_failed', 'conflict']).toContain(r.json<ErrorJson>().error.code);
      }
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(await countUsers()).toBe(before + 1);
    });

    it('registration is rate limited per address (429 after 10 a minute)', async () => {
      const before = await countUsers();
      for (let i = 0; i < 10; i++) {
        expect((await register(registration({ username: '' }))).statusCode).toBe(400);
      }
      const res = await register(registration());
      expect(res.statusCode).toBe(429);
      expect(res.json<ErrorJson>().error).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试。' });
      expect(await countUsers()).toBe(before);
    });
  });

  describe('login and lockout', () => {
    let app: FastifyInstance;
    let strict: FastifyInstance;
    beforeAll(async () => {
      app = await newApp();
      strict = await newApp({ loginMaxFailures: 3, lockoutMinutes: 15 });
    });
    const apiLogin = (a: FastifyInstance, username: string, password: string) => a.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

    it('a wrong password gets a 401 page and a 401 JSON error; the right one works', async () => {
      const u = await makeUser(t.db, 'citizen');
      const b = new Browser(app);
      const page = await b.post('/login', { username: u.username, password: 'wrong-pass-1' }, '/login');
      expect(page.statusCode).toBe(401);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('用户名或密码不正确。');
      expect(page.body).toContain(`value="${u.username}"`);
      expect(b.cookies.has('gk_session')).toBe(false);
      const json = await apiLogin(app, u.username, 'wrong-pass-1');
      expect(json.statusCode).toBe(401);
      expect(json.json<ErrorJson>().error).toMatchObject({ code: 'unauthenticated', message: '用户名或密码不正确。' });
      const unknown = await apiLogin(app, `nobody-${uid()}`, 'whatever1');
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json<ErrorJson>().error.message).toBe(json.json<ErrorJson>().error.message);
      expect(await sessionsOf(u.id)).toHaveLength(0);

      const ok = await b.login(u.username, u.password);
      expect(ok.headers.location).toBe('/account');
      const row = await userByName(u.username);
      expect(row!.failedLogins).toBe(0);
      expect(row!.lastLoginAt).not.toBeNull();
    });

    it('staff land on /admin, and only a local next= is followed', async () => {
      const editor = await makeUser(t.db, 'editor', [(await makeDepartment(t.db)).id]);
      expect((await new Browser(app).login(editor.username, editor.password)).headers.location).toBe('/admin');
      const c = await makeUser(t.db, 'citizen');
      const b = new Browser(app);
      const local = await b.post('/login', { username: c.username, password: c.password, next: '/departments' }, '/login?next=/departments');
      expect(local.headers.location).toBe('/departments');
      const evil = await new Browser(app).post('/login', { username: c.username, password: c.password, next: '//evil.example/' }, '/login');
      expect(evil.statusCode).toBe(303);
      expect(evil.headers.location).toBe('/account');
    });

    it(`locks the account after loginMaxFailures (3) failures, even for the right password (423)`, async () => {
      const u = await makeUser(t.db, 'citizen');
      const bystander = await makeUser(t.db, 'citizen');
      expect((await apiLogin(strict, u.username, 'wrong-1')).statusCode).toBe(401);
      expect((await apiLogin(strict, u.username, 'wrong-2')).statusCode).toBe(401);
      expect((await userByName(u.username))!.failedLogins).toBe(2);
      const third = await apiLogin(strict, u.username, 'wrong-3');
      expect(third.statusCode).toBe(423);
      expect(third.json<ErrorJson>().error.code).toBe('account_locked');
      expect(third.json<ErrorJson>().error.message).toContain('账号已临时锁定');
      const row = await userByName(u.username);
      expect(row!.lockedUntil).not.toBeNull();
      expect(Date.parse(row!.lockedUntil!)).toBeGreaterThan(Date.now() + 14 * 60_000);

      const right = await apiLogin(strict, u.username, u.password);
      expect(right.statusCode).toBe(423);
      expect(right.body).not.toContain('token');
      const form = await new Browser(strict).post('/login', { username: u.username, password: u.password }, '/login');
      expect(form.statusCode).toBe(423);
      expect(form.body).toContain('账号已临时锁定');
      expect(await sessionsOf(u.id)).toHaveLength(0);
      // Other accounts are not affected.
      expect((await apiLogin(strict, bystander.username, bystander.password)).statusCode).toBe(200);

      // When the lock has run out, the right password works again and the count starts afresh.
      await t.db.kysely.updateTable('user').set({ lockedUntil: new Date(Date.now() - 1000).toISOString() }).where('id', '=', u.id).execute();
      expect((await apiLogin(strict, u.username, u.password)).statusCode).toBe(200);
      expect(await userByName(u.username)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    });

    it('parallel wrong guesses are all counted, so they cannot dodge the lock', async () => {
      const own = await newApp({ loginMaxFailures: 3 });
      const u = await makeUser(t.db, 'citizen');
      const results = await Promise.all(Array.from({ length: 6 }, () => apiLogin(own, u.username, 'wrong-guess-1')));
      expect(results.map((r) => r.statusCode).every((s) => s === 401 || s === 423)).toBe(true);
      expect(results.some((r) => r.statusCode === 423)).toBe(true);
      expect((await userByName(u.username))!.lockedUntil).not.toBeNull();
      expect((await apiLogin(own, u.username, u.password)).statusCode).toBe(423);
    });

    it('a successful login resets the failure count', async () => {
      const u = await makeUser(t.db, 'citizen');
      expect((await apiLogin(strict, u.username, 'wrong-1')).statusCode).toBe(401);
      expect((await apiLogin(strict, u.username, 'wrong-2')).statusCode).toBe(401);
      expect((await apiLogin(strict, u.username, u.password)).statusCode).toBe(200);
      expect((await apiLogin(strict, u.username, 'wrong-3')).statusCode).toBe(401);
      expect((await apiLogin(strict, u.username, 'wrong-4')).statusCode).toBe(401);
      expect((await userByName(u.username))!.lockedUntil).toBeNull();
    });

    it('a disabled account cannot sign in', async () => {
      const u = await makeUser(t.db, 'citizen');
      await t.db.kysely.updateTable('user').set({ disabled: 1 }).where('id', '=', u.id).execute();
      const res = await apiLogin(app, u.username, u.password);
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorJson>().error.message).toBe('该账号已停用，请联系管理员。');
      expect(await sessionsOf(u.id)).toHaveLength(0);
    });
  });

  describe('sessions', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await newApp();
    });

    it('login stores a session row; the cookie is httpOnly, SameSite=Lax and holds no stored id', async () => {
      const u = await makeUser(t.db, 'citizen');
      const b = new Browser(app);
      const res = await b.login(u.username, u.password);
      const line = setCookieLines(res).find((c) => c.startsWith('gk_session='));
      expect(line).toBeDefined();
      expect(line).toMatch(/;\s*HttpOnly/i);
      expect(line).toMatch(/;\s*SameSite=Lax/i);
      expect(line).toMatch(/;\s*Path=\//i);
      expect(line).toMatch(/;\s*Max-Age=28800/i);
      const token = b.cookies.get('gk_session')!;
      const rows = await sessionsOf(u.id);
      expect(rows).toHaveLength(1);
      // The table keeps only the sha256 of the token.
      expect(rows[0]!.id).toBe(crypto.createHash('sha256').update(token).digest('hex'));
      expect(rows[0]!.id).not.toBe(token);
      expect(Date.parse(rows[0]!.expiresAt)).toBeGreaterThan(Date.now() + 7 * 3600_000);
      // The anonymous CSRF cookie is httpOnly too.
      const anon = new Browser(app);
      const csrf = setCookieLines(await anon.get('/login')).find((c) => c.startsWith('gk_csrf='));
      expect(csrf).toMatch(/HttpOnly/i);
      expect(csrf).toMatch(/SameSite=Lax/i);
    });

    it('logout ends the session row and clears the cookie', async () => {
      const u = await makeUser(t.db, 'citizen');
      const b = new Browser(app);
      await b.login(u.username, u.password);
      const token = b.cookies.get('gk_session')!;
      expect(await sessionsOf(u.id)).toHaveLength(1);
      const out = await b.post('/logout', {}, '/account');
      expect(out.statusCode).toBe(303);
      expect(out.headers.location).toBe('/');
      expect(await sessionsOf(u.id)).toHaveLength(0);
      expect(b.cookies.has('gk_session')).toBe(false);
      // Replaying the old cookie gets nowhere.
      const replay = await app.inject({ method: 'GET', url: '/account', headers: { cookie: `gk_session=${token}`, accept: 'text/html' } });
      expect(replay.statusCode).toBe(302);
      expect(replay.headers.location).toBe('/login?next=%2Faccount');
    });

    it('API logout ends the bearer session', async () => {
      const u = await makeUser(t.db, 'citizen');
      const token = await apiToken(app, u.username, u.password);
      const auth = { authorization: `Bearer ${token}` };
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).statusCode).toBe(200);
      const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });
      expect(out.statusCode).toBe(204);
      expect(await sessionsOf(u.id)).toHaveLength(0);
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: auth })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(401);
    });

    it('logout everywhere ends every session of the user, other browsers and tokens too, and is audited', async () => {
      const u = await makeUser(t.db, 'citizen');
      const other = await makeUser(t.db, 'citizen');
      const a = new Browser(app);
      const b = new Browser(app);
      const o = new Browser(app);
      await a.login(u.username, u.password);
      await b.login(u.username, u.password);
      await o.login(other.username, other.password);
      const token = await apiToken(app, u.username, u.password);
      expect(await sessionsOf(u.id)).toHaveLength(3);

      const res = await a.post('/account/logout-everywhere', {}, '/account');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/login');
      expect(await sessionsOf(u.id)).toHaveLength(0);
      expect(a.cookies.has('gk_session')).toBe(false);
      const second = await b.get('/account');
      expect(second.statusCode).toBe(302);
      expect(second.headers.location).toContain('/login');
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
      // Someone else's session is untouched.
      expect(await sessionsOf(other.id)).toHaveLength(1);
      expect((await o.get('/account')).statusCode).toBe(200);
      const audit = await auditRows('user.logout_everywhere', u.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorId).toBe(u.id);
      expect(JSON.parse(audit[0]!.afterJson!)).toEqual({ sessionsEnded: 3 });
    });

    it('changing the password ends the other sessions but keeps this browser signed in', async () => {
      const u = await makeUser(t.db, 'citizen');
      const a = new Browser(app);
      const b = new Browser(app);
      await a.login(u.username, u.password);
      await b.login(u.username, u.password);
      const wrong = await a.post('/account/password', { currentPassword: 'not-it-123', newPassword: 'newpass123', newPasswordConfirm: 'newpass123' }, '/account');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toMatch(/id="currentPassword-error">.*当前密码不正确/);
      expect(await sessionsOf(u.id)).toHaveLength(2);
      const ok = await a.post('/account/password', { currentPassword: u.password, newPassword: 'newpass123', newPasswordConfirm: 'newpass123' }, '/account');
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/account?done=password');
      expect(await sessionsOf(u.id)).toHaveLength(1);
      expect((await a.get('/account')).statusCode).toBe(200);
      expect((await b.get('/account')).statusCode).toBe(302);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: u.password } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'newpass123' } })).statusCode).toBe(200);
      expect(await auditRows('user.password_change', u.id)).toHaveLength(1);
    });

    it('a forged or unknown session cookie is cleared and treated as anonymous', async () => {
      const res = await app.inject({ method: 'GET', url: '/account', headers: { cookie: 'gk_session=forged-token', accept: 'text/html' } });
      expect(res.statusCode).toBe(302);
      const cleared = setCookieLines(res).find((c) => c.startsWith('gk_session='));
      expect(cleared).toBeDefined();
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    });
  });

  describe('admin user pages', () => {
    let app: FastifyInstance;
    let admin: Awaited<ReturnType<typeof makeUser>>;
    let ab: Browser;
    beforeAll(async () => {
      app = await newApp();
      admin = await makeUser(t.db, 'admin');
      ab = new Browser(app);
      await ab.login(admin.username, admin.password);
    });

    it('a citizen and an editor get 403 on /admin/users; an anonymous visitor is sent to sign in', async () => {
      const c = await makeUser(t.db, 'citizen');
      const cb = new Browser(app);
      await cb.login(c.username, c.password);
      const page = await cb.get('/admin/users');
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('您没有权限进行此操作。');
      expect((await cb.get('/admin/users/new')).statusCode).toBe(403);
      expect((await cb.get(`/admin/users/${admin.id}`)).statusCode).toBe(403);
      const e = await makeUser(t.db, 'editor', [(await makeDepartment(t.db)).id]);
      const eb = new Browser(app);
      await eb.login(e.username, e.password);
      expect((await eb.get('/admin/users')).statusCode).toBe(403);
      const anon = await new Browser(app).get('/admin/users');
      expect(anon.statusCode).toBe(302);
      expect(anon.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
      // A citizen's form post is refused before anything is written.
      const before = await countUsers();
      const post = await cb.post('/admin/users/new', { username: `x-${uid()}`, displayName: 'x', role: 'admin', password: 'abc12345' }, '/account');
      expect(post.statusCode).toBe(403);
      // Invalid input changes nothing: the admin form is never shown to a non-admin.
      const invalid = await cb.post('/admin/users/new', { username: '!', role: 'admin' }, '/account');
      expect(invalid.statusCode).toBe(403);
      expect(invalid.body).not.toContain('name="departmentIds"');
      const anonPost = await new Browser(app).post('/admin/users/new', { username: '!' }, '/login');
      expect(anonPost.statusCode).toBe(401);
      expect(anonPost.body).not.toContain('name="departmentIds"');
      expect(await countUsers()).toBe(before);
    });

    it('the admin lists and searches users', async () => {
      const target = await makeUser(t.db, 'citizen', [], { displayName: '王五独特' });
      const res = await ab.get(`/admin/users?q=${encodeURIComponent('王五独特')}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('共 1 个用户');
      expect(res.body).toContain(`href="/admin/users/${target.id}"`);
      expect((await ab.get('/admin/users?role=admin')).body).toContain(admin.username);
      // The search ignores letter case on both engines.
      const mixed = await makeUser(t.db, 'citizen', [], { username: `Mixed.Case-${uid()}` });
      for (const q of [mixed.username.toLowerCase(), mixed.username.toUpperCase()]) {
        const found = await ab.get(`/admin/users?q=${encodeURIComponent(q)}`);
        expect(found.body).toContain('共 1 个用户');
        expect(found.body).toContain(`href="/admin/users/${mixed.id}"`);
      }
      expect((await ab.get('/admin/users?role=nonsense')).statusCode).toBe(400);
    });

    it('the admin creates an editor with departments through the form; audited; the editor can work', async () => {
      const d1 = await makeDepartment(t.db);
      const d2 = await makeDepartment(t.db);
      const form = await ab.get('/admin/users/new');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`value="${d1.id}"`);
      const username = `ed-${uid()}`;
      const res = await ab.post('/admin/users/new', { username, displayName: '编辑甲', role: 'editor', password: 'editor123', email: '', departmentIds: [String(d1.id), String(d2.id)] });
      expect(res.statusCode).toBe(303);
      const id = Number(/\/admin\/users\/(\d+)\?done=created$/.exec(res.headers.location as string)![1]);
      const row = await userByName(username);
      expect(row).toMatchObject({ id, role: 'editor', displayName: '编辑甲', email: null });
      const depts = await t.db.kysely.selectFrom('userDepartment').select('departmentId').where('userId', '=', id).orderBy('departmentId').execute();
      expect(depts.map((d) => d.departmentId)).toEqual([d1.id, d2.id].sort((a, b) => a - b));
      const audit = await auditRows('user.create', id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: admin.id, entityType: 'user' });
      expect(audit[0]!.afterJson).not.toContain('$argon2');
      expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ username, role: 'editor', departmentIds: [d1.id, d2.id].sort((a, b) => a - b) });
      // The edit page shows the departments ticked.
      const edit = await ab.get(`/admin/users/${id}?done=created`);
      expect(edit.body).toContain('已保存');
      expect(edit.body).toMatch(new RegExp(`value="${d1.id}" checked`));
      // The new editor signs in with the password the admin set.
      const eb = new Browser(app);
      expect((await eb.login(username, 'editor123')).headers.location).toBe('/admin');
      expect((await eb.get('/admin')).statusCode).toBe(200);
    });

    it('an editor or reviewer without departments is refused with a field error on departmentIds; nothing written', async () => {
      const users = await countUsers();
      const audits = await countAudit();
      for (const role of ['editor', 'reviewer']) {
        const username = `nodept-${uid()}`;
        const res = await ab.post('/admin/users/new', { username, displayName: '无部门', role, password: 'editor123' });
        expect(res.statusCode).toBe(400);
        expect(res.body).toMatch(/<fieldset class="has-error" id="departmentIds">/);
        expect(res.body).toContain('部门编辑和审核人员至少要属于一个部门');
        expect(res.body).toContain('href="#departmentIds"');
        expect(res.body).toContain(`value="${username}"`);
        expect(res.body).toMatch(new RegExp(`<option value="${role}" selected`));
        expect(await userByName(username)).toBeUndefined();
      }
      // A department that does not exist is refused too.
      const ghost = await ab.post('/admin/users/new', { username: `ghost-${uid()}`, displayName: '幽灵', role: 'editor', password: 'editor123', departmentIds: '999999' });
      expect(ghost.statusCode).toBe(400);
      expect(ghost.body).toContain('请从列表中选择有效的选项');
      expect(await countUsers()).toBe(users);
      expect(await countAudit()).toBe(audits);
    });

    it('the admin refuses a taken username and bad input on the create form', async () => {
      const existing = await makeUser(t.db, 'citizen');
      const dup = await ab.post('/admin/users/new', { username: existing.username, displayName: '重名', role: 'citizen', password: 'abc12345' });
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toMatch(/id="username-error">.*该用户名已被使用/);
      const bad = await ab.post('/admin/users/new', { username: `r-${uid()}`, displayName: '', role: 'superuser', password: 'short' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="displayName-error"');
      expect(bad.body).toContain('id="role-error"');
      expect(bad.body).toContain('id="password-error"');
    });

    it('disabling a user ends their sessions and is audited; they cannot sign in again', async () => {
      const victim = await makeUser(t.db, 'citizen');
      const vb = new Browser(app);
      await vb.login(victim.username, victim.password);
      const token = await apiToken(app, victim.username, victim.password);
      expect(await sessionsOf(victim.id)).toHaveLength(2);
      const res = await ab.post(`/admin/users/${victim.id}`, { displayName: '已停用用户', role: 'citizen', disabled: 'on' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/users/${victim.id}?done=saved`);
      expect(await userByName(victim.username)).toMatchObject({ disabled: 1, displayName: '已停用用户' });
      expect(await sessionsOf(victim.id)).toHaveLength(0);
      expect((await vb.get('/account')).statusCode).toBe(302);
      expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: victim.username, password: victim.password } })).statusCode).toBe(403);
      const audit = await auditRows('user.update', victim.id);
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.beforeJson!)).toMatchObject({ disabled: false, displayName: `用户${victim.username}` });
      expect(JSON.parse(audit[0]!.afterJson!)).toMatchObject({ disabled: true, displayName: '已停用用户' });
      // The edit page shows the box ticked; unticking it re-enables the account.
      expect((await ab.get(`/admin/users/${victim.id}`)).body).toMatch(/name="disabled" value="on" checked/);
      expect((await ab.post(`/admin/users/${victim.id}`, { displayName: '已停用用户', role: 'citizen' })).statusCode).toBe(303);
      expect((await userByName(victim.username))!.disabled).toBe(0);
      expect(await auditRows('user.update', victim.id)).toHaveLength(2);
    });

    it('changing a role ends the sessions, since permissions changed', async () => {
      const d = await makeDepartment(t.db);
      const u = await makeUser(t.db, 'editor', [d.id]);
      const ub = new Browser(app);
      await ub.login(u.username, u.password);
      const res = await ab.post(`/admin/users/${u.id}`, { displayName: '升为审核', role: 'reviewer', departmentIds: String(d.id) });
      expect(res.statusCode).toBe(303);
      expect((await userByName(u.username))!.role).toBe('reviewer');
      expect(await sessionsOf(u.id)).toHaveLength(0);
      expect(await auditRows('user.update', u.id)).toHaveLength(1);
    });

    it('the admin cannot demote or disable himself', async () => {
      const d = await makeDepartment(t.db);
      const audits = await countAudit();
      const demote = await ab.post(`/admin/users/${admin.id}`, { displayName: '管理员', role: 'editor', departmentIds: String(d.id) });
      expect(demote.statusCode).toBe(400);
      expect(demote.body).toMatch(/id="role-error">.*不能取消自己的管理员角色或停用自己的账号/);
      expect(demote.body).toContain(admin.username); // the username stays on the re-shown form
      const disable = await ab.post(`/admin/users/${admin.id}`, { displayName: '管理员', role: 'admin', disabled: 'on' });
      expect(disable.statusCode).toBe(400);
      expect(disable.body).toContain('不能取消自己的管理员角色');
      const row = await userByName(admin.username);
      expect(row).toMatchObject({ role: 'admin', disabled: 0 });
      expect(await sessionsOf(admin.id)).not.toHaveLength(0);
      expect(await countAudit()).toBe(audits);
      // Renaming himself is fine, and audited.
      expect((await ab.post(`/admin/users/${admin.id}`, { displayName: '新名字', role: 'admin' })).statusCode).toBe(303);
      expect(await countAudit()).toBe(audits + 1);
      expect((await ab.get('/admin/users')).statusCode).toBe(200);
    });

    it('revoking sessions signs the user out everywhere and is audited', async () => {
      const u = await makeUser(t.db, 'citizen');
      const ub = new Browser(app);
      await ub.login(u.username, u.password);
      const res = await ab.post(`/admin/users/${u.id}/revoke-sessions`, {}, `/admin/users/${u.id}`);
      expect(res.statusCode).toBe(303);
      expect(await sessionsOf(u.id)).toHaveLength(0);
      expect((await ub.get('/account')).statusCode).toBe(302);
      const audit = await auditRows('user.sessions_revoked', u.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorId).toBe(admin.id);
    });

    it('an unknown user id is 404, a malformed one 400', async () => {
      expect((await ab.get('/admin/users/99999999')).statusCode).toBe(404);
      expect((await ab.get('/admin/users/abc')).statusCode).toBe(400);
    });
  });

  describe('user API with a bearer token', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await newApp();
    });

    it('an admin token creates, lists and updates users without CSRF; every write is audited; no hash leaks', async () => {
      const admin = await makeUser(t.db, 'admin');
      const d = await makeDepartment(t.db);
      const token = await apiToken(app, admin.username, admin.password);
      const auth = { authorization: `Bearer ${token}` };
      const username = `api-${uid()}`;
      const created = await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: { username, displayName: '接口用户', role: 'reviewer', password: 'review123', departmentIds: [d.id] } });
      expect(created.statusCode).toBe(201);
      expectNoHash(created);
      const u = created.json<UserJson>();
      expect(u).toMatchObject({ username, role: 'reviewer', departmentIds: [d.id], disabled: false });
      expect(await auditRows('user.create', u.id)).toHaveLength(1);

      const list = await app.inject({ method: 'GET', url: `/api/v1/users?q=${username}`, headers: auth });
      expect(list.statusCode).toBe(200);
      expectNoHash(list);
      expect(list.json<{ items: UserJson[]; total: number }>()).toMatchObject({ total: 1, items: [{ id: u.id }] });

      const updated = await app.inject({ method: 'PUT', url: `/api/v1/users/${u.id}`, headers: auth, payload: { displayName: '改名', role: 'citizen', departmentIds: [], disabled: false } });
      expect(updated.statusCode).toBe(200);
      expectNoHash(updated);
      expect(updated.json<UserJson>()).toMatchObject({ role: 'citizen', departmentIds: [] });
      expect(await auditRows('user.update', u.id)).toHaveLength(1);
      // The user's departments went with the staff role.
      expect(await t.db.kysely.selectFrom('userDepartment').selectAll().where('userId', '=', u.id).execute()).toHaveLength(0);

      const noDept = await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: { username: `api-${uid()}`, displayName: 'x', role: 'editor', password: 'review123', departmentIds: [] } });
      expect(noDept.statusCode).toBe(400);
      expect(noDept.json<ErrorJson>().error.fields?.[0]).toMatchObject({ field: 'departmentIds', code: 'validation.department_required' });

      const self = await app.inject({ method: 'PUT', url: `/api/v1/users/${admin.id}`, headers: auth, payload: { displayName: 'x', role: 'citizen', departmentIds: [], disabled: false } });
      expect(self.statusCode).toBe(400);
      expect(self.json<ErrorJson>().error.fields?.[0]?.code).toBe('validation.cannot_demote_self');
    });

    it('a non-admin token is forbidden on the user API; no token is unauthenticated', async () => {
      const c = await makeUser(t.db, 'citizen');
      const token = await apiToken(app, c.username, c.password);
      const auth = { authorization: `Bearer ${token}` };
      const before = await countUsers();
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: auth })).statusCode).toBe(403);
      const post = await app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: { username: `x-${uid()}`, displayName: 'x', role: 'admin', password: 'abc12345', departmentIds: [] } });
      expect(post.statusCode).toBe(403);
      expect(post.json<ErrorJson>().error.code).toBe('forbidden');
      expect((await app.inject({ method: 'PUT', url: `/api/v1/users/${c.id}`, headers: auth, payload: { displayName: 'x', role: 'admin', departmentIds: [], disabled: false } })).statusCode).toBe(403);
      expect((await userByName(c.username))!.role).toBe('citizen');
      expect(await countUsers()).toBe(before);
      expect((await app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: 'Bearer not-a-token' } })).statusCode).toBe(401);
    });

    it('a cookie session cannot use the user API without the CSRF header, a bearer token can', async () => {
      const admin = await makeUser(t.db, 'admin');
      const b = new Browser(app);
      await b.login(admin.username, admin.password);
      const payload = { username: `ck-${uid()}`, displayName: 'x', role: 'citizen', password: 'abc12345', departmentIds: [] };
      const before = await countUsers();
      const res = await app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: cookieHeader(b) }, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorJson>().error.code).toBe('csrf_failed');
      expect(await countUsers()).toBe(before);
      const token = await apiToken(app, admin.username, PASSWORD);
      expect((await app.inject({ method: 'POST', url: '/api/v1/users', headers: { authorization: `Bearer ${token}` }, payload })).statusCode).toBe(201);
      expect(await countUsers()).toBe(before + 1);
    });
  });
});
