import { z } from 'zod';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { blankToUndefined, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { msg } from '../../http/validate.js';
import { parseFaq, parseMaterials, parseSpecialSteps, parseSteps, type Faq, type Material, type SpecialStep, type Step } from './service-catalogue.compact.js';
import { AUDIENCES, CASE_TYPES, FLAGS, ITEM_TYPES, LEVELS, MATERIAL_FORMS, ONLINE_DEPTHS, STATUSES, STEP_KINDS, VARIANTS } from './service-catalogue.rules.js';

// One item's input three ways: the staff form and import rows send text (lists in compact form), the
// JSON API sends lists as arrays. Both end as an ItemInput, which the service checks the same way.

const TRUE = ['1', 'on', 'true', 'yes', '是', 'y'];
const FALSE = ['', '0', 'off', 'false', 'no', '否', 'n'];
/** A yes/no from a checkbox, a CSV cell (是/否, 1/0) or JSON. */
const yesNo = z.preprocess((v) => {
  if (typeof v === 'boolean') {
    return v;
  }
  const s = typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : 'invalid';
  return TRUE.includes(s) ? true : FALSE.includes(s) ? false : s;
}, z.boolean());

const days = z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(999));
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,59}$/;

const base = {
  code: requiredText(60).regex(CODE, msg('serviceCatalogue.code_format')),
  parentCode: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  variant: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.enum(['', ...VARIANTS])),
  name: requiredText(200),
  itemType: z.enum(ITEM_TYPES),
  departmentId: z.coerce.number().int().positive(),
  implementingBody: requiredText(200),
  legalBasis: optionalText(4000),
  level: z.enum(LEVELS),
  theme: optionalText(60),
  audience: z.enum(AUDIENCES),
  caseType: z.enum(CASE_TYPES),
  visitsNeeded: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(9)),
  visitsReason: optionalText(400),
  onlineDepth: z.enum(ONLINE_DEPTHS),
  statutoryDays: days,
  promisedDays: days,
  conditions: optionalText(4000),
  resultType: optionalText(60),
  resultName: optionalText(200),
  deliveryMethods: optionalText(200),
  deliveryDays: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(999).optional()),
  place: optionalText(300),
  hours: optionalText(200),
  enquiryPhone: optionalText(60),
  complaintPhone: optionalText(60),
  feeCharged: yesNo,
  feeBasis: optionalText(2000),
  onlinePayment: yesNo,
  enterpriseRelated: yesNo,
  noVisit: yesNo,
  instantApproval: yesNo,
  selfServiceTerminal: yesNo,
  status: z.preprocess((v) => (v === undefined || v === '' ? 'draft' : v), z.enum(STATUSES)),
};

/** The staff form and an import row: lists as compact text. */
export const ItemFormSchema = z.object({
  ...base,
  materials: optionalText(20_000),
  steps: optionalText(8000),
  specialSteps: optionalText(8000),
  faq: optionalText(40_000),
});
export type ItemForm = z.output<typeof ItemFormSchema>;

const MaterialIn = z.object({
  name: requiredText(200),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(0).max(99).default(1),
  required: z.boolean().default(true),
  notes: z.string().trim().max(400).default(''),
});
const StepIn = z.object({ step: z.enum(STEP_KINDS), description: z.string().trim().max(400).default(''), days: z.number().int().min(0).max(999).default(0) });
const SpecialStepIn = z.object({ name: requiredText(200), days: z.number().int().min(0).max(999), basis: z.string().trim().max(400).default(''), countedInLimit: z.boolean().default(false) });
const FaqIn = z.object({ q: requiredText(400), a: requiredText(2000) });

/** The JSON API: lists as arrays. */
export const ItemApiSchema = z.object({
  ...base,
  materials: z.array(MaterialIn).max(60).default([]),
  steps: z.array(StepIn).max(20).default([]),
  specialSteps: z.array(SpecialStepIn).max(20).default([]),
  faq: z.array(FaqIn).max(40).default([]),
});

/** An item as the service saves it. */
export interface ItemInput extends Omit<ItemForm, 'materials' | 'steps' | 'specialSteps' | 'faq'> {
  materials: Material[];
  steps: Step[];
  specialSteps: SpecialStep[];
  faq: Faq[];
}

/** Turns form text into an ItemInput, or the problems of its compact lists (line by line). */
export function fromFormParts(form: ItemForm): { input?: ItemInput; problems: FieldProblem[] } {
  const m = parseMaterials(form.materials ?? '');
  const s = parseSteps(form.steps ?? '');
  const ss = parseSpecialSteps(form.specialSteps ?? '');
  const f = parseFaq(form.faq ?? '');
  const problems = [...m.problems, ...s.problems, ...ss.problems, ...f.problems];
  return problems.length > 0 ? { problems } : { input: { ...form, materials: m.value, steps: s.value, specialSteps: ss.value, faq: f.value }, problems };
}

/** Like fromFormParts, throwing the problems as one validation error. */
export function fromForm(form: ItemForm): ItemInput {
  const r = fromFormParts(form);
  if (!r.input) {
    throw new AppError('validation_failed', {}, r.problems);
  }
  return r.input;
}

/** Browse and search: every filter is optional, so a link or a GET form can set any of them. */
export const BrowseQuery = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  department: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  theme: z.preprocess(blankToUndefined, z.string().trim().max(60).optional()),
  audience: z.preprocess(blankToUndefined, z.enum(AUDIENCES).optional()),
  type: z.preprocess(blankToUndefined, z.enum(ITEM_TYPES).optional()),
  flag: z.preprocess(blankToUndefined, z.enum(FLAGS).optional()),
  page: pageParam,
});
export type BrowseFilter = z.output<typeof BrowseQuery>;

/** The staff list: the public filters plus status. */
export const AdminQuery = BrowseQuery.extend({ status: z.preprocess(blankToUndefined, z.enum(STATUSES).optional()) });
export type AdminFilter = z.output<typeof AdminQuery>;

export const StatusSchema = z.object({ status: z.enum(STATUSES) });
