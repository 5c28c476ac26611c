import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';

/** Article workflow states: a draft goes to review, then is published or sent back. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'rejected', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A portal column (栏目); a sub-column names its parent. */
export const ColumnSchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(80)
    .regex(/^[a-z0-9-]+$/, { error: 'validation.slug' }),
  nameZh: requiredText(100),
  nameEn: optionalText(100),
  descriptionZh: optionalText(2000),
  descriptionEn: optionalText(2000),
  parentId: z.preprocess(blankToUndefined, idParam.optional()),
  sortOrder: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(100_000)),
});
export type ColumnInput = z.infer<typeof ColumnSchema>;

/** An article's editable content. The body is HTML (sanitised on save) or plain text with blank-line paragraphs. */
export const ArticleSchema = z.strictObject({
  columnId: idParam,
  departmentId: idParam,
  title: requiredText(300),
  summary: optionalText(1000),
  body: z.string().trim().min(1).max(200_000),
});
export type ArticleInput = z.infer<typeof ArticleSchema>;

/** A reviewer's decision note (required when sending back). */
export const RejectSchema = z.strictObject({ note: requiredText(2000) });

/** Staff article list filters. */
export const ArticleAdminQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(ARTICLE_STATUSES).optional()),
  page: pageParam,
});

/** Public list query. */
export const PublicListQuery = z.object({
  page: pageParam,
  column: z.preprocess(blankToUndefined, z.string().max(80).optional()),
});
