// The facts about an enterprise that eligibility rules may test (the navigator's vocabulary). Each fact
// has one key, one type and a Chinese label; rules, the rule editor, the explanations and the profile
// page all use this catalogue, so adding a fact here makes it available everywhere.

/** How a fact's value is typed: rules offer the comparisons that fit. */
export type FactType = 'number' | 'money' | 'percent' | 'date' | 'code' | 'choice' | 'set' | 'text';

/** Where a fact's value came from: the registration file, the enterprise itself, or computed by us. */
export type FactSource = 'registration' | 'declared' | 'derived';

/** One fact of the catalogue. */
export interface FactDef {
  key: FactKey;
  type: FactType;
  labelZh: string;
  labelEn: string;
  /** Unit shown after values (万元, 人, %). */
  unitZh?: string;
  unitEn?: string;
  /** For choice and set facts: the allowed values. */
  choices?: readonly string[];
}

/** 企业类型 (simplified from the registration categories). */
export const ENTERPRISE_TYPES = ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '个体工商户', '农民专业合作社', '外商投资企业', '其他'] as const;
/** 经济类型 / ownership. */
export const OWNERSHIPS = ['国有', '集体', '私营', '港澳台投资', '外商投资', '混合所有制'] as const;
/** 企业规模 (统计上大中小微型企业划分办法): micro / small / medium / large. */
export const SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof SIZES)[number];
/** Tags the registration file or staff attach (资质、称号). */
export const ENTERPRISE_TAGS = ['高新技术企业', '专精特新', '科技型中小企业', '规上企业', '上市企业', '外贸企业', '小微企业', '创新型中小企业'] as const;

/** Fact keys. */
export type FactKey =
  | 'enterpriseType'
  | 'ownership'
  | 'industryCode'
  | 'size'
  | 'foundedOn'
  | 'registeredCapital'
  | 'town'
  | 'employees'
  | 'revenue'
  | 'rdRatio'
  | 'taxPaid'
  | 'tags';

/** The catalogue, in the order the editor and the profile show it. */
export const FACTS: readonly FactDef[] = [
  { key: 'enterpriseType', type: 'choice', labelZh: '企业类型', labelEn: 'Enterprise type', choices: ENTERPRISE_TYPES },
  { key: 'ownership', type: 'choice', labelZh: '经济类型', labelEn: 'Ownership', choices: OWNERSHIPS },
  { key: 'industryCode', type: 'code', labelZh: '国民经济行业代码', labelEn: 'Industry code (GB/T 4754)' },
  { key: 'size', type: 'choice', labelZh: '企业规模', labelEn: 'Size', choices: SIZES },
  { key: 'foundedOn', type: 'date', labelZh: '成立日期', labelEn: 'Founded on' },
  { key: 'registeredCapital', type: 'money', labelZh: '注册资本', labelEn: 'Registered capital', unitZh: '万元', unitEn: '10k yuan' },
  { key: 'town', type: 'choice', labelZh: '所在镇街', labelEn: 'Town / street' },
  { key: 'employees', type: 'number', labelZh: '从业人数', labelEn: 'Employees', unitZh: '人', unitEn: 'people' },
  { key: 'revenue', type: 'money', labelZh: '上年营业收入', labelEn: 'Revenue last year', unitZh: '万元', unitEn: '10k yuan' },
  { key: 'rdRatio', type: 'percent', labelZh: '研发投入占营业收入比例', labelEn: 'R&D spending / revenue', unitZh: '%', unitEn: '%' },
  { key: 'taxPaid', type: 'money', labelZh: '上年纳税额', labelEn: 'Tax paid last year', unitZh: '万元', unitEn: '10k yuan' },
  { key: 'tags', type: 'set', labelZh: '资质称号', labelEn: 'Tags', choices: ENTERPRISE_TAGS },
];

/** A fact definition by key. */
export const factDef = (key: FactKey): FactDef => FACTS.find((f) => f.key === key)!;

/** A known value of one fact, with where and when it was established. */
export interface FactValue {
  /** number for number/money/percent, 'YYYY-MM-DD' for dates, string for code/choice/text, string[] for sets. */
  value: number | string | readonly string[];
  source: FactSource;
  /** The day the value was established (file date, declaration date). */
  asOf: string;
}

/** What the navigator knows of one enterprise: absent keys are unknown (rules then answer "unknown"). */
export interface EnterpriseFacts {
  enterpriseId: number;
  creditCode: string;
  name: string;
  facts: Partial<Record<FactKey, FactValue>>;
}
