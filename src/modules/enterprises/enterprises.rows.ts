// One row of a registration file: header mapping, parsing and validation. Pure functions, so that the
// import, the profile form and the tests share one set of rules.
import crypto from 'node:crypto';
import type { FieldProblem } from '../../http/errors.js';
import { isValidCreditCode, isValidMobile, normaliseCreditCode } from '../../platform/identity/index.js';
import { ENTERPRISE_TAGS, ENTERPRISE_TYPES, OWNERSHIPS, SIZES, type EnterpriseSize } from './enterprises.facts.js';
import { industryCodeProblem, normaliseIndustryCode } from './enterprises.industry.js';
import { deriveSize } from './enterprises.size.js';

/** The columns of the import format, in file order. */
export const COLUMNS = [
  'creditCode',
  'name',
  'enterpriseType',
  'ownership',
  'industryCode',
  'size',
  'foundedOn',
  'registeredCapital',
  'town',
  'legalRepresentative',
  'legalMobile',
  'employees',
  'revenue',
  'taxPaid',
  'rdRatio',
  'tags',
] as const;
export type Column = (typeof COLUMNS)[number];

/** The Chinese header of each column (the template's first line). */
export const HEADERS_ZH: Readonly<Record<Column, string>> = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  enterpriseType: '企业类型',
  ownership: '经济类型',
  industryCode: '行业代码',
  size: '企业规模',
  foundedOn: '成立日期',
  registeredCapital: '注册资本（万元）',
  town: '所在镇街',
  legalRepresentative: '法定代表人',
  legalMobile: '法定代表人手机',
  employees: '从业人数',
  revenue: '上年营业收入（万元）',
  taxPaid: '上年纳税额（万元）',
  rdRatio: '研发投入占比（%）',
  tags: '资质称号',
};

/** The file's size words → sizes. */
export const SIZE_WORDS: Readonly<Record<string, EnterpriseSize>> = { 微型: 'micro', 小型: 'small', 中型: 'medium', 大型: 'large' };
/** A size in Chinese, as the file writes it. */
export const SIZE_ZH: Readonly<Record<EnterpriseSize, string>> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

/** Headers compare without spaces, with half-width brackets widened and in lower case. */
const headerKey = (h: string): string => h.replace(/^\uFEFF/, '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').toLowerCase();
const HEADER_LOOKUP = new Map<string, Column>();
for (const c of COLUMNS) {
  HEADER_LOOKUP.set(headerKey(HEADERS_ZH[c]), c);
  HEADER_LOOKUP.set(headerKey(c), c);
  // The unit is often left out of the header: 注册资本, 上年营业收入, 研发投入占比.
  HEADER_LOOKUP.set(headerKey(HEADERS_ZH[c].replace(/（.*）$/, '')), c);
}

/** The column a header names (Chinese or English key, brackets of either width), or undefined. */
export function mapHeader(header: string): Column | undefined {
  return HEADER_LOOKUP.get(headerKey(header));
}

/** The raw text of a row, by column (missing columns are absent). */
export type RawRow = Partial<Record<Column, string>>;

/** A validated enterprise row, ready to store. */
export interface EnterpriseRecord {
  creditCode: string;
  name: string;
  enterpriseType: string;
  ownership: string | null;
  industryCode: string;
  size: EnterpriseSize | null;
  sizeDerived: number;
  foundedOn: string;
  registeredCapital: number | null;
  town: string | null;
  legalRepresentative: string | null;
  legalMobile: string | null;
  employees: number | null;
  revenue: number | null;
  taxPaid: number | null;
  rdRatio: number | null;
  tags: string;
}

/** The result of parsing a row: the record, or every problem found. */
export type ParsedRow = { ok: true; record: EnterpriseRecord; hash: string } | { ok: false; problems: FieldProblem[]; creditCode: string };

const p = (field: Column, key: FieldProblem['key'], params?: FieldProblem['params']): FieldProblem => ({ field, key, ...(params ? { params } : {}) });

/** Parses a calendar date written as 2021-03-15, 2021/3/15, 2021.3.15 or 2021年3月15日; undefined if not a real date. */
export function parseDate(s: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim());
  if (!m) {
    return undefined;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1900) {
    return undefined;
  }
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a non-negative number (thousands separators allowed); NaN when it is not one. */
export function parseAmount(s: string): number {
  const t = s.replace(/[,，\s]/g, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Splits a tag list written with 、 ; ； , or spaces. */
export function splitTags(s: string): string[] {
  return s
    .split(/[、;；,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Normalised tags: known, de-duplicated, in catalogue order; the unknown ones are returned apart. */
export function normaliseTags(tags: readonly string[]): { tags: string[]; unknown: string[] } {
  const known = new Set<string>(ENTERPRISE_TAGS);
  const unknown = tags.filter((t) => !known.has(t));
  return { tags: ENTERPRISE_TAGS.filter((t) => tags.includes(t)), unknown };
}

type NumberOpts = { integer?: boolean; max?: number };

function numberField(raw: RawRow, field: Column, problems: FieldProblem[], opts: NumberOpts = {}): number | null {
  const s = (raw[field] ?? '').trim();
  if (s === '') {
    return null;
  }
  const n = parseAmount(s);
  if (Number.isNaN(n)) {
    problems.push(p(field, s.startsWith('-') ? 'enterprises.problem.negative' : 'enterprises.problem.number'));
    return null;
  }
  if (opts.integer && !Number.isInteger(n)) {
    problems.push(p(field, 'enterprises.problem.integer'));
    return null;
  }
  if (opts.max !== undefined && n > opts.max) {
    problems.push(p(field, 'enterprises.problem.too_big', { max: opts.max }));
    return null;
  }
  return n;
}

function textField(raw: RawRow, field: Column, problems: FieldProblem[], max: number, required = false): string | null {
  const s = (raw[field] ?? '').trim();
  if (s === '') {
    if (required) {
      problems.push(p(field, 'enterprises.problem.required'));
    }
    return null;
  }
  if ([...s].length > max) {
    problems.push(p(field, 'enterprises.problem.too_long', { max }));
    return null;
  }
  return s;
}

function choiceField(raw: RawRow, field: Column, problems: FieldProblem[], choices: readonly string[], required: boolean): string | null {
  const s = textField(raw, field, problems, 50, required);
  if (s !== null && !choices.includes(s)) {
    problems.push(p(field, 'enterprises.problem.choice', { choices: choices.join('、') }));
    return null;
  }
  return s;
}

/** The hash of a record's registration values: equal hashes mean nothing to write. */
export function recordHash(r: EnterpriseRecord): string {
  return crypto.createHash('sha1').update(JSON.stringify(COLUMNS.map((c) => r[c]).concat(r.sizeDerived))).digest('hex');
}

/**
 * Parses and validates one row. A row with any problem is refused whole, so every problem is
 * collected (not just the first) and the person fixing the file sees them all at once.
 */
export function parseEnterpriseRow(raw: RawRow, today: string): ParsedRow {
  const problems: FieldProblem[] = [];
  const codeText = (raw.creditCode ?? '').trim();
  const creditCode = normaliseCreditCode(codeText);
  if (codeText === '') {
    problems.push(p('creditCode', 'enterprises.problem.required'));
  } else if (!isValidCreditCode(creditCode)) {
    problems.push(p('creditCode', 'enterprises.problem.credit_code'));
  }
  const name = textField(raw, 'name', problems, 200, true);
  const enterpriseType = choiceField(raw, 'enterpriseType', problems, ENTERPRISE_TYPES, true);
  const ownership = choiceField(raw, 'ownership', problems, OWNERSHIPS, false);

  const industryText = textField(raw, 'industryCode', problems, 10, true);
  const industryCode = industryText === null ? null : normaliseIndustryCode(industryText);
  if (industryCode !== null) {
    const why = industryCodeProblem(industryCode);
    if (why) {
      problems.push(p('industryCode', why === 'format' ? 'enterprises.problem.industry_format' : 'enterprises.problem.industry_section'));
    }
  }

  const sizeText = (raw.size ?? '').trim();
  let size: EnterpriseSize | null = null;
  if (sizeText !== '') {
    size = SIZE_WORDS[sizeText] ?? ((SIZES as readonly string[]).includes(sizeText.toLowerCase()) ? (sizeText.toLowerCase() as EnterpriseSize) : null);
    if (size === null) {
      problems.push(p('size', 'enterprises.problem.choice', { choices: Object.keys(SIZE_WORDS).join('、') }));
    }
  }

  const foundedText = textField(raw, 'foundedOn', problems, 20, true);
  let foundedOn: string | null = null;
  if (foundedText !== null) {
    foundedOn = parseDate(foundedText) ?? null;
    if (foundedOn === null) {
      problems.push(p('foundedOn', 'enterprises.problem.date'));
    } else if (foundedOn > today) {
      problems.push(p('foundedOn', 'enterprises.problem.future'));
      foundedOn = null;
    }
  }

  const registeredCapital = numberField(raw, 'registeredCapital', problems);
  const town = textField(raw, 'town', problems, 50);
  const legalRepresentative = textField(raw, 'legalRepresentative', problems, 50);
  const legalMobile = textField(raw, 'legalMobile', problems, 20);
  if (legalMobile !== null && !isValidMobile(legalMobile)) {
    problems.push(p('legalMobile', 'enterprises.problem.mobile'));
  }
  const employees = numberField(raw, 'employees', problems, { integer: true, max: 10_000_000 });
  const revenue = numberField(raw, 'revenue', problems);
  const taxPaid = numberField(raw, 'taxPaid', problems);
  const rdRatio = numberField(raw, 'rdRatio', problems, { max: 100 });

  const tagList = normaliseTags(splitTags(raw.tags ?? ''));
  if (tagList.unknown.length > 0) {
    problems.push(p('tags', 'enterprises.problem.tags', { tags: tagList.unknown.join('、') }));
  }

  if (problems.length > 0) {
    return { ok: false, problems, creditCode: codeText };
  }
  const derived = size === null ? deriveSize(industryCode, employees, revenue) : null;
  const record: EnterpriseRecord = {
    creditCode,
    name: name!,
    enterpriseType: enterpriseType!,
    ownership,
    industryCode: industryCode!,
    size: size ?? derived,
    sizeDerived: size === null ? 1 : 0,
    foundedOn: foundedOn!,
    registeredCapital,
    town,
    legalRepresentative,
    legalMobile,
    employees,
    revenue,
    taxPaid,
    rdRatio,
    tags: tagList.tags.join(' '),
  };
  return { ok: true, record, hash: recordHash(record) };
}
