import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addMinutes, nowIso, toChinaDateTime } from '../../platform/clock.js';
import { maskMobile } from '../../platform/identity/index.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';
import { currentCampaign, pointByCode, type OpenPointRow } from '../open-days/index.js';
import * as repo from './open-day-registration.repository.js';
import { cancel, promoteWaitlist, registerGuestPlace, type RegisterResult } from './open-day-registration.service.js';
import { guestReserve, NO_SHOW_GRACE_MINUTES, noShowDue, normaliseCode, isValidCode, type RegistrationStatus } from './open-day-registration.rules.js';
import type { GuestInput } from './open-day-registration.schema.js';

// What staff do on and around the day: invited guests, check-in, no-shows, attendance figures.

/** Whether a staff member works a point's desk (check-in, guests): the general office, or staff of its organising department. */
export function worksDesk(u: CurrentUser, point: { departmentId: number | null }): boolean {
  return u.role === 'admin' || (point.departmentId !== null && canActInDepartment(u, point.departmentId));
}

/** Staff of the point's organising department, or the general office. */
export async function staffPoint(db: Executor, user: CurrentUser | null, pointCode: string): Promise<OpenPointRow> {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const point = await pointByCode(db, pointCode);
  if (!point) {
    throw new AppError('not_found');
  }
  if (!worksDesk(u, point)) {
    throw new AppError('forbidden');
  }
  return point;
}

/** Counts of one session or point by status, as staff read them. */
export interface Attendance {
  /** Everyone who got a place: confirmed, checked in or no-show. */
  registered: number;
  checkedIn: number;
  noShow: number;
  /** Still holding a place but not yet arrived. */
  expected: number;
  waitlisted: number;
  cancelled: number;
}

/** Folds status counts into the attendance figures. */
export function attendanceOf(counts: Array<{ status: string; n: number }>): Attendance {
  const by = (s: RegistrationStatus) => counts.filter((c) => c.status === s).reduce((a, c) => a + Number(c.n), 0);
  const checkedIn = by('checked_in');
  const noShow = by('no_show');
  const expected = by('confirmed');
  return { registered: checkedIn + noShow + expected, checkedIn, noShow, expected, waitlisted: by('waitlisted'), cancelled: by('cancelled') };
}

/** Reads a check-in search: a code, a mobile suffix (4+ digits) or a name. */
export function parseSearch(q: string): { code?: string; name?: string; mobileSuffix?: string } {
  const code = normaliseCode(q);
  if (isValidCode(code)) {
    return { code };
  }
  if (/^\d{4,11}$/.test(q.trim())) {
    return { mobileSuffix: q.trim() };
  }
  return q.trim().length >= 1 ? { name: q.trim() } : {};
}

/** The check-in page: the point's sessions with their figures and, for a search, the matching registrations. */
export async function checkInDesk(db: Executor, user: CurrentUser | null, pointCode: string, q: string | undefined, now: string = nowIso()) {
  const point = await staffPoint(db, user, pointCode);
  const sessions = await repo.pointSessionContexts(db, point.id);
  const counts = await repo.countsBySession(db, point.id);
  const rows = sessions.map((s) => ({ session: s, attendance: attendanceOf(counts.filter((c) => c.sessionId === s.id)), noShowDue: noShowDue(s, now) }));
  const results = q ? await repo.searchAtPoint(db, point.id, parseSearch(q)) : null;
  return { point, sessions: rows, results, total: attendanceOf(counts) };
}

async function loadAtPoint(db: Executor, point: OpenPointRow, registrationId: number): Promise<repo.RegistrationRow> {
  const r = await repo.findById(db, registrationId);
  if (!r || r.pointId !== point.id) {
    throw new AppError('not_found');
  }
  return r;
}

/**
 * Checks a visitor in (idempotent: a second check-in changes nothing). A no-show who arrives late gets
 * a place back if one is free. Waitlisted and cancelled registrations cannot be checked in.
 */
export async function checkIn(trx: Executor, actor: Actor, user: CurrentUser | null, pointCode: string, registrationId: number, now: string = nowIso()): Promise<{ already: boolean; registration: repo.RegistrationRow }> {
  const point = await staffPoint(trx, user, pointCode);
  const r = await loadAtPoint(trx, point, registrationId);
  if (r.status === 'checked_in') {
    return { already: true, registration: r };
  }
  if (r.status === 'no_show') {
    const s = (await repo.sessionContext(trx, r.sessionId))!;
    const reserved = r.kind === 'guest' ? 0 : (guestReserve(await repo.sessionCapacities(trx, s.pointId), s.guestQuota).get(s.id) ?? 0);
    if (!(await repo.takePlace(trx, r.sessionId, reserved))) {
      throw new AppError('invalid_state', {}, [], 'registration.late_full');
    }
  } else if (r.status !== 'confirmed') {
    throw new AppError('invalid_state', {}, [], r.status === 'waitlisted' ? 'registration.check_in_waitlisted' : 'registration.check_in_cancelled');
  }
  if (!(await repo.moveIf(trx, r.id, [r.status], { status: 'checked_in', checkedInAt: now, updatedAt: now }))) {
    throw new AppError('conflict');
  }
  await recordAudit(trx, actor, { action: 'open_day.check_in', entityType: 'open_day_registration', entityId: r.id, before: { status: r.status }, after: { status: 'checked_in', checkedInAt: now, pointCode } });
  return { already: false, registration: { ...r, status: 'checked_in', checkedInAt: now } };
}

/** Check-in by code (a scanner at the door, or a code typed in). */
export async function checkInByCode(trx: Executor, actor: Actor, user: CurrentUser | null, pointCode: string, code: string, now: string = nowIso()) {
  const point = await staffPoint(trx, user, pointCode);
  const r = await repo.findByCode(trx, code);
  if (!r || r.pointId !== point.id) {
    throw fieldError('code', 'registration.code_not_here');
  }
  return checkIn(trx, actor, user, pointCode, r.id, now);
}

async function releaseNoShows(trx: Executor, sessionId: number, now: string): Promise<{ noShows: number; promoted: number[] }> {
  const noShows = await repo.markNoShows(trx, sessionId, now);
  await repo.releasePlaces(trx, sessionId, noShows);
  const promoted = noShows > 0 ? await promoteWaitlist(trx, sessionId, now) : [];
  return { noShows, promoted };
}

/**
 * Marks the visitors of a session who have not arrived NO_SHOW_GRACE_MINUTES after its start as no-shows;
 * their places go to the waitlist (first come first served), then to walk-ins.
 */
export async function markNoShows(trx: Executor, actor: Actor, user: CurrentUser | null, pointCode: string, sessionId: number, now: string = nowIso()) {
  const point = await staffPoint(trx, user, pointCode);
  const s = await repo.sessionContext(trx, sessionId);
  if (!s || s.pointId !== point.id) {
    throw new AppError('not_found');
  }
  if (!noShowDue(s, now)) {
    throw new AppError('invalid_state', { time: toChinaDateTime(addMinutes(s.startsAt, NO_SHOW_GRACE_MINUTES)) }, [], 'registration.no_show_too_early');
  }
  const r = await releaseNoShows(trx, sessionId, now);
  await recordAudit(trx, actor, { action: 'open_day.no_show', entityType: 'open_point_session', entityId: sessionId, after: { pointCode, ...r } });
  return r;
}

/** The no-show job: every session past its grace period, one transaction each (run by the worker). */
export async function markDueNoShows(db: Executor, now: string = nowIso()): Promise<{ sessions: number; noShows: number; promoted: number }> {
  const actor: Actor = { userId: null, name: 'system (no-show job)', ip: '', requestId: 'open-day-registration.no-shows' };
  const totals = { sessions: 0, noShows: 0, promoted: 0 };
  for (const sessionId of await repo.sessionsWithDueNoShows(db, addMinutes(now, -NO_SHOW_GRACE_MINUTES))) {
    const r = await db.transaction().execute(async (trx) => {
      const x = await releaseNoShows(trx, sessionId, now);
      await recordAudit(trx, actor, { action: 'open_day.no_show', entityType: 'open_point_session', entityId: sessionId, after: x });
      return x;
    });
    totals.sessions++;
    totals.noShows += r.noShows;
    totals.promoted += r.promoted.length;
  }
  return totals;
}

/** The guest page of a point: quota, guests registered, sessions. */
export async function guestDesk(db: Executor, user: CurrentUser | null, pointCode: string) {
  const point = await staffPoint(db, user, pointCode);
  const sessions = await repo.pointSessionContexts(db, point.id);
  const guests = await repo.guestsAtPoint(db, point.id);
  const active = guests.filter((g) => g.status !== 'cancelled').length;
  return { point, sessions, guests, reserve: guestReserve(sessions, point.guestQuota), active };
}

/** Staff register an invited guest at a point (人大代表, 政协委员, 市民代表). */
export async function registerGuest(trx: Executor, actor: Actor, user: CurrentUser | null, pointCode: string, input: GuestInput, now: string = nowIso()): Promise<RegisterResult> {
  const point = await staffPoint(trx, user, pointCode);
  const s = await repo.sessionContext(trx, input.sessionId);
  if (!s || s.pointId !== point.id) {
    throw fieldError('sessionId', 'validation.choice');
  }
  if (now >= s.endsAt) {
    throw fieldError('sessionId', 'registration.closed');
  }
  const r = await registerGuestPlace(trx, s, { name: input.name, mobile: input.mobile, idNumber: input.idNumber, email: input.email, userId: null }, input.guestCategory, now);
  await recordAudit(trx, actor, { action: 'open_day.guest.register', entityType: 'open_day_registration', entityId: r.id, after: { pointCode, sessionId: s.id, name: input.name, mobile: maskMobile(input.mobile), guestCategory: input.guestCategory } });
  return r;
}

/** Staff cancel a guest's place (it goes to the waitlist like any other). */
export async function cancelGuest(trx: Executor, actor: Actor, user: CurrentUser | null, pointCode: string, registrationId: number, now: string = nowIso()): Promise<void> {
  const point = await staffPoint(trx, user, pointCode);
  const r = await loadAtPoint(trx, point, registrationId);
  if (r.kind !== 'guest') {
    throw new AppError('not_found');
  }
  const { promoted } = await cancel(trx, r, now);
  await recordAudit(trx, actor, { action: 'open_day.guest.cancel', entityType: 'open_day_registration', entityId: r.id, before: { status: r.status }, after: { status: 'cancelled', promoted } });
}

/** Attendance per point of a campaign (default: the current one), with totals, for staff. */
export async function attendanceReport(db: Executor, user: CurrentUser | null, campaignId?: number) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const all = await repo.campaigns(db);
  const chosen = campaignId ? all.find((c) => c.id === campaignId) : ((await currentCampaign(db)) ?? all[0]);
  if (campaignId && !chosen) {
    throw new AppError('not_found');
  }
  if (!chosen) {
    return { campaigns: all, campaign: null, points: [], total: attendanceOf([]), sessions: [] };
  }
  const [points, counts, sessions, sessionCounts] = await Promise.all([repo.campaignPoints(db, chosen.id), repo.countsByPoint(db, chosen.id), repo.campaignSessions(db, chosen.id), repo.countsBySessionInCampaign(db, chosen.id)]);
  const capacity = new Map<number, number>();
  for (const s of sessions) {
    capacity.set(s.pointId, (capacity.get(s.pointId) ?? 0) + s.capacity);
  }
  // Every unit reads every point's figures; the link to a point's desk is only for those who work it.
  const rows = points.map((p) => ({ ...p, capacity: capacity.get(p.id) ?? 0, attendance: attendanceOf(counts.filter((c) => c.pointId === p.id)), desk: worksDesk(u, p) }));
  const pointById = new Map(points.map((p) => [p.id, p]));
  const sessionRows = sessions.map((s) => ({ ...s, point: pointById.get(s.pointId)!, attendance: attendanceOf(sessionCounts.filter((c) => c.sessionId === s.id)) }));
  return { campaigns: all, campaign: chosen, points: rows, total: attendanceOf(counts), sessions: sessionRows };
}
