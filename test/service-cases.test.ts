import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, apiToken, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { makeServiceItem } from './helpers/service-items.js';
import { addWorkingDays } from '../src/platform/calendar/index.js';
import { todayInChina } from '../src/platform/clock.js';
import { runDeadlineJob } from '../src/modules/service-cases/service-cases.jobs.js';

describe(`one-window cases over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let item: { id: number; code: string };
  let instantItem: { id: number; code: string };
  let dept: { id: number };
  const users: Record<string, { id: number; username: string; password: string }> = {};
  const b: Record<string, Browser> = {};
  const db = () => t.db.kysely;
  const caseRow = (n: string) => db().selectFrom('serviceCase').selectAll().where('caseNumber', '=', n).executeTakeFirstOrThrow();
  const casePage = (n: string) => `/admin/services/cases/${n}`;
  const step = (who: string, n: string, action: string, fields: Record<string, string | string[]> = {}) => b[who]!.post(`${casePage(n)}/step/${action}`, fields, casePage(n));
  const apply = async (who = 'citizen', data: Record<string, string> = { 'data.applicant': '张三', 'data.contact': '13800138000', 'data.description': '申请办理' }) => {
    const res = await b[who]!.post(`/services/items/${item.code}/apply`, data);
    expect(res.statusCode).toBe(303);
    return /\/my\/cases\/(GM-\d{8}-\d{6})/.exec(res.headers.location as string)![1]!;
  };

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const windowDept = await makeDepartment(t.db, { code: 'service-data' });
    const other = await makeDepartment(t.db);
    item = await makeServiceItem(t.db, dept.id, { audience: 'both', promisedDays: 5 });
    instantItem = await makeServiceItem(t.db, dept.id, { audience: 'both', instantApproval: 1, caseType: 'on_the_spot', promisedDays: 0, resultName: '高龄津贴核准' });
    await db().insertInto('serviceItemMaterial').values({ itemId: item.id, sortOrder: 1, name: '身份证复印件', form: 'copy', copies: 1, required: 1, notes: '' }).execute();
    await db().insertInto('serviceItemMaterial').values({ itemId: item.id, sortOrder: 2, name: '申请书', form: 'original', copies: 1, required: 1, notes: '' }).execute();
    const specs: Array<[string, Parameters<typeof makeUser>[1], number[]]> = [
      ['citizen', 'citizen', []],
      ['other', 'citizen', []],
      ['window', 'editor', [windowDept.id]],
      ['back', 'editor', [dept.id]],
      ['outsider', 'editor', [other.id]],
      ['admin', 'admin', []],
    ];
    for (const [key, role, depts] of specs) {
      users[key] = await makeUser(t.db, role, depts);
      b[key] = new Browser(app);
      await b[key].login(users[key].username, users[key].password);
    }
    await db().updateTable('user').set({ mobile: '13900139000' }).where('id', '=', users.citizen!.id).execute();
  });
  afterAll(() => stopTestApp(t, app));

  it('asks for sign-in before applying, and refuses anonymous API calls', async () => {
    const anon = new Browser(app);
    const page = await anon.get(`/services/items/${item.code}/apply`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('在线申请需要先以个人或企业账号登录');
    expect(page.body).toContain('身份证复印件');
    const res = await app.inject({ method: 'POST', url: `/api/v1/services/items/${item.code}/applications`, payload: { data: {} } });
    expect(res.statusCode).toBe(401);
  });

  it('names each missing field, in the visitor language, writing nothing', async () => {
    const before = await db().selectFrom('serviceCase').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await b.citizen!.post(`/services/items/${item.code}/apply`, { 'data.applicant': '', 'data.contact': '', 'data.description': '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="data.applicant-error"');
    expect(res.body).toContain('请填写“申请人”');
    const after = await db().selectFrom('serviceCase').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const token = await apiToken(app, users.citizen!.username, users.citizen!.password);
    const api = await app.inject({ method: 'POST', url: `/api/v1/services/items/${item.code}/applications`, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' }, payload: { data: { applicant: '张三' } } });
    expect(api.statusCode).toBe(400);
    expect(api.body).toContain('data.contact');
  });

  it('runs window → correction (once) → back office → delivery → rating → follow-up → appeal', async () => {
    const n = await apply();
    expect(n).toMatch(new RegExp(`^GM-${todayInChina().replaceAll('-', '')}-\\d{6}$`));
    // 补正: every missing material at once; an empty list is refused naming the field.
    expect((await step('window', n, 'request_correction', {})).statusCode).toBe(400);
    expect((await step('window', n, 'request_correction', { correctionItems: ['身份证复印件', '申请书'], correctionOther: '申请书缺少签名', note: '请一次补齐' })).statusCode).toBe(303);
    const mine = await b.citizen!.get(`/my/cases/${n}`);
    expect(mine.body).toContain('申请书缺少签名');
    expect((await b.citizen!.post(`/my/cases/${n}/resubmit`, { 'data.applicant': '张三', 'data.contact': '13800138000', 'data.description': '已补齐', note: '已补充' }, `/my/cases/${n}`)).statusCode).toBe(303);
    // A second correction is impossible.
    expect((await step('window', n, 'request_correction', { correctionItems: ['申请书'] })).statusCode).toBe(409);
    expect((await step('window', n, 'accept', { note: '' })).statusCode).toBe(303);
    const accepted = await caseRow(n);
    expect(accepted.status).toBe('accepted');
    expect(accepted.dueOn).toBe(addWorkingDays(todayInChina(), 5));
    // Only the item's department reviews: not the window, not another department.
    expect((await step('window', n, 'start_review')).statusCode).toBe(403);
    expect((await b.outsider!.get(casePage(n))).statusCode).toBe(404);
    expect((await step('back', n, 'start_review')).statusCode).toBe(303);
    expect((await step('back', n, 'refuse', { note: '' })).statusCode).toBe(400);
    expect((await step('back', n, 'approve', { result: '准予许可决定书', note: '材料齐全' })).statusCode).toBe(303);
    expect((await step('window', n, 'prepare_delivery')).statusCode).toBe(303);
    expect((await step('window', n, 'deliver', { deliveryMethod: 'window', note: '' })).statusCode).toBe(303);
    const done = await b.citizen!.get(`/my/cases/${n}`);
    expect(done.body).toContain('准予许可决定书');
    expect(done.body).toContain('评价本次服务');
    // Rating: once per case; a bad rating gets a follow-up due in working days.
    expect((await b.citizen!.post(`/my/cases/${n}/rate`, { level: '1', comment: '等候太久' }, `/my/cases/${n}`)).statusCode).toBe(303);
    const c = await caseRow(n);
    const rating = await db().selectFrom('serviceRating').selectAll().where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(rating.followUpStatus).toBe('pending');
    expect(rating.followUpDueOn).toBe(addWorkingDays(todayInChina(), app.config.ratingFollowUpDays));
    const token = await apiToken(app, users.citizen!.username, users.citizen!.password);
    const again = await app.inject({ method: 'POST', url: `/api/v1/my/cases/${n}/rating`, headers: { authorization: `Bearer ${token}` }, payload: { level: 5 } });
    expect(again.statusCode).toBe(409);
    const rp = `/admin/services/ratings/${rating.id}`;
    expect((await b.back!.post(`${rp}/follow-up`, { method: 'fix_by_date', note: '已电话致歉', followUpOn: todayInChina(), fixByOn: '' }, rp)).statusCode).toBe(400);
    expect((await b.back!.post(`${rp}/follow-up`, { method: 'call_back', note: '已电话致歉并说明', followUpOn: todayInChina() }, rp)).statusCode).toBe(303);
    expect((await b.back!.post(`${rp}/appeal`, { reason: '申请人对法定时限有误解' }, rp)).statusCode).toBe(303);
    expect((await b.back!.post(`${rp}/decide`, { decision: 'upheld', note: 'x' }, rp)).statusCode).toBe(403);
    const statsBefore = await app.inject({ method: 'GET', url: '/api/v1/services/ratings/stats' });
    expect(statsBefore.json<Array<{ departmentId: number; total: number }>>().find((d) => d.departmentId === dept.id)?.total).toBe(1);
    expect((await b.admin!.post(`${rp}/decide`, { decision: 'upheld', note: '经核实属误评' }, rp)).statusCode).toBe(303);
    const stats = await app.inject({ method: 'GET', url: '/api/v1/services/ratings/stats' });
    expect(stats.json<Array<{ departmentId: number }>>().find((d) => d.departmentId === dept.id)).toBeUndefined();
    // Every step is on the timeline, staff steps are audited, the applicant heard of each one.
    const events = await db().selectFrom('serviceCaseEvent').select('action').where('caseId', '=', c.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['submit', 'request_correction', 'resubmit', 'accept', 'start_review', 'approve', 'prepare_delivery', 'deliver']);
    const audits = await db().selectFrom('auditLog').select('action').where('entityId', '=', n).execute();
    expect(audits.map((a) => a.action)).toContain('service_case.approve');
    const notices = await db().selectFrom('notification').select('dedupeKey').where('recipientKind', '=', 'user').where('recipientKey', '=', String(users.citizen!.id)).execute();
    expect(notices.map((x) => x.dedupeKey)).toContain(`service-case:${c.id}:delivered`);
    expect(await db().selectFrom('auditLog').select('action').where('action', 'like', 'service_rating.%').execute()).toHaveLength(3);
  });

  it('never shows one applicant another applicant’s case', async () => {
    const n = await apply();
    expect((await b.other!.get(`/my/cases/${n}`)).statusCode).toBe(404);
    expect((await b.other!.get('/my/cases')).body).not.toContain(n);
    const token = await apiToken(app, users.other!.username, users.other!.password);
    expect((await app.inject({ method: 'GET', url: `/api/v1/my/cases/${n}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/my/cases/${n}/withdraw`, headers: { authorization: `Bearer ${token}` }, payload: {} })).statusCode).toBe(404);
    expect((await b.citizen!.get('/my/cases')).body).toContain(n);
    expect((await b.citizen!.post(`/my/cases/${n}/withdraw`, {}, `/my/cases/${n}`)).statusCode).toBe(303);
    expect((await caseRow(n)).status).toBe('withdrawn');
  });

  it('takes the applicant’s materials (checked files) before acceptance, only on their own case', async () => {
    const n = await apply();
    const boundary = 'gkboundary';
    const body = (filename: string, content: string) =>
      [`--${boundary}`, 'Content-Disposition: form-data; name="name"', '', '申请书', `--${boundary}`, `Content-Disposition: form-data; name="file"; filename="${filename}"`, 'Content-Type: text/plain', '', content, `--${boundary}--`, ''].join('\r\n');
    const send = async (who: string, filename: string, content: string) => {
      const token = await apiToken(app, users[who]!.username, users[who]!.password);
      return app.inject({ method: 'POST', url: `/my/cases/${n}/materials`, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body(filename, content) });
    };
    expect((await send('other', 'a.txt', '申请书内容')).statusCode).toBe(404);
    expect((await send('citizen', 'a.exe', 'MZ')).statusCode).toBe(415);
    expect((await send('citizen', 'sqb.txt', '申请书内容')).statusCode).toBe(303);
    const page = await b.citizen!.get(`/my/cases/${n}`);
    expect(page.body).toContain('申请书：sqb.txt');
    const staffPage = await b.window!.get(casePage(n));
    expect(staffPage.body).toContain('sqb.txt');
  });

  it('decides a 秒批 item at once, or routes it to review naming the failing condition', async () => {
    const fields = JSON.stringify([
      { key: 'name', label: '姓名', type: 'text', required: true },
      { key: 'age', label: '年龄', type: 'number', required: true },
    ]);
    const url = `/admin/services/items/${instantItem.code}/form`;
    expect((await b.outsider!.post(url, { fields, instantRule: '' }, url).catch(() => null))?.statusCode ?? 403).toBe(403);
    expect((await b.back!.post(url, { fields, instantRule: '{"all":[{"field":"income","op":"lt","value":1}]}' }, url)).statusCode).toBe(400);
    expect((await b.back!.post(url, { fields: '[oops', instantRule: '' }, url)).body).toContain('id="fields-error"');
    expect((await b.back!.post(url, { fields, instantRule: '{"all":[{"field":"age","op":"ge","value":80}]}' }, url)).statusCode).toBe(303);
    const token = await apiToken(app, users.citizen!.username, users.citizen!.password);
    const post = (age: number) => app.inject({ method: 'POST', url: `/api/v1/services/items/${instantItem.code}/applications`, headers: { authorization: `Bearer ${token}` }, payload: { data: { name: '李奶奶', age } } });
    const ok = await post(85);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'delivered', instant: 'approved' });
    const okCase = await caseRow(ok.json<{ caseNumber: string }>().caseNumber);
    expect(okCase.result).toContain('高龄津贴核准');
    const no = await post(70);
    expect(no.json()).toMatchObject({ status: 'submitted', instant: 'review', failedCondition: '年龄 ≥ 80' });
    const page = await b.citizen!.get(`/my/cases/${no.json<{ caseNumber: string }>().caseNumber}?sent=review`);
    expect(page.body).toContain('年龄 ≥ 80');
  });

  it('takes a walk-in application at the window with a validated ID number', async () => {
    const url = `/admin/services/items/${item.code}/intake`;
    expect((await b.outsider!.get(url)).statusCode).toBe(403);
    const bad = await b.window!.post(url, { applicantKind: 'person', applicantName: '王五', applicantIdNumber: '110105194912310020', applicantMobile: '123', 'data.applicant': '王五', 'data.contact': '13700137000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="applicantIdNumber-error"');
    expect(bad.body).toContain('id="applicantMobile-error"');
    const ok = await b.window!.post(url, { applicantKind: 'enterprise', applicantName: '光明科技有限公司', applicantIdNumber: '91350100M000100Y43', applicantMobile: '13700137000', windowId: '3', 'data.applicant': '光明科技有限公司', 'data.contact': '13700137000' });
    expect(ok.statusCode).toBe(303);
    const n = /cases\/(GM-[\d-]+)/.exec(ok.headers.location as string)![1]!;
    const c = await caseRow(n);
    expect(c).toMatchObject({ channel: 'window', windowId: 3, applicantUserId: null });
    const note = await db().selectFrom('notification').select('recipientKind').where('recipientKey', '=', String(c.id)).executeTakeFirstOrThrow();
    expect(note.recipientKind).toBe('service-case');
    expect((await b.window!.post(`${casePage(n)}/onsite-rating`, { level: '4' }, casePage(n))).statusCode).toBe(303);
    expect((await b.window!.post(`${casePage(n)}/onsite-rating`, { level: '5' }, casePage(n))).statusCode).toBe(409);
  });

  it('reminds staff once of cases about to be late and flags overdue ones', async () => {
    const today = todayInChina();
    const soon = await apply();
    const late = await apply();
    await step('window', soon, 'accept');
    await step('window', late, 'accept');
    await db().updateTable('serviceCase').set({ dueOn: today }).where('caseNumber', '=', soon).execute();
    await db().updateTable('serviceCase').set({ dueOn: '2020-01-02' }).where('caseNumber', '=', late).execute();
    const first = await runDeadlineJob(db(), today);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(first.overdueCases).toBeGreaterThanOrEqual(1);
    const second = await runDeadlineJob(db(), today);
    expect(second).toEqual({ reminded: 0, overdueCases: 0, overdueFollowUps: 0 });
    const sc = await caseRow(soon);
    const reminders = await db().selectFrom('notification').select('recipientKey').where('dedupeKey', 'like', `service-case-due:${sc.id}:%`).execute();
    expect(reminders.map((r) => r.recipientKey)).toEqual([String(users.back!.id)]);
    expect((await caseRow(late)).overdueFlaggedAt).not.toBeNull();
    const desk = await b.back!.get('/admin/services/cases?queue=in_review&due=overdue');
    expect(desk.body).toContain(late);
    expect(desk.body).not.toContain(soon);
  });
});
