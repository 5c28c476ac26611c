import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { auditCount, latestRound, setPeriod } from './helpers/consultations.js';
import { todayInChina } from '../src/platform/clock.js';
import { addDays } from '../src/modules/consultations/consultations.rules.js';

const TEXT = '第一章 总则\n第一条 为了优化营商环境，制定本措施。\n第二条 本措施适用于本区企业。\n第二章 措施\n第三条【开办】企业开办一日办结。\n第四条【兑付】惠企资金及时兑付。';

describe(`consultations over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number };
  let admin: Browser;
  let editor: Browser;
  let outsider: Browser;
  let anon: Browser;
  let draftId = 0;
  let roundId = 0;
  const today = todayInChina();
  const db = () => t.db.kysely;
  const comments = () => db().selectFrom('consultationComment').selectAll().where('roundId', '=', roundId).orderBy('id').execute();
  const articles = (rid: number) => db().selectFrom('consultationArticle').selectAll().where('roundId', '=', rid).orderBy('number').execute();

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db, { nameZh: '区发展和改革局' });
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
  });
  afterAll(() => stopTestApp(t, app));

  it('lets department staff create a draft (audited) and refuses staff of another department', async () => {
    const fields = { title: '光明区优化营商环境若干措施', kind: 'normative', departmentId: String(dept.id), summary: '起草说明', contact: '0755-1', status: 'published' };
    const denied = await outsider.post('/admin/consultations', fields);
    expect(denied.statusCode).toBe(403);
    const res = await editor.post('/admin/consultations', fields);
    expect(res.statusCode).toBe(303);
    draftId = Number(/\/admin\/consultations\/(\d+)/.exec(res.headers.location as string)![1]);
    expect(await auditCount(t.db, 'consultation_draft.create')).toBe(1);
    expect((await outsider.get(`/admin/consultations/${draftId}`)).statusCode).toBe(403);
    expect((await anon.get('/admin/consultations')).statusCode).toBeGreaterThanOrEqual(300);
  });

  it('refuses a period shorter than 7 working days, naming the field, and writes nothing', async () => {
    const page = `/admin/consultations/${draftId}`;
    const res = await editor.post(`${page}/rounds`, { opensOn: today, closesOn: addDays(today, 3), text: TEXT }, page);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('征求意见期限不足');
    expect(res.body).toContain('href="#closesOn"');
    expect(await db().selectFrom('consultationRound').selectAll().where('draftId', '=', draftId).execute()).toHaveLength(0);
    const empty = await editor.post(`${page}/rounds`, { opensOn: addDays(today, 1), closesOn: addDays(today, 30), text: '' }, page);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('第一轮须粘贴草案全文');
  });

  it('splits the pasted text into articles and lets staff edit them before the round opens', async () => {
    const page = `/admin/consultations/${draftId}`;
    const res = await editor.post(`${page}/rounds`, { opensOn: addDays(today, 1), closesOn: addDays(today, 30), text: TEXT, changeNote: '' }, page);
    expect(res.statusCode).toBe(303);
    roundId = (await latestRound(t.db, draftId)).id;
    expect((await articles(roundId)).map((a) => [a.number, a.chapter, a.heading])).toEqual([
      [1, '第一章 总则', ''],
      [2, '第一章 总则', ''],
      [3, '第二章 措施', '开办'],
      [4, '第二章 措施', '兑付'],
    ]);
    const rp = `/admin/consultations/rounds/${roundId}`;
    expect((await editor.post(`${rp}/articles`, { after: '4', heading: '投诉', body: '建立营商环境投诉处理机制。', chapter: '' }, rp)).statusCode).toBe(303);
    expect((await editor.post(`${rp}/articles/op`, { op: 'delete', number: '5' }, rp)).statusCode).toBe(303);
    const bad = await editor.post(`${rp}/articles/op`, { op: 'split', number: '3', splitAt: '不存在的文字' }, `${rp}/articles/3`);
    expect(bad.statusCode).toBe(400);
    expect(await articles(roundId)).toHaveLength(4);
    expect(await auditCount(t.db, 'consultation_article.insert')).toBe(1);
    // Opening the round today (still 30 days, so still valid).
    expect((await editor.post(`${rp}/period`, { opensOn: today, closesOn: addDays(today, 29), changeNote: '' }, rp)).statusCode).toBe(303);
    const fixed = await editor.post(`${rp}/articles/op`, { op: 'delete', number: '1' }, `/admin/consultations/${draftId}`);
    expect(fixed.statusCode).toBe(409);
  });

  it('takes a comment from anyone, keeps it hidden until staff of the department publish it', async () => {
    const list = await anon.get('/consultations');
    expect(list.body).toContain('光明区优化营商环境若干措施');
    expect(list.body).toContain('剩余 30 天');
    const art = (await articles(roundId))[2]!;
    const form = `/consultations/${draftId}/rounds/1/comment?article=${art.id}`;
    const short = await anon.post(`/consultations/${draftId}/rounds/1/comments`, { articleId: String(art.id), content: '好', commenterName: '', contact: '' }, form);
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('意见内容太短');
    const sent = await anon.post(`/consultations/${draftId}/rounds/1/comments`, { articleId: String(art.id), content: '建议明确企业开办一日办结的起算时间。', commenterName: '王小明', contact: '13800138000' }, form);
    expect(sent.statusCode).toBe(303);
    const whole = await anon.post(`/consultations/${draftId}/rounds/1/comments`, { articleId: '', content: '建议整体增加对个体工商户的支持。', commenterName: '', contact: '' }, form);
    expect(whole.statusCode).toBe(303);
    const api = await app.inject({ method: 'POST', url: `/api/v1/consultations/${draftId}/rounds/1/comments`, payload: { articleId: art.id, content: '建议公布办理进度查询渠道。' } });
    expect(api.statusCode).toBe(201);
    const spam = await app.inject({ method: 'POST', url: `/api/v1/consultations/${draftId}/rounds/1/comments`, payload: { content: '低价代办各类证照，请加微信。' } });
    expect(spam.statusCode).toBe(201);
    const [c1, c2, c3, c4] = await comments();
    expect(c1).toMatchObject({ status: 'pending', commenterName: '王小明', contact: '13800138000' });
    expect((await anon.get(`/consultations/${draftId}`)).body).not.toContain('起算时间');

    const queue = `/admin/consultations/rounds/${roundId}/comments`;
    expect((await outsider.get(queue)).statusCode).toBe(403);
    expect((await outsider.post(`/admin/consultations/comments/${c4!.id}/reject`, { kind: 'spam', reason: '广告' }, '/consultations')).statusCode).toBe(403);
    expect((await editor.post(`/admin/consultations/rounds/${roundId}/publish`, { ids: [String(c1!.id), String(c2!.id), String(c3!.id)] }, queue)).statusCode).toBe(303);
    const noReason = await editor.post(`/admin/consultations/comments/${c4!.id}/reject`, { kind: 'spam', reason: '' }, `/admin/consultations/comments/${c4!.id}`);
    expect(noReason.statusCode).toBe(400);
    expect((await editor.post(`/admin/consultations/comments/${c4!.id}/reject`, { kind: 'spam', reason: '广告' }, `/admin/consultations/comments/${c4!.id}`)).statusCode).toBe(303);

    const page = (await anon.get(`/consultations/${draftId}`)).body;
    expect(page).toContain('起算时间');
    expect(page).toContain('王**');
    expect(page).not.toContain('王小明');
    expect(page).not.toContain('13800138000');
    expect(page).not.toContain('低价代办');
    expect(await auditCount(t.db, 'consultation_comment.publish')).toBe(3);
    expect(await auditCount(t.db, 'consultation_comment.reject')).toBe(1);
  });

  it('enters suggestions raised at a symposium against an article; they join the decision queue', async () => {
    const rp = `/admin/consultations/rounds/${roundId}`;
    const ev = await editor.post(`${rp}/events`, { kind: 'deputies_symposium', title: '人大代表政协委员座谈会', heldOn: today, participants: '区人大代表 5 名' }, rp);
    expect(ev.statusCode).toBe(303);
    const eventUrl = (ev.headers.location as string).split('?')[0]!;
    const art = (await articles(roundId))[3]!;
    expect((await editor.post(`${eventUrl}/suggestions`, { articleId: String(art.id), content: '建议惠企资金兑付设定明确时限。', commenterName: '区人大代表 李某' }, eventUrl)).statusCode).toBe(303);
    const last = (await comments()).at(-1)!;
    expect(last).toMatchObject({ source: 'event', status: 'published', decision: null });
  });

  it('requires a reason unless adopted, groups similar comments, and refuses the report while open or undecided', async () => {
    const queue = `/admin/consultations/rounds/${roundId}/comments`;
    const published = (await comments()).filter((c) => c.status === 'published');
    const [a, b, c, ev] = published;
    const noReason = await editor.post(`/admin/consultations/rounds/${roundId}/decide`, { ids: [String(a!.id)], decision: 'not_adopted', reason: '' }, queue);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('须说明理由');
    expect((await db().selectFrom('consultationComment').select('decision').where('id', '=', a!.id).executeTakeFirstOrThrow()).decision).toBeNull();

    const open = await editor.post(`/admin/consultations/rounds/${roundId}/report`, { summary: '' }, queue);
    expect(open.statusCode).toBe(400);
    expect(open.body).toContain('征求意见期未结束');

    await setPeriod(t.db, roundId, addDays(today, -30), addDays(today, -1));
    expect((await editor.post(`/admin/consultations/rounds/${roundId}/decide`, { ids: [String(a!.id), String(c!.id)], decision: 'partly', reason: '部分采纳：已明确起算时间。' }, queue)).statusCode).toBe(303);
    const grouped = await db().selectFrom('consultationComment').select(['id', 'groupId', 'decision']).where('id', 'in', [a!.id, c!.id]).execute();
    expect(grouped.every((g) => g.groupId === Math.min(a!.id, c!.id) && g.decision === 'partly')).toBe(true);

    const undecided = await editor.post(`/admin/consultations/rounds/${roundId}/report`, { summary: '' }, queue);
    expect(undecided.statusCode).toBe(400);
    expect(undecided.body).toContain('2 条意见未作出采纳决定');
    expect((await anon.get(`/consultations/${draftId}/rounds/1/report`)).statusCode).toBe(404);
    expect((await editor.get(`/admin/consultations/rounds/${roundId}/report`)).body).toContain('报告预览');
    expect((await outsider.get(`/admin/consultations/rounds/${roundId}/report`)).statusCode).toBe(403);

    expect((await editor.post(`/admin/consultations/rounds/${roundId}/decide`, { ids: [String(b!.id)], decision: 'adopted', reason: '' }, queue)).statusCode).toBe(303);
    expect((await editor.post(`/admin/consultations/rounds/${roundId}/decide`, { ids: [String(ev!.id)], decision: 'not_adopted', reason: '不予采纳：已在第四条中规定。' }, queue)).statusCode).toBe(303);
    expect((await outsider.post(`/admin/consultations/rounds/${roundId}/report`, { summary: '' }, '/consultations')).statusCode).toBe(403);
    expect((await editor.post(`/admin/consultations/rounds/${roundId}/report`, { summary: '共收到意见 4 条。' }, queue)).statusCode).toBe(303);
    expect(await auditCount(t.db, 'consultation_round.publish_report')).toBe(1);
    const again = await editor.post(`/admin/consultations/rounds/${roundId}/decide`, { ids: [String(b!.id)], decision: 'not_adopted', reason: '改变主意' }, queue);
    expect(again.statusCode).toBe(409);
  });

  it('publishes the report as a page, a printable page, CSV and JSON, with masked commenters and sources', async () => {
    const page = await anon.get(`/consultations/${draftId}/rounds/1/report`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('第1轮意见采纳情况报告');
    expect(page.body).toContain('人大代表政协委员座谈会');
    expect(page.body).toContain('王**');
    expect(page.body).not.toContain('王小明');
    expect((await anon.get(`/consultations/${draftId}/rounds/1/report?print=1`)).body).toContain('consult-print');
    const csv = await anon.get(`/consultations/${draftId}/rounds/1/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(5);
    const json = (await app.inject({ url: `/api/v1/consultations/${draftId}/rounds/1/report` })).json<{ total: number; counts: Record<string, number>; fromEvents: number; undecided: number }>();
    expect(json).toMatchObject({ total: 4, fromEvents: 1, undecided: 0, counts: { adopted: 1, partly: 2, not_adopted: 1 } });
    const draft = await anon.get(`/consultations/${draftId}`);
    expect(draft.body).toContain('已公布采纳情况');
    const en = await new Browser(app).get(`/consultations/${draftId}/rounds/1/report?lang=en`);
    expect(en.body).toContain('Round 1: report on the adoption of comments');
    expect(en.body).toContain('Partly adopted');
  });

  it('carries articles into round 2, keeps identity through a merge, and shows 原第N条, earlier comments and the diff', async () => {
    const page = `/admin/consultations/${draftId}`;
    const res = await editor.post(`${page}/rounds`, { opensOn: addDays(today, 1), closesOn: addDays(today, 20), changeNote: '合并第三、四条。', text: '' }, page);
    expect(res.statusCode).toBe(303);
    const r2 = await latestRound(t.db, draftId);
    const rp = `/admin/consultations/rounds/${r2.id}`;
    expect((await editor.post(`${rp}/articles/op`, { op: 'merge', number: '3' }, rp)).statusCode).toBe(303);
    expect((await editor.post(`${rp}/articles`, { after: '0', heading: '目的', body: '为了进一步优化营商环境。', chapter: '第一章 总则' }, rp)).statusCode).toBe(303);
    const [old, now] = [await articles(roundId), await articles(r2.id)];
    expect(now.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(now[3]!.lineage).toBe(old[2]!.lineage);
    expect(JSON.parse(now[3]!.fromIds)).toEqual([old[2]!.id, old[3]!.id]);
    await setPeriod(t.db, r2.id, today, addDays(today, 20));
    const pub = (await anon.get(`/consultations/${draftId}`)).body;
    expect(pub).toContain('原第3、4条');
    expect(pub).toContain('前几轮意见 3 条');
    const diff = await anon.get(`/consultations/${draftId}/rounds/2/diff`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('合并');
    expect(diff.body).toContain('新增');
    const api = (await app.inject({ url: `/api/v1/consultations/${draftId}` })).json<{ round: { seq: number; state: string }; articles: Array<{ former: number[] }> }>();
    expect(api.round).toMatchObject({ seq: 2, state: 'open' });
    expect(api.articles[3]!.former).toEqual([3, 4]);
  });

  it('shows a signed-in enterprise by its registered name, never its contact person', async () => {
    const code = `91440300MA${Date.now().toString().slice(-7)}X`;
    const now = new Date().toISOString();
    await db().insertInto('enterprise').values({ creditCode: code, name: '深圳光明测试科技有限公司', enterpriseType: '有限责任公司', ownership: null, industryCode: 'C3872', size: null, sizeDerived: 0, foundedOn: '2019-01-01', registeredCapital: null, town: null, legalRepresentative: null, legalMobile: null, employees: null, revenue: null, taxPaid: null, rdRatio: null, tags: '', registrationAsOf: '2026-01-01', rowHash: 'x', createdAt: now, updatedAt: now }).execute();
    const u = await makeUser(t.db, 'enterprise', [], { displayName: '李经理' });
    await db().updateTable('user').set({ creditCode: code }).where('id', '=', u.id).execute();
    const ent = new Browser(app);
    await ent.login(u.username, u.password);
    const form = `/consultations/${draftId}/rounds/2/comment`;
    expect((await ent.get(form)).body).toContain('深圳光明测试科技有限公司');
    expect((await ent.post(`/consultations/${draftId}/rounds/2/comments`, { articleId: '', content: '建议明确措施的适用期限。', contact: '' }, form)).statusCode).toBe(303);
    const row = await db().selectFrom('consultationComment').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ enterpriseName: '深圳光明测试科技有限公司', userId: u.id, commenterName: '' });
  });

  it('limits comment posting per visitor', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: `/api/v1/consultations/${draftId}/rounds/2/comments`, payload: { content: `第${i}条测试意见内容。` } });
      statuses.push(r.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(10);
  });
});
