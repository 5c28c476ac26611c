import type { Locale } from '../../platform/i18n/index.js';
import { factDef, type FactKey, type FactValue } from '../enterprises/enterprises.facts.js';
import { leavesOf, yearsBetween, type Condition, type Evaluation, type LeafCondition, type LeafResult } from './navigator.rules.js';

// Turns conditions and their results into sentences an enterprise can act on:
// "研发投入占营业收入比例 3.2%，需 ≥ 4%（还差 0.8 个百分点）". Pure functions of the rule, the result and the
// locale, so the explanation stored with a match can always be re-rendered in the reader's language.

const SIZE_LABELS: Record<string, [string, string]> = { micro: ['微型', 'micro'], small: ['小型', 'small'], medium: ['中型', 'medium'], large: ['大型', 'large'] };
const OP_TEXT: Record<string, [string, string]> = { '>=': ['≥', '≥'], '>': ['>', '>'], '<=': ['≤', '≤'], '<': ['<', '<'], '=': ['=', '='], '!=': ['≠', '≠'] };

const zh = (l: Locale) => l !== 'en';
const label = (fact: FactKey, l: Locale) => (zh(l) ? factDef(fact).labelZh : factDef(fact).labelEn);
const unit = (fact: FactKey, l: Locale) => (zh(l) ? factDef(fact).unitZh : factDef(fact).unitEn) ?? '';

/** A number as people write it: at most two decimals, no trailing zeros. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A fact's value as text (sizes translated, sets joined). */
export function formatValue(fact: FactKey, v: FactValue['value'], l: Locale): string {
  if (Array.isArray(v)) {
    return v.length === 0 ? (zh(l) ? '无' : 'none') : v.join(zh(l) ? '、' : ', ');
  }
  if (typeof v === 'number') {
    const u = unit(fact, l);
    return `${formatNumber(v)}${u === '%' ? '%' : u ? ` ${u}` : ''}`;
  }
  if (fact === 'size') {
    const s = SIZE_LABELS[v as string];
    return s ? (zh(l) ? s[0] : s[1]) : String(v);
  }
  return String(v);
}

/** What a condition asks, on its own: "研发投入占营业收入比例 ≥ 4%". */
export function describeCondition(c: LeafCondition, l: Locale): string {
  switch (c.kind) {
    case 'compare':
      return `${label(c.fact, l)} ${OP_TEXT[c.op]![zh(l) ? 0 : 1]} ${formatValue(c.fact, c.value, l)}`;
    case 'oneOf':
      return zh(l) ? `${label(c.fact, l)}为${c.values.map((v) => formatValue(c.fact, v, l)).join('、')}之一` : `${label(c.fact, l)} is one of ${c.values.map((v) => formatValue(c.fact, v, l)).join(', ')}`;
    case 'industry':
      return zh(l) ? `所属行业代码以 ${c.prefixes.join('、')} 开头` : `Industry code starts with ${c.prefixes.join(', ')}`;
    case 'tag':
      return zh(l) ? `具有“${c.tag}”称号` : `Holds the title “${c.tag}”`;
    case 'yearsSince':
      return zh(l) ? `${label(c.fact, l)}${c.op === '>=' ? '已满' : '不满'} ${c.years} 年` : `${label(c.fact, l)} ${c.op === '>=' ? 'at least' : 'less than'} ${c.years} years ago`;
  }
}

/** The judgement of one leaf in a sentence, with the enterprise's value and, when not met, the gap. */
export function explainLeaf(c: LeafCondition, r: LeafResult, l: Locale, referenceDate: string): string {
  const asked = describeCondition(c, l);
  if (r.verdict === 'unknown') {
    return zh(l) ? `${asked}：缺少“${label(r.fact, l)}”数据，无法判断` : `${asked}: “${label(r.fact, l)}” is not known`;
  }
  const actual = r.actual ? formatValue(r.fact, r.actual.value, l) : '';
  switch (c.kind) {
    case 'compare': {
      const base = zh(l) ? `${label(c.fact, l)} ${actual}，需 ${OP_TEXT[c.op]![0]} ${formatValue(c.fact, c.value, l)}` : `${label(c.fact, l)} ${actual}, needs ${OP_TEXT[c.op]![1]} ${formatValue(c.fact, c.value, l)}`;
      if (r.verdict === 'not_met' && r.gap !== undefined && r.gap !== 0) {
        const g = formatNumber(Math.abs(r.gap));
        const u = unit(c.fact, l);
        const amount = u === '%' ? (zh(l) ? `${g} 个百分点` : `${g} percentage points`) : `${g}${u ? ` ${u}` : ''}`;
        return zh(l) ? `${base}（${r.gap > 0 ? '还差' : '超出'} ${amount}）` : `${base} (${r.gap > 0 ? 'short by' : 'over by'} ${amount})`;
      }
      return base;
    }
    case 'yearsSince': {
      const years = yearsBetween(String(r.actual!.value), referenceDate);
      return zh(l) ? `${label(c.fact, l)} ${actual}，至 ${referenceDate} 满 ${Math.max(0, years)} 年（需${c.op === '>=' ? '满' : '不满'} ${c.years} 年）` : `${label(c.fact, l)} ${actual}: ${Math.max(0, years)} full years by ${referenceDate} (needs ${c.op === '>=' ? 'at least' : 'less than'} ${c.years})`;
    }
    case 'oneOf':
    case 'industry':
    case 'tag':
      // The verdict is shown beside the line (✓ / ✗), so the sentence gives the condition and the value.
      return zh(l) ? `${asked}（${label(r.fact, l)}：${actual}）` : `${asked} (${label(r.fact, l)}: ${actual})`;
  }
}

/** One explained line per leaf, in the rule's reading order. */
export interface ExplainedLeaf {
  id: string;
  verdict: LeafResult['verdict'];
  text: string;
  /** Where the value came from and when (registration file, self-declared, derived). */
  source?: FactValue['source'];
  asOf?: string;
  /** True for the one leaf of a near miss. */
  decisive: boolean;
}

/** Explains a whole evaluation, leaf by leaf. */
export function explain(rule: Condition, e: Evaluation, l: Locale, referenceDate: string): ExplainedLeaf[] {
  const results = new Map(e.leaves.map((r) => [r.id, r]));
  return leavesOf(rule).map((c) => {
    const r = results.get(c.id)!;
    return { id: c.id, verdict: r.verdict, text: explainLeaf(c, r, l, referenceDate), source: r.actual?.source, asOf: r.actual?.asOf, decisive: e.nearMiss === c.id };
  });
}
