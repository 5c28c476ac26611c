import type { PolicyBrief } from '../policies/index.js';
import type { DialoguePhase } from './dialogues.phase.js';
import type { DialogueRow, GuestRow, QuestionRow } from './dialogues.repository.js';

/** A question as the public sees it: never the contact, the moderator or a rejection. */
export function presentPublicQuestion(q: QuestionRow) {
  return {
    id: q.id,
    askerName: q.askerName,
    body: q.body,
    submittedAt: q.submittedAt,
    status: q.status === 'answered' ? ('answered' as const) : ('approved' as const),
    answer: q.status === 'answered' ? { text: q.answer, guestName: q.answeredByName, guestPost: q.answeredByPost, answeredAt: q.answeredAt } : null,
  };
}

/** A dialogue in the public list. */
export function presentListItem(d: { id: number; departmentId: number; topic: string; summary: string; startsAt: string; endsAt: string; phase: DialoguePhase; guests: GuestRow[] }) {
  return {
    id: d.id,
    departmentId: d.departmentId,
    topic: d.topic,
    summary: d.summary,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    phase: d.phase,
    guests: d.guests.map((g) => ({ name: g.name, post: g.post })),
    url: `/dialogues/${d.id}`,
  };
}

/** A dialogue's public detail: the transcript and replay only once it has ended. */
export function presentPublicDialogue(data: { dialogue: DialogueRow; guests: GuestRow[]; policies: PolicyBrief[]; questions: QuestionRow[]; phase: DialoguePhase }) {
  const d = data.dialogue;
  const archived = data.phase === 'archived';
  return {
    id: d.id,
    departmentId: d.departmentId,
    topic: d.topic,
    description: d.description,
    summary: d.summary,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    phase: data.phase,
    acceptsQuestions: !archived,
    videoUrl: d.videoUrl || null,
    replayUrl: archived && d.replayUrl ? d.replayUrl : null,
    transcript: archived ? d.transcript : null,
    guests: data.guests.map((g) => ({ name: g.name, post: g.post })),
    policies: data.policies.map((p) => ({ id: p.id, indexNo: p.indexNo, title: p.title, docNumber: p.docNumber, url: `/policies/${p.id}` })),
    questions: data.questions.map(presentPublicQuestion),
  };
}
