import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { InterpretationPlanEntryTable, InterpretationPlanReminderTable } from './interpretation-plans.table.js';

/** A stored plan entry. */
export type PlanEntryRow = Selectable<InterpretationPlanEntryTable>;
/** A stored reminder. */
export type ReminderRow = Selectable<InterpretationPlanReminderTable>;

/** The setting that holds the allowed working days of the assessment. */
export const ALLOWED_DAYS_KEY = 'interpretation.allowedWorkingDays';

/** One entry by id. */
export function findEntry(db: Executor, id: number) {
  return db.selectFrom('interpretationPlanEntry').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Entries of a year (or every year), optionally of some departments, by expected day. */
export function listEntries(db: Executor, opts: { year?: number | undefined; departmentIds?: number[] | undefined }) {
  let q = db.selectFrom('interpretationPlanEntry').selectAll();
  if (opts.year !== undefined) {
    q = q.where('year', '=', opts.year);
  }
  if (opts.departmentIds) {
    if (opts.departmentIds.length === 0) {
      return Promise.resolve([] as PlanEntryRow[]);
    }
    q = q.where('departmentId', 'in', opts.departmentIds);
  }
  return q.orderBy('expectedOn').orderBy('id').execute();
}

/** Filed entries expected between two days (inclusive), or linked to any policy (their due day may move). */
export function filedEntries(db: Executor) {
  return db.selectFrom('interpretationPlanEntry').selectAll().where('state', '=', 'filed').orderBy('id').execute();
}

/** Inserts an entry; returns its id. */
export async function insertEntry(db: Executor, row: Insertable<InterpretationPlanEntryTable>): Promise<number> {
  const r = await db.insertInto('interpretationPlanEntry').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates an entry. */
export async function updateEntry(db: Executor, id: number, patch: Updateable<InterpretationPlanEntryTable>): Promise<void> {
  await db.updateTable('interpretationPlanEntry').set(patch).where('id', '=', id).execute();
}

/** Deletes an entry (its reminders go with it). */
export async function deleteEntry(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('interpretationPlanEntry').where('id', '=', id).execute();
}

/** The latest reminder of each entry. */
export async function latestReminders(db: Executor, entryIds: number[]): Promise<Map<number, ReminderRow>> {
  const out = new Map<number, ReminderRow>();
  for (let i = 0; i < entryIds.length; i += 500) {
    const rows = await db.selectFrom('interpretationPlanReminder').selectAll().where('entryId', 'in', entryIds.slice(i, i + 500)).orderBy('id').execute();
    for (const r of rows) {
      out.set(r.entryId, r);
    }
  }
  return out;
}

/** Claims a reminder slot: inserts it unless its key exists; returns the new id, or undefined when taken. */
export async function claimReminder(db: Executor, row: Insertable<InterpretationPlanReminderTable>): Promise<number | undefined> {
  const r = await db
    .insertInto('interpretationPlanReminder')
    .values(row)
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** Records what became of a reminder. */
export async function finishReminder(db: Executor, id: number, patch: { outcome: string; recipients?: string; detail?: string; updatedAt: string }): Promise<void> {
  await db.updateTable('interpretationPlanReminder').set(patch).where('id', '=', id).execute();
}

/** Reminders of one entry, newest first. */
export function remindersOf(db: Executor, entryId: number) {
  return db.selectFrom('interpretationPlanReminder').selectAll().where('entryId', '=', entryId).orderBy('id', 'desc').execute();
}

/** A setting's value, or undefined. */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets a setting (insert or update). */
export async function writeSetting(db: Executor, key: string, value: string): Promise<void> {
  const updated = await db.updateTable('setting').set({ value }).where('key', '=', key).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto('setting').values({ key, value }).execute();
  }
}
