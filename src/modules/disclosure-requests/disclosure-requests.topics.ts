import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
// The portal module's index does not export its article workflow yet; see the report.
import { approveArticle, createArticle, getArticleForStaff, submitArticle } from '../portal/index.js';
import * as repo from './disclosure-requests.topics-repository.js';
import { clusterRequests } from './disclosure-requests.similarity.js';
import { notifyApplicants } from './disclosure-requests.notify.js';
import { agencyScope, requireAgencyStaff, requireDisclosureStaff } from './disclosure-requests.policy.js';

// From requests to proactive disclosure: what people keep asking an agency for is grouped (similar
// wording, or a topic staff assigned), counted per month, and can be published into a portal column
// in one step; earlier requesters are told, and the monthly counts show whether requests then fell.

/** A group needs this many requests to be flagged as frequently requested. */
export const FREQUENT_MIN = 5;

/** Monthly counts 'YYYY-MM' → n over the given months. */
function monthly(dates: readonly string[], months: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const d of dates) {
    counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  }
  return months.map((m) => counts.get(m) ?? 0);
}

/** The last `n` months up to and including the month of `today`, oldest first. */
export function lastMonths(today: string, n: number): string[] {
  const out: string[] = [];
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** A group of similar requests to one agency, with its monthly trend and topic if assigned. */
export interface RequestGroup {
  departmentId: number;
  keywords: string[];
  sample: string;
  requestIds: number[];
  count: number;
  perMonth: number[];
  topicId: number | null;
}

/** The topics page: frequent groups per agency and the topics with their before/after counts. */
export async function topicOverview(db: Executor, user: CurrentUser | null, today = todayInChina()) {
  const u = requireDisclosureStaff(user);
  const scope = agencyScope(u);
  const months = lastMonths(today, 12);
  const rows = await repo.requestsForGrouping(db, scope, `${months[0]}-01`);
  const byAgency = new Map<number, typeof rows>();
  for (const r of rows) {
    byAgency.set(r.departmentId, [...(byAgency.get(r.departmentId) ?? []), r]);
  }
  const groups: RequestGroup[] = [];
  for (const [departmentId, list] of byAgency) {
    for (const c of clusterRequests(list, (r) => `${r.infoName} ${r.infoDescription}`)) {
      if (c.items.length < FREQUENT_MIN) {
        continue;
      }
      const topicIds = c.items.map((i) => i.topicId).filter((x): x is number => x !== null);
      groups.push({
        departmentId,
        keywords: c.keywords,
        sample: c.items[0]?.infoName ?? '',
        requestIds: c.items.map((i) => i.id),
        count: c.items.length,
        perMonth: monthly(c.items.map((i) => i.submittedAt), months),
        topicId: topicIds.length * 2 >= c.items.length ? (topicIds[0] ?? null) : null,
      });
    }
  }
  groups.sort((a, b) => b.count - a.count);
  const topics = await Promise.all(
    (await repo.topics(db, scope)).map(async (t) => {
      const reqs = await repo.requestsOfTopic(db, t.id);
      const perMonth = monthly(reqs.map((r) => r.submittedAt), months);
      return { topic: t, count: reqs.length, perMonth, ...beforeAfter(reqs.map((r) => r.submittedAt.slice(0, 10)), t.publishedOn, today) };
    }),
  );
  return { months, groups, topics };
}

/** Average requests per month before and after publication (whole months on each side). */
export function beforeAfter(dates: readonly string[], publishedOn: string | null, today: string): { before: number | null; after: number | null } {
  if (!publishedOn) {
    return { before: null, after: null };
  }
  const pubMonth = publishedOn.slice(0, 7);
  const monthsOf = (ds: string[]) => new Set(ds.map((d) => d.slice(0, 7))).size || 1;
  const before = dates.filter((d) => d.slice(0, 7) < pubMonth);
  const after = dates.filter((d) => d.slice(0, 7) > pubMonth && d <= today);
  const afterMonths = lastMonths(today, 24).filter((m) => m > pubMonth && m <= today.slice(0, 7)).length || 1;
  const beforeMonths = Math.max(1, monthsOf(before));
  return { before: Math.round((before.length / beforeMonths) * 10) / 10, after: Math.round((after.length / afterMonths) * 10) / 10 };
}

/** What staff send to publish a group: the requests, a title and body, the portal column. */
export interface PublishInput {
  departmentId: number;
  requestIds: number[];
  title: string;
  body: string;
  columnId: number;
  columnSlug: string;
}

/**
 * Publishes frequently requested information in one step: a topic over the requests, an article in
 * the chosen portal column (created, submitted and — for the general office — approved through the
 * portal's own workflow, so review and audit stay intact), and a notice to every earlier requester.
 * An editor's article waits for a reviewer; `notifyIfPublished` then tells the requesters.
 */
export async function publishTopic(trx: Executor, actor: Actor, user: CurrentUser | null, input: PublishInput) {
  const u = requireAgencyStaff(user, input.departmentId);
  if (input.requestIds.length === 0) {
    throw fieldError('requestIds', 'validation.required');
  }
  const topicId = await repo.insertTopic(trx, { departmentId: input.departmentId, title: input.title, keywords: '', articleId: null, columnSlug: input.columnSlug, publishedOn: null, createdAt: nowIso() });
  await repo.assignTopic(trx, topicId, input.departmentId, input.requestIds);
  const articleId = await createArticle(trx, actor, u, { columnId: input.columnId, departmentId: input.departmentId, title: input.title, summary: undefined, body: input.body });
  await submitArticle(trx, actor, u, articleId);
  if (u.role === 'admin') {
    await approveArticle(trx, actor, u, articleId);
  }
  await repo.markTopicPublished(trx, topicId, articleId, input.columnSlug, null);
  await recordAudit(trx, actor, { action: 'disclosure_topic.publish', entityType: 'disclosure_topic', entityId: topicId, after: { articleId, requestIds: input.requestIds } });
  const notified = await notifyIfPublished(trx, user, topicId);
  return { topicId, articleId, notified };
}

/** Once the topic's article is published: records the day and tells the earlier requesters (once each). */
export async function notifyIfPublished(trx: Executor, user: CurrentUser | null, topicId: number): Promise<number> {
  const topic = await repo.topicById(trx, topicId);
  if (!topic || topic.articleId === null) {
    throw new AppError('not_found');
  }
  requireAgencyStaff(user, topic.departmentId);
  const { article } = await getArticleForStaff(trx, user, topic.articleId);
  if (article.lastPublishedAt === null) {
    return 0;
  }
  const publishedOn = topic.publishedOn ?? todayInChina();
  await repo.markTopicPublished(trx, topicId, topic.articleId, topic.columnSlug ?? '', publishedOn);
  const requesters = await repo.requestsOfTopic(trx, topicId);
  return notifyApplicants(trx, requesters, 'published', { title: topic.title, link: `/articles/${topic.articleId}` }, `:${topicId}`);
}
