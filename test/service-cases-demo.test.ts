import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECT, type TestDb } from './helpers/db.js';
import { loadDemoData } from '../src/demo/demo.js';
import { todayInChina } from '../src/platform/clock.js';
import { addWorkingDays } from '../src/platform/calendar/index.js';

describe(`one-window demo data (${TEST_DIALECT})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoData(t.db);
  }, 120_000);
  afterAll(() => t.drop());

  it('has cases in every state, 秒批 and corrected ones, overdue and due soon', async () => {
    const db = t.db.kysely;
    const rows = await db.selectFrom('serviceCase').select(['status', 'instant', 'correctionCount', 'dueOn', 'caseNumber']).execute();
    const states = new Set(rows.map((r) => r.status));
    for (const s of ['submitted', 'correction_requested', 'resubmitted', 'accepted', 'not_accepted', 'in_review', 'approved', 'refused', 'ready_for_delivery', 'delivered', 'withdrawn']) {
      expect(states, s).toContain(s);
    }
    expect(rows.some((r) => r.instant === 1)).toBe(true);
    expect(rows.some((r) => r.correctionCount === 1 && r.status === 'delivered')).toBe(true);
    const today = todayInChina();
    const running = rows.filter((r) => r.status === 'accepted' || r.status === 'in_review');
    expect(running.some((r) => r.dueOn! < today)).toBe(true);
    expect(running.some((r) => r.dueOn! >= today && r.dueOn! <= addWorkingDays(today, 2))).toBe(true);
    expect(new Set(rows.map((r) => r.caseNumber)).size).toBe(rows.length);
  });

  it('has ratings of all five levels, follow-ups done and overdue, and one appeal', async () => {
    const db = t.db.kysely;
    const ratings = await db.selectFrom('serviceRating').selectAll().execute();
    expect(new Set(ratings.map((r) => r.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(ratings.some((r) => r.followUpStatus === 'done')).toBe(true);
    expect(ratings.some((r) => r.followUpStatus === 'pending' && r.followUpDueOn! < todayInChina())).toBe(true);
    expect(ratings.filter((r) => r.appealStatus === 'pending')).toHaveLength(1);
  });
});
