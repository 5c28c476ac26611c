import { describe, expect, it } from 'vitest';
import { markTerms, MAX_DEFINITION_CHARS, MAX_TERM_CHARS, MAX_TERMS, parseTerms, termsToText, type PolicyTerm } from './policies.terms.js';

const T = (...pairs: Array<[string, string]>): PolicyTerm[] => pairs.map(([term, definition]) => ({ term, definition }));

describe('parseTerms', () => {
  it('reads one term per line with any of the separators ｜ | ： :', () => {
    const r = parseTerms('闲置土地｜超过期限未动工的土地\n\n  旧厂房 | 建成多年的厂房  \r\n容积率：建筑面积与用地面积之比\nFAR: floor area ratio');
    expect(r.problem).toBeNull();
    expect(r.terms).toEqual(
      T(['闲置土地', '超过期限未动工的土地'], ['旧厂房', '建成多年的厂房'], ['容积率', '建筑面积与用地面积之比'], ['FAR', 'floor area ratio']),
    );
  });

  it('splits at the first separator: the definition may contain more', () => {
    expect(parseTerms('工改工｜工业用地改造：仍作工业用途').terms).toEqual(T(['工改工', '工业用地改造：仍作工业用途']));
  });

  it('reads nothing from an empty field', () => {
    expect(parseTerms(undefined)).toEqual({ terms: [], problem: null });
    expect(parseTerms('\n \n')).toEqual({ terms: [], problem: null });
  });

  it('names the line (counting blank lines, as the editor sees them) of a line without separator or definition', () => {
    expect(parseTerms('甲｜一\n\n没有分隔符').problem).toEqual({ key: 'policies.terms_line_format', params: { line: 3 } });
    expect(parseTerms('甲｜一\n乙｜').problem).toEqual({ key: 'policies.terms_line_format', params: { line: 2 } });
    expect(parseTerms('｜只有释义').problem).toEqual({ key: 'policies.terms_line_format', params: { line: 1 } });
  });

  it('names the line and the term listed twice', () => {
    expect(parseTerms('甲｜一\n乙｜二\n甲：再一次').problem).toEqual({ key: 'policies.terms_line_duplicate', params: { line: 3, term: '甲' } });
    // The same term with spaces around it is the same term.
    expect(parseTerms('甲｜一\n 甲 | 二').problem).toMatchObject({ key: 'policies.terms_line_duplicate', params: { line: 2 } });
  });

  it('names the line of a term or definition that is too long', () => {
    expect(parseTerms(`${'词'.repeat(MAX_TERM_CHARS)}｜释义`).problem).toBeNull();
    expect(parseTerms(`甲｜一\n${'词'.repeat(MAX_TERM_CHARS + 1)}｜释义`).problem).toMatchObject({ key: 'policies.terms_line_too_long', params: { line: 2, max: MAX_TERM_CHARS } });
    expect(parseTerms(`甲｜${'释'.repeat(MAX_DEFINITION_CHARS)}`).problem).toBeNull();
    expect(parseTerms(`甲｜${'释'.repeat(MAX_DEFINITION_CHARS + 1)}`).problem).toMatchObject({ key: 'policies.terms_line_too_long', params: { line: 1, maxDefinition: MAX_DEFINITION_CHARS } });
  });

  it('allows at most MAX_TERMS terms', () => {
    const text = (n: number) => Array.from({ length: n }, (_, i) => `术语${i}｜释义${i}`).join('\n');
    expect(parseTerms(text(MAX_TERMS)).problem).toBeNull();
    expect(parseTerms(text(MAX_TERMS)).terms).toHaveLength(MAX_TERMS);
    expect(parseTerms(text(MAX_TERMS + 1)).problem).toEqual({ key: 'policies.terms_too_many', params: { max: MAX_TERMS } });
  });

  it('round-trips through the form text', () => {
    const terms = T(['闲置土地', '超过期限未动工的土地'], ['A|B', 'x']);
    expect(parseTerms(termsToText(terms.slice(0, 1))).terms).toEqual(terms.slice(0, 1));
    expect(termsToText(terms)).toBe('闲置土地｜超过期限未动工的土地\nA|B｜x');
  });
});

describe('markTerms', () => {
  const marked = (text: string, terms: PolicyTerm[]) =>
    markTerms(text, terms)
      .filter((p) => p.term !== undefined)
      .map((p) => [p.text, p.term]);

  it('keeps the text whole and marks a term where it occurs', () => {
    const pieces = markTerms('对闲置土地依法处置。', T(['闲置土地', '释义']));
    expect(pieces).toEqual([{ text: '对' }, { text: '闲置土地', term: 0 }, { text: '依法处置。' }]);
    expect(markTerms('没有术语', T(['闲置土地', '释义']))).toEqual([{ text: '没有术语' }]);
    expect(markTerms('文本', [])).toEqual([{ text: '文本' }]);
    expect(markTerms('', T(['甲', '一']))).toEqual([{ text: '' }]);
  });

  it('marks the longest term first, whatever the order of the glossary', () => {
    const terms = T(['闲置土地', '短'], ['自身原因闲置土地', '长']);
    expect(marked('因自身原因闲置土地满两年的', terms)).toEqual([['自身原因闲置土地', 1]]);
    expect(marked('因自身原因闲置土地满两年的', [...terms].reverse())).toEqual([['自身原因闲置土地', 0]]);
  });

  it('marks each term at its first occurrence only', () => {
    const pieces = markTerms('闲置土地是指……闲置土地应当……闲置土地', T(['闲置土地', '释义']));
    expect(pieces.filter((p) => p.term !== undefined)).toHaveLength(1);
    expect(pieces[0]).toEqual({ text: '闲置土地', term: 0 });
    expect(pieces.map((p) => p.text).join('')).toBe('闲置土地是指……闲置土地应当……闲置土地');
  });

  it('does not mark a shorter term inside a later occurrence of a longer one, but does mark it standing alone', () => {
    const terms = T(['闲置土地', '短'], ['自身原因闲置土地', '长']);
    expect(marked('自身原因闲置土地，又是自身原因闲置土地', terms)).toEqual([['自身原因闲置土地', 1]]);
    expect(marked('自身原因闲置土地，又是自身原因闲置土地，以及政府原因闲置土地', terms)).toEqual([
      ['自身原因闲置土地', 1],
      ['闲置土地', 0],
    ]);
    // The shorter term first, then the longer one containing it: both marked once.
    expect(marked('闲置土地分为两类，自身原因闲置土地满两年的收回', terms)).toEqual([
      ['闲置土地', 0],
      ['自身原因闲置土地', 1],
    ]);
  });

  it('marks several different terms in one text', () => {
    const terms = T(['旧厂房', '一'], ['容积率', '二'], ['工改工', '三']);
    expect(marked('工改工项目提高容积率的，旧厂房改造', terms)).toEqual([
      ['工改工', 2],
      ['容积率', 1],
      ['旧厂房', 0],
    ]);
  });
});
