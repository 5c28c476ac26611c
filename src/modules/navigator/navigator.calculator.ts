import { z } from 'zod';
import type { Executor } from '../../http/context.js';
import { asArray, blankToUndefined, optionalText } from '../../http/schema-helpers.js';
import { todayInChina } from '../../platform/clock.js';
import type { Locale } from '../../platform/i18n/index.js';
import { deriveSize, ENTERPRISE_TAGS, ENTERPRISE_TYPES, SIZES, type EnterpriseFacts, type FactValue } from '../enterprises/index.js';
import { policyBriefs } from '../policies/index.js';
import { explain, type ExplainedLeaf } from './navigator.explain.js';
import { estimateSupport, guidesOf, SUPPORT_CATEGORIES } from './navigator.guide.js';
import { isActive } from './navigator.match.js';
import * as repo from './navigator.repository.js';
import { evaluate, type Condition } from './navigator.rules.js';

// The policy calculator for visitors without an account (政策计算器): they answer a few questions —
// as few as an industry for a quick search — and see the policies that fit, the ones one condition
// away, and the ones their answers leave open, with the same explanations an enterprise gets.

const num = z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.number' }).min(0, { error: 'validation.too_small' }).max(1e10).optional());
const list = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(asArray, z.array(z.enum(values, { error: 'validation.choice' })));

/** The calculator's questions (all optional; a GET form, so a result can be bookmarked and shared). */
export const CalculatorQuery = z.object({
  industryCode: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().regex(/^[A-T](\d{2}(\d{1,2})?)?$/, { error: 'navigator.calc.industry_format' }).optional()),
  enterpriseType: z.preprocess(blankToUndefined, z.enum(ENTERPRISE_TYPES, { error: 'validation.choice' }).optional()),
  size: z.preprocess(blankToUndefined, z.enum(SIZES, { error: 'validation.choice' }).optional()),
  town: optionalText(40),
  foundedOn: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' }).optional()),
  employees: num,
  revenue: num,
  taxPaid: num,
  rdRatio: z.preprocess(blankToUndefined, z.coerce.number({ error: 'validation.number' }).min(0).max(100, { error: 'validation.too_big' }).optional()),
  tags: list(ENTERPRISE_TAGS),
  category: z.preprocess(blankToUndefined, z.enum(SUPPORT_CATEGORIES, { error: 'validation.choice' }).optional()),
});
export type CalculatorInput = z.infer<typeof CalculatorQuery>;

/** True when the visitor answered at least one question about the enterprise. */
export function answered(q: CalculatorInput): boolean {
  return Object.entries(q).some(([k, v]) => k !== 'category' && v !== undefined && !(Array.isArray(v) && v.length === 0));
}

/** The visitor's answers as facts (self-declared, today). Tags count as known once any is ticked. */
export function factsOf(q: CalculatorInput, today: string): EnterpriseFacts['facts'] {
  const f: EnterpriseFacts['facts'] = {};
  const put = (key: keyof EnterpriseFacts['facts'], value: FactValue['value'] | undefined) => {
    if (value !== undefined) {
      f[key] = { value, source: 'declared', asOf: today };
    }
  };
  put('industryCode', q.industryCode);
  put('enterpriseType', q.enterpriseType);
  put('town', q.town);
  put('foundedOn', q.foundedOn);
  put('employees', q.employees);
  put('revenue', q.revenue);
  put('taxPaid', q.taxPaid);
  put('rdRatio', q.rdRatio);
  put('tags', q.tags.length > 0 ? q.tags : undefined);
  const size = q.size ?? deriveSize(q.industryCode, q.employees, q.revenue) ?? undefined;
  if (size) {
    f.size = { value: size, source: q.size ? 'declared' : 'derived', asOf: today };
  }
  return f;
}

/** One policy in the calculator's answer. */
export interface CalculatorResult {
  policy: { id: number; title: string; docNumber: string };
  verdict: 'met' | 'near' | 'unknown';
  lines: ExplainedLeaf[];
  categories: string[];
  support?: { amount: number; capped: boolean };
}

/** Every active policy judged on the visitor's answers; plain "not met" ones are left out. */
export async function calculate(db: Executor, q: CalculatorInput, locale: Locale): Promise<CalculatorResult[]> {
  const today = todayInChina();
  const policies = (await policyBriefs(db, await repo.policiesWithRules(db))).filter(isActive);
  const rules = await repo.rulesInForce(
    db,
    policies.map((p) => p.id),
    today,
  );
  const guides = await guidesOf(
    db,
    policies.map((p) => p.id),
  );
  const facts = factsOf(q, today);
  const out: CalculatorResult[] = [];
  for (const p of policies) {
    const rule = rules.get(p.id);
    const guide = guides.get(p.id);
    const categories = guide ? guide.categories.split(' ').filter(Boolean) : [];
    if (!rule || (q.category && !categories.includes(q.category))) {
      continue;
    }
    const tree = JSON.parse(rule.tree) as Condition;
    const ev = evaluate(tree, facts, today);
    const verdict = ev.verdict === 'met' ? 'met' : ev.verdict === 'unknown' ? 'unknown' : ev.nearMiss ? 'near' : undefined;
    if (!verdict) {
      continue;
    }
    out.push({ policy: { id: p.id, title: p.title, docNumber: p.docNumber }, verdict, lines: explain(tree, ev, locale, today), categories, support: guide ? estimateSupport(guide, facts) : undefined });
  }
  const rank = { met: 0, near: 1, unknown: 2 };
  return out.sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.policy.title.localeCompare(b.policy.title, 'zh'));
}
