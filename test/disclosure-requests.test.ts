import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeColumn, makeDepartment, makeUser } from './helpers/factories.js';
import { applicationFields, creditCode } from './helpers/disclosure-requests.js';
import { computeClock } from '../src/modules/disclosure-requests/disclosure-requests.clock.js';
import { closeLapsed, sendReminders } from '../src/modules/disclosure-requests/disclosure-requests.jobs.js';
import { submitOnline } from '../src/modules/disclosure-requests/disclosure-requests.service.js';

describe(`disclosure requests over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let agency: { id: number };
  let editor: Browser;
  let reviewer: Browser;
  let outsider: Browser;
  const db = () => t.db.kysely;
  const byNumber = (n: string) => db().selectFrom('disclosureRequest').selectAll().where('trackingNumber', '=', n).executeTakeFirstOrThrow();

  /** Applies as an anonymous visitor; returns the number, key and case URL from the redirect. */
  const apply = async (over: Record<string, string> = {}) => {
    const anon = new Browser(app);
    const res = await anon.post('/disclosure-requests/apply', applicationFields(agency.id, over));
    expect(res.statusCode).toBe(303);
    const m = /\/disclosure-requests\/track\/(YS[0-9A-Z]+)\?key=([^&]+)/.exec(String(res.headers.location));
    expect(m).not.toBeNull();
    // The tests replay past dates: the application was sent before any of them.
    await db().updateTable('disclosureRequest').set({ submittedAt: '2026-10-01T00:00:00.000Z' }).where('trackingNumber', '=', m![1]!).execute();
    return { anon, number: m![1]!, key: decodeURIComponent(m![2]!), url: `/disclosure-requests/track/${m![1]!}?key=${m![2]!}` };
  };
  const act = async (b: Browser, id: number, step: string, fields: Record<string, string>) => b.post(`/admin/disclosure-requests/${id}/${step}`, fields, `/admin/disclosure-requests/${id}`);

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    agency = await makeDepartment(t.db, { nameZh: '龙沙区房屋征收办公室' });
    const other = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [agency.id]);
    const r = await makeUser(t.db, 'reviewer', [agency.id], { displayName: '王主任' });
    const o = await makeUser(t.db, 'editor', [other.id]);
    editor = new Browser(app);
    reviewer = new Browser(app);
    outsider = new Browser(app);
    await editor.login(e.username, e.password);
    await reviewer.login(r.username, r.password);
    await outsider.login(o.username, o.password);
  });
  afterAll(async () => stopTestApp(t, app));

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await db().selectFrom('disclosureRequest').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await new Browser(app).post('/disclosure-requests/apply', applicationFields(agency.id, { idNumber: '230202198001010000', applicantCategory: 'business', organisationName: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('统一社会信用代码不正确');
    expect(res.body).toContain('法人或其他组织申请须填写组织名称');
    const after = await db().selectFrom('disclosureRequest').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const ok = await apply({ applicantCategory: 'business', idNumber: creditCode(7), organisationName: '龙沙某商贸有限公司' });
    expect((await byNumber(ok.number)).applicantCategory).toBe('business');
  });

  it('applies → confirms → corrects → extends → replies with a file → the applicant downloads the letter', async () => {
    const { anon, number, key, url } = await apply();
    const row = await byNumber(number);
    expect(row.secretHash).not.toContain(key);
    expect(row.receivedOn).toBeNull();
    const page = await anon.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('以机关确认之日为收到申请之日');

    expect((await act(editor, row.id, 'confirm', { confirmedOn: '2026-11-03' })).statusCode).toBe(303);
    expect((await byNumber(number)).dueOn).toBe('2026-12-01');
    // Only once, and only within 7 working days of receipt.
    const late = await act(editor, row.id, 'correction', { requestedOn: '2026-11-20', note: '请写明项目名称' });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('7个工作日内');
    expect((await act(editor, row.id, 'correction', { requestedOn: '2026-11-05', note: '请写明所需信息对应的项目名称和地块' })).statusCode).toBe(303);
    expect((await byNumber(number)).state).toBe('awaiting_correction');
    expect((await act(editor, row.id, 'corrected', { correctedOn: '2026-11-12' })).statusCode).toBe(303);
    expect((await byNumber(number)).dueOn).toBe('2026-12-10');

    // The extension needs the head of the disclosure office (a reviewer), not an editor.
    expect((await act(editor, row.id, 'extend', { days: '20', reason: '需要调取档案', approvedOn: '2026-12-01' })).statusCode).toBe(403);
    expect((await act(reviewer, row.id, 'extend', { days: '20', reason: '需要调取档案', approvedOn: '2026-12-01' })).statusCode).toBe(303);
    const extended = await byNumber(number);
    const expected = computeClock({ receivedOn: '2026-11-03', correction: { requestedOn: '2026-11-05', arrivedOn: '2026-11-12' }, extension: { days: 20, approvedOn: '2026-12-01', approver: '王主任' } }).dueOn;
    expect(extended.state).toBe('extended');
    expect(extended.dueOn).toBe(expected);
    const second = await act(reviewer, row.id, 'extend', { days: '5', reason: '再延', approvedOn: '2026-12-02' });
    expect(second.statusCode).toBe(409);

    const casePage = await anon.get(url);
    expect(casePage.body).toContain('暂停 补正 2026-11-05 至 2026-11-12（5个工作日）');
    expect(casePage.body).toContain(`延期 +20 个工作日，经 王主任 于 2026-12-01 批准 → ${expected}`);

    const reply = await act(editor, row.id, 'reply', { replyType: 'disclose', outcome: 'disclosed', outcomeReason: '', text: '经审查，您申请的信息予以公开，见附件。', place: '', repliedOn: '2026-12-15' });
    expect(reply.statusCode).toBe(303);
    const csrf = await editor.csrfFrom(`/admin/disclosure-requests/${row.id}`);
    const boundary = '----gongkai';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="补偿标准.txt"\r\nContent-Type: text/plain\r\n\r\n城南片区补偿标准：每平方米 4200 元\r\n--${boundary}--\r\n`;
    const up = await app.inject({ method: 'POST', url: `/admin/disclosure-requests/${row.id}/attachments?_csrf=${encodeURIComponent(csrf)}`, headers: { cookie: [...editor.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect(up.statusCode).toBe(303);

    const letter = await anon.get(`/disclosure-requests/track/${number}/letter?key=${encodeURIComponent(key)}`);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('政府信息公开申请答复书');
    expect(letter.body).toContain('经审查，您申请的信息予以公开');
    const files = await db().selectFrom('disclosureAttachment').select('fileId').where('requestId', '=', row.id).execute();
    const file = await anon.get(`/disclosure-requests/track/${number}/files/${files[0]!.fileId}?key=${encodeURIComponent(key)}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('4200');

    const api = await app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${number}?key=${encodeURIComponent(key)}` });
    expect(api.statusCode).toBe(200);
    const json = api.json<{ state: string; deadlineSteps: string[]; outcome: string }>();
    expect(json).toMatchObject({ state: 'answered', outcome: 'disclosed' });
    expect(json.deadlineSteps.at(-1)).toBe(`截止 ${expected}`);
    expect(JSON.stringify(json)).not.toContain('230202');

    const notices = await db().selectFrom('notification').select('dedupeKey').where('recipientKind', '=', 'disclosure-request').where('recipientKey', '=', String(row.id)).execute();
    expect(notices.map((n) => n.dedupeKey.split(':')[2])).toEqual(expect.arrayContaining(['received', 'confirmed', 'awaiting_correction', 'pending', 'extended', 'answered']));
    const audit = await db().selectFrom('auditLog').select('action').where('entityType', '=', 'disclosure_request').where('entityId', '=', String(row.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['disclosure_request.confirm_receipt', 'disclosure_request.extend', 'disclosure_request.reply', 'disclosure_request.attach']));
  });

  it('one applicant cannot read another applicant’s case, nor can staff of another agency', async () => {
    const a = await apply();
    const b = await apply();
    expect((await a.anon.get(`/disclosure-requests/track/${b.number}`)).statusCode).toBe(404);
    expect((await a.anon.get(`/disclosure-requests/track/${b.number}?key=${encodeURIComponent(a.key)}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${b.number}?key=${encodeURIComponent(a.key)}` })).statusCode).toBe(404);
    const row = await byNumber(b.number);
    expect((await outsider.get(`/admin/disclosure-requests/${row.id}`)).statusCode).toBe(403);
    expect((await outsider.get(`/disclosure-requests/track/${b.number}`)).statusCode).toBe(404);
  });

  it('charges by page with the bands, and withdraws a case whose correction lapsed', async () => {
    const { number } = await apply();
    const row = await byNumber(number);
    await act(editor, row.id, 'confirm', { confirmedOn: '2026-11-02' });
    expect((await act(editor, row.id, 'fee', { mode: 'by_page', pages: '150', issuedOn: '2026-11-04' })).statusCode).toBe(303);
    expect((await byNumber(number)).feeAmount).toBe(1700);
    expect((await act(editor, row.id, 'reply', { replyType: 'disclose', outcome: 'disclosed', text: '予以公开', repliedOn: '2026-11-10' })).statusCode).toBe(409);
    await act(editor, row.id, 'payment', { paidOn: '2026-11-06' });

    const lapsing = await apply();
    const l = await byNumber(lapsing.number);
    await act(editor, l.id, 'confirm', { confirmedOn: '2026-10-12' });
    await act(editor, l.id, 'correction', { requestedOn: '2026-10-13', note: '请补充身份证明' });
    expect(await closeLapsed(db(), '2026-11-20')).toBeGreaterThanOrEqual(1);
    const closed = await byNumber(lapsing.number);
    expect(closed).toMatchObject({ state: 'withdrawn', outcome: 'other', outcomeReason: 'overdue_correction', closedOn: '2026-11-20' });
  });

  it('reminds the agency of due cases once, however often the job runs', async () => {
    await db().insertInto('user').values({ username: `mail-${Date.now()}`, displayName: '经办人', passwordHash: 'x', role: 'editor', email: 'handler@example.cn', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }).execute();
    const u = await db().selectFrom('user').select('id').where('email', '=', 'handler@example.cn').executeTakeFirstOrThrow();
    await db().insertInto('userDepartment').values({ userId: u.id, departmentId: agency.id }).execute();
    const { number } = await apply();
    const row = await byNumber(number);
    await act(editor, row.id, 'confirm', { confirmedOn: '2026-11-03' });
    const first = await sendReminders(db(), '2026-12-02');
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await sendReminders(db(), '2026-12-02')).toBe(0);
    const home = await editor.get('/admin/disclosure-requests');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(number);
  });

  it('builds the annual report from the cases, with the check', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/annual-report/2026?department=${agency.id}` });
    expect(res.statusCode).toBe(200);
    const r = res.json<{ applications: { received: Record<string, number>; carriedOut: Record<string, number>; outcomeTotal: Record<string, number>; consistent: boolean; outcomes: Array<{ outcome: string; reason: string | null; counts: Record<string, number> }> } }>();
    const cases = await db().selectFrom('disclosureRequest').selectAll().where('departmentId', '=', agency.id).where('receivedOn', 'is not', null).execute();
    expect(r.applications.received.total).toBe(cases.filter((c) => c.receivedOn!.startsWith('2026')).length);
    expect(r.applications.outcomeTotal.total).toBe(cases.filter((c) => c.closedOn !== null).length);
    expect(r.applications.carriedOut.total).toBe(cases.filter((c) => c.closedOn === null).length);
    expect(r.applications.outcomes.find((o) => o.reason === 'overdue_correction')?.counts.natural_person).toBe(1);
    expect(r.applications.consistent).toBe(true);
    const html = await new Browser(app).get(`/disclosure-requests/annual-report/2026?department=${agency.id}`);
    expect(html.body).toContain('核对：本年新收 + 上年结转 = 办理结果总计 + 结转下年度');
    expect(html.body).toContain('一致');
    const csv = await new Browser(app).get(`/disclosure-requests/annual-report/2026.csv?department=${agency.id}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('逾期不补正');
  });

  it('groups similar requests and publishes them into a portal column in one step, notifying the requesters', async () => {
    const office = await makeDepartment(t.db, { nameZh: '城南征收指挥部' });
    const a = await makeUser(t.db, 'admin');
    const admin = new Browser(app);
    await admin.login(a.username, a.password);
    const column = await makeColumn(t.db);
    const texts = ['城南片区房屋征收补偿标准', '城南片区征收补偿标准和安置方案', '请公开城南片区房屋征收的补偿标准', '城南片区房屋征收补偿标准文件', '城南片区征收补偿标准是多少'];
    const made = [];
    for (const infoName of texts) {
      const fields = applicationFields(office.id, { infoName, infoDescription: '' });
      made.push(await db().transaction().execute((trx) => submitOnline(trx, null, { ...fields, departmentId: office.id, infoDescription: undefined, infoDocNumber: undefined } as never)));
    }
    const page = await admin.get('/admin/disclosure-requests/topics');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('（5）');
    expect(page.body).toContain('<svg');
    const ids = made.map((m) => String(m.id));
    const res = await admin.post('/admin/disclosure-requests/topics', { departmentId: String(office.id), requestIds: ids, title: '城南片区房屋征收补偿标准', body: '补偿标准：每平方米 4200 元。', columnId: String(column.id) }, '/admin/disclosure-requests/topics');
    expect(res.statusCode).toBe(303);
    const topic = await db().selectFrom('disclosureTopic').selectAll().where('departmentId', '=', office.id).executeTakeFirstOrThrow();
    expect(topic.publishedOn).not.toBeNull();
    expect((await new Browser(app).get(`/articles/${topic.articleId}`)).statusCode).toBe(200);
    const notices = await db().selectFrom('notification').select('recipientKey').where('recipientKind', '=', 'disclosure-request').where('dedupeKey', 'like', '%:published:%').execute();
    expect(new Set(notices.map((n) => n.recipientKey))).toEqual(new Set(ids));
    // Staff of another agency cannot publish this agency's requests.
    const again = await outsider.post('/admin/disclosure-requests/topics', { departmentId: String(office.id), requestIds: ids, title: 'x', body: 'y', columnId: String(column.id) }, '/admin/disclosure-requests/topics');
    expect(again.statusCode).toBe(403);
  });
});
