import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { isValidMobile } from '../../platform/identity/index.js';
import { OUTCOMES, SUGGESTION_STATUSES } from './open-day-suggestions.status.js';

/** The fixed categories: 营商环境, 城市管理, 科技创新, 民生保障, 政务服务, 其他. */
export const CATEGORIES = ['business', 'urban', 'innovation', 'livelihood', 'services', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Why moderation keeps a suggestion from the public. */
export const REJECT_KINDS = ['spam', 'abuse', 'off_topic'] as const;

/** Progress of a measure: planned, in progress, done. */
export const MEASURE_PROGRESS = ['planned', 'in_progress', 'done'] as const;

/** Shortest and longest suggestion text, in characters. */
export const CONTENT_MIN = 5;
export const CONTENT_MAX = 2000;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());
const optionalId = z.preprocess(blankToUndefined, idParam.optional());

/** An e-mail address or a mainland mobile number, never shown publicly. */
const contact = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(200)
    .refine((v) => isValidMobile(v) || z.email().safeParse(v).success, { error: 'suggestions.contact_format' })
    .optional(),
);

/** A registration confirmation code as printed on the visitor's confirmation. */
const registrationCode = z.preprocess(blankToUndefined, z.string().trim().toUpperCase().max(12).regex(/^[A-Z0-9-]+$/, { error: 'suggestions.registration_code_format' }).optional());

/** A suggestion as the public sends it (form and JSON). */
export const SuggestionSchema = z.strictObject({
  category: z.enum(CATEGORIES),
  content: z.string().trim().min(CONTENT_MIN, { error: 'suggestions.content_short' }).max(CONTENT_MAX),
  /** Display name; optional (shown as 市民 when empty). */
  submitterName: optionalText(30),
  /** E-mail or mobile for notifications at each step; never public. */
  contact,
  /** Online form only: an open point the suggestion is about (its code). */
  pointCode: optionalText(30),
  /** From a visit: the visitor's registration code links the suggestion to the registration. */
  registrationCode,
});
export type SuggestionInput = z.infer<typeof SuggestionSchema>;

/** Moderation refuses a suggestion: the kind is public, the reason staff-only. */
export const RejectSchema = z.strictObject({ kind: z.enum(REJECT_KINDS), reason: requiredText(500) });
export type RejectInput = z.infer<typeof RejectSchema>;

/** Merges a duplicate into the suggestion with this tracking code. */
export const MergeSchema = z.strictObject({ target: z.string().trim().toUpperCase().min(1).max(16) });

/** How many parts a split may make: at least two (else it is not a split), at most four on one form. */
export const SPLIT_MIN_PARTS = 2;
export const SPLIT_MAX_PARTS = 4;

/** The form's numbered fields of one part: category1 and content1, category2 and content2, … */
export const splitPartFields = (n: number) => ({ category: `category${n}`, content: `content${n}` });

const splitFields = Object.fromEntries(
  Array.from({ length: SPLIT_MAX_PARTS }, (_, i) => {
    const f = splitPartFields(i + 1);
    return [
      [f.category, z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional())],
      [f.content, optionalText(CONTENT_MAX)],
    ];
  }).flat(),
) as Record<string, z.ZodType<string | undefined>>;

/**
 * Splits a suggestion that raises several matters: each part is a restatement of one matter with its
 * category. A part is filled when its text is; filled parts need a category and at least CONTENT_MIN
 * characters, and there must be at least two. Empty slots are ignored.
 */
export const SplitSchema = z.strictObject(splitFields).transform((v, ctx) => {
  const parts: Array<{ category: Category; content: string }> = [];
  let problems = 0;
  for (let n = 1; n <= SPLIT_MAX_PARTS; n++) {
    const f = splitPartFields(n);
    const content = v[f.content];
    const category = v[f.category] as Category | undefined;
    if (content === undefined) {
      continue;
    }
    if (Array.from(content).length < CONTENT_MIN) {
      ctx.addIssue({ code: 'custom', path: [f.content], message: 'suggestions.content_short' });
      problems++;
    }
    if (category === undefined) {
      ctx.addIssue({ code: 'custom', path: [f.category], message: 'validation.required' });
      problems++;
      continue;
    }
    parts.push({ category, content });
  }
  if (parts.length < SPLIT_MIN_PARTS && problems === 0) {
    ctx.addIssue({ code: 'custom', path: [splitPartFields(parts.length + 1).content], message: 'suggestions.split_min_parts' });
  }
  return parts;
});
export type SplitParts = z.output<typeof SplitSchema>;

/** Routes a suggestion to the responsible unit. */
export const RouteSchema = z.strictObject({ departmentId: idParam });

/** The unit's answer. */
export const AnswerSchema = z.strictObject({ answer: requiredText(5000) });
export type AnswerInput = z.infer<typeof AnswerSchema>;

/** A measure as staff enter it. */
export const MeasureSchema = z.strictObject({
  campaignId: idParam,
  title: requiredText(200),
  description: optionalText(5000),
  ownerDepartmentId: optionalId,
  /** Who carries it out when that is not one department (e.g. 市城管委会同各区政府). */
  owner: optionalText(120),
  dueOn: optionalDate,
  progress: z.enum(MEASURE_PROGRESS).default('planned'),
  progressNote: optionalText(2000),
});
export type MeasureInput = z.infer<typeof MeasureSchema>;

/**
 * The outcome after the answer. Converted needs a measure (an existing one, or a new one from the
 * measure fields); partly adopted may name one; not adopted needs a reason.
 */
export const OutcomeSchema = z
  .strictObject({
    outcome: z.enum(OUTCOMES),
    reason: optionalText(2000),
    measureId: optionalId,
    measureTitle: optionalText(200),
    measureDescription: optionalText(5000),
    measureDueOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'not_adopted' && !v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'suggestions.reason_required' });
    }
    if (v.outcome === 'converted' && v.measureId === undefined && !v.measureTitle) {
      ctx.addIssue({ code: 'custom', path: ['measureId'], message: 'suggestions.measure_required' });
    }
    if (v.measureId !== undefined && v.measureTitle) {
      ctx.addIssue({ code: 'custom', path: ['measureTitle'], message: 'suggestions.measure_one_of' });
    }
  });
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional());

/** The public tracker's filters. */
export const TrackerQuery = z.object({
  status: optionalEnum(SUGGESTION_STATUSES),
  category: optionalEnum(CATEGORIES),
  department: optionalId,
  point: z.preprocess(blankToUndefined, z.string().trim().max(30).optional()),
  page: pageParam,
});
export type TrackerFilter = z.infer<typeof TrackerQuery>;

/** The staff queues. */
export const STAFF_QUEUES = ['moderation', 'unrouted', 'routed', 'answered', 'closed', 'all'] as const;
export type StaffQueue = (typeof STAFF_QUEUES)[number];

/** The staff list's filters. */
export const StaffQuery = z.object({
  campaign: optionalId,
  queue: optionalEnum(STAFF_QUEUES),
  department: optionalId,
  page: pageParam,
});
