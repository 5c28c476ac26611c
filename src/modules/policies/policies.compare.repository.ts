import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { PolicyChangeNoteTable } from './policies.compare.table.js';

export type ChangeNoteRow = Selectable<PolicyChangeNoteTable>;

/** A policy's change notes in order. */
export async function notesOf(db: Executor, policyId: number): Promise<ChangeNoteRow[]> {
  return db.selectFrom('policyChangeNote').selectAll().where('policyId', '=', policyId).orderBy('seq').orderBy('id').execute();
}

/** One note of a policy, or undefined (also when it belongs to another policy). */
export async function findNote(db: Executor, policyId: number, id: number): Promise<ChangeNoteRow | undefined> {
  return db.selectFrom('policyChangeNote').selectAll().where('id', '=', id).where('policyId', '=', policyId).executeTakeFirst();
}

/** The next free position in a policy's notes. */
export async function nextSeq(db: Executor, policyId: number): Promise<number> {
  const r = await db.selectFrom('policyChangeNote').select((eb) => eb.fn.max<number>('seq').as('m')).where('policyId', '=', policyId).executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** Inserts a note. */
export async function insertNote(db: Executor, row: Insertable<PolicyChangeNoteTable>): Promise<number> {
  return (await db.insertInto('policyChangeNote').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a note. */
export async function updateNote(db: Executor, id: number, patch: Updateable<PolicyChangeNoteTable>): Promise<void> {
  await db.updateTable('policyChangeNote').set(patch).where('id', '=', id).execute();
}

/** Deletes a note. */
export async function deleteNote(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('policyChangeNote').where('id', '=', id).execute();
}

/** Sets the positions of a policy's notes to 1..n in the given order. */
export async function renumber(db: Executor, orderedIds: number[], now: string): Promise<void> {
  for (const [k, id] of orderedIds.entries()) {
    await db.updateTable('policyChangeNote').set({ seq: k + 1, updatedAt: now }).where('id', '=', id).execute();
  }
}
