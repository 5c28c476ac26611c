import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { OpenDayNeedTable } from './open-days.table.js';
import type { NeedRow } from './open-days.repository.js';

// SQL of the needs survey (公众需求调查).

/** A need by id. */
export function needById(db: Executor, id: number): Promise<NeedRow | undefined> {
  return db.selectFrom('openDayNeed').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a proposal. */
export async function insertNeed(db: Executor, row: Insertable<OpenDayNeedTable>): Promise<number> {
  return (await db.insertInto('openDayNeed').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Needs of a campaign in some states, ranked: most votes first, then the earlier one. */
export function needsOf(db: Executor, campaignId: number, statuses: readonly string[]): Promise<NeedRow[]> {
  return db
    .selectFrom('openDayNeed')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('status', 'in', statuses)
    .orderBy('votes', 'desc')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Moves a need between states; false when it was no longer in the expected one. */
export async function setNeedStatusIf(db: Executor, id: number, expected: string, status: string): Promise<boolean> {
  const r = await db.updateTable('openDayNeed').set({ status }).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Records one vote: the (need, voter) primary key makes a second vote a no-op, and the count goes up
 * in the same transaction only when the vote row was new. True when the vote counted.
 */
export async function addVote(db: Executor, needId: number, voterKey: string, at: string): Promise<boolean> {
  const r = await db
    .insertInto('openDayNeedVote')
    .values({ needId, voterKey, createdAt: at })
    .onConflict((oc) => oc.columns(['needId', 'voterKey']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) {
    return false;
  }
  await db
    .updateTable('openDayNeed')
    .set((eb) => ({ votes: eb('votes', '+', 1) }))
    .where('id', '=', needId)
    .execute();
  return true;
}

/** Which of these needs a voter has already voted for. */
export async function votedBy(db: Executor, needIds: number[], voterKeys: string[]): Promise<Set<number>> {
  if (needIds.length === 0 || voterKeys.length === 0) {
    return new Set();
  }
  const rows = await db.selectFrom('openDayNeedVote').select('needId').where('needId', 'in', needIds).where('voterKey', 'in', voterKeys).execute();
  return new Set(rows.map((r) => r.needId));
}

/** Counts by state of a campaign's needs (for the staff tab). */
export async function needCounts(db: Executor, campaignId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('openDayNeed').select(['status']).select((eb) => eb.fn.countAll<string | number>().as('n')).where('campaignId', '=', campaignId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

// ---------------- adoption (需求采纳)

/** The point a need became, as shown beside it. */
export interface AdoptedPoint {
  id: number;
  code: string;
  topic: string;
  status: string;
}

/**
 * Records that a need became an open point, but only while the need is still published (checked in
 * the same statement, so a rejection landing meanwhile is not overwritten). False when it was not.
 */
export async function setAdoptionIf(db: Executor, id: number, pointId: number, at: string): Promise<boolean> {
  const r = await db.updateTable('openDayNeed').set({ adoptedPointId: pointId, adoptedAt: at }).where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Clears a need's adoption while it still names the expected point; false when it no longer did. */
export async function clearAdoptionIf(db: Executor, id: number, expectedPointId: number): Promise<boolean> {
  const r = await db.updateTable('openDayNeed').set({ adoptedPointId: null, adoptedAt: null }).where('id', '=', id).where('adoptedPointId', '=', expectedPointId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The points a campaign's needs became, by need id. For the public (`publicOnly`) a draft point is
 * left out: it does not exist for them yet.
 */
export async function adoptedPoints(db: Executor, campaignId: number, publicOnly: boolean): Promise<Map<number, AdoptedPoint>> {
  let q = db
    .selectFrom('openDayNeed')
    .innerJoin('openPoint', 'openPoint.id', 'openDayNeed.adoptedPointId')
    .select(['openDayNeed.id as needId', 'openPoint.id', 'openPoint.code', 'openPoint.topic', 'openPoint.status'])
    .where('openDayNeed.campaignId', '=', campaignId);
  if (publicOnly) {
    q = q.where('openPoint.status', '!=', 'draft');
  }
  const rows = await q.execute();
  return new Map(rows.map(({ needId, ...p }) => [needId, p]));
}

/** The points a need of this campaign can be adopted as, by code. */
export function pointChoices(db: Executor, campaignId: number): Promise<AdoptedPoint[]> {
  return db.selectFrom('openPoint').select(['id', 'code', 'topic', 'status']).where('campaignId', '=', campaignId).orderBy('code').orderBy('id').execute();
}

/** Titles of the published needs adopted as a point (for its public page), most votes first. */
export async function needsAdoptedAs(db: Executor, pointId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('openDayNeed').select(['id', 'title']).where('adoptedPointId', '=', pointId).where('status', '=', 'published').orderBy('votes', 'desc').orderBy('id').execute();
}
