import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import { sqliteInTransaction } from '../../db/connect.js';
import * as fast from './open-day-registration.sqlite.js';
import type { OpenDayRegistrationTable } from '../open-days/open-days.table.js';
import { ACTIVE, PLACE_HOLDING, type HeldSlot } from './open-day-registration.rules.js';

// All SQL of open-day registration. Counters on openPointSession (booked, waitlisted) change only
// through the conditional or relative updates below, in the transaction that changes the rows.

export type RegistrationRow = Selectable<OpenDayRegistrationTable>;

/** A session with what registration needs of its point and campaign. */
export interface SessionContext {
  id: number;
  pointId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  waitlisted: number;
  pointCode: string;
  pointTopic: string;
  pointOrganiser: string;
  pointAddress: string;
  pointStatus: string;
  pointDepartmentId: number | null;
  guestQuota: number;
  campaignId: number;
  campaignTitle: string;
  campaignStatus: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
}

const sessionContextQuery = (db: Executor) =>
  db
    .selectFrom('openPointSession as s')
    .innerJoin('openPoint as p', 'p.id', 's.pointId')
    .innerJoin('openDayCampaign as c', 'c.id', 'p.campaignId')
    .select([
      's.id',
      's.pointId',
      's.startsAt',
      's.endsAt',
      's.capacity',
      's.booked',
      's.waitlisted',
      'p.code as pointCode',
      'p.topic as pointTopic',
      'p.organiser as pointOrganiser',
      'p.address as pointAddress',
      'p.status as pointStatus',
      'p.departmentId as pointDepartmentId',
      'p.guestQuota',
      'c.id as campaignId',
      'c.title as campaignTitle',
      'c.status as campaignStatus',
      'c.registrationOpensAt',
      'c.registrationClosesAt',
    ]);

/** A session with its point and campaign. */
export function sessionContext(db: Executor, sessionId: number): Promise<SessionContext | undefined> {
  const raw = sqliteInTransaction(db);
  if (raw) {
    return Promise.resolve(fast.sessionContext(raw, sessionId));
  }
  return sessionContextQuery(db).where('s.id', '=', sessionId).executeTakeFirst();
}

/** The sessions of a point with their point and campaign, in time order. */
export function pointSessionContexts(db: Executor, pointId: number): Promise<SessionContext[]> {
  return sessionContextQuery(db).where('s.pointId', '=', pointId).orderBy('s.startsAt').orderBy('s.id').execute();
}

/** The sessions of a point (id and capacity) in time order: the guest quota is split over them. */
export function sessionCapacities(db: Executor, pointId: number): Promise<Array<{ id: number; capacity: number }>> {
  const raw = sqliteInTransaction(db);
  if (raw) {
    return Promise.resolve(fast.sessionCapacities(raw, pointId));
  }
  return db.selectFrom('openPointSession').select(['id', 'capacity']).where('pointId', '=', pointId).orderBy('startsAt').orderBy('id').execute();
}

/** Guests holding a place, per session of a point. */
export async function guestsBookedBySession(db: Executor, pointId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('openDayRegistration')
    .select(['sessionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pointId', '=', pointId)
    .where('kind', '=', 'guest')
    .where('status', 'in', PLACE_HOLDING)
    .groupBy('sessionId')
    .execute();
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}

/** Active guests of a point (for the quota). */
export async function activeGuestCount(db: Executor, pointId: number): Promise<number> {
  const r = await db
    .selectFrom('openDayRegistration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pointId', '=', pointId)
    .where('kind', '=', 'guest')
    .where('status', 'in', ACTIVE)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Serialises the registrations of one person within a campaign, so the same-session and overlap
 * rules hold under concurrency. SQLite transactions already run one at a time (BEGIN IMMEDIATE);
 * PostgreSQL takes a transaction-scoped advisory lock per identity (mobile, ID number), in sorted
 * order so two transactions never wait on each other in a cycle.
 */
export async function lockPerson(trx: Executor, campaignId: number, keys: string[]): Promise<void> {
  if (!isPostgres(trx)) {
    return;
  }
  for (const k of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(7318100, hashtext(${`${campaignId}:${k}`}))`.execute(trx);
  }
}

/**
 * Locks a point's row until the transaction ends (a no-op update): guest registrations of one point
 * queue behind each other, so the quota holds. SQLite transactions are serial anyway.
 */
export async function lockPoint(trx: Executor, pointId: number): Promise<void> {
  await trx.updateTable('openPoint').set((eb) => ({ guestQuota: eb.ref('guestQuota') })).where('id', '=', pointId).execute();
}

/** A person's registrations in a campaign (by mobile, or ID number when given), with their sessions' times. */
export function heldSlots(db: Executor, campaignId: number, mobile: string, idNumber: string | null): Promise<HeldSlot[]> {
  const raw = sqliteInTransaction(db);
  if (raw) {
    return Promise.resolve(fast.heldSlots(raw, campaignId, mobile, idNumber));
  }
  return db
    .selectFrom('openDayRegistration as r')
    .innerJoin('openPointSession as s', 's.id', 'r.sessionId')
    .select(['r.id as registrationId', 'r.sessionId', 'r.status', 's.startsAt', 's.endsAt'])
    .where('r.campaignId', '=', campaignId)
    .where('r.status', 'in', ACTIVE)
    .where((eb) => (idNumber ? eb.or([eb('r.mobile', '=', mobile), eb('r.idNumber', '=', idNumber)]) : eb('r.mobile', '=', mobile)))
    .execute();
}

/**
 * Takes one place in a session if one is free: a single conditional UPDATE, atomic on both engines.
 * With `reserved` > 0 (public registrations under a guest reservation) the unfilled part of the
 * reservation counts as taken. Returns false when the session is full.
 */
export async function takePlace(trx: Executor, sessionId: number, reserved: number): Promise<boolean> {
  const raw = sqliteInTransaction(trx);
  if (raw) {
    return fast.takePlace(raw, sessionId, reserved);
  }
  const q = trx.updateTable('openPointSession').set((eb) => ({ booked: eb('booked', '+', 1) })).where('id', '=', sessionId);
  const guarded =
    reserved > 0
      ? q.where((eb) => {
          const guests = eb
            .selectFrom('openDayRegistration')
            .select((g) => g.fn.countAll().as('n'))
            .where('sessionId', '=', sessionId)
            .where('kind', '=', 'guest')
            .where('status', 'in', PLACE_HOLDING);
          const unfilled = sql<number>`case when ${sql.lit(reserved)} > (${guests}) then ${sql.lit(reserved)} - (${guests}) else 0 end`;
          return eb(eb('booked', '+', unfilled), '<', eb.ref('capacity'));
        })
      : q.whereRef('booked', '<', 'capacity');
  const r = await guarded.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives back places (cancellation, no-show). */
export async function releasePlaces(trx: Executor, sessionId: number, n: number): Promise<void> {
  if (n > 0) {
    await trx.updateTable('openPointSession').set((eb) => ({ booked: eb('booked', '-', n) })).where('id', '=', sessionId).execute();
  }
}

/** Adds to (or, negative, removes from) a session's waitlist counter and returns the new count; on PostgreSQL this also locks the session row. */
export async function changeWaitlisted(trx: Executor, sessionId: number, delta: number): Promise<number> {
  const raw = sqliteInTransaction(trx);
  if (raw) {
    return fast.changeWaitlisted(raw, sessionId, delta);
  }
  const r = await trx.updateTable('openPointSession').set((eb) => ({ waitlisted: eb('waitlisted', '+', delta) })).where('id', '=', sessionId).returning('waitlisted').executeTakeFirst();
  return r?.waitlisted ?? 0;
}

/** The next waitlist sequence number of a session (call with the session row locked). */
export async function nextWaitlistSeq(trx: Executor, sessionId: number): Promise<number> {
  const raw = sqliteInTransaction(trx);
  if (raw) {
    return fast.nextWaitlistSeq(raw, sessionId);
  }
  const r = await trx
    .selectFrom('openDayRegistration')
    .select((eb) => eb.fn.max('waitlistSeq').as('m'))
    .where('sessionId', '=', sessionId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

/** True when a code is already used. */
export async function codeExists(db: Executor, code: string): Promise<boolean> {
  const raw = sqliteInTransaction(db);
  if (raw) {
    return fast.codeExists(raw, code);
  }
  return (await db.selectFrom('openDayRegistration').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** Inserts a registration. */
export async function insertRegistration(trx: Executor, row: Insertable<OpenDayRegistrationTable>): Promise<number> {
  const raw = sqliteInTransaction(trx);
  if (raw) {
    return fast.insertRegistration(raw, row);
  }
  return (await trx.insertInto('openDayRegistration').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts many registrations (demo data), in chunks under the engines' parameter limits. */
export async function insertRegistrations(trx: Executor, rows: Array<Insertable<OpenDayRegistrationTable>>): Promise<void> {
  for (let at = 0; at < rows.length; at += 1000) {
    await trx.insertInto('openDayRegistration').values(rows.slice(at, at + 1000)).execute();
  }
}

/** Sets a session's counters (demo data, after bulk inserts). */
export async function setCounters(trx: Executor, sessionId: number, booked: number, waitlisted: number): Promise<void> {
  await trx.updateTable('openPointSession').set({ booked, waitlisted }).where('id', '=', sessionId).execute();
}

/** A registration by id. */
export function findById(db: Executor, id: number): Promise<RegistrationRow | undefined> {
  return db.selectFrom('openDayRegistration').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A registration by its code. */
export function findByCode(db: Executor, code: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('openDayRegistration').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A registration by the hash of its link token. */
export function findByTokenHash(db: Executor, hash: string): Promise<RegistrationRow | undefined> {
  return db.selectFrom('openDayRegistration').selectAll().where('cancelToken', '=', hash).executeTakeFirst();
}

/** Moves a registration from one of the expected states to another; false when it was in none of them. */
export async function moveIf(trx: Executor, id: number, from: readonly string[], patch: { status: string; checkedInAt?: string | null; cancelledAt?: string | null; updatedAt: string }): Promise<boolean> {
  const r = await trx.updateTable('openDayRegistration').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The waitlisted registrations of a session (the service puts them in promotion order). */
export function waitlistedOf(db: Executor, sessionId: number): Promise<RegistrationRow[]> {
  return db.selectFrom('openDayRegistration').selectAll().where('sessionId', '=', sessionId).where('status', '=', 'waitlisted').execute();
}

/** Marks every still-confirmed registration of a session no-show; returns how many. */
export async function markNoShows(trx: Executor, sessionId: number, at: string): Promise<number> {
  const r = await trx.updateTable('openDayRegistration').set({ status: 'no_show', updatedAt: at }).where('sessionId', '=', sessionId).where('status', '=', 'confirmed').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Sessions that started before `cutoff` and still have confirmed registrations (the no-show job's work). */
export async function sessionsWithDueNoShows(db: Executor, cutoff: string): Promise<number[]> {
  const rows = await db
    .selectFrom('openPointSession as s')
    .select('s.id')
    .where('s.startsAt', '<=', cutoff)
    .where((eb) => eb.exists(eb.selectFrom('openDayRegistration as r').select('r.id').whereRef('r.sessionId', '=', 's.id').where('r.status', '=', 'confirmed')))
    .orderBy('s.id')
    .limit(500)
    .execute();
  return rows.map((r) => r.id);
}

/** A registration with its session, point and campaign, for pages and notifications. */
export interface RegistrationView extends RegistrationRow {
  startsAt: string;
  endsAt: string;
  pointCode: string;
  pointTopic: string;
  pointOrganiser: string;
  pointAddress: string;
  campaignTitle: string;
}

const viewQuery = (db: Executor) =>
  db
    .selectFrom('openDayRegistration as r')
    .innerJoin('openPointSession as s', 's.id', 'r.sessionId')
    .innerJoin('openPoint as p', 'p.id', 'r.pointId')
    .innerJoin('openDayCampaign as c', 'c.id', 'r.campaignId')
    .selectAll('r')
    .select(['s.startsAt', 's.endsAt', 'p.code as pointCode', 'p.topic as pointTopic', 'p.organiser as pointOrganiser', 'p.address as pointAddress', 'c.title as campaignTitle']);

/** One registration with its context. */
export function viewById(db: Executor, id: number): Promise<RegistrationView | undefined> {
  return viewQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** A signed-in citizen's registrations, newest sessions first. */
export function viewsOfUser(db: Executor, userId: number): Promise<RegistrationView[]> {
  return viewQuery(db).where('r.userId', '=', userId).orderBy('s.startsAt', 'desc').orderBy('r.id', 'desc').limit(200).execute();
}

/** Registrations at a point matching a code, or a name, or the last digits of a mobile number. */
export function searchAtPoint(db: Executor, pointId: number, q: { code?: string; name?: string; mobileSuffix?: string }): Promise<RegistrationView[]> {
  return viewQuery(db)
    .where('r.pointId', '=', pointId)
    .where((eb) => {
      const ors = [];
      if (q.code) {
        ors.push(eb('r.code', '=', q.code));
      }
      if (q.name) {
        ors.push(eb('r.name', 'like', `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      }
      if (q.mobileSuffix) {
        ors.push(eb('r.mobile', 'like', `%${q.mobileSuffix}`));
      }
      return ors.length > 0 ? eb.or(ors) : eb('r.id', '<', 0);
    })
    .orderBy('s.startsAt')
    .orderBy('r.name')
    .limit(50)
    .execute();
}

/** The guests registered at a point. */
export function guestsAtPoint(db: Executor, pointId: number): Promise<RegistrationView[]> {
  return viewQuery(db).where('r.pointId', '=', pointId).where('r.kind', '=', 'guest').orderBy('s.startsAt').orderBy('r.id').execute();
}

/** Registration counts by session and status at one point. */
export function countsBySession(db: Executor, pointId: number): Promise<Array<{ sessionId: number; status: string; n: number }>> {
  return db
    .selectFrom('openDayRegistration')
    .select(['sessionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pointId', '=', pointId)
    .groupBy(['sessionId', 'status'])
    .execute();
}

/** Registration counts by point and status in a campaign. */
export function countsByPoint(db: Executor, campaignId: number): Promise<Array<{ pointId: number; status: string; n: number }>> {
  return db
    .selectFrom('openDayRegistration')
    .select(['pointId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaignId', '=', campaignId)
    .groupBy(['pointId', 'status'])
    .execute();
}

/** Registration counts by session and status in a campaign. */
export function countsBySessionInCampaign(db: Executor, campaignId: number): Promise<Array<{ sessionId: number; status: string; n: number }>> {
  return db
    .selectFrom('openDayRegistration')
    .select(['sessionId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaignId', '=', campaignId)
    .groupBy(['sessionId', 'status'])
    .execute();
}

/** The points of a campaign, for the attendance table. */
export function campaignPoints(db: Executor, campaignId: number) {
  return db
    .selectFrom('openPoint')
    .select(['id', 'code', 'topic', 'organiser', 'level', 'district', 'departmentId'])
    .where('campaignId', '=', campaignId)
    .orderBy('code')
    .execute();
}

/** Campaigns, newest first (the attendance page's choice). */
export function campaigns(db: Executor) {
  return db.selectFrom('openDayCampaign').select(['id', 'title', 'year', 'startsOn']).orderBy('startsOn', 'desc').orderBy('id', 'desc').execute();
}

/** The sessions of a campaign's points with their counters (demo data fills them). */
export function campaignSessions(db: Executor, campaignId: number) {
  return db
    .selectFrom('openPointSession as s')
    .innerJoin('openPoint as p', 'p.id', 's.pointId')
    .select(['s.id', 's.pointId', 's.startsAt', 's.endsAt', 's.capacity', 'p.guestQuota'])
    .where('p.campaignId', '=', campaignId)
    .orderBy('s.pointId')
    .orderBy('s.startsAt')
    .orderBy('s.id')
    .execute();
}

/** Contact details of registrations, for the outbox (by id). */
export async function contacts(db: Executor, ids: number[]): Promise<Map<number, { name: string; mobile: string; email: string | null }>> {
  if (ids.length === 0) {
    return new Map();
  }
  const raw = sqliteInTransaction(db);
  if (raw) {
    return fast.contacts(raw, ids);
  }
  const rows = await db.selectFrom('openDayRegistration').select(['id', 'name', 'mobile', 'email']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, mobile: r.mobile, email: r.email }]));
}
