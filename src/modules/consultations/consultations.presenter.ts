import type { CommentRow, DraftRow, RoundRow } from './consultations.repository.js';
import { maskCommenter, type Decision, type RoundState } from './consultations.rules.js';

/** A comment as the public sees it: masked name, never the contact; the decision once the report is out. */
export interface PublicComment {
  id: number;
  commenter: string;
  source: 'online' | 'event';
  content: string;
  createdAt: string;
  decision: Decision | null;
  reason: string;
}

/** Drops the contact, the account and the raw name; shows the decision only when the report is published. */
export function presentPublicComment(c: CommentRow, withDecision: boolean): PublicComment {
  return {
    id: c.id,
    commenter: maskCommenter(c),
    source: c.source === 'event' ? 'event' : 'online',
    content: c.content,
    createdAt: c.createdAt,
    decision: withDecision ? (c.decision as Decision | null) : null,
    reason: withDecision ? c.decisionReason : '',
  };
}

/** A draft's public fields. */
export function presentDraft(d: DraftRow, department: string) {
  return { id: d.id, title: d.title, kind: d.kind, department, summary: d.summary, contact: d.contact, url: `/consultations/${d.id}` };
}

/** A round's public fields. */
export function presentRound(draftId: number, r: RoundRow, state: RoundState) {
  return {
    seq: r.seq,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    state,
    shortenedReason: r.shortenedReason,
    changeNote: r.changeNote,
    reportPublishedAt: r.reportPublishedAt,
    reportUrl: r.reportPublishedAt ? `/consultations/${draftId}/rounds/${r.seq}/report` : null,
  };
}
