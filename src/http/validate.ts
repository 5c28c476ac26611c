import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors.js';
import { isMessageKey, type MessageKey } from '../platform/i18n/index.js';

type Issue = z.core.$ZodIssue;

/** Maps one zod issue to a message key in the catalogue, so that every message is translated. */
export function issueToProblem(issue: Issue): FieldProblem {
  const field = issue.path.map(String).join('.') || '_';
  // Refinements carry their own message key.
  if (issue.code === 'custom' && isMessageKey(issue.message)) {
    return { field, key: issue.message };
  }
  if (isMessageKey(issue.message)) {
    return { field, key: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { field, key: issue.input === undefined || issue.input === '' ? 'validation.required' : 'validation.invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { field, key: 'validation.required' }
          : { field, key: 'validation.too_short', params: { min: Number(issue.minimum) } };
      }
      return { field, key: 'validation.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { field, key: 'validation.too_long', params: { max: Number(issue.maximum) } }
        : { field, key: 'validation.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { field, key: issue.format === 'email' ? 'validation.email' : 'validation.format' };
    case 'invalid_value':
      return { field, key: 'validation.choice' };
    case 'unrecognized_keys':
      return { field: issue.keys.join(',') || field, key: 'validation.unknown_field', params: { fields: issue.keys.join(', ') } };
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return { field, key: 'validation.invalid' };
  }
}

/** Parses input with a schema; on failure throws one AppError listing every field's problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  throw new AppError('validation_failed', {}, result.error.issues.map(issueToProblem));
}

/** Turns a list of field problems into a map keyed by field, the first problem per field. */
export function problemsByField(problems: FieldProblem[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const p of problems) {
    out[p.field] ??= p;
  }
  return out;
}

/** A message key used as a zod error, so refinements name their reason in the catalogue. */
export function msg(key: MessageKey): { error: MessageKey } {
  return { error: key };
}
