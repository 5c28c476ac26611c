import crypto from 'node:crypto';

// The rules of open-day registration as plain functions: codes, overlap, the guest reservation,
// the registration window, no-shows and the waitlist order. No database, no HTTP.

/** Registration states. */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'checked_in', 'no_show'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** States that hold a place (counted in openPointSession.booked). A no-show's place has been released. */
export const PLACE_HOLDING: readonly RegistrationStatus[] = ['confirmed', 'checked_in'];

/** Every state but cancelled: what the one-person rules (same session, overlapping sessions) look at. */
export const ACTIVE: readonly RegistrationStatus[] = ['confirmed', 'waitlisted', 'checked_in', 'no_show'];

/** Guest categories (人大代表 / 政协委员 / 市民代表). */
export const GUEST_CATEGORIES = ['deputy', 'member', 'citizen_rep'] as const;
export type GuestCategory = (typeof GUEST_CATEGORIES)[number];

/** Minutes after a session starts before its remaining confirmed visitors may be marked no-show. */
export const NO_SHOW_GRACE_MINUTES = 30;

/**
 * The code alphabet: digits and capitals without 0/O, 1/I/L, so a code read aloud, typed from a
 * screenshot or copied from an SMS cannot be mistaken. 31 symbols, 8 of them: 8.5 × 10¹¹ codes.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;
const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A fresh random registration code (crypto-random, uniform over the alphabet). */
export function generateCode(randomInt: (max: number) => number = crypto.randomInt): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    out += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  }
  return out;
}

/** A typed or scanned code in its stored form: full-width folded, upper case, spaces and dashes dropped. */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '');
}

/** True for a well-formed code (stored form). */
export function isValidCode(code: string): boolean {
  return CODE_RE.test(code);
}

/** A code as people read it: two groups of four ("ABCD-EFGH"). */
export function formatCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The secret of a cancellation link (256 bits, URL-safe), and the hash the database keeps of it. */
export function newCancelToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** sha256 hex of a link token: the database never holds a usable token. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A mobile number as typed, in stored form: full-width folded, spaces, dashes and a +86 prefix dropped. */
export function normaliseMobile(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** A time slot: ISO instants, start inclusive, end exclusive. */
export interface Slot {
  startsAt: string;
  endsAt: string;
}

/** True when two slots share any moment (back-to-back slots do not overlap). */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** One of a person's existing registrations with its session's time. */
export interface HeldSlot extends Slot {
  registrationId: number;
  sessionId: number;
  status: string;
}

/** Why a person may not take a slot: already in that session, or in another at the same time. */
export type Conflict = { kind: 'same_session'; held: HeldSlot } | { kind: 'overlap'; held: HeldSlot };

/** The first of a person's active registrations that stops them taking `session` (same session first). */
export function findConflict(session: Slot & { id: number }, held: HeldSlot[]): Conflict | null {
  const active = held.filter((h) => (ACTIVE as readonly string[]).includes(h.status));
  const same = active.find((h) => h.sessionId === session.id);
  if (same) {
    return { kind: 'same_session', held: same };
  }
  const clash = active.filter((h) => overlaps(h, session)).sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.registrationId - b.registrationId));
  return clash[0] ? { kind: 'overlap', held: clash[0] } : null;
}

/**
 * The guest reservation (嘉宾预留), per session. A point's guest quota is split over its sessions in
 * time order, as evenly as possible (earlier sessions take the remainder), never more than a
 * session's capacity. Guests count in a session's capacity like everyone else. Until a session's
 * share is filled by registered guests, the public cannot take its last unfilled reserved places:
 *   public places left = capacity − booked − max(0, reserved − guests booked).
 * Guests may take any free place of the session (their share first, then public places), and a
 * point never has more guests than its quota.
 */
export function guestReserve(sessions: Array<{ id: number; capacity: number }>, quota: number): Map<number, number> {
  const out = new Map<number, number>();
  const n = sessions.length;
  if (n === 0) {
    return out;
  }
  const q = Math.max(0, Math.floor(quota));
  const base = Math.floor(q / n);
  const extra = q % n;
  sessions.forEach((s, i) => out.set(s.id, Math.min(s.capacity, base + (i < extra ? 1 : 0))));
  return out;
}

/** Places the public can still take in a session under the guest reservation (never negative). */
export function publicPlacesLeft(s: { capacity: number; booked: number }, reserved: number, guestsBooked: number): number {
  return Math.max(0, s.capacity - s.booked - Math.max(0, reserved - guestsBooked));
}

/** Whether registration is open now: the campaign's window (either end may be unset) and the session not yet started. */
export function registrationWindowState(window: { registrationOpensAt: string | null; registrationClosesAt: string | null }, session: Slot, now: string): 'open' | 'not_open' | 'closed' {
  if (window.registrationOpensAt && now < window.registrationOpensAt) {
    return 'not_open';
  }
  if ((window.registrationClosesAt && now >= window.registrationClosesAt) || now >= session.startsAt) {
    return 'closed';
  }
  return 'open';
}

/** True once a session has started plus the grace period: its remaining confirmed visitors count as no-shows. */
export function noShowDue(session: Slot, now: string, graceMinutes: number = NO_SHOW_GRACE_MINUTES): boolean {
  return Date.parse(now) >= Date.parse(session.startsAt) + graceMinutes * 60_000;
}

/** Waitlisted registrations in the order they are promoted: first come (lowest sequence), then lowest id. */
export function waitlistOrder<T extends { waitlistSeq: number | null; id: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (a.waitlistSeq ?? Number.MAX_SAFE_INTEGER) - (b.waitlistSeq ?? Number.MAX_SAFE_INTEGER) || a.id - b.id);
}
