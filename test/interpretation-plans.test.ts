import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { apiToken, Browser, buildTestApp, testConfig } from './helpers/app.js';
import { createTestDb } from './helpers/db.js';
import { makeDepartment, makeUser, POLICY_CARD_FIELDS } from './helpers/factories.js';
import { interpretationPlanJobs, REMINDER_QUEUE, sendDueReminders } from '../src/modules/interpretation-plans/index.js';
import { createMailer } from '../src/platform/mail/index.js';
import { enqueue } from '../src/platform/jobs/index.js';
import { addWorkingDays } from '../src/platform/calendar/index.js';
import { nowIso, todayInChina } from '../src/platform/clock.js';

const uid = () => crypto.randomBytes(4).toString('hex');
const BODY = ['为推进旧厂房改造，制定本意见。', '第一条 为促进高质量发展，制定本意见。', '第二条 本意见适用于本市行政区域。'].join('\n');

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes the subject (RFC 2047 base64 words) and the base64 text body of a message nodemailer sent. */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const subjectLine = /^Subject: (.*(?:\r\n .*)*)/m.exec(head)?.[1] ?? '';
  const words = [...subjectLine.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((m) => Buffer.from(m[1]!, 'base64'));
  const subject = words.length ? Buffer.concat(words).toString('utf8') : subjectLine;
  const text = /Content-Transfer-Encoding: base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { subject, text };
}

describe(`interpretation plans and assessment over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let smtp: SMTPServer;
  const inbox: Received[] = [];
  let deptA: { id: number };
  let deptB: { id: number };
  let deptC: { id: number; code: string };
  let editorA: Browser;
  let reviewerA: Browser;
  let editorB: Browser;
  let admin: Browser;
  let adminToken: string;
  let editorEmail: string;
  const today = todayInChina();

  const policyFields = (departmentId: number, over: Record<string, string> = {}) => ({
    indexNo: `11442000/2025-${uid()}`,
    title: `解读考核测试政策${uid()}`,
    docNumber: `中府〔2025〕${Math.floor(Math.random() * 900) + 10}号`,
    issuingOrgan: '中山市人民政府',
    departmentId: String(departmentId),
    theme: '城乡建设、环境保护',
    keywords: '测试',
    serviceObject: '企业',
    writtenOn: '2025-02-20',
    publishedOn: '2025-03-03',
    effectiveOn: '',
    validity: 'valid',
    validityEndedOn: '',
    replacesId: '',
    summary: '要点一',
    body: BODY,
    category: 'normative',
    ...POLICY_CARD_FIELDS,
    ...over,
  });

  /** Files and publishes a policy through the policy library's own forms (as the general office). */
  async function publishPolicy(departmentId: number, over: Record<string, string> = {}): Promise<number> {
    const res = await admin.post('/admin/policies/new', policyFields(departmentId, over), '/admin/policies/new');
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const id = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    expect((await admin.post(`/admin/policies/${id}/submit`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    expect((await admin.post(`/admin/policies/${id}/publish`, {}, `/admin/policies/${id}`)).statusCode).toBe(303);
    return id;
  }

  /** Test-only shortcut: a published interpretation, inserted straight into the interpretations table. */
  async function interpret(policyId: number, departmentId: number, publishedOn: string): Promise<void> {
    const now = nowIso();
    await t.db.kysely
      .insertInto('interpretation')
      .values({ policyId, departmentId, form: 'full', title: '解读', body: '<p>解读</p>', mediaUrl: '', transcript: '', interpreterName: '张三', interpreterPost: '科长', status: 'published', reviewNote: '', authorId: null, reviewerId: null, publishedOn, createdAt: now, updatedAt: now })
      .execute();
  }

  const entry = (departmentId: number, over: Record<string, string | string[]> = {}) => ({
    year: '2026',
    departmentId: String(departmentId),
    policyId: '',
    plannedTitle: `关于促进消费的若干措施${uid()}`,
    expectedOn: '2026-12-20',
    forms: ['full', 'qa'],
    channels: ['portal', 'new_media'],
    interpreterName: '李四',
    interpreterPost: '副局长',
    outline: '一、背景\n二、主要内容',
    ...over,
  });

  async function createEntry(b: Browser, departmentId: number, over: Record<string, string | string[]> = {}): Promise<number> {
    const res = await b.post('/admin/interpretation-plans/new', entry(departmentId, over));
    expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
    return Number(/interpretation-plans\/(\d+)/.exec(res.headers.location as string)![1]);
  }

  const auditOf = (entityId: number | string, action: string) =>
    t.db.kysely.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', String(entityId)).where('action', '=', action).execute();

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), ...decodeMail(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    t = await createTestDb();
    const jobs = interpretationPlanJobs({ db: t.db.kysely, config: testConfig({ smtpUrl, publicUrl: 'http://portal.test' }) });
    app = await buildTestApp(t.db, { smtpUrl, publicUrl: 'http://portal.test' }, { extraJobHandlers: jobs.handlers });
    deptA = await makeDepartment(t.db);
    deptB = await makeDepartment(t.db);
    deptC = await makeDepartment(t.db, { nameZh: `考核部门${uid()}` });
    const ea = await makeUser(t.db, 'editor', [deptA.id]);
    editorEmail = `${ea.username}@dept-a.example.gov.cn`;
    await t.db.kysely.updateTable('user').set({ email: editorEmail }).where('id', '=', ea.id).execute();
    const ra = await makeUser(t.db, 'reviewer', [deptA.id]);
    const eb = await makeUser(t.db, 'editor', [deptB.id]);
    const ad = await makeUser(t.db, 'admin');
    editorA = new Browser(app);
    reviewerA = new Browser(app);
    editorB = new Browser(app);
    admin = new Browser(app);
    await editorA.login(ea.username, ea.password);
    await reviewerA.login(ra.username, ra.password);
    await editorB.login(eb.username, eb.password);
    await admin.login(ad.username, ad.password);
    adminToken = await apiToken(app, ad.username, ad.password);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('an editor files a plan entry for their department; every write is audited', async () => {
    const id = await createEntry(editorA, deptA.id);
    const page = await editorA.get(`/admin/interpretation-plans/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('草稿');
    expect((await editorA.post(`/admin/interpretation-plans/${id}/file`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
    const row = await t.db.kysely.selectFrom('interpretationPlanEntry').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'filed', filedOn: today, forms: 'full,qa', channels: 'portal,new_media', departmentId: deptA.id });
    // The general office sends it back with a note; the editor changes it and files it again.
    expect((await admin.post(`/admin/interpretation-plans/${id}/return`, { note: '请补充解读提纲' }, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
    const back = await editorA.get(`/admin/interpretation-plans/${id}`);
    expect(back.body).toContain('请补充解读提纲');
    expect((await editorA.post(`/admin/interpretation-plans/${id}`, entry(deptA.id, { interpreterName: '王五' }))).statusCode).toBe(303);
    expect((await editorA.post(`/admin/interpretation-plans/${id}/file`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
    for (const action of ['create', 'file', 'return', 'update']) {
      expect((await auditOf(id, `interpretation_plan.${action}`)).length, action).toBeGreaterThan(0);
    }
    // Only the general office sends back.
    expect((await editorA.post(`/admin/interpretation-plans/${id}/return`, { note: 'x' }, `/admin/interpretation-plans/${id}`)).statusCode).toBe(403);
  });

  it('bad input is shown beside each field and nothing is written', async () => {
    const before = await t.db.kysely.selectFrom('interpretationPlanEntry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await editorA.post('/admin/interpretation-plans/new', entry(deptA.id, { plannedTitle: '', interpreterName: '', forms: [], expectedOn: '2027-02-30' }));
    expect(res.statusCode).toBe(400);
    for (const f of ['plannedTitle', 'interpreterName', 'forms', 'expectedOn']) {
      expect(res.body, f).toContain(`id="${f}-error"`);
    }
    expect(res.body).toContain('请填写已有政策编号或计划名称');
    expect(res.body).toContain('value="副局长"');
    const after = await t.db.kysely.selectFrom('interpretationPlanEntry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const api = await app.inject({ method: 'POST', url: '/api/v1/interpretation-plans', headers: { authorization: `Bearer ${adminToken}` }, payload: { year: 2026, departmentId: deptA.id, expectedOn: '2026-12-01', forms: ['nope'], channels: ['portal'], interpreterName: '甲', interpreterPost: '乙' } });
    expect(api.statusCode).toBe(400);
    expect(JSON.stringify(api.json())).toContain('forms');
  });

  it('departments see and edit only their own plans', async () => {
    const id = await createEntry(editorA, deptA.id, { plannedTitle: '只属于甲部门的计划' });
    expect((await editorB.get(`/admin/interpretation-plans/${id}`)).statusCode).toBe(403);
    expect((await editorB.post('/admin/interpretation-plans/new', entry(deptA.id))).statusCode).toBe(403);
    expect((await editorB.get('/admin/interpretation-plans?year=2026')).body).not.toContain('只属于甲部门的计划');
    expect((await reviewerA.get('/admin/interpretation-plans?year=2026')).body).toContain('只属于甲部门的计划');
    expect((await reviewerA.post(`/admin/interpretation-plans/${id}/file`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(403);
    expect((await admin.get('/admin/interpretation-plans?year=2026')).body).toContain('只属于甲部门的计划');
    const dashboard = await reviewerA.get('/admin');
    expect(dashboard.body).toContain('href="/admin/interpretation-plans"');
    expect(dashboard.body).toContain('href="/admin/assessment"');
    const anon = await new Browser(app).get('/admin/interpretation-plans');
    expect(anon.statusCode).toBe(302);
    expect(anon.headers.location).toContain('/login');
  });

  describe('with a constructed set of published policies', () => {
    const ids = {} as Record<'withPolicy' | 'inTime' | 'late' | 'missing' | 'notice' | 'pending' | 'otherDept', number>;
    beforeAll(async () => {
      // Policies published on Monday 2025-03-03: the deadline (3 working days) is Thursday 2025-03-06.
      ids.withPolicy = await publishPolicy(deptC.id);
      ids.inTime = await publishPolicy(deptC.id);
      ids.late = await publishPolicy(deptC.id);
      ids.missing = await publishPolicy(deptC.id);
      ids.notice = await publishPolicy(deptC.id, { category: 'notice' });
      ids.pending = await publishPolicy(deptC.id, { publishedOn: today, writtenOn: '2026-01-05', title: `今天发布的政策${uid()}` });
      ids.otherDept = await publishPolicy(deptB.id);
      await interpret(ids.withPolicy, deptC.id, '2025-03-03');
      await interpret(ids.inTime, deptC.id, '2025-03-06');
      await interpret(ids.late, deptC.id, '2025-03-10');
      await interpret(ids.late, deptC.id, '2025-03-12');
    });

    it('the timetable computes each entry status and counts them', async () => {
      const inTime = await createEntry(admin, deptC.id, { year: '2025', expectedOn: '2025-02-15', policyId: String(ids.inTime), plannedTitle: '' });
      const late = await createEntry(admin, deptC.id, { year: '2025', expectedOn: '2025-03-01', policyId: String(ids.late), plannedTitle: '' });
      const missing = await createEntry(admin, deptC.id, { year: '2025', expectedOn: '2025-06-30', plannedTitle: '从未起草的政策' });
      const planned = await createEntry(admin, deptC.id, { year: '2025', expectedOn: '2025-12-31', policyId: String(ids.missing), plannedTitle: '' });
      const res = await app.inject({ url: `/api/v1/interpretation-plans?year=2025&departmentId=${deptC.id}`, headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ counts: Record<string, number>; items: Array<{ id: number; status: string; due: string }> }>();
      const status = new Map(body.items.map((i) => [i.id, i.status]));
      expect(status.get(inTime)).toBe('in_time');
      expect(status.get(late)).toBe('late');
      expect(status.get(missing)).toBe('missing');
      // Linked to a policy published 2025-03-03 with no interpretation: due that day, long missing.
      expect(status.get(planned)).toBe('missing');
      expect(body.items.find((i) => i.id === planned)!.due).toBe('2025-03-03');
      expect(body.counts).toEqual({ planned: 0, in_time: 1, late: 1, missing: 2 });
      const page = await admin.get(`/admin/interpretation-plans?year=2025&departmentId=${deptC.id}&status=late`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('逾期发布');
      expect(page.body).not.toContain('从未起草的政策');
      const csv = await admin.get(`/admin/interpretation-plans.csv?year=2025&departmentId=${deptC.id}`);
      expect(csv.body.startsWith('\uFEFF')).toBe(true);
      expect(csv.body).toContain('从未起草的政策');
    });

    it('a planned title is linked to the real policy later; a policy of another department is refused', async () => {
      const id = await createEntry(admin, deptC.id, { year: '2025', expectedOn: '2025-03-01', plannedTitle: '计划中的政策' });
      const bad = await admin.post(`/admin/interpretation-plans/${id}/link`, { linkPolicyId: String(ids.otherDept) }, `/admin/interpretation-plans/${id}`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="linkPolicyId-error"');
      expect((await admin.post(`/admin/interpretation-plans/${id}/link`, { linkPolicyId: String(ids.withPolicy) }, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
      const row = await t.db.kysely.selectFrom('interpretationPlanEntry').select(['policyId', 'plannedTitle']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(row).toEqual({ policyId: ids.withPolicy, plannedTitle: '' });
      expect(await auditOf(id, 'interpretation_plan.link')).toHaveLength(1);
    });

    it('assesses each policy and scores the department', async () => {
      const res = await app.inject({ url: `/api/v1/assessment?from=2025-01-01&to=2025-12-31&departmentId=${deptC.id}`, headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.statusCode).toBe(200);
      const a = res.json<{ allowedWorkingDays: number; departments: Array<Record<string, unknown>>; policies: Array<{ policyId: number; verdict: string; deadline: string; lateBy: number }> }>();
      expect(a.allowedWorkingDays).toBe(3);
      expect(a.departments).toEqual([expect.objectContaining({ departmentId: deptC.id, total: 4, with_policy: 1, in_time: 1, late: 1, missing: 1, pending: 0, score: 50 })]);
      const v = new Map(a.policies.map((p) => [p.policyId, p]));
      expect(v.get(ids.late)).toMatchObject({ verdict: 'late', deadline: '2025-03-06', lateBy: 2 });
      expect(v.has(ids.notice)).toBe(false);
      const now = await app.inject({ url: `/api/v1/assessment?from=${today}&to=${today}&departmentId=${deptC.id}`, headers: { authorization: `Bearer ${adminToken}` } });
      expect(now.json<{ departments: Array<Record<string, unknown>> }>().departments).toEqual([expect.objectContaining({ total: 1, pending: 1, score: null })]);
      // Department staff see only their departments; the public nothing.
      const mine = await editorB.get('/admin/assessment?from=2025-01-01&to=2025-12-31');
      expect(mine.statusCode).toBe(200);
      expect(mine.body).not.toContain(`考核部门`);
      expect((await app.inject('/api/v1/assessment')).statusCode).toBe(401);
    });

    it('shows charts with text alternatives, tables, and refuses a backwards period', async () => {
      const res = await admin.get(`/admin/assessment?from=2025-01-01&to=2025-12-31&departmentId=${deptC.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<svg');
      expect(res.body).not.toMatch(/<svg[^]*style="/);
      expect(res.body).toMatch(/role="img" aria-label="各部门解读情况：[^"]*同步发布 1/);
      expect(res.body).toContain('逾期 2 个工作日');
      expect(res.body).toContain('50');
      expect(res.body).toContain('2025-01-01 – 2025-12-31');
      const bad = await admin.get('/admin/assessment?from=2025-12-01&to=2025-01-01');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="to-error"');
    });

    it('exports CSV with a BOM and XLSX that reads back', async () => {
      const q = `from=2025-01-01&to=2025-12-31&departmentId=${deptC.id}`;
      const csv = await admin.get(`/admin/assessment.csv?${q}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.startsWith('\uFEFF考核期间,2025-01-01,2025-12-31')).toBe(true);
      const deptName = (await t.db.kysely.selectFrom('department').select('nameZh').where('id', '=', deptC.id).executeTakeFirstOrThrow()).nameZh;
      expect(csv.body).toContain(`${deptName},4,1,1,1,1,0,50\r\n`);
      const xlsx = await app.inject({ url: `/admin/assessment.xlsx?${q}`, headers: { authorization: `Bearer ${adminToken}` } });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['各部门得分', '逾期解读', '未解读', '全部政策']);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getRow(2).values).toEqual([undefined, deptName, 4, 1, 1, 1, 1, 0, 50]);
      expect(wb.worksheets[1]!.rowCount).toBe(2);
    });

    it('the allowed working days are the general office’s to change, audited', async () => {
      expect((await editorA.post('/admin/assessment/settings', { allowedWorkingDays: '5' }, '/admin/assessment')).statusCode).toBe(403);
      const bad = await admin.post('/admin/assessment/settings', { allowedWorkingDays: '99' }, '/admin/assessment');
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('id="allowedWorkingDays-error"');
      expect((await admin.post('/admin/assessment/settings', { allowedWorkingDays: '5' }, '/admin/assessment')).statusCode).toBe(303);
      const audit = await auditOf('interpretation.allowedWorkingDays', 'interpretation_assessment.allowed_days');
      expect(audit).toHaveLength(1);
      const a = await app.inject({ url: `/api/v1/assessment?from=2025-01-01&to=2025-12-31&departmentId=${deptC.id}`, headers: { authorization: `Bearer ${adminToken}` } });
      expect(a.json<{ departments: Array<{ score: number }> }>().departments[0]!.score).toBe(75);
      expect((await app.inject({ method: 'PUT', url: '/api/v1/assessment/settings', headers: { authorization: `Bearer ${adminToken}` }, payload: { allowedWorkingDays: 3 } })).statusCode).toBe(200);
    });
  });

  it('the reminder job mails the department editors once per entry and due date', async () => {
    const due = addWorkingDays(today, 2);
    const id = await createEntry(editorA, deptA.id, { year: due.slice(0, 4), expectedOn: due, plannedTitle: '即将到期的解读计划' });
    expect((await editorA.post(`/admin/interpretation-plans/${id}/file`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
    const mine = () => inbox.filter((m) => m.to.includes(editorEmail) && m.text.includes(`http://portal.test/admin/interpretation-plans/${id}`));
    for (let run = 0; run < 2; run++) {
      await enqueue(t.db.kysely, REMINDER_QUEUE, { run }, { idempotencyKey: `test-run-${id}-${run}` });
      await app.worker.runOnce();
    }
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.subject).toBe(`【解读计划提醒】《即将到期的解读计划》的解读将于 ${due} 到期`);
    expect(mine()[0]!.text).toContain('解读人：李四（副局长）');
    const reminders = await t.db.kysely.selectFrom('interpretationPlanReminder').selectAll().where('entryId', '=', id).execute();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ dueOn: due, outcome: 'sent', recipients: editorEmail });
    const page = await editorA.get(`/admin/interpretation-plans?year=${due.slice(0, 4)}`);
    expect(page.body).toContain(`已发送 (${due})`);

    // The general office's button sends another one at once, audited.
    const res = await admin.post(`/admin/interpretation-plans/${id}/remind`, {}, `/admin/interpretation-plans/${id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('outcome=sent');
    expect(mine()).toHaveLength(2);
    expect(await auditOf(id, 'interpretation_plan.remind')).toHaveLength(1);
    expect((await editorA.post(`/admin/interpretation-plans/${id}/remind`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(403);
  });

  it('without SMTP the reminder is recorded as not sent and shown on the timetable', async () => {
    const due = addWorkingDays(today, 1);
    const id = await createEntry(editorA, deptA.id, { year: due.slice(0, 4), expectedOn: due, plannedTitle: '邮件未启用时的计划' });
    expect((await editorA.post(`/admin/interpretation-plans/${id}/file`, {}, `/admin/interpretation-plans/${id}`)).statusCode).toBe(303);
    const r = await sendDueReminders(t.db.kysely, createMailer({}), { baseUrl: 'http://portal.test', today });
    expect(r.outcomes).toContain('mail_disabled');
    const page = await editorA.get(`/admin/interpretation-plans?year=${due.slice(0, 4)}`);
    expect(page.body).toContain(`未发送：邮件未启用 (${due})`);
  });
});
