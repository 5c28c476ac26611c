import type { MessageKey } from '../platform/i18n/index.js';

/** One field's problem: the field's name and a message key (with its parameters). */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Every error the application raises on purpose, with its HTTP status and stable code. */
export const ERRORS = {
  validation_failed: { status: 400, key: 'error.validation_failed' },
  bad_request: { status: 400, key: 'error.bad_request' },
  unauthenticated: { status: 401, key: 'error.unauthenticated' },
  forbidden: { status: 403, key: 'error.forbidden' },
  csrf_failed: { status: 403, key: 'error.csrf_failed' },
  not_found: { status: 404, key: 'error.not_found' },
  conflict: { status: 409, key: 'error.conflict' },
  invalid_state: { status: 409, key: 'error.invalid_state' },
  payload_too_large: { status: 413, key: 'error.payload_too_large' },
  unsupported_media_type: { status: 415, key: 'error.unsupported_media_type' },
  account_locked: { status: 423, key: 'error.account_locked' },
  rate_limited: { status: 429, key: 'error.rate_limited' },
  internal: { status: 500, key: 'error.internal' },
} as const satisfies Record<string, { status: number; key: MessageKey }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * An expected failure: carries a stable code, an i18n message key and, for bad input, the fields.
 * It is an outcome, not a fault, so no stack trace is captured (refusals are common under load: a
 * full session in a flash crowd); unexpected errors keep theirs and are logged as they are.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldProblem[];
  readonly status: number;
  readonly key: MessageKey;

  constructor(code: ErrorCode, params: Record<string, string | number> = {}, fields: FieldProblem[] = [], key?: MessageKey) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.params = params;
    this.fields = fields;
    this.status = ERRORS[code].status;
    this.key = key ?? ERRORS[code].key;
  }
}

/** Shorthand for a validation error on one field. */
export function fieldError(field: string, key: MessageKey, params?: Record<string, string | number>): AppError {
  return new AppError('validation_failed', {}, [{ field, key, params }]);
}

export const notFound = (): AppError => new AppError('not_found');
export const forbidden = (): AppError => new AppError('forbidden');
export const unauthenticated = (): AppError => new AppError('unauthenticated');
