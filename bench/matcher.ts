import { Engine } from 'json-rules-engine';
import jsonLogic from 'json-logic-js';
import type { EnterpriseFacts, FactValue } from '../src/modules/enterprises/enterprises.facts.js';
import { CLASS_MET, CLASS_UNKNOWN, compileRule, MET, toColumns } from '../src/modules/navigator/navigator.compile.js';
import { compileBatch } from '../src/modules/navigator/navigator.codegen.js';
import type { Condition } from '../src/modules/navigator/navigator.rules.js';
import { seededRandom } from '../src/platform/random.js';

// The matcher benchmark: the same generated rules and enterprises judged by json-rules-engine,
// json-logic-js and Gongkai's compiled rules, in one process, one after the other.

const TOWNS = ['石岐街道', '东区街道', '火炬开发区', '小榄镇', '古镇镇', '东凤镇', '南头镇', '沙溪镇', '大涌镇', '坦洲镇', '三乡镇', '黄圃镇'];
const SECTIONS = ['C38', 'C33', 'C39', 'C18', 'C21', 'I65', 'F51', 'F52', 'M73', 'E48'];
const SIZES = ['micro', 'small', 'medium', 'large'];
const TAGS = ['高新技术企业', '专精特新', '科技型中小企业', '规上企业'];

const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: () => number, xs: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => pick(r, xs)))];

/** Generated enterprises with every fact known (so all three engines judge the same thing). */
export function benchEnterprises(count: number, seed = 7): EnterpriseFacts[] {
  const r = seededRandom(seed);
  const v = (value: FactValue['value']): FactValue => ({ value, source: 'registration', asOf: '2026-06-30' });
  return Array.from({ length: count }, (_, i) => ({
    enterpriseId: i + 1,
    creditCode: `B${i}`,
    name: `企业${i}`,
    facts: {
      industryCode: v(`${pick(r, SECTIONS)}${String(10 + Math.floor(r() * 89))}`),
      size: v(pick(r, SIZES)),
      town: v(pick(r, TOWNS)),
      employees: v(Math.floor(r() * 500)),
      revenue: v(Math.floor(r() * 50_000)),
      rdRatio: v(Math.round(r() * 100) / 10),
      foundedOn: v(`${2000 + Math.floor(r() * 26)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`),
      tags: v(r() < 0.3 ? some(r, TAGS, 2) : []),
    },
  }));
}

/** Generated 6-condition rules: industry set, size set, town set, two ranges, and an any-of. */
export function benchRules(count: number, seed = 11): Condition[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, (_, k) => ({
    id: `r${k}`,
    kind: 'all' as const,
    items: [
      { id: 'ind', kind: 'industry' as const, prefixes: some(r, SECTIONS, 4) },
      { id: 'size', kind: 'oneOf' as const, fact: 'size' as const, values: some(r, SIZES, 2) },
      { id: 'town', kind: 'oneOf' as const, fact: 'town' as const, values: some(r, TOWNS, 8) },
      { id: 'emp', kind: 'compare' as const, fact: 'employees' as const, op: '>=' as const, value: Math.floor(r() * 100) },
      { id: 'rev', kind: 'compare' as const, fact: 'revenue' as const, op: '<=' as const, value: 10_000 + Math.floor(r() * 40_000) },
      {
        id: 'inno',
        kind: 'any' as const,
        items: [
          { id: 'tag', kind: 'tag' as const, tag: pick(r, TAGS) },
          { id: 'rd', kind: 'compare' as const, fact: 'rdRatio' as const, op: '>=' as const, value: Math.round(r() * 60) / 10 },
        ],
      },
    ],
  }));
}

type Leaf = Exclude<Condition, { kind: 'all' | 'any' | 'not' }>;

function toJsonLogic(c: Condition): jsonLogic.RulesLogic {
  switch (c.kind) {
    case 'all':
      return { and: c.items.map(toJsonLogic) };
    case 'any':
      return { or: c.items.map(toJsonLogic) };
    case 'not':
      return { '!': toJsonLogic(c.item) };
    case 'compare':
    case 'oneOf':
    case 'industry':
    case 'tag':
    case 'yearsSince':
      return leafLogic(c);
  }
}
function leafLogic(c: Leaf): jsonLogic.RulesLogic {
  switch (c.kind) {
    case 'compare':
      return { [c.op === '=' ? '==' : c.op]: [{ var: c.fact }, c.value] } as jsonLogic.RulesLogic;
    case 'oneOf':
      return { in: [{ var: c.fact }, c.values] };
    case 'industry':
      return { startsWithAny: [{ var: 'industryCode' }, c.prefixes] } as unknown as jsonLogic.RulesLogic;
    case 'tag':
      return { in: [c.tag, { var: 'tags' }] };
    case 'yearsSince':
      return { '<=': [{ var: c.fact }, '2024-11-29'] };
  }
}

function toRulesEngine(c: Condition): Record<string, unknown> {
  switch (c.kind) {
    case 'all':
      return { all: c.items.map(toRulesEngine) };
    case 'any':
      return { any: c.items.map(toRulesEngine) };
    case 'not':
      return { not: toRulesEngine(c.item) };
    case 'compare':
      return { fact: c.fact, operator: { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '=': 'equal', '!=': 'notEqual' }[c.op], value: c.value };
    case 'oneOf':
      return { fact: c.fact, operator: 'in', value: c.values };
    case 'industry':
      return { fact: 'industryCode', operator: 'startsWithAny', value: c.prefixes };
    case 'tag':
      return { fact: 'tags', operator: 'contains', value: c.tag };
    case 'yearsSince':
      return { fact: c.fact, operator: 'lessThanInclusive', value: '2024-11-29' };
  }
}

const plain = (e: EnterpriseFacts) => Object.fromEntries(Object.entries(e.facts).map(([k, v]) => [k, v.value]));

/** Evaluations per second of each engine on the same rules and enterprises (and whether they agree). */
export async function benchEngines(enterprises: EnterpriseFacts[], rules: Condition[]) {
  const ref = '2026-11-29';
  const cols = toColumns(enterprises);
  const compiled = rules.map((rule) => compileRule(rule, cols, ref));
  // Gongkai: every rule over every enterprise, each rule generated into one loop (verdict and near miss).
  let t0 = performance.now();
  let met = 0;
  const out = new Int32Array(cols.size);
  for (const rule of rules) {
    compileBatch(rule, cols, ref)(out);
    for (let i = 0; i < cols.size; i++) {
      met += out[i] === CLASS_MET ? 1 : 0;
    }
  }
  const gongkai = (rules.length * cols.size) / ((performance.now() - t0) / 1000);

  // json-logic-js: a sample (every rule, the first enterprises), plain objects as it wants them.
  jsonLogic.add_operation('startsWithAny', (code: string, prefixes: string[]) => prefixes.some((p) => code.startsWith(p)));
  const logic = rules.map(toJsonLogic);
  const sampleLogic = enterprises.slice(0, Math.max(1, Math.floor(200_000 / rules.length))).map(plain);
  t0 = performance.now();
  let logicMet = 0;
  for (const l of logic) {
    for (const e of sampleLogic) {
      if (jsonLogic.apply(l, e)) {
        logicMet += 1;
      }
    }
  }
  const jsonLogicRate = (logic.length * sampleLogic.length) / ((performance.now() - t0) / 1000);

  // json-rules-engine: one engine per rule, a smaller sample (it is asynchronous and much slower).
  const sampleEngine = enterprises.slice(0, Math.max(1, Math.floor(5_000 / rules.length))).map(plain);
  const engines = rules.map((rule) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addOperator('startsWithAny', (code: unknown, prefixes: unknown) => typeof code === 'string' && (prefixes as string[]).some((p) => code.startsWith(p)));
    engine.addRule({ conditions: toRulesEngine(rule) as never, event: { type: 'match' } });
    return engine;
  });
  t0 = performance.now();
  let engineMet = 0;
  for (const engine of engines) {
    for (const e of sampleEngine) {
      const r = await engine.run(e);
      engineMet += r.events.length;
    }
  }
  const rulesEngineRate = (engines.length * sampleEngine.length) / ((performance.now() - t0) / 1000);

  // The three must agree on the sample, or the comparison is meaningless.
  let gongkaiSampleMet = 0;
  for (const c of compiled) {
    for (let i = 0; i < sampleEngine.length; i++) {
      gongkaiSampleMet += c.verdict(i) === MET ? 1 : 0;
    }
  }
  return { gongkai, jsonLogic: jsonLogicRate, rulesEngine: rulesEngineRate, met, agree: gongkaiSampleMet === engineMet, logicMet };
}

/** A full match in memory: every enterprise against every rule, near misses included; time and peak memory. */
export function benchFullMatch(enterprises: EnterpriseFacts[], rules: Condition[]) {
  const t0 = performance.now();
  const cols = toColumns(enterprises);
  const loadSeconds = (performance.now() - t0) / 1000;
  let met = 0;
  let near = 0;
  let unknown = 0;
  let peak = process.memoryUsage().rss;
  const t1 = performance.now();
  const out = new Int32Array(cols.size);
  for (const rule of rules) {
    compileBatch(rule, cols, '2026-11-29')(out);
    for (let i = 0; i < cols.size; i++) {
      const k = out[i]!;
      if (k === CLASS_MET) {
        met += 1;
      } else if (k === CLASS_UNKNOWN) {
        unknown += 1;
      } else if (k >= 0) {
        near += 1;
      }
    }
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { seconds: (performance.now() - t1) / 1000, loadSeconds, met, near, unknown, peakRssMb: Math.round(peak / 1024 / 1024) };
}
