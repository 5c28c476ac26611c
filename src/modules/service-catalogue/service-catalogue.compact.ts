import type { FieldProblem } from '../../http/errors.js';
import { MATERIAL_FORMS, STEP_KINDS } from './service-catalogue.rules.js';

// The compact text form of a guide's lists, one entry per line, parts separated by ｜ (or |). The staff
// form's text areas and the import/export columns use the same form, so a file exported can be
// edited in Excel and imported again:
//   materials     名称｜形式｜份数｜必要/非必要｜备注        e.g. 营业执照｜复印件｜1｜必要｜加盖公章
//   steps         环节｜说明｜工作日                        e.g. 受理｜窗口核对材料｜0
//   special steps 名称｜工作日｜依据｜计入/不计入             e.g. 现场核查｜5｜《食品经营许可管理办法》第十四条｜不计入
//   FAQ           问题｜回答

export interface Material {
  name: string;
  form: (typeof MATERIAL_FORMS)[number];
  copies: number;
  required: boolean;
  notes: string;
}
export interface Step {
  step: (typeof STEP_KINDS)[number];
  description: string;
  days: number;
}
export interface SpecialStep {
  name: string;
  days: number;
  basis: string;
  countedInLimit: boolean;
}
export interface Faq {
  q: string;
  a: string;
}

const FORM_ZH: Record<Material['form'], string> = { original: '原件', copy: '复印件', original_and_copy: '原件和复印件', electronic: '电子件' };
const STEP_ZH: Record<Step['step'], string> = { accept: '受理', review: '审查', approve: '决定', conclude: '办结', deliver: '送达' };
const YES = ['必要', '是', '1', 'yes', 'true', 'required', '计入', 'counted'];
const NO = ['非必要', '否', '0', 'no', 'false', 'optional', '不计入', 'not_counted'];

type Parsed<T> = { value: T[]; problems: FieldProblem[] };

function lines(text: string): Array<{ line: number; parts: string[] }> {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, parts: l.split(/[｜|]/).map((p) => p.trim()) }))
    .filter((l) => l.parts.some((p) => p !== ''));
}

function codeOf<T extends string>(text: string, labels: Record<T, string>): T | undefined {
  const t = text.trim();
  return (Object.keys(labels) as T[]).find((k) => k === t.toLowerCase() || labels[k] === t);
}

function yesNo(text: string, fallback: boolean): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === '' ? fallback : YES.includes(t) ? true : NO.includes(t) ? false : undefined;
}

function wholeNumber(text: string, fallback: number, max: number): number | undefined {
  if (text.trim() === '') {
    return fallback;
  }
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

function parseLines<T>(field: string, text: string, max: number, one: (parts: string[]) => { value?: T; rule?: string }): Parsed<T> {
  const value: T[] = [];
  const problems: FieldProblem[] = [];
  const all = lines(text);
  if (all.length > max) {
    return { value, problems: [{ field, key: 'serviceCatalogue.compact.too_many', params: { max } }] };
  }
  for (const l of all) {
    const r = one(l.parts);
    if (r.value !== undefined) {
      value.push(r.value);
    } else if (problems.length === 0) {
      // One problem per field: the first bad line, with the line number and what is wrong there.
      problems.push({ field, key: `serviceCatalogue.compact.${r.rule ?? 'bad_line'}` as FieldProblem['key'], params: { line: l.line } });
    }
  }
  return { value, problems };
}

/** Materials from their compact text. */
export function parseMaterials(text: string, field = 'materials'): Parsed<Material> {
  return parseLines<Material>(field, text, 60, ([name = '', form = '', copies = '', required = '', ...notes]) => {
    const f = form === '' ? 'original' : codeOf(form, FORM_ZH);
    const c = wholeNumber(copies, 1, 99);
    const r = yesNo(required, true);
    if (name === '' || name.length > 200) {
      return { rule: 'material_name' };
    }
    if (!f) {
      return { rule: 'material_form' };
    }
    if (c === undefined) {
      return { rule: 'material_copies' };
    }
    if (r === undefined) {
      return { rule: 'material_required' };
    }
    return { value: { name, form: f, copies: c, required: r, notes: notes.join('｜').slice(0, 400) } };
  });
}

/** Steps from their compact text. */
export function parseSteps(text: string, field = 'steps'): Parsed<Step> {
  return parseLines<Step>(field, text, 20, ([kind = '', description = '', days = '']) => {
    const k = codeOf(kind, STEP_ZH);
    const d = wholeNumber(days, 0, 999);
    if (!k) {
      return { rule: 'step_kind' };
    }
    return d === undefined ? { rule: 'days' } : { value: { step: k, description: description.slice(0, 400), days: d } };
  });
}

/** Special steps from their compact text. */
export function parseSpecialSteps(text: string, field = 'specialSteps'): Parsed<SpecialStep> {
  return parseLines<SpecialStep>(field, text, 20, ([name = '', days = '', basis = '', counted = '']) => {
    const d = wholeNumber(days, 0, 999);
    const c = yesNo(counted, false);
    if (name === '') {
      return { rule: 'special_name' };
    }
    if (d === undefined) {
      return { rule: 'days' };
    }
    return c === undefined ? { rule: 'special_counted' } : { value: { name: name.slice(0, 200), days: d, basis: basis.slice(0, 400), countedInLimit: c } };
  });
}

/** Questions and answers from their compact text. */
export function parseFaq(text: string, field = 'faq'): Parsed<Faq> {
  return parseLines<Faq>(field, text, 40, ([q = '', ...a]) => {
    const answer = a.join('｜');
    return q === '' || answer === '' ? { rule: 'faq_line' } : { value: { q: q.slice(0, 400), a: answer.slice(0, 2000) } };
  });
}

/** Materials as compact text. */
export function formatMaterials(ms: ReadonlyArray<Pick<Material, 'name' | 'form' | 'copies' | 'notes'> & { required: boolean | number }>): string {
  return ms.map((m) => [m.name, FORM_ZH[m.form], String(m.copies), m.required ? '必要' : '非必要', m.notes].join('｜').replace(/｜$/, '')).join('\n');
}

/** Steps as compact text. */
export function formatSteps(ss: readonly Step[]): string {
  return ss.map((s) => [STEP_ZH[s.step], s.description, String(s.days)].join('｜')).join('\n');
}

/** Special steps as compact text. */
export function formatSpecialSteps(ss: readonly SpecialStep[]): string {
  return ss.map((s) => [s.name, String(s.days), s.basis, s.countedInLimit ? '计入' : '不计入'].join('｜')).join('\n');
}

/** Questions and answers as compact text. */
export function formatFaq(fs: readonly Faq[]): string {
  return fs.map((f) => `${f.q}｜${f.a}`).join('\n');
}

/** Parses a stored JSON list, or [] when it is not one. */
export function jsonList<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
