import type { MessageKey } from '../../platform/i18n/index.js';

/** A guest as entered: name and post (职务). */
export interface GuestInput {
  name: string;
  post: string;
}

/** A problem on one line of a multi-line field, with the 1-based line number. */
export interface LineProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

export const MAX_GUESTS = 20;

/**
 * Parses the guests field: one guest per line, "姓名｜职务" (a full-width or ASCII bar). Blank lines are
 * skipped. Returns the guests in order, or the first problem with its line number.
 */
export function parseGuests(text: string): { guests: GuestInput[]; problem?: LineProblem } {
  const guests: GuestInput[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      continue;
    }
    const parts = line.split(/[｜|]/).map((s) => s.trim());
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
      return { guests, problem: { key: 'dialogues.guest_line_format', params: { line: i + 1 } } };
    }
    if (parts[0]!.length > 60 || parts[1]!.length > 120) {
      return { guests, problem: { key: 'dialogues.guest_line_too_long', params: { line: i + 1 } } };
    }
    guests.push({ name: parts[0]!, post: parts[1]! });
  }
  if (guests.length === 0) {
    return { guests, problem: { key: 'dialogues.guests_required', params: {} } };
  }
  if (guests.length > MAX_GUESTS) {
    return { guests, problem: { key: 'dialogues.guests_too_many', params: { max: MAX_GUESTS } } };
  }
  return { guests };
}

/** The guests as the form shows them again, one "姓名｜职务" per line. */
export function formatGuests(guests: GuestInput[]): string {
  return guests.map((g) => `${g.name}｜${g.post}`).join('\n');
}

/** The 索引号 lines of the linked-policies field, with their line numbers (blank lines skipped, duplicates once). */
export function policyIndexLines(text: string): Array<{ line: number; indexNo: string }> {
  const out: Array<{ line: number; indexNo: string }> = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const indexNo = raw.trim();
    if (indexNo !== '' && !seen.has(indexNo)) {
      seen.add(indexNo);
      out.push({ line: i + 1, indexNo });
    }
  });
  return out;
}

/** Transcript text as paragraphs: one per non-blank line. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
