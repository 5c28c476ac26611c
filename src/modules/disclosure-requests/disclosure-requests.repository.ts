import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DisclosureConsultationTable, DisclosureDisputeTable, DisclosureEventTable, DisclosureRequestTable, DisclosureTopicTable } from './disclosure-requests.table.js';

export type RequestRow = Selectable<DisclosureRequestTable>;
export type ConsultationRow = Selectable<DisclosureConsultationTable>;
export type EventRow = Selectable<DisclosureEventTable>;
export type DisputeRow = Selectable<DisclosureDisputeTable>;
export type TopicRow = Selectable<DisclosureTopicTable>;

/** Whether a tracking number is already used. */
export async function trackingTaken(db: Executor, trackingNumber: string): Promise<boolean> {
  return (await db.selectFrom('disclosureRequest').select('id').where('trackingNumber', '=', trackingNumber).executeTakeFirst()) !== undefined;
}

/** Inserts an application; returns its id. */
export async function insertRequest(trx: Executor, row: Insertable<DisclosureRequestTable>): Promise<number> {
  const r = await trx.insertInto('disclosureRequest').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts many applications at once (demo). */
export async function insertRequests(trx: Executor, rows: Array<Insertable<DisclosureRequestTable>>): Promise<number[]> {
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += 200) {
    const r = await trx.insertInto('disclosureRequest').values(rows.slice(at, at + 200)).returning('id').execute();
    ids.push(...r.map((x) => x.id));
  }
  return ids;
}

/** A case by id. */
export async function requestById(db: Executor, id: number): Promise<RequestRow | undefined> {
  return db.selectFrom('disclosureRequest').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case by tracking number. */
export async function requestByTracking(db: Executor, trackingNumber: string): Promise<RequestRow | undefined> {
  return db.selectFrom('disclosureRequest').selectAll().where('trackingNumber', '=', trackingNumber).executeTakeFirst();
}

/** Changes a case's columns. */
export async function updateRequest(trx: Executor, id: number, patch: Updateable<DisclosureRequestTable>): Promise<void> {
  await trx.updateTable('disclosureRequest').set(patch).where('id', '=', id).execute();
}

/** Appends timeline events. */
export async function insertEvents(trx: Executor, rows: Array<Insertable<DisclosureEventTable>>): Promise<void> {
  for (let at = 0; at < rows.length; at += 300) {
    await trx.insertInto('disclosureEvent').values(rows.slice(at, at + 300)).execute();
  }
}

/** A case's timeline, oldest first. */
export async function eventsOf(db: Executor, requestId: number): Promise<EventRow[]> {
  return db.selectFrom('disclosureEvent').selectAll().where('requestId', '=', requestId).orderBy('at').orderBy('id').execute();
}

/** A case's consultations, oldest first. */
export async function consultationsOf(db: Executor, requestId: number): Promise<ConsultationRow[]> {
  return db.selectFrom('disclosureConsultation').selectAll().where('requestId', '=', requestId).orderBy('sentOn').orderBy('id').execute();
}

/** Records consultations. */
export async function insertConsultations(trx: Executor, rows: Array<Insertable<DisclosureConsultationTable>>): Promise<void> {
  for (let at = 0; at < rows.length; at += 300) {
    await trx.insertInto('disclosureConsultation').values(rows.slice(at, at + 300)).execute();
  }
}

/** Records the answer to a consultation. */
export async function answerConsultation(trx: Executor, id: number, answeredOn: string, answer: string): Promise<void> {
  await trx.updateTable('disclosureConsultation').set({ answeredOn, answer }).where('id', '=', id).execute();
}

/** The files sent with a case's reply. */
export async function attachmentsOf(db: Executor, requestId: number) {
  return db.selectFrom('disclosureAttachment').select(['fileId', 'filename']).where('requestId', '=', requestId).orderBy('fileId').execute();
}

/** Attaches a stored file to a case's reply. */
export async function insertAttachment(trx: Executor, requestId: number, fileId: number, filename: string): Promise<void> {
  await trx.insertInto('disclosureAttachment').values({ requestId, fileId, filename }).execute();
}

/** A case's reviews and lawsuits. */
export async function disputesOf(db: Executor, requestId: number): Promise<DisputeRow[]> {
  return db.selectFrom('disclosureDispute').selectAll().where('requestId', '=', requestId).orderBy('filedOn').execute();
}

/** Records reviews or lawsuits. */
export async function insertDisputes(trx: Executor, rows: Array<Insertable<DisclosureDisputeTable>>): Promise<void> {
  if (rows.length > 0) {
    await trx.insertInto('disclosureDispute').values(rows).execute();
  }
}

/** Records the result of a review or lawsuit. */
export async function updateDispute(trx: Executor, id: number, requestId: number, result: string, decidedOn: string | null): Promise<number> {
  const r = await trx.updateTable('disclosureDispute').set({ result, decidedOn }).where('id', '=', id).where('requestId', '=', requestId).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The staff list's filter: the departments in scope (undefined = all), state, page. */
export interface StaffFilter {
  departmentIds: number[] | undefined;
  departmentId?: number | undefined;
  state?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of cases for staff, newest first, and the total. */
export async function listForStaff(db: Executor, f: StaffFilter): Promise<{ rows: RequestRow[]; total: number }> {
  let q = db.selectFrom('disclosureRequest');
  if (f.departmentIds !== undefined) {
    q = q.where('departmentId', 'in', f.departmentIds.length > 0 ? f.departmentIds : [-1]);
  }
  if (f.departmentId !== undefined) {
    q = q.where('departmentId', '=', f.departmentId);
  }
  if (f.state !== undefined) {
    q = q.where('state', '=', f.state);
  }
  const total = await q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('submittedAt', 'desc').orderBy('id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: Number(total.n) };
}

/** Open cases per department and state. */
export async function workload(db: Executor, departmentIds: number[] | undefined, states: readonly string[]) {
  let q = db.selectFrom('disclosureRequest').where('state', 'in', [...states]);
  if (departmentIds !== undefined) {
    q = q.where('departmentId', 'in', departmentIds.length > 0 ? departmentIds : [-1]);
  }
  const rows = await q.select(['departmentId', 'state', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy(['departmentId', 'state']).execute();
  return rows.map((r) => ({ departmentId: r.departmentId, state: r.state, n: Number(r.n) }));
}

/** Open cases due on or before a day (for "about to be late" and "overdue"). */
export async function openDueBy(db: Executor, departmentIds: number[] | undefined, states: readonly string[], dueBy: string): Promise<RequestRow[]> {
  let q = db.selectFrom('disclosureRequest').selectAll().where('state', 'in', [...states]).where('dueOn', 'is not', null).where('dueOn', '<=', dueBy);
  if (departmentIds !== undefined) {
    q = q.where('departmentId', 'in', departmentIds.length > 0 ? departmentIds : [-1]);
  }
  return q.orderBy('dueOn').limit(500).execute();
}

/** Cases in a state (for the lapse job). */
export async function inState(db: Executor, states: readonly string[]): Promise<RequestRow[]> {
  return db.selectFrom('disclosureRequest').selectAll().where('state', 'in', [...states]).execute();
}

/** Cases with an unpaid fee notice. */
export async function unpaidFees(db: Executor): Promise<RequestRow[]> {
  return db.selectFrom('disclosureRequest').selectAll().where('feeIssuedOn', 'is not', null).where('feePaidOn', 'is', null).where('closedOn', 'is', null).execute();
}

/** A signed-in applicant's own cases. */
export async function listForUser(db: Executor, userId: number): Promise<RequestRow[]> {
  return db.selectFrom('disclosureRequest').selectAll().where('userId', '=', userId).orderBy('submittedAt', 'desc').limit(200).execute();
}

/** How many applications one applicant (by ID number) had received in a date range (fees per calendar month). */
export async function countByApplicant(db: Executor, idNumber: string, from: string, to: string, exceptId: number): Promise<number> {
  const r = await db
    .selectFrom('disclosureRequest')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('idNumber', '=', idNumber)
    .where('receivedOn', '>=', from)
    .where('receivedOn', '<=', to)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The facts the annual report counts: cases open at some point of the period. */
export async function reportCases(db: Executor, yearStart: string, yearEnd: string, departmentId: number | undefined) {
  let q = db
    .selectFrom('disclosureRequest')
    .select(['id', 'departmentId', 'applicantCategory', 'receivedOn', 'closedOn', 'outcome', 'outcomeReason'])
    .where('receivedOn', 'is not', null)
    .where('receivedOn', '<=', yearEnd)
    .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', yearStart)]));
  if (departmentId !== undefined) {
    q = q.where('departmentId', '=', departmentId);
  }
  return q.execute();
}

/** Reviews and lawsuits filed in the period. */
export async function reportDisputes(db: Executor, yearStart: string, yearEnd: string, departmentId: number | undefined) {
  let q = db
    .selectFrom('disclosureDispute as d')
    .innerJoin('disclosureRequest as r', 'r.id', 'd.requestId')
    .select(['d.kind', 'd.result', 'd.decidedOn', 'd.filedOn'])
    .where('d.filedOn', '>=', yearStart)
    .where('d.filedOn', '<=', yearEnd);
  if (departmentId !== undefined) {
    q = q.where('r.departmentId', '=', departmentId);
  }
  return q.execute();
}

/** Contacts of cases, for the outbox. */
export async function contacts(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('disclosureRequest').select(['id', 'applicantName', 'phone', 'email']).where('id', 'in', ids).execute();
}
