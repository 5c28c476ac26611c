import type { MessageKey } from '../../platform/i18n/index.js';

/** One question and its answer. */
export interface QaPair {
  question: string;
  answer: string;
}

const Q = /^\s*(?:问|Q)\s*\d*\s*[：:]\s*/i;
const A = /^\s*(?:答|A)\s*[：:]\s*/i;

/**
 * Reads a Q&A interpretation typed as "问：…" / "答：…" lines (or Q:/A:); a line that starts neither
 * continues the question or answer above it. Every question needs an answer.
 */
export function parseQa(text: string): { pairs: QaPair[]; problem?: MessageKey } {
  const pairs: QaPair[] = [];
  let current: { question: string[]; answer: string[] | null } | null = null;
  const close = (): MessageKey | undefined => {
    if (!current) {
      return undefined;
    }
    const question = current.question.join('\n').trim();
    const answer = (current.answer ?? []).join('\n').trim();
    if (!answer) {
      return 'interpretations.validation.qa_missing_answer';
    }
    pairs.push({ question, answer });
    return undefined;
  };
  for (const line of text.split(/\r?\n/)) {
    if (Q.test(line)) {
      const p = close();
      if (p) {
        return { pairs, problem: p };
      }
      current = { question: [line.replace(Q, '')], answer: null };
    } else if (A.test(line)) {
      if (!current || current.answer) {
        return { pairs, problem: 'interpretations.validation.qa_answer_without_question' };
      }
      current.answer = [line.replace(A, '')];
    } else if (line.trim() !== '') {
      if (!current) {
        return { pairs, problem: 'interpretations.validation.qa_text_before_question' };
      }
      (current.answer ?? current.question).push(line.trim());
    }
  }
  const p = close();
  if (p) {
    return { pairs, problem: p };
  }
  if (pairs.length === 0) {
    return { pairs, problem: 'interpretations.validation.qa_required' };
  }
  if (pairs.some((x) => x.question === '')) {
    return { pairs, problem: 'interpretations.validation.qa_empty_question' };
  }
  return { pairs };
}

/** The editable text of some pairs (the inverse of parseQa). */
export function qaToText(pairs: QaPair[]): string {
  return pairs.map((p) => `问：${p.question}\n答：${p.answer}`).join('\n\n');
}
