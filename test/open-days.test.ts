import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { loadOpenDaysDemo } from '../src/modules/open-days/index.js';
import { todayInChina } from '../src/platform/clock.js';

const uid = () => crypto.randomBytes(3).toString('hex');
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe(`open days over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let admin: Browser;
  let editor: Browser;
  let outsider: Browser;
  let anon: Browser;
  // A campaign 30 days ahead with two themed days, its survey open today.
  const start = day(30);
  const second = day(31);

  const campaignFields = (over: Record<string, string> = {}) => ({
    slug: `2031-${uid()}`,
    title: `测试政务开放日${uid()}`,
    slogan: '初心·同行',
    description: '',
    startsOn: start,
    endsOn: second,
    themes: `${start}｜优化营商环境｜Business environment\n${second}｜保障民生｜Livelihoods`,
    unifiedTime: '9:30—11:30',
    templateSections: 'content｜开放内容｜What is open｜开放的业务\nexchange｜互动交流｜Dialogue',
    process: '签到\n参观\n座谈',
    surveyOpensOn: day(-1),
    surveyClosesOn: day(10),
    registrationOpensAt: `${day(-1)}T09:00`,
    registrationClosesAt: `${day(20)}T18:00`,
    answerDays: '15',
    ...over,
  });

  async function createCampaign(over: Record<string, string> = {}, publish = true): Promise<{ id: number; slug: string; themes: number[] }> {
    const f = campaignFields(over);
    const res = await admin.post('/admin/open-days/new', f);
    expect(res.statusCode, res.body).toBe(303);
    const id = Number(/\/admin\/open-days\/(\d+)/.exec(res.headers.location as string)![1]);
    if (publish) {
      expect((await admin.post(`/admin/open-days/${id}/publish`, {}, `/admin/open-days/${id}`)).statusCode).toBe(303);
    }
    const themes = (await t.db.kysely.selectFrom('openDayTheme').select('id').where('campaignId', '=', id).orderBy('sortOrder').execute()).map((r) => r.id);
    return { id, slug: f.slug, themes };
  }

  const pointFields = (themeId: number, over: Record<string, string> = {}) => ({
    topic: `知识产权保护${uid()}`,
    level: 'district',
    themeId: String(themeId),
    organiser: '朝阳区市场监督管理局',
    departmentId: String(dept.id),
    district: '朝阳区',
    address: '北京市朝阳区工体北路',
    lat: '39.93',
    lng: '116.45',
    description: '',
    section_content: '参观知识产权快速维权中心',
    section_exchange: '',
    accessibility: '无障碍通道',
    contactName: '李老师',
    contactPhone: '010-12345678',
    liveUrl: 'https://live.example.gov.cn/x',
    replayUrl: '',
    guestQuota: '2',
    code: '',
    status: 'published',
    ...over,
  });

  async function createPoint(campaignId: number, themeId: number, over: Record<string, string> = {}, by: Browser = editor): Promise<{ id: number; code: string }> {
    const res = await by.post(`/admin/open-days/${campaignId}/points/new`, pointFields(themeId, over));
    expect(res.statusCode, res.body).toBe(303);
    const id = Number(/\/points\/(\d+)/.exec(res.headers.location as string)![1]);
    const row = await t.db.kysely.selectFrom('openPoint').select('code').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, code: row.code };
  }

  async function addSession(pointId: number, startsAt: string, endsAt: string, capacity: string) {
    return editor.post(`/admin/open-days/points/${pointId}/sessions`, { startsAt, endsAt, capacity }, `/admin/open-days/points/${pointId}`);
  }

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    const other = await makeDepartment(t.db);
    const a = await makeUser(t.db, 'admin');
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    admin = new Browser(app);
    editor = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    await admin.login(a.username, a.password);
    await editor.login(e.username, e.password);
    await outsider.login(o.username, o.password);
    // The demo campaigns first: 2018, 2019 (the source) and the upcoming one; the tests add their own.
    await t.db.kysely.transaction().execute((trx) => loadOpenDaysDemo(trx, { actor: { userId: null, name: 'test', ip: '127.0.0.1', requestId: 't' }, deptIds: new Map(), users: new Map() }));
  });
  afterAll(() => stopTestApp(t, app));

  it('refuses a bad campaign with each problem on its field, writes nothing, then saves and audits a good one', async () => {
    const before = await t.db.kysely.selectFrom('openDayCampaign').select('id').execute();
    const res = await admin.post('/admin/open-days/new', campaignFields({ slug: 'points', endsOn: day(29), answerDays: '0' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('须以四位年份开头');
    expect(res.body).toContain('结束时间不能早于开始时间');
    expect(res.body).toContain('不能小于 1');
    expect(res.body).toContain('href="#slug"');
    expect(await t.db.kysely.selectFrom('openDayCampaign').select('id').execute()).toHaveLength(before.length);

    const themeRes = await admin.post('/admin/open-days/new', campaignFields({ themes: `${day(40)}｜科技创新｜Innovation`, templateSections: 'content｜开放内容\nBad line' }));
    expect(themeRes.statusCode).toBe(400);
    expect(themeRes.body).toContain(`第 1 行的日期 ${day(40)} 不在活动日期内`);
    expect(themeRes.body).toContain('第 1 行格式不正确，应为“标识｜中文标题｜English title｜提示”');

    // Only the general office files campaigns.
    expect((await editor.get('/admin/open-days/new')).statusCode).toBe(403);

    const c = await createCampaign({}, false);
    expect(c.themes).toHaveLength(2);
    const audit = await t.db.kysely.selectFrom('auditLog').select(['action', 'entityId']).where('entityType', '=', 'open_day_campaign').where('entityId', '=', String(c.id)).execute();
    expect(audit.map((x) => x.action)).toEqual(['open_day.campaign.create']);
    // A draft is not public.
    expect((await anon.get(`/open-days/${c.slug}`)).statusCode).toBe(404);
    const dup = await admin.post('/admin/open-days/new', campaignFields({ slug: c.slug }));
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('该网址标识已被其他活动使用');
  });

  it('validates points and sessions: named fields, dates inside the campaign, capacity never below bookings', async () => {
    const c = await createCampaign();
    const bad = await editor.post(`/admin/open-days/${c.id}/points/new`, pointFields(c.themes[0]!, { lat: '39.9', lng: '', liveUrl: 'ftp://x', district: '', topic: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('经度和纬度须同时填写');
    expect(bad.body).toContain('请输入以 http:// 或 https:// 开头的网址');
    expect(bad.body).toContain('区级、街乡级开放点须填写所在区');
    expect(bad.body).toMatch(/开放主题: 此项为必填项/);
    // An editor can only add points for their own department.
    const notMine = await outsider.post(`/admin/open-days/${c.id}/points/new`, pointFields(c.themes[0]!));
    expect(notMine.statusCode).toBe(400);
    expect(notMine.body).toContain('您只能在所属部门发布信息');

    const p = await createPoint(c.id, c.themes[0]!);
    expect(p.code).toMatch(new RegExp(`^${start.slice(0, 4)}-D\\d{3}$`));
    const taken = await editor.post(`/admin/open-days/${c.id}/points/new`, pointFields(c.themes[0]!, { code: p.code }));
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('该编号已被其他开放点使用');
    // The other department's editor may not open it.
    expect((await outsider.get(`/admin/open-days/points/${p.id}`)).statusCode).toBe(403);

    const outside = await addSession(p.id, `${day(32)}T09:30`, `${day(32)}T11:30`, '20');
    expect(outside.statusCode).toBe(400);
    expect(outside.body).toContain(`场次时间须在活动日期（${start} 至 ${second}）内`);
    const zero = await addSession(p.id, `${start}T09:30`, `${start}T11:30`, '0');
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('不能小于 1');
    const backwards = await addSession(p.id, `${start}T11:30`, `${start}T09:30`, '20');
    expect(backwards.body).toContain('结束时间不能早于开始时间');
    expect(await t.db.kysely.selectFrom('openPointSession').select('id').where('pointId', '=', p.id).execute()).toHaveLength(0);

    expect((await addSession(p.id, `${start}T09:30`, `${start}T11:30`, '20')).statusCode).toBe(303);
    const s = await t.db.kysely.selectFrom('openPointSession').selectAll().where('pointId', '=', p.id).executeTakeFirstOrThrow();
    expect(s.startsAt).toBe(new Date(`${start}T01:30:00Z`).toISOString());
    await t.db.kysely.updateTable('openPointSession').set({ booked: 12 }).where('id', '=', s.id).execute();
    const cut = await editor.post(`/admin/open-days/points/${p.id}/sessions/${s.id}`, { startsAt: `${start}T09:30`, endsAt: `${start}T11:30`, capacity: '10' }, `/admin/open-days/points/${p.id}`);
    expect(cut.statusCode).toBe(400);
    expect(cut.body).toContain('容量不能少于已报名的 12 人');
    expect((await t.db.kysely.selectFrom('openPointSession').select('capacity').where('id', '=', s.id).executeTakeFirstOrThrow()).capacity).toBe(20);
    const ok = await editor.post(`/admin/open-days/points/${p.id}/sessions/${s.id}`, { startsAt: `${start}T10:00`, endsAt: `${start}T12:00`, capacity: '12' }, `/admin/open-days/points/${p.id}`);
    expect(ok.statusCode).toBe(303);
    const del = await editor.post(`/admin/open-days/points/${p.id}/sessions/${s.id}/delete`, {}, `/admin/open-days/points/${p.id}`);
    expect(del.statusCode).toBe(409);
    // Moving the campaign's dates away from a session is refused.
    const move = await admin.post(`/admin/open-days/${c.id}/edit`, campaignFields({ slug: c.slug, startsOn: second, themes: `${second}｜保障民生｜Livelihoods` }), `/admin/open-days/${c.id}/edit`);
    expect(move.statusCode).toBe(400);
    expect(move.body).toContain('已有 1 个场次不在新的活动日期内');
    const actions = await t.db.kysely.selectFrom('auditLog').select('action').where('action', 'like', 'open_day.%').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['open_day.point.create', 'open_day.session.create', 'open_day.session.update']));
  });

  it('shows the programme by day, level and district with counts, the point page and its calendar', async () => {
    const c = await createCampaign();
    const city = await createPoint(c.id, c.themes[0]!, { level: 'city', district: '', topic: '银企对接服务', organiser: '市金融局' }, admin);
    const district = await createPoint(c.id, c.themes[1]!, { topic: '社区养老服务', district: '海淀区' });
    await createPoint(c.id, c.themes[1]!, { topic: '草稿中的点位', status: 'draft' });
    await addSession(district.id, `${second}T09:00`, `${second}T10:30`, '30');
    await addSession(district.id, `${second}T14:00`, `${second}T15:30`, '25');

    const all = await anon.get(`/open-days/${c.slug}`);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('银企对接服务');
    expect(all.body).toContain('社区养老服务');
    expect(all.body).not.toContain('草稿中的点位');
    expect(all.body).toContain('显示 2 个开放点（共 2 个）');
    const byLevel = await anon.get(`/open-days/${c.slug}?level=city`);
    expect(byLevel.body).toContain('银企对接服务');
    expect(byLevel.body).not.toContain('社区养老服务');
    expect(byLevel.body).toContain('区级 (1)');
    const byTheme = await anon.get(`/open-days/${c.slug}?theme=${c.themes[1]}&district=${encodeURIComponent('海淀区')}`);
    expect(byTheme.body).toContain('社区养老服务');
    expect(byTheme.body).not.toContain('银企对接服务');
    // Bad filter values are ignored, not an error.
    expect((await anon.get(`/open-days/${c.slug}?level=moon&theme=x`)).statusCode).toBe(200);
    const print = await anon.get(`/open-days/${c.slug}/print`);
    expect(print.body).toContain('od-print');
    expect(print.body).toContain('市级开放点（1 个）');

    const page = await anon.get(`/open-days/points/${district.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('参观知识产权快速维权中心');
    expect(page.body.indexOf('开放内容')).toBeLessThan(page.body.indexOf('互动交流'));
    expect(page.body).toContain(`/open-days/points/${district.code}/register?session=`);
    expect(page.body).toContain(`/open-days/points/${district.code}/calendar.ics`);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('uri.amap.com');

    const ics = await anon.get(`/open-days/points/${district.code}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const lines = ics.body.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    const sessionIds = (await t.db.kysely.selectFrom('openPointSession').select('id').where('pointId', '=', district.id).orderBy('startsAt').execute()).map((s) => s.id);
    expect(ics.body).toContain(`UID:open-day-session-${sessionIds[0]}@gongkai`);
    expect(ics.body).toContain(`DTSTART:${second.replace(/-/g, '')}T010000Z`);
    expect((await anon.get(`/open-days/points/${district.code}/calendar.ics`)).body).toBe(ics.body);
    const campaignIcs = await anon.get(`/open-days/${c.slug}/calendar.ics`);
    expect(campaignIcs.body.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);

    const api = await app.inject({ url: `/api/v1/open-days/points/${city.code}` });
    expect(api.json<{ topic: string; registerUrl: string }>().registerUrl).toBe(`/open-days/points/${city.code}/register`);
  });

  it('runs the needs survey: proposals moderated, one vote per need per voter, contact never public', async () => {
    const c = await createCampaign();
    const bad = await anon.post(`/open-days/${c.slug}/survey`, { title: '', category: 'moon', description: '', proposerName: '', contact: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('希望开放的内容: 此项为必填项');
    expect(bad.body).toContain('类别: 请从列表中选择有效的选项');
    const res = await anon.post(`/open-days/${c.slug}/survey`, { title: '走进12345热线', category: 'services', description: '看看工单怎么流转', proposerName: '王女士', contact: '13800138000' });
    expect(res.statusCode).toBe(303);
    const need = await t.db.kysely.selectFrom('openDayNeed').selectAll().where('campaignId', '=', c.id).executeTakeFirstOrThrow();
    expect(need.status).toBe('pending');
    expect((await anon.get(`/open-days/${c.slug}/survey`)).body).not.toContain('走进12345热线');

    // Staff other than the general office see the ranking but cannot moderate.
    const staffView = await editor.get(`/admin/open-days/${c.id}/needs`);
    expect(staffView.body).toContain('13800138000');
    expect((await editor.post(`/admin/open-days/${c.id}/needs/${need.id}/moderate`, { status: 'published' }, `/admin/open-days/${c.id}/needs`)).statusCode).toBe(403);
    expect((await admin.post(`/admin/open-days/${c.id}/needs/${need.id}/moderate`, { status: 'published' }, `/admin/open-days/${c.id}/needs`)).statusCode).toBe(303);

    const pageBody = (await anon.get(`/open-days/${c.slug}/survey`)).body;
    expect(pageBody).toContain('走进12345热线');
    expect(pageBody).not.toContain('13800138000');
    const votes = async () => (await t.db.kysely.selectFrom('openDayNeed').select('votes').where('id', '=', need.id).executeTakeFirstOrThrow()).votes;
    const first = await anon.post(`/open-days/${c.slug}/survey/${need.id}/vote`, {}, `/open-days/${c.slug}/survey`);
    expect(first.headers.location).toContain('voted=1');
    expect(await votes()).toBe(1);
    const again = await anon.post(`/open-days/${c.slug}/survey/${need.id}/vote`, {}, `/open-days/${c.slug}/survey`);
    expect(again.headers.location).toContain('voted=dup');
    expect(await votes()).toBe(1);
    expect((await anon.get(`/open-days/${c.slug}/survey?voted=dup`)).body).toContain('每项建议只能投一票');
    // The vote cookie is stored only as a hash.
    const keys = await t.db.kysely.selectFrom('openDayNeedVote').select('voterKey').where('needId', '=', need.id).execute();
    expect(keys.map((k) => k.voterKey)).not.toContain(anon.cookies.get('gk_vote'));
    // A signed-in user votes as their account.
    expect((await editor.post(`/open-days/${c.slug}/survey/${need.id}/vote`, {}, `/open-days/${c.slug}/survey`)).headers.location).toContain('voted=1');
    expect((await editor.post(`/open-days/${c.slug}/survey/${need.id}/vote`, {}, `/open-days/${c.slug}/survey`)).headers.location).toContain('voted=dup');
    expect(await votes()).toBe(2);
    const api = await app.inject({ url: `/api/v1/open-days/${c.slug}/needs` });
    expect(api.body).not.toContain('13800138000');
    expect(api.json<{ needs: Array<{ votes: number }> }>().needs[0]!.votes).toBe(2);

    // Outside the survey window: refused.
    const closed = await createCampaign({ surveyOpensOn: day(-10), surveyClosesOn: day(-1) });
    const late = await anon.post(`/open-days/${closed.slug}/survey`, { title: '太晚了', category: 'other' }, `/open-days/${c.slug}/survey`);
    expect(late.statusCode).toBe(409);
    expect(todayInChina()).toBe(day(0));
  });

  it('adopts a published proposal as a point of its own campaign (需求采纳): shown to the public, audited, withdrawn', async () => {
    const c = await createCampaign();
    const other = await createCampaign();
    const topic = `政务服务审批后台${uid()}`;
    const point = await createPoint(c.id, c.themes[0]!, { topic });
    const draft = await createPoint(c.id, c.themes[1]!, { topic: `草稿开放点${uid()}`, status: 'draft' });
    const elsewhere = await createPoint(other.id, other.themes[0]!);
    const needsUrl = `/admin/open-days/${c.id}/needs`;
    const propose = async (title: string) => {
      expect((await anon.post(`/open-days/${c.slug}/survey`, { title, category: 'services', description: '', proposerName: '', contact: '' })).statusCode).toBe(303);
      return (await t.db.kysely.selectFrom('openDayNeed').select('id').where('campaignId', '=', c.id).where('title', '=', title).executeTakeFirstOrThrow()).id;
    };
    const published = await propose('看看审批材料如何在后台流转');
    const pending = await propose('参观档案馆库房');
    expect((await admin.post(`${needsUrl}/${published}/moderate`, { status: 'published' }, needsUrl)).statusCode).toBe(303);
    const adoption = (id: number) => t.db.kysely.selectFrom('openDayNeed').select(['adoptedPointId', 'adoptedAt']).where('id', '=', id).executeTakeFirstOrThrow();
    const audits = async (id: number) => (await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', '=', 'open_day_need').where('entityId', '=', String(id)).orderBy('id').execute()).map((a) => a.action);
    const adopt = (by: Browser, needId: number, pointId: string) => by.post(`${needsUrl}/${needId}/adopt`, { pointId }, needsUrl);
    const apiNeed = async () => (await app.inject({ url: `/api/v1/open-days/${c.slug}/needs` })).json<{ needs: Array<{ id: number; adoptedPoint: { code: string; topic: string } | null }> }>().needs.find((n) => n.id === published)!;

    // The staff page offers a labelled choice of this campaign's points for the published proposal only.
    const staff = (await admin.get(needsUrl)).body;
    expect(staff).toContain(`<label for="adopt-${published}">`);
    expect(staff).toContain(`<select id="adopt-${published}" name="pointId"`);
    expect(staff).not.toContain(`id="adopt-${pending}"`);
    expect(staff).toContain(`${point.code} ${topic}`);
    expect(staff).not.toContain(`>${elsewhere.code} `);
    // Editors see the ranking but neither adopt nor see the form.
    expect((await editor.get(needsUrl)).body).not.toContain(`id="adopt-${published}"`);
    expect((await adopt(editor, published, String(point.id))).statusCode).toBe(403);

    // A point of another campaign, or none: refused beside the field, nothing written.
    for (const pointId of [String(elsewhere.id), '']) {
      const bad = await adopt(admin, published, pointId);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain(`id="adopt-${published}-error"`);
      expect(bad.body).toContain(`aria-describedby="adopt-${published}-error"`);
    }
    expect((await adopt(admin, published, String(elsewhere.id))).body).toContain('请选择本次活动的开放点');
    // A proposal not yet published cannot be adopted.
    const early = await adopt(admin, pending, String(point.id));
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('只有已公开的需求建议才能采纳');
    expect(await adoption(published)).toEqual({ adoptedPointId: null, adoptedAt: null });
    expect(await adoption(pending)).toEqual({ adoptedPointId: null, adoptedAt: null });
    expect(await audits(published)).toEqual(['open_day.need.publish']);
    expect(await audits(pending)).toEqual([]);

    const ok = await adopt(admin, published, String(point.id));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${needsUrl}?done=adopted#need-${published}`);
    const row = await adoption(published);
    expect(row.adoptedPointId).toBe(point.id);
    expect(row.adoptedAt).not.toBeNull();
    expect(await audits(published)).toEqual(['open_day.need.publish', 'open_day.need.adopt']);
    const entry = await t.db.kysely.selectFrom('auditLog').select(['beforeJson', 'afterJson']).where('action', '=', 'open_day.need.adopt').where('entityId', '=', String(published)).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.beforeJson!)).toEqual({ adoptedPointId: null });
    expect(JSON.parse(entry.afterJson!)).toMatchObject({ adoptedPointId: point.id, pointCode: point.code });

    // The public sees which point their proposal became, on the survey page, in the API and on the point page.
    const surveyBody = (await anon.get(`/open-days/${c.slug}/survey`)).body;
    expect(surveyBody).toContain(`已采纳：开放点「${topic}」`);
    expect(surveyBody).toContain(`href="/open-days/points/${point.code}"`);
    expect(await apiNeed()).toMatchObject({ adoptedPoint: { code: point.code, topic } });
    expect((await anon.get(`/open-days/points/${point.code}`)).body).toContain('源自公众需求调查：看看审批材料如何在后台流转');
    const adoptedStaff = (await admin.get(`${needsUrl}?done=adopted`)).body;
    expect(adoptedStaff).toContain(`action="${needsUrl}/${published}/unadopt"`);
    expect(adoptedStaff).not.toContain(`id="adopt-${published}"`);
    expect((await editor.post(`${needsUrl}/${published}/unadopt`, {}, needsUrl)).statusCode).toBe(403);

    // Withdrawn: gone everywhere, audited; withdrawing again is refused.
    const undo = await admin.post(`${needsUrl}/${published}/unadopt`, {}, needsUrl);
    expect(undo.statusCode).toBe(303);
    expect(await adoption(published)).toEqual({ adoptedPointId: null, adoptedAt: null });
    expect(await audits(published)).toEqual(['open_day.need.publish', 'open_day.need.adopt', 'open_day.need.unadopt']);
    expect((await anon.get(`/open-days/${c.slug}/survey`)).body).not.toContain('已采纳');
    expect((await apiNeed()).adoptedPoint).toBeNull();
    expect((await anon.get(`/open-days/points/${point.code}`)).body).not.toContain('源自公众需求调查');
    expect((await admin.post(`${needsUrl}/${published}/unadopt`, {}, needsUrl)).statusCode).toBe(409);

    // A draft point may be adopted, but the public does not see it until the point is public.
    expect((await adopt(admin, published, String(draft.id))).statusCode).toBe(303);
    expect((await anon.get(`/open-days/${c.slug}/survey`)).body).not.toContain('已采纳');
    expect((await apiNeed()).adoptedPoint).toBeNull();
    expect((await admin.get(needsUrl)).body).toContain(`href="/admin/open-days/points/${draft.id}"`);

    // The demo's three most voted proposals are adopted as the upcoming points that answer them, ranking unchanged.
    const demo = (await app.inject({ url: '/api/v1/open-days/2026-12/needs' })).json<{ needs: Array<{ votes: number; adoptedPoint: { code: string; topic: string } | null }> }>().needs;
    expect(demo.map((n) => n.votes)).toEqual([...demo.map((n) => n.votes)].sort((a, b) => b - a));
    expect(demo.map((n) => n.adoptedPoint?.topic ?? null).slice(0, 4)).toEqual(['市民热线工单流转', '垃圾分类末端处理', '企业开办“一网通办”后台', null]);
    expect(demo.filter((n) => n.adoptedPoint !== null)).toHaveLength(3);
  });

  it('counts an online visit once per browser, point and day, then redirects to the stream', async () => {
    const c = await createCampaign();
    const p = await createPoint(c.id, c.themes[0]!);
    const visits = async () => (await t.db.kysely.selectFrom('openPoint').select('onlineVisits').where('id', '=', p.id).executeTakeFirstOrThrow()).onlineVisits;
    const viewer = new Browser(app);
    const r1 = await viewer.get(`/open-days/points/${p.code}/watch?to=live`);
    expect(r1.statusCode).toBe(302);
    expect(r1.headers.location).toBe('https://live.example.gov.cn/x');
    await viewer.get(`/open-days/points/${p.code}/watch?to=live`);
    expect(await visits()).toBe(1);
    await new Browser(app).get(`/open-days/points/${p.code}/watch`);
    expect(await visits()).toBe(2);
    // No replay link: nothing to count.
    expect((await viewer.get(`/open-days/points/${p.code}/watch?to=replay`)).statusCode).toBe(404);
    expect(await visits()).toBe(2);
  });

  it('reports on an empty campaign and on the demo campaigns, with registrations by theme and level', async () => {
    const c = await createCampaign();
    const empty = await anon.get(`/open-days/${c.slug}/report`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('暂无数据');

    const counts = await t.db.kysely
      .selectFrom('openPoint')
      .innerJoin('openDayCampaign', 'openDayCampaign.id', 'openPoint.campaignId')
      .select(['openDayCampaign.slug'])
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('openDayCampaign.slug', 'in', ['2018', '2019', '2026-12'])
      .groupBy('openDayCampaign.slug')
      .execute();
    expect(Object.fromEntries(counts.map((r) => [r.slug, Number(r.n)]))).toEqual({ '2018': 12, '2019': 176, '2026-12': 12 });
    const places = await t.db.kysely.selectFrom('openPointSession').innerJoin('openPoint', 'openPoint.id', 'openPointSession.pointId').innerJoin('openDayCampaign', 'openDayCampaign.id', 'openPoint.campaignId').select((eb) => eb.fn.sum<string | number>('capacity').as('s')).where('openDayCampaign.slug', '=', '2019').executeTakeFirstOrThrow();
    expect(Number(places.s)).toBe(7200);

    // Two attended and one no-show at a 2019 city point.
    const point = await t.db.kysely.selectFrom('openPoint').selectAll().where('code', '=', '2019-C001').executeTakeFirstOrThrow();
    const session = await t.db.kysely.selectFrom('openPointSession').select('id').where('pointId', '=', point.id).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('openDayRegistration')
      .values(['checked_in', 'checked_in', 'no_show'].map((status, i) => ({ sessionId: session.id, pointId: point.id, campaignId: point.campaignId, name: `访客${i}`, mobile: `1390000000${i}`, kind: 'public', status, code: `T${uid()}${i}`, cancelToken: `tok-${uid()}-${i}`, createdAt: now, updatedAt: now })))
      .execute();

    const report = await anon.get('/open-days/2019/report');
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('<svg');
    expect(report.body).toMatch(/<th scope="row">2018<\/th><td>北京市政务开放日<\/td><td>12<\/td>/);
    expect(report.body).toMatch(/<td>176<\/td>/);
    expect(report.body).toContain('7,600,000');
    expect(report.body).toContain('66.7');
    const csv = await anon.get('/open-days/2019/report.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('2019,北京市“政务开放日”系列活动,176');
    expect((await anon.get('/open-days/2019/report/print')).statusCode).toBe(200);
    // /open-days shows the upcoming campaign (or the newest one the tests created).
    expect((await anon.get('/open-days')).statusCode).toBe(200);
  });
});
