import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { makeCampaign, makePoint, makeRegistration } from './helpers/open-day-suggestions.js';
import { addWorkingDays } from '../src/platform/calendar/index.js';
import { todayInChina } from '../src/platform/clock.js';
import { campaignById } from '../src/modules/open-days/index.js';
import * as service from '../src/modules/open-day-suggestions/open-day-suggestions.service.js';
import type { SuggestionInput } from '../src/modules/open-day-suggestions/open-day-suggestions.schema.js';
import { DEMO_SUGGESTIONS_2019, loadOpenDaySuggestionsDemo } from '../src/modules/open-day-suggestions/open-day-suggestions.demo.js';

const uid = () => crypto.randomBytes(4).toString('hex');

describe(`open-day suggestions over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let campaign: { id: number; slug: string };
  let point: { id: number; code: string; topic: string };
  let unit: { id: number; code: string };
  let otherUnit: { id: number; code: string };
  let admin: Browser;
  let unitEditor: Browser;
  let outsider: Browser;
  let anon: Browser;
  let adminId: number;

  const db = () => t.db.kysely;
  const row = (code: string) => db().selectFrom('openDaySuggestion').selectAll().where('trackingCode', '=', code).executeTakeFirstOrThrow();
  const notices = (id: number) => db().selectFrom('notification').select(['dedupeKey', 'recipientKind', 'recipientKey', 'body']).where('recipientKind', '=', 'open-day-suggestion').where('recipientKey', '=', String(id)).orderBy('id').execute();
  /** Sends a suggestion through the service (the HTTP form is rate limited per visitor). */
  const submit = async (over: Partial<SuggestionInput> = {}, into: { id: number } = campaign) => {
    const c = await campaignById(db(), into.id);
    return db()
      .transaction()
      .execute((trx) => service.submitOnline(trx, c, { category: 'urban', content: `建议在老旧小区增设分类垃圾桶${uid()}`, ...over }));
  };
  const page = (id: number) => `/admin/open-days/suggestions/${id}`;
  const act = (b: Browser, id: number, action: string, fields: Record<string, string> = {}) => b.post(`${page(id)}/${action}`, fields, page(id));
  const publish = async (id: number) => expect((await act(admin, id, 'publish')).statusCode).toBe(303);
  const route = async (id: number, departmentId = unit.id) => expect((await act(admin, id, 'route', { departmentId: String(departmentId) })).statusCode).toBe(303);
  const answer = async (id: number) => expect((await act(unitEditor, id, 'answer', { answer: '感谢您的建议，我们正在研究。' })).statusCode).toBe(303);

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    unit = await makeDepartment(t.db, { nameZh: `市城市管理委员会${uid()}` });
    otherUnit = await makeDepartment(t.db);
    campaign = await makeCampaign(t.db, { answerDays: 15 });
    point = await makePoint(t.db, campaign.id, { departmentId: unit.id });
    const a = await makeUser(t.db, 'admin');
    adminId = a.id;
    const e = await makeUser(t.db, 'editor', [unit.id]);
    const o = await makeUser(t.db, 'editor', [otherUnit.id]);
    admin = new Browser(app);
    unitEditor = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    await admin.login(a.username, a.password);
    await unitEditor.login(e.username, e.password);
    await outsider.login(o.username, o.password);
  });
  afterAll(() => stopTestApp(t, app));

  it('refuses bad input naming each field, in the visitor language, writing nothing', async () => {
    const before = await db().selectFrom('openDaySuggestion').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const url = `/open-days/points/${point.code}/suggest`;
    const res = await anon.post(url, { category: 'weather', content: '好', submitterName: '', contact: '12345', registrationCode: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="category-error"');
    expect(res.body).toContain('id="content-error"');
    expect(res.body).toContain('建议内容太短');
    expect(res.body).toContain('id="contact-error"');
    expect(res.body).toContain('请填写 11 位手机号码或有效的电子邮箱');
    // The typed text is kept.
    expect(res.body).toContain('value="12345"');

    const unknownReg = await anon.post(url, { category: 'urban', content: '建议增加分类垃圾桶的数量', contact: '', registrationCode: 'NOSUCHCODE' });
    expect(unknownReg.statusCode).toBe(400);
    expect(unknownReg.body).toContain('未找到该开放点的这个报名确认码');

    const en = await new Browser(app).post(`${url}?lang=en`, { category: 'urban', content: '', contact: 'x@' }, `${url}?lang=en`);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Enter an 11-digit mobile number or a valid e-mail address');

    const api = await app.inject({ method: 'POST', url: '/api/v1/open-days/suggestions', payload: { category: 'urban', content: '短' } });
    expect(api.statusCode).toBe(400);
    expect(api.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toContain('content');

    const after = await db().selectFrom('openDaySuggestion').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await anon.get('/open-days/points/NOSUCHPOINT/suggest')).statusCode).toBe(404);
  });

  it('a visitor sends from a point with a registration code; the tracking page shows the path and never the contact', async () => {
    const reg = await makeRegistration(t.db, campaign.id, point.id);
    const content = `建议开放点增加垃圾分类互动体验${uid()}`;
    const res = await anon.post(`/open-days/points/${point.code}/suggest`, { category: 'urban', content, submitterName: '王小明', contact: 'wang@example.org', registrationCode: reg.code.toLowerCase() });
    expect(res.statusCode).toBe(303);
    const m = /^\/open-days\/suggestions\/(JY[0-9A-Z]{8})\?sent=1$/.exec(res.headers.location as string);
    expect(m).not.toBeNull();
    const code = m![1]!;
    const s = await row(code);
    expect(s).toMatchObject({ source: 'visit', pointId: point.id, registrationId: reg.id, status: 'received', contact: 'wang@example.org', campaignId: campaign.id });

    const tracking = await anon.get(res.headers.location as string);
    expect(tracking.statusCode).toBe(200);
    expect(tracking.body).toContain(`查询码为 ${code}`);
    expect(tracking.body).toContain('收到建议');
    // Before moderation the text is held back; the contact never shows.
    expect(tracking.body).not.toContain(content);
    expect(tracking.body).toContain('建议内容经审核后公开');
    expect(tracking.body).not.toContain('wang@example.org');

    // Staff see everything, the contact included.
    const staff = await admin.get(page(s.id));
    expect(staff.body).toContain(content);
    expect(staff.body).toContain('wang@example.org');
    expect(staff.body).toContain('已关联报名');

    await publish(s.id);
    const published = await anon.get(`/open-days/suggestions/${code}`);
    expect(published.body).toContain(content);
    expect(published.body).toContain('王*');
    expect(published.body).not.toContain('王小明');
    expect(published.body).not.toContain('wang@example.org');
    const json = await app.inject(`/api/v1/open-days/suggestions/${code.toLowerCase()}`);
    expect(json.statusCode).toBe(200);
    expect(json.body).not.toContain('wang@example.org');
    expect(json.json()).toMatchObject({ trackingCode: code, status: 'received', content, source: 'visit', point: { code: point.code }, path: [{ status: 'received' }, { status: 'published' }] });

    // The submitter was told at each step, once per step, through the outbox (e-mail).
    const sent = await notices(s.id);
    expect(sent.map((n) => n.dedupeKey)).toEqual([`open-day-suggestion:${s.id}:received`, `open-day-suggestion:${s.id}:published`]);
    expect(sent[0]!.body).toContain(code);
    const deliveries = await db().selectFrom('delivery').innerJoin('notification', 'notification.id', 'delivery.notificationId').select(['delivery.channel', 'delivery.address']).where('notification.recipientKey', '=', String(s.id)).where('notification.recipientKind', '=', 'open-day-suggestion').execute();
    expect(deliveries).toContainEqual({ channel: 'email', address: 'wang@example.org' });
  });

  it('online over the API, with a point of the campaign; an unknown point is named', async () => {
    const ok = await app.inject({ method: 'POST', url: `/api/v1/open-days/suggestions?campaign=${campaign.slug}`, payload: { category: 'services', content: '希望开放日提供网上直播回放', pointCode: point.code, contact: '13912345678' } });
    expect(ok.statusCode, ok.body).toBe(201);
    const code = ok.json<{ trackingCode: string }>().trackingCode;
    expect(await row(code)).toMatchObject({ source: 'online', pointId: point.id, contact: '13912345678' });
    const bad = await app.inject({ method: 'POST', url: `/api/v1/open-days/suggestions?campaign=${campaign.slug}`, payload: { category: 'services', content: '希望开放日提供网上直播回放', pointCode: 'NOPE' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Array<{ field: string }> } }>().error.fields[0]!.field).toBe('pointCode');
    // A draft campaign takes no suggestions.
    const draft = await makeCampaign(t.db, { status: 'draft' });
    expect((await anon.get(`/open-days/suggest?campaign=${draft.slug}`)).statusCode).toBe(404);
    const form = await anon.get(`/open-days/suggest?campaign=${campaign.slug}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${point.code}"`);
  });

  it('moderation is the general office’s: rejected text is never public', async () => {
    const content = `低价代办证件请加微信${uid()}`;
    const s = await submit({ content, category: 'other' });
    expect((await act(unitEditor, s.id, 'reject', { kind: 'spam', reason: '广告' })).statusCode).toBe(404);
    const missing = await act(admin, s.id, 'reject', { kind: 'spam', reason: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('id="reason-error"');
    expect((await act(admin, s.id, 'reject', { kind: 'spam', reason: '广告内容' })).statusCode).toBe(303);
    const r = await row(s.trackingCode);
    expect(r.status).toBe('rejected');
    const tracking = await anon.get(`/open-days/suggestions/${s.trackingCode}`);
    expect(tracking.body).not.toContain(content);
    expect(tracking.body).toContain('广告或无意义内容');
    expect(tracking.body).not.toContain('广告内容');
    expect((await app.inject(`/api/v1/open-days/suggestions/${s.trackingCode}`)).json()).toMatchObject({ content: null, status: 'rejected', outcomeReason: null });
    expect((await anon.get(`/open-days/${campaign.slug}/suggestions?status=rejected`)).body).not.toContain(content);
    // Nothing moves a rejected one on.
    expect((await act(admin, s.id, 'publish')).statusCode).toBe(409);
    const audit = await db().selectFrom('auditLog').select(['action']).where('entityType', '=', 'open_day_suggestion').where('entityId', '=', String(s.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['open_day_suggestion.reject']);
  });

  it('routing needs publication and sets the due date in working days from the day of routing', async () => {
    const s = await submit();
    expect((await act(admin, s.id, 'route', { departmentId: String(unit.id) })).statusCode).toBe(409);
    await publish(s.id);
    const bad = await act(admin, s.id, 'route', { departmentId: '999999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="departmentId-error"');
    await route(s.id);
    const r = await row(s.trackingCode);
    expect(r.status).toBe('routed');
    expect(r.departmentId).toBe(unit.id);
    expect(r.dueOn).toBe(addWorkingDays(todayInChina(new Date(r.routedAt!)), 15));
    const tracking = await anon.get(`/open-days/suggestions/${s.trackingCode}`);
    expect(tracking.body).toContain(`答复期限 ${r.dueOn}`);
    // Another unit cannot answer it; its own unit can.
    expect((await outsider.get(page(s.id))).statusCode).toBe(404);
    expect((await act(outsider, s.id, 'answer', { answer: '答复' })).statusCode).toBe(404);
    const empty = await act(unitEditor, s.id, 'answer', { answer: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="answer-error"');
    await answer(s.id);
    expect((await row(s.trackingCode)).status).toBe('answered');
    expect((await anon.get(`/open-days/suggestions/${s.trackingCode}`)).body).toContain('感谢您的建议，我们正在研究。');
  });

  it('merges a duplicate: it shows "merged into", follows the target and its submitter hears of the target’s steps', async () => {
    const target = await submit();
    const dup = await submit({ contact: 'dup@example.org' });
    await publish(target.id);
    const self = await act(admin, target.id, 'merge', { target: target.trackingCode });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('不能合并到自身');
    const unknown = await act(admin, dup.id, 'merge', { target: 'JYNOSUCH1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('id="target-error"');
    expect((await act(admin, dup.id, 'merge', { target: target.trackingCode.toLowerCase() })).statusCode).toBe(303);
    expect(await row(dup.trackingCode)).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    await route(target.id);
    const tracking = await anon.get(`/open-days/suggestions/${dup.trackingCode}`);
    expect(tracking.body).toContain('已与相同建议合并办理');
    expect(tracking.body).toContain(`href="/open-days/suggestions/${target.trackingCode}"`);
    expect(tracking.body).toContain(`合并后的建议 ${target.trackingCode} 的办理路径`);
    expect(tracking.body).toContain('转交');
    expect((await app.inject(`/api/v1/open-days/suggestions/${dup.trackingCode}`)).json()).toMatchObject({ status: 'merged', mergedInto: { trackingCode: target.trackingCode, status: 'routed' } });
    expect((await notices(dup.id)).map((n) => n.dedupeKey)).toEqual([`open-day-suggestion:${dup.id}:received`, `open-day-suggestion:${dup.id}:merged`, `open-day-suggestion:${dup.id}:routed`]);
  });

  it('splits a suggestion of several matters into parts with their lineage public; the submitter and merged followers hear of each part', async () => {
    const whole = await submit({ category: 'livelihood', content: `建议延长政务大厅午间服务时间，并在周边增设停车位${uid()}`, contact: 'whole@example.org', submitterName: '李华' });
    const dup = await submit({ contact: 'dup2@example.org' });
    const countOf = async () => Number((await db().selectFrom('openDaySuggestion').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    // Not before publication; not by a unit (which does not even see an unrouted suggestion).
    const early = await act(admin, whole.id, 'split', { category1: 'services', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '在政务大厅周边增设停车位' });
    expect(early.statusCode).toBe(409);
    await publish(whole.id);
    expect((await act(unitEditor, whole.id, 'split', { category1: 'services', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '在政务大厅周边增设停车位' })).statusCode).toBe(404);
    // Merge a duplicate into the whole before it is split: its submitter follows the parts.
    expect((await act(admin, dup.id, 'merge', { target: whole.trackingCode })).statusCode).toBe(303);

    // Bad forms name the part and write nothing.
    const before = await countOf();
    const one = await act(admin, whole.id, 'split', { category1: 'services', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '' });
    expect(one.statusCode).toBe(400);
    expect(one.body).toContain('id="content2-error"');
    expect(one.body).toContain('请至少填写两项事项');
    const bad = await act(admin, whole.id, 'split', { category1: '', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '短' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="category1-error"');
    expect(bad.body).toContain('id="content2-error"');
    expect(bad.body).toContain('第 1 项 · 建议类别');
    expect(bad.body).toContain('延长政务大厅午间服务时间');
    const en = await admin.post(`${page(whole.id)}/split?lang=en`, { category1: 'services', content1: '延长政务大厅午间服务时间' }, `${page(whole.id)}?lang=en`);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Fill in at least two parts');
    await admin.get(`${page(whole.id)}?lang=zh-CN`);
    expect(await countOf()).toBe(before);
    expect((await row(whole.trackingCode)).status).toBe('received');

    const ok = await act(admin, whole.id, 'split', { category1: 'services', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '在政务大厅周边增设停车位', category3: 'other', content3: '' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${page(whole.id)}?done=split`);
    expect(await countOf()).toBe(before + 2);
    const parent = await row(whole.trackingCode);
    expect(parent.status).toBe('split');
    const parts = await db().selectFrom('openDaySuggestion').selectAll().where('splitFromId', '=', whole.id).orderBy('id').execute();
    expect(parts.map((p) => [p.category, p.content, p.status])).toEqual([
      ['services', '延长政务大厅午间服务时间', 'received'],
      ['urban', '在政务大厅周边增设停车位', 'received'],
    ]);
    // Each part keeps the whole's campaign, submitter, contact and submission time.
    for (const p of parts) {
      expect(p).toMatchObject({ campaignId: parent.campaignId, submitterName: '李华', contact: 'whole@example.org', createdAt: parent.createdAt, source: parent.source });
    }
    const [p1, p2] = parts as [typeof parent, typeof parent];

    // The lineage is public both ways, on the pages and in the API.
    const wholePage = await anon.get(`/open-days/suggestions/${whole.trackingCode}`);
    expect(wholePage.body).toContain('已拆分为以下 2 条分别办理');
    expect(wholePage.body).toContain(`href="/open-days/suggestions/${p1.trackingCode}"`);
    expect(wholePage.body).toContain(`拆分为 ${p1.trackingCode}、${p2.trackingCode} 分别办理`);
    const partPage = await anon.get(`/open-days/suggestions/${p2.trackingCode}`);
    expect(partPage.statusCode).toBe(200);
    expect(partPage.body).toContain('在政务大厅周边增设停车位');
    expect(partPage.body).toContain(`由建议 ${whole.trackingCode} 拆分而来`);
    expect(partPage.body).toContain(`href="/open-days/suggestions/${whole.trackingCode}"`);
    expect(partPage.body).not.toContain('whole@example.org');
    expect((await app.inject(`/api/v1/open-days/suggestions/${whole.trackingCode}`)).json()).toMatchObject({
      status: 'split',
      splitFrom: null,
      splitInto: [
        { trackingCode: p1.trackingCode, status: 'received', category: 'services' },
        { trackingCode: p2.trackingCode, status: 'received', category: 'urban' },
      ],
    });
    expect((await app.inject(`/api/v1/open-days/suggestions/${p1.trackingCode}`)).json()).toMatchObject({ published: true, content: '延长政务大厅午间服务时间', splitFrom: { trackingCode: whole.trackingCode, status: 'split' }, splitInto: [] });
    const tracker = await anon.get(`/open-days/${campaign.slug}/suggestions?status=split`);
    expect(tracker.body).toContain(`#${whole.trackingCode}`);
    expect(tracker.body).toContain('有 1 条包含多项内容，拆分为 2 条分别办理');

    // A split suggestion is ended: no second split, no merging into it.
    expect((await act(admin, whole.id, 'split', { category1: 'services', content1: '延长政务大厅午间服务时间', category2: 'urban', content2: '在政务大厅周边增设停车位' })).statusCode).toBe(409);
    const other = await submit();
    await publish(other.id);
    const into = await act(admin, other.id, 'merge', { target: whole.trackingCode });
    expect(into.statusCode).toBe(400);
    expect(into.body).toContain('已拆分');

    // Each part goes its own way; the submitter hears of each, and so does the merged duplicate's.
    await route(p1.id, unit.id);
    await route(p2.id, otherUnit.id);
    expect((await row(p2.trackingCode)).departmentId).toBe(otherUnit.id);
    expect((await notices(whole.id)).map((n) => n.dedupeKey)).toEqual([`open-day-suggestion:${whole.id}:received`, `open-day-suggestion:${whole.id}:published`, `open-day-suggestion:${whole.id}:split`]);
    expect((await notices(whole.id))[2]!.body).toContain(`已拆分为 ${p1.trackingCode}、${p2.trackingCode}`);
    expect((await notices(p1.id)).map((n) => n.dedupeKey)).toEqual([`open-day-suggestion:${p1.id}:routed`]);
    expect((await notices(p2.id)).map((n) => n.dedupeKey)).toEqual([`open-day-suggestion:${p2.id}:routed`]);
    expect((await notices(dup.id)).map((n) => n.dedupeKey)).toEqual([
      `open-day-suggestion:${dup.id}:received`,
      `open-day-suggestion:${dup.id}:merged`,
      `open-day-suggestion:${dup.id}:split`,
      `open-day-suggestion:${dup.id}:${p1.id}:routed`,
      `open-day-suggestion:${dup.id}:${p2.id}:routed`,
    ]);

    // Staff writes are audited: the split on the whole, the creation of each part.
    const audit = await db().selectFrom('auditLog').select(['action', 'entityId']).where('entityType', '=', 'open_day_suggestion').where('entityId', 'in', [String(whole.id), String(p1.id), String(p2.id)]).orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['open_day_suggestion.publish', String(whole.id)],
      ['open_day_suggestion.split', String(whole.id)],
      ['open_day_suggestion.split_part', String(p1.id)],
      ['open_day_suggestion.split_part', String(p2.id)],
      ['open_day_suggestion.route', String(p1.id)],
      ['open_day_suggestion.route', String(p2.id)],
    ]);
    // The staff page shows the lineage both ways.
    expect((await admin.get(page(whole.id))).body).toContain(`href="/admin/open-days/suggestions/${p2.id}"`);
    expect((await admin.get(page(p1.id))).body).toContain(`href="/admin/open-days/suggestions/${whole.id}"`);
  });

  it('outcomes: not adopted needs a reason, converted needs a measure; one measure answers many', async () => {
    const a = await submit({ contact: '13900001111' });
    const b = await submit();
    for (const s of [a, b]) {
      await publish(s.id);
      await route(s.id);
      await answer(s.id);
    }
    const noReason = await act(unitEditor, a.id, 'outcome', { outcome: 'not_adopted', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('不予采纳时必须说明理由');
    const noMeasure = await act(unitEditor, a.id, 'outcome', { outcome: 'converted' });
    expect(noMeasure.statusCode).toBe(400);
    expect(noMeasure.body).toContain('id="measureId-error"');
    expect((await row(a.trackingCode)).status).toBe('answered');

    const title = `老旧小区垃圾分类设施改造${uid()}`;
    expect((await act(unitEditor, a.id, 'outcome', { outcome: 'converted', measureTitle: title, measureDescription: '配齐分类收集容器。', measureDueOn: '2027-06-30' })).statusCode).toBe(303);
    const ra = await row(a.trackingCode);
    expect(ra.status).toBe('converted');
    const measure = await db().selectFrom('openDayMeasure').selectAll().where('id', '=', ra.measureId!).executeTakeFirstOrThrow();
    expect(measure).toMatchObject({ title, ownerDepartmentId: unit.id, progress: 'planned', dueOn: '2027-06-30', campaignId: campaign.id });
    expect((await act(unitEditor, b.id, 'outcome', { outcome: 'partly_adopted', measureId: String(measure.id), reason: '先在两个街道试行。' })).statusCode).toBe(303);
    expect((await row(b.trackingCode)).measureId).toBe(measure.id);

    const mp = await anon.get(`/open-days/measures/${measure.id}`);
    expect(mp.statusCode).toBe(200);
    expect(mp.body).toContain(title);
    expect(mp.body).toContain('本措施回应的建议（2 条）');
    expect(mp.body).toContain(a.trackingCode);
    expect(mp.body).toContain(b.trackingCode);
    expect((await anon.get(`/open-days/suggestions/${b.trackingCode}`)).body).toContain('先在两个街道试行。');

    // The unit moves the measure on; submitters hear of it.
    const edit = await unitEditor.post(`/admin/open-days/measures/${measure.id}`, { campaignId: String(campaign.id), title, description: '配齐分类收集容器。', ownerDepartmentId: String(unit.id), owner: '', dueOn: '2027-06-30', progress: 'in_progress', progressNote: '已完成首批改造。' }, `/admin/open-days/measures/${measure.id}`);
    expect(edit.statusCode).toBe(303);
    expect((await anon.get(`/open-days/measures/${measure.id}`)).body).toContain('已完成首批改造。');
    expect((await outsider.post(`/admin/open-days/measures/${measure.id}`, { campaignId: String(campaign.id), title, progress: 'done' }, `/admin/open-days/measures`)).statusCode).toBe(403);
    expect((await notices(a.id)).map((n) => n.dedupeKey.split(':')[2])).toEqual(['received', 'published', 'routed', 'answered', 'converted', 'measure_in_progress']);

    const actions = await db().selectFrom('auditLog').select('action').where('entityType', '=', 'open_day_suggestion').where('entityId', '=', String(a.id)).orderBy('id').execute();
    expect(actions.map((x) => x.action)).toEqual(['open_day_suggestion.publish', 'open_day_suggestion.route', 'open_day_suggestion.answer', 'open_day_suggestion.outcome']);
  });

  it('the tracker counts by status, states the conversion formula, lists overdue answers per unit and filters', async () => {
    const c = await makeCampaign(t.db);
    const p = await makePoint(t.db, c.id);
    const ids: Array<{ id: number; trackingCode: string }> = [];
    for (let i = 0; i < 4; i++) {
      ids.push(await submit({ category: i < 2 ? 'business' : 'livelihood', content: `营商环境建议第${i}条${uid()}`, pointCode: i === 0 ? p.code : undefined }, c));
    }
    for (const s of ids.slice(0, 3)) {
      await publish(s.id);
      await route(s.id);
    }
    await answer(ids[0]!.id);
    expect((await act(unitEditor, ids[0]!.id, 'outcome', { outcome: 'explained', reason: '' })).statusCode).toBe(303);
    await answer(ids[1]!.id);
    // One routed suggestion is past its due day.
    await db().updateTable('openDaySuggestion').set({ dueOn: '2020-01-02' }).where('id', '=', ids[2]!.id).execute();

    const res = await anon.get(`/open-days/${c.slug}/suggestions`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('转化率 =（已转化为措施 + 部分采纳）÷ 已答复的建议');
    expect(res.body).toMatch(/<th scope="row">已收到<\/th><td>1<\/td>/);
    expect(res.body).toMatch(/<th scope="row">已分办<\/th><td>1<\/td>/);
    expect(res.body).toMatch(/<th scope="row">解释说明<\/th><td>1<\/td>/);
    expect(res.body).toContain('0.0%');
    // The overdue table: unit, routed 3, overdue 1.
    expect(res.body).toMatch(new RegExp(`<th scope="row">${'市城市管理委员会'}[^<]*</th><td>3</td><td>1</td>`));
    // The unpublished fourth one is counted but not listed.
    expect(res.body).not.toContain(ids[3]!.trackingCode);
    const filtered = await anon.get(`/open-days/${c.slug}/suggestions?point=${p.code}`);
    expect(filtered.body).toContain(ids[0]!.trackingCode);
    expect(filtered.body).not.toContain(ids[1]!.trackingCode);
    const byStatus = await anon.get(`/open-days/${c.slug}/suggestions?status=answered&category=business`);
    expect(byStatus.body).toContain(ids[1]!.trackingCode);
    expect(byStatus.body).not.toContain(ids[0]!.trackingCode);
    expect((await anon.get(`/open-days/${c.slug}/suggestions?status=bogus`)).statusCode).toBe(400);

    // The unit's queue puts the overdue one first, marked.
    const queue = await unitEditor.get(`/admin/open-days/suggestions?campaign=${c.id}`);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('已逾期');
    expect(queue.body.indexOf(ids[2]!.trackingCode)).toBeGreaterThan(-1);
    // The other unit sees none of them; the public never sees staff pages.
    expect((await outsider.get(`/admin/open-days/suggestions?campaign=${c.id}`)).body).not.toContain(ids[2]!.trackingCode);
    expect((await anon.get('/admin/open-days/suggestions')).statusCode).toBe(302);
    // The general office's moderation queue holds the unpublished one.
    expect((await admin.get(`/admin/open-days/suggestions?campaign=${c.id}&queue=moderation`)).body).toContain(ids[3]!.trackingCode);
  });

  it('draws each point’s QR code for staff', async () => {
    expect((await anon.get(`/admin/open-days/points/${point.code}/suggest-qr`)).statusCode).toBe(302);
    expect((await app.inject({ url: `/admin/open-days/points/${point.code}/suggest-qr.svg`, headers: { accept: 'application/json' } })).statusCode).toBe(401);
    const svg = await admin.get(`/admin/open-days/points/${point.code}/suggest-qr.svg`);
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]+viewBox/);
    const html = await admin.get(`/admin/open-days/points/${point.code}/suggest-qr`);
    expect(html.body).toContain(`/open-days/points/${point.code}/suggest`);
    expect(html.body).toContain('<svg');
  });

  it('loads the 2019 demo: 9,300 suggestions in bulk within 4 s, the path of each and about 40 measures', async () => {
    const c = await makeCampaign(t.db, { year: 2019, startsOn: '2019-10-22', endsOn: '2019-10-25', status: 'closed' });
    for (let i = 0; i < 176; i++) {
      await makePoint(t.db, c.id, { departmentId: i % 3 === 0 ? unit.id : null });
    }
    const deptIds = new Map([['urban', unit.id], ['gov-office', otherUnit.id]]);
    const started = Date.now();
    await db()
      .transaction()
      .execute((trx) => loadOpenDaySuggestionsDemo(trx, { actor: { userId: null, name: 'demo', ip: '127.0.0.1', requestId: 'demo' }, deptIds, users: new Map([['admin', { id: adminId, username: 'admin', displayName: 'admin', role: 'admin' as const, departmentIds: [] }]]) }));
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(4000);
    const counts = await db().selectFrom('openDaySuggestion').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('campaignId', '=', c.id).groupBy('status').execute();
    const by = Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]));
    expect(Object.values(by).reduce((x, y) => x + y, 0)).toBe(DEMO_SUGGESTIONS_2019);
    expect(by.routed).toBe(12);
    expect(by.explained).toBeGreaterThan(3000);
    const measures = await db().selectFrom('openDayMeasure').select((eb) => eb.fn.countAll<number>().as('n')).where('campaignId', '=', c.id).executeTakeFirstOrThrow();
    expect(Number(measures.n)).toBe(40);
    // No outbox for history.
    const demoNotices = await db().selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('dedupeKey', 'like', 'open-day-suggestion:%').executeTakeFirstOrThrow();
    expect(Number(demoNotices.n)).toBeLessThan(30);
    const tracker = await anon.get(`/open-days/${c.slug}/suggestions`);
    expect(tracker.statusCode).toBe(200);
    expect(tracker.body).toContain('共收到建议 9300 条');
  });
});
