import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { enterpriseForUser } from '../enterprises/index.js';
import * as repo from './consultations.repository.js';
import { loadDraft, loadRoundForStaff } from './consultations.service.js';
import { decisionNeedsReason, roundState } from './consultations.rules.js';
import type { CommentInput, DecisionInput, EventInput, EventSuggestionInput, RejectInput } from './consultations.schema.js';

// Comments from the public, moderation, decisions (alone or as a group of similar comments), the
// organised events whose suggestions join the same pipeline, and publishing a round's adoption report.

/** The round `seq` of a published draft, or not found. */
export async function publicRound(db: Executor, draftId: number, seq: number) {
  const draft = await loadDraft(db, draftId);
  const round = (await repo.roundsOf(db, draftId)).find((r) => r.seq === seq);
  if (draft.status !== 'published' || !round) {
    throw new AppError('not_found');
  }
  return { draft, round };
}

/**
 * Someone comments on an article (or the draft as a whole) while the round is open. Anyone may, signed
 * in or not; a signed-in enterprise is shown by its registered name; a person by a masked name if given.
 */
export async function submitComment(trx: Executor, user: CurrentUser | null, draftId: number, seq: number, input: CommentInput, today: string): Promise<{ id: number }> {
  const { round } = await publicRound(trx, draftId, seq);
  if (roundState(round, today) !== 'open') {
    throw new AppError('invalid_state', {}, [], 'consultations.round.not_open');
  }
  if (input.articleId !== undefined && !(await repo.articlesOf(trx, round.id)).some((a) => a.id === input.articleId)) {
    throw fieldError('articleId', 'validation.choice');
  }
  const enterprise = user?.role === 'enterprise' ? await enterpriseForUser(trx, user) : undefined;
  const [id] = await repo.insertComments(trx, [
    {
      roundId: round.id,
      articleId: input.articleId ?? null,
      source: 'online',
      eventId: null,
      userId: user?.id ?? null,
      enterpriseName: enterprise?.name ?? '',
      commenterName: input.commenterName ?? (user && !enterprise ? user.displayName : ''),
      contact: input.contact ?? '',
      content: input.content,
      status: 'pending',
      rejectKind: null,
      rejectReason: '',
      moderatedAt: null,
      groupId: null,
      decision: null,
      decisionReason: '',
      decidedAt: null,
      createdAt: nowIso(),
    },
  ]);
  return { id: id! };
}

/** Loads comments of one round for staff of its draft's department; all ids must exist and share the round. */
async function staffComments(db: Executor, user: CurrentUser | null, ids: number[]) {
  const rows = await repo.commentsByIds(db, [...new Set(ids)]);
  const roundId = rows[0]?.roundId;
  if (rows.length !== new Set(ids).size || roundId === undefined || rows.some((c) => c.roundId !== roundId)) {
    throw new AppError('not_found');
  }
  const { round, draft } = await loadRoundForStaff(db, user, roundId);
  return { rows, round, draft };
}

/** Publishes pending comments (moderation passed): they appear under their article. Returns their round's id. */
export async function publishComments(trx: Executor, actor: Actor, user: CurrentUser | null, ids: number[]): Promise<number> {
  const { rows, round } = await staffComments(trx, user, ids);
  if ((await repo.updateCommentsIf(trx, ids, ['pending'], { status: 'published', moderatedAt: nowIso() })) !== rows.length) {
    throw new AppError('invalid_state');
  }
  for (const c of rows) {
    await recordAudit(trx, actor, { action: 'consultation_comment.publish', entityType: 'consultation_comment', entityId: c.id, before: { status: c.status }, after: { status: 'published' } });
  }
  return round.id;
}

/** Rejects a pending comment as spam or off-topic, with a reason; it never appears and needs no decision. Returns its round's id. */
export async function rejectComment(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: RejectInput): Promise<number> {
  const { rows, round } = await staffComments(trx, user, [id]);
  const patch = { status: 'rejected', rejectKind: input.kind, rejectReason: input.reason, moderatedAt: nowIso() };
  if ((await repo.updateCommentsIf(trx, [id], ['pending'], patch)) !== 1) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, { action: 'consultation_comment.reject', entityType: 'consultation_comment', entityId: id, before: { status: rows[0]!.status }, after: patch });
  return round.id;
}

/**
 * Decides published comments: one alone, or several similar ones answered together (grouped under the
 * first). A reason is required unless adopted. A round whose report is published is final.
 */
export async function decideComments(trx: Executor, actor: Actor, user: CurrentUser | null, input: DecisionInput): Promise<void> {
  const { rows, round } = await staffComments(trx, user, input.ids);
  if (decisionNeedsReason(input.decision) && !input.reason) {
    throw fieldError('reason', 'consultations.decision.reason_required');
  }
  if (round.reportPublishedAt) {
    throw new AppError('invalid_state', {}, [], 'consultations.report.already_published');
  }
  const ids = rows.map((c) => c.id);
  const patch = { decision: input.decision, decisionReason: input.reason ?? '', decidedAt: nowIso(), groupId: ids.length > 1 ? Math.min(...ids) : null };
  if ((await repo.updateCommentsIf(trx, ids, ['published'], patch)) !== ids.length) {
    throw fieldError('ids', 'consultations.decision.only_published');
  }
  for (const c of rows) {
    await recordAudit(trx, actor, { action: 'consultation_comment.decide', entityType: 'consultation_comment', entityId: c.id, before: { decision: c.decision, decisionReason: c.decisionReason }, after: patch });
  }
}

/** Records an organised event (symposium, hearing …) within a round. */
export async function createEvent(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, input: EventInput): Promise<number> {
  await loadRoundForStaff(trx, user, roundId);
  const row = { roundId, kind: input.kind, title: input.title, heldOn: input.heldOn, participants: input.participants ?? '' };
  const id = await repo.insertEvent(trx, { ...row, createdAt: nowIso() });
  await recordAudit(trx, actor, { action: 'consultation_event.create', entityType: 'consultation_event', entityId: id, after: row });
  return id;
}

/** Enters a suggestion raised at an event against an article; it is published at once and awaits its decision. */
export async function addEventSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, eventId: number, input: EventSuggestionInput): Promise<number> {
  const event = await repo.findEvent(trx, eventId);
  if (!event) {
    throw new AppError('not_found');
  }
  const { round } = await loadRoundForStaff(trx, user, event.roundId);
  if (round.reportPublishedAt) {
    throw new AppError('invalid_state', {}, [], 'consultations.report.already_published');
  }
  if (input.articleId !== undefined && !(await repo.articlesOf(trx, round.id)).some((a) => a.id === input.articleId)) {
    throw fieldError('articleId', 'validation.choice');
  }
  const now = nowIso();
  const row = { roundId: round.id, articleId: input.articleId ?? null, source: 'event', eventId, userId: null, enterpriseName: '', commenterName: input.commenterName ?? '', contact: '', content: input.content, status: 'published' };
  const [id] = await repo.insertComments(trx, [{ ...row, rejectKind: null, rejectReason: '', moderatedAt: now, groupId: null, decision: null, decisionReason: '', decidedAt: null, createdAt: now }]);
  await recordAudit(trx, actor, { action: 'consultation_comment.from_event', entityType: 'consultation_comment', entityId: id!, after: row });
  return id!;
}

/**
 * Publishes a round's adoption report: only once the round has closed, nothing awaits moderation and
 * every published comment has its decision (the message says how many are left).
 */
export async function publishReport(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, summary: string, today: string): Promise<void> {
  const { round } = await loadRoundForStaff(trx, user, roundId);
  const state = roundState(round, today);
  if (state === 'reported') {
    throw new AppError('invalid_state', {}, [], 'consultations.report.already_published');
  }
  if (state !== 'closed') {
    throw fieldError('summary', 'consultations.report.not_closed', { date: round.closesOn });
  }
  const comments = await repo.commentsOf(trx, [round.id], ['pending', 'published']);
  const pending = comments.filter((c) => c.status === 'pending').length;
  const undecided = comments.filter((c) => c.status === 'published' && c.decision === null).length;
  if (pending + undecided > 0) {
    throw fieldError('summary', 'consultations.report.undecided', { pending, undecided });
  }
  const at = nowIso();
  await repo.updateRound(trx, roundId, { reportPublishedAt: at, reportSummary: summary, updatedAt: at });
  await recordAudit(trx, actor, { action: 'consultation_round.publish_report', entityType: 'consultation_round', entityId: roundId, after: { reportPublishedAt: at, comments: comments.length } });
}
