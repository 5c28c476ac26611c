import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import * as repo from './disclosure-requests.repository.js';
import type { DisclosureRequestTable } from './disclosure-requests.table.js';
import { computeClock, correctionRequestLimit } from './disclosure-requests.clock.js';
import { feeByPage, feeByRequest } from './disclosure-requests.fees.js';
import { isValidOutcome, type OutcomeCode } from './disclosure-requests.codes.js';
import { transition, type CaseAction, type CaseState } from './disclosure-requests.status.js';
import { clockFactsOf } from './disclosure-requests.service.js';
import { notifyApplicants } from './disclosure-requests.notify.js';
import { requireAgencyStaff, requireOfficeHead } from './disclosure-requests.policy.js';
import type * as s from './disclosure-requests.schema.js';

// Every staff step on a case goes through `commit`: the transition function decides whether the
// step is allowed, the clock is recomputed from the new facts (so dueOn never drifts), the step is
// added to the timeline, written to the audit log and told to the applicant — all in one transaction.

type Patch = Updateable<DisclosureRequestTable>;

/** The facts of a row the transition function needs. */
function factsOf(row: repo.RequestRow) {
  return {
    state: row.state as CaseState,
    received: row.receivedOn !== null,
    corrected: row.correctedOn !== null,
    correctionRequested: row.correctionRequestedOn !== null,
    extended: row.extensionDays !== null,
    feeOutstanding: row.feeIssuedOn !== null && row.feePaidOn === null,
  };
}

/** Loads a case and checks that the action is allowed now; returns the row and the next state. */
async function begin(trx: Executor, id: number, action: CaseAction) {
  const row = await repo.requestById(trx, id);
  if (!row) {
    throw new AppError('not_found');
  }
  const t = transition(factsOf(row), action);
  if (!t.ok) {
    throw new AppError('invalid_state', {}, [], `disclosureRequests.refused.${t.reason}`);
  }
  return { row, next: t.state };
}

interface CommitOptions {
  actor: Actor | null;
  actorName: string;
  action: CaseAction | 'answer_consultation' | 'dispute_result';
  note?: string;
  notice?: { step: string; params?: Record<string, string | number>; suffix?: string };
}

/** Writes a step: the patch, the recomputed deadline, the timeline event, the audit entry and the notice. */
export async function commit(trx: Executor, row: repo.RequestRow, next: CaseState, patch: Patch, o: CommitOptions): Promise<void> {
  const merged = { ...row, ...patch, state: next } as repo.RequestRow;
  const clock = computeClock(clockFactsOf(merged, await repo.consultationsOf(trx, row.id)));
  const now = nowIso();
  await repo.updateRequest(trx, row.id, { ...patch, state: next, dueOn: clock.dueOn, updatedAt: now });
  await repo.insertEvents(trx, [{ requestId: row.id, at: now, action: o.action, stateFrom: row.state, stateTo: next, actorName: o.actorName, note: o.note ?? '' }]);
  if (o.actor) {
    await recordAudit(trx, o.actor, { action: `disclosure_request.${o.action}`, entityType: 'disclosure_request', entityId: row.id, before: { state: row.state, dueOn: row.dueOn }, after: { ...patch, state: next, dueOn: clock.dueOn } });
  }
  if (o.notice) {
    await notifyApplicants(trx, [row], o.notice.step, { dueOn: clock.dueOn ?? '', ...o.notice.params }, o.notice.suffix ?? '');
  }
}

/** Runs one staff action on a case after checking the agency and the state. */
async function staffStep(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, action: CaseAction, build: (row: repo.RequestRow, u: CurrentUser) => Promise<{ patch: Patch; note?: string; notice?: CommitOptions['notice'] }> | { patch: Patch; note?: string; notice?: CommitOptions['notice'] }) {
  const found = await repo.requestById(trx, id);
  if (!found) {
    throw new AppError('not_found');
  }
  const u = requireAgencyStaff(user, found.departmentId);
  const { row, next } = await begin(trx, id, action);
  const b = await build(row, u);
  await commit(trx, row, next, b.patch, { actor, actorName: u.displayName, action, note: b.note, notice: b.notice ?? { step: next } });
}

/** The office confirms an online, fax or ordinary-post application: the receipt date (Art. 31). */
export const confirmReceipt = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.ConfirmSchema>) =>
  staffStep(trx, actor, user, id, 'confirm_receipt', (row) => {
    if (input.confirmedOn < row.submittedAt.slice(0, 10)) {
      throw fieldError('confirmedOn', 'disclosureRequests.error.before_submission');
    }
    return { patch: { confirmedOn: input.confirmedOn, receivedOn: input.confirmedOn }, notice: { step: 'confirmed', params: { receivedOn: input.confirmedOn } } };
  });

/** One complete correction request, within 7 working days of receipt (Art. 30). */
export const requestCorrection = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.CorrectionSchema>, correctionDays: number) =>
  staffStep(trx, actor, user, id, 'request_correction', (row) => {
    const received = row.receivedOn ?? '';
    if (input.requestedOn < received || input.requestedOn > correctionRequestLimit(received)) {
      throw fieldError('requestedOn', 'disclosureRequests.error.correction_late', { limit: correctionRequestLimit(received) });
    }
    return { patch: { correctionRequestedOn: input.requestedOn, correctionNote: input.note, correctionDays }, note: input.note, notice: { step: 'awaiting_correction', params: { note: input.note } } };
  });

/** The corrected application arrived: the clock restarts from that day. */
export const receiveCorrection = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.CorrectedSchema>) =>
  staffStep(trx, actor, user, id, 'receive_correction', (row) => {
    if (input.correctedOn < (row.correctionRequestedOn ?? '')) {
      throw fieldError('correctedOn', 'disclosureRequests.error.before_request');
    }
    return { patch: { correctedOn: input.correctedOn }, note: input.note ?? '' };
  });

/** Sends a consultation to a third party or a co-producing agency; its days are not counted. */
export async function consult(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.ConsultSchema>): Promise<void> {
  await staffStep(trx, actor, user, id, input.kind === 'third_party' ? 'consult_third_party' : 'consult_agency', async (row) => {
    if (input.sentOn < (row.receivedOn ?? '')) {
      throw fieldError('sentOn', 'disclosureRequests.error.before_receipt');
    }
    await repo.insertConsultations(trx, [{ requestId: row.id, kind: input.kind, party: input.party, sentOn: input.sentOn, answeredOn: null }]);
    return { patch: {}, note: input.party };
  });
}

/** Records a consultation's answer; once none is open the case goes back to being answered. */
export async function answerConsultation(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.ConsultAnswerSchema>): Promise<void> {
  const row = await repo.requestById(trx, id);
  if (!row) {
    throw new AppError('not_found');
  }
  const u = requireAgencyStaff(user, row.departmentId);
  const all = await repo.consultationsOf(trx, id);
  const c = all.find((x) => x.id === input.consultationId && x.answeredOn === null);
  if (!c) {
    throw fieldError('consultationId', 'validation.choice');
  }
  if (input.answeredOn < c.sentOn) {
    throw fieldError('answeredOn', 'disclosureRequests.error.before_request');
  }
  await repo.answerConsultation(trx, c.id, input.answeredOn, input.answer ?? '');
  const stillOpen = all.some((x) => x.id !== c.id && x.answeredOn === null);
  const next = stillOpen ? (row.state as CaseState) : (transition(factsOf(row), 'consultation_done') as { ok: true; state: CaseState }).state;
  await commit(trx, row, next ?? (row.state as CaseState), {}, { actor, actorName: u.displayName, action: 'answer_consultation', note: `${c.party}：${input.answer ?? ''}`, notice: stillOpen ? undefined : { step: next } });
}

/** The one extension, approved by the head of the disclosure office; the applicant is told. */
export async function extend(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.ExtendSchema>): Promise<void> {
  const row = await repo.requestById(trx, id);
  if (!row) {
    throw new AppError('not_found');
  }
  requireOfficeHead(user, row.departmentId);
  await staffStep(trx, actor, user, id, 'extend', (_r, u) => ({
    patch: { extensionDays: input.days, extensionApprovedOn: input.approvedOn, extensionApprover: u.displayName, extensionReason: input.reason },
    note: input.reason,
    notice: { step: 'extended', params: { days: input.days, reason: input.reason } },
  }));
}

/** The first and last day of the calendar month of a date. */
function monthOf(date: string): { from: string; to: string } {
  return { from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-31` };
}

/** A fee notice, by request (count this applicant's requests in the month) or by page — never both. */
export const issueFee = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.FeeSchema>) =>
  staffStep(trx, actor, user, id, 'issue_fee', async (row) => {
    const received = row.receivedOn ?? input.issuedOn;
    const month = monthOf(received);
    const amount = input.mode === 'by_page' ? feeByPage(input.pages ?? 0) : feeByRequest(await repo.countByApplicant(trx, row.idNumber, month.from, received, row.id));
    if (amount === 0) {
      throw fieldError(input.mode === 'by_page' ? 'pages' : 'mode', 'disclosureRequests.error.fee_free');
    }
    return { patch: { feeMode: input.mode, feePages: input.pages ?? null, feeAmount: amount, feeIssuedOn: input.issuedOn, feePaidOn: null }, notice: { step: 'fee', params: { amount } } };
  });

/** The fee was paid: the clock runs again. */
export const recordPayment = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.PaymentSchema>) =>
  staffStep(trx, actor, user, id, 'record_payment', () => ({ patch: { feePaidOn: input.paidOn }, notice: { step: 'paid' } }));

/** The reply (Art. 36) with its annual-report outcome; closes the case. */
export const reply = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: s.ReplyInput) =>
  staffStep(trx, actor, user, id, 'reply', (row) => {
    if (!isValidOutcome(input.outcome as OutcomeCode, input.outcomeReason)) {
      throw fieldError('outcomeReason', 'disclosureRequests.error.outcome_reason');
    }
    if ((input.replyType === 'already_public' || input.replyType === 'not_this_agency') && !input.place) {
      throw fieldError('place', 'disclosureRequests.error.place_required');
    }
    if (input.repliedOn < (row.receivedOn ?? '')) {
      throw fieldError('repliedOn', 'disclosureRequests.error.before_receipt');
    }
    return {
      patch: { replyType: input.replyType, replyText: input.text, replyPlace: input.place ?? null, outcome: input.outcome, outcomeReason: input.outcomeReason ?? null, closedOn: input.repliedOn },
      notice: { step: 'answered' },
    };
  });

/** A supplementary answer after the reply. */
export const supplement = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.SupplementSchema>) =>
  staffStep(trx, actor, user, id, 'supplement', () => ({ patch: {}, note: input.text, notice: { step: 'supplementary', suffix: `:${input.on}` } }));

/** An administrative review or lawsuit about the reply. */
export async function recordDispute(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.DisputeSchema>): Promise<void> {
  await staffStep(trx, actor, user, id, input.kind === 'review' ? 'start_review' : 'start_litigation', async (row) => {
    await repo.insertDisputes(trx, [{ requestId: row.id, kind: input.kind, filedOn: input.filedOn, result: input.result, decidedOn: input.decidedOn ?? null, note: input.note ?? '' }]);
    return { patch: {}, note: input.note ?? '' };
  });
}

/** The result of a review or lawsuit (维持/纠正/其他/尚未审结). */
export async function recordDisputeResult(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: z.infer<typeof s.DisputeResultSchema>): Promise<void> {
  const row = await repo.requestById(trx, id);
  if (!row) {
    throw new AppError('not_found');
  }
  const u = requireAgencyStaff(user, row.departmentId);
  if ((await repo.updateDispute(trx, input.disputeId, id, input.result, input.decidedOn ?? null)) === 0) {
    throw fieldError('disputeId', 'validation.choice');
  }
  await commit(trx, row, row.state as CaseState, {}, { actor, actorName: u.displayName, action: 'dispute_result', note: input.result });
}

/** The applicant withdraws an open application (counted as 其他处理/其他). */
export async function withdrawByApplicant(trx: Executor, row: repo.RequestRow, reason: string): Promise<void> {
  const { next } = await begin(trx, row.id, 'withdraw');
  await commit(trx, row, next, { outcome: 'other', outcomeReason: 'other', closedOn: todayInChina() }, { actor: null, actorName: row.applicantName, action: 'withdraw', note: reason, notice: { step: 'withdrawn' } });
}

/** The system closes a case whose correction or fee lapsed (其他处理/逾期不补正, 逾期未缴费). */
export async function lapse(trx: Executor, row: repo.RequestRow, kind: 'correction' | 'fee', on: string): Promise<void> {
  const { next } = await begin(trx, row.id, kind === 'correction' ? 'correction_lapsed' : 'fee_lapsed');
  const reason = kind === 'correction' ? 'overdue_correction' : 'unpaid_fee';
  await commit(trx, row, next, { outcome: 'other', outcomeReason: reason, closedOn: on }, { actor: null, actorName: '系统', action: kind === 'correction' ? 'correction_lapsed' : 'fee_lapsed', notice: { step: reason } });
}
