import { FACTS, factDef, type EnterpriseFacts, type FactKey, type FactValue } from '../enterprises/enterprises.facts.js';

// Eligibility rules as data (适用条件). A rule is a tree: all / any / not groups over leaf conditions on
// the facts of enterprises.facts.ts. Evaluation is three-valued — met, not met, unknown (a fact is
// missing) — and explains every leaf, so an enterprise reads why it qualifies, why not, and what is
// missing. Rules are JSON in the database; this file validates, evaluates and describes them.

/** The three answers a condition can give. */
export type Verdict = 'met' | 'not_met' | 'unknown';

/** Comparison operators on numbers, money and percentages. */
export const NUMBER_OPS = ['>=', '>', '<=', '<', '=', '!='] as const;
export type NumberOp = (typeof NUMBER_OPS)[number];

/** A leaf or a group. Every node carries an id, stable across edits, that explanations refer to. */
export type Condition =
  | { id: string; kind: 'all' | 'any'; items: Condition[] }
  | { id: string; kind: 'not'; item: Condition }
  /** A number, money or percentage fact compared with a value. */
  | { id: string; kind: 'compare'; fact: FactKey; op: NumberOp; value: number }
  /** A choice fact (type, ownership, size, town) is one of some values. */
  | { id: string; kind: 'oneOf'; fact: FactKey; values: string[] }
  /** The industry code starts with one of some prefixes (C38, C3872, I65 …). */
  | { id: string; kind: 'industry'; prefixes: string[] }
  /** The enterprise has a tag (高新技术企业 …). */
  | { id: string; kind: 'tag'; tag: string }
  /** A date fact lies at least (or less than) some years before the reference date ("founded ≥ 2 years ago"). */
  | { id: string; kind: 'yearsSince'; fact: FactKey; op: '>=' | '<'; years: number };

export type LeafCondition = Exclude<Condition, { kind: 'all' | 'any' | 'not' }>;

/** The outcome of one leaf, with what it was judged on. */
export interface LeafResult {
  id: string;
  verdict: Verdict;
  /** The fact the leaf read (absent for tags, which read the tag set). */
  fact: FactKey;
  /** The value judged, or undefined when unknown. */
  actual?: FactValue;
  /** For a numeric leaf not met: how far off, in the fact's unit (positive = needs more). */
  gap?: number;
}

/** A whole evaluation: the verdict, every leaf's result, and for a near miss the one leaf in the way. */
export interface Evaluation {
  verdict: Verdict;
  leaves: LeafResult[];
  /** Set when the rule is not met but would be if this one leaf were met (差一项; the first such leaf). */
  nearMiss?: string;
  /** Facts whose absence left the rule undecided (the questions that would decide it). */
  missing: FactKey[];
}

const NUMERIC = new Set(['number', 'money', 'percent']);

/** Reference-date arithmetic: whole years between a YYYY-MM-DD date and the reference date. */
export function yearsBetween(from: string, ref: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = ref.split('-').map(Number) as [number, number, number];
  let years = ry - fy;
  if (rm < fm || (rm === fm && rd < fd)) {
    years -= 1;
  }
  return years;
}

/** The anniversary of `from` that is `years` later (29 February falls on 28 February in other years). */
export function anniversary(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${ny}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function compareNumbers(a: number, op: NumberOp, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Judges one leaf against an enterprise's facts on a reference date. */
export function evaluateLeaf(c: LeafCondition, facts: EnterpriseFacts['facts'], referenceDate: string): LeafResult {
  switch (c.kind) {
    case 'compare': {
      const v = facts[c.fact];
      if (!v || typeof v.value !== 'number') {
        return { id: c.id, verdict: 'unknown', fact: c.fact };
      }
      const ok = compareNumbers(v.value, c.op, c.value);
      const gap = ok ? undefined : c.op === '>=' || c.op === '>' ? c.value - v.value : c.op === '<=' || c.op === '<' ? c.value - v.value : undefined;
      return { id: c.id, verdict: ok ? 'met' : 'not_met', fact: c.fact, actual: v, gap };
    }
    case 'oneOf': {
      const v = facts[c.fact];
      if (!v || typeof v.value !== 'string' || v.value === '') {
        return { id: c.id, verdict: 'unknown', fact: c.fact };
      }
      return { id: c.id, verdict: c.values.includes(v.value) ? 'met' : 'not_met', fact: c.fact, actual: v };
    }
    case 'industry': {
      const v = facts.industryCode;
      if (!v || typeof v.value !== 'string' || v.value === '') {
        return { id: c.id, verdict: 'unknown', fact: 'industryCode' };
      }
      const code = v.value;
      return { id: c.id, verdict: c.prefixes.some((p) => code.startsWith(p)) ? 'met' : 'not_met', fact: 'industryCode', actual: v };
    }
    case 'tag': {
      // Tags are a set: a tag not in it is not held (the registry lists what an enterprise holds), so
      // an enterprise with no tag data at all is unknown, one with other tags is not met.
      const v = facts.tags;
      if (!v || !Array.isArray(v.value)) {
        return { id: c.id, verdict: 'unknown', fact: 'tags' };
      }
      return { id: c.id, verdict: (v.value as readonly string[]).includes(c.tag) ? 'met' : 'not_met', fact: 'tags', actual: v };
    }
    case 'yearsSince': {
      const v = facts[c.fact];
      if (!v || typeof v.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) {
        return { id: c.id, verdict: 'unknown', fact: c.fact };
      }
      const years = yearsBetween(v.value, referenceDate);
      const ok = c.op === '>=' ? years >= c.years : years < c.years;
      return { id: c.id, verdict: ok ? 'met' : 'not_met', fact: c.fact, actual: v };
    }
  }
}

/** Combines verdicts: all = every met (any not met decides), any = one met (all not met decides). */
function combine(kind: 'all' | 'any', vs: Verdict[]): Verdict {
  if (kind === 'all') {
    return vs.includes('not_met') ? 'not_met' : vs.includes('unknown') ? 'unknown' : 'met';
  }
  return vs.includes('met') ? 'met' : vs.includes('unknown') ? 'unknown' : 'not_met';
}

function verdictOf(c: Condition, leaf: (c: LeafCondition) => Verdict): Verdict {
  switch (c.kind) {
    case 'all':
    case 'any':
      return combine(
        c.kind,
        c.items.map((i) => verdictOf(i, leaf)),
      );
    case 'not': {
      const v = verdictOf(c.item, leaf);
      return v === 'met' ? 'not_met' : v === 'not_met' ? 'met' : 'unknown';
    }
    case 'compare':
    case 'oneOf':
    case 'industry':
    case 'tag':
    case 'yearsSince':
      return leaf(c);
  }
}

/** Every leaf of a rule, in reading order. */
export function leavesOf(c: Condition): LeafCondition[] {
  switch (c.kind) {
    case 'all':
    case 'any':
      return c.items.flatMap(leavesOf);
    case 'not':
      return leavesOf(c.item);
    case 'compare':
    case 'oneOf':
    case 'industry':
    case 'tag':
    case 'yearsSince':
      return [c];
  }
}

/**
 * Evaluates a rule for one enterprise on a reference date: the verdict, each leaf's result, the one
 * leaf that alone stands in the way (a near miss, 差一项) and the facts whose absence left it undecided.
 */
export function evaluate(rule: Condition, facts: EnterpriseFacts['facts'], referenceDate: string): Evaluation {
  const leaves = leavesOf(rule).map((l) => evaluateLeaf(l, facts, referenceDate));
  const byId = new Map(leaves.map((l) => [l.id, l.verdict]));
  const verdict = verdictOf(rule, (l) => byId.get(l.id)!);
  const out: Evaluation = { verdict, leaves, missing: [...new Set(leaves.filter((l) => l.verdict === 'unknown').map((l) => l.fact))] };
  if (verdict === 'not_met') {
    // 差一项: a leaf that, were it met, would make the whole rule met — the first in reading order when
    // several would (two alternatives of an any-group, say). Unknown leaves stay unknown, so a rule
    // that also lacks data is never called one step away.
    const decider = leaves.find((f) => f.verdict === 'not_met' && verdictOf(rule, (l) => (l.id === f.id ? 'met' : byId.get(l.id)!)) === 'met');
    if (decider) {
      out.nearMiss = decider.id;
    }
  }
  return out;
}

/** A problem in a rule, at a node (its id) — the editor shows it beside that node. */
export interface RuleProblem {
  nodeId: string;
  key:
    | 'navigator.rule_empty_group'
    | 'navigator.rule_unknown_fact'
    | 'navigator.rule_wrong_fact_type'
    | 'navigator.rule_no_values'
    | 'navigator.rule_bad_value'
    | 'navigator.rule_bad_prefix'
    | 'navigator.rule_unknown_tag'
    | 'navigator.rule_too_deep'
    | 'navigator.rule_duplicate_id';
  params?: Record<string, string | number>;
}

/** Most levels of nesting and most leaves a rule may have (a rule an editor can still read). */
export const MAX_DEPTH = 5;
export const MAX_LEAVES = 60;

/** Checks a rule's structure against the fact catalogue; [] when it is sound. */
export function validateRule(rule: Condition): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const ids = new Set<string>();
  const walk = (c: Condition, depth: number) => {
    if (ids.has(c.id)) {
      problems.push({ nodeId: c.id, key: 'navigator.rule_duplicate_id' });
    }
    ids.add(c.id);
    if (depth > MAX_DEPTH) {
      problems.push({ nodeId: c.id, key: 'navigator.rule_too_deep', params: { max: MAX_DEPTH } });
      return;
    }
    const known = (fact: FactKey) => FACTS.some((f) => f.key === fact);
    switch (c.kind) {
      case 'all':
      case 'any':
        if (c.items.length === 0) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_empty_group' });
        }
        c.items.forEach((i) => walk(i, depth + 1));
        return;
      case 'not':
        walk(c.item, depth + 1);
        return;
      case 'compare':
        if (!known(c.fact)) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_unknown_fact' });
        } else if (!NUMERIC.has(factDef(c.fact).type)) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_wrong_fact_type' });
        }
        if (!Number.isFinite(c.value)) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_bad_value', params: { value: String(c.value) } });
        }
        return;
      case 'oneOf': {
        if (!known(c.fact)) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_unknown_fact' });
          return;
        }
        const def = factDef(c.fact);
        if (def.type !== 'choice') {
          problems.push({ nodeId: c.id, key: 'navigator.rule_wrong_fact_type' });
        }
        if (c.values.length === 0) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_no_values' });
        }
        const bad = def.choices ? c.values.find((v) => !def.choices!.includes(v)) : undefined;
        if (bad !== undefined) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_bad_value', params: { value: bad } });
        }
        return;
      }
      case 'industry': {
        if (c.prefixes.length === 0) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_no_values' });
        }
        const bad = c.prefixes.find((p) => !/^[A-T](\d{2}(\d{1,2})?)?$/.test(p));
        if (bad !== undefined) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_bad_prefix', params: { value: bad } });
        }
        return;
      }
      case 'tag': {
        const tags = factDef('tags').choices ?? [];
        if (!tags.includes(c.tag)) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_unknown_tag', params: { value: c.tag } });
        }
        return;
      }
      case 'yearsSince':
        if (!known(c.fact) || factDef(c.fact).type !== 'date') {
          problems.push({ nodeId: c.id, key: 'navigator.rule_wrong_fact_type' });
        }
        if (!Number.isInteger(c.years) || c.years < 0 || c.years > 200) {
          problems.push({ nodeId: c.id, key: 'navigator.rule_bad_value', params: { value: String(c.years) } });
        }
        return;
    }
  };
  walk(rule, 1);
  if (leavesOf(rule).length > MAX_LEAVES) {
    problems.push({ nodeId: rule.id, key: 'navigator.rule_too_deep', params: { max: MAX_LEAVES } });
  }
  return problems;
}
