import { describe, expect, it } from 'vitest';
import { applyAction, formValuesOf, parseAction, parseExampleFacts, parseNumber, parseRuleForm, treeToFields, TESTABLE_FACTS } from './navigator.form.js';
import { validateRule, type Condition } from './navigator.rules.js';

const itemsOf = (c: Condition): Condition[] => (c as { items: Condition[] }).items;

const tree: Condition = {
  id: 'r',
  kind: 'all',
  items: [
    { id: 'a', kind: 'industry', prefixes: ['C38', 'C3872'] },
    { id: 'b', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 },
    {
      id: 'c',
      kind: 'any',
      items: [
        { id: 'd', kind: 'tag', tag: '高新技术企业' },
        { id: 'e', kind: 'compare', fact: 'rdRatio', op: '>=', value: 3.5 },
        { id: 'f', kind: 'not', item: { id: 'g', kind: 'oneOf', fact: 'size', values: ['large', 'medium'] } },
      ],
    },
    { id: 'h', kind: 'oneOf', fact: 'town', values: ['石岐街道', '火炬开发区'] },
  ],
};

describe('rule form', () => {
  it('round-trips a nested tree through form fields', () => {
    const fields = treeToFields(tree);
    expect(fields['n.0.kind']).toBe('all');
    expect(fields['n.0.0.prefixes']).toBe('C38 C3872');
    expect(fields['n.0.2.1.value']).toBe('3.5');
    expect(fields['n.0.2.2.0.values']).toEqual(['large', 'medium']);
    const r = parseRuleForm(fields);
    expect(r.problems).toEqual([]);
    expect(r.tree).toEqual(tree);
  });

  it('reads typed town values and industry prefixes in lower case, full-width digits and commas', () => {
    const r = parseRuleForm({ 'n.0.kind': 'any', 'n.0.id': 'r', 'n.0.0.fact': 'town', 'n.0.0.values': '石岐街道，东区', 'n.0.1.fact': 'industryCode', 'n.0.1.prefixes': 'c38, i65', 'n.0.2.fact': 'employees', 'n.0.2.op': '<', 'n.0.2.value': '１,000' });
    expect(r.problems).toEqual([]);
    const items = itemsOf(r.tree);
    expect(items[0]).toMatchObject({ kind: 'oneOf', values: ['石岐街道', '东区'] });
    expect(items[1]).toMatchObject({ kind: 'industry', prefixes: ['C38', 'I65'] });
    expect(items[2]).toMatchObject({ kind: 'compare', op: '<', value: 1000 });
    expect(validateRule(r.tree)).toEqual([]);
  });

  it('gives fresh ids to nodes without one or with a repeated one', () => {
    const r = parseRuleForm({ 'n.0.kind': 'all', 'n.0.0.fact': 'tags', 'n.0.0.tag': '专精特新', 'n.0.0.id': 'x', 'n.0.1.fact': 'tags', 'n.0.1.tag': '专精特新', 'n.0.1.id': 'x' });
    const ids = [r.tree.id, ...itemsOf(r.tree).map((i) => i.id)];
    expect(new Set(ids).size).toBe(3);
    expect(validateRule(r.tree)).toEqual([]);
  });

  it('names the field of a number that is not one, and keeps what was typed', () => {
    const r = parseRuleForm({ 'n.0.kind': 'all', 'n.0.id': 'r', 'n.0.0.id': 'e', 'n.0.0.fact': 'rdRatio', 'n.0.0.op': '>=', 'n.0.0.value': '三' });
    expect(r.problems).toEqual([{ field: 'node.e', key: 'navigator.editor.not_a_number', params: { field: '研发投入占营业收入比例', value: '三' } }]);
    expect(formValuesOf(r.tree, r.raw)['n.0.0.value']).toBe('三');
    const empty = parseRuleForm({ 'n.0.id': 'r', 'n.0.0.id': 'b', 'n.0.0.fact': 'foundedOn', 'n.0.0.years': '' });
    expect(empty.problems[0]).toMatchObject({ field: 'node.b', key: 'navigator.editor.number_missing' });
  });

  it('reports an unknown fact beside its node', () => {
    const r = parseRuleForm({ 'n.0.id': 'r', 'n.0.kind': 'all', 'n.0.0.id': 'z', 'n.0.0.fact': 'shoeSize' });
    expect(r.problems).toEqual([{ field: 'node.z', key: 'navigator.rule_unknown_fact', params: { value: 'shoeSize' } }]);
  });

  it('parses numbers people type', () => {
    expect(parseNumber('3%')).toBe(3);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(Number.isNaN(parseNumber('1e3'))).toBe(true);
    expect(Number.isNaN(parseNumber(''))).toBe(true);
  });

  it('offers one entry per testable fact, labelled in Chinese', () => {
    expect(TESTABLE_FACTS.map((f) => f.key)).toEqual(['enterpriseType', 'ownership', 'industryCode', 'size', 'foundedOn', 'registeredCapital', 'town', 'employees', 'revenue', 'rdRatio', 'taxPaid', 'tags']);
  });
});

describe('editor actions', () => {
  it('parses actions and refuses odd paths', () => {
    expect(parseAction('add-leaf:0.2')).toEqual({ kind: 'add-leaf', path: '0.2' });
    expect(parseAction('save')).toEqual({ kind: 'save' });
    expect(parseAction('remove:1.2')).toBeUndefined();
    expect(parseAction('drop:0')).toBeUndefined();
  });

  it('adds a leaf and a group to a group, with fresh ids', () => {
    let t: Condition = { id: 'n1', kind: 'all', items: [] };
    t = applyAction(t, { kind: 'add-leaf', path: '0' });
    t = applyAction(t, { kind: 'add-group', path: '0' });
    t = applyAction(t, { kind: 'add-leaf', path: '0.1' });
    expect(t).toEqual({ id: 'n1', kind: 'all', items: [{ id: 'n2', kind: 'tag', tag: '高新技术企业' }, { id: 'n3', kind: 'any', items: [{ id: 'n4', kind: 'tag', tag: '高新技术企业' }] }] });
    // Adding to a leaf does nothing.
    expect(applyAction(t, { kind: 'add-leaf', path: '0.0' })).toEqual(t);
  });

  it('removes a node, and the not around it', () => {
    const t = applyAction(tree, { kind: 'remove', path: '0.2.2.0' });
    expect(itemsOf(t)[2]).toMatchObject({ id: 'c', items: [{ id: 'd' }, { id: 'e' }] });
    const t2 = applyAction(tree, { kind: 'remove', path: '0.0' });
    expect(itemsOf(t2).map((i) => i.id)).toEqual(['b', 'c', 'h']);
    expect(applyAction(tree, { kind: 'remove', path: '0' })).toEqual({ id: 'r', kind: 'all', items: [] });
  });

  it('wraps a node in not, and unwraps it again', () => {
    const t = applyAction(tree, { kind: 'wrap-not', path: '0.1' });
    expect(itemsOf(t)[1]).toEqual({ id: 'n1', kind: 'not', item: { id: 'b', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 } });
    expect(applyAction(t, { kind: 'wrap-not', path: '0.1' })).toEqual(tree);
  });

  it('leaves the tree alone for preview, save and paths that do not exist', () => {
    expect(applyAction(tree, { kind: 'preview' })).toBe(tree);
    expect(applyAction(tree, { kind: 'save' })).toBe(tree);
    expect(applyAction(tree, { kind: 'remove', path: '0.9' })).toBe(tree);
  });

  it('round-trips after actions (the page is drawn from the new tree)', () => {
    const t = applyAction(applyAction(tree, { kind: 'add-group', path: '0.2' }), { kind: 'wrap-not', path: '0.0' });
    expect(parseRuleForm(treeToFields(t)).tree).toEqual(t);
  });
});

describe('worked example facts', () => {
  it('reads typed facts: empty is unknown, numbers and dates checked, "none" is an empty tag set', () => {
    const ok = parseExampleFacts({ 'fact.industryCode': 'c3872', 'fact.employees': '30', 'fact.foundedOn': '2019-05-01', 'fact.tags': 'none', 'fact.town': '' }, '2026-07-01');
    expect(ok.problems).toEqual([]);
    expect(ok.facts).toEqual({
      industryCode: { value: 'C3872', source: 'declared', asOf: '2026-07-01' },
      employees: { value: 30, source: 'declared', asOf: '2026-07-01' },
      foundedOn: { value: '2019-05-01', source: 'declared', asOf: '2026-07-01' },
      tags: { value: [], source: 'declared', asOf: '2026-07-01' },
    });
    const bad = parseExampleFacts({ 'fact.revenue': '一千', 'fact.foundedOn': '2019/5/1' }, '2026-07-01');
    expect(bad.problems.map((p) => [p.field, p.key])).toEqual([
      ['fact.foundedOn', 'validation.date'],
      ['fact.revenue', 'navigator.editor.not_a_number'],
    ]);
  });
});
