import { isWorkingDay, workingDaysBetween } from '../../platform/calendar/index.js';

// The consultation rules as plain functions: minimum periods by kind of draft (STANDARDS §4), the
// state of a round on a given day, and how a commenter is shown in public.

/** The kinds of draft, each with its own minimum consultation period. */
export const DRAFT_KINDS = ['rules', 'normative', 'normative_market', 'major_decision'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** The minimum period of a kind: a number of calendar or working days. */
export interface MinimumPeriod {
  days: number;
  unit: 'calendar' | 'working';
  /** Only major decisions may be consulted for less, and only with a stated reason. */
  mayShorten: boolean;
}

/** Minimum periods: rules 30 days; normative documents 7 working days (30 days where they affect market actors); major decisions 30 days. */
export const MINIMUM_PERIODS: Record<DraftKind, MinimumPeriod> = {
  rules: { days: 30, unit: 'calendar', mayShorten: false },
  normative: { days: 7, unit: 'working', mayShorten: false },
  normative_market: { days: 30, unit: 'calendar', mayShorten: false },
  major_decision: { days: 30, unit: 'calendar', mayShorten: true },
};

const DAY_MS = 86_400_000;
const toDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The date `n` calendar days after `date` (negative n goes back). */
export function addDays(date: string, n: number): string {
  return fromDay(toDay(date) + n);
}

/** Calendar days from `from` to `to`, both counted (a period from 1 to 30 June is 30 days). */
export function calendarDaysInclusive(from: string, to: string): number {
  return toDay(to) - toDay(from) + 1;
}

/** Working days from `from` to `to`, both counted, holidays and make-up working days included. */
export function workingDaysInclusive(from: string, to: string): number {
  return workingDaysBetween(addDays(from, -1), to);
}

/** The verdict on a proposed period. */
export type PeriodCheck =
  | { ok: true; length: number; minimum: MinimumPeriod; shortened: boolean }
  | { ok: false; field: 'closesOn' | 'shortenedReason'; key: 'consultations.period.too_short' | 'consultations.period.reason_required' | 'consultations.period.order' | 'consultations.period.no_shortening'; length: number; minimum: MinimumPeriod };

/**
 * Checks a round's period against the minimum for the draft's kind. Periods count both the opening
 * and the closing day. A major decision may be shorter with a reason; no other kind may be shortened.
 */
export function checkPeriod(kind: DraftKind, opensOn: string, closesOn: string, shortenedReason = ''): PeriodCheck {
  const minimum = MINIMUM_PERIODS[kind];
  if (closesOn < opensOn) {
    return { ok: false, field: 'closesOn', key: 'consultations.period.order', length: 0, minimum };
  }
  const length = minimum.unit === 'working' ? workingDaysInclusive(opensOn, closesOn) : calendarDaysInclusive(opensOn, closesOn);
  if (length >= minimum.days) {
    return { ok: true, length, minimum, shortened: false };
  }
  if (!minimum.mayShorten) {
    return { ok: false, field: 'closesOn', key: shortenedReason.trim() ? 'consultations.period.no_shortening' : 'consultations.period.too_short', length, minimum };
  }
  if (!shortenedReason.trim()) {
    return { ok: false, field: 'shortenedReason', key: 'consultations.period.reason_required', length, minimum };
  }
  return { ok: true, length, minimum, shortened: true };
}

/** The earliest closing date that meets the minimum for a kind, for a round opening on `opensOn`. */
export function earliestClose(kind: DraftKind, opensOn: string): string {
  const m = MINIMUM_PERIODS[kind];
  if (m.unit === 'calendar') {
    return addDays(opensOn, m.days - 1);
  }
  let day = opensOn;
  let counted = isWorkingDay(day) ? 1 : 0;
  while (counted < m.days) {
    day = addDays(day, 1);
    counted += isWorkingDay(day) ? 1 : 0;
  }
  return day;
}

/** Where a round stands on a day: not yet open, open for comment, closed, or closed with its report published. */
export type RoundState = 'upcoming' | 'open' | 'closed' | 'reported';

/** The state of a round on `today`. */
export function roundState(r: { opensOn: string; closesOn: string; reportPublishedAt: string | null }, today: string): RoundState {
  if (r.reportPublishedAt) {
    return 'reported';
  }
  if (today < r.opensOn) {
    return 'upcoming';
  }
  return today <= r.closesOn ? 'open' : 'closed';
}

/** Calendar days left to comment, the closing day included (0 once closed). */
export function daysRemaining(closesOn: string, today: string): number {
  return Math.max(0, calendarDaysInclusive(today, closesOn));
}

/** The decisions a published comment can get. */
export const DECISIONS = ['adopted', 'partly', 'not_adopted'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A reason is required unless the comment is adopted as it stands. */
export function decisionNeedsReason(d: Decision): boolean {
  return d !== 'adopted';
}

/**
 * How a commenter appears in public: an enterprise signed in under its credit code by its registered
 * name; a person by the first character of the name and asterisks; nobody named as anonymous ('').
 */
export function maskCommenter(c: { enterpriseName: string; commenterName: string }): string {
  if (c.enterpriseName) {
    return c.enterpriseName;
  }
  const name = c.commenterName.trim();
  if (!name) {
    return '';
  }
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}
