import type { z } from 'zod';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import * as actions from './disclosure-requests.actions.js';
import * as s from './disclosure-requests.schema.js';
import type { CaseAction } from './disclosure-requests.status.js';
import type { Config } from '../../config.js';

// The staff case page's forms: each step's URL segment, the state-machine action that decides when
// it is offered, its schema, its fields (kind decides the input) and the service function it calls.

/** One input of a step form. */
export interface StepField {
  name: string;
  kind: 'date' | 'text' | 'textarea' | 'number' | 'select';
  /** For selects: the code group and its values, or 'consultations' / 'disputes' for the case's own rows. */
  group?: string;
  values?: readonly string[];
  required?: boolean;
}

/** A staff step on a case. */
export interface StepForm {
  slug: string;
  offeredBy: CaseAction[];
  schema: z.ZodType;
  fields: StepField[];
  run: (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: never, config: Config) => Promise<void>;
}

const d = (name: string): StepField => ({ name, kind: 'date', required: true });

/** Every step form, in the order the page shows them. */
export const STEP_FORMS: StepForm[] = [
  { slug: 'confirm', offeredBy: ['confirm_receipt'], schema: s.ConfirmSchema, fields: [d('confirmedOn')], run: actions.confirmReceipt },
  {
    slug: 'correction',
    offeredBy: ['request_correction'],
    schema: s.CorrectionSchema,
    fields: [d('requestedOn'), { name: 'note', kind: 'textarea', required: true }],
    run: (trx, actor, user, id, input: z.infer<typeof s.CorrectionSchema>, config) => actions.requestCorrection(trx, actor, user, id, input, config.disclosureCorrectionDays),
  },
  { slug: 'corrected', offeredBy: ['receive_correction'], schema: s.CorrectedSchema, fields: [d('correctedOn'), { name: 'note', kind: 'text' }], run: actions.receiveCorrection },
  {
    slug: 'consult',
    offeredBy: ['consult_third_party', 'consult_agency'],
    schema: s.ConsultSchema,
    fields: [{ name: 'kind', kind: 'select', group: 'consult_kind', values: ['third_party', 'co_agency'], required: true }, { name: 'party', kind: 'text', required: true }, d('sentOn')],
    run: actions.consult,
  },
  {
    slug: 'consult-answer',
    offeredBy: ['consultation_done'],
    schema: s.ConsultAnswerSchema,
    fields: [{ name: 'consultationId', kind: 'select', group: 'consultations', required: true }, d('answeredOn'), { name: 'answer', kind: 'textarea' }],
    run: actions.answerConsultation,
  },
  { slug: 'extend', offeredBy: ['extend'], schema: s.ExtendSchema, fields: [{ name: 'days', kind: 'number', required: true }, { name: 'reason', kind: 'textarea', required: true }, d('approvedOn')], run: actions.extend },
  {
    slug: 'fee',
    offeredBy: ['issue_fee'],
    schema: s.FeeSchema,
    fields: [{ name: 'mode', kind: 'select', group: 'fee_mode', values: ['by_request', 'by_page'], required: true }, { name: 'pages', kind: 'number' }, d('issuedOn')],
    run: actions.issueFee,
  },
  { slug: 'payment', offeredBy: ['record_payment'], schema: s.PaymentSchema, fields: [d('paidOn')], run: actions.recordPayment },
  {
    slug: 'reply',
    offeredBy: ['reply'],
    schema: s.ReplySchema,
    fields: [
      { name: 'replyType', kind: 'select', group: 'reply_type', required: true },
      { name: 'outcome', kind: 'select', group: 'outcome', required: true },
      { name: 'outcomeReason', kind: 'select', group: 'reason' },
      { name: 'text', kind: 'textarea', required: true },
      { name: 'place', kind: 'text' },
      d('repliedOn'),
    ],
    run: actions.reply,
  },
  { slug: 'supplement', offeredBy: ['supplement'], schema: s.SupplementSchema, fields: [{ name: 'text', kind: 'textarea', required: true }, d('on')], run: actions.supplement },
  {
    slug: 'dispute',
    offeredBy: ['start_review', 'start_litigation'],
    schema: s.DisputeSchema,
    fields: [{ name: 'kind', kind: 'select', group: 'dispute_kind', required: true }, d('filedOn'), { name: 'note', kind: 'text' }],
    run: actions.recordDispute,
  },
];

/** The dispute result form is offered whenever the case has a dispute, whatever its state. */
export const DISPUTE_RESULT_FORM: StepForm = {
  slug: 'dispute-result',
  offeredBy: [],
  schema: s.DisputeResultSchema,
  fields: [{ name: 'disputeId', kind: 'select', group: 'disputes', required: true }, { name: 'result', kind: 'select', group: 'dispute_result', values: ['upheld', 'corrected', 'other', 'pending'], required: true }, { name: 'decidedOn', kind: 'date' }],
  run: actions.recordDisputeResult,
};
