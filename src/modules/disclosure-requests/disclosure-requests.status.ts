// The life of a case (STANDARDS.md §1 "Case states"): a pure transition function, so the routes,
// the job and the demo generator all obey the same rules.

/** Case states: 待答复, 待补正, 征求第三方意见, 协办, 延期, 已答复, 补充答复, 行政复议, 诉讼, 已撤销. */
export const CASE_STATES = ['pending', 'awaiting_correction', 'third_party', 'co_handling', 'extended', 'answered', 'supplementary', 'review', 'litigation', 'withdrawn'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States in which the office still owes an answer (the statutory clock applies). */
export const OPEN_STATES: readonly CaseState[] = ['pending', 'awaiting_correction', 'third_party', 'co_handling', 'extended'];

/** What can happen to a case. */
export const CASE_ACTIONS = [
  'confirm_receipt',
  'request_correction',
  'receive_correction',
  'correction_lapsed',
  'consult_third_party',
  'consult_agency',
  'consultation_done',
  'extend',
  'issue_fee',
  'record_payment',
  'fee_lapsed',
  'reply',
  'supplement',
  'start_review',
  'start_litigation',
  'withdraw',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The facts of a case that decide which actions are allowed. */
export interface CaseFacts {
  state: CaseState;
  received: boolean;
  corrected: boolean;
  correctionRequested: boolean;
  extended: boolean;
  feeOutstanding: boolean;
}

/** The result of a transition: the next state, or why it is refused (a message-key suffix). */
export type Transition = { ok: true; state: CaseState } | { ok: false; reason: 'not_allowed' | 'not_received' | 'correction_once' | 'extension_once' | 'fee_outstanding' | 'no_fee' };

const answering = (f: CaseFacts): CaseState => (f.extended ? 'extended' : 'pending');
const refuse = (reason: Exclude<Transition, { ok: true }>['reason']): Transition => ({ ok: false, reason });
const to = (state: CaseState): Transition => ({ ok: true, state });

/** The state a case moves to under an action, or why the action is not allowed now. */
export function transition(f: CaseFacts, action: CaseAction): Transition {
  const answerable = f.state === 'pending' || f.state === 'extended';
  const open = OPEN_STATES.includes(f.state);
  const done = f.state === 'answered' || f.state === 'supplementary';
  if (!f.received && open && action !== 'confirm_receipt' && action !== 'withdraw') {
    return refuse('not_received');
  }
  switch (action) {
    case 'confirm_receipt':
      return f.state === 'pending' && !f.received ? to('pending') : refuse('not_allowed');
    case 'request_correction':
      if (f.correctionRequested) {
        return refuse('correction_once');
      }
      return f.state === 'pending' && !f.extended ? to('awaiting_correction') : refuse('not_allowed');
    case 'receive_correction':
    case 'correction_lapsed':
      if (f.state !== 'awaiting_correction') {
        return refuse('not_allowed');
      }
      return to(action === 'receive_correction' ? 'pending' : 'withdrawn');
    case 'consult_third_party':
      return answerable ? to('third_party') : refuse('not_allowed');
    case 'consult_agency':
      return answerable ? to('co_handling') : refuse('not_allowed');
    case 'consultation_done':
      return f.state === 'third_party' || f.state === 'co_handling' ? to(answering(f)) : refuse('not_allowed');
    case 'extend':
      if (f.extended) {
        return refuse('extension_once');
      }
      return f.state === 'pending' ? to('extended') : refuse('not_allowed');
    case 'issue_fee':
      return answerable && !f.feeOutstanding ? to(f.state) : refuse(f.feeOutstanding ? 'fee_outstanding' : 'not_allowed');
    case 'record_payment':
    case 'fee_lapsed':
      if (!f.feeOutstanding) {
        return refuse('no_fee');
      }
      return action === 'record_payment' ? to(f.state) : to('withdrawn');
    case 'reply':
      if (f.feeOutstanding) {
        return refuse('fee_outstanding');
      }
      return answerable ? to('answered') : refuse('not_allowed');
    case 'supplement':
      return done || f.state === 'review' || f.state === 'litigation' ? to('supplementary') : refuse('not_allowed');
    case 'start_review':
      return done ? to('review') : refuse('not_allowed');
    case 'start_litigation':
      return done || f.state === 'review' ? to('litigation') : refuse('not_allowed');
    case 'withdraw':
      return open ? to('withdrawn') : refuse('not_allowed');
  }
}

/** The actions a case allows now, for the staff page's buttons. */
export function allowedActions(f: CaseFacts): CaseAction[] {
  return CASE_ACTIONS.filter((a) => transition(f, a).ok);
}
