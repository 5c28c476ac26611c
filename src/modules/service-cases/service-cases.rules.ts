import { isValidCreditCode, isValidResidentId, normaliseCreditCode, normaliseResidentId } from '../../platform/identity/index.js';

// Application forms and 秒批 rules: pure functions, no database.

/** The kinds of field an application form can hold. */
export const FIELD_TYPES = ['text', 'number', 'date', 'select', 'idNumber', 'creditCode'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One field of an item's application form. */
export interface FormField {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

/** The operators of a 秒批 condition (= ≠ < ≤ > ≥ in, not empty, valid ID / credit code). */
export const RULE_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'not_empty', 'valid_id', 'valid_credit_code'] as const;
export type RuleOp = (typeof RULE_OPS)[number];

/** The symbol staff and applicants see for each operator. */
export const OP_SYMBOLS: Record<RuleOp, string> = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥', in: '∈', not_empty: '≠ ∅', valid_id: '✓ ID', valid_credit_code: '✓ USCC' };

/** One condition: a field, an operator and (except for the unary operators) a value. */
export interface RuleCondition {
  field: string;
  op: RuleOp;
  value?: string | number | Array<string | number>;
}

/** A 秒批 rule: every condition must hold. */
export interface InstantRule {
  all: RuleCondition[];
}

/** The form an item has when staff have not set one: applicant, contact, description. */
export const DEFAULT_FIELDS: FormField[] = [
  { key: 'applicant', label: '申请人', type: 'text', required: true },
  { key: 'contact', label: '联系电话', type: 'text', required: true },
  { key: 'description', label: '申请事项说明', type: 'text', required: false },
];

/** What was wrong with one submitted field. */
export interface DataProblem {
  field: string;
  label: string;
  reason: 'required' | 'number' | 'date' | 'option' | 'id_number' | 'credit_code' | 'too_long';
}

const MAX_VALUE = 500;

function checkValue(f: FormField, v: string): { value: string | number; problem?: DataProblem['reason'] } {
  switch (f.type) {
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(v) ? { value: n } : { value: v, problem: 'number' };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 10) === v ? { value: v } : { value: v, problem: 'date' };
    case 'select':
      return f.options?.includes(v) ? { value: v } : { value: v, problem: 'option' };
    case 'idNumber': {
      const id = normaliseResidentId(v);
      return isValidResidentId(id) ? { value: id } : { value: v, problem: 'id_number' };
    }
    case 'creditCode': {
      const c = normaliseCreditCode(v);
      return isValidCreditCode(c) ? { value: c } : { value: v, problem: 'credit_code' };
    }
    case 'text':
      return { value: v };
  }
}

/** Validates submitted values against a form: the cleaned data and every problem, each naming its field. */
export function validateApplicationData(fields: readonly FormField[], raw: Record<string, unknown>): { data: Record<string, string | number>; problems: DataProblem[] } {
  const data: Record<string, string | number> = {};
  const problems: DataProblem[] = [];
  for (const f of fields) {
    const r = raw[f.key];
    const v = typeof r === 'number' ? String(r) : typeof r === 'string' ? r.trim() : '';
    if (v === '') {
      if (f.required) {
        problems.push({ field: f.key, label: f.label, reason: 'required' });
      }
      continue;
    }
    if (v.length > MAX_VALUE) {
      problems.push({ field: f.key, label: f.label, reason: 'too_long' });
      continue;
    }
    const c = checkValue(f, v);
    if (c.problem) {
      problems.push({ field: f.key, label: f.label, reason: c.problem });
    } else {
      data[f.key] = c.value;
    }
  }
  return { data, problems };
}

function compare(a: string | number, b: string | number): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) {
    return na - nb;
  }
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Whether one condition holds for the data. */
export function conditionHolds(c: RuleCondition, data: Record<string, unknown>): boolean {
  const raw = data[c.field];
  const v = typeof raw === 'number' || typeof raw === 'string' ? raw : '';
  const target = Array.isArray(c.value) ? '' : (c.value ?? '');
  switch (c.op) {
    case 'not_empty':
      return String(v).trim() !== '';
    case 'valid_id':
      return isValidResidentId(normaliseResidentId(String(v)));
    case 'valid_credit_code':
      return isValidCreditCode(normaliseCreditCode(String(v)));
    case 'in':
      return Array.isArray(c.value) && c.value.some((x) => compare(v, x) === 0);
    case 'eq':
      return v !== '' && compare(v, target) === 0;
    case 'ne':
      return compare(v, target) !== 0;
    case 'lt':
      return v !== '' && compare(v, target) < 0;
    case 'le':
      return v !== '' && compare(v, target) <= 0;
    case 'gt':
      return v !== '' && compare(v, target) > 0;
    case 'ge':
      return v !== '' && compare(v, target) >= 0;
  }
}

/** Evaluates a 秒批 rule: passed, or the first condition that failed. */
export function evaluateInstantRule(rule: InstantRule, data: Record<string, unknown>): { passed: true } | { passed: false; failed: RuleCondition } {
  for (const c of rule.all) {
    if (!conditionHolds(c, data)) {
      return { passed: false, failed: c };
    }
  }
  return { passed: true };
}

/** A condition as one line ("年龄 ≥ 18"), with the field's label when the form names it. */
export function describeCondition(c: RuleCondition, fields: readonly FormField[]): string {
  const name = fields.find((f) => f.key === c.field)?.label ?? c.field;
  const value = c.value === undefined ? '' : Array.isArray(c.value) ? ` {${c.value.join(', ')}}` : ` ${c.value}`;
  return `${name} ${OP_SYMBOLS[c.op]}${value}`;
}

/** Structural problems of a form definition (duplicate keys, selects without options), as messages. */
export function formDefinitionProblems(fields: readonly FormField[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.key)) {
      out.push(`duplicate:${f.key}`);
    }
    seen.add(f.key);
    if (f.type === 'select' && (!f.options || f.options.length === 0)) {
      out.push(`options:${f.key}`);
    }
  }
  return out;
}

/** Conditions of a rule that name a field the form does not have, or an `in` without a list. */
export function ruleProblems(rule: InstantRule, fields: readonly FormField[]): string[] {
  const keys = new Set(fields.map((f) => f.key));
  const out: string[] = [];
  for (const c of rule.all) {
    if (!keys.has(c.field)) {
      out.push(`field:${c.field}`);
    }
    if (c.op === 'in' && !Array.isArray(c.value)) {
      out.push(`in:${c.field}`);
    }
    if (!['in', 'not_empty', 'valid_id', 'valid_credit_code'].includes(c.op) && (c.value === undefined || Array.isArray(c.value))) {
      out.push(`value:${c.field}`);
    }
  }
  return out;
}
