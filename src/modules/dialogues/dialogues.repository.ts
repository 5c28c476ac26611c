import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DialogueQuestionTable, DialogueTable } from './dialogues.table.js';
import type { GuestInput } from './dialogues.guests.js';

export type DialogueRow = Selectable<DialogueTable>;
export type QuestionRow = Selectable<DialogueQuestionTable>;
export type GuestRow = { id: number; seq: number; name: string; post: string };

/** A dialogue by id. */
export function findById(db: Executor, id: number): Promise<DialogueRow | undefined> {
  return db.selectFrom('dialogue').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a dialogue. */
export async function insert(db: Executor, row: Insertable<DialogueTable>): Promise<number> {
  return (await db.insertInto('dialogue').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a dialogue. */
export async function update(db: Executor, id: number, patch: Updateable<DialogueTable>): Promise<void> {
  await db.updateTable('dialogue').set(patch).where('id', '=', id).execute();
}

/** Moves a dialogue from one state to another; false when it was no longer in the expected state. */
export async function updateIf(db: Executor, id: number, expectedStatus: string, patch: Updateable<DialogueTable>): Promise<boolean> {
  const r = await db.updateTable('dialogue').set(patch).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces the guests of a dialogue (in order). */
export async function replaceGuests(db: Executor, dialogueId: number, guests: GuestInput[]): Promise<void> {
  await db.deleteFrom('dialogueGuest').where('dialogueId', '=', dialogueId).execute();
  if (guests.length > 0) {
    await db
      .insertInto('dialogueGuest')
      .values(guests.map((g, seq) => ({ dialogueId, seq, name: g.name, post: g.post })))
      .execute();
  }
}

/** The guests of some dialogues, in order, by dialogue id. */
export async function guestsOf(db: Executor, dialogueIds: number[]): Promise<Map<number, GuestRow[]>> {
  const out = new Map<number, GuestRow[]>();
  if (dialogueIds.length === 0) {
    return out;
  }
  const rows = await db.selectFrom('dialogueGuest').select(['id', 'dialogueId', 'seq', 'name', 'post']).where('dialogueId', 'in', dialogueIds).orderBy('dialogueId').orderBy('seq').execute();
  for (const r of rows) {
    const list = out.get(r.dialogueId) ?? [];
    list.push({ id: r.id, seq: r.seq, name: r.name, post: r.post });
    out.set(r.dialogueId, list);
  }
  return out;
}

/** Replaces the linked policies of a dialogue. */
export async function replacePolicies(db: Executor, dialogueId: number, policyIds: number[]): Promise<void> {
  await db.deleteFrom('dialoguePolicy').where('dialogueId', '=', dialogueId).execute();
  if (policyIds.length > 0) {
    await db
      .insertInto('dialoguePolicy')
      .values(policyIds.map((policyId, seq) => ({ dialogueId, policyId, seq })))
      .execute();
  }
}

/** The linked policy ids of a dialogue, in order. */
export async function policyIdsOf(db: Executor, dialogueId: number): Promise<number[]> {
  const rows = await db.selectFrom('dialoguePolicy').select('policyId').where('dialogueId', '=', dialogueId).orderBy('seq').execute();
  return rows.map((r) => r.policyId);
}

/** Public (scheduled) dialogues linked to a policy, newest first. */
export function publicForPolicy(db: Executor, policyId: number) {
  return db
    .selectFrom('dialogue')
    .innerJoin('dialoguePolicy', 'dialoguePolicy.dialogueId', 'dialogue.id')
    .select(['dialogue.id', 'dialogue.topic', 'dialogue.startsAt', 'dialogue.endsAt'])
    .where('dialoguePolicy.policyId', '=', policyId)
    .where('dialogue.status', '=', 'scheduled')
    .orderBy('dialogue.startsAt', 'desc')
    .execute();
}

/**
 * One page of public dialogues: those not yet ended first (soonest first), then the archive (newest
 * first). ISO instants in one format compare correctly as text on both engines.
 */
export async function publicPage(db: Executor, now: string, limit: number, offset: number) {
  const base = db.selectFrom('dialogue').where('status', '=', 'scheduled');
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .select(['id', 'departmentId', 'topic', 'summary', 'startsAt', 'endsAt'])
    .orderBy(sql`case when ${sql.ref('endsAt')} > ${now} then 0 else 1 end`)
    .orderBy(sql`case when ${sql.ref('endsAt')} > ${now} then ${sql.ref('startsAt')} end`, 'asc')
    .orderBy('startsAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total };
}

/** Dialogues staff may see (all when departmentIds is null), newest first, with their pending counts. */
export function staffList(db: Executor, departmentIds: number[] | null) {
  let q = db
    .selectFrom('dialogue')
    .select((eb) => [
      'dialogue.id',
      'dialogue.departmentId',
      'dialogue.topic',
      'dialogue.status',
      'dialogue.startsAt',
      'dialogue.endsAt',
      eb
        .selectFrom('dialogueQuestion')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('dialogueQuestion.dialogueId', '=', 'dialogue.id')
        .where('dialogueQuestion.status', '=', 'pending')
        .as('pending'),
    ])
    .orderBy('dialogue.startsAt', 'desc')
    .limit(500);
  if (departmentIds !== null) {
    if (departmentIds.length === 0) {
      return Promise.resolve([]);
    }
    q = q.where('dialogue.departmentId', 'in', departmentIds);
  }
  return q.execute();
}

/** Inserts a question. */
export async function insertQuestion(db: Executor, row: Insertable<DialogueQuestionTable>): Promise<number> {
  return (await db.insertInto('dialogueQuestion').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** A question by id within a dialogue. */
export function findQuestion(db: Executor, dialogueId: number, questionId: number): Promise<QuestionRow | undefined> {
  return db.selectFrom('dialogueQuestion').selectAll().where('id', '=', questionId).where('dialogueId', '=', dialogueId).executeTakeFirst();
}

/** Updates a question only if it is in one of the expected states; false otherwise. */
export async function updateQuestionIf(db: Executor, id: number, expected: readonly string[], patch: Updateable<DialogueQuestionTable>): Promise<boolean> {
  const r = await db.updateTable('dialogueQuestion').set(patch).where('id', '=', id).where('status', 'in', [...expected]).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Questions of a dialogue in the given states, oldest first. */
export function questionsOf(db: Executor, dialogueId: number, statuses: readonly string[]): Promise<QuestionRow[]> {
  return db.selectFrom('dialogueQuestion').selectAll().where('dialogueId', '=', dialogueId).where('status', 'in', [...statuses]).orderBy('submittedAt').orderBy('id').execute();
}
