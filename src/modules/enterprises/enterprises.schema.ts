import { z } from 'zod';
import { blankToUndefined, optionalText, pageParam } from '../../http/schema-helpers.js';
import { ENTERPRISE_TAGS, SIZES } from './enterprises.facts.js';
import { INDUSTRY_SECTIONS } from './enterprises.industry.js';

// Request schemas of the enterprise directory; types are derived from them.

const amount = z.preprocess(blankToUndefined, z.coerce.number().min(0).max(1e9).optional());

/** The staff list's query: search text, town, industry section, size, page. */
export const EnterpriseListQuery = z.object({
  q: optionalText(100),
  town: optionalText(50),
  section: z.preprocess(blankToUndefined, z.enum(INDUSTRY_SECTIONS.map((s) => s.letter) as [string, ...string[]]).optional()),
  size: z.preprocess(blankToUndefined, z.enum([...SIZES, 'unknown']).optional()),
  page: pageParam,
});
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuery>;

/** An enterprise's correction of its own facts; a blank field leaves that fact as it is. */
export const DeclarationSchema = z.object({
  employees: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(10_000_000).optional()),
  revenue: amount,
  taxPaid: amount,
  rdRatio: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(100).optional()),
  registeredCapital: amount,
  town: optionalText(50),
  /** Absent from a form when no box is ticked: the route turns that into []. */
  tags: z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(z.enum(ENTERPRISE_TAGS)).max(ENTERPRISE_TAGS.length).optional()),
});
export type DeclarationInput = z.infer<typeof DeclarationSchema>;

/** Options of an upload: the registration file's date. */
export const ImportFieldsSchema = z.object({
  asOf: z.preprocess(blankToUndefined, z.iso.date().optional()),
});

/** The import report page's query. */
export const ImportListQuery = z.object({ page: pageParam });
