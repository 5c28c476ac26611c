import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DisclosureTopicTable } from './disclosure-requests.table.js';
import type { TopicRow } from './disclosure-requests.repository.js';

/** Requests of the agencies in scope since a day, with what grouping needs. */
export async function requestsForGrouping(db: Executor, departmentIds: number[] | undefined, since: string) {
  let q = db
    .selectFrom('disclosureRequest')
    .select(['id', 'departmentId', 'trackingNumber', 'infoName', 'infoDescription', 'submittedAt', 'topicId'])
    .where('submittedAt', '>=', since);
  if (departmentIds !== undefined) {
    q = q.where('departmentId', 'in', departmentIds.length > 0 ? departmentIds : [-1]);
  }
  return q.orderBy('submittedAt').execute();
}
export type GroupingRow = Awaited<ReturnType<typeof requestsForGrouping>>[number];

/** Topics of the agencies in scope. */
export async function topics(db: Executor, departmentIds: number[] | undefined): Promise<TopicRow[]> {
  let q = db.selectFrom('disclosureTopic').selectAll();
  if (departmentIds !== undefined) {
    q = q.where('departmentId', 'in', departmentIds.length > 0 ? departmentIds : [-1]);
  }
  return q.orderBy('createdAt', 'desc').execute();
}

/** A topic by id. */
export async function topicById(db: Executor, id: number): Promise<TopicRow | undefined> {
  return db.selectFrom('disclosureTopic').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Creates a topic; returns its id. */
export async function insertTopic(trx: Executor, row: Insertable<DisclosureTopicTable>): Promise<number> {
  return (await trx.insertInto('disclosureTopic').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Links a topic to its proactive article and the day it was published. */
export async function markTopicPublished(trx: Executor, id: number, articleId: number, columnSlug: string, publishedOn: string | null): Promise<void> {
  await trx.updateTable('disclosureTopic').set({ articleId, columnSlug, publishedOn }).where('id', '=', id).execute();
}

/** Puts requests of one agency under a topic. */
export async function assignTopic(trx: Executor, topicId: number, departmentId: number, requestIds: number[]): Promise<void> {
  if (requestIds.length > 0) {
    await trx.updateTable('disclosureRequest').set({ topicId }).where('id', 'in', requestIds).where('departmentId', '=', departmentId).execute();
  }
}

/** The requests under a topic (the earlier requesters to notify). */
export async function requestsOfTopic(db: Executor, topicId: number) {
  return db.selectFrom('disclosureRequest').select(['id', 'trackingNumber', 'submittedAt']).where('topicId', '=', topicId).execute();
}
