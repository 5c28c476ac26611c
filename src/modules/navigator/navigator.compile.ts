import { FACTS, type EnterpriseFacts, type FactKey } from '../enterprises/enterprises.facts.js';
import { anniversary, leavesOf, type Condition, type LeafCondition, type NumberOp } from './navigator.rules.js';

// The fast path of matching: many enterprises' facts in typed arrays, and each rule compiled once into
// closures over them, so judging one enterprise is a few array reads and comparisons. Verdicts are
// small integers here: 1 met, 0 not met, 2 unknown. navigator.rules.ts is the reference: the tests
// check that both give the same verdicts and near misses on random rules and enterprises.

export const NOT_MET = 0;
export const MET = 1;
export const UNKNOWN = 2;
type Code = 0 | 1 | 2;

/** A batch of enterprises' facts, column by column (row i of every column is one enterprise). */
export interface FactColumns {
  size: number;
  ids: Int32Array;
  /** Numbers, money and percentages; NaN when unknown. */
  numbers: Partial<Record<FactKey, Float64Array>>;
  /**
   * Choice and code facts, dictionary-encoded: codes[i] indexes dict, 0 = unknown. A condition is then
   * decided once per distinct value at compile time and looked up per enterprise.
   */
  strings: Partial<Record<FactKey, { codes: Int32Array; dict: string[] }>>;
  /** Dates as yyyymmdd integers; 0 when unknown. */
  dates: Partial<Record<FactKey, Int32Array>>;
  /** The tags each enterprise holds, one bit per catalogue tag; tagsKnown 0 when no tag data. */
  tags: Uint32Array;
  tagsKnown: Uint8Array;
}

const TAGS = FACTS.find((f) => f.key === 'tags')!.choices ?? [];

/** Packs enterprises' facts into columns. */
export function toColumns(list: readonly EnterpriseFacts[]): FactColumns {
  const b = new ColumnBuilder(list.length);
  list.forEach((e, i) => b.set(i, e));
  return b.cols;
}

/**
 * Fills fact columns row by row: a whole directory page by page without holding every enterprise's
 * facts as objects, and single rows again when an enterprise changes (the matcher's cache).
 */
export class ColumnBuilder {
  readonly cols: FactColumns;
  private readonly lookup = new Map<FactKey, Map<string, number>>();
  private readonly numberCols: Float64Array[];
  private readonly intCols: Int32Array[];

  /** With `shared`, the arrays live in shared memory, so worker threads read them without a copy. */
  constructor(size: number, opts: { shared?: boolean } = {}) {
    const bytes = (n: number) => (opts.shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n));
    const i32 = () => new Int32Array(bytes(size * 4));
    this.cols = { size, ids: i32(), numbers: {}, strings: {}, dates: {}, tags: new Uint32Array(bytes(size * 4)), tagsKnown: new Uint8Array(bytes(size)) };
    for (const f of FACTS) {
      if (f.type === 'number' || f.type === 'money' || f.type === 'percent') {
        this.cols.numbers[f.key] = new Float64Array(bytes(size * 8)).fill(Number.NaN);
      } else if (f.type === 'date') {
        this.cols.dates[f.key] = i32();
      } else if (f.type !== 'set') {
        this.cols.strings[f.key] = { codes: i32(), dict: [''] };
      }
    }
    this.numberCols = Object.values(this.cols.numbers);
    this.intCols = [...Object.values(this.cols.dates), ...Object.values(this.cols.strings).map((c) => c.codes)];
  }

  /** Writes (or overwrites) row i with an enterprise's facts; facts it lacks become unknown. */
  set(i: number, e: EnterpriseFacts): void {
    const cols = this.cols;
    cols.ids[i] = e.enterpriseId;
    cols.tags[i] = 0;
    cols.tagsKnown[i] = 0;
    for (const col of this.numberCols) {
      col[i] = Number.NaN;
    }
    for (const col of this.intCols) {
      col[i] = 0;
    }
    for (const [key, fv] of Object.entries(e.facts) as Array<[FactKey, NonNullable<EnterpriseFacts['facts'][FactKey]>]>) {
      if (key === 'tags' && Array.isArray(fv.value)) {
        cols.tagsKnown[i] = 1;
        let bits = 0;
        for (const t of fv.value as readonly string[]) {
          const b = TAGS.indexOf(t);
          if (b >= 0) {
            bits |= 1 << b;
          }
        }
        cols.tags[i] = bits;
      } else if (typeof fv.value === 'number' && cols.numbers[key]) {
        cols.numbers[key][i] = fv.value;
      } else if (typeof fv.value === 'string' && cols.dates[key]) {
        cols.dates[key][i] = dateNumber(fv.value);
      } else if (typeof fv.value === 'string' && fv.value !== '' && cols.strings[key]) {
        cols.strings[key].codes[i] = this.code(key, fv.value);
      }
    }
  }

  private code(key: FactKey, value: string): number {
    const col = this.cols.strings[key]!;
    let m = this.lookup.get(key);
    if (!m) {
      m = new Map(col.dict.map((v, k) => [v, k]));
      this.lookup.set(key, m);
    }
    let code = m.get(value);
    if (code === undefined) {
      code = col.dict.length;
      col.dict.push(value);
      m.set(value, code);
    }
    return code;
  }
}

type Judge = (i: number) => Code;

/** yyyymmdd of an ISO date (0 when it is not one), so dates compare as integers. */
export function dateNumber(d: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10)) : 0;
}

/** A judge over a dictionary-encoded column: the condition decided once per distinct value. */
function dictJudge(col: { codes: Int32Array; dict: string[] } | undefined, test: (value: string) => boolean): Judge {
  if (!col) {
    return () => UNKNOWN;
  }
  const table = Uint8Array.from(col.dict, (v, k) => (k === 0 ? UNKNOWN : test(v) ? MET : NOT_MET));
  const codes = col.codes;
  return (i) => table[codes[i]!] as Code;
}

function numberJudge(col: Float64Array | undefined, op: NumberOp, x: number): Judge {
  if (!col) {
    return () => UNKNOWN;
  }
  switch (op) {
    case '>=':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] >= x ? MET : NOT_MET);
    case '>':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] > x ? MET : NOT_MET);
    case '<=':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] <= x ? MET : NOT_MET);
    case '<':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] < x ? MET : NOT_MET);
    case '=':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] === x ? MET : NOT_MET);
    case '!=':
      return (i) => (col[i]! !== col[i]! ? UNKNOWN : col[i] !== x ? MET : NOT_MET);
  }
}

function leafJudge(c: LeafCondition, cols: FactColumns, referenceDate: string): Judge {
  switch (c.kind) {
    case 'compare':
      return numberJudge(cols.numbers[c.fact], c.op, c.value);
    case 'oneOf': {
      const set = new Set(c.values);
      return dictJudge(cols.strings[c.fact], (v) => set.has(v));
    }
    case 'industry':
      return dictJudge(cols.strings.industryCode, (v) => c.prefixes.some((p) => v.startsWith(p)));
    case 'tag': {
      const bit = TAGS.indexOf(c.tag);
      return (i) => (cols.tagsKnown[i] === 0 ? UNKNOWN : bit >= 0 && (cols.tags[i]! & (1 << bit)) !== 0 ? MET : NOT_MET);
    }
    case 'yearsSince': {
      const col = cols.dates[c.fact];
      // Founded on or before the day `years` before the reference date = at least `years` full years.
      const cutoff = dateNumber(anniversary(referenceDate, -c.years));
      if (!col) {
        return () => UNKNOWN;
      }
      return c.op === '>=' ? (i) => (col[i] === 0 ? UNKNOWN : col[i]! <= cutoff ? MET : NOT_MET) : (i) => (col[i] === 0 ? UNKNOWN : col[i]! <= cutoff ? NOT_MET : MET);
    }
  }
}

/** A compiled rule: the verdict of row i, and its near-miss leaf (index into `leaves`) or -1. */
export interface CompiledRule {
  leaves: LeafCondition[];
  verdict: (i: number) => Code;
  /** For a row not met: the first leaf (reading order) that, met, would make the rule met; else -1. */
  nearMiss: (i: number) => number;
  /** Every leaf's verdict for row i (for storing the explanation compactly). */
  leafVerdicts: (i: number) => Uint8Array;
  /**
   * Verdict and near miss in one pass, the matcher's hot loop: CLASS_MET, CLASS_UNKNOWN,
   * CLASS_NOT_MET (not met, more than one change away), or k ≥ 0: not met, and leaf k alone stands in the way.
   */
  classify: (i: number) => number;
  /** For a top-level all-group: its items' indexes in the order the hot loop tests them (most failing first). */
  itemOrder: number[];
}

export const CLASS_MET = -2;
export const CLASS_UNKNOWN = -3;
export const CLASS_NOT_MET = -1;

/** Compiles a rule over a batch of columns for one reference date. */
export function compileRule(rule: Condition, cols: FactColumns, referenceDate: string): CompiledRule {
  const leaves = leavesOf(rule);
  const judges = leaves.map((l) => leafJudge(l, cols, referenceDate));
  const index = new Map(leaves.map((l, k) => [l.id, k]));
  // The tree over a vector of leaf verdicts (used for near misses, where one leaf is overridden).
  const overTree = (c: Condition, v: Uint8Array): Code => {
    switch (c.kind) {
      case 'all': {
        let unknown = false;
        for (const item of c.items) {
          const r = overTree(item, v);
          if (r === NOT_MET) {
            return NOT_MET;
          }
          unknown ||= r === UNKNOWN;
        }
        return unknown ? UNKNOWN : MET;
      }
      case 'any': {
        let unknown = false;
        for (const item of c.items) {
          const r = overTree(item, v);
          if (r === MET) {
            return MET;
          }
          unknown ||= r === UNKNOWN;
        }
        return unknown ? UNKNOWN : NOT_MET;
      }
      case 'not': {
        const r = overTree(c.item, v);
        return r === MET ? NOT_MET : r === NOT_MET ? MET : UNKNOWN;
      }
      case 'compare':
        case 'oneOf':
        case 'industry':
        case 'tag':
        case 'yearsSince':
        return v[index.get(c.id)!] as Code;
    }
  };
  // The direct tree: closures all the way down, short-circuiting like the reference.
  const build = (c: Condition): Judge => {
    switch (c.kind) {
      case 'all': {
        const parts = c.items.map(build);
        return (i) => {
          let unknown = false;
          for (const p of parts) {
            const r = p(i);
            if (r === NOT_MET) {
              return NOT_MET;
            }
            unknown ||= r === UNKNOWN;
          }
          return unknown ? UNKNOWN : MET;
        };
      }
      case 'any': {
        const parts = c.items.map(build);
        return (i) => {
          let unknown = false;
          for (const p of parts) {
            const r = p(i);
            if (r === MET) {
              return MET;
            }
            unknown ||= r === UNKNOWN;
          }
          return unknown ? UNKNOWN : NOT_MET;
        };
      }
      case 'not': {
        const inner = build(c.item);
        return (i) => {
          const r = inner(i);
          return r === MET ? NOT_MET : r === NOT_MET ? MET : UNKNOWN;
        };
      }
      case 'compare':
        case 'oneOf':
        case 'industry':
        case 'tag':
        case 'yearsSince':
        return judges[index.get(c.id)!]!;
    }
  };
  const verdict = build(rule);
  const leafVerdicts = (i: number) => Uint8Array.from(judges, (j) => j(i));
  const nearMiss = (i: number) => {
    const v = leafVerdicts(i);
    for (let k = 0; k < v.length; k++) {
      if (v[k] !== NOT_MET) {
        continue;
      }
      v[k] = MET;
      const ok = overTree(rule, v) === MET;
      v[k] = NOT_MET;
      if (ok) {
        return k;
      }
    }
    return -1;
  };
  const all = rule.kind === 'all' ? classifyAll(rule, build, leaves, nearMiss, cols.size) : undefined;
  const classify =
    all?.classify ??
    ((i: number) => {
      const v = verdict(i);
      return v === MET ? CLASS_MET : v === UNKNOWN ? CLASS_UNKNOWN : nearMiss(i);
    });
  return { leaves, verdict, nearMiss, leafVerdicts, classify, itemOrder: all?.order ?? [] };
}

/**
 * The hot loop for the usual shape, an all-group at the top: count the failing items and stop at the
 * second, since one changed leaf can mend only one item — most enterprises fail two conditions of most
 * policies, so most judgements end after two or three comparisons. Only a single failing item with
 * nothing unknown elsewhere is searched for its near-miss leaf.
 */
function classifyAll(rule: { items: Condition[] }, build: (c: Condition) => Judge, leaves: LeafCondition[], nearMiss: (i: number) => number, rows: number): { classify: (i: number) => number; order: number[] } {
  // Items that fail most often go first (measured on a sample of the rows), so the second failure —
  // the end of most judgements — comes as early as possible. The count, not the order, decides.
  const judged = rule.items.map((c, index) => ({ c, index, judge: build(c), fails: 0 }));
  const step = Math.max(1, Math.floor(rows / 2000));
  for (let i = 0; i < rows; i += step) {
    for (const j of judged) {
      j.fails += j.judge(i) === NOT_MET ? 1 : 0;
    }
  }
  judged.sort((a, b) => b.fails - a.fails);
  const items = judged.map((j) => j.judge);
  const n = items.length;
  // A leaf item's near miss is the leaf itself; a group item needs the general search.
  const leafIndex = judged.map(({ c }) => (c.kind === 'all' || c.kind === 'any' || c.kind === 'not' ? -1 : leaves.findIndex((l) => l.id === c.id)));
  const classify = (i: number) => {
    let fails = 0;
    let failed = -1;
    let unknown = false;
    for (let j = 0; j < n; j++) {
      const r = items[j]!(i);
      if (r === NOT_MET) {
        if (++fails === 2) {
          return CLASS_NOT_MET;
        }
        failed = j;
      } else if (r === UNKNOWN) {
        unknown = true;
      }
    }
    if (fails === 0) {
      return unknown ? CLASS_UNKNOWN : CLASS_MET;
    }
    if (unknown) {
      return CLASS_NOT_MET;
    }
    const k = leafIndex[failed]!;
    return k >= 0 ? k : nearMiss(i);
  };
  return { classify, order: judged.map((j) => j.index) };
}
