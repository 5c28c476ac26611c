import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { Browser, startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';

const uid = () => crypto.randomBytes(4).toString('hex');
/** A Beijing wall-clock time some hours from now, as the form takes it. */
const local = (hoursFromNow: number) => new Date(Date.now() + (hoursFromNow + 8) * 3600_000).toISOString().slice(0, 16);

describe(`online dialogues over HTTP (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let dept: { id: number; code: string };
  let other: { id: number; code: string };
  let editor: Browser;
  let reviewer: Browser;
  let outsider: Browser;
  let anon: Browser;
  let policy: { id: number; indexNo: string; title: string };

  const fields = (over: Record<string, string> = {}) => ({
    departmentId: String(dept.id),
    topic: `聚焦旧厂房改造${uid()}`,
    description: '围绕旧厂房改造政策与网友在线交流。',
    startsAt: local(24),
    endsAt: local(25),
    guests: '刘建华｜市住房和城乡建设局局长\n王敏｜市自然资源局副局长',
    policies: policy.indexNo,
    videoUrl: 'https://video.example.gov.cn/live/1',
    replayUrl: '',
    summary: '',
    transcript: '',
    ...over,
  });

  async function createDialogue(over: Record<string, string> = {}, publish = true): Promise<number> {
    const res = await editor.post('/admin/dialogues/new', fields(over), '/admin/dialogues/new');
    expect(res.statusCode, res.body).toBe(303);
    const id = Number(/\/admin\/dialogues\/(\d+)/.exec(res.headers.location as string)![1]);
    if (publish) {
      expect((await reviewer.post(`/admin/dialogues/${id}/publish`, {}, `/admin/dialogues/${id}`)).statusCode).toBe(303);
    }
    return id;
  }

  const questions = (id: number) => t.db.kysely.selectFrom('dialogueQuestion').selectAll().where('dialogueId', '=', id).orderBy('id').execute();

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    dept = await makeDepartment(t.db);
    other = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [dept.id]);
    const r = await makeUser(t.db, 'reviewer', [dept.id]);
    const o = await makeUser(t.db, 'editor', [other.id]);
    editor = new Browser(app);
    reviewer = new Browser(app);
    outsider = new Browser(app);
    anon = new Browser(app);
    await editor.login(e.username, e.password);
    await reviewer.login(r.username, r.password);
    await outsider.login(o.username, o.password);
    // A published policy to link to.
    const indexNo = `11442000/2019-${uid()}`;
    const title = `关于深入推进旧厂房改造的实施意见${uid()}`;
    const res = await editor.post(
      '/admin/policies/new',
      { indexNo, title, docNumber: '', issuingOrgan: '中山市人民政府', departmentId: String(dept.id), theme: '城乡建设、环境保护', writtenOn: '2019-05-10', publishedOn: '2019-05-20', validity: 'valid', category: 'notice', body: '第一条 为推进旧厂房改造，制定本意见。' },
      '/admin/policies/new',
    );
    expect(res.statusCode, res.body).toBe(303);
    const pid = Number(/\/admin\/policies\/(\d+)/.exec(res.headers.location as string)![1]);
    expect((await editor.post(`/admin/policies/${pid}/submit`, {}, `/admin/policies/${pid}`)).statusCode).toBe(303);
    expect((await reviewer.post(`/admin/policies/${pid}/publish`, {}, `/admin/policies/${pid}`)).statusCode).toBe(303);
    policy = { id: pid, indexNo, title };
  });
  afterAll(() => stopTestApp(t, app));

  it('staff create and publish; a question waits for moderation, is approved, answered and shown with its guest', async () => {
    const topic = `聚焦旧厂房改造${uid()}`;
    const id = await createDialogue({ topic }, false);
    // A draft is not public.
    expect((await anon.get(`/dialogues/${id}`)).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/dialogues/${id}`)).statusCode).toBe(404);
    expect((await reviewer.post(`/admin/dialogues/${id}/publish`, {}, `/admin/dialogues/${id}`)).statusCode).toBe(303);

    const page = await anon.get(`/dialogues/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1>${topic}</h1>`);
    expect(page.body).toContain('预告');
    expect(page.body).toContain('刘建华');
    expect(page.body).toContain('市住房和城乡建设局局长');
    expect(page.body).toContain(policy.title);
    expect(page.body).toContain('action="/dialogues/' + id + '/questions"');

    const list = await anon.get('/dialogues');
    expect(list.body).toContain(topic);
    // The language choice sticks (a cookie), so English is read by a client of its own.
    const en = await new Browser(app).get(`/dialogues/${id}?lang=en`);
    expect(en.body).toContain('Ask a question');
    expect(en.body).toContain('Upcoming');
    expect((await anon.get('/')).body).toContain('href="/dialogues"');

    const body = `旧厂房改造后能否分割出售？${uid()}`;
    const sent = await anon.post(`/dialogues/${id}/questions`, { askerName: '', contact: '13800001234', body }, `/dialogues/${id}`);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/dialogues/${id}?asked=1`);
    expect((await anon.get(sent.headers.location as string)).body).toContain('审核后将公开显示');

    // Pending: not public anywhere; staff see it with the contact.
    expect((await anon.get(`/dialogues/${id}`)).body).not.toContain(body);
    expect((await app.inject(`/api/v1/dialogues/${id}`)).body).not.toContain(body);
    const staff = await editor.get(`/admin/dialogues/${id}`);
    expect(staff.body).toContain(body);
    expect(staff.body).toContain('13800001234');
    const [q] = await questions(id);
    expect(q).toMatchObject({ askerName: '网友', status: 'pending', contact: '13800001234' });

    expect((await reviewer.post(`/admin/dialogues/${id}/questions/${q!.id}/approve`, {}, `/admin/dialogues/${id}`)).statusCode).toBe(303);
    const approved = await anon.get(`/dialogues/${id}`);
    expect(approved.body).toContain(body);
    expect(approved.body).toContain('等待嘉宾答复');

    const answer = '改造后的厂房原则上不得分割销售。';
    expect((await editor.post(`/admin/dialogues/${id}/questions/${q!.id}/answer`, { guest: '1', answer }, `/admin/dialogues/${id}`)).statusCode).toBe(303);
    const answered = await anon.get(`/dialogues/${id}`);
    expect(answered.body).toContain(answer);
    expect(answered.body).toContain('王敏（市自然资源局副局长）答复');

    const json = (await app.inject(`/api/v1/dialogues/${id}`)).json<{ phase: string; acceptsQuestions: boolean; guests: unknown[]; policies: Array<{ id: number }>; questions: Array<Record<string, unknown>> }>();
    expect(json.phase).toBe('upcoming');
    expect(json.acceptsQuestions).toBe(true);
    expect(json.policies.map((p) => p.id)).toEqual([policy.id]);
    expect(json.questions).toHaveLength(1);
    expect(json.questions[0]).toMatchObject({ askerName: '网友', body, status: 'answered', answer: { text: answer, guestName: '王敏', guestPost: '市自然资源局副局长' } });

    // Contacts are never public.
    for (const r of [answered.body, JSON.stringify(json), (await app.inject('/api/v1/dialogues')).body]) {
      expect(r).not.toContain('13800001234');
    }

    // The linked policy's page lists the dialogue.
    const policyPage = await anon.get(`/policies/${policy.id}`);
    expect(policyPage.body).toContain('相关在线访谈');
    expect(policyPage.body).toContain(`href="/dialogues/${id}"`);

    const audit = await t.db.kysely.selectFrom('auditLog').select('action').where('entityType', 'in', ['dialogue', 'dialogue_question']).where('entityId', 'in', [String(id), String(q!.id)]).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['dialogue.create', 'dialogue.publish', 'dialogue.question.approve', 'dialogue.question.answer']);
  });

  it('a rejected question is never public, in HTML or JSON; the reason is required and stays with staff', async () => {
    const id = await createDialogue();
    const body = `不当言论${uid()}`;
    expect((await anon.post(`/dialogues/${id}/questions`, { askerName: '张三', contact: '', body }, `/dialogues/${id}`)).statusCode).toBe(303);
    const [q] = await questions(id);
    const empty = await reviewer.post(`/admin/dialogues/${id}/questions/${q!.id}/reject`, { reason: '' }, `/admin/dialogues/${id}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(`id="reason-${q!.id}-error"`);
    expect((await questions(id))[0]!.status).toBe('pending');
    expect((await reviewer.post(`/admin/dialogues/${id}/questions/${q!.id}/reject`, { reason: '与本期主题无关' }, `/admin/dialogues/${id}`)).statusCode).toBe(303);
    expect((await questions(id))[0]).toMatchObject({ status: 'rejected', rejectReason: '与本期主题无关' });
    const html = (await anon.get(`/dialogues/${id}`)).body;
    const json = (await app.inject(`/api/v1/dialogues/${id}`)).body;
    for (const r of [html, json]) {
      expect(r).not.toContain(body);
      expect(r).not.toContain('与本期主题无关');
    }
    expect((await editor.get(`/admin/dialogues/${id}`)).body).toContain('与本期主题无关');
    // A rejected question cannot be answered into public view.
    expect((await editor.post(`/admin/dialogues/${id}/questions/${q!.id}/answer`, { guest: '0', answer: '答复' }, `/admin/dialogues/${id}`)).statusCode).toBe(409);
  });

  it('after the end the page is an archive with the transcript, and questions are refused', async () => {
    const transcript = `主持人：各位网友大家好。${uid()}\n刘建华：谢谢主持人。`;
    const id = await createDialogue({ startsAt: local(-3), endsAt: local(-2), transcript, replayUrl: 'https://video.example.gov.cn/replay/1', summary: '本期访谈回应了旧厂房改造的热点问题。' });
    const page = await anon.get(`/dialogues/${id}`);
    expect(page.body).toContain('已结束');
    expect(page.body).toContain('访谈实录');
    expect(page.body).toContain('<p>刘建华：谢谢主持人。</p>');
    expect(page.body).toContain('https://video.example.gov.cn/replay/1');
    expect(page.body).not.toContain(`action="/dialogues/${id}/questions"`);
    // The page has no form any more: a stale page (token from elsewhere) posting late gets a clear refusal.
    const late = await anon.post(`/dialogues/${id}/questions`, { askerName: '', contact: '', body: '还能提问吗？' }, '/login');
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('本期访谈已结束，不再接受提问');
    const api = await app.inject({ method: 'POST', url: `/api/v1/dialogues/${id}/questions`, payload: { body: '还能提问吗？' }, remoteAddress: '10.9.0.1' });
    expect(api.statusCode).toBe(409);
    expect(api.json<{ error: { message: string } }>().error.message).toContain('已结束');
    expect(await questions(id)).toEqual([]);
    const json = (await app.inject(`/api/v1/dialogues/${id}`)).json<{ phase: string; transcript: string; acceptsQuestions: boolean }>();
    expect(json).toMatchObject({ phase: 'archived', transcript, acceptsQuestions: false });
  });

  it('lists upcoming and live dialogues before the archive', async () => {
    const past = await createDialogue({ startsAt: local(-50), endsAt: local(-49) });
    const live = await createDialogue({ startsAt: local(-1), endsAt: local(1) });
    const soon = await createDialogue({ startsAt: local(200), endsAt: local(201) });
    const items = (await app.inject('/api/v1/dialogues')).json<{ items: Array<{ id: number; phase: string }> }>().items;
    const pos = (id: number) => items.findIndex((i) => i.id === id);
    expect(items.find((i) => i.id === live)!.phase).toBe('live');
    expect(pos(live)).toBeLessThan(pos(soon));
    expect(pos(soon)).toBeLessThan(pos(past));
    expect(items.slice(0, pos(soon) + 1).every((i) => i.phase !== 'archived')).toBe(true);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const count = async () => Number((await t.db.kysely.selectFrom('dialogue').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const bad = await editor.post('/admin/dialogues/new', fields({ topic: '', guests: '刘建华｜局长\n王敏', policies: `${policy.indexNo}\nNO/SUCH-1`, startsAt: '2026-13-01 10:00', videoUrl: 'javascript:alert(1)' }), '/admin/dialogues/new');
    expect(bad.statusCode).toBe(400);
    for (const f of ['topic', 'startsAt', 'videoUrl']) {
      expect(bad.body).toContain(`id="${f}-error"`);
    }
    expect(bad.body).toContain('王敏'); // input kept
    const lines = await editor.post('/admin/dialogues/new', fields({ guests: '刘建华｜局长\n王敏', policies: `${policy.indexNo}\nNO/SUCH-1` }), '/admin/dialogues/new');
    expect(lines.statusCode).toBe(400);
    expect(lines.body).toContain('id="guests-error"');
    expect(lines.body).toContain('第 2 行格式不对');
    expect(lines.body).toContain('id="policies-error"');
    expect(lines.body).toContain('NO/SUCH-1');
    const order = await editor.post('/admin/dialogues/new', fields({ startsAt: local(5), endsAt: local(4) }), '/admin/dialogues/new');
    expect(order.body).toContain('id="endsAt-error"');
    expect(await count()).toBe(before);

    const id = await createDialogue();
    const empty = await anon.post(`/dialogues/${id}/questions`, { askerName: '李四', contact: '', body: '' }, `/dialogues/${id}`);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="body-error"');
    expect(empty.body).toContain('value="李四"');
    const long = await app.inject({ method: 'POST', url: `/api/v1/dialogues/${id}/questions`, payload: { body: '问'.repeat(501) }, remoteAddress: '10.9.0.2' });
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { fields: Array<{ field: string }> } }>().error.fields.map((f) => f.field)).toEqual(['body']);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/dialogues/${id}/questions`, payload: { body: '怎么申请？', contact: 'a@b.cn' }, remoteAddress: '10.9.0.2' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'pending' });
    expect(await questions(id)).toHaveLength(1);
  });

  it('the staff dashboard links to the dialogues; the public never sees the link', async () => {
    expect((await editor.get('/admin')).body).toContain('href="/admin/dialogues"');
    expect((await anon.get('/admin')).body).not.toContain('href="/admin/dialogues"');
  });

  it('keeps staff to their own departments', async () => {
    const id = await createDialogue();
    expect((await outsider.get(`/admin/dialogues/${id}`)).statusCode).toBe(403);
    expect((await outsider.get('/admin/dialogues')).body).not.toContain(`/admin/dialogues/${id}"`);
    expect((await editor.get('/admin/dialogues')).body).toContain(`/admin/dialogues/${id}"`);
    expect((await anon.post(`/dialogues/${id}/questions`, { askerName: '', contact: '', body: '部门隔离测试' }, `/dialogues/${id}`)).statusCode).toBe(303);
    const [q] = await questions(id);
    const csrf = await outsider.csrfFrom('/admin/dialogues/new');
    const approve = await app.inject({
      method: 'POST',
      url: `/admin/dialogues/${id}/questions/${q!.id}/approve`,
      headers: { cookie: [...outsider.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `_csrf=${csrf}`,
    });
    expect(approve.statusCode).toBe(403);
    expect((await questions(id))[0]!.status).toBe('pending');
    const elsewhere = await outsider.post('/admin/dialogues/new', fields({ departmentId: String(dept.id) }), '/admin/dialogues/new');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('id="departmentId-error"');
    expect((await anon.get('/admin/dialogues/new')).statusCode).toBe(302);
  });

  it('needs the CSRF token for form posts, and limits questions per address', async () => {
    const id = await createDialogue();
    const noToken = await app.inject({
      method: 'POST',
      url: `/dialogues/${id}/questions`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'body=%E6%B2%A1%E6%9C%89%E4%BB%A4%E7%89%8C',
    });
    expect(noToken.statusCode).toBe(403);
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await app.inject({ method: 'POST', url: `/api/v1/dialogues/${id}/questions`, payload: { body: `第${i}问` }, remoteAddress: '10.9.0.99' })).statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
