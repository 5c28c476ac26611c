import { describe, expect, it } from 'vitest';
import type { EnterpriseFacts, FactValue } from '../enterprises/enterprises.facts.js';
import { anniversary, evaluate, leavesOf, validateRule, yearsBetween, type Condition } from './navigator.rules.js';
import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN, ColumnBuilder, compileRule, MET, NOT_MET, toColumns, UNKNOWN } from './navigator.compile.js';
import { classifyRules } from './navigator.classify-pool.js';
import { explain } from './navigator.explain.js';
import { compileBatch } from './navigator.codegen.js';
import { seededRandom } from '../../platform/random.js';

const reg = (value: FactValue['value']): FactValue => ({ value, source: 'registration', asOf: '2026-06-30' });
const REF = '2026-11-29';

// "高新技术企业 or R&D ≥ 4%, in manufacturing or software, founded at least 2 years ago, not large."
const RULE: Condition = {
  id: 'root',
  kind: 'all',
  items: [
    { id: 'ind', kind: 'industry', prefixes: ['C', 'I65'] },
    { id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 },
    { id: 'inno', kind: 'any', items: [{ id: 'hnte', kind: 'tag', tag: '高新技术企业' }, { id: 'rd', kind: 'compare', fact: 'rdRatio', op: '>=', value: 4 }] },
    { id: 'notlarge', kind: 'not', item: { id: 'large', kind: 'oneOf', fact: 'size', values: ['large'] } },
  ],
};

const facts = (over: EnterpriseFacts['facts'] = {}): EnterpriseFacts['facts'] => ({
  industryCode: reg('I6513'),
  foundedOn: reg('2021-03-15'),
  tags: reg(['科技型中小企业']),
  rdRatio: { value: 4.5, source: 'declared', asOf: '2026-03-01' },
  size: { value: 'small', source: 'derived', asOf: '2026-06-30' },
  ...over,
});

describe('dates relative to the reference date', () => {
  it('counts whole years, the anniversary itself included', () => {
    expect(yearsBetween('2024-11-29', REF)).toBe(2);
    expect(yearsBetween('2024-11-30', REF)).toBe(1);
    expect(yearsBetween('2026-11-29', REF)).toBe(0);
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversary(REF, -2)).toBe('2024-11-29');
  });
});

describe('evaluating a rule (three-valued)', () => {
  it('is met when every branch is, and says why for each condition', () => {
    const e = evaluate(RULE, facts(), REF);
    expect(e.verdict).toBe('met');
    expect(e.leaves.map((l) => [l.id, l.verdict])).toEqual([
      ['ind', 'met'],
      ['age', 'met'],
      ['hnte', 'not_met'],
      ['rd', 'met'],
      ['large', 'not_met'],
    ]);
    const lines = explain(RULE, e, 'zh-CN', REF);
    expect(lines.find((l) => l.id === 'rd')!.text).toBe('研发投入占营业收入比例 4.5%，需 ≥ 4%');
    expect(lines.find((l) => l.id === 'rd')!.source).toBe('declared');
    expect(lines.find((l) => l.id === 'age')!.text).toContain('满 5 年');
  });

  it('a single failing condition is a near miss (差一项) with the gap in the unit of the fact', () => {
    const e = evaluate(RULE, facts({ rdRatio: reg(3.2) }), REF);
    expect(e.verdict).toBe('not_met');
    expect(e.nearMiss).toBe('hnte'); // the first of the two alternatives that would each do
    const rd = explain(RULE, e, 'zh-CN', REF).find((l) => l.id === 'rd')!;
    expect(rd.text).toBe('研发投入占营业收入比例 3.2%，需 ≥ 4%（还差 0.8 个百分点）');
    expect(explain(RULE, e, 'en', REF).find((l) => l.id === 'rd')!.text).toBe('R&D spending / revenue 3.2%, needs ≥ 4% (short by 0.8 percentage points)');
  });

  it('two failing conditions that must both hold are not a near miss', () => {
    const e = evaluate(RULE, facts({ rdRatio: reg(3.2), foundedOn: reg('2025-06-01') }), REF);
    expect(e.verdict).toBe('not_met');
    expect(e.nearMiss).toBeUndefined();
  });

  it('missing data gives unknown and names the facts that would decide it', () => {
    const e = evaluate(RULE, facts({ rdRatio: undefined, industryCode: undefined }), REF);
    expect(e.verdict).toBe('unknown');
    expect(e.missing.sort()).toEqual(['industryCode', 'rdRatio']);
    expect(explain(RULE, e, 'zh-CN', REF).find((l) => l.id === 'ind')!.text).toContain('缺少“国民经济行业代码”数据');
  });

  it('a known failure decides an all-group even when other facts are missing', () => {
    const e = evaluate(RULE, facts({ rdRatio: undefined, size: reg('large') }), REF);
    expect(e.verdict).toBe('not_met');
    expect(e.nearMiss).toBeUndefined();
  });

  it('not turns met into not met and leaves unknown unknown', () => {
    const rule: Condition = { id: 'n', kind: 'not', item: { id: 't', kind: 'tag', tag: '上市企业' } };
    expect(evaluate(rule, facts(), REF).verdict).toBe('met');
    expect(evaluate(rule, facts({ tags: reg(['上市企业']) }), REF).verdict).toBe('not_met');
    expect(evaluate(rule, facts({ tags: undefined }), REF).verdict).toBe('unknown');
  });
});

describe('validating a rule', () => {
  it('accepts the sample rule', () => {
    expect(validateRule(RULE)).toEqual([]);
  });

  it('names the node and the problem', () => {
    const bad: Condition = {
      id: 'r',
      kind: 'all',
      items: [
        { id: 'a', kind: 'any', items: [] },
        { id: 'b', kind: 'compare', fact: 'town', op: '>=', value: 3 },
        { id: 'c', kind: 'oneOf', fact: 'size', values: ['huge'] },
        { id: 'd', kind: 'industry', prefixes: ['X99'] },
        { id: 'e', kind: 'tag', tag: '不存在的称号' },
        { id: 'f', kind: 'yearsSince', fact: 'revenue', op: '>=', years: 2 },
        { id: 'a', kind: 'tag', tag: '专精特新' },
      ],
    };
    expect(validateRule(bad).map((p) => [p.nodeId, p.key])).toEqual([
      ['a', 'navigator.rule_empty_group'],
      ['b', 'navigator.rule_wrong_fact_type'],
      ['c', 'navigator.rule_bad_value'],
      ['d', 'navigator.rule_bad_prefix'],
      ['e', 'navigator.rule_unknown_tag'],
      ['f', 'navigator.rule_wrong_fact_type'],
      ['a', 'navigator.rule_duplicate_id'],
    ]);
  });
});

// A small deterministic generator of rules and enterprises, to hold the compiled evaluator to the reference.
function randomRule(r: () => number, depth: number, next: { n: number }): Condition {
  const id = `n${next.n++}`;
  const pick = r();
  if (depth < 3 && pick < 0.35) {
    const items = Array.from({ length: 1 + Math.floor(r() * 3) }, () => randomRule(r, depth + 1, next));
    return { id, kind: r() < 0.5 ? 'all' : 'any', items };
  }
  if (depth < 3 && pick < 0.45) {
    return { id, kind: 'not', item: randomRule(r, depth + 1, next) };
  }
  const leaf = Math.floor(r() * 5);
  if (leaf === 0) {
    return { id, kind: 'compare', fact: r() < 0.5 ? 'employees' : 'rdRatio', op: (['>=', '>', '<=', '<', '=', '!='] as const)[Math.floor(r() * 6)]!, value: Math.floor(r() * 8) };
  }
  if (leaf === 1) {
    return { id, kind: 'oneOf', fact: 'size', values: ['micro', 'small'].slice(0, 1 + Math.floor(r() * 2)) };
  }
  if (leaf === 2) {
    return { id, kind: 'industry', prefixes: [r() < 0.5 ? 'C' : 'I65'] };
  }
  if (leaf === 3) {
    return { id, kind: 'tag', tag: r() < 0.5 ? '高新技术企业' : '专精特新' };
  }
  return { id, kind: 'yearsSince', fact: 'foundedOn', op: r() < 0.5 ? '>=' : '<', years: Math.floor(r() * 4) };
}

function randomFacts(r: () => number, id: number): EnterpriseFacts {
  const f: EnterpriseFacts['facts'] = {};
  if (r() < 0.8) {f.employees = reg(Math.floor(r() * 8));}
  if (r() < 0.7) {f.rdRatio = reg(Math.floor(r() * 8));}
  if (r() < 0.8) {f.size = reg(['micro', 'small', 'medium'][Math.floor(r() * 3)]!);}
  if (r() < 0.8) {f.industryCode = reg(['C3872', 'I6513', 'F5123'][Math.floor(r() * 3)]!);}
  if (r() < 0.8) {f.tags = reg(r() < 0.5 ? ['高新技术企业'] : []);}
  if (r() < 0.8) {f.foundedOn = reg(`${2021 + Math.floor(r() * 5)}-11-${r() < 0.5 ? '29' : '30'}`);}
  return { enterpriseId: id, creditCode: `x${id}`, name: `e${id}`, facts: f };
}

describe('the compiled evaluator', () => {
  it('gives the reference verdict, near miss and leaf verdicts on 300 random rules × 200 random enterprises', () => {
    const r = seededRandom(20261129);
    const enterprises = Array.from({ length: 200 }, (_, i) => randomFacts(r, i + 1));
    const cols = toColumns(enterprises);
    const code = { met: MET, not_met: NOT_MET, unknown: UNKNOWN } as const;
    let nearMisses = 0;
    for (let k = 0; k < 300; k++) {
      const rule = randomRule(r, 1, { n: 0 });
      const compiled = compileRule(rule, cols, REF);
      const batch = new Int32Array(cols.size);
      compileBatch(rule, cols, REF)(batch);
      const leaves = leavesOf(rule);
      enterprises.forEach((e, i) => {
        const ref = evaluate(rule, e.facts, REF);
        expect(compiled.verdict(i)).toBe(code[ref.verdict]);
        expect(Array.from(compiled.leafVerdicts(i))).toEqual(ref.leaves.map((l) => code[l.verdict]));
        const k = compiled.classify(i);
        expect(batch[i]).toBe(k);
        const expectedClass = ref.verdict === 'met' ? CLASS_MET : ref.verdict === 'unknown' ? CLASS_UNKNOWN : ref.nearMiss ? leaves.findIndex((l) => l.id === ref.nearMiss) : CLASS_NOT_MET;
        expect(k).toBe(expectedClass);
        if (ref.verdict === 'not_met') {
          const nm = compiled.nearMiss(i);
          expect(nm < 0 ? undefined : leaves[nm]!.id).toBe(ref.nearMiss);
          nearMisses += nm >= 0 ? 1 : 0;
        }
      });
    }
    // The generator must actually produce near misses, or the comparison above proves little.
    expect(nearMisses).toBeGreaterThan(100);
  });
});

describe('classifying on worker threads', () => {
  it('gives the same classes, in the same order, as the calling thread', async () => {
    const r = seededRandom(7);
    const enterprises = Array.from({ length: 500 }, (_, i) => randomFacts(r, i + 1));
    const builder = new ColumnBuilder(enterprises.length, { shared: true });
    enterprises.forEach((e, i) => builder.set(i, e));
    const rules = Array.from({ length: 40 }, () => randomRule(r, 1, { n: 0 }));
    const here: number[][] = [];
    for await (const out of classifyRules(builder.cols, rules, REF, { threads: 0 })) {
      here.push(Array.from(out));
    }
    const threaded: number[][] = [];
    for await (const out of classifyRules(builder.cols, rules, REF, { threads: 2 })) {
      threaded.push(Array.from(out));
    }
    expect(threaded).toEqual(here);
    expect(here.flat().some((k) => k === CLASS_MET)).toBe(true);
  }, 30_000);
});
