import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { TEST_DIALECT, type TestDb } from './helpers/db.js';
import { startTestApp, stopTestApp } from './helpers/app.js';
import { makeDepartment, makeUser } from './helpers/factories.js';
import { DEMO_MEASURES, DEMO_SUGGESTIONS, loadConsultationsDemo } from '../src/modules/consultations/consultations.demo.js';
import { actorOf } from '../src/platform/audit/index.js';

// The module's demo on its own: the source's figures (57 measures, three rounds, 120 suggestions, a
// deputies-and-members symposium), the reports, the draft open now, and how long the loader takes.
describe(`consultations demo (${TEST_DIALECT})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let loadMs = 0;

  beforeAll(async () => {
    ({ t, app } = await startTestApp());
    const drc = await makeDepartment(t.db, { code: `drc-${Date.now()}` });
    const sd = await makeDepartment(t.db);
    const e = await makeUser(t.db, 'editor', [sd.id]);
    const a = await makeUser(t.db, 'admin');
    const ctx = {
      actor: actorOf(null, '127.0.0.1', 'demo'),
      deptIds: new Map([
        ['drc', drc.id],
        ['service-data', sd.id],
        ['gov-office', sd.id],
      ]),
      users: new Map([
        ['editor', { id: e.id, username: e.username, displayName: '王编辑', role: 'editor' as const, departmentIds: [sd.id] }],
        ['admin', { id: a.id, username: a.username, displayName: '管理员', role: 'admin' as const, departmentIds: [] }],
      ]),
    };
    const start = Date.now();
    await t.db.kysely.transaction().execute((trx) => loadConsultationsDemo(trx, ctx));
    loadMs = Date.now() - start;
  });
  afterAll(() => stopTestApp(t, app));

  it('holds the source figures: 57 measures renumbered and merged over three rounds, 120 decided suggestions', async () => {
    const draft = await t.db.kysely.selectFrom('consultationDraft').selectAll().where('title', '=', '光明区优化营商环境若干措施').executeTakeFirstOrThrow();
    const rounds = await t.db.kysely.selectFrom('consultationRound').selectAll().where('draftId', '=', draft.id).orderBy('seq').execute();
    expect(rounds.map((r) => r.reportPublishedAt !== null)).toEqual([true, true, true]);
    const counts = await Promise.all(rounds.map((r) => t.db.kysely.selectFrom('consultationArticle').select((eb) => eb.fn.countAll<number>().as('n')).where('roundId', '=', r.id).executeTakeFirstOrThrow()));
    expect(counts.map((c) => Number(c.n))).toEqual([DEMO_MEASURES, 57, 56]);
    const comments = await t.db.kysely.selectFrom('consultationComment').selectAll().where('roundId', 'in', rounds.map((r) => r.id)).where('status', '=', 'published').execute();
    expect(comments).toHaveLength(DEMO_SUGGESTIONS);
    expect(comments.every((c) => c.decision !== null && (c.decision === 'adopted' || c.decisionReason !== ''))).toBe(true);
    expect(comments.filter((c) => c.source === 'event').length).toBe(14);
    // 人大代表政协委员座谈会 in round 1, with its suggestions in the report.
    const report = await app.inject({ url: `/api/v1/consultations/${draft.id}/rounds/1/report` });
    expect(report.json<{ fromEvents: number; events: Array<{ title: string }> }>()).toMatchObject({ fromEvents: 8, events: [{ title: '光明区人大代表政协委员座谈会' }] });
    expect(loadMs).toBeLessThan(1500);
  });

  it('has a draft open for comment now, with published comments and some awaiting moderation', async () => {
    const list = (await app.inject({ url: '/api/v1/consultations' })).json<{ open: Array<{ title: string; daysLeft: number }>; closed: unknown[] }>();
    expect(list.open).toEqual([expect.objectContaining({ title: '光明区促进中小企业数字化转型若干措施', daysLeft: 24 })]);
    expect(list.closed).toHaveLength(1);
    const page = await app.inject({ url: '/consultations' });
    expect(page.statusCode).toBe(200);
  });
});
