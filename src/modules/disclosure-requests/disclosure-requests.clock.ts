import { addWorkingDays, explainDeadline, workingDaysBetween, type Pause } from '../../platform/calendar/index.js';

// The statutory clock of a case (Art. 30–34), computed from the recorded facts only, so the same
// function answers the case page, the staff lists, the reminder job and the demo generator.

/** Working days to answer (Art. 33). */
export const ANSWER_DAYS = 20;
/** Longest extension, granted once (Art. 33). */
export const MAX_EXTENSION_DAYS = 20;
/** A correction must be requested within this many working days of receipt (Art. 30). */
export const CORRECTION_REQUEST_DAYS = 7;
/** Default time the applicant has to correct (local practice, configurable). */
export const DEFAULT_CORRECTION_DAYS = 15;
/** A third party (Art. 32) or a co-producing agency (Art. 34) has this many working days to answer. */
export const CONSULTATION_DAYS = 15;
/** The applicant pays a fee notice within this many working days (国办函〔2020〕109号). */
export const FEE_PAYMENT_DAYS = 20;

/** The recorded facts the clock depends on. */
export interface ClockFacts {
  receivedOn: string | null;
  correction?: { requestedOn: string; arrivedOn: string | null; correctionDays?: number } | null;
  consultations?: ReadonlyArray<{ kind: 'third_party' | 'co_agency'; sentOn: string; answeredOn: string | null }>;
  fee?: { issuedOn: string; paidOn: string | null } | null;
  extension?: { days: number; approvedOn: string; approver: string } | null;
}

/** Why the clock is stopped now. */
export type StopReason = 'correction' | 'third_party' | 'co_agency' | 'fee';

/** One line of the explanation of a deadline. */
export type ClockStep =
  | { kind: 'received'; date: string }
  | { kind: 'correction_requested'; date: string; dueOn: string }
  | { kind: 'restart'; from: string; to: string; workingDays: number }
  | { kind: 'count'; from: string; days: number; date: string }
  | { kind: 'pause'; reason: Exclude<StopReason, 'correction'>; from: string; to: string; workingDays: number; open: boolean }
  | { kind: 'extension'; days: number; approver: string; approvedOn: string; date: string }
  | { kind: 'deadline'; date: string };

/** The clock of a case: when the answer is due and how that was computed. */
export interface Clock {
  /** The day the 20 working days count from (receipt, or the corrected application's arrival). */
  start: string | null;
  /** The answer deadline; null before receipt or while a correction is awaited. */
  dueOn: string | null;
  /** What stops the clock now, if anything (open pauses are assumed to run to their limit). */
  stoppedBy: StopReason | null;
  /** When the applicant's correction is due, while awaited. */
  correctionDueOn: string | null;
  steps: ClockStep[];
}

/** The last day on which a correction may still be requested. */
export function correctionRequestLimit(receivedOn: string): string {
  return addWorkingDays(receivedOn, CORRECTION_REQUEST_DAYS);
}

/** The last day of a consultation (Art. 32/34): silence after it means the office decides (co-agency: consent). */
export function consultationLimit(sentOn: string): string {
  return addWorkingDays(sentOn, CONSULTATION_DAYS);
}

/** The last day to pay a fee notice. */
export function feePaymentLimit(issuedOn: string): string {
  return addWorkingDays(issuedOn, FEE_PAYMENT_DAYS);
}

interface PauseSpan {
  reason: Exclude<StopReason, 'correction'>;
  from: string;
  to: string;
  open: boolean;
}

/** The day after `date` (a pause starts the day after the letter goes out; that day still counts). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function pauseSpans(f: ClockFacts, start: string): PauseSpan[] {
  const spans: PauseSpan[] = (f.consultations ?? []).map((c) => ({
    reason: c.kind,
    from: c.sentOn,
    to: c.answeredOn ?? consultationLimit(c.sentOn),
    open: c.answeredOn === null,
  }));
  if (f.fee) {
    spans.push({ reason: 'fee', from: f.fee.issuedOn, to: f.fee.paidOn ?? feePaymentLimit(f.fee.issuedOn), open: f.fee.paidOn === null });
  }
  return spans.filter((s) => s.to > s.from && s.from >= start).sort((a, b) => a.from.localeCompare(b.from));
}

/** Computes the answer deadline and explains every step (receipt, correction, pauses, extension). */
export function computeClock(f: ClockFacts): Clock {
  if (!f.receivedOn) {
    return { start: null, dueOn: null, stoppedBy: null, correctionDueOn: null, steps: [] };
  }
  const steps: ClockStep[] = [{ kind: 'received', date: f.receivedOn }];
  let start = f.receivedOn;
  if (f.correction) {
    const dueOn = addWorkingDays(f.correction.requestedOn, f.correction.correctionDays ?? DEFAULT_CORRECTION_DAYS);
    steps.push({ kind: 'correction_requested', date: f.correction.requestedOn, dueOn });
    if (f.correction.arrivedOn === null) {
      return { start: null, dueOn: null, stoppedBy: 'correction', correctionDueOn: dueOn, steps };
    }
    // Art. 30: the time limit counts afresh from the day the corrected application arrives.
    const paused = workingDaysBetween(f.correction.requestedOn, f.correction.arrivedOn);
    steps.push({ kind: 'restart', from: f.correction.requestedOn, to: f.correction.arrivedOn, workingDays: paused });
    start = f.correction.arrivedOn;
  }
  const spans = pauseSpans(f, start);
  const pauses: Pause[] = spans.map((s) => ({ from: nextDay(s.from), to: s.to, reason: s.reason }));
  const base = explainDeadline(start, ANSWER_DAYS, { pauses });
  steps.push({ kind: 'count', from: start, days: ANSWER_DAYS, date: base.deadline });
  for (const s of spans) {
    steps.push({ kind: 'pause', reason: s.reason, from: s.from, to: s.to, workingDays: workingDaysBetween(s.from, s.to), open: s.open });
  }
  let dueOn = base.deadline;
  if (f.extension) {
    dueOn = explainDeadline(base.deadline, f.extension.days, { pauses }).deadline;
    steps.push({ kind: 'extension', days: f.extension.days, approver: f.extension.approver, approvedOn: f.extension.approvedOn, date: dueOn });
  }
  steps.push({ kind: 'deadline', date: dueOn });
  const openSpan = spans.find((s) => s.open);
  return { start, dueOn, stoppedBy: openSpan?.reason ?? null, correctionDueOn: null, steps };
}

/** Working days from `today` to `dueOn` (negative when overdue, 0 on the day itself). */
export function workingDaysLeft(dueOn: string, today: string): number {
  return dueOn >= today ? workingDaysBetween(today, dueOn) : -workingDaysBetween(dueOn, today);
}

const REASON_ZH: Record<Exclude<StopReason, 'correction'>, string> = { third_party: '征求第三方意见', co_agency: '征求协办机关意见', fee: '缴费' };
const REASON_EN: Record<Exclude<StopReason, 'correction'>, string> = { third_party: 'third-party consultation', co_agency: 'co-agency consultation', fee: 'fee payment' };

/** One sentence per step, in Chinese or English, as the case page shows them. */
export function describeClock(clock: Clock, locale: 'zh-CN' | 'en'): string[] {
  const zh = locale === 'zh-CN';
  return clock.steps.map((s) => {
    switch (s.kind) {
      case 'received':
        return zh ? `收到申请 ${s.date}` : `Application received ${s.date}`;
      case 'correction_requested':
        return zh ? `${s.date} 一次性告知补正，申请人应于 ${s.dueOn} 前补正；补正期间不计时` : `${s.date} correction requested (once, complete); the applicant has until ${s.dueOn}; the clock is stopped`;
      case 'restart':
        return zh
          ? `暂停 补正 ${s.from} 至 ${s.to}（${s.workingDays}个工作日），自收到补正申请之日 ${s.to} 重新起算`
          : `Paused for correction ${s.from} to ${s.to} (${s.workingDays} working days); the clock restarts on ${s.to}, when the corrected application arrived`;
      case 'count':
        return zh ? `${s.from} → +${s.days} 个工作日（跳过周末、法定节假日，含调休上班日）→ ${s.date}` : `${s.from} → +${s.days} working days (weekends and public holidays skipped, make-up days counted) → ${s.date}`;
      case 'pause': {
        const until = s.open ? (zh ? `（未答复，最迟至 ${s.to}）` : ` (no answer yet; at most until ${s.to})`) : '';
        return zh
          ? `暂停 ${REASON_ZH[s.reason]} ${s.from} 至 ${s.to}（${s.workingDays}个工作日，不计入）${until}`
          : `Paused for ${REASON_EN[s.reason]} ${s.from} to ${s.to} (${s.workingDays} working days, not counted)${until}`;
      }
      case 'extension':
        return zh ? `延期 +${s.days} 个工作日，经 ${s.approver} 于 ${s.approvedOn} 批准 → ${s.date}` : `Extended by ${s.days} working days, approved by ${s.approver} on ${s.approvedOn} → ${s.date}`;
      case 'deadline':
        return zh ? `截止 ${s.date}` : `Deadline ${s.date}`;
    }
  });
}
