import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import * as repo from './consultations.repository.js';
import { requireDraftDepartment } from './consultations.policy.js';
import { checkPeriod, roundState, type DraftKind } from './consultations.rules.js';
import { carryOver, deleteArticle, insertArticle, mergeWithNext, moveArticle, newLineage, splitArticle, splitText, type DraftArticle } from './consultations.articles.js';
import type { ArticleInput, ArticleOp, DraftInput, PeriodInput, RoundInput } from './consultations.schema.js';

// Drafts, rounds and their articles. A round's text can change only while it is the latest round,
// has not opened and has no comments: once the public can read it, it is what they commented on.

/** A draft, or not found. */
export async function loadDraft(db: Executor, id: number): Promise<repo.DraftRow> {
  const d = await repo.findDraft(db, id);
  if (!d) {
    throw new AppError('not_found');
  }
  return d;
}

/** A round with its draft, the user authorised for the draft's department. */
export async function loadRoundForStaff(db: Executor, user: CurrentUser | null, roundId: number) {
  const round = await repo.findRound(db, roundId);
  if (!round) {
    throw new AppError('not_found');
  }
  const draft = await loadDraft(db, round.draftId);
  requireDraftDepartment(user, draft.departmentId);
  return { round, draft };
}

/** Creates a draft in a department the user may act in. */
export async function createDraft(trx: Executor, actor: Actor, user: CurrentUser | null, input: DraftInput): Promise<number> {
  requireDraftDepartment(user, input.departmentId);
  const now = nowIso();
  const row = { departmentId: input.departmentId, title: input.title, kind: input.kind, summary: input.summary ?? '', contact: input.contact ?? '', status: input.status };
  const id = await repo.insertDraft(trx, { ...row, createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'consultation_draft.create', entityType: 'consultation_draft', entityId: id, after: row });
  return id;
}

/** Changes a draft's details (moving it needs the right to act in both departments). */
export async function updateDraft(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: DraftInput): Promise<void> {
  const d = await loadDraft(trx, id);
  requireDraftDepartment(user, d.departmentId);
  requireDraftDepartment(user, input.departmentId);
  const row = { departmentId: input.departmentId, title: input.title, kind: input.kind, summary: input.summary ?? '', contact: input.contact ?? '', status: input.status };
  await repo.updateDraft(trx, id, { ...row, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'consultation_draft.update', entityType: 'consultation_draft', entityId: id, before: { title: d.title, kind: d.kind, status: d.status, departmentId: d.departmentId }, after: row });
}

function assertPeriod(kind: string, input: { opensOn: string; closesOn: string; shortenedReason?: string | undefined }) {
  const c = checkPeriod(kind as DraftKind, input.opensOn, input.closesOn, input.shortenedReason ?? '');
  if (!c.ok) {
    throw fieldError(c.field, c.key, { days: c.minimum.days, length: c.length });
  }
  return c;
}

const toRows = (list: DraftArticle[]) => list.map((a) => ({ number: a.number, chapter: a.chapter, heading: a.heading, body: a.body, lineage: a.lineage, fromIds: JSON.stringify(a.fromIds) }));

/** Rows as the editing functions see them. */
export const toDraftArticles = (rows: repo.ArticleRow[]): Array<DraftArticle & { id: number }> =>
  rows.map((a) => ({ id: a.id, number: a.number, chapter: a.chapter, heading: a.heading, body: a.body, lineage: a.lineage, fromIds: JSON.parse(a.fromIds) as number[] }));

/**
 * Pasted text as articles. For a later round, an article whose text (or heading) matches one of the
 * previous round's keeps that article's identity; the others start a lineage of their own.
 */
function articlesFromText(text: string, prev: Array<DraftArticle & { id: number }>): DraftArticle[] {
  const parts = splitText(text);
  if (parts.length === 0) {
    throw fieldError('text', 'consultations.text_no_articles');
  }
  const byBody = new Map(prev.map((a) => [a.body, a]));
  const byHeading = new Map(prev.filter((a) => a.heading).map((a) => [a.heading, a]));
  const used = new Set<number>();
  return parts.map((p, i) => {
    const match = byBody.get(p.body) ?? (p.heading ? byHeading.get(p.heading) : undefined);
    const keep = match && !used.has(match.id) ? match : undefined;
    if (keep) {
      used.add(keep.id);
    }
    return { ...p, number: i + 1, lineage: keep?.lineage ?? newLineage(), fromIds: keep ? [keep.id] : [] };
  });
}

/** Opens a new round: the period checked against the draft's kind; the text pasted, or carried over from the previous round. */
export async function createRound(trx: Executor, actor: Actor, user: CurrentUser | null, draftId: number, input: RoundInput): Promise<number> {
  const draft = await loadDraft(trx, draftId);
  requireDraftDepartment(user, draft.departmentId);
  const check = assertPeriod(draft.kind, input);
  const rounds = await repo.roundsOf(trx, draftId);
  const prev = rounds.at(-1);
  if (prev && input.opensOn <= prev.closesOn) {
    throw fieldError('opensOn', 'consultations.round.after_previous', { date: prev.closesOn });
  }
  const prevArticles = prev ? toDraftArticles(await repo.articlesOf(trx, prev.id)) : [];
  if (!prev && !input.text) {
    throw fieldError('text', 'consultations.text_required');
  }
  const articles = input.text ? articlesFromText(input.text, prevArticles) : carryOver(prevArticles);
  const now = nowIso();
  const seq = (prev?.seq ?? 0) + 1;
  const row = { draftId, seq, opensOn: input.opensOn, closesOn: input.closesOn, shortenedReason: check.shortened ? (input.shortenedReason ?? '') : '', changeNote: input.changeNote ?? '', reportPublishedAt: null, reportSummary: '' };
  const id = await repo.insertRound(trx, { ...row, createdAt: now, updatedAt: now });
  await repo.replaceArticles(trx, id, toRows(articles));
  await recordAudit(trx, actor, { action: 'consultation_round.create', entityType: 'consultation_round', entityId: id, after: { ...row, articles: articles.length } });
  return id;
}

/** The round and its draft, refusing unless its text may still change. */
async function editableRound(db: Executor, user: CurrentUser | null, roundId: number, today: string) {
  const { round, draft } = await loadRoundForStaff(db, user, roundId);
  const latest = (await repo.roundsOf(db, draft.id)).at(-1);
  if (latest?.id !== round.id || roundState(round, today) !== 'upcoming' || (await repo.roundHasComments(db, round.id))) {
    throw new AppError('invalid_state', {}, [], 'consultations.round.fixed');
  }
  return { round, draft };
}

/** Changes a round's period and note before it opens. */
export async function updatePeriod(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, input: PeriodInput, today: string): Promise<void> {
  const { round, draft } = await editableRound(trx, user, roundId, today);
  const check = assertPeriod(draft.kind, input);
  const patch = { opensOn: input.opensOn, closesOn: input.closesOn, shortenedReason: check.shortened ? (input.shortenedReason ?? '') : '', changeNote: input.changeNote ?? '' };
  await repo.updateRound(trx, roundId, { ...patch, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'consultation_round.update', entityType: 'consultation_round', entityId: roundId, before: { opensOn: round.opensOn, closesOn: round.closesOn }, after: patch });
}

/** Applies one change to the articles of a round that has not opened, renumbering them, audited. */
async function rewrite(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, today: string, what: string, change: (list: Array<DraftArticle & { id: number }>) => DraftArticle[]): Promise<void> {
  await editableRound(trx, user, roundId, today);
  const before = toDraftArticles(await repo.articlesOf(trx, roundId));
  let after: DraftArticle[];
  try {
    after = change(before);
  } catch (err) {
    if (err instanceof RangeError) {
      throw fieldError('number', 'consultations.article.bad_position');
    }
    throw err;
  }
  await repo.replaceArticles(trx, roundId, toRows(after));
  await recordAudit(trx, actor, { action: `consultation_article.${what}`, entityType: 'consultation_round', entityId: roundId, before: { articles: before.length }, after: { articles: after.length } });
}

/** A structural change: delete, merge with the next, move, or split at a phrase. */
export function changeArticles(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, op: ArticleOp, today: string): Promise<void> {
  return rewrite(trx, actor, user, roundId, today, op.op, (list) => {
    switch (op.op) {
      case 'delete':
        return deleteArticle(list, op.number);
      case 'merge':
        return mergeWithNext(list, op.number);
      case 'move':
        return moveArticle(list, op.number, op.to);
      case 'split': {
        const at = list[op.number - 1]?.body.indexOf(op.splitAt) ?? -1;
        if (at <= 0) {
          throw fieldError('splitAt', 'consultations.article.split_not_found');
        }
        return splitArticle(list, op.number, at);
      }
    }
  });
}

/** Inserts a new article after a position. */
export function addArticle(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, input: ArticleInput & { after: number }, today: string): Promise<void> {
  return rewrite(trx, actor, user, roundId, today, 'insert', (list) => insertArticle(list, input.after, { chapter: input.chapter, heading: input.heading ?? '', body: input.body }));
}

/** Replaces the round's text with a pasted one (identity kept where an article's text matches the previous round). */
export async function pasteText(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, text: string, today: string): Promise<void> {
  const { round } = await editableRound(trx, user, roundId, today);
  const rounds = await repo.roundsOf(trx, round.draftId);
  const prev = rounds.find((r) => r.seq === round.seq - 1);
  const prevArticles = prev ? toDraftArticles(await repo.articlesOf(trx, prev.id)) : [];
  const articles = articlesFromText(text, prevArticles);
  await rewrite(trx, actor, user, roundId, today, 'paste', () => articles);
}

/** Edits one article's chapter, heading and text. */
export async function editArticle(trx: Executor, actor: Actor, user: CurrentUser | null, roundId: number, number: number, input: ArticleInput, today: string): Promise<void> {
  await editableRound(trx, user, roundId, today);
  const a = (await repo.articlesOf(trx, roundId)).find((x) => x.number === number);
  if (!a) {
    throw new AppError('not_found');
  }
  const patch = { chapter: input.chapter ?? '', heading: input.heading ?? '', body: input.body };
  await repo.updateArticle(trx, a.id, patch);
  await recordAudit(trx, actor, { action: 'consultation_article.edit', entityType: 'consultation_article', entityId: a.id, before: { heading: a.heading, body: a.body }, after: patch });
}
