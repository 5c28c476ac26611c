import { holidayOn, isWorkingDay } from '../../platform/calendar/index.js';

// Opening hours and "open now", computed in China time (UTC+8, no DST) with the working-day calendar.

/** A [from, to] period of one day, 'HH:MM' each (to may be '24:00'). */
export type Period = [string, string];
/** Seven lists of periods, Monday first. */
export type WeeklyHours = Period[][];

/** How the calendar treats a day: a plain workday, a 调休 make-up working weekend, a weekend, or a public holiday. */
export type DayKind = 'workday' | 'makeup' | 'weekend' | 'holiday';

/** Why a hall is open or closed at a moment. */
export type OpenReason = 'open' | 'lunch' | 'holiday' | 'closed_today' | 'before_hours' | 'between' | 'after_hours';

/** What the hours mean at one moment. */
export interface OpenState {
  open: boolean;
  reason: OpenReason;
  /** The China calendar date and the kind of day it is. */
  date: string;
  dayKind: DayKind;
  /** Today's periods, the lunchtime period merged in. */
  today: Period[];
  /** When the current period ends, or the next one starts today ('HH:MM'), if any. */
  until: string | null;
}

const PERIOD_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_RE = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

const minutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** Weekday 0..6 (Monday first) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The calendar kind of a China date: holidays come from the official arrangement (chinese-days). */
export function dayKind(date: string): DayKind {
  const weekend = weekdayOf(date) >= 5;
  if (isWorkingDay(date)) {
    return weekend ? 'makeup' : 'workday';
  }
  return holidayOn(date) ? 'holiday' : 'weekend';
}

/**
 * Parses one day's hours as typed in a form: "09:00-12:00, 14:00-18:00" (full-width dashes and commas
 * accepted); '' or 休息/closed is a closed day. Returns null when malformed or the periods overlap.
 */
export function parseDayHours(text: string): Period[] | null {
  const s = text.trim().replace(/[－—–~～至]/g, '-').replace(/[，、；;]/g, ',').replace(/：/g, ':');
  if (s === '' || s === '休息' || s.toLowerCase() === 'closed') {
    return [];
  }
  const periods: Period[] = [];
  for (const part of s.split(',')) {
    const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m) {
      return null;
    }
    const from = m[1]!.padStart(5, '0');
    const to = m[2]!.padStart(5, '0');
    if (!PERIOD_RE.test(from) || !END_RE.test(to) || minutes(to) <= minutes(from)) {
      return null;
    }
    periods.push([from, to]);
  }
  periods.sort((a, b) => minutes(a[0]) - minutes(b[0]));
  for (let i = 1; i < periods.length; i++) {
    if (minutes(periods[i]![0]) < minutes(periods[i - 1]![1])) {
      return null;
    }
  }
  return periods;
}

/** One day's periods as text ('' for a closed day). */
export function formatDayHours(periods: Period[]): string {
  return periods.map(([a, b]) => `${a}-${b}`).join(', ');
}

/** Reads stored weekly hours; anything malformed counts as closed rather than failing a page. */
export function weeklyHoursOf(json: string): WeeklyHours {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = [];
  }
  const days = Array.isArray(raw) ? raw : [];
  return Array.from({ length: 7 }, (_, i) => {
    const d: unknown = days[i];
    return Array.isArray(d) ? d.filter((p): p is Period => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string') : [];
  });
}

/** Merges overlapping or touching periods (the lunchtime period joins the morning and afternoon). */
export function mergePeriods(periods: Period[]): Period[] {
  const sorted = [...periods].sort((a, b) => minutes(a[0]) - minutes(b[0]));
  const out: Period[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && minutes(p[0]) <= minutes(last[1])) {
      if (minutes(p[1]) > minutes(last[1])) {
        last[1] = p[1];
      }
    } else {
      out.push([p[0], p[1]]);
    }
  }
  return out;
}

/** The hours a hall keeps that matter here. */
export interface HallHours {
  weekly: WeeklyHours;
  lunch: Period | null;
  opensOnHolidays: boolean;
}

function regularPeriods(h: HallHours, date: string, kind: DayKind): Period[] {
  if (kind === 'holiday' && !h.opensOnHolidays) {
    return [];
  }
  if (kind === 'makeup') {
    return h.weekly.slice(0, 5).find((d) => d.length > 0) ?? [];
  }
  return h.weekly[weekdayOf(date)] ?? [];
}

/**
 * A day's periods: on a make-up working weekend the hall keeps its first weekday's hours; on a holiday
 * it is closed unless it opens on holidays. The lunchtime service only bridges a day the hall opens.
 */
export function periodsOn(h: HallHours, date: string, kind: DayKind = dayKind(date)): Period[] {
  const base = regularPeriods(h, date, kind);
  if (base.length === 0) {
    return [];
  }
  return mergePeriods(h.lunch ? [...base, h.lunch] : base);
}

/** Whether the hall is open at an instant, and why (China time). */
export function openState(h: HallHours, at: Date = new Date()): OpenState {
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const date = china.slice(0, 10);
  const now = minutes(china.slice(11, 16));
  const kind = dayKind(date);
  const today = periodsOn(h, date, kind);
  const base = { date, dayKind: kind, today };
  if (today.length === 0) {
    return { ...base, open: false, reason: kind === 'holiday' ? 'holiday' : 'closed_today', until: null };
  }
  const current = today.find(([a, b]) => now >= minutes(a) && now < minutes(b));
  if (current) {
    const inLunch = h.lunch !== null && now >= minutes(h.lunch[0]) && now < minutes(h.lunch[1]);
    const regular = regularPeriods(h, date, kind).some(([a, b]) => now >= minutes(a) && now < minutes(b));
    return { ...base, open: true, reason: inLunch && !regular ? 'lunch' : 'open', until: current[1] };
  }
  const next = today.find(([a]) => minutes(a) > now);
  if (!next) {
    return { ...base, open: false, reason: 'after_hours', until: null };
  }
  return { ...base, open: false, reason: now < minutes(today[0]![0]) ? 'before_hours' : 'between', until: next[0] };
}

/** A lunchtime period from two 'HH:MM' columns, or null when the hall has none. */
export function lunchOf(from: string, to: string): Period | null {
  return from !== '' && to !== '' ? [from, to] : null;
}
