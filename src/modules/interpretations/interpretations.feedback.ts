import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { nowIso } from '../../platform/clock.js';
import { requireRole } from '../accounts/index.js';
import { policyBriefs } from '../policies/index.js';
import * as repo from './interpretations.repository.js';
import { PREFERRED_FORMS, RESPONDENT_TYPES, type FeedbackInput, type SurveyInput } from './interpretations.schema.js';

// The public's answers are not staff writes, so they are not audited; they hold no IP address either.

/** Records a reader's vote on a published interpretation. */
export async function recordFeedback(trx: Executor, user: CurrentUser | null, interpretationId: number, input: FeedbackInput): Promise<number> {
  const i = await repo.findById(trx, interpretationId);
  if (!i || i.status !== 'published') {
    throw new AppError('not_found');
  }
  return repo.insertFeedback(trx, { interpretationId, helpful: input.helpful === 'yes' ? 1 : 0, comment: input.comment ?? '', userId: user?.id ?? null, createdAt: nowIso() });
}

/** Records one answer to the form-preference survey. */
export async function recordSurvey(trx: Executor, input: SurveyInput, at = nowIso()): Promise<number> {
  return repo.insertSurvey(trx, {
    respondentType: input.respondentType,
    preferredForm: input.preferredForm,
    graphicNecessary: input.graphicNecessary === undefined ? null : input.graphicNecessary === 'yes' ? 1 : 0,
    createdAt: at,
  });
}

/** A share as a percentage with one decimal (0 when there is nothing to divide). */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

/** One interpretation's votes. */
export interface HelpfulnessRow {
  id: number;
  title: string;
  form: string;
  policyId: number;
  policyTitle: string;
  yes: number;
  no: number;
  total: number;
  yesPercent: number;
}

/**
 * The feedback results for staff: helpful votes per interpretation (their departments' only, except the
 * general office), the latest comments, and the citywide survey distribution by respondent type.
 */
export async function feedbackSummary(db: Executor, user: CurrentUser | null, sort: 'votes' | 'least_helpful' = 'votes') {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const scope = u.role === 'admin' ? null : u.departmentIds;
  const [counts, comments, survey] = await Promise.all([repo.feedbackCounts(db, scope), repo.latestComments(db, scope, 20), repo.surveyCounts(db)]);
  const titles = new Map((await policyBriefs(db, [...new Set(counts.map((c) => c.policyId))])).map((p) => [p.id, p.title]));
  const helpfulness: HelpfulnessRow[] = counts.map((c) => ({
    id: c.id,
    title: c.title,
    form: c.form,
    policyId: c.policyId,
    policyTitle: titles.get(c.policyId) ?? '',
    yes: c.yes,
    no: c.total - c.yes,
    total: c.total,
    yesPercent: percent(c.yes, c.total),
  }));
  helpfulness.sort((a, b) => (sort === 'least_helpful' ? a.yesPercent - b.yesPercent || b.total - a.total : b.total - a.total || b.yesPercent - a.yesPercent) || a.id - b.id);
  const groups = RESPONDENT_TYPES.map((type) => {
    const rows = survey.forms.filter((r) => r.respondentType === type);
    const total = rows.reduce((s, r) => s + r.n, 0);
    const g = survey.graphic.filter((r) => r.respondentType === type);
    const yes = g.find((r) => r.graphicNecessary === 1)?.n ?? 0;
    const no = g.find((r) => r.graphicNecessary === 0)?.n ?? 0;
    return {
      respondentType: type,
      total,
      forms: PREFERRED_FORMS.map((form) => {
        const n = rows.find((r) => r.preferredForm === form)?.n ?? 0;
        return { form, count: n, percent: percent(n, total) };
      }),
      graphicNecessary: { yes, no, yesPercent: percent(yes, yes + no) },
    };
  });
  return {
    helpfulness,
    comments: comments.map((c) => ({ id: c.id, interpretationId: c.interpretationId, title: c.title, helpful: c.helpful === 1, comment: c.comment, createdAt: c.createdAt })),
    survey: { total: groups.reduce((s, g) => s + g.total, 0), groups },
  };
}
export type FeedbackSummary = Awaited<ReturnType<typeof feedbackSummary>>;
