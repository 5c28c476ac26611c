import { addWorkingDays, workingDaysBetween, type Pause } from '../../platform/calendar/index.js';

// A 秒批 case is approved, prepared and delivered online by the system in one go.
// Case states and transitions (前台综合受理、后台分类审批、统一窗口出件): pure functions, no database.

/** Every state a case can be in. */
export const CASE_STATUSES = [
  'submitted',
  'correction_requested',
  'resubmitted',
  'accepted',
  'not_accepted',
  'in_review',
  'approved',
  'refused',
  'ready_for_delivery',
  'delivered',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who performs an action: the window (front desk), the back office of the item's department, the applicant, or the system (秒批). */
export type CaseActor = 'window' | 'back_office' | 'applicant' | 'system';

/** Every action that moves a case. */
export const CASE_ACTIONS = ['accept', 'request_correction', 'resubmit', 'not_accept', 'start_review', 'approve', 'refuse', 'prepare_delivery', 'deliver', 'withdraw', 'instant_approve'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The staff actions (the rest are the applicant's or the system's). */
export const STAFF_ACTIONS = ['accept', 'request_correction', 'not_accept', 'start_review', 'approve', 'refuse', 'prepare_delivery', 'deliver'] as const satisfies readonly CaseAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: readonly CaseActor[];
}

const BEFORE_DECISION: readonly CaseStatus[] = ['submitted', 'correction_requested', 'resubmitted', 'accepted', 'in_review'];

const RULES: Record<CaseAction, Rule> = {
  accept: { from: ['submitted', 'resubmitted'], to: 'accepted', by: ['window'] },
  request_correction: { from: ['submitted'], to: 'correction_requested', by: ['window'] },
  resubmit: { from: ['correction_requested'], to: 'resubmitted', by: ['applicant'] },
  not_accept: { from: ['submitted', 'resubmitted'], to: 'not_accepted', by: ['window'] },
  start_review: { from: ['accepted'], to: 'in_review', by: ['back_office'] },
  approve: { from: ['in_review'], to: 'approved', by: ['back_office'] },
  refuse: { from: ['in_review'], to: 'refused', by: ['back_office'] },
  prepare_delivery: { from: ['approved', 'refused'], to: 'ready_for_delivery', by: ['window', 'system'] },
  deliver: { from: ['ready_for_delivery'], to: 'delivered', by: ['window', 'system'] },
  withdraw: { from: BEFORE_DECISION, to: 'withdrawn', by: ['applicant'] },
  instant_approve: { from: ['submitted'], to: 'approved', by: ['system'] },
};

/** Why a transition is refused. */
export type TransitionError = 'wrong_state' | 'wrong_actor' | 'correction_used' | 'reason_required' | 'items_required';

/** What the transition function needs to know about the case and the step. */
export interface TransitionInput {
  status: CaseStatus;
  correctionCount: number;
  action: CaseAction;
  by: CaseActor;
  /** The note (reason for not accepting or refusing, decision note). */
  note?: string | undefined;
  /** The listed materials of a correction request. */
  correctionItems?: readonly unknown[] | undefined;
}

/** The next state of a case, or why the step is not allowed (补正 only once, reasons required). */
export function nextStatus(i: TransitionInput): { ok: true; to: CaseStatus } | { ok: false; error: TransitionError } {
  const rule = RULES[i.action];
  if (!rule.from.includes(i.status)) {
    return { ok: false, error: 'wrong_state' };
  }
  if (!rule.by.includes(i.by)) {
    return { ok: false, error: 'wrong_actor' };
  }
  if (i.action === 'request_correction') {
    if (i.correctionCount > 0) {
      return { ok: false, error: 'correction_used' };
    }
    if (!i.correctionItems || i.correctionItems.length === 0) {
      return { ok: false, error: 'items_required' };
    }
  }
  if ((i.action === 'not_accept' || i.action === 'refuse') && !i.note?.trim()) {
    return { ok: false, error: 'reason_required' };
  }
  return { ok: true, to: rule.to };
}

/** The actions an actor may take on a case in this state (for the buttons a page shows). */
export function availableActions(status: CaseStatus, correctionCount: number, by: CaseActor): CaseAction[] {
  return CASE_ACTIONS.filter((a) => RULES[a].by.includes(by) && RULES[a].from.includes(status) && !(a === 'request_correction' && correctionCount > 0));
}

/** States in which the promised time limit is running (accepted and not yet decided). */
export const RUNNING_STATUSES: readonly CaseStatus[] = ['accepted', 'in_review'];

/** States waiting for the window: to accept, and to deliver. */
export const TO_ACCEPT: readonly CaseStatus[] = ['submitted', 'resubmitted'];
export const TO_DELIVER: readonly CaseStatus[] = ['approved', 'refused', 'ready_for_delivery'];

/** States where the applicant has the final answer. */
export const CLOSED_STATUSES: readonly CaseStatus[] = ['not_accepted', 'delivered', 'withdrawn'];

/**
 * The due date of a case: `promisedDays` working days after acceptance, with the days a correction
 * was outstanding (补正期间) not counted. A 即办件 (0 days) is due on the day it was accepted.
 */
export function caseDueOn(acceptedOn: string, promisedDays: number, pauses: readonly Pause[] = []): string {
  return promisedDays <= 0 ? acceptedOn : addWorkingDays(acceptedOn, promisedDays, { pauses });
}

/** How a running case stands against its due date: overdue, due within `soonDays` working days, or on time. */
export function dueState(dueOn: string | null, today: string, soonDays = 2): 'none' | 'overdue' | 'due_soon' | 'on_time' {
  if (!dueOn) {
    return 'none';
  }
  if (dueOn < today) {
    return 'overdue';
  }
  return workingDaysBetween(today, dueOn) <= soonDays ? 'due_soon' : 'on_time';
}
