import { workingDaysBetween } from '../../platform/calendar/index.js';
import { toChinaDate } from '../../platform/clock.js';

/** Every state of a suggestion on its public path. */
export const SUGGESTION_STATUSES = ['received', 'routed', 'answered', 'converted', 'partly_adopted', 'explained', 'not_adopted', 'merged', 'split', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** The four outcomes a unit gives after answering: 已转化为措施, 部分采纳, 解释说明, 不予采纳. */
export const OUTCOMES = ['converted', 'partly_adopted', 'explained', 'not_adopted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What staff do to a suggestion; `publish` is moderation letting a received suggestion be seen. */
export type SuggestionAction = { kind: 'publish' } | { kind: 'reject' } | { kind: 'merge' } | { kind: 'split' } | { kind: 'route' } | { kind: 'answer' } | { kind: 'outcome'; outcome: Outcome };

/** True for a status that ends the path (an outcome, merged, split or rejected); a split one goes on in its parts. */
export function isTerminal(status: string): boolean {
  return status === 'merged' || status === 'split' || status === 'rejected' || (OUTCOMES as readonly string[]).includes(status);
}

/** True once a unit has answered (answered or any outcome). */
export function hasAnswer(status: string): boolean {
  return status === 'answered' || (OUTCOMES as readonly string[]).includes(status);
}

/**
 * The status a suggestion moves to, or null when the action is not allowed from where it stands:
 * received → routed → answered → one outcome; received may be rejected; received or routed may be
 * merged into another suggestion, or split into parts that each go on along a path of their own; a
 * routed suggestion may be routed again to another unit.
 */
export function nextStatus(from: string, action: SuggestionAction): SuggestionStatus | null {
  switch (action.kind) {
    case 'publish':
      return from === 'received' ? 'received' : null;
    case 'reject':
      return from === 'received' ? 'rejected' : null;
    case 'merge':
      return from === 'received' || from === 'routed' ? 'merged' : null;
    case 'split':
      return from === 'received' || from === 'routed' ? 'split' : null;
    case 'route':
      return from === 'received' || from === 'routed' ? 'routed' : null;
    case 'answer':
      return from === 'routed' ? 'answered' : null;
    case 'outcome':
      return from === 'answered' ? action.outcome : null;
  }
}

/** The actions open to a suggestion in a status (what the staff page offers). */
export function allowedActions(from: string): Array<SuggestionAction['kind']> {
  const kinds = ['publish', 'reject', 'merge', 'split', 'route', 'answer'] as const;
  const out: Array<SuggestionAction['kind']> = kinds.filter((k) => nextStatus(from, { kind: k }) !== null);
  if (nextStatus(from, { kind: 'outcome', outcome: 'explained' }) !== null) {
    out.push('outcome');
  }
  return out;
}

/** Counts by status, as the tracker shows them. */
export type StatusCounts = Partial<Record<string, number>>;

/**
 * The conversion rate: (converted + partly adopted) ÷ answered, where "answered" counts every
 * suggestion a unit has answered (answered, and each of the four outcomes). Null when none is answered.
 */
export function conversionRate(counts: StatusCounts): { adopted: number; answered: number; rate: number | null } {
  const n = (s: string) => counts[s] ?? 0;
  const adopted = n('converted') + n('partly_adopted');
  const answered = n('answered') + OUTCOMES.reduce((sum, o) => sum + n(o), 0);
  return { adopted, answered, rate: answered === 0 ? null : adopted / answered };
}

/** Working days left before the deadline under which a waiting answer counts as "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

/** Where a suggestion stands against its answer deadline. */
export type DueState = 'none' | 'open' | 'due_soon' | 'overdue' | 'answered_in_time' | 'answered_late';

/** The suggestion fields the deadline checks read. */
export interface DueFacts {
  status: string;
  dueOn: string | null;
  answeredAt: string | null;
}

/**
 * A suggestion against its deadline on a Beijing calendar day: waiting answers are open, due soon
 * (the due day is at most two working days away) or overdue (the due day has passed);
 * answered ones were answered in time or late (answered on a Beijing day after the due day).
 */
export function dueState(s: DueFacts, today: string): DueState {
  if (!s.dueOn) {
    return 'none';
  }
  if (s.answeredAt) {
    return toChinaDate(s.answeredAt) > s.dueOn ? 'answered_late' : 'answered_in_time';
  }
  if (s.status !== 'routed') {
    return 'none';
  }
  if (today > s.dueOn) {
    return 'overdue';
  }
  return workingDaysBetween(today, s.dueOn) <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'open';
}

/** One unit's line in the overdue table. */
export interface UnitDeadlines {
  departmentId: number;
  /** Suggestions routed to the unit (answered or not). */
  routed: number;
  /** Waiting for an answer, past the due day. */
  overdue: number;
  /** Waiting for an answer, at most two working days left. */
  dueSoon: number;
  /** Answered after the due day. */
  answeredLate: number;
  /** Answered on or before the due day. */
  answeredInTime: number;
}

/** Deadline figures per unit, worst first (overdue, then answered late), from the routed suggestions. */
export function deadlinesByUnit(rows: Array<DueFacts & { departmentId: number | null }>, today: string): UnitDeadlines[] {
  const byUnit = new Map<number, UnitDeadlines>();
  for (const r of rows) {
    if (r.departmentId === null || !r.dueOn) {
      continue;
    }
    const u = byUnit.get(r.departmentId) ?? { departmentId: r.departmentId, routed: 0, overdue: 0, dueSoon: 0, answeredLate: 0, answeredInTime: 0 };
    u.routed += 1;
    switch (dueState(r, today)) {
      case 'overdue':
        u.overdue += 1;
        break;
      case 'due_soon':
        u.dueSoon += 1;
        break;
      case 'answered_late':
        u.answeredLate += 1;
        break;
      case 'answered_in_time':
        u.answeredInTime += 1;
        break;
      case 'open':
      case 'none':
        break;
    }
    byUnit.set(r.departmentId, u);
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.answeredLate - a.answeredLate || b.routed - a.routed || a.departmentId - b.departmentId);
}
