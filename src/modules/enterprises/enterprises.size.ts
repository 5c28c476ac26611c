// 企业规模 derived per 国家统计局《统计上大中小微型企业划分办法（2017）》. Large, medium and small must meet
// the lower bound of every indicator listed for their industry, otherwise the enterprise drops a class;
// micro needs only one indicator below the small bounds. We know employees (从业人员) and revenue
// (营业收入) but not total assets (资产总额), so where the rule needs assets we can only tell micro.
import type { EnterpriseSize } from './enterprises.facts.js';

/** The industry groups of the rule. */
export type SizeIndustry =
  | 'agriculture'
  | 'industry'
  | 'construction'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehousing'
  | 'postal'
  | 'accommodation'
  | 'catering'
  | 'telecom'
  | 'software'
  | 'realEstateDevelopment'
  | 'propertyManagement'
  | 'leasingBusiness'
  | 'other';

/** Lower bounds of large, medium and small for one indicator (people, or 万元). */
type Bounds = readonly [large: number, medium: number, small: number];

/** Indicators of one industry: employees (X), revenue (Y), assets (Z; unknown to us). */
interface Rule {
  employees?: Bounds;
  revenue?: Bounds;
  assets?: Bounds;
}

/** The thresholds of the 2017 rule (employees in people, revenue and assets in 万元). */
export const SIZE_RULES: Readonly<Record<SizeIndustry, Rule>> = {
  agriculture: { revenue: [20000, 500, 50] },
  industry: { employees: [1000, 300, 20], revenue: [40000, 2000, 300] },
  construction: { revenue: [80000, 6000, 300], assets: [80000, 5000, 300] },
  wholesale: { employees: [200, 20, 5], revenue: [40000, 5000, 1000] },
  retail: { employees: [300, 50, 10], revenue: [20000, 500, 100] },
  transport: { employees: [1000, 300, 20], revenue: [30000, 3000, 200] },
  warehousing: { employees: [200, 100, 20], revenue: [30000, 1000, 100] },
  postal: { employees: [1000, 300, 20], revenue: [30000, 2000, 100] },
  accommodation: { employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  catering: { employees: [300, 100, 10], revenue: [10000, 2000, 100] },
  telecom: { employees: [2000, 100, 10], revenue: [100000, 1000, 100] },
  software: { employees: [300, 100, 10], revenue: [10000, 1000, 50] },
  realEstateDevelopment: { revenue: [200000, 1000, 100], assets: [10000, 5000, 2000] },
  propertyManagement: { employees: [1000, 300, 100], revenue: [5000, 1000, 500] },
  leasingBusiness: { employees: [300, 100, 10], assets: [120000, 8000, 100] },
  other: { employees: [300, 100, 10] },
};

/**
 * The rule's industry group of a GB/T 4754-2017 code, or null when the rule does not cover it
 * (finance has its own rule; railways, public administration, international organisations and
 * renting out one's own property are outside it; a bare K70 cannot be told apart).
 */
export function sizeIndustryOf(code: string): SizeIndustry | null {
  const letter: string = code.charAt(0);
  const division = Number(code.slice(1, 3));
  const group = code.slice(1, 4);
  const klass = code.slice(1, 5);
  switch (letter) {
    case 'A':
      return 'agriculture';
    case 'B':
    case 'C':
    case 'D':
      return 'industry';
    case 'E':
      return 'construction';
    case 'F':
      return division === 51 ? 'wholesale' : 'retail';
    case 'G':
      if (division === 53) {
        return null;
      }
      if (division === 59) {
        // 591 装卸搬运 counts as transport; the rest of 59 is warehousing.
        return group.length < 3 ? null : group === '591' ? 'transport' : 'warehousing';
      }
      return division === 60 ? 'postal' : 'transport';
    case 'H':
      return division === 61 ? 'accommodation' : 'catering';
    case 'I':
      return division === 65 ? 'software' : 'telecom';
    case 'K':
      if (klass.length < 4) {
        return null;
      }
      return klass === '7010' ? 'realEstateDevelopment' : klass === '7020' ? 'propertyManagement' : klass === '7040' ? null : 'other';
    case 'L':
      return 'leasingBusiness';
    case 'M':
    case 'N':
    case 'O':
    case 'P':
    case 'Q':
    case 'R':
      return 'other';
    default:
      return null;
  }
}

const CLASSES: readonly EnterpriseSize[] = ['large', 'medium', 'small'];

function classify(rule: Rule, v: { employees: number; revenue: number; assets: number }): EnterpriseSize {
  for (let i = 0; i < 3; i++) {
    const ok = (!rule.employees || v.employees >= rule.employees[i]!) && (!rule.revenue || v.revenue >= rule.revenue[i]!) && (!rule.assets || v.assets >= rule.assets[i]!);
    if (ok) {
      return CLASSES[i]!;
    }
  }
  return 'micro';
}

/**
 * The size an enterprise has under the 2017 rule, or null when the data cannot decide it. A missing
 * indicator is tried at both extremes: the rule is monotone, so when both give the same class that
 * class is certain (e.g. 3 employees in retail is micro whatever the revenue).
 */
export function deriveSize(industryCode: string | null | undefined, employees: number | null | undefined, revenue: number | null | undefined): EnterpriseSize | null {
  if (!industryCode) {
    return null;
  }
  const industry = sizeIndustryOf(industryCode);
  if (!industry) {
    return null;
  }
  const rule = SIZE_RULES[industry];
  const low = { employees: employees ?? 0, revenue: revenue ?? 0, assets: 0 };
  const high = { employees: employees ?? Infinity, revenue: revenue ?? Infinity, assets: Infinity };
  const a = classify(rule, low);
  return a === classify(rule, high) ? a : null;
}
