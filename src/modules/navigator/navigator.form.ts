import type { FieldProblem } from '../../http/errors.js';
import { FACTS, factDef, type FactDef, type FactKey, type FactValue } from '../enterprises/enterprises.facts.js';
import { NUMBER_OPS, type Condition, type LeafCondition, type NumberOp } from './navigator.rules.js';

// The rule editor without JavaScript: a rule tree becomes flat form fields whose names carry the node's
// path (n.0 is the root, n.0.1 its second item, n.0.1.0 the item under a not …) and back. Buttons post an
// `action` (add-leaf:0.1, remove:0.2, wrap-not:0.1, preview, save), applied to the parsed tree, and the
// page is drawn again from the result. Node ids ride along in hidden fields so problems found by
// validateRule (which name node ids) land beside the right fieldset after any edit.

/** Flat form values, as a form body arrives (repeated names become arrays). */
export type RuleFields = Record<string, string | string[] | undefined>;

/** A path: "0" is the root, "0.2" its third item. */
const PATH = /^0(\.\d+)*$/;

/** The kind of leaf a fact is tested by: numbers compare, choices oneOf, the industry code by prefix … */
export function leafKindOf(def: FactDef): LeafCondition['kind'] | undefined {
  switch (def.type) {
    case 'number':
    case 'money':
    case 'percent':
      return 'compare';
    case 'choice':
      return 'oneOf';
    case 'code':
      return def.key === 'industryCode' ? 'industry' : undefined;
    case 'set':
      return def.key === 'tags' ? 'tag' : undefined;
    case 'date':
      return 'yearsSince';
    case 'text':
      return undefined;
  }
}

/** The facts a leaf may test, in catalogue order (the leaf's first select). */
export const TESTABLE_FACTS: readonly FactDef[] = FACTS.filter((f) => leafKindOf(f) !== undefined);

/** The fact a leaf tests (industry and tag leaves test industryCode and tags). */
export function factOfLeaf(c: LeafCondition): FactKey {
  return c.kind === 'industry' ? 'industryCode' : c.kind === 'tag' ? 'tags' : c.fact;
}

/** An id not used in the tree (n1, n2 …); new nodes get one. */
export function freshId(tree: Condition, taken: Set<string> = new Set()): string {
  const used = new Set([...taken, ...allIds(tree)]);
  for (let i = 1; ; i++) {
    if (!used.has(`n${i}`)) {
      return `n${i}`;
    }
  }
}

function allIds(c: Condition): string[] {
  return c.kind === 'all' || c.kind === 'any' ? [c.id, ...c.items.flatMap(allIds)] : c.kind === 'not' ? [c.id, ...allIds(c.item)] : [c.id];
}

/** An empty rule: an all-group with nothing in it yet. */
export const emptyRule = (): Condition => ({ id: 'n1', kind: 'all', items: [] });

/** A new leaf, valid as it stands (an editor then picks what it tests). */
export const newLeaf = (id: string): Condition => ({ id, kind: 'tag', tag: '高新技术企业' });

const numText = (n: number) => (Number.isFinite(n) ? String(n) : '');

/** A rule tree as form fields (the inverse of parseRuleForm). */
export function treeToFields(tree: Condition, path = '0', out: RuleFields = {}): RuleFields {
  const p = `n.${path}`;
  out[`${p}.id`] = tree.id;
  switch (tree.kind) {
    case 'all':
    case 'any':
      out[`${p}.kind`] = tree.kind;
      tree.items.forEach((c, i) => treeToFields(c, `${path}.${i}`, out));
      break;
    case 'not':
      out[`${p}.kind`] = 'not';
      treeToFields(tree.item, `${path}.0`, out);
      break;
    case 'compare':
      Object.assign(out, { [`${p}.kind`]: 'leaf', [`${p}.fact`]: tree.fact, [`${p}.op`]: tree.op, [`${p}.value`]: numText(tree.value) });
      break;
    case 'oneOf':
      Object.assign(out, { [`${p}.kind`]: 'leaf', [`${p}.fact`]: tree.fact, [`${p}.values`]: [...tree.values] });
      break;
    case 'industry':
      Object.assign(out, { [`${p}.kind`]: 'leaf', [`${p}.fact`]: 'industryCode', [`${p}.prefixes`]: tree.prefixes.join(' ') });
      break;
    case 'tag':
      Object.assign(out, { [`${p}.kind`]: 'leaf', [`${p}.fact`]: 'tags', [`${p}.tag`]: tree.tag });
      break;
    case 'yearsSince':
      Object.assign(out, { [`${p}.kind`]: 'leaf', [`${p}.fact`]: tree.fact, [`${p}.op`]: tree.op, [`${p}.years`]: numText(tree.years) });
      break;
  }
  return out;
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/** Parses a number typed by a person: 3, 3.5, ３, "1,000"; NaN when it is not one. */
export function parseNumber(s: string): number {
  const t = s.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '').replace(/%$/, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The result of reading the form: the tree (with NaN where a number was not one) and what is wrong. */
export interface ParsedRule {
  tree: Condition;
  /** Problems found while reading (fields `node.<id>`), before validateRule is asked. */
  problems: FieldProblem[];
  /** What was typed into number fields that were not numbers, by node id, so the form keeps it. */
  raw: Record<string, Record<string, string>>;
}

/** Reads the rule from form fields; unreadable input becomes problems beside the node, never an exception. */
export function parseRuleForm(fields: RuleFields): ParsedRule {
  const problems: FieldProblem[] = [];
  const raw: Record<string, Record<string, string>> = {};
  const seen = new Set<string>();
  const pending: Array<(tree: Condition) => void> = [];
  const childPaths = (path: string) => {
    const re = new RegExp(`^n\\.${path.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
    const idx = new Set<number>();
    for (const k of Object.keys(fields)) {
      const m = re.exec(k);
      if (m) {
        idx.add(Number(m[1]));
      }
    }
    return [...idx].sort((a, b) => a - b).map((i) => `${path}.${i}`);
  };
  const read = (path: string): Condition => {
    const p = `n.${path}`;
    const given = one(fields[`${p}.id`]);
    // A missing or repeated id (a copied fieldset, a hand-made post) gets a fresh one once the tree is known.
    const node = { id: given && /^[\w-]{1,40}$/.test(given) && !seen.has(given) ? given : '' };
    if (node.id) {
      seen.add(node.id);
    } else {
      pending.push((tree) => {
        node.id = freshId(tree, seen);
        seen.add(node.id);
      });
    }
    const kind = one(fields[`${p}.kind`]);
    const factKey = one(fields[`${p}.fact`]);
    if (kind === 'all' || kind === 'any' || (kind === '' && factKey === '')) {
      return Object.assign(node, { kind: kind === 'any' ? 'any' : 'all', items: childPaths(path).map(read) }) as Condition;
    }
    if (kind === 'not') {
      const [first] = childPaths(path);
      return Object.assign(node, { kind: 'not', item: first ? read(first) : { id: '', kind: 'all', items: [] } }) as Condition;
    }
    const def = FACTS.find((f) => f.key === factKey);
    const leafKind = def ? leafKindOf(def) : undefined;
    const label = def?.labelZh ?? factKey;
    const number = (prop: string): number => {
      const text = one(fields[`${p}.${prop}`]);
      const n = parseNumber(text);
      if (Number.isNaN(n)) {
        (raw[`@${path}`] ??= {})[prop] = text;
        problems.push({ field: `@${path}`, key: text === '' ? 'navigator.editor.number_missing' : 'navigator.editor.not_a_number', params: { field: label, value: text } });
      }
      return n;
    };
    switch (leafKind) {
      case 'compare': {
        const op = one(fields[`${p}.op`]);
        return Object.assign(node, { kind: 'compare', fact: def!.key, op: ((NUMBER_OPS as readonly string[]).includes(op) ? op : '>=') as NumberOp, value: number('value') }) as Condition;
      }
      case 'oneOf': {
        // A choice fact without a fixed list (town) is typed, space-separated.
        const values = def!.choices ? many(fields[`${p}.values`]) : many(fields[`${p}.values`]).flatMap((v) => v.split(/[\s,，、]+/)).filter(Boolean);
        return Object.assign(node, { kind: 'oneOf', fact: def!.key, values }) as Condition;
      }
      case 'industry':
        return Object.assign(node, { kind: 'industry', prefixes: one(fields[`${p}.prefixes`]).toUpperCase().split(/[\s,，、]+/).filter(Boolean) }) as Condition;
      case 'tag': {
        const tag = one(fields[`${p}.tag`]);
        return Object.assign(node, { kind: 'tag', tag: tag || (def!.choices?.[0] ?? '') }) as Condition;
      }
      case 'yearsSince': {
        const op = one(fields[`${p}.op`]);
        return Object.assign(node, { kind: 'yearsSince', fact: def!.key, op: op === '<' ? '<' : '>=', years: number('years') }) as Condition;
      }
      case undefined:
        problems.push({ field: `@${path}`, key: 'navigator.rule_unknown_fact', params: { value: factKey } });
        // Kept as a tag leaf so the editor can pick another fact; the problem stops preview and save.
        return Object.assign(node, { kind: 'tag', tag: '' }) as Condition;
    }
  };
  const tree = read('0');
  pending.forEach((f) => f(tree));
  // Problems were filed by path while ids were still being assigned; name them by node id now.
  const byPath = new Map<string, string>();
  const index = (c: Condition, path: string) => {
    byPath.set(path, c.id);
    if (c.kind === 'all' || c.kind === 'any') {
      c.items.forEach((x, i) => index(x, `${path}.${i}`));
    } else if (c.kind === 'not') {
      index(c.item, `${path}.0`);
    }
  };
  index(tree, '0');
  const nodeField = (f: string) => (f.startsWith('@') ? `node.${byPath.get(f.slice(1))}` : f);
  const rawById: ParsedRule['raw'] = {};
  for (const [k, v] of Object.entries(raw)) {
    rawById[byPath.get(k.slice(1))!] = v;
  }
  return { tree, problems: problems.map((pr) => ({ ...pr, field: nodeField(pr.field) })), raw: rawById };
}

/** The actions the editor's buttons post. */
export type RuleAction = { kind: 'add-leaf' | 'add-group' | 'remove' | 'wrap-not'; path: string } | { kind: 'preview' | 'save' | 'refresh' };

/** Reads an `action` value; undefined when it is not one. */
export function parseAction(v: string | string[] | undefined): RuleAction | undefined {
  const s = one(v);
  if (s === 'preview' || s === 'save' || s === 'refresh') {
    return { kind: s };
  }
  const m = /^(add-leaf|add-group|remove|wrap-not):(.+)$/.exec(s);
  return m && PATH.test(m[2]!) ? { kind: m[1] as 'add-leaf', path: m[2]! } : undefined;
}

/** The node at a path, or undefined. */
export function nodeAt(tree: Condition, path: string): Condition | undefined {
  let c: Condition | undefined = tree;
  for (const i of path.split('.').slice(1).map(Number)) {
    c = c && (c.kind === 'all' || c.kind === 'any') ? c.items[i] : c?.kind === 'not' && i === 0 ? c.item : undefined;
  }
  return c;
}

/** A copy of the tree with the node at `path` replaced (undefined removes it from its group). */
function replaceAt(c: Condition, steps: number[], fn: (c: Condition) => Condition | undefined): Condition | undefined {
  if (steps.length === 0) {
    return fn(c);
  }
  const [i, ...rest] = steps as [number, ...number[]];
  if (c.kind === 'all' || c.kind === 'any') {
    const items = c.items.flatMap((x, j) => (j === i ? [replaceAt(x, rest, fn)].filter((y): y is Condition => y !== undefined) : [x]));
    return { ...c, items };
  }
  if (c.kind === 'not' && i === 0) {
    // Removing what a not wraps removes the not as well.
    const item = replaceAt(c.item, rest, fn);
    return item ? { ...c, item } : undefined;
  }
  return c;
}

/** Applies a structural action to the tree (preview and save leave it as it is). */
export function applyAction(tree: Condition, action: RuleAction): Condition {
  if (!('path' in action) || !nodeAt(tree, action.path)) {
    return tree;
  }
  const steps = action.path.split('.').slice(1).map(Number);
  const id = freshId(tree);
  switch (action.kind) {
    case 'add-leaf':
    case 'add-group': {
      const add = action.kind === 'add-leaf' ? newLeaf(id) : ({ id, kind: 'any', items: [] } as Condition);
      // Only groups take new items (the buttons sit on groups); anything else is left as it is.
      return replaceAt(tree, steps, (c) => (c.kind === 'all' || c.kind === 'any' ? { ...c, items: [...c.items, add] } : c))!;
    }
    case 'remove':
      return replaceAt(tree, steps, () => undefined) ?? { ...emptyRule(), id: tree.id };
    case 'wrap-not':
      return replaceAt(tree, steps, (c) => (c.kind === 'not' ? c.item : { id, kind: 'not', item: c }))!;
  }
}

/** Form values for a tree, with what was typed into bad number fields kept (by node id). */
export function formValuesOf(tree: Condition, raw: ParsedRule['raw'] = {}): RuleFields {
  const out = treeToFields(tree);
  for (const [k, v] of Object.entries(out)) {
    const m = /^n\.([\d.]+)\.id$/.exec(k);
    const kept = m && typeof v === 'string' ? raw[v] : undefined;
    for (const [prop, text] of Object.entries(kept ?? {})) {
      out[`n.${m![1]}.${prop}`] = text;
    }
  }
  return out;
}

/** Problems on a node's fields, keyed `node.<id>` as the service names them. */
export const nodeField = (id: string) => `node.${id}`;

/** Whether a fact choice list is fixed (checkboxes) or typed (town). */
export const hasChoices = (fact: FactKey) => (factDef(fact).choices?.length ?? 0) > 0;

/** The checkbox value for "known to hold no title" in a worked example. */
export const NO_TAGS = 'none';

/** Reads a worked example's facts from `fact.<key>` fields: empty = unknown; numbers and dates checked. */
export function parseExampleFacts(fields: RuleFields, asOf: string): { facts: Partial<Record<FactKey, FactValue>>; problems: FieldProblem[] } {
  const facts: Partial<Record<FactKey, FactValue>> = {};
  const problems: FieldProblem[] = [];
  for (const def of TESTABLE_FACTS) {
    const name = `fact.${def.key}`;
    const at = (value: FactValue['value']) => {
      facts[def.key] = { value, source: 'declared', asOf };
    };
    if (def.type === 'set') {
      // Nothing ticked is unknown; "none" says the enterprise is known to hold no title.
      const vs = many(fields[name]);
      if (vs.length > 0) {
        at(vs.filter((v) => v !== NO_TAGS));
      }
      continue;
    }
    const text = one(fields[name]);
    if (text === '') {
      continue;
    }
    if (def.type === 'number' || def.type === 'money' || def.type === 'percent') {
      const n = parseNumber(text);
      if (Number.isNaN(n)) {
        problems.push({ field: name, key: 'navigator.editor.not_a_number', params: { field: def.labelZh, value: text } });
      } else {
        at(n);
      }
    } else if (def.type === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
        problems.push({ field: name, key: 'validation.date' });
      } else {
        at(text);
      }
    } else {
      at(def.type === 'code' ? text.toUpperCase() : text);
    }
  }
  return { facts, problems };
}
