import { FACTS } from '../enterprises/enterprises.facts.js';
import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN, compileRule, dateNumber, type FactColumns } from './navigator.compile.js';
import { anniversary, leavesOf, type Condition, type LeafCondition } from './navigator.rules.js';

// The matcher's fastest path: a rule becomes the source of one JavaScript function that loops over a
// whole batch of enterprises, so V8 compiles each rule into straight-line code with no calls per
// condition. Only numbers and array indexes are written into the source — every string a rule holds
// (industry prefixes, towns, tags) is decided beforehand into lookup tables passed in as arguments —
// so no rule content can become code. The closures of navigator.compile.ts stay the reference; tests
// hold this path to them.

const TAGS = FACTS.find((f) => f.key === 'tags')!.choices ?? [];

/** A batch classifier: fills out[i] with CLASS_MET, CLASS_UNKNOWN, CLASS_NOT_MET or a near-miss leaf index. */
export type BatchClassifier = (out: Int32Array) => void;

/** Generates and compiles the batch classifier of a rule over some columns on a reference date. */
export function compileBatch(rule: Condition, cols: FactColumns, referenceDate: string): BatchClassifier {
  const leaves = leavesOf(rule);
  const args: unknown[] = [];
  const names: string[] = [];
  const arg = (value: unknown) => {
    names.push(`a${names.length}`);
    args.push(value);
    return names[names.length - 1]!;
  };
  const num = (n: number) => (Number.isFinite(n) ? String(n) : 'NaN');
  // Each leaf as an expression giving 1 met, 0 not met, 2 unknown (x is a scratch variable).
  const leafExpr = (c: LeafCondition): string => {
    switch (c.kind) {
      case 'compare': {
        const col = cols.numbers[c.fact];
        if (!col) {
          return '2';
        }
        const a = arg(col);
        const op = c.op === '=' ? '===' : c.op === '!=' ? '!==' : c.op;
        return `((x = ${a}[i]) !== x ? 2 : (x ${op} ${num(c.value)} ? 1 : 0))`;
      }
      case 'oneOf':
      case 'industry': {
        const col = c.kind === 'oneOf' ? cols.strings[c.fact] : cols.strings.industryCode;
        if (!col) {
          return '2';
        }
        const set = c.kind === 'oneOf' ? new Set(c.values) : undefined;
        const test = (v: string) => (set ? set.has(v) : (c as { prefixes: string[] }).prefixes.some((p) => v.startsWith(p)));
        const table = Uint8Array.from(col.dict, (v, k) => (k === 0 ? 2 : test(v) ? 1 : 0));
        return `${arg(table)}[${arg(col.codes)}[i]]`;
      }
      case 'tag': {
        const bit = TAGS.indexOf(c.tag);
        const known = arg(cols.tagsKnown);
        return bit < 0 ? `(${known}[i] === 0 ? 2 : 0)` : `(${known}[i] === 0 ? 2 : ((${arg(cols.tags)}[i] & ${1 << bit}) !== 0 ? 1 : 0))`;
      }
      case 'yearsSince': {
        const col = cols.dates[c.fact];
        if (!col) {
          return '2';
        }
        const cutoff = dateNumber(anniversary(referenceDate, -c.years));
        return c.op === '>=' ? `((x = ${arg(col)}[i]) === 0 ? 2 : (x <= ${cutoff} ? 1 : 0))` : `((x = ${arg(col)}[i]) === 0 ? 2 : (x <= ${cutoff} ? 0 : 1))`;
      }
    }
  };
  // Groups as small functions of i (three-valued, short-circuiting like the reference).
  const helpers: string[] = [];
  const expr = (c: Condition): string => {
    switch (c.kind) {
      case 'all':
      case 'any': {
        const name = `g${helpers.length}`;
        helpers.push('');
        const stop = c.kind === 'all' ? 0 : 1;
        const body = c.items.map((item) => `r = ${expr(item)}; if (r === ${stop}) return ${stop}; if (r === 2) u = 1;`).join('\n');
        helpers[Number(name.slice(1))] = `function ${name}(i) { let x, r, r2, u = 0;\n${body}\nreturn u ? 2 : ${1 - stop}; }`;
        return `${name}(i)`;
      }
      case 'not':
        return `((r2 = ${expr(c.item)}) === 2 ? 2 : 1 - r2)`;
      case 'compare':
      case 'oneOf':
      case 'industry':
      case 'tag':
      case 'yearsSince':
        return leafExpr(c);
    }
  };
  // The reference handles near misses inside groups; the generated loop handles the rest.
  const reference = compileRule(rule, cols, referenceDate);
  const ref = arg(reference.nearMiss);
  const n = cols.size;
  let loop: string;
  if (rule.kind === 'all') {
    // The order the reference measured on a sample: items that fail most often first.
    const items = reference.itemOrder.map((j) => rule.items[j]!).map((item) => {
      // The leaf that mends this item when it alone fails: the item itself for a leaf; for an any-group
      // of leaves, its first leaf (a failed any-group has every leaf not met, and any one would do —
      // the reference takes the first in reading order). Other groups ask the reference (-1).
      const isLeaf = (c: Condition) => c.kind !== 'all' && c.kind !== 'any' && c.kind !== 'not';
      const leafIndex = isLeaf(item)
        ? leaves.findIndex((l) => l.id === item.id)
        : item.kind === 'any' && item.items.length > 0 && item.items.every(isLeaf)
          ? leaves.findIndex((l) => l.id === item.items[0]!.id)
          : -1;
      return { code: expr(item), leafIndex };
    });
    const checks = items.map((it, j) => `v = ${it.code}; if (v === 0) { if (++f === 2) { out[i] = ${CLASS_NOT_MET}; continue rows; } k = ${j}; } else if (v === 2) u = 1;`).join('\n');
    const nearOf = `[${items.map((it) => it.leafIndex).join(',')}]`;
    loop = `const near = ${nearOf};
rows: for (let i = 0; i < ${n}; i++) {
  let x, r2, v, f = 0, u = 0, k = -1;
  ${checks}
  if (f === 0) { out[i] = u ? ${CLASS_UNKNOWN} : ${CLASS_MET}; continue; }
  if (u) { out[i] = ${CLASS_NOT_MET}; continue; }
  out[i] = near[k] >= 0 ? near[k] : ${ref}(i);
}`;
  } else {
    loop = `for (let i = 0; i < ${n}; i++) {
  let x, r2;
  const v = ${expr(rule)};
  out[i] = v === 1 ? ${CLASS_MET} : v === 2 ? ${CLASS_UNKNOWN} : ${ref}(i);
}`;
  }
  const source = `${helpers.join('\n')}\nreturn function classifyAll(out) {\n${loop}\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the source holds only numbers and argument names (see above)
  const factory = new Function(...names, source) as (...a: unknown[]) => BatchClassifier;
  return factory(...args);
}
