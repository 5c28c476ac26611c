import type SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import { cachedStatement } from '../../db/connect.js';
import type { OpenDayRegistrationTable } from '../open-days/open-days.table.js';
import { ACTIVE, PLACE_HOLDING, type HeldSlot } from './open-day-registration.rules.js';
import type { SessionContext } from './open-day-registration.repository.js';

// The registration hot path on SQLite, written out by hand. In a flash crowd one writer serialises
// every registration, so each statement's cost is the throughput: building a query with Kysely costs
// several times what SQLite takes to run it. These run on the connection inside the caller's
// transaction (repository.ts decides when) and return exactly what the Kysely versions return; the
// suite runs on both engines, so the two are held to the same behaviour.

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

const SESSION_CONTEXT = `select s.id, s.point_id as pointId, s.starts_at as startsAt, s.ends_at as endsAt, s.capacity, s.booked, s.waitlisted,
  p.code as pointCode, p.topic as pointTopic, p.organiser as pointOrganiser, p.address as pointAddress, p.status as pointStatus,
  p.department_id as pointDepartmentId, p.guest_quota as guestQuota,
  c.id as campaignId, c.title as campaignTitle, c.status as campaignStatus, c.registration_opens_at as registrationOpensAt, c.registration_closes_at as registrationClosesAt
from open_point_session s join open_point p on p.id = s.point_id join open_day_campaign c on c.id = p.campaign_id where s.id = ?`;

const HELD_BY_MOBILE = `select r.id as registrationId, r.session_id as sessionId, r.status, s.starts_at as startsAt, s.ends_at as endsAt
from open_day_registration r join open_point_session s on s.id = r.session_id
where r.campaign_id = ? and r.status in (${list(ACTIVE)}) and r.mobile = ?`;

// Two indexed lookups joined by UNION rather than one OR, which SQLite may answer with a scan.
const HELD_BY_MOBILE_OR_ID = `${HELD_BY_MOBILE}
union
select r.id, r.session_id, r.status, s.starts_at, s.ends_at
from open_day_registration r join open_point_session s on s.id = r.session_id
where r.campaign_id = ? and r.status in (${list(ACTIVE)}) and r.id_number = ?`;

const GUESTS_HOLDING = `(select count(*) from open_day_registration where session_id = ? and kind = 'guest' and status in (${list(PLACE_HOLDING)}))`;

/** A session with its point and campaign. */
export function sessionContext(h: SQLite.Database, sessionId: number): SessionContext | undefined {
  return cachedStatement<[number], SessionContext>(h, SESSION_CONTEXT).get(sessionId);
}

/** A person's active registrations in a campaign, by mobile or ID number. */
export function heldSlots(h: SQLite.Database, campaignId: number, mobile: string, idNumber: string | null): HeldSlot[] {
  return idNumber
    ? cachedStatement<[number, string, number, string], HeldSlot>(h, HELD_BY_MOBILE_OR_ID).all(campaignId, mobile, campaignId, idNumber)
    : cachedStatement<[number, string], HeldSlot>(h, HELD_BY_MOBILE).all(campaignId, mobile);
}

/** A point's sessions (id, capacity) in time order. */
export function sessionCapacities(h: SQLite.Database, pointId: number): Array<{ id: number; capacity: number }> {
  return cachedStatement<[number], { id: number; capacity: number }>(h, 'select id, capacity from open_point_session where point_id = ? order by starts_at, id').all(pointId);
}

/** Takes one place if one is free (the unfilled part of a guest reservation counts as taken). */
export function takePlace(h: SQLite.Database, sessionId: number, reserved: number): boolean {
  const r =
    reserved > 0
      ? cachedStatement(h, `update open_point_session set booked = booked + 1 where id = ? and booked + max(0, ? - ${GUESTS_HOLDING}) < capacity`).run(sessionId, reserved, sessionId)
      : cachedStatement(h, 'update open_point_session set booked = booked + 1 where id = ? and booked < capacity').run(sessionId);
  return r.changes > 0;
}

/** Changes a session's waitlist counter and returns the new count. */
export function changeWaitlisted(h: SQLite.Database, sessionId: number, delta: number): number {
  const r = cachedStatement<[number, number], { waitlisted: number }>(h, 'update open_point_session set waitlisted = waitlisted + ? where id = ? returning waitlisted').get(delta, sessionId);
  return r?.waitlisted ?? 0;
}

/** The next waitlist sequence number of a session. */
export function nextWaitlistSeq(h: SQLite.Database, sessionId: number): number {
  const r = cachedStatement<[number], { m: number | null }>(h, 'select max(waitlist_seq) as m from open_day_registration where session_id = ?').get(sessionId);
  return Number(r?.m ?? 0) + 1;
}

/** True when a code is already used. */
export function codeExists(h: SQLite.Database, code: string): boolean {
  return cachedStatement<[string]>(h, 'select 1 from open_day_registration where code = ?').get(code) !== undefined;
}

/** Inserts a registration and returns its id. */
export function insertRegistration(h: SQLite.Database, r: Insertable<OpenDayRegistrationTable>): number {
  const stmt = cachedStatement<unknown[], { id: number }>(
    h,
    `insert into open_day_registration (session_id, point_id, campaign_id, name, mobile, id_number, email, user_id, kind, guest_category, status, code, cancel_token, waitlist_seq, checked_in_at, cancelled_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
  );
  const row = stmt.get(
    r.sessionId,
    r.pointId,
    r.campaignId,
    r.name,
    r.mobile,
    r.idNumber ?? null,
    r.email ?? null,
    r.userId ?? null,
    r.kind,
    r.guestCategory ?? null,
    r.status,
    r.code,
    r.cancelToken,
    r.waitlistSeq ?? null,
    r.checkedInAt ?? null,
    r.cancelledAt ?? null,
    r.createdAt,
    r.updatedAt,
  );
  return row!.id;
}

/** Name, mobile and e-mail of registrations, by id (the outbox's recipient lookup). */
export function contacts(h: SQLite.Database, ids: number[]): Map<number, { name: string; mobile: string; email: string | null }> {
  const stmt = cachedStatement<[number], { id: number; name: string; mobile: string; email: string | null }>(h, 'select id, name, mobile, email from open_day_registration where id = ?');
  const out = new Map<number, { name: string; mobile: string; email: string | null }>();
  for (const id of ids) {
    const r = stmt.get(id);
    if (r) {
      out.set(r.id, { name: r.name, mobile: r.mobile, email: r.email });
    }
  }
  return out;
}
