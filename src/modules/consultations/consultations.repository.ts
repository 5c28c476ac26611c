import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ConsultationArticleTable, ConsultationCommentTable, ConsultationDraftTable, ConsultationEventTable, ConsultationRoundTable } from './consultations.table.js';

export type DraftRow = Selectable<ConsultationDraftTable>;
export type RoundRow = Selectable<ConsultationRoundTable>;
export type ArticleRow = Selectable<ConsultationArticleTable>;
export type CommentRow = Selectable<ConsultationCommentTable>;
export type EventRow = Selectable<ConsultationEventTable>;

// ---------------------------------------------------------------- drafts

/** Inserts a draft, returning its id. */
export async function insertDraft(db: Executor, row: Insertable<ConsultationDraftTable>): Promise<number> {
  return (await db.insertInto('consultationDraft').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a draft. */
export async function updateDraft(db: Executor, id: number, patch: Updateable<ConsultationDraftTable>): Promise<void> {
  await db.updateTable('consultationDraft').set(patch).where('id', '=', id).execute();
}

/** One draft. */
export function findDraft(db: Executor, id: number) {
  return db.selectFrom('consultationDraft').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Drafts for staff (in the given departments, or all), newest first. */
export function listDrafts(db: Executor, departmentIds: number[] | undefined) {
  let q = db.selectFrom('consultationDraft').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc');
  if (departmentIds) {
    q = q.where('departmentId', 'in', departmentIds.length ? departmentIds : [0]);
  }
  return q.execute();
}

/** Published drafts with their latest round (the public list), latest round closing last first. */
export function publishedDraftsWithLatestRound(db: Executor) {
  return db
    .selectFrom('consultationDraft as d')
    .innerJoin('consultationRound as r', 'r.draftId', 'd.id')
    .where('d.status', '=', 'published')
    .where((eb) => eb('r.seq', '=', eb.selectFrom('consultationRound as r2').select((e) => e.fn.max('r2.seq').as('m')).whereRef('r2.draftId', '=', 'd.id')))
    .select(['d.id', 'd.title', 'd.kind', 'd.departmentId', 'd.summary', 'r.id as roundId', 'r.seq', 'r.opensOn', 'r.closesOn', 'r.reportPublishedAt'])
    .orderBy('r.closesOn', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

// ---------------------------------------------------------------- rounds

/** Inserts a round, returning its id. */
export async function insertRound(db: Executor, row: Insertable<ConsultationRoundTable>): Promise<number> {
  return (await db.insertInto('consultationRound').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a round. */
export async function updateRound(db: Executor, id: number, patch: Updateable<ConsultationRoundTable>): Promise<void> {
  await db.updateTable('consultationRound').set(patch).where('id', '=', id).execute();
}

/** One round. */
export function findRound(db: Executor, id: number) {
  return db.selectFrom('consultationRound').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A draft's rounds, in order. */
export function roundsOf(db: Executor, draftId: number) {
  return db.selectFrom('consultationRound').selectAll().where('draftId', '=', draftId).orderBy('seq').execute();
}

// ---------------------------------------------------------------- articles

/** A round's articles, in order. */
export function articlesOf(db: Executor, roundId: number) {
  return db.selectFrom('consultationArticle').selectAll().where('roundId', '=', roundId).orderBy('number').execute();
}

/** Replaces a round's articles (only while nobody has commented on them). */
export async function replaceArticles(db: Executor, roundId: number, rows: Array<Omit<Insertable<ConsultationArticleTable>, 'roundId'>>): Promise<void> {
  await db.deleteFrom('consultationArticle').where('roundId', '=', roundId).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('consultationArticle')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, roundId })))
      .execute();
  }
}

/** Updates one article's text. */
export async function updateArticle(db: Executor, id: number, patch: Updateable<ConsultationArticleTable>): Promise<void> {
  await db.updateTable('consultationArticle').set(patch).where('id', '=', id).execute();
}

/** Articles of all rounds of a draft sharing lineages (for history and earlier comments). */
export function articlesOfDraft(db: Executor, draftId: number) {
  return db
    .selectFrom('consultationArticle as a')
    .innerJoin('consultationRound as r', 'r.id', 'a.roundId')
    .where('r.draftId', '=', draftId)
    .selectAll('a')
    .select('r.seq')
    .orderBy('r.seq')
    .orderBy('a.number')
    .execute();
}

// ---------------------------------------------------------------- events

/** Inserts an event, returning its id. */
export async function insertEvent(db: Executor, row: Insertable<ConsultationEventTable>): Promise<number> {
  return (await db.insertInto('consultationEvent').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One event. */
export function findEvent(db: Executor, id: number) {
  return db.selectFrom('consultationEvent').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A round's events, by date. */
export function eventsOf(db: Executor, roundId: number) {
  return db.selectFrom('consultationEvent').selectAll().where('roundId', '=', roundId).orderBy('heldOn').orderBy('id').execute();
}

// ---------------------------------------------------------------- comments

/** Inserts comments, returning their ids in order. */
export async function insertComments(db: Executor, rows: Array<Insertable<ConsultationCommentTable>>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const out = await db
      .insertInto('consultationComment')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...out.map((r) => r.id));
  }
  return ids;
}

/** Comments by id. */
export function commentsByIds(db: Executor, ids: number[]) {
  return ids.length ? db.selectFrom('consultationComment').selectAll().where('id', 'in', ids).orderBy('id').execute() : Promise.resolve([]);
}

/** A round's comments (optionally of some statuses), oldest first. */
export function commentsOf(db: Executor, roundIds: number[], statuses?: string[]) {
  if (roundIds.length === 0) {
    return Promise.resolve([]);
  }
  let q = db.selectFrom('consultationComment').selectAll().where('roundId', 'in', roundIds);
  if (statuses) {
    q = q.where('status', 'in', statuses);
  }
  return q.orderBy('id').execute();
}

/** Changes comments that are still in one of the expected statuses; returns how many changed. */
export async function updateCommentsIf(db: Executor, ids: number[], statuses: string[], patch: Updateable<ConsultationCommentTable>): Promise<number> {
  const r = await db.updateTable('consultationComment').set(patch).where('id', 'in', ids).where('status', 'in', statuses).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Counts per round and status: pending, published, rejected, and published without a decision. */
export async function commentCounts(db: Executor, roundIds: number[]) {
  if (roundIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('consultationComment')
    .where('roundId', 'in', roundIds)
    .select(['roundId', 'status'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('decision').as('decided')])
    .groupBy(['roundId', 'status'])
    .execute();
}

/** Whether a round has any comment at all (its text is then fixed). */
export async function roundHasComments(db: Executor, roundId: number): Promise<boolean> {
  return (await db.selectFrom('consultationComment').select('id').where('roundId', '=', roundId).limit(1).executeTakeFirst()) !== undefined;
}
