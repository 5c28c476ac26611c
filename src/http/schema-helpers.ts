import { z } from 'zod';

// Helpers shared by every module's schemas, so that forms and the JSON API read input the same way.

/** An HTML form sends '' for an empty field; treat it as absent. */
export const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A required trimmed text of 1..max characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional trimmed text of at most max characters ('' counts as absent). */
export const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

/** A positive integer id, from a number or a numeric string (forms and paths send strings). */
export const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** Zero or more ids, from a repeated form field or a JSON array. */
export const idList = z.preprocess(
  (v): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
  z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(500),
);

/** Zero or more values from a repeated form field (checkboxes) or a JSON array, as an array. */
export const asArray = (v: unknown): unknown[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

/** A page number in a query string. */
export const pageParam = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));

/** Drops the CSRF field from a form body before strict validation. */
export function withoutCsrf(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {};
  }
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}
