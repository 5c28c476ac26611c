import { describe, expect, it } from 'vitest';
import { bestCombination, daysLeft, estimateSupport, GuideSchema } from './navigator.guide.js';

const base = { supportKind: 'none', supportAmount: null, supportFact: null, supportRate: null, supportCap: null };
const taxed = (value: number) => ({ taxPaid: { value, source: 'registration' as const, asOf: '2026-06-30' } });

describe('the support an enterprise can expect', () => {
  it('a fixed amount is that amount', () => {
    expect(estimateSupport({ ...base, supportKind: 'fixed', supportAmount: 20 }, {})).toEqual({ amount: 20, capped: false });
  });

  it('a share of a money fact, rounded to the 100 yuan, up to the cap', () => {
    const rule = { ...base, supportKind: 'rate', supportFact: 'taxPaid', supportRate: 10, supportCap: 50 };
    expect(estimateSupport(rule, taxed(123.456))).toEqual({ amount: 12.35, capped: false });
    expect(estimateSupport(rule, taxed(800))).toEqual({ amount: 50, capped: true });
    expect(estimateSupport(rule, {})).toBeUndefined();
    expect(estimateSupport({ ...rule, supportCap: null }, taxed(800))).toEqual({ amount: 80, capped: false });
  });

  it('none states no amount', () => {
    expect(estimateSupport(base, taxed(100))).toBeUndefined();
  });

  it('counts the days to the end of the window', () => {
    expect(daysLeft('2026-12-31', '2026-11-29')).toBe(32);
    expect(daysLeft('2026-11-29', '2026-11-29')).toBe(0);
    expect(daysLeft('2026-11-28', '2026-11-29')).toBe(-1);
  });
});

describe('the guide form', () => {
  const issues = (input: Record<string, string>) => {
    const r = GuideSchema.safeParse({ supportKind: 'none', onlineUrl: 'https://example.gov.cn/apply', ...input });
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('needs the amount of a fixed support, and the base and share of a rate', () => {
    expect(issues({ supportKind: 'fixed' })).toEqual([['supportAmount', 'validation.required']]);
    expect(issues({ supportKind: 'rate', supportRate: '10' })).toEqual([['supportFact', 'validation.required']]);
    expect(issues({ supportKind: 'rate', supportFact: 'taxPaid', supportRate: '十' })[0]).toEqual(['supportRate', 'validation.number']);
  });

  it('needs somewhere to apply, a closing day after the opening day, and a web address that is one', () => {
    expect(issues({ onlineUrl: '' })).toEqual([['onlineUrl', 'navigator.guide.where_to_apply']]);
    expect(issues({ applyFrom: '2026-12-01', applyUntil: '2026-11-01' })).toEqual([['applyUntil', 'navigator.guide.until_before_from']]);
    expect(issues({ onlineUrl: 'javascript:alert(1)' })[0]![0]).toBe('onlineUrl');
    expect(issues({ onlineUrl: '', officeAddress: '市行政服务中心' })).toEqual([]);
  });
});

describe('the best combination of policies', () => {
  it('takes every policy outside a group and the largest estimate of each group (不得重复享受)', () => {
    expect(
      bestCombination([
        { policyId: 1, amount: 5, exclusionGroup: '' },
        { policyId: 2, amount: 30, exclusionGroup: '研发' },
        { policyId: 3, amount: 50, exclusionGroup: '研发' },
        { policyId: 4, amount: 10, exclusionGroup: '人才' },
        { policyId: 5, amount: 2.5, exclusionGroup: '' },
      ]),
    ).toEqual({ policyIds: [1, 3, 4, 5], total: 67.5 });
    expect(bestCombination([])).toEqual({ policyIds: [], total: 0 });
  });
});
