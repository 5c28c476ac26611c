import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { msg } from '../../http/validate.js';
import { isValidResidentId, normaliseResidentId } from '../../platform/identity/index.js';
import { EVENT_KINDS, PHASES } from './expropriation.directory.js';
import { AGENCY_DOCUMENT_KINDS } from './expropriation.agency.js';
import { isAccessCode, PAYMENT_STATUSES, RIGHTS_STATUSES, SCHEMES, SIGNING_STATUSES, SURVEY_STATUSES } from './expropriation.households.js';

// One schema per endpoint; the HTML forms and the JSON API read input through the same ones.

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, msg('validation.date')).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), msg('validation.date'));
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());
const optionalMoney = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(2_000_000_000).optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());

/** A 居民身份证号码 with a valid check character. */
export const ResidentId = z.string().transform(normaliseResidentId).refine((v) => isValidResidentId(v), msg('validation.resident_id'));

/** A new project (staff). */
export const ProjectSchema = z.strictObject({
  /** Short key for addresses and files, lower-case letters, digits and dashes. */
  code: z.string().trim().regex(/^[a-z0-9-]{3,40}$/, msg('expropriation.code_format')),
  name: requiredText(200),
  departmentId: idParam,
  decisionNumber: optionalText(100),
  phase: z.enum(PHASES).default('before'),
  summary: optionalText(4000),
  centreLat: z.preprocess(blankToUndefined, z.coerce.number().min(-90).max(90).optional()),
  centreLng: z.preprocess(blankToUndefined, z.coerce.number().min(-180).max(180).optional()),
  radiusM: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(20_000).optional()),
  /** Days for the owners to choose a valuer by negotiation (local rule). */
  valuerDays: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(90).default(10)),
  commentOpensOn: optionalDate,
  commentClosesOn: optionalDate,
});
export type ProjectInput = z.infer<typeof ProjectSchema>;

/** A key date of a project. */
export const EventSchema = z.strictObject({ kind: z.enum(EVENT_KINDS), occurredOn: isoDate, note: optionalText(500) });
export type EventInput = z.infer<typeof EventSchema>;

/** A project's phase change. */
export const PhaseSchema = z.strictObject({ phase: z.enum(PHASES) });

/** Publication of a directory row: the date and where it is (an article's address or another link). */
export const PublishItemSchema = z.strictObject({
  publishedOn: isoDate,
  link: z.string().trim().max(500).regex(/^(\/|https?:\/\/)/, msg('expropriation.link_format')),
});
export type PublishItemInput = z.infer<typeof PublishItemSchema>;

/** Fields of a household record that staff set (import, correction and the JSON API). */
export const HouseholdFields = z.object({
  number: z.string().trim().min(1).max(30).regex(/^[\p{L}\p{N}-]+$/u, msg('expropriation.number_format')),
  ownerName: z.string().trim().min(1).max(60),
  idNumber: ResidentId,
  building: requiredText(30),
  unit: optionalText(20),
  room: optionalText(20),
  /** Floor area in m², two decimals. */
  area: z.coerce.number().positive().max(100_000),
  surveyStatus: z.enum(SURVEY_STATUSES).default('pending'),
  surveyNote: optionalText(500),
  rightsStatus: z.enum(RIGHTS_STATUSES).default('pending'),
  valuation: optionalMoney,
  scheme: optionalEnum(SCHEMES),
  compensation: optionalMoney,
  subsidy: optionalMoney,
  signingStatus: z.enum(SIGNING_STATUSES).default('unsigned'),
  signedOn: optionalDate,
  selectionOrder: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).optional()),
  paymentStatus: z.enum(PAYMENT_STATUSES).default('unpaid'),
  paidOn: optionalDate,
});

/** Cross-field rules: a signed record has a date and a scheme; a paid one a date. */
export const HouseholdSchema = HouseholdFields.superRefine((h, ctx) => {
  if (h.signingStatus === 'signed' && !h.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['signedOn'], message: 'expropriation.signed_needs_date' });
  }
  if (h.signingStatus === 'signed' && !h.scheme) {
    ctx.addIssue({ code: 'custom', path: ['scheme'], message: 'expropriation.signed_needs_scheme' });
  }
  if (h.paymentStatus === 'paid' && !h.paidOn) {
    ctx.addIssue({ code: 'custom', path: ['paidOn'], message: 'expropriation.paid_needs_date' });
  }
});
export type HouseholdInput = z.infer<typeof HouseholdSchema>;

/** A correction: the whole record as it should read, the version it was read at, and why. */
export const CorrectionSchema = z.strictObject({
  ...HouseholdFields.omit({ number: true }).shape,
  version: z.coerce.number().int().min(1),
  reason: requiredText(500),
});
export type CorrectionInput = z.infer<typeof CorrectionSchema>;

/** The household's own sign-in. */
export const HouseholdSignInSchema = z.strictObject({
  code: z.string().trim().max(30).refine(isAccessCode, msg('expropriation.code_invalid')),
  idNumber: ResidentId,
});

/** The public list's search and filters. */
export const HouseholdQuery = z.object({
  number: optionalText(30),
  building: optionalText(30),
  signing: optionalEnum(SIGNING_STATUSES),
  scheme: optionalEnum(SCHEMES),
  page: pageParam,
});
export type HouseholdQueryInput = z.infer<typeof HouseholdQuery>;

/** An agency-service case opened for a household. */
export const AgencyCaseSchema = z.strictObject({
  householdNumber: requiredText(30),
  submittedOn: isoDate,
  /** elderly / disabled: may ask for a home visit. */
  specialGroup: optionalEnum(['elderly', 'disabled'] as const),
  /** Documents to fetch from other departments. */
  documents: z.preprocess((v) => (v === undefined || v === '' ? [] : typeof v === 'string' ? [v] : v), z.array(z.enum(AGENCY_DOCUMENT_KINDS)).min(1).max(AGENCY_DOCUMENT_KINDS.length)),
});
export type AgencyCaseInput = z.infer<typeof AgencyCaseSchema>;

/** One step of an agency case. */
export const AgencyStepSchema = z.strictObject({
  step: z.enum(['document', 'home_visit', 'complete', 'callback']),
  on: isoDate,
  documentId: z.preprocess(blankToUndefined, idParam.optional()),
  /** Call-back satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
  satisfaction: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(5).optional()),
  note: optionalText(500),
});
export type AgencyStepInput = z.infer<typeof AgencyStepSchema>;
