import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, requiredText } from '../../http/schema-helpers.js';
import { PLAN_STATUSES } from './interpretation-plans.status.js';

/** Interpretation forms a plan may promise (the interpretations module's forms plus graphic). */
export const PLAN_FORMS = ['full', 'key_points', 'qa', 'glossary', 'video', 'animation', 'interview', 'graphic'] as const;
/** Publication channels: 门户网站, 政务新媒体, 新闻媒体, 新闻发布会, 政策宣讲会. */
export const PLAN_CHANNELS = ['portal', 'new_media', 'news_media', 'press_conference', 'briefing'] as const;
/** Filing states of an entry. */
export const PLAN_STATES = ['draft', 'filed', 'returned'] as const;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());
const manyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.enum(values)).min(1, { error: 'validation.required' }).max(values.length));
const optionalId = z.preprocess(blankToUndefined, idParam.optional());

/** A plan entry as filed by a department (form and JSON). */
export const PlanEntrySchema = z
  .strictObject({
    year: z.coerce.number().int().min(2000).max(2100),
    departmentId: idParam,
    /** An existing policy (any status) … */
    policyId: optionalId,
    /** … or the planned title of a policy not yet drafted. */
    plannedTitle: optionalText(300),
    expectedOn: isoDate,
    forms: manyOf(PLAN_FORMS),
    channels: manyOf(PLAN_CHANNELS),
    interpreterName: requiredText(60),
    interpreterPost: requiredText(120),
    outline: optionalText(5000),
  })
  .superRefine((v, ctx) => {
    if (v.policyId === undefined && !v.plannedTitle) {
      ctx.addIssue({ code: 'custom', path: ['plannedTitle'], message: 'plans.error.policy_or_title' });
    }
    if (Number(v.expectedOn.slice(0, 4)) !== v.year) {
      ctx.addIssue({ code: 'custom', path: ['expectedOn'], message: 'plans.error.other_year' });
    }
  });
export type PlanEntryInput = z.output<typeof PlanEntrySchema>;

/** The general office sends an entry back with a note. */
export const ReturnSchema = z.strictObject({ note: requiredText(1000) });
/** Links an entry with a planned title to the real policy. */
export const LinkSchema = z.strictObject({ policyId: idParam });
/** The same from the entry page's form (its own field name, beside the editor's policyId). */
export const LinkFormSchema = z.strictObject({ linkPolicyId: idParam });

/** Filters of the timetable. */
export const TimetableQuery = z.object({
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
  departmentId: optionalId,
  status: z.preprocess(blankToUndefined, z.enum(PLAN_STATUSES).optional()),
  done: z.string().max(30).optional(),
});
export type TimetableFilter = z.output<typeof TimetableQuery>;

/** The assessment period (inclusive) and optional department. */
export const AssessmentQuery = z
  .object({ from: optionalDate, to: optionalDate, departmentId: optionalId, done: z.string().max(30).optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'plans.error.period' });
export type AssessmentFilter = z.output<typeof AssessmentQuery>;

/** The allowed working days (admin only). */
export const AllowedDaysSchema = z.strictObject({ allowedWorkingDays: z.coerce.number().int().min(0).max(30) });
