import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { freshMobile, freshResidentId, makeCampaign, makePoint, type SessionSpec } from './helpers/open-day-registration.js';

interface Registered {
  code: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  url: string;
  cancelToken: string;
}

describe(`open-day registration over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let campaign: { id: number };
  let staff: Browser;
  let outsider: Browser;
  let citizen: Browser;
  let anon: Browser;
  let staffToken: string;

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const other = await makeDepartment(t.db);
    campaign = await makeCampaign(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    const c = await makeUser(t.db, 'citizen');
    await t.db.kysely.updateTable('user').set({ mobile: '13700001111', email: 'c@example.com' }).where('id', '=', c.id).execute();
    staff = new Browser(app);
    outsider = new Browser(app);
    citizen = new Browser(app);
    anon = new Browser(app);
    await staff.login(e.username, e.password);
    await outsider.login(o.username, o.password);
    await citizen.login(c.username, c.password);
    staffToken = await apiToken(app, e.username, e.password);
  });
  afterAll(() => stopTestApp(t, app));

  const point = (sessions: SessionSpec[], over: Parameters<typeof makePoint>[3] = {}) => makePoint(t.db, campaign.id, sessions, { departmentId: dept.id, ...over });
  const register = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/open-days/registrations', payload: body });
  const person = (sessionId: number, over: Record<string, unknown> = {}) => ({ sessionId, name: '王小明', mobile: freshMobile(), ...over });
  const session = (id: number) => t.db.kysely.selectFrom('openPointSession').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const byCode = (code: string) => t.db.kysely.selectFrom('openDayRegistration').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const rows = (sessionId: number) => t.db.kysely.selectFrom('openDayRegistration').selectAll().where('sessionId', '=', sessionId).orderBy('id').execute();
  const notifications = (registrationId: number) =>
    t.db.kysely.selectFrom('notification').selectAll().where('recipientKind', '=', 'open-day-registration').where('recipientKey', '=', String(registrationId)).orderBy('id').execute();
  const fieldsOf = (body: string) => (JSON.parse(body) as { error: { fields: Array<{ field: string; message: string }> } }).error.fields;

  it('registers through the form: confirmation page with code, QR code and cancel link; outbox rows in the same transaction', async () => {
    const p = await point([{ fromHours: 48, toHours: 50, capacity: 5 }]);
    const form = await anon.get(`/open-days/points/${p.code}/register`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('余 5 个名额');
    const mobile = freshMobile();
    const res = await anon.post(`/open-days/points/${p.code}/register`, { sessionId: String(p.sessions[0]), name: '李  华', mobile: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3)}`, idNumber: '', email: 'li@example.com' });
    expect(res.statusCode, res.body).toBe(303);
    const url = res.headers.location as string;
    expect(url).toMatch(/^\/open-days\/registrations\/[A-Za-z0-9_-]{43}\?done=registered$/);
    const page = await anon.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const [reg] = await rows(p.sessions[0]!);
    expect(reg).toMatchObject({ status: 'confirmed', mobile, kind: 'public', email: 'li@example.com' });
    expect(reg!.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    // The token is never stored: only its hash.
    expect(reg!.cancelToken).toMatch(/^[0-9a-f]{64}$/);
    expect(url).not.toContain(reg!.cancelToken);
    expect(page.body).toContain(`${reg!.code.slice(0, 4)}-${reg!.code.slice(4)}`);
    expect(page.body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="签到二维码，确认码 /);
    expect(page.body).toContain(`href="${url.split('?')[0]}/cancel"`);
    expect(page.body).toContain('138****'.slice(0, 0) + mobile.slice(0, 3) + '****' + mobile.slice(7));
    expect((await session(p.sessions[0]!)).booked).toBe(1);
    const [n] = await notifications(reg!.id);
    expect(n).toMatchObject({ dedupeKey: `open-day-registration:${reg!.id}:confirmed`, topic: 'open-day-registration' });
    expect(n!.body).toContain(`${reg!.code.slice(0, 4)}-${reg!.code.slice(4)}`);
    const deliveries = await t.db.kysely.selectFrom('delivery').select(['channel', 'address']).where('notificationId', '=', n!.id).orderBy('channel').execute();
    expect(deliveries).toEqual([
      { channel: 'email', address: 'li@example.com' },
      { channel: 'sms', address: mobile },
    ]);
    const en = await new Browser(app).get(`${url.split('?')[0]}?lang=en`);
    expect(en.body).toContain('Check-in QR code');
  });

  it('never exceeds capacity: a full session is refused naming the field, or waitlisted when asked; cancelling promotes the first in line', async () => {
    const p = await point([{ fromHours: 72, toHours: 74, capacity: 2 }]);
    const sid = p.sessions[0]!;
    const a = (await register(person(sid))).json<Registered>();
    const b = (await register(person(sid))).json<Registered>();
    expect([a.status, b.status]).toEqual(['confirmed', 'confirmed']);
    const refused = await register(person(sid));
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused.body)).toHaveLength(1);
    expect(fieldsOf(refused.body)[0]).toMatchObject({ field: 'sessionId', message: expect.stringContaining('名额已满') as unknown });
    const w1 = await register(person(sid, { joinWaitlist: true }));
    const w2 = await register(person(sid, { joinWaitlist: true }));
    expect(w1.statusCode).toBe(201);
    expect(w1.json<Registered>()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(w2.json<Registered>()).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 2 });

    // The HTML form refuses a full session without the waitlist box, with the message beside the field.
    const html = await anon.post(`/open-days/points/${p.code}/register`, { sessionId: String(sid), name: '赵六', mobile: freshMobile() });
    expect(html.statusCode).toBe(409);
    expect(html.body).toContain('id="sessionId-error"');
    expect(html.body).toContain('勾选“名额已满时加入候补”');
    expect(html.body).toContain('value="赵六"');

    // Cancelling a confirmed place promotes the first waitlisted person, who is told.
    const cancelled = await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations/cancel', payload: { token: a.cancelToken } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const first = await byCode(w1.json<Registered>().code);
    expect(first.status).toBe('confirmed');
    expect((await byCode(w2.json<Registered>().code)).status).toBe('waitlisted');
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 1 });
    expect((await notifications(first.id)).map((n) => n.dedupeKey)).toEqual([`open-day-registration:${first.id}:waitlisted`, `open-day-registration:${first.id}:promoted`]);
    // Cancelling a waitlisted registration frees no place and promotes nobody.
    expect((await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations/cancel', payload: { token: w2.json<Registered>().cancelToken } })).statusCode).toBe(200);
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 0 });
    // A second cancellation of the same registration is refused and changes nothing.
    const again = await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations/cancel', payload: { token: a.cancelToken } });
    expect(again.statusCode).toBe(409);
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 0 });
  });

  it('one person, one place at a time: the same session twice and overlapping sessions are refused with the field named', async () => {
    const p1 = await point([
      { fromHours: 100, toHours: 102, capacity: 10 },
      { fromHours: 102, toHours: 104, capacity: 10 },
    ]);
    const p2 = await point([{ fromHours: 101, toHours: 103, capacity: 10 }]);
    const mobile = freshMobile();
    const idNumber = freshResidentId();
    expect((await register({ sessionId: p1.sessions[0], name: '张三', mobile, idNumber })).statusCode).toBe(201);
    const twice = await register({ sessionId: p1.sessions[0], name: '张三', mobile });
    expect(twice.statusCode).toBe(409);
    expect(fieldsOf(twice.body)[0]).toMatchObject({ field: 'sessionId', message: expect.stringContaining('已报名此场次') as unknown });
    const overlap = await register({ sessionId: p2.sessions[0], name: '张三', mobile });
    expect(overlap.statusCode).toBe(409);
    expect(fieldsOf(overlap.body)[0]!.message).toContain('同一时间的另一场次');
    // The same ID number with another mobile is the same person.
    const sameId = await register({ sessionId: p2.sessions[0], name: '张三', mobile: freshMobile(), idNumber });
    expect(sameId.statusCode).toBe(409);
    // Back to back is fine.
    expect((await register({ sessionId: p1.sessions[1], name: '张三', mobile })).statusCode).toBe(201);
    // After cancelling, the person may register again.
    const c = (await register({ sessionId: p2.sessions[0], name: '李四', mobile: '13912340000' })).json<Registered>();
    expect((await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations/cancel', payload: { token: c.cancelToken } })).statusCode).toBe(200);
    expect((await register({ sessionId: p2.sessions[0], name: '李四', mobile: '13912340000' })).statusCode).toBe(201);
  });

  it('refuses bad input naming each field, writes nothing, and respects the registration window', async () => {
    const p = await point([{ fromHours: 120, toHours: 122, capacity: 3 }]);
    const sid = p.sessions[0]!;
    const bad = await register({ sessionId: sid, name: '', mobile: '12345', idNumber: '110105194912310021', email: 'nope' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(fieldsOf(bad.body).map((f) => f.field).sort()).toEqual(['email', 'idNumber', 'mobile', 'name']);
    const html = await anon.post(`/open-days/points/${p.code}/register`, { sessionId: String(sid), name: '王五', mobile: '1381234', idNumber: '11010519491231002x' });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('id="mobile-error"');
    expect(html.body).toContain('请输入 11 位手机号码');
    expect(html.body).not.toContain('id="idNumber-error"'); // a lower-case x is normalised, and valid
    expect(await rows(sid)).toEqual([]);
    expect((await session(sid)).booked).toBe(0);

    const closed = await makeCampaign(t.db, { registrationOpensAt: new Date(Date.now() + 86400_000).toISOString() });
    const later = await makePoint(t.db, closed.id, [{ fromHours: 200, toHours: 202, capacity: 3 }]);
    const early = await register(person(later.sessions[0]!));
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)[0]).toMatchObject({ field: 'sessionId', message: '该场次尚未开放报名' });
    expect((await anon.get(`/open-days/points/${later.code}/register`)).body).toContain('尚未开放报名');
    const started = await point([{ fromHours: -1, toHours: 1, capacity: 3 }]);
    expect(fieldsOf((await register(person(started.sessions[0]!))).body)[0]!.message).toBe('该场次的报名已截止');
    const draft = await point([{ fromHours: 300, toHours: 302, capacity: 3 }], { status: 'draft' });
    expect((await register(person(draft.sessions[0]!))).statusCode).toBe(400);
    expect((await anon.get(`/open-days/points/${draft.code}/register`)).statusCode).toBe(404);
  });

  it('the cancellation link: unknown tokens are not found, GET asks, POST cancels once', async () => {
    const p = await point([{ fromHours: 130, toHours: 132, capacity: 3 }]);
    const r = (await register(person(p.sessions[0]!))).json<Registered>();
    expect((await anon.get('/open-days/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    const ask = await anon.get(`${r.url}/cancel`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('确定取消');
    expect((await byCode(r.code)).status).toBe('confirmed'); // opening the link cancels nothing
    const done = await anon.post(`${r.url}/cancel`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${r.url}?done=cancelled`);
    expect((await anon.get(done.headers.location as string)).body).toContain('报名已取消');
    expect((await byCode(r.code)).status).toBe('cancelled');
    expect((await anon.get(`${r.url}/cancel`)).body).not.toContain('确定取消');
    const csrf = await anon.csrfFrom('/open-days/registrations/lookup');
    const twice = await app.inject({ method: 'POST', url: `${r.url}/cancel`, headers: { cookie: [...anon.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, payload: `_csrf=${csrf}` });
    expect(twice.statusCode).toBe(409);
  });

  it('reserves guest places: the public cannot take a session’s unfilled share; staff register guests within the quota', async () => {
    const p = await point(
      [
        { fromHours: 140, toHours: 142, capacity: 2 },
        { fromHours: 143, toHours: 145, capacity: 2 },
      ],
      { guestQuota: 3 },
    );
    const [s1, s2] = p.sessions as [number, number];
    // Quota 3 over two sessions: 2 reserved in the first, 1 in the second.
    const avail = (await app.inject(`/api/v1/open-days/points/${p.code}/availability`)).json<{ sessions: Array<{ placesLeft: number }> }>();
    expect(avail.sessions.map((s) => s.placesLeft)).toEqual([0, 1]);
    expect((await register(person(s1))).statusCode).toBe(409);
    expect((await register(person(s2))).statusCode).toBe(201);
    expect((await register(person(s2))).statusCode).toBe(409);

    const page = await staff.get(`/admin/open-days/points/${p.code}/guests`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('嘉宾名额 3 个，已登记 0 个');
    const guest = (over: Record<string, string>) => staff.post(`/admin/open-days/points/${p.code}/guests`, { sessionId: String(s1), name: '陈代表', mobile: freshMobile(), guestCategory: 'deputy', ...over }, `/admin/open-days/points/${p.code}/guests`);
    expect((await guest({})).statusCode).toBe(303);
    expect((await guest({ guestCategory: 'member', name: '周委员' })).statusCode).toBe(303);
    // The first session is now full (two guests), the quota has one left.
    const full = await guest({ name: '吴代表' });
    expect(full.statusCode).toBe(409);
    expect(full.body).toContain('id="sessionId-error"');
    // In the second session the public took its one place; the reserved one is the guest's.
    expect((await guest({ sessionId: String(s2), name: '郑市民', guestCategory: 'citizen_rep' })).statusCode).toBe(303);
    const over = await guest({ sessionId: String(s2), name: '冯代表' });
    expect(over.statusCode).toBe(409);
    expect(over.body).toContain('嘉宾名额（3 个）已用完');
    const bad = await guest({ guestCategory: 'boss', mobile: '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="guestCategory-error"');
    expect(bad.body).toContain('id="mobile-error"');
    expect(await session(s1)).toMatchObject({ booked: 2 });
    expect(await session(s2)).toMatchObject({ booked: 2 });
    const guests = await t.db.kysely.selectFrom('openDayRegistration').select(['guestCategory', 'kind']).where('pointId', '=', p.id).where('kind', '=', 'guest').orderBy('id').execute();
    expect(guests.map((g) => g.guestCategory)).toEqual(['deputy', 'member', 'citizen_rep']);
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('action', '=', 'open_day.guest.register').execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    // Staff of another department may not.
    expect((await outsider.get(`/admin/open-days/points/${p.code}/guests`)).statusCode).toBe(403);
    expect((await anon.get(`/admin/open-days/points/${p.code}/guests`)).statusCode).toBe(302);
  });

  it('checks in by code or search, idempotently; waitlisted people cannot; the API checks in a scanned code', async () => {
    const p = await point([{ fromHours: 150, toHours: 152, capacity: 2 }]);
    const sid = p.sessions[0]!;
    const mobile = freshMobile();
    const a = (await register(person(sid, { name: '签到甲', mobile }))).json<Registered>();
    const b = (await register(person(sid, { name: '签到乙' }))).json<Registered>();
    const w = (await register(person(sid, { name: '候补丙', joinWaitlist: true }))).json<Registered>();
    const reg = await byCode(a.code);

    const byTypedCode = await staff.get(`/admin/open-days/points/${p.code}/check-in?q=${a.code.slice(0, 4).toLowerCase()}-${a.code.slice(4).toLowerCase()}`);
    expect(byTypedCode.statusCode).toBe(200);
    expect(byTypedCode.body).toContain('签到甲');
    expect(byTypedCode.body).not.toContain('签到乙');
    expect((await staff.get(`/admin/open-days/points/${p.code}/check-in?q=${mobile.slice(-4)}`)).body).toContain('签到甲');
    expect((await staff.get(`/admin/open-days/points/${p.code}/check-in?q=${encodeURIComponent('签到')}`)).body).toContain('签到乙');

    const desk = `/admin/open-days/points/${p.code}/check-in`;
    const done = await staff.post(`${desk}/${reg.id}`, {}, desk);
    expect(done.statusCode).toBe(303);
    expect((await staff.get(done.headers.location as string)).body).toContain('签到甲 签到成功');
    const first = await byCode(a.code);
    expect(first.status).toBe('checked_in');
    expect(first.checkedInAt).not.toBeNull();
    const again = await staff.post(`${desk}/${reg.id}`, {}, desk);
    expect((await staff.get(again.headers.location as string)).body).toContain('此前已经签到');
    expect((await byCode(a.code)).checkedInAt).toBe(first.checkedInAt);

    const waiting = await staff.post(`${desk}/${(await byCode(w.code)).id}`, {}, desk);
    expect(waiting.statusCode).toBe(409);
    expect(waiting.body).toContain('仍在候补中');

    const api = await app.inject({ method: 'POST', url: `/api/v1/open-days/points/${p.code}/check-ins`, headers: { authorization: `Bearer ${staffToken}` }, payload: { code: b.code } });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json()).toMatchObject({ status: 'checked_in', already: false, name: '签**' });
    const wrongPoint = await point([{ fromHours: 150, toHours: 152, capacity: 2 }]);
    const elsewhere = await app.inject({ method: 'POST', url: `/api/v1/open-days/points/${wrongPoint.code}/check-ins`, headers: { authorization: `Bearer ${staffToken}` }, payload: { code: b.code } });
    expect(elsewhere.statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: `/api/v1/open-days/points/${p.code}/check-ins`, payload: { code: b.code } })).statusCode).toBe(401);
    expect((await outsider.get(desk)).statusCode).toBe(403);
    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', '=', 'open_day_registration').where('entityId', 'in', [String(reg.id)]).execute();
    expect(audit.map((x) => x.action)).toEqual(['open_day.check_in']);
  });

  it('no-shows: not before start + grace; then remaining confirmed become no-shows and their places go to the waitlist', async () => {
    const p = await point([{ fromHours: 160, toHours: 162, capacity: 2 }]);
    const sid = p.sessions[0]!;
    const a = (await register(person(sid))).json<Registered>();
    const b = (await register(person(sid))).json<Registered>();
    const w = (await register(person(sid, { joinWaitlist: true }))).json<Registered>();
    const desk = `/admin/open-days/points/${p.code}/check-in`;
    const early = await staff.post(`/admin/open-days/points/${p.code}/sessions/${sid}/no-shows`, {}, desk);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('开场 30 分钟后');
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 1 });

    // The session started an hour ago; one visitor came.
    await t.db.kysely.updateTable('openPointSession').set({ startsAt: new Date(Date.now() - 3600_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() }).where('id', '=', sid).execute();
    expect((await staff.post(`${desk}/${(await byCode(a.code)).id}`, {}, desk)).statusCode).toBe(303);
    const marked = await staff.post(`/admin/open-days/points/${p.code}/sessions/${sid}/no-shows`, {}, desk);
    expect(marked.statusCode).toBe(303);
    expect((await staff.get(marked.headers.location as string)).body).toContain('已登记 1 人未到场');
    expect((await byCode(b.code)).status).toBe('no_show');
    expect((await byCode(w.code)).status).toBe('confirmed');
    expect(await session(sid)).toMatchObject({ booked: 2, waitlisted: 0 });
    const promoted = await byCode(w.code);
    expect((await notifications(promoted.id)).map((n) => n.dedupeKey.split(':')[2])).toEqual(['waitlisted', 'promoted']);
    // A no-show who turns up late gets no place now: the session is full again.
    const late = await staff.post(`${desk}/${(await byCode(b.code)).id}`, {}, desk);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('目前没有空余名额');

    const figures = await staff.get(desk);
    expect(figures.body).toContain('各场次报名与到场');
    const att = await app.inject({ method: 'GET', url: `/api/v1/open-days/attendance?campaign=${campaign.id}`, headers: { authorization: `Bearer ${staffToken}` } });
    const pt = att.json<{ points: Array<{ code: string; attendance: Record<string, number> }> }>().points.find((x) => x.code === p.code)!;
    expect(pt.attendance).toEqual({ registered: 3, checkedIn: 1, noShow: 1, expected: 1, waitlisted: 0, cancelled: 0 });
    const csv = await staff.get(`/admin/open-days/attendance.csv?campaign=${campaign.id}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`${p.code},`);
    expect(csv.body).not.toContain((await byCode(a.code)).mobile);
    expect((await staff.get(`/admin/open-days/attendance?campaign=${campaign.id}`)).body).toContain(`href="/admin/open-days/points/${p.code}/check-in"`);
    // Another unit reads the same figures, but is not sent to a desk it may not work.
    const other = await outsider.get(`/admin/open-days/attendance?campaign=${campaign.id}`);
    expect(other.statusCode).toBe(200);
    const { topic } = await t.db.kysely.selectFrom('openPoint').select('topic').where('code', '=', p.code).executeTakeFirstOrThrow();
    expect(other.body).toContain(topic);
    expect(other.body).not.toContain(`href="/admin/open-days/points/${p.code}/check-in"`);
    expect((await anon.get('/admin/open-days/attendance')).statusCode).toBe(302);
  });

  it('the no-show job marks sessions past their grace period', async () => {
    const { markDueNoShows } = await import('../src/modules/open-day-registration/index.js');
    const p = await point([{ fromHours: 170, toHours: 172, capacity: 1 }]);
    const sid = p.sessions[0]!;
    const a = (await register(person(sid))).json<Registered>();
    const w = (await register(person(sid, { joinWaitlist: true }))).json<Registered>();
    await markDueNoShows(t.db.kysely);
    expect((await byCode(a.code)).status).toBe('confirmed');
    const r = await markDueNoShows(t.db.kysely, new Date(Date.now() + 171 * 3600_000).toISOString());
    expect(r.noShows).toBeGreaterThanOrEqual(1);
    expect((await byCode(a.code)).status).toBe('no_show');
    expect((await byCode(w.code)).status).toBe('confirmed');
  });

  it('a signed-in citizen sees the form prefilled, their registrations, and cancels one; anyone looks up by code and mobile', async () => {
    const p = await point([{ fromHours: 180, toHours: 182, capacity: 3 }]);
    const form = await citizen.get(`/open-days/points/${p.code}/register?session=${p.sessions[0]}`);
    expect(form.body).toContain('value="13700001111"');
    expect(form.body).toContain(`value="${p.sessions[0]}" checked`);
    const res = await citizen.post(`/open-days/points/${p.code}/register`, { sessionId: String(p.sessions[0]), name: '张市民', mobile: '13700001111', email: 'c@example.com' });
    expect(res.statusCode).toBe(303);
    const mine = await citizen.get('/account/open-days');
    expect(mine.body).toContain(p.code);
    const [reg] = await rows(p.sessions[0]!);
    expect((await anon.get('/account/open-days')).statusCode).toBe(302);

    const found = await anon.post('/open-days/registrations/lookup', { code: reg!.code.toLowerCase(), mobile: '137 0000 1111' }, '/open-days/registrations/lookup');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('137****1111');
    const none = await anon.post('/open-days/registrations/lookup', { code: reg!.code, mobile: '13700002222' }, '/open-days/registrations/lookup');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('没有找到与该确认码和手机号相符的报名');
    const api = await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations/lookup', payload: { code: reg!.code, mobile: '13700001111' }, remoteAddress: '10.7.0.1' });
    expect(api.json()).toMatchObject({ status: 'confirmed', mobile: '137****1111' });

    const cancel = await citizen.post(`/account/open-days/${reg!.id}/cancel`, {}, '/account/open-days');
    expect(cancel.statusCode).toBe(303);
    expect((await byCode(reg!.code)).status).toBe('cancelled');
    // Someone else's registration is not theirs to cancel.
    const other = (await register(person(p.sessions[0]!))).json<Registered>();
    const foreign = await citizen.post(`/account/open-days/${(await byCode(other.code)).id}/cancel`, {}, '/account/open-days');
    expect(foreign.statusCode).toBe(404);
  });

  it('under concurrency: 50 parallel attempts for 10 places give exactly 10, and one person racing for overlapping sessions gets one', async () => {
    const p = await point([{ fromHours: 400, toHours: 402, capacity: 10 }]);
    const sid = p.sessions[0]!;
    const results = await Promise.all(Array.from({ length: 50 }, () => register(person(sid))));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(40);
    const list = await rows(sid);
    expect(list.filter((r) => r.status === 'confirmed')).toHaveLength(10);
    expect(list).toHaveLength(10);
    expect((await session(sid)).booked).toBe(10);

    const q = await point([
      { fromHours: 410, toHours: 412, capacity: 50 },
      { fromHours: 411, toHours: 413, capacity: 50 },
    ]);
    const other = await point([{ fromHours: 410, toHours: 411, capacity: 50 }]);
    const mobile = freshMobile();
    const targets = [...Array.from({ length: 8 }, (_, i) => q.sessions[i % 2]!), other.sessions[0]!, other.sessions[0]!];
    const race = await Promise.all(targets.map((s) => register({ sessionId: s, name: '抢票人', mobile, joinWaitlist: true })));
    expect(race.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const held = await t.db.kysely.selectFrom('openDayRegistration').select('id').where('mobile', '=', mobile).execute();
    expect(held).toHaveLength(1);
  });

  it('limits attempts per person, not per address', async () => {
    const p = await point([{ fromHours: 500, toHours: 502, capacity: 100 }]);
    const mobile = freshMobile();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations', payload: person(p.sessions[0]!, { mobile }), remoteAddress: '10.8.0.1' })).statusCode);
    }
    expect(codes[0]).toBe(201);
    expect(codes.slice(1, 5).every((c) => c === 409)).toBe(true);
    expect(codes.at(-1)).toBe(429);
    // Other people behind the same address are not held back.
    expect((await app.inject({ method: 'POST', url: '/api/v1/open-days/registrations', payload: person(p.sessions[0]!), remoteAddress: '10.8.0.1' })).statusCode).toBe(201);
  });
});
