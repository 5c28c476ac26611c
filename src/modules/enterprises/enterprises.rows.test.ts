import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../platform/identity/index.js';
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, industryCodeProblem, isValidIndustryCode, normaliseIndustryCode } from './enterprises.industry.js';
import { deriveSize, sizeIndustryOf } from './enterprises.size.js';
import { mapHeader, parseDate, parseEnterpriseRow, splitTags, type RawRow } from './enterprises.rows.js';
import { mergeFacts, type RegistrationValues } from './enterprises.merge.js';
import { generateEnterpriseRows, generatedCreditCode } from './enterprises.generate.js';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const GOOD = code('91442000MA4X0001A');
const TODAY = '2026-11-29';
const row = (over: RawRow = {}): RawRow => ({ creditCode: GOOD, name: '中山市测试有限公司', enterpriseType: '有限责任公司', industryCode: 'C3872', foundedOn: '2020-01-02', ...over });

describe('GB/T 4754-2017 industry codes', () => {
  it('has 20 sections covering the 97 divisions without gaps', () => {
    expect(INDUSTRY_SECTIONS).toHaveLength(20);
    expect(Object.keys(INDUSTRY_DIVISIONS)).toHaveLength(97);
    let next = 1;
    for (const s of INDUSTRY_SECTIONS) {
      expect(s.from).toBe(next);
      next = s.to + 1;
    }
    expect(next).toBe(98);
  });

  it('accepts a letter with 2, 3 or 4 digits whose division belongs to the section', () => {
    for (const c of ['C3872', 'C38', 'C387', 'I65', 'I6513', 'F51', 'A01', 'T97', 'K70', 'E50', 'D46']) {
      expect(isValidIndustryCode(c)).toBe(true);
    }
  });

  it('refuses wrong shapes and divisions of another section', () => {
    expect(industryCodeProblem('C3')).toBe('format');
    expect(industryCodeProblem('C38721')).toBe('format');
    expect(industryCodeProblem('3872')).toBe('format');
    expect(industryCodeProblem('U01')).toBe('format');
    expect(industryCodeProblem('C12')).toBe('section'); // 12 is mining (B)
    expect(industryCodeProblem('C44')).toBe('section'); // 44 is D
    expect(industryCodeProblem('B13')).toBe('section');
    expect(industryCodeProblem('A00')).toBe('section');
    expect(industryCodeProblem('T98')).toBe('section');
    expect(normaliseIndustryCode(' c 38.72 ')).toBe('C3872');
  });
});

describe('size derivation (统计上大中小微型企业划分办法 2017)', () => {
  it('maps industry codes to the rule groups', () => {
    expect(sizeIndustryOf('A0151')).toBe('agriculture');
    expect(sizeIndustryOf('C3872')).toBe('industry');
    expect(sizeIndustryOf('B06')).toBe('industry');
    expect(sizeIndustryOf('E4710')).toBe('construction');
    expect(sizeIndustryOf('F5176')).toBe('wholesale');
    expect(sizeIndustryOf('F5211')).toBe('retail');
    expect(sizeIndustryOf('G5430')).toBe('transport');
    expect(sizeIndustryOf('G5910')).toBe('transport');
    expect(sizeIndustryOf('G5920')).toBe('warehousing');
    expect(sizeIndustryOf('G60')).toBe('postal');
    expect(sizeIndustryOf('H61')).toBe('accommodation');
    expect(sizeIndustryOf('H62')).toBe('catering');
    expect(sizeIndustryOf('I63')).toBe('telecom');
    expect(sizeIndustryOf('I64')).toBe('telecom');
    expect(sizeIndustryOf('I6513')).toBe('software');
    expect(sizeIndustryOf('K7010')).toBe('realEstateDevelopment');
    expect(sizeIndustryOf('K7020')).toBe('propertyManagement');
    expect(sizeIndustryOf('K70')).toBeNull();
    expect(sizeIndustryOf('L7212')).toBe('leasingBusiness');
    expect(sizeIndustryOf('M7320')).toBe('other');
    expect(sizeIndustryOf('J66')).toBeNull();
    expect(sizeIndustryOf('G53')).toBeNull();
  });

  it('industry: both bounds must be met, otherwise a class lower', () => {
    expect(deriveSize('C3872', 1000, 40000)).toBe('large');
    expect(deriveSize('C3872', 999, 40000)).toBe('medium');
    expect(deriveSize('C3872', 1000, 39999)).toBe('medium');
    expect(deriveSize('C3872', 300, 2000)).toBe('medium');
    expect(deriveSize('C3872', 299, 2000)).toBe('small');
    expect(deriveSize('C3872', 20, 300)).toBe('small');
    expect(deriveSize('C3872', 19, 300)).toBe('micro');
    expect(deriveSize('C3872', 20, 299.9)).toBe('micro');
  });

  it('applies each industry’s own thresholds at their boundaries', () => {
    const cases: Array<[string, number | null, number | null, string | null]> = [
      ['A0151', null, 20000, 'large'], ['A0151', null, 19999, 'medium'], ['A0151', null, 500, 'medium'], ['A0151', null, 50, 'small'], ['A0151', null, 49, 'micro'],
      ['F5176', 200, 40000, 'large'], ['F5176', 20, 5000, 'medium'], ['F5176', 5, 1000, 'small'], ['F5176', 4, 1000, 'micro'], ['F5176', 5, 999, 'micro'],
      ['F5211', 300, 20000, 'large'], ['F5211', 50, 500, 'medium'], ['F5211', 10, 100, 'small'], ['F5211', 9, 100, 'micro'],
      ['G5430', 1000, 30000, 'large'], ['G5430', 300, 3000, 'medium'], ['G5430', 20, 200, 'small'], ['G5430', 20, 199, 'micro'],
      ['G5920', 200, 30000, 'large'], ['G5920', 100, 1000, 'medium'], ['G5920', 20, 100, 'small'], ['G5920', 19, 100, 'micro'],
      ['G6010', 1000, 30000, 'large'], ['G6010', 300, 2000, 'medium'], ['G6010', 20, 100, 'small'], ['G6010', 20, 99, 'micro'],
      ['H6110', 300, 10000, 'large'], ['H6110', 100, 2000, 'medium'], ['H6110', 10, 100, 'small'], ['H6210', 9, 5000, 'micro'],
      ['I6310', 2000, 100000, 'large'], ['I6420', 100, 1000, 'medium'], ['I6420', 10, 100, 'small'], ['I6420', 10, 99, 'micro'],
      ['I6513', 300, 10000, 'large'], ['I6513', 100, 1000, 'medium'], ['I6513', 10, 50, 'small'], ['I6513', 35, 1800, 'small'], ['I6513', 35, 999, 'small'], ['I6513', 9, 50, 'micro'],
      ['K7020', 1000, 5000, 'large'], ['K7020', 300, 1000, 'medium'], ['K7020', 100, 500, 'small'], ['K7020', 99, 500, 'micro'],
      ['M7320', 300, null, 'large'], ['M7320', 100, null, 'medium'], ['M7320', 10, null, 'small'], ['M7320', 9, null, 'micro'],
    ];
    for (const [c, x, y, want] of cases) {
      expect([c, x, y, deriveSize(c, x, y)]).toEqual([c, x, y, want]);
    }
  });

  it('is unknown when the data cannot decide, and micro when one indicator already decides', () => {
    expect(deriveSize('C3872', null, 5000)).toBeNull();
    expect(deriveSize('C3872', 10, null)).toBe('micro'); // under 20 people whatever the revenue
    expect(deriveSize('C3872', 50, null)).toBeNull();
    expect(deriveSize('E4710', null, 299)).toBe('micro'); // construction needs assets, which we lack
    expect(deriveSize('E4710', null, 100000)).toBeNull();
    expect(deriveSize('K7010', null, 99)).toBe('micro');
    expect(deriveSize('K7010', null, 5000)).toBeNull();
    expect(deriveSize('L7212', 9, null)).toBe('micro');
    expect(deriveSize('L7212', 50, 100)).toBeNull();
    expect(deriveSize('J6610', 5, 10)).toBeNull();
    expect(deriveSize(null, 5, 10)).toBeNull();
  });
});

describe('headers and rows', () => {
  it('maps Chinese headers, English keys and bracket variants', () => {
    expect(mapHeader('统一社会信用代码')).toBe('creditCode');
    expect(mapHeader('\uFEFF统一社会信用代码')).toBe('creditCode');
    expect(mapHeader('creditCode')).toBe('creditCode');
    expect(mapHeader('CREDITCODE')).toBe('creditCode');
    expect(mapHeader('注册资本(万元)')).toBe('registeredCapital');
    expect(mapHeader('注册资本（万元）')).toBe('registeredCapital');
    expect(mapHeader('注册资本')).toBe('registeredCapital');
    expect(mapHeader('研发投入占比（%）')).toBe('rdRatio');
    expect(mapHeader(' 资质称号 ')).toBe('tags');
    expect(mapHeader('备注')).toBeUndefined();
  });

  it('parses dates and tag lists', () => {
    expect(parseDate('2021-03-15')).toBe('2021-03-15');
    expect(parseDate('2021/3/5')).toBe('2021-03-05');
    expect(parseDate('2021年3月5日')).toBe('2021-03-05');
    expect(parseDate('2021-02-30')).toBeUndefined();
    expect(parseDate('15/03/2021')).toBeUndefined();
    expect(splitTags('高新技术企业、专精特新;规上企业；外贸企业')).toEqual(['高新技术企业', '专精特新', '规上企业', '外贸企业']);
  });

  it('parses a good row, normalises it and derives the size when none is given', () => {
    const r = parseEnterpriseRow(row({ creditCode: ` ${GOOD.toLowerCase()} `, employees: '35', revenue: '1,800', industryCode: 'i6513', tags: '专精特新、高新技术企业、专精特新' }), TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.record.creditCode).toBe(GOOD);
      expect(r.record.industryCode).toBe('I6513');
      expect(r.record.revenue).toBe(1800);
      expect(r.record.size).toBe('small');
      expect(r.record.sizeDerived).toBe(1);
      expect(r.record.tags).toBe('高新技术企业 专精特新');
    }
    const given = parseEnterpriseRow(row({ size: '小型', employees: '35', revenue: '1800' }), TODAY);
    expect(given.ok && [given.record.size, given.record.sizeDerived]).toEqual(['small', 0]);
    expect(parseEnterpriseRow(row(), TODAY)).toMatchObject({ ok: true, record: { size: null, sizeDerived: 1 } });
  });

  it('collects every problem of a bad row, each with its field', () => {
    const r = parseEnterpriseRow(
      { creditCode: GOOD.slice(0, 17) + (GOOD.endsWith('0') ? '1' : '0'), name: '', enterpriseType: '公司', industryCode: 'C12', size: '特大', foundedOn: '2099-01-01', legalMobile: '12345678901', employees: '3.5', revenue: '-1', rdRatio: '120', tags: '五星企业', ownership: '民营' },
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.fromEntries(r.problems.map((p) => [p.field, p.key]))).toEqual({
        creditCode: 'enterprises.problem.credit_code',
        name: 'enterprises.problem.required',
        enterpriseType: 'enterprises.problem.choice',
        ownership: 'enterprises.problem.choice',
        industryCode: 'enterprises.problem.industry_section',
        size: 'enterprises.problem.choice',
        foundedOn: 'enterprises.problem.future',
        legalMobile: 'enterprises.problem.mobile',
        employees: 'enterprises.problem.integer',
        revenue: 'enterprises.problem.negative',
        rdRatio: 'enterprises.problem.too_big',
        tags: 'enterprises.problem.tags',
      });
    }
  });

  it('requires the identifying columns', () => {
    const r = parseEnterpriseRow({}, TODAY);
    expect(!r.ok && r.problems.map((p) => p.field).sort()).toEqual(['creditCode', 'enterpriseType', 'foundedOn', 'industryCode', 'name']);
  });
});

describe('merging facts', () => {
  const reg: RegistrationValues = { id: 1, creditCode: GOOD, name: 'x', enterpriseType: '有限责任公司', ownership: null, industryCode: 'I6513', size: 'micro', sizeDerived: 1, foundedOn: '2021-03-15', registeredCapital: 100, town: '东区街道', employees: 35, revenue: 40, taxPaid: null, rdRatio: null, tags: '科技型中小企业', registrationAsOf: '2026-06-01' };

  it('shows registration facts with the file date, and leaves missing ones unknown', () => {
    const f = mergeFacts(reg, []);
    expect(f.facts.employees).toEqual({ value: 35, source: 'registration', asOf: '2026-06-01' });
    expect(f.facts.tags).toEqual({ value: ['科技型中小企业'], source: 'registration', asOf: '2026-06-01' });
    expect(f.facts.rdRatio).toBeUndefined();
    expect(f.facts.ownership).toBeUndefined();
    expect(f.facts.size).toEqual({ value: 'micro', source: 'derived', asOf: '2026-06-01' });
  });

  it('lets the newer of registration and declaration win, and re-derives the size from declared data', () => {
    const f = mergeFacts(reg, [
      { factKey: 'revenue', value: '1800', declaredAt: '2026-07-01T02:00:00.000Z' },
      { factKey: 'rdRatio', value: '3.2', declaredAt: '2026-07-01T02:00:00.000Z' },
      { factKey: 'employees', value: '40', declaredAt: '2026-05-01T02:00:00.000Z' }, // older than the file
      { factKey: 'industryCode', value: '"C3872"', declaredAt: '2026-07-01T02:00:00.000Z' }, // not declarable
    ]);
    expect(f.facts.revenue).toEqual({ value: 1800, source: 'declared', asOf: '2026-07-01' });
    expect(f.facts.rdRatio?.source).toBe('declared');
    expect(f.facts.employees?.value).toBe(35);
    expect(f.facts.industryCode?.value).toBe('I6513');
    expect(f.facts.size).toEqual({ value: 'small', source: 'derived', asOf: '2026-07-01' });
  });

  it('keeps a size the file gave as registration', () => {
    expect(mergeFacts({ ...reg, sizeDerived: 0, size: 'micro' }, []).facts.size?.source).toBe('registration');
  });
});

describe('generated enterprises', () => {
  it('are deterministic, valid and unique', () => {
    const a = [...generateEnterpriseRows(500, 7)];
    const b = [...generateEnterpriseRows(500, 7)];
    expect(a).toEqual(b);
    expect(new Set(a.map((r) => r.creditCode)).size).toBe(500);
    for (const r of a) {
      expect(parseEnterpriseRow(r, TODAY).ok).toBe(true);
    }
    expect([...generateEnterpriseRows(3, 8)][0]).not.toEqual(a[0]);
    expect(generatedCreditCode(0, 7)).not.toBe(generatedCreditCode(1, 7));
    // Some rows miss revenue or R&D, so the navigator meets unknowns; about one in ten has tags.
    expect(a.some((r) => r.revenue === '')).toBe(true);
    expect(a.some((r) => r.rdRatio === '')).toBe(true);
    const tagged = a.filter((r) => r.tags !== '').length;
    expect(tagged).toBeGreaterThan(20);
    expect(tagged).toBeLessThan(100);
  });
});
