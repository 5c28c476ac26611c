import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar } from '../../platform/identity/index.js';
import { describeCondition, evaluateInstantRule, formDefinitionProblems, ruleProblems, validateApplicationData, type FormField, type InstantRule } from './service-cases.rules.js';

const id17 = '11010519491231002';
const validId = id17 + residentIdCheckChar(id17);
const cc17 = '91330106MA2B1234';
const cc = (() => {
  const first = `${cc17}0`.slice(0, 17);
  return first + creditCodeCheckChar(first);
})();

const fields: FormField[] = [
  { key: 'name', label: '姓名', type: 'text', required: true },
  { key: 'age', label: '年龄', type: 'number', required: true },
  { key: 'born', label: '出生日期', type: 'date', required: false },
  { key: 'district', label: '所在区', type: 'select', required: true, options: ['光明区', '南山区'] },
  { key: 'idNo', label: '身份证号', type: 'idNumber', required: false },
  { key: 'uscc', label: '信用代码', type: 'creditCode', required: false },
];

describe('application data', () => {
  it('names every bad field and its reason', () => {
    const r = validateApplicationData(fields, { name: ' ', age: 'abc', born: '2026-02-30', district: '福田区', idNo: '123', uscc: 'X' });
    expect(r.problems.map((p) => [p.field, p.reason])).toEqual([
      ['name', 'required'],
      ['age', 'number'],
      ['born', 'date'],
      ['district', 'option'],
      ['idNo', 'id_number'],
      ['uscc', 'credit_code'],
    ]);
    expect(r.problems[0]!.label).toBe('姓名');
  });

  it('cleans good data (numbers as numbers, IDs normalised)', () => {
    const r = validateApplicationData(fields, { name: '张三', age: '30', district: '光明区', idNo: validId.toLowerCase(), uscc: cc });
    expect(r.problems).toEqual([]);
    expect(r.data).toEqual({ name: '张三', age: 30, district: '光明区', idNo: validId, uscc: cc });
  });
});

describe('instant approval rules', () => {
  const rule: InstantRule = {
    all: [
      { field: 'age', op: 'ge', value: 18 },
      { field: 'age', op: 'lt', value: 60 },
      { field: 'district', op: 'in', value: ['光明区'] },
      { field: 'name', op: 'not_empty' },
      { field: 'idNo', op: 'valid_id' },
      { field: 'district', op: 'ne', value: '南山区' },
      { field: 'age', op: 'le', value: 59 },
      { field: 'age', op: 'gt', value: 17 },
      { field: 'name', op: 'eq', value: '张三' },
    ],
  };
  const good = { name: '张三', age: 30, district: '光明区', idNo: validId };

  it('passes when every condition holds', () => {
    expect(evaluateInstantRule(rule, good)).toEqual({ passed: true });
  });

  it('reports the first failing condition in words', () => {
    const r = evaluateInstantRule(rule, { ...good, age: 16 });
    expect(r.passed).toBe(false);
    if (!r.passed) {
      expect(describeCondition(r.failed, fields)).toBe('年龄 ≥ 18');
    }
    const d = evaluateInstantRule(rule, { ...good, district: '南山区' });
    expect(!d.passed && describeCondition(d.failed, fields)).toBe('所在区 ∈ {光明区}');
  });

  it('treats a missing value as failing a comparison, and checks IDs and credit codes', () => {
    expect(evaluateInstantRule({ all: [{ field: 'age', op: 'lt', value: 60 }] }, {}).passed).toBe(false);
    expect(evaluateInstantRule({ all: [{ field: 'idNo', op: 'valid_id' }] }, { idNo: validId.slice(0, 17) + '0' }).passed).toBe(validId.endsWith('0'));
    expect(evaluateInstantRule({ all: [{ field: 'uscc', op: 'valid_credit_code' }] }, { uscc: cc }).passed).toBe(true);
    expect(evaluateInstantRule({ all: [{ field: 'born', op: 'ge', value: '2000-01-01' }] }, { born: '1999-12-31' }).passed).toBe(false);
  });

  it('finds rules and forms that do not fit together', () => {
    expect(ruleProblems({ all: [{ field: 'income', op: 'lt', value: 1 }, { field: 'age', op: 'in', value: 3 }, { field: 'age', op: 'ge' }] }, fields)).toEqual(['field:income', 'in:age', 'value:age']);
    expect(formDefinitionProblems([...fields, { key: 'name', label: 'x', type: 'select', required: false }])).toEqual(['duplicate:name', 'options:name']);
  });
});
