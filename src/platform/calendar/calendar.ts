import { createRequire } from 'node:module';

// We read chinese-days' published data table instead of calling its isWorkday/getDayDetail:
// the library builds its lookup keys with a mix of UTC parsing and local-time formatting, so on
// a host whose TZ is west of UTC (e.g. a developer laptop in America/*) every answer is shifted
// by one day. A plain ISO-date lookup in the same data is timezone-free. The tests cross-check
// our answers against the library's own API for every day it covers.
interface ChineseDaysData {
  /** Official days off (any weekday), value "English name,中文名,id". */
  holidays: Record<string, string>;
  /** Weekend days that are official working days (调休上班日). */
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const DATA = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

// A year is "covered" once the State Council's arrangement for it is in the data. New Year's Day
// is always a public holiday, so any covered year has at least one holiday entry. For uncovered
// years (typically next year before the notice is published each November) we fall back to
// Monday–Friday and surface the fact via `yearsWithoutHolidayData`, because a deadline silently
// computed without holidays could be several days too early.
const COVERED_YEARS: ReadonlySet<number> = new Set(Object.keys(DATA.holidays).map((d) => Number(d.slice(0, 4))));

// The library's Chinese labels are colloquial ("中秋", "端午"); notices to applicants use the
// statutory names from 《全国年节及纪念日放假办法》.
const OFFICIAL_ZH_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

// Guards against a runaway loop on user-supplied n or an open-ended pause; ~40 years of working days.
const MAX_WORKING_DAYS = 10_000;
const MAX_SCAN_DAYS = 100 * 366;

const MS_PER_DAY = 86_400_000;

/** A date range (both ends inclusive) during which the statutory clock is stopped. */
export interface Pause {
  from: string;
  to: string;
  reason: string;
}

/** Options shared by the deadline functions. */
export interface DeadlineOptions {
  pauses?: readonly Pause[];
}

/** Why a calendar day did or did not count towards a deadline. */
export type StepKind = 'counted' | 'weekend' | 'holiday' | 'paused';

/** One calendar day in a deadline explanation. */
export interface DeadlineStep {
  date: string;
  kind: StepKind;
  /** Statutory Chinese name, set when the day is a public holiday (also on paused holidays). */
  holidayName?: string;
  /** English name of the holiday, for English explanations. */
  holidayNameEn?: string;
  /** Running count of working days, set on counted days. */
  count?: number;
  /** Reason of the pause, set on paused days. */
  reason?: string;
}

/** Full account of how a deadline was computed. */
export interface DeadlineExplanation {
  start: string;
  workingDays: number;
  deadline: string;
  steps: DeadlineStep[];
  skipped: { weekends: number; holidays: number; paused: number };
  /** Weekend days that were official working days (调休上班日) and therefore counted. */
  makeUpWorkdays: string[];
  /** Years in the span for which no holiday arrangement is known; Monday–Friday was assumed. */
  yearsWithoutHolidayData: number[];
}

export interface HolidayInfo {
  zh: string;
  en: string;
}

/** Day number since the epoch; integer arithmetic avoids any local-time or DST effects. */
function parseIsoDate(date: string, label = 'date'): number {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new RangeError(`Invalid ${label} ${JSON.stringify(date)}: expected a calendar date 'YYYY-MM-DD'`);
  }
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const probe = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  probe.setUTCFullYear(y, m - 1, d);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`Invalid ${label} ${JSON.stringify(date)}: no such day in the calendar`);
  }
  return Math.round(probe.getTime() / MS_PER_DAY);
}

function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWeekend(day: number): boolean {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The official holiday a date falls in (its names), or undefined on any other day. */
export function holidayOn(date: string): HolidayInfo | undefined {
  return holidayInfo(date);
}

function holidayInfo(date: string): HolidayInfo | undefined {
  const raw = DATA.holidays[date];
  if (raw === undefined) {
    return undefined;
  }
  const [en = '', zh = ''] = raw.split(',');
  return { zh: OFFICIAL_ZH_NAMES[zh] ?? zh, en };
}

function workingDayByNumber(day: number, iso: string): boolean {
  if (DATA.workdays[iso] !== undefined) {
    return true;
  }
  if (DATA.holidays[iso] !== undefined) {
    return false;
  }
  return !isWeekend(day);
}

function checkCount(n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new RangeError(`Invalid number of working days ${String(n)}: expected a non-negative integer`);
  }
  if (n > MAX_WORKING_DAYS) {
    throw new RangeError(`Invalid number of working days ${n}: at most ${MAX_WORKING_DAYS} is supported`);
  }
}

interface ParsedPause {
  from: number;
  to: number;
  reason: string;
}

function parsePauses(pauses: readonly Pause[] | undefined): ParsedPause[] {
  return (pauses ?? []).map((p, i) => {
    const from = parseIsoDate(p.from, `pauses[${i}].from`);
    const to = parseIsoDate(p.to, `pauses[${i}].to`);
    if (to < from) {
      throw new RangeError(`Invalid pauses[${i}]: 'to' (${p.to}) is before 'from' (${p.from})`);
    }
    return { from, to, reason: p.reason };
  });
}

function classify(day: number, pauses: readonly ParsedPause[]): DeadlineStep {
  const date = formatDay(day);
  const holiday = holidayInfo(date);
  const names = holiday ? { holidayName: holiday.zh, holidayNameEn: holiday.en } : {};
  // A pause wins over every other reason: while the clock is stopped nothing counts, and the
  // applicant needs to see the pause, not the weekend it happened to contain.
  const pause = pauses.find((p) => day >= p.from && day <= p.to);
  if (pause) {
    return { date, kind: 'paused', reason: pause.reason, ...names };
  }
  if (workingDayByNumber(day, date)) {
    return { date, kind: 'counted' };
  }
  // Weekend days inside an official holiday block (e.g. 10月3日–4日 in 国庆) are reported as the
  // holiday, matching how the State Council notice describes the break.
  if (holiday) {
    return { date, kind: 'holiday', ...names };
  }
  return { date, kind: 'weekend' };
}

/** Whether chinese-days knows the official holiday arrangement for `year` (otherwise Mon–Fri is assumed). */
export function hasHolidayData(year: number): boolean {
  return COVERED_YEARS.has(year);
}

/** Whether `date` ('YYYY-MM-DD') is a working day in mainland China, including 调休 make-up days. */
export function isWorkingDay(date: string): boolean {
  return workingDayByNumber(parseIsoDate(date), date);
}

/** Explains, day by day, the deadline `n` working days after `start` (the start day itself never counts). */
export function explainDeadline(start: string, n: number, opts: DeadlineOptions = {}): DeadlineExplanation {
  const startDay = parseIsoDate(start, 'start date');
  checkCount(n);
  const pauses = parsePauses(opts.pauses);

  const steps: DeadlineStep[] = [];
  const skipped = { weekends: 0, holidays: 0, paused: 0 };
  const makeUpWorkdays: string[] = [];
  let counted = 0;
  let day = startDay;
  while (counted < n) {
    day += 1;
    if (day - startDay > MAX_SCAN_DAYS) {
      throw new RangeError(`Deadline not reached within ${MAX_SCAN_DAYS} days of ${start}; check the pauses`);
    }
    const step = classify(day, pauses);
    switch (step.kind) {
      case 'counted':
        counted += 1;
        step.count = counted;
        if (isWeekend(day)) {
          makeUpWorkdays.push(step.date);
        }
        break;
      case 'weekend':
        skipped.weekends += 1;
        break;
      case 'holiday':
        skipped.holidays += 1;
        break;
      case 'paused':
        skipped.paused += 1;
        break;
    }
    steps.push(step);
  }

  const deadline = formatDay(day);
  const yearsWithoutHolidayData: number[] = [];
  // Only the counted span matters: a start date in an uncovered year does not affect the result.
  if (n > 0) {
    for (let y = Number(formatDay(startDay + 1).slice(0, 4)); y <= Number(deadline.slice(0, 4)); y++) {
      if (!hasHolidayData(y)) {
        yearsWithoutHolidayData.push(y);
      }
    }
  }

  return { start, workingDays: n, deadline, steps, skipped, makeUpWorkdays, yearsWithoutHolidayData };
}

/** The deadline date that is `n` working days after `start`, skipping weekends, holidays and pauses. */
export function addWorkingDays(start: string, n: number, opts: DeadlineOptions = {}): string {
  return explainDeadline(start, n, opts).deadline;
}

/** Number of working days after `from` up to and including `to`, minus paused days; 0 if `to` <= `from`. */
export function workingDaysBetween(from: string, to: string, opts: DeadlineOptions = {}): number {
  const fromDay = parseIsoDate(from, 'from date');
  const toDay = parseIsoDate(to, 'to date');
  const pauses = parsePauses(opts.pauses);
  let count = 0;
  for (let day = fromDay + 1; day <= toDay; day++) {
    if (classify(day, pauses).kind === 'counted') {
      count += 1;
    }
  }
  return count;
}

function zhDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function enDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${EN_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function enList(items: readonly string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** One-paragraph explanation of a deadline for applicants, in Chinese or English. */
export function describeDeadline(expl: DeadlineExplanation, locale: 'zh-CN' | 'en'): string {
  const holidaySteps = expl.steps.filter((s) => s.kind === 'holiday');
  const pauseReasons = unique(expl.steps.filter((s) => s.kind === 'paused').map((s) => s.reason ?? ''));
  const { weekends, holidays, paused } = expl.skipped;

  if (locale === 'zh-CN') {
    const parts: string[] = [`自${zhDate(expl.start)}起算${expl.workingDays}个工作日`];
    const skips: string[] = [];
    if (weekends > 0) {
      skips.push(`周末${weekends}天`);
    }
    if (holidays > 0) {
      skips.push(`法定节假日${holidays}天（${unique(holidaySteps.map((s) => s.holidayName ?? '')).join('、')}）`);
    }
    if (skips.length > 0) {
      parts.push(`跳过${skips.join('、')}`);
    }
    if (paused > 0) {
      const reasons = pauseReasons.filter((r) => r !== '');
      parts.push(`暂停计算${paused}天${reasons.length > 0 ? `（${reasons.join('；')}）` : ''}`);
    }
    if (expl.makeUpWorkdays.length > 0) {
      parts.push(`含调休上班日${expl.makeUpWorkdays.map(zhDate).join('、')}`);
    }
    parts.push(`截止日为${zhDate(expl.deadline)}`);
    let text = `${parts.join('，')}。`;
    if (expl.yearsWithoutHolidayData.length > 0) {
      text += `注意：${expl.yearsWithoutHolidayData.map((y) => `${y}年`).join('、')}的法定节假日安排尚未公布或未收录，该年度按周一至周五为工作日计算，截止日可能需要顺延。`;
    }
    return text;
  }

  const parts: string[] = [
    `Counting ${plural(expl.workingDays, 'working day')} from ${enDate(expl.start)} (the day after it is day one)`,
  ];
  const skips: string[] = [];
  if (weekends > 0) {
    skips.push(plural(weekends, 'weekend day'));
  }
  if (holidays > 0) {
    skips.push(
      `${plural(holidays, 'public-holiday day')} (${enList(unique(holidaySteps.map((s) => s.holidayNameEn ?? '')))})`,
    );
  }
  if (skips.length > 0) {
    parts.push(`${enList(skips)} were skipped`);
  }
  if (paused > 0) {
    const reasons = pauseReasons.filter((r) => r !== '');
    parts.push(
      `the clock was paused for ${plural(paused, 'day')}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`,
    );
  }
  if (expl.makeUpWorkdays.length > 0) {
    const days = expl.makeUpWorkdays.map(enDate);
    parts.push(
      `${enList(days)} ${days.length === 1 ? 'was an official make-up working day and counts' : 'were official make-up working days and count'}`,
    );
  }
  let text = `${parts.join('; ')}. The deadline is ${enDate(expl.deadline)}.`;
  if (expl.yearsWithoutHolidayData.length > 0) {
    text += ` Note: the public-holiday arrangement for ${enList(expl.yearsWithoutHolidayData.map(String))} is not yet published or not included, so Monday to Friday were assumed to be working days there; the deadline may move later.`;
  }
  return text;
}
