import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import * as repo from './consultations.repository.js';
import { draftScope, requireConsultationStaff, requireDraftDepartment } from './consultations.policy.js';
import { loadDraft, loadRoundForStaff, toDraftArticles } from './consultations.service.js';
import { formerNumbers } from './consultations.articles.js';
import { roundState, type RoundState } from './consultations.rules.js';

// What the staff pages read: the drafts a member of staff may run, one draft with its rounds and
// queue counts, and one round with its articles, events, moderation and decision queues.

/** Queue counts of a round: awaiting moderation, published without a decision, decided, rejected. */
export interface QueueCounts {
  pending: number;
  undecided: number;
  decided: number;
  rejected: number;
}

function tally(rows: Awaited<ReturnType<typeof repo.commentCounts>>, roundId: number): QueueCounts {
  const out: QueueCounts = { pending: 0, undecided: 0, decided: 0, rejected: 0 };
  for (const r of rows.filter((x) => x.roundId === roundId)) {
    const n = Number(r.n);
    if (r.status === 'pending') {
      out.pending += n;
    } else if (r.status === 'rejected') {
      out.rejected += n;
    } else {
      out.decided += Number(r.decided);
      out.undecided += n - Number(r.decided);
    }
  }
  return out;
}

/** The drafts a member of staff may run. */
export async function listDraftsForStaff(db: Executor, user: CurrentUser | null) {
  const u = requireConsultationStaff(user);
  return repo.listDrafts(db, draftScope(u));
}

/** One draft for staff: its rounds with their state and queue counts. */
export async function draftForStaff(db: Executor, user: CurrentUser | null, id: number, today: string) {
  const draft = await loadDraft(db, id);
  requireDraftDepartment(user, draft.departmentId);
  const rounds = await repo.roundsOf(db, id);
  const counts = await repo.commentCounts(db, rounds.map((r) => r.id));
  return { draft, rounds: rounds.map((r) => ({ round: r, state: roundState(r, today), counts: tally(counts, r.id) })) };
}

/** One round for staff: articles (with former numbers), events, and the comments in each queue. */
export async function roundForStaff(db: Executor, user: CurrentUser | null, roundId: number, today: string) {
  const { round, draft } = await loadRoundForStaff(db, user, roundId);
  const rounds = await repo.roundsOf(db, draft.id);
  const prev = rounds.find((r) => r.seq === round.seq - 1);
  const [rows, prevRows, events, comments] = await Promise.all([repo.articlesOf(db, round.id), prev ? repo.articlesOf(db, prev.id) : [], repo.eventsOf(db, round.id), repo.commentsOf(db, [round.id])]);
  const prevNumber = new Map(prevRows.map((a) => [a.id, a.number]));
  const articles = toDraftArticles(rows).map((a) => ({ ...a, former: formerNumbers(a, prevNumber) }));
  const state: RoundState = roundState(round, today);
  const editable = rounds.at(-1)?.id === round.id && state === 'upcoming' && comments.length === 0;
  const counts: QueueCounts = {
    pending: comments.filter((c) => c.status === 'pending').length,
    undecided: comments.filter((c) => c.status === 'published' && c.decision === null).length,
    decided: comments.filter((c) => c.status === 'published' && c.decision !== null).length,
    rejected: comments.filter((c) => c.status === 'rejected').length,
  };
  return { draft, round, state, editable, articles, events, comments, counts };
}

/** One comment for staff of its round's department, with its round's page data. */
export async function commentForStaff(db: Executor, user: CurrentUser | null, id: number, today: string) {
  const [comment] = await repo.commentsByIds(db, [id]);
  if (!comment) {
    throw new AppError('not_found');
  }
  return { comment, data: await roundForStaff(db, user, comment.roundId, today) };
}

/** One organised event for staff of its round's department, with its round's page data. */
export async function eventForStaff(db: Executor, user: CurrentUser | null, id: number, today: string) {
  const event = await repo.findEvent(db, id);
  if (!event) {
    throw new AppError('not_found');
  }
  return { event, data: await roundForStaff(db, user, event.roundId, today) };
}
