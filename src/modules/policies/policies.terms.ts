// Glossary terms (名词解释) of a policy: entered one per line as "术语｜释义" and marked where they occur
// in the policy's text.

/** A glossary term and its definition. */
export interface PolicyTerm {
  term: string;
  definition: string;
}

/** Most terms per policy, and the longest term and definition. */
export const MAX_TERMS = 40;
export const MAX_TERM_CHARS = 30;
export const MAX_DEFINITION_CHARS = 1000;

/** A problem on one line of the terms field. */
export interface TermProblem {
  key: 'policies.terms_line_format' | 'policies.terms_line_duplicate' | 'policies.terms_too_many' | 'policies.terms_line_too_long';
  params: Record<string, number | string>;
}

/** Parses the terms field: one "term｜definition" per line (full-width ｜, | or ：/: after the term). */
export function parseTerms(text: string | undefined): { terms: PolicyTerm[]; problem: TermProblem | null } {
  const terms: PolicyTerm[] = [];
  const seen = new Set<string>();
  const rows = (text ?? '').split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i]!.trim();
    if (!line) {
      continue;
    }
    const m = /^([^｜|：:]{1,60})[｜|：:]\s*(.+)$/u.exec(line);
    if (!m) {
      return { terms, problem: { key: 'policies.terms_line_format', params: { line: i + 1 } } };
    }
    const term = m[1]!.trim();
    const definition = m[2]!.trim();
    if ([...term].length > MAX_TERM_CHARS || [...definition].length > MAX_DEFINITION_CHARS) {
      return { terms, problem: { key: 'policies.terms_line_too_long', params: { line: i + 1, max: MAX_TERM_CHARS, maxDefinition: MAX_DEFINITION_CHARS } } };
    }
    if (seen.has(term)) {
      return { terms, problem: { key: 'policies.terms_line_duplicate', params: { line: i + 1, term } } };
    }
    seen.add(term);
    terms.push({ term, definition });
  }
  if (terms.length > MAX_TERMS) {
    return { terms, problem: { key: 'policies.terms_too_many', params: { max: MAX_TERMS } } };
  }
  return { terms, problem: null };
}

/** The terms field's text for stored terms. */
export function termsToText(terms: PolicyTerm[]): string {
  return terms.map((t) => `${t.term}｜${t.definition}`).join('\n');
}

/** A piece of text: plain, or an occurrence of the term with this index. */
export type TextPiece = { text: string; term?: number };

/**
 * Splits text into plain pieces and term occurrences. Longer terms win over terms they contain
 * (自身原因闲置土地 before 闲置土地); each term is marked at its first occurrence in this text only, so a
 * paragraph is not peppered with the same mark.
 */
export function markTerms(text: string, terms: readonly PolicyTerm[]): TextPiece[] {
  if (terms.length === 0 || text === '') {
    return [{ text }];
  }
  const order = terms.map((t, i) => ({ term: t.term, i })).sort((a, b) => b.term.length - a.term.length);
  const marked = new Set<number>();
  const pieces: TextPiece[] = [];
  let plain = '';
  let pos = 0;
  while (pos < text.length) {
    const hit = order.find((o) => text.startsWith(o.term, pos));
    if (hit && marked.has(hit.i)) {
      // A later occurrence stays plain, and a shorter term inside it is not marked either.
      plain += hit.term;
      pos += hit.term.length;
    } else if (hit) {
      if (plain) {
        pieces.push({ text: plain });
        plain = '';
      }
      pieces.push({ text: hit.term, term: hit.i });
      marked.add(hit.i);
      pos += hit.term.length;
    } else {
      plain += text[pos];
      pos += 1;
    }
  }
  if (plain) {
    pieces.push({ text: plain });
  }
  return pieces;
}
