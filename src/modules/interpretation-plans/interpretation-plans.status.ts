import { addWorkingDays, workingDaysBetween } from '../../platform/calendar/index.js';

// Pure rules of the plan timetable and of the assessment (考核); no database, unit-tested.

/** Default number of working days after a policy's publication within which its interpretation counts as in time. */
export const DEFAULT_ALLOWED_WORKING_DAYS = 3;

/** Status of a plan entry on the citywide timetable. */
export const PLAN_STATUSES = ['planned', 'in_time', 'late', 'missing'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** What the timetable knows about one entry when it computes its status. */
export interface PlanFacts {
  expectedOn: string;
  /** The linked policy's publication day, when the policy is published. */
  policyPublishedOn: string | null;
  /** The first published interpretation of the linked policy. */
  firstInterpretationOn: string | null;
}

/**
 * The day an entry is due. An interpretation is meant to go out with its policy, so once the policy is
 * published its publication day is the due day; before that (or with no policy yet) it is the
 * expected day the department planned.
 */
export function dueDate(f: Pick<PlanFacts, 'expectedOn' | 'policyPublishedOn'>): string {
  return f.policyPublishedOn ?? f.expectedOn;
}

/**
 * The status of a plan entry on `today`: in time or late once an interpretation is published
 * (compared with the due day plus the allowed working days); missing when that grace deadline has
 * passed with none; planned otherwise.
 */
export function planStatus(f: PlanFacts, today: string, allowed: number): PlanStatus {
  const due = dueDate(f);
  const deadline = addWorkingDays(due, allowed);
  if (f.firstInterpretationOn) {
    return f.firstInterpretationOn <= deadline ? 'in_time' : 'late';
  }
  return today > deadline ? 'missing' : 'planned';
}

/** Verdict of the assessment on one published policy. */
export const VERDICTS = ['with_policy', 'in_time', 'late', 'missing', 'pending'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The assessment of one policy: its deadline, verdict and, when late, by how many working days. */
export interface PolicyVerdict {
  deadline: string;
  verdict: Verdict;
  lateBy: number;
}

/**
 * Judges one published policy: with the policy (same day or earlier), in time (by the deadline =
 * publication + allowed working days), late (after it, by n working days), missing (deadline passed,
 * none), pending (deadline not yet passed, none).
 */
export function assessPolicy(publishedOn: string, firstInterpretationOn: string | null, today: string, allowed: number): PolicyVerdict {
  const deadline = addWorkingDays(publishedOn, allowed);
  if (firstInterpretationOn === null) {
    return { deadline, verdict: today > deadline ? 'missing' : 'pending', lateBy: 0 };
  }
  if (firstInterpretationOn <= publishedOn) {
    return { deadline, verdict: 'with_policy', lateBy: 0 };
  }
  if (firstInterpretationOn <= deadline) {
    return { deadline, verdict: 'in_time', lateBy: 0 };
  }
  return { deadline, verdict: 'late', lateBy: Math.max(1, workingDaysBetween(deadline, firstInterpretationOn)) };
}

/** Counts of verdicts for one department. */
export type VerdictCounts = Record<Verdict, number> & { total: number };

/** Zero counts. */
export function emptyCounts(): VerdictCounts {
  return { total: 0, with_policy: 0, in_time: 0, late: 0, missing: 0, pending: 0 };
}

/**
 * The department's score: (with the policy + in time) / (total − pending) × 100, rounded to one
 * decimal. Pending policies are left out because their deadline has not passed; null when nothing is
 * assessable yet.
 */
export function score(c: VerdictCounts): number | null {
  const assessable = c.total - c.pending;
  if (assessable <= 0) {
    return null;
  }
  return Math.round(((c.with_policy + c.in_time) / assessable) * 1000) / 10;
}
