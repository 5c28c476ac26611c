import { z } from 'zod';
import { asArray, blankToUndefined, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { isValidCreditCode, isValidMobile, isValidResidentId, normaliseCreditCode, normaliseResidentId } from '../../platform/identity/index.js';
import { FIELD_TYPES, RULE_OPS } from './service-cases.rules.js';

/** person (自然人) or enterprise (法人). */
export const APPLICANT_KINDS = ['person', 'enterprise'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** How the result reaches the applicant. */
export const DELIVERY_METHODS = ['window', 'online', 'post'] as const;

/** The application data: field key → value. */
const DataRecord = z.record(z.string().max(60), z.union([z.string().max(2000), z.number()]));

/** An online application (JSON). */
export const ApplySchema = z.strictObject({
  /** Defaults to the account's kind (citizen → person, enterprise user → enterprise). */
  applicantKind: z.enum(APPLICANT_KINDS).optional(),
  data: DataRecord.default({}),
});
export type ApplyInput = z.infer<typeof ApplySchema>;

/** A walk-in applicant entered by window staff: name, ID number or credit code, mobile. */
export const WalkInSchema = z
  .strictObject({
    applicantKind: z.enum(APPLICANT_KINDS),
    applicantName: requiredText(120),
    // Checked here (so its problem shows with the others) and against the kind below.
    applicantIdNumber: requiredText(30).refine((v) => isValidResidentId(normaliseResidentId(v)) || isValidCreditCode(normaliseCreditCode(v)), { error: 'serviceCases.id_or_code_invalid' }),
    applicantMobile: z
      .string()
      .trim()
      .refine((v) => isValidMobile(v), { error: 'serviceCases.mobile_invalid' }),
    hallId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    windowId: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    data: DataRecord.default({}),
  })
  .transform((v, ctx) => {
    const id = v.applicantKind === 'person' ? normaliseResidentId(v.applicantIdNumber) : normaliseCreditCode(v.applicantIdNumber);
    const ok = v.applicantKind === 'person' ? isValidResidentId(id) : isValidCreditCode(id);
    if (!ok) {
      ctx.addIssue({ code: 'custom', path: ['applicantIdNumber'], message: v.applicantKind === 'person' ? 'serviceCases.id_number_invalid' : 'serviceCases.credit_code_invalid' });
      return z.NEVER;
    }
    return { ...v, applicantIdNumber: id };
  });
export type WalkInInput = z.infer<typeof WalkInSchema>;

/** A staff step on a case (the action comes from the path or the body). */
export const StaffStepSchema = z.strictObject({
  note: optionalText(2000),
  /** 补正: every missing or incorrect material, one per entry. */
  correctionItems: z.preprocess((v) => asArray(v).map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== ''), z.array(z.string().max(300)).max(50)).default([]),
  /** 补正: further items typed one per line. */
  correctionOther: optionalText(3000),
  result: optionalText(2000),
  deliveryMethod: z.preprocess(blankToUndefined, z.enum(DELIVERY_METHODS).optional()),
});
export type StaffStepInput = z.infer<typeof StaffStepSchema>;

/** The applicant's resubmission after 补正, or withdrawal. */
export const ApplicantStepSchema = z.strictObject({ note: optionalText(2000), data: DataRecord.optional() });
export type ApplicantStepInput = z.infer<typeof ApplicantStepSchema>;

/** A rating as the applicant gives it, or window staff record it on site. */
export const RatingSchema = z.strictObject({
  level: z.coerce.number().int().min(1, { error: 'serviceCases.level_required' }).max(5, { error: 'serviceCases.level_required' }),
  comment: optionalText(1000),
});
export type RatingInput = z.infer<typeof RatingSchema>;

/** How a bad rating was followed up: call back, fixed now, fix by a date, explained. */
export const FOLLOW_UP_METHODS = ['call_back', 'fixed_now', 'fix_by_date', 'explained'] as const;

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });

/** Staff record a follow-up. */
export const FollowUpSchema = z
  .strictObject({ method: z.enum(FOLLOW_UP_METHODS), note: requiredText(2000), followUpOn: isoDate, fixByOn: z.preprocess(blankToUndefined, isoDate.optional()) })
  .superRefine((v, ctx) => {
    if (v.method === 'fix_by_date' && !v.fixByOn) {
      ctx.addIssue({ code: 'custom', path: ['fixByOn'], message: 'serviceCases.fix_by_required' });
    }
  });
export type FollowUpInput = z.infer<typeof FollowUpSchema>;

/** The rated department appeals a rating. */
export const AppealSchema = z.strictObject({ reason: requiredText(2000) });

/** The general office decides an appeal. */
export const AppealDecisionSchema = z.strictObject({ decision: z.enum(['upheld', 'dismissed']), note: requiredText(2000) });

/** Staff queues. */
export const QUEUES = ['to_accept', 'to_deliver', 'in_review', 'corrections', 'closed'] as const;
export type Queue = (typeof QUEUES)[number];

/** Staff queue filters. */
export const QueueQuery = z.object({
  queue: z.preprocess(blankToUndefined, z.enum(QUEUES).default('to_accept')),
  due: z.preprocess(blankToUndefined, z.enum(['soon', 'overdue']).optional()),
  page: pageParam,
});
export type QueueInput = z.infer<typeof QueueQuery>;

/** One form field as staff define it. */
const FieldDef = z.strictObject({
  key: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(60),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export const FieldsSchema = z.array(FieldDef).min(1).max(40);

const Condition = z.strictObject({ field: z.string().trim().min(1).max(40), op: z.enum(RULE_OPS), value: z.union([z.string().max(200), z.number(), z.array(z.union([z.string().max(200), z.number()])).max(100)]).optional() });
export const InstantRuleSchema = z.strictObject({ all: z.array(Condition).min(1).max(30) });

/** The staff form editor: the fields and the 秒批 rule as JSON text. */
export const FormEditSchema = z.strictObject({ fields: requiredText(20_000), instantRule: optionalText(20_000) });
