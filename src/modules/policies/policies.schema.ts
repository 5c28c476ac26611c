import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';

/** 主题分类 as used on gov.cn. */
export const POLICY_THEMES = [
  '综合政务',
  '城乡建设、环境保护',
  '工业、交通',
  '科技、教育',
  '财政、金融、审计',
  '劳动、人事、监察',
  '国土资源、能源',
  '市场监管、安全生产监管',
  '卫生、体育',
  '民政、扶贫、救灾',
] as const;

/** 有效性: valid 有效, expired 失效, repealed 废止, amended 修订. */
export const VALIDITIES = ['valid', 'expired', 'repealed', 'amended'] as const;
export type Validity = (typeof VALIDITIES)[number];

/**
 * Policy categories: normative 规范性文件, major 重大政策 (major decisions and measures), notice 通知公告,
 * other. Normative documents and major policies must be interpreted (STANDARDS.md §4).
 */
export const POLICY_CATEGORIES = ['normative', 'major', 'notice', 'other'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];
/** Categories whose summary, graphic and interpretation must go out with the policy. */
export const INTERPRETATION_REQUIRED_CATEGORIES: readonly PolicyCategory[] = ['normative', 'major'];

/** Policy workflow states (the same path as articles: draft → review → published). */
export const POLICY_STATUSES = ['draft', 'in_review', 'published', 'rejected'] as const;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' });
const optionalDate = z.preprocess(blankToUndefined, isoDate.optional());

/** A policy as an editor enters it. */
export const PolicySchema = z
  .strictObject({
    indexNo: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[0-9A-Za-z/_-]+$/, { error: 'validation.index_no' }),
    title: requiredText(300),
    docNumber: optionalText(100),
    issuingOrgan: requiredText(200),
    departmentId: idParam,
    theme: z.enum(POLICY_THEMES),
    keywords: optionalText(300),
    serviceObject: optionalText(60),
    writtenOn: isoDate,
    publishedOn: optionalDate,
    effectiveOn: optionalDate,
    validity: z.enum(VALIDITIES).default('valid'),
    validityEndedOn: optionalDate,
    replacesId: z.preprocess(blankToUndefined, idParam.optional()),
    category: z.enum(POLICY_CATEGORIES).default('normative'),
    summary: optionalText(5000),
    body: z.string().trim().min(1).max(300_000),
    /** 名词解释: one "term｜definition" per line. */
    terms: optionalText(50_000),
    /** The policy card (图解版 source): a headline and one item per line in each section. */
    cardHeadline: optionalText(100),
    cardAudience: optionalText(3000),
    cardSupport: optionalText(3000),
    cardDeadlines: optionalText(3000),
    cardHowToApply: optionalText(3000),
    cardContacts: optionalText(3000),
  })
  .superRefine((v, ctx) => {
    if (v.validity !== 'valid' && !v.validityEndedOn) {
      ctx.addIssue({ code: 'custom', path: ['validityEndedOn'], message: 'validation.required' });
    }
    if (v.effectiveOn && v.effectiveOn < v.writtenOn) {
      ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'validation.effective_before_written' });
    }
  });
export type PolicyInput = z.infer<typeof PolicySchema>;

/** A change of validity on a published policy. */
export const ValiditySchema = z.strictObject({
  validity: z.enum(VALIDITIES),
  validityEndedOn: optionalDate,
});
export type ValidityInput = z.infer<typeof ValiditySchema>;

/** Public list filters (facets). */
export const PolicyListQuery = z.object({
  theme: z.preprocess(blankToUndefined, z.enum(POLICY_THEMES).optional()),
  organ: optionalText(200),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(1949).max(2100).optional()),
  validity: z.preprocess(blankToUndefined, z.enum(VALIDITIES).optional()),
  department: z.preprocess(blankToUndefined, idParam.optional()),
  q: optionalText(100),
  /** relevance (default when searching) or date. */
  sort: z.preprocess(blankToUndefined, z.enum(['relevance', 'date']).optional()),
  page: pageParam,
});
export type PolicyListFilter = z.infer<typeof PolicyListQuery>;

/** Staff list filters. */
export const PolicyAdminQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(POLICY_STATUSES).optional()),
  page: pageParam,
});

/** A reviewer's note when sending a policy back. */
export const PolicyRejectSchema = z.strictObject({ note: requiredText(2000) });
