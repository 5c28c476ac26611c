import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { nowIso, toChinaDateTime } from '../../platform/clock.js';
import { maskMobile } from '../../platform/identity/index.js';
import { requireUser } from '../accounts/index.js';
import { pointByCode } from '../open-days/index.js';
import * as repo from './open-day-registration.repository.js';
import { notify, type RegistrationEvent, type RegistrationNotice } from './open-day-registration.notify.js';
import { findConflict, generateCode, guestReserve, hashToken, newCancelToken, publicPlacesLeft, registrationWindowState, waitlistOrder, type GuestCategory } from './open-day-registration.rules.js';
import type { RegistrationInput } from './open-day-registration.schema.js';

/** What a registration attempt gives back: the code, the secret of its private link, and where it stands. */
export interface RegisterResult {
  id: number;
  code: string;
  /** The cancellation link's secret; only its hash is stored, so it is shown now or never. */
  token: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
}

/** Who registers: the person's details, and the account when signed in. */
export interface Person {
  name: string;
  mobile: string;
  idNumber?: string | undefined;
  email?: string | undefined;
  userId?: number | null;
}

/** The private page of a registration (its token is the key). */
export const privateLink = (token: string) => `/open-days/registrations/${token}`;
/** The lookup page prefilled with a code (for notices sent when the token is not at hand). */
export const lookupLink = (code: string) => `/open-days/registrations/lookup?code=${code}`;

function noticeOf(event: RegistrationEvent, r: { id: number; code: string; name: string }, s: repo.SessionContext, link: string, waitlistPosition?: number, contact?: Person): RegistrationNotice {
  return {
    contact,
    event,
    registration: r,
    session: s,
    point: { topic: s.pointTopic, address: s.pointAddress },
    campaignTitle: s.campaignTitle,
    link,
    waitlistPosition,
  };
}

async function freshCode(trx: Executor): Promise<string> {
  // 8.5 × 10¹¹ codes: a clash is rare, and checked inside the same transaction.
  for (;;) {
    const code = generateCode();
    if (!(await repo.codeExists(trx, code))) {
      return code;
    }
  }
}

/** The public-capacity reservation of a session under its point's guest quota. */
async function reservedFor(db: Executor, s: repo.SessionContext): Promise<number> {
  if (s.guestQuota <= 0) {
    return 0;
  }
  return guestReserve(await repo.sessionCapacities(db, s.pointId), s.guestQuota).get(s.id) ?? 0;
}

/** Refuses a person who already holds this session or another one at the same time in the campaign. */
async function checkPerson(trx: Executor, s: repo.SessionContext, p: Person): Promise<void> {
  await repo.lockPerson(trx, s.campaignId, [`m:${p.mobile}`, ...(p.idNumber ? [`i:${p.idNumber}`] : [])]);
  const conflict = findConflict(s, await repo.heldSlots(trx, s.campaignId, p.mobile, p.idNumber ?? null));
  if (!conflict) {
    return;
  }
  const other = await repo.viewById(trx, conflict.held.registrationId);
  const params = { mobile: maskMobile(p.mobile), topic: other?.pointTopic ?? '', time: toChinaDateTime(conflict.held.startsAt) };
  throw new AppError('conflict', {}, [{ field: 'sessionId', key: conflict.kind === 'same_session' ? 'registration.already_registered' : 'registration.overlap', params }]);
}

async function insert(trx: Executor, s: repo.SessionContext, p: Person, kind: 'public' | 'guest', guestCategory: GuestCategory | null, status: 'confirmed' | 'waitlisted', waitlistSeq: number | null, now: string) {
  const code = await freshCode(trx);
  const { token, hash } = newCancelToken();
  const id = await repo.insertRegistration(trx, {
    sessionId: s.id,
    pointId: s.pointId,
    campaignId: s.campaignId,
    name: p.name,
    mobile: p.mobile,
    idNumber: p.idNumber ?? null,
    email: p.email ?? null,
    userId: p.userId ?? null,
    kind,
    guestCategory,
    status,
    code,
    cancelToken: hash,
    waitlistSeq,
    checkedInAt: null,
    cancelledAt: null,
    createdAt: now,
    updatedAt: now,
  });
  return { id, code, token };
}

/** A session the public may register for now, or the reason why not. */
export async function openSession(db: Executor, sessionId: number, now: string): Promise<repo.SessionContext> {
  const s = await repo.sessionContext(db, sessionId);
  if (!s || s.pointStatus !== 'published' || s.campaignStatus !== 'published') {
    throw fieldError('sessionId', 'registration.no_such_session');
  }
  const state = registrationWindowState(s, s, now);
  if (state !== 'open') {
    throw fieldError('sessionId', state === 'not_open' ? 'registration.not_open' : 'registration.closed');
  }
  return s;
}

/**
 * A public registration, in the caller's transaction. Capacity is taken by one conditional UPDATE
 * (never read-then-write); the person is locked first, so the same-session and overlap rules hold
 * under concurrency; a full session puts the person on the waitlist when they asked for it.
 */
export async function register(trx: Executor, input: RegistrationInput, user: CurrentUser | null, now: string = nowIso()): Promise<RegisterResult> {
  const s = await openSession(trx, input.sessionId, now);
  const person: Person = { name: input.name, mobile: input.mobile, idNumber: input.idNumber, email: input.email, userId: user?.id ?? null };
  await checkPerson(trx, s, person);
  const reserved = await reservedFor(trx, s);
  if (await repo.takePlace(trx, s.id, reserved)) {
    const r = await insert(trx, s, person, 'public', null, 'confirmed', null, now);
    await notify(trx, [noticeOf('confirmed', { ...r, name: person.name }, s, privateLink(r.token), undefined, person)]);
    return { ...r, status: 'confirmed', waitlistPosition: null };
  }
  if (!input.joinWaitlist) {
    throw new AppError('conflict', {}, [{ field: 'sessionId', key: 'registration.full_offer_waitlist' }]);
  }
  // Joining the waitlist locks the session row (PostgreSQL); a place freed meanwhile is taken instead.
  const position = await repo.changeWaitlisted(trx, s.id, 1);
  if (await repo.takePlace(trx, s.id, reserved)) {
    await repo.changeWaitlisted(trx, s.id, -1);
    const r = await insert(trx, s, person, 'public', null, 'confirmed', null, now);
    await notify(trx, [noticeOf('confirmed', { ...r, name: person.name }, s, privateLink(r.token), undefined, person)]);
    return { ...r, status: 'confirmed', waitlistPosition: null };
  }
  const r = await insert(trx, s, person, 'public', null, 'waitlisted', await repo.nextWaitlistSeq(trx, s.id), now);
  await notify(trx, [noticeOf('waitlisted', { ...r, name: person.name }, s, privateLink(r.token), position, person)]);
  return { ...r, status: 'waitlisted', waitlistPosition: position };
}

/** An invited guest for a point, by staff (who have authorised): within the point's quota and the session's capacity. */
export async function registerGuestPlace(trx: Executor, s: repo.SessionContext, person: Person, category: GuestCategory, now: string): Promise<RegisterResult> {
  await checkPerson(trx, s, person);
  await repo.lockPoint(trx, s.pointId);
  if ((await repo.activeGuestCount(trx, s.pointId)) >= s.guestQuota) {
    throw new AppError('conflict', {}, [{ field: 'guestCategory', key: 'registration.guest_quota_full', params: { quota: s.guestQuota } }]);
  }
  if (!(await repo.takePlace(trx, s.id, 0))) {
    throw new AppError('conflict', {}, [{ field: 'sessionId', key: 'registration.full' }]);
  }
  const r = await insert(trx, s, person, 'guest', category, 'confirmed', null, now);
  await notify(trx, [noticeOf('guest', { ...r, name: person.name }, s, privateLink(r.token), undefined, person)]);
  return { ...r, status: 'confirmed', waitlistPosition: null };
}

/**
 * Moves waitlisted people of a session into free places, first come first served, and tells each.
 * Call after places were released in the same transaction (the release locked the session row).
 */
export async function promoteWaitlist(trx: Executor, sessionId: number, now: string): Promise<number[]> {
  const s = await repo.sessionContext(trx, sessionId);
  if (!s) {
    return [];
  }
  const reserved = await reservedFor(trx, s);
  const promoted: number[] = [];
  const notices: RegistrationNotice[] = [];
  for (const next of waitlistOrder(await repo.waitlistedOf(trx, sessionId))) {
    if (!(await repo.takePlace(trx, sessionId, reserved))) {
      break;
    }
    await repo.moveIf(trx, next.id, ['waitlisted'], { status: 'confirmed', updatedAt: now });
    await repo.changeWaitlisted(trx, sessionId, -1);
    promoted.push(next.id);
    notices.push(noticeOf('promoted', next, s, lookupLink(next.code)));
  }
  await notify(trx, notices);
  return promoted;
}

/** Cancels a confirmed or waitlisted registration; a freed place goes to the waitlist at once. */
export async function cancel(trx: Executor, r: repo.RegistrationRow, now: string = nowIso()): Promise<{ promoted: number[] }> {
  if (!(await repo.moveIf(trx, r.id, [r.status === 'confirmed' || r.status === 'waitlisted' ? r.status : '-'], { status: 'cancelled', cancelledAt: now, updatedAt: now }))) {
    throw new AppError('invalid_state', {}, [], 'registration.cannot_cancel');
  }
  const s = (await repo.sessionContext(trx, r.sessionId))!;
  let promoted: number[] = [];
  if (r.status === 'confirmed') {
    await repo.releasePlaces(trx, r.sessionId, 1);
    promoted = await promoteWaitlist(trx, r.sessionId, now);
  } else {
    await repo.changeWaitlisted(trx, r.sessionId, -1);
  }
  await notify(trx, [noticeOf('cancelled', r, s, lookupLink(r.code))]);
  return { promoted };
}

/** A signed-in citizen cancels one of their own registrations. */
export async function cancelOwn(trx: Executor, user: CurrentUser | null, id: number, now: string = nowIso()): Promise<void> {
  const u = requireUser(user);
  const r = await repo.findById(trx, id);
  if (!r || r.userId !== u.id) {
    throw new AppError('not_found');
  }
  await cancel(trx, r, now);
}

/** The registration behind a private link; not found for a wrong or unknown token. */
export async function byToken(db: Executor, token: string): Promise<repo.RegistrationView> {
  const r = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await repo.findByTokenHash(db, hashToken(token)) : undefined;
  const v = r ? await repo.viewById(db, r.id) : undefined;
  if (!v) {
    throw new AppError('not_found', {}, [], 'registration.link_unknown');
  }
  return v;
}

/** Cancels through the private link. */
export async function cancelByToken(trx: Executor, token: string, now: string = nowIso()): Promise<repo.RegistrationView> {
  const v = await byToken(trx, token);
  await cancel(trx, v, now);
  return (await repo.viewById(trx, v.id))!;
}

/** Lookup without an account: the code and the mobile it was made with must both match. */
export async function lookup(db: Executor, code: string, mobile: string): Promise<repo.RegistrationView> {
  const r = await repo.findByCode(db, code);
  const v = r && r.mobile === mobile ? await repo.viewById(db, r.id) : undefined;
  if (!v) {
    throw fieldError('code', 'registration.lookup_none');
  }
  return v;
}

/** A signed-in citizen's own registrations. */
export async function myRegistrations(db: Executor, user: CurrentUser | null): Promise<repo.RegistrationView[]> {
  const u = requireUser(user);
  return repo.viewsOfUser(db, u.id);
}

/** A session as the registration page shows it: places the public can still take, and whether it is open. */
export interface SessionAvailability {
  id: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  placesLeft: number;
  waitlisted: number;
  state: 'open' | 'not_open' | 'closed';
}

/** A published point with its sessions' availability, for the registration page and the API. */
export async function pointAvailability(db: Executor, pointCode: string, now: string = nowIso()) {
  const point = await pointByCode(db, pointCode);
  if (!point || point.status !== 'published') {
    throw new AppError('not_found');
  }
  const sessions = await repo.pointSessionContexts(db, point.id);
  const reserve = guestReserve(sessions, point.guestQuota);
  const guests = point.guestQuota > 0 ? await repo.guestsBookedBySession(db, point.id) : new Map<number, number>();
  const campaignOpen = sessions[0]?.campaignStatus === 'published';
  const availability: SessionAvailability[] = sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    capacity: s.capacity,
    placesLeft: publicPlacesLeft(s, reserve.get(s.id) ?? 0, guests.get(s.id) ?? 0),
    waitlisted: s.waitlisted,
    state: campaignOpen ? registrationWindowState(s, s, now) : 'closed',
  }));
  return { point, campaignTitle: sessions[0]?.campaignTitle ?? '', sessions: availability };
}
