import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import type { ServiceCaseEventTable, ServiceCaseTable, ServiceItemFormTable } from './service-cases.table.js';

// SQL of cases, forms, events and materials; nothing else lives here.

export type CaseRow = Selectable<ServiceCaseTable>;
export type CaseEventRow = Selectable<ServiceCaseEventTable>;
export type ItemFormRow = Selectable<ServiceItemFormTable>;

/** The item's stored form, if staff set one. */
export async function formOfItem(db: Executor, itemId: number): Promise<ItemFormRow | undefined> {
  return db.selectFrom('serviceItemForm').selectAll().where('itemId', '=', itemId).executeTakeFirst();
}

/** Writes an item's form (insert or replace). */
export async function saveForm(trx: Executor, row: Insertable<ServiceItemFormTable>): Promise<void> {
  await trx
    .insertInto('serviceItemForm')
    .values(row)
    .onConflict((oc) => oc.column('itemId').doUpdateSet({ fields: row.fields, instantRule: row.instantRule ?? '', updatedBy: row.updatedBy ?? null, updatedAt: row.updatedAt }))
    .execute();
}

/** The next number of the day (1, 2, …), taken atomically under concurrent submissions. */
export async function nextCaseNo(trx: Executor, day: string): Promise<number> {
  const r = await trx
    .insertInto('serviceCaseCounter')
    .values({ day, lastNo: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ lastNo: sql<number>`service_case_counter.last_no + 1` }))
    .returning('lastNo')
    .executeTakeFirstOrThrow();
  return r.lastNo;
}

/** Inserts a case and returns its id. */
export async function insertCase(trx: Executor, row: Insertable<ServiceCaseTable>): Promise<number> {
  const r = await trx.insertInto('serviceCase').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts many cases (demo) and returns their ids in order. */
export async function insertCases(trx: Executor, rows: Array<Insertable<ServiceCaseTable>>): Promise<number[]> {
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += 200) {
    const r = await trx.insertInto('serviceCase').values(rows.slice(at, at + 200)).returning('id').execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

/** Updates a case. */
export async function updateCase(trx: Executor, id: number, patch: Updateable<ServiceCaseTable>): Promise<void> {
  await trx.updateTable('serviceCase').set(patch).where('id', '=', id).execute();
}

/** One case by number. */
export async function caseByNumber(db: Executor, caseNumber: string): Promise<CaseRow | undefined> {
  return db.selectFrom('serviceCase').selectAll().where('caseNumber', '=', caseNumber).executeTakeFirst();
}

/** One case by number, locked for update on PostgreSQL (SQLite serialises writers anyway). */
export async function caseForUpdate(trx: Executor, caseNumber: string): Promise<CaseRow | undefined> {
  const q = trx.selectFrom('serviceCase').selectAll().where('caseNumber', '=', caseNumber);
  return (isPostgres(trx) ? q.forUpdate() : q).executeTakeFirst();
}

/** Appends events to cases' timelines. */
export async function insertEvents(trx: Executor, rows: Array<Insertable<ServiceCaseEventTable>>): Promise<void> {
  for (let at = 0; at < rows.length; at += 300) {
    await trx.insertInto('serviceCaseEvent').values(rows.slice(at, at + 300)).execute();
  }
}

/** A case's timeline, oldest first. */
export async function eventsOf(db: Executor, caseId: number): Promise<CaseEventRow[]> {
  return db.selectFrom('serviceCaseEvent').selectAll().where('caseId', '=', caseId).orderBy('id').execute();
}

/** A case's uploaded materials. */
export async function materialsOf(db: Executor, caseId: number) {
  return db
    .selectFrom('serviceCaseMaterial')
    .innerJoin('file', 'file.id', 'serviceCaseMaterial.fileId')
    .select(['serviceCaseMaterial.id', 'serviceCaseMaterial.name', 'serviceCaseMaterial.fileId', 'serviceCaseMaterial.uploadedAt', 'file.filename', 'file.size'])
    .where('caseId', '=', caseId)
    .orderBy('serviceCaseMaterial.id')
    .execute();
}

/** Records an uploaded material. */
export async function insertMaterial(trx: Executor, row: { caseId: number; name: string; fileId: number; uploadedAt: string }): Promise<void> {
  await trx.insertInto('serviceCaseMaterial').values(row).execute();
}

/** One applicant's cases, newest first. */
export async function casesOfApplicant(db: Executor, userId: number, limit = 200) {
  return db
    .selectFrom('serviceCase')
    .innerJoin('serviceItem', 'serviceItem.id', 'serviceCase.itemId')
    .select(['serviceCase.id', 'caseNumber', 'serviceCase.status', 'dueOn', 'submittedAt', 'channel', 'serviceItem.name as itemName', 'serviceItem.code as itemCode'])
    .where('applicantUserId', '=', userId)
    .orderBy('serviceCase.id', 'desc')
    .limit(limit)
    .execute();
}

/** The filter of a staff queue. */
export interface QueueFilter {
  statuses: readonly string[];
  /** undefined: every department (admin). */
  departmentIds?: readonly number[] | undefined;
  dueBefore?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  offset: number;
  limit: number;
}

function queueQuery(db: Executor, f: Omit<QueueFilter, 'offset' | 'limit'>) {
  let q = db.selectFrom('serviceCase').where('serviceCase.status', 'in', [...f.statuses]);
  if (f.departmentIds) {
    q = f.departmentIds.length ? q.where('serviceCase.departmentId', 'in', [...f.departmentIds]) : q.where(sql<boolean>`1 = 0`);
  }
  if (f.dueBefore) {
    q = q.where('dueOn', '<', f.dueBefore);
  }
  if (f.dueFrom) {
    q = q.where('dueOn', '>=', f.dueFrom);
  }
  if (f.dueTo) {
    q = q.where('dueOn', '<=', f.dueTo);
  }
  return q;
}

/** One page of a staff queue, oldest due first. */
export async function queuePage(db: Executor, f: QueueFilter) {
  return queueQuery(db, f)
    .innerJoin('serviceItem', 'serviceItem.id', 'serviceCase.itemId')
    .select(['serviceCase.id', 'caseNumber', 'serviceCase.status', 'dueOn', 'submittedAt', 'channel', 'applicantName', 'applicantKind', 'serviceCase.departmentId', 'serviceItem.name as itemName'])
    .orderBy(sql`coalesce(service_case.due_on, '9999-12-31')`)
    .orderBy('serviceCase.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
}

/** How many cases a queue filter matches. */
export async function queueCount(db: Executor, f: Omit<QueueFilter, 'offset' | 'limit'>): Promise<number> {
  const r = await queueQuery(db, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Running cases due on or before `dueBy` that have not had a reminder for their due date. */
export async function casesToRemind(db: Executor, statuses: readonly string[], today: string, dueBy: string) {
  return db
    .selectFrom('serviceCase')
    .select(['id', 'caseNumber', 'departmentId', 'dueOn', 'itemId'])
    .where('status', 'in', [...statuses])
    .where('dueOn', '>=', today)
    .where('dueOn', '<=', dueBy)
    .where((eb) => eb.or([eb('reminderSentFor', 'is', null), eb('reminderSentFor', '!=', eb.ref('dueOn'))]))
    .execute();
}

/** Marks running cases past their due date as overdue (once); returns how many. */
export async function flagOverdue(trx: Executor, statuses: readonly string[], today: string, at: string): Promise<number> {
  const r = await trx.updateTable('serviceCase').set({ overdueFlaggedAt: at }).where('status', 'in', [...statuses]).where('dueOn', '<', today).where('overdueFlaggedAt', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Staff of departments, applicant profiles and department codes belong to the accounts and departments modules. */
export { applicantProfile, staffOfDepartments } from '../accounts/index.js';
export { departmentIdByCode } from '../departments/index.js';
/** Material names and the demo's published item ids come from the catalogue. */
export { itemMaterialNames, publishedItemIds } from '../service-catalogue/index.js';

/** Sets the last case number of days (demo cases are numbered by their own submission day). */
export async function setCounters(trx: Executor, rows: Array<{ day: string; lastNo: number }>): Promise<void> {
  for (const r of rows) {
    await trx
      .insertInto('serviceCaseCounter')
      .values(r)
      .onConflict((oc) => oc.column('day').doUpdateSet({ lastNo: r.lastNo }))
      .execute();
  }
}

/** Saves many item forms at once (demo). */
export async function insertForms(trx: Executor, rows: Array<Insertable<ServiceItemFormTable>>): Promise<void> {
  if (rows.length) {
    await trx.insertInto('serviceItemForm').values(rows).execute();
  }
}
