import type { Executor } from '../../http/context.js';
import { toCsv } from '../../platform/csv.js';
import * as repo from './consultations.repository.js';
import { DECISIONS, maskCommenter, type Decision } from './consultations.rules.js';

// The adoption report of a round (采纳情况报告), built from the decisions: counts by decision and by
// article, and every comment with its source, masked commenter, decision and reason.

/** One comment as the report shows it. */
export interface ReportComment {
  id: number;
  articleNumber: number | null;
  articleHeading: string;
  source: 'online' | 'event';
  eventTitle: string;
  /** Masked name, the enterprise's name, or '' for anonymous. */
  commenter: string;
  content: string;
  decision: Decision | null;
  reason: string;
  groupId: number | null;
}

/** Decision counts of one article (or of the draft as a whole when number is null). */
export interface ArticleTally {
  number: number | null;
  heading: string;
  total: number;
  counts: Record<Decision, number>;
}

/** Everything a report page, its printable version and its CSV draw from. */
export interface RoundReport {
  total: number;
  fromEvents: number;
  counts: Record<Decision, number>;
  undecided: number;
  byArticle: ArticleTally[];
  comments: ReportComment[];
  events: repo.EventRow[];
}

const zero = (): Record<Decision, number> => ({ adopted: 0, partly: 0, not_adopted: 0 });

/** Builds a round's report from its published comments and their decisions. */
export async function buildReport(db: Executor, roundId: number): Promise<RoundReport> {
  const [articles, comments, events] = await Promise.all([repo.articlesOf(db, roundId), repo.commentsOf(db, [roundId], ['published']), repo.eventsOf(db, roundId)]);
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  const counts = zero();
  const tallies = new Map<number | null, ArticleTally>();
  const out: ReportComment[] = [];
  for (const c of comments) {
    const a = c.articleId === null ? undefined : articleById.get(c.articleId);
    const key = a?.number ?? null;
    const tally = tallies.get(key) ?? { number: key, heading: a?.heading ?? '', total: 0, counts: zero() };
    tallies.set(key, tally);
    tally.total += 1;
    const decision = (DECISIONS as readonly string[]).includes(c.decision ?? '') ? (c.decision as Decision) : null;
    if (decision) {
      counts[decision] += 1;
      tally.counts[decision] += 1;
    }
    out.push({
      id: c.id,
      articleNumber: key,
      articleHeading: a?.heading ?? '',
      source: c.source === 'event' ? 'event' : 'online',
      eventTitle: c.eventId === null ? '' : (eventById.get(c.eventId)?.title ?? ''),
      commenter: maskCommenter(c),
      content: c.content,
      decision,
      reason: c.decisionReason,
      groupId: c.groupId,
    });
  }
  out.sort((x, y) => (x.articleNumber ?? 0) - (y.articleNumber ?? 0) || x.id - y.id);
  const byArticle = [...tallies.values()].sort((x, y) => (x.number ?? 0) - (y.number ?? 0));
  const decided = counts.adopted + counts.partly + counts.not_adopted;
  return { total: comments.length, fromEvents: out.filter((c) => c.source === 'event').length, counts, undecided: comments.length - decided, byArticle, comments: out, events };
}

/** The report as CSV, one row per comment; labels come from the caller's language. */
export function reportCsv(r: RoundReport, t: (key: string) => string): string {
  const header = ['id', t('consultations.csv.article'), t('consultations.csv.source'), t('consultations.csv.commenter'), t('consultations.csv.content'), t('consultations.csv.decision'), t('consultations.csv.reason'), t('consultations.csv.group')];
  const rows = r.comments.map((c) => [
    c.id,
    c.articleNumber === null ? t('consultations.whole_draft') : c.articleNumber,
    c.source === 'event' ? c.eventTitle : t('consultations.source.online'),
    c.commenter || t('consultations.anonymous'),
    c.content,
    c.decision ? t(`consultations.decision.${c.decision}`) : '',
    c.reason,
    c.groupId ?? '',
  ]);
  return toCsv([header, ...rows]);
}
