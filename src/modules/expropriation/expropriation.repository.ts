import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ExpropriationHouseholdTable, ExpropriationItemTable, ExpropriationProjectTable } from './expropriation.table.js';

// All SQL of projects, their directory and events, and households. Public reads never select the ID
// number or the access-code hash; the staff reads are separate functions.

export type ProjectRow = Selectable<ExpropriationProjectTable>;
export type ItemRow = Selectable<ExpropriationItemTable>;
export type HouseholdRow = Selectable<ExpropriationHouseholdTable>;
export type NewHousehold = Insertable<ExpropriationHouseholdTable>;

const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Every project, newest first. */
export function listProjects(db: Executor): Promise<ProjectRow[]> {
  return db.selectFrom('expropriationProject').selectAll().orderBy('id', 'desc').execute();
}

/** A project by id. */
export function projectById(db: Executor, id: number): Promise<ProjectRow | undefined> {
  return db.selectFrom('expropriationProject').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a project; returns its id. */
export async function insertProject(trx: Executor, p: Insertable<ExpropriationProjectTable>): Promise<number> {
  const r = await trx.insertInto('expropriationProject').values(p).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a project. */
export async function updateProject(trx: Executor, id: number, set: Updateable<ExpropriationProjectTable>): Promise<void> {
  await trx.updateTable('expropriationProject').set(set).where('id', '=', id).execute();
}

/** The key dates of a project, in date order. */
export function eventsOf(db: Executor, projectId: number) {
  return db.selectFrom('expropriationEvent').selectAll().where('projectId', '=', projectId).orderBy('occurredOn').orderBy('id').execute();
}

/** Records a key date. */
export async function insertEvent(trx: Executor, e: { projectId: number; kind: string; occurredOn: string; note: string }): Promise<number> {
  const r = await trx.insertInto('expropriationEvent').values(e).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The directory rows of a project, in order. */
export function itemsOf(db: Executor, projectId: number): Promise<ItemRow[]> {
  return db.selectFrom('expropriationItem').selectAll().where('projectId', '=', projectId).orderBy('seq').execute();
}

/** Inserts directory rows. */
export async function insertItems(trx: Executor, rows: Array<Insertable<ExpropriationItemTable>>): Promise<void> {
  if (rows.length > 0) {
    await trx.insertInto('expropriationItem').values(rows).execute();
  }
}

/** A directory row by its project and number. */
export function itemBySeq(db: Executor, projectId: number, seq: number): Promise<ItemRow | undefined> {
  return db.selectFrom('expropriationItem').selectAll().where('projectId', '=', projectId).where('seq', '=', seq).executeTakeFirst();
}

/** Sets a row's publication (date, link, attachment). */
export async function updateItem(trx: Executor, id: number, set: Updateable<ExpropriationItemTable>): Promise<void> {
  await trx.updateTable('expropriationItem').set(set).where('id', '=', id).execute();
}

/** The highest row number of a project's directory (0 when empty). */
export async function maxItemSeq(db: Executor, projectId: number): Promise<number> {
  const r = await db.selectFrom('expropriationItem').select((eb) => eb.fn.max('seq').as('m')).where('projectId', '=', projectId).executeTakeFirst();
  return n(r?.m ?? 0);
}

/** Deletes a directory row. */
export async function deleteItem(trx: Executor, id: number): Promise<void> {
  await trx.deleteFrom('expropriationItem').where('id', '=', id).execute();
}

/** The filters of the public household list. */
export interface HouseholdFilter {
  number?: string;
  building?: string;
  signing?: string;
  scheme?: string;
}

// The columns the public list may show (after masking): never idNumber, idHash or accessCodeHash.
const PUBLIC_COLUMNS = ['id', 'number', 'ownerName', 'building', 'areaCm2', 'surveyStatus', 'rightsStatus', 'scheme', 'compensation', 'signingStatus', 'signedOn', 'selectionOrder', 'paymentStatus', 'correctedOn'] as const;

function filtered(db: Executor, projectId: number, f: HouseholdFilter) {
  let q = db.selectFrom('expropriationHousehold').where('projectId', '=', projectId);
  if (f.number) {
    q = q.where('number', '=', f.number);
  }
  if (f.building) {
    q = q.where('building', '=', f.building);
  }
  if (f.signing) {
    q = q.where('signingStatus', '=', f.signing);
  }
  if (f.scheme) {
    q = q.where('scheme', '=', f.scheme);
  }
  return q;
}

/** One page of a project's households with only the publicly showable columns. */
export function publicHouseholdPage(db: Executor, projectId: number, f: HouseholdFilter, page: number, size: number) {
  return filtered(db, projectId, f).select(PUBLIC_COLUMNS).orderBy('building').orderBy('number').limit(size).offset((page - 1) * size).execute();
}
export type PublicHouseholdRow = Awaited<ReturnType<typeof publicHouseholdPage>>[number];

/** How many households match a filter. */
export async function countHouseholds(db: Executor, projectId: number, f: HouseholdFilter): Promise<number> {
  const r = await filtered(db, projectId, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return n(r.n);
}

/** Household counts of a project by building, signing state and scheme (the list filters' dimensions). */
export async function householdGroups(db: Executor, projectId: number) {
  const rows = await db
    .selectFrom('expropriationHousehold')
    .select(['building', 'signingStatus', 'scheme'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('projectId', '=', projectId)
    .groupBy(['building', 'signingStatus', 'scheme'])
    .execute();
  return rows.map((r) => ({ building: r.building, signingStatus: r.signingStatus, scheme: r.scheme, n: n(r.n) }));
}

/** Every household of a project for a printed list (public columns only), by building and number. */
export function publicHouseholdsOf(db: Executor, projectId: number, building?: string) {
  return filtered(db, projectId, { building }).select(PUBLIC_COLUMNS).orderBy('building').orderBy('number').execute();
}

/** A full household record (staff and the household itself). */
export function householdById(db: Executor, id: number): Promise<HouseholdRow | undefined> {
  return db.selectFrom('expropriationHousehold').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A full household record by its number in a project. */
export function householdByNumber(db: Executor, projectId: number, number: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('expropriationHousehold').selectAll().where('projectId', '=', projectId).where('number', '=', number).executeTakeFirst();
}

/** A household by the hash of its access code. */
export function householdByCodeHash(db: Executor, hash: string): Promise<HouseholdRow | undefined> {
  return db.selectFrom('expropriationHousehold').selectAll().where('accessCodeHash', '=', hash).executeTakeFirst();
}

/** Existing household numbers of a project among some (import duplicate check). */
export async function existingNumbers(db: Executor, projectId: number, numbers: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < numbers.length; i += 500) {
    const rows = await db.selectFrom('expropriationHousehold').select('number').where('projectId', '=', projectId).where('number', 'in', numbers.slice(i, i + 500)).execute();
    rows.forEach((r) => out.add(r.number));
  }
  return out;
}

/** Inserts households in chunks (bound parameters stay under the engines' limits). */
export async function insertHouseholds(trx: Executor, rows: NewHousehold[], chunk = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx.insertInto('expropriationHousehold').values(rows.slice(i, i + chunk)).execute();
  }
}

/** Updates a household only if it is still at the version read (two staff correcting at once: one wins). */
export async function updateHousehold(trx: Executor, id: number, version: number, set: Updateable<ExpropriationHouseholdTable>): Promise<boolean> {
  const r = await trx.updateTable('expropriationHousehold').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return n(r.numUpdatedRows) === 1;
}

/** Keeps a household's previous version. */
export async function insertHouseholdVersion(trx: Executor, v: { householdId: number; version: number; snapshot: string; reason: string; changedBy: number | null; changedAt: string }): Promise<void> {
  await trx.insertInto('expropriationHouseholdVersion').values(v).execute();
}

/** The earlier versions of a household, newest first. */
export function householdVersions(db: Executor, householdId: number) {
  return db.selectFrom('expropriationHouseholdVersion').selectAll().where('householdId', '=', householdId).orderBy('version', 'desc').execute();
}

/** Opens a household session (token hash). */
export async function insertHouseholdSession(trx: Executor, s: { id: string; householdId: number; createdAt: string; expiresAt: string }): Promise<void> {
  await trx.insertInto('expropriationHouseholdSession').values(s).execute();
}

/** The household of a live session. */
export async function sessionHousehold(db: Executor, id: string, now: string): Promise<number | undefined> {
  const r = await db.selectFrom('expropriationHouseholdSession').select('householdId').where('id', '=', id).where('expiresAt', '>', now).executeTakeFirst();
  return r?.householdId;
}

/** Ends a household session. */
export async function deleteHouseholdSession(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('expropriationHouseholdSession').where('id', '=', id).execute();
}
