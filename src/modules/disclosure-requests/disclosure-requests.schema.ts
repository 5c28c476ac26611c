import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { isValidCreditCode, isValidMobile, isValidResidentId, normaliseCreditCode, normaliseResidentId } from '../../platform/identity/index.js';
import { APPLICANT_CATEGORIES, CHANNELS, DELIVERIES, DISPUTE_KINDS, DISPUTE_RESULTS, FEE_MODES, FORMS, OUTCOME_REASONS, OUTCOMES, REPLY_TYPES } from './disclosure-requests.codes.js';
import { MAX_EXTENSION_DAYS } from './disclosure-requests.clock.js';
import { CASE_STATES } from './disclosure-requests.status.js';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());

/** Art. 29 application fields, shared by the online form, the API and staff registration. */
const applicationShape = {
  departmentId: idParam,
  applicantCategory: z.enum(APPLICANT_CATEGORIES),
  applicantName: requiredText(100),
  /** Organisations only: the organisation's name (the applicant name is then its contact person). */
  organisationName: optionalText(200),
  /** Resident ID number (natural persons) or unified social credit code (organisations). */
  idNumber: requiredText(30),
  phone: z.preprocess(blankToUndefined, z.string().trim().refine(isValidMobile, { error: 'disclosureRequests.error.phone' }).optional()),
  email: z.preprocess(blankToUndefined, z.email({ error: 'validation.email' }).max(200).optional()),
  address: optionalText(300),
  infoName: requiredText(300),
  infoDocNumber: optionalText(100),
  infoDescription: optionalText(3000),
  preferredForm: z.enum(FORMS),
  delivery: z.enum(DELIVERIES),
};

type ApplicationShape = z.infer<z.ZodObject<typeof applicationShape>>;

/** Cross-field rules: the identity proof matches the category, a contact is given, post needs an address. */
function checkApplication(v: ApplicationShape, ctx: z.RefinementCtx): void {
  const person = v.applicantCategory === 'natural_person';
  const id = person ? normaliseResidentId(v.idNumber) : normaliseCreditCode(v.idNumber);
  if (person ? !isValidResidentId(id) : !isValidCreditCode(id)) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: person ? 'disclosureRequests.error.resident_id' : 'disclosureRequests.error.credit_code' });
  }
  if (!person && !v.organisationName) {
    ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'disclosureRequests.error.organisation_required' });
  }
  if (!v.phone && !v.email) {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'disclosureRequests.error.contact_required' });
  }
  if (v.delivery === 'post' && !v.address) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'disclosureRequests.error.address_required' });
  }
  if (v.delivery === 'email' && !v.email) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'disclosureRequests.error.email_required' });
  }
}

/** An application sent online (form and JSON). */
export const ApplicationSchema = z.strictObject(applicationShape).superRefine(checkApplication);
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

/** A paper, post or fax application registered by staff, with the facts its receipt date depends on. */
export const RegisterSchema = z
  .strictObject({
    ...applicationShape,
    channel: z.enum(CHANNELS),
    handedInOn: optionalDate,
    signedForOn: optionalDate,
    confirmedOn: optionalDate,
  })
  .superRefine(checkApplication);
export type RegisterInput = z.infer<typeof RegisterSchema>;

/** The office confirms an online or fax application (Art. 31: the day both sides confirm). */
export const ConfirmSchema = z.strictObject({ confirmedOn: isoDate });
/** A one-time, complete correction request (Art. 30). */
export const CorrectionSchema = z.strictObject({ note: requiredText(3000), requestedOn: isoDate });
/** The corrected application arrived. */
export const CorrectedSchema = z.strictObject({ correctedOn: isoDate, note: optionalText(2000) });
/** A consultation of a third party or a co-producing agency. */
export const ConsultSchema = z.strictObject({ kind: z.enum(['third_party', 'co_agency']), party: requiredText(200), sentOn: isoDate });
/** The answer to a consultation. */
export const ConsultAnswerSchema = z.strictObject({ consultationId: idParam, answeredOn: isoDate, answer: optionalText(3000) });
/** The one extension, approved by the head of the disclosure office. */
export const ExtendSchema = z.strictObject({ days: z.coerce.number().int().min(1).max(MAX_EXTENSION_DAYS), reason: requiredText(1000), approvedOn: isoDate });
/** A fee notice: by request or by page, never both. */
export const FeeSchema = z
  .strictObject({ mode: z.enum(FEE_MODES), pages: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).optional()), issuedOn: isoDate })
  .superRefine((v, ctx) => {
    if (v.mode === 'by_page' && v.pages === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pages'], message: 'disclosureRequests.error.pages_required' });
    }
    if (v.mode === 'by_request' && v.pages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['pages'], message: 'disclosureRequests.error.one_mode' });
    }
  });
/** The fee was paid. */
export const PaymentSchema = z.strictObject({ paidOn: isoDate });
/** The reply (Art. 36) and its annual-report outcome. */
export const ReplySchema = z.strictObject({
  replyType: z.enum(REPLY_TYPES),
  outcome: z.enum(OUTCOMES as [string, ...string[]]),
  outcomeReason: optionalEnum(OUTCOME_REASONS as [string, ...string[]]),
  text: requiredText(10000),
  /** Where the information is (already public) or which agency holds it (not this agency's). */
  place: optionalText(300),
  repliedOn: isoDate,
});
export type ReplyInput = z.infer<typeof ReplySchema>;
/** A supplementary answer. */
export const SupplementSchema = z.strictObject({ text: requiredText(10000), on: isoDate });
/** An administrative review or lawsuit about the reply. */
export const DisputeSchema = z.strictObject({ kind: z.enum(DISPUTE_KINDS), filedOn: isoDate, result: z.enum(DISPUTE_RESULTS).default('pending'), decidedOn: optionalDate, note: optionalText(2000) });
/** The result of a review or lawsuit. */
export const DisputeResultSchema = z.strictObject({ disputeId: idParam, result: z.enum(DISPUTE_RESULTS), decidedOn: optionalDate });
/** The applicant withdraws the application. */
export const WithdrawSchema = z.strictObject({ key: optionalText(100), reason: optionalText(1000) });

/** The staff list's filters. */
export const StaffQuery = z.object({ state: optionalEnum(CASE_STATES), department: z.preprocess(blankToUndefined, idParam.optional()), page: pageParam });
/** Tracking: number and the secret from the link. */
export const TrackQuery = z.object({ key: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()) });
export const TrackingParams = z.object({ number: z.string().trim().toUpperCase().regex(/^YS[0-9A-Z]{8,14}$/, { error: 'disclosureRequests.error.tracking_number' }) });
