import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { Locale } from '../../platform/i18n/index.js';
import { departmentName, findDepartmentById } from '../departments/index.js';
import * as repo from './consultations.repository.js';
import { daysRemaining, roundState, type RoundState } from './consultations.rules.js';
import { diffText, formerNumbers, type DiffPart } from './consultations.articles.js';
import { presentPublicComment, type PublicComment } from './consultations.presenter.js';
import { publicRound } from './consultations.comments.js';
import { buildReport } from './consultations.report.js';
import { loadRoundForStaff } from './consultations.service.js';
import type { CurrentUser } from '../../http/context.js';
import { enterpriseForUser } from '../enterprises/index.js';

// What the public pages read: the list of consultations, one draft with a round's articles and the
// published comments under each, and the per-article comparison between a round and the one before.

/** A draft in the public list. */
export interface ListedDraft {
  id: number;
  title: string;
  kind: string;
  seq: number;
  opensOn: string;
  closesOn: string;
  state: RoundState;
  daysLeft: number;
}

/** The public list: open now (closing soonest first), upcoming, and closed. */
export async function listPublic(db: Executor, today: string) {
  const rows = await repo.publishedDraftsWithLatestRound(db);
  const listed: ListedDraft[] = rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, seq: r.seq, opensOn: r.opensOn, closesOn: r.closesOn, state: roundState(r, today), daysLeft: daysRemaining(r.closesOn, today) }));
  return {
    open: listed.filter((d) => d.state === 'open').sort((a, b) => a.closesOn.localeCompare(b.closesOn)),
    upcoming: listed.filter((d) => d.state === 'upcoming'),
    closed: listed.filter((d) => d.state === 'closed' || d.state === 'reported'),
  };
}

/** An article on the public page, with its former numbers, its published comments and those on it in earlier rounds. */
export interface PublicArticle {
  id: number;
  number: number;
  chapter: string;
  heading: string;
  body: string;
  former: number[];
  comments: PublicComment[];
  earlierComments: number;
}

/** A round with its state and how many comments it drew, for the list of rounds. */
export interface RoundSummary {
  round: repo.RoundRow;
  state: RoundState;
  comments: number;
}

/** One draft for the public: its rounds, and round `seq` (default the latest) with its articles and comments. */
export async function publicDraft(db: Executor, draftId: number, seq: number | undefined, today: string, locale: Locale) {
  const draft = await repo.findDraft(db, draftId);
  const rounds = draft?.status === 'published' ? await repo.roundsOf(db, draftId) : [];
  const round = seq === undefined ? rounds.at(-1) : rounds.find((r) => r.seq === seq);
  if (!draft || !round) {
    throw new AppError('not_found');
  }
  const dept = await findDepartmentById(db, draft.departmentId);
  const counts = await repo.commentCounts(db, rounds.map((r) => r.id));
  const summaries: RoundSummary[] = rounds.map((r) => ({ round: r, state: roundState(r, today), comments: counts.filter((c) => c.roundId === r.id && c.status === 'published').reduce((s, c) => s + Number(c.n), 0) }));
  const state = roundState(round, today);
  const [articles, all, comments] = await Promise.all([repo.articlesOf(db, round.id), repo.articlesOfDraft(db, draftId), repo.commentsOf(db, rounds.map((r) => r.id), ['published'])]);
  const numberOf = new Map(all.map((a) => [a.id, a.number]));
  const lineageOf = new Map(all.map((a) => [a.id, a.lineage]));
  const seqOfRound = new Map(rounds.map((r) => [r.id, r.seq]));
  const showDecision = state === 'reported';
  const list: PublicArticle[] = articles.map((a) => {
    const fromIds = JSON.parse(a.fromIds) as number[];
    const lineages = new Set([a.lineage, ...fromIds.map((id) => lineageOf.get(id))]);
    return {
      id: a.id,
      number: a.number,
      chapter: a.chapter,
      heading: a.heading,
      body: a.body,
      former: formerNumbers({ number: a.number, fromIds }, numberOf),
      comments: comments.filter((c) => c.articleId === a.id).map((c) => presentPublicComment(c, showDecision)),
      earlierComments: comments.filter((c) => c.articleId !== null && (seqOfRound.get(c.roundId) ?? 0) < round.seq && lineages.has(lineageOf.get(c.articleId))).length,
    };
  });
  return {
    draft,
    department: dept ? departmentName(dept, locale) : '',
    rounds: summaries,
    round,
    state,
    daysLeft: daysRemaining(round.closesOn, today),
    articles: list,
    general: comments.filter((c) => c.roundId === round.id && c.articleId === null).map((c) => presentPublicComment(c, showDecision)),
  };
}

/** One row of the comparison: an article of this round and what it continues from the previous one. */
export interface DiffRow {
  number: number | null;
  heading: string;
  former: Array<{ number: number; heading: string }>;
  kind: 'same' | 'changed' | 'added' | 'merged' | 'removed';
  parts: DiffPart[];
}

/** The per-article comparison of round `seq` with the round before it. */
export async function roundDiff(db: Executor, draftId: number, seq: number) {
  const { draft, round } = await publicRound(db, draftId, seq);
  const prev = (await repo.roundsOf(db, draftId)).find((r) => r.seq === seq - 1);
  if (!prev) {
    throw new AppError('not_found');
  }
  const [now, before] = await Promise.all([repo.articlesOf(db, round.id), repo.articlesOf(db, prev.id)]);
  const prevById = new Map(before.map((a) => [a.id, a]));
  const continued = new Set<number>();
  const rows: DiffRow[] = now.map((a) => {
    const from = (JSON.parse(a.fromIds) as number[]).map((id) => prevById.get(id)).filter((x): x is repo.ArticleRow => x !== undefined);
    from.forEach((f) => continued.add(f.id));
    const oldText = from.map((f) => f.body).join('\n');
    const kind = from.length === 0 ? 'added' : from.length > 1 ? 'merged' : oldText === a.body ? 'same' : 'changed';
    return { number: a.number, heading: a.heading, former: from.map((f) => ({ number: f.number, heading: f.heading })), kind, parts: kind === 'added' ? [{ op: 'insert', text: a.body }] : diffText(oldText, a.body) };
  });
  for (const b of before) {
    if (!continued.has(b.id)) {
      rows.push({ number: null, heading: b.heading, former: [{ number: b.number, heading: b.heading }], kind: 'removed', parts: [{ op: 'delete', text: b.body }] });
    }
  }
  return { draft, round, prev, rows };
}

/** A round and its draft with the drafting department's name, for the report pages. */
async function reportContext(db: Executor, draft: repo.DraftRow, round: repo.RoundRow, locale: Locale) {
  const dept = await findDepartmentById(db, draft.departmentId);
  return { data: { draft, round, department: dept ? departmentName(dept, locale) : '' }, report: await buildReport(db, round.id) };
}

/** A round's published adoption report, or not found. */
export async function publicReport(db: Executor, draftId: number, seq: number, locale: Locale) {
  const { draft, round } = await publicRound(db, draftId, seq);
  if (!round.reportPublishedAt) {
    throw new AppError('not_found');
  }
  return reportContext(db, draft, round, locale);
}

/** A round's report for staff of its department, before or after it is published. */
export async function staffReport(db: Executor, user: CurrentUser | null, roundId: number, locale: Locale) {
  const { draft, round } = await loadRoundForStaff(db, user, roundId);
  return reportContext(db, draft, round, locale);
}

/** What the comment form needs: the open round, and the enterprise the commenter signs in as (shown by its name). */
export async function commentFormData(db: Executor, user: CurrentUser | null, draftId: number, seq: number, today: string, locale: Locale) {
  const data = await publicDraft(db, draftId, seq, today, locale);
  if (data.state !== 'open') {
    throw new AppError('invalid_state', {}, [], 'consultations.round.not_open');
  }
  const enterprise = user?.role === 'enterprise' ? await enterpriseForUser(db, user) : undefined;
  return { data, enterpriseName: enterprise?.name };
}
