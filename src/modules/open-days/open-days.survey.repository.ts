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
