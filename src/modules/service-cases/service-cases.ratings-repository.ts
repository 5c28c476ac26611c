import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ServiceRatingTable } from './service-cases.table.js';

// SQL of ratings (好差评), follow-ups and appeals.

export type RatingRow = Selectable<ServiceRatingTable>;

/** A rating by its key (online:<case> / onsite:<case>:<date>). */
export async function ratingByKey(db: Executor, key: string): Promise<RatingRow | undefined> {
  return db.selectFrom('serviceRating').selectAll().where('ratingKey', '=', key).executeTakeFirst();
}

/** A rating by id. */
export async function ratingById(db: Executor, id: number): Promise<RatingRow | undefined> {
  return db.selectFrom('serviceRating').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts ratings and returns their ids. */
export async function insertRatings(trx: Executor, rows: Array<Insertable<ServiceRatingTable>>): Promise<number[]> {
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += 200) {
    const r = await trx.insertInto('serviceRating').values(rows.slice(at, at + 200)).returning('id').execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

/** Updates a rating. */
export async function updateRating(trx: Executor, id: number, patch: Updateable<ServiceRatingTable>): Promise<void> {
  await trx.updateTable('serviceRating').set(patch).where('id', '=', id).execute();
}

/** The ratings of a case. */
export async function ratingsOfCase(db: Executor, caseId: number): Promise<RatingRow[]> {
  return db.selectFrom('serviceRating').selectAll().where('caseId', '=', caseId).orderBy('id').execute();
}

/** Which ratings the staff list shows. */
export type RatingListKind = 'follow_up' | 'overdue' | 'appeals' | 'bad' | 'all';

/** Ratings for staff: open follow-ups, overdue ones, pending appeals, or every bad rating. */
export async function ratingsForStaff(db: Executor, kind: RatingListKind, departmentIds: readonly number[] | undefined, today: string, limit = 100, id?: number) {
  let q = db
    .selectFrom('serviceRating')
    .innerJoin('serviceCase', 'serviceCase.id', 'serviceRating.caseId')
    .innerJoin('serviceItem', 'serviceItem.id', 'serviceRating.itemId')
    .selectAll('serviceRating')
    .select(['serviceCase.caseNumber', 'serviceItem.name as itemName']);
  if (departmentIds) {
    q = departmentIds.length ? q.where('serviceRating.departmentId', 'in', [...departmentIds]) : q.where(sql<boolean>`1 = 0`);
  }
  if (id !== undefined) {
    q = q.where('serviceRating.id', '=', id);
  }
  switch (kind) {
    case 'follow_up':
      q = q.where('followUpStatus', '=', 'pending');
      break;
    case 'overdue':
      q = q.where('followUpStatus', '=', 'pending').where('followUpDueOn', '<', today);
      break;
    case 'appeals':
      q = q.where('appealStatus', '=', 'pending');
      break;
    case 'bad':
      q = q.where('level', '<=', 2);
      break;
    case 'all':
      break;
  }
  return q.orderBy('serviceRating.followUpDueOn').orderBy('serviceRating.id', 'desc').limit(limit).execute();
}

/** Counts per department and level (appeals upheld are left out). */
export async function levelCounts(db: Executor) {
  return db
    .selectFrom('serviceRating')
    .select(['departmentId', 'level', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('excluded', '=', 0)
    .groupBy(['departmentId', 'level'])
    .execute();
}

/** Per department: bad ratings (kept in statistics) and those followed up by their due date. */
export async function followUpCounts(db: Executor) {
  return db
    .selectFrom('serviceRating')
    .select([
      'departmentId',
      (eb) => eb.fn.countAll<string | number>().as('bad'),
      sql<string | number>`sum(case when follow_up_status = 'done' and follow_up_on <= follow_up_due_on then 1 else 0 end)`.as('inTime'),
    ])
    .where('excluded', '=', 0)
    .where('level', '<=', 2)
    .groupBy('departmentId')
    .execute();
}

/** Marks pending follow-ups past their due date (once); returns how many. */
export async function flagOverdueFollowUps(trx: Executor, today: string, at: string): Promise<number> {
  const r = await trx.updateTable('serviceRating').set({ followUpOverdueAt: at }).where('followUpStatus', '=', 'pending').where('followUpDueOn', '<', today).where('followUpOverdueAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Department names by id (for the statistics page). */
export async function departmentNames(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('department').select(['id', 'nameZh', 'nameEn']).where('id', 'in', [...ids]).execute();
}
