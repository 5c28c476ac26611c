import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ExpropriationAgencyCaseTable } from './expropriation.table.js';

// SQL of agency-service cases and the documents fetched for them.

/** Opens a case; returns its id. */
export async function insertCase(trx: Executor, c: Insertable<ExpropriationAgencyCaseTable>): Promise<number> {
  const r = await trx.insertInto('expropriationAgencyCase').values(c).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Adds the documents requested for a case. */
export async function insertDocuments(trx: Executor, rows: Array<{ caseId: number; kind: string; department: string; requestedOn: string }>): Promise<void> {
  if (rows.length > 0) {
    await trx.insertInto('expropriationAgencyDocument').values(rows.map((r) => ({ ...r, receivedOn: null }))).execute();
  }
}

/** A case by id. */
export function caseById(db: Executor, id: number) {
  return db.selectFrom('expropriationAgencyCase').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The documents of a case. */
export function documentsOf(db: Executor, caseId: number) {
  return db.selectFrom('expropriationAgencyDocument').selectAll().where('caseId', '=', caseId).orderBy('id').execute();
}

/** Updates a case. */
export async function updateCase(trx: Executor, id: number, set: Updateable<ExpropriationAgencyCaseTable>): Promise<void> {
  await trx.updateTable('expropriationAgencyCase').set(set).where('id', '=', id).execute();
}

/** Marks a document of a case received. */
export async function receiveDocument(trx: Executor, caseId: number, documentId: number, on: string): Promise<boolean> {
  const r = await trx.updateTable('expropriationAgencyDocument').set({ receivedOn: on }).where('id', '=', documentId).where('caseId', '=', caseId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The cases of a project with their household numbers, newest first. */
export function casesOf(db: Executor, projectId: number) {
  return db
    .selectFrom('expropriationAgencyCase as c')
    .innerJoin('expropriationHousehold as h', 'h.id', 'c.householdId')
    .select(['c.id', 'c.submittedOn', 'c.completedOn', 'c.specialGroup', 'c.satisfaction', 'h.number'])
    .where('c.projectId', '=', projectId)
    .orderBy('c.id', 'desc')
    .limit(200)
    .execute();
}
