import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { loadDemoData } from '../src/demo/demo.js';
import { todayInChina } from '../src/platform/clock.js';
import { annualReport } from '../src/modules/disclosure-requests/disclosure-requests.report.js';
import { topicOverview } from '../src/modules/disclosure-requests/disclosure-requests.topics.js';
import { CASE_STATES } from '../src/modules/disclosure-requests/disclosure-requests.status.js';
import { OUTCOMES } from '../src/modules/disclosure-requests/disclosure-requests.codes.js';

describe(`disclosure-request demo data (${TEST_DIALECT})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoData(t.db);
  }, 180_000);
  afterAll(() => t.drop());

  it('has a few hundred cases in every state and outcome, some corrected, consulted, extended and charged', async () => {
    const rows = await t.db.kysely.selectFrom('disclosureRequest').selectAll().execute();
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.length).toBeLessThan(900);
    const states = new Set(rows.map((r) => r.state));
    for (const s of CASE_STATES) {
      expect(states, s).toContain(s);
    }
    const outcomes = new Set(rows.map((r) => r.outcome));
    for (const o of OUTCOMES) {
      expect(outcomes, o).toContain(o);
    }
    expect(rows.some((r) => r.outcomeReason === 'overdue_correction')).toBe(true);
    expect(rows.some((r) => r.correctedOn !== null && r.state === 'answered')).toBe(true);
    expect(rows.some((r) => r.extensionDays !== null)).toBe(true);
    expect(rows.some((r) => r.feeAmount !== null)).toBe(true);
    expect(rows.some((r) => r.receivedOn === null)).toBe(true);
    const consultations = await t.db.kysely.selectFrom('disclosureConsultation').select('kind').execute();
    expect(new Set(consultations.map((c) => c.kind))).toEqual(new Set(['third_party', 'co_agency']));
  });

  it("has last year's annual report consistent, with reviews and lawsuits", async () => {
    const year = Number(todayInChina().slice(0, 4)) - 1;
    const r = await annualReport(t.db.kysely, year, undefined);
    expect(r.applications.consistent).toBe(true);
    expect(r.applications.received.total).toBeGreaterThan(200);
    expect(r.applications.carriedIn.total).toBe(0);
    expect(r.applications.carriedOut.total).toBeGreaterThan(0);
    expect(r.disputes.review.total + r.disputes.litigation_direct.total + r.disputes.litigation_after_review.total).toBeGreaterThan(0);
    const thisYear = await annualReport(t.db.kysely, year + 1, undefined);
    expect(thisYear.applications.carriedIn.total).toBe(r.applications.carriedOut.total);
    expect(thisYear.applications.consistent).toBe(true);
  });

  it('shows the recurring expropriation request falling after its proactive publication', async () => {
    const admin = await t.db.kysely.selectFrom('user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const data = await topicOverview(t.db.kysely, { id: admin.id, username: 'admin', displayName: 'admin', role: 'admin', departmentIds: [] });
    const topic = data.topics.find((x) => x.topic.title.includes('征收补偿标准'));
    expect(topic?.topic.publishedOn).not.toBeNull();
    expect(topic!.before!).toBeGreaterThan(topic!.after! * 3);
  });
});
