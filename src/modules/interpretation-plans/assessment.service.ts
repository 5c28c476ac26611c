import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { recordAudit } from '../../platform/audit/index.js';
import { todayInChina } from '../../platform/clock.js';
import type { Locale } from '../../platform/i18n/index.js';
import { requireRole } from '../accounts/index.js';
import { departmentName, listAllDepartments } from '../departments/index.js';
import { INTERPRETATION_REQUIRED_CATEGORIES, publishedPolicyBriefs } from '../policies/index.js';
import { firstInterpretationDates } from '../interpretations/index.js';
import * as repo from './interpretation-plans.repository.js';
import type { AssessmentFilter } from './interpretation-plans.schema.js';
import { allowedWorkingDays, scopeOf } from './interpretation-plans.service.js';
import { assessPolicy, emptyCounts, score, type Verdict, type VerdictCounts } from './interpretation-plans.status.js';

/** One assessed policy. */
export interface AssessedPolicy {
  policyId: number;
  indexNo: string;
  title: string;
  docNumber: string;
  departmentId: number;
  department: string;
  category: string;
  publishedOn: string;
  firstInterpretationOn: string | null;
  deadline: string;
  verdict: Verdict;
  lateBy: number;
}

/** One department's line of the assessment. */
export interface DepartmentScore extends VerdictCounts {
  departmentId: number;
  department: string;
  score: number | null;
}

/** The whole assessment for a period. */
export interface Assessment {
  from: string;
  to: string;
  allowed: number;
  generatedAt: string;
  policies: AssessedPolicy[];
  departments: DepartmentScore[];
  totals: DepartmentScore;
}

/** The period asked for, or this year (Beijing time). */
export function periodOf(f: AssessmentFilter, today = todayInChina()): { from: string; to: string } {
  const y = today.slice(0, 4);
  return { from: f.from ?? `${y}-01-01`, to: f.to ?? `${y}-12-31` };
}

/**
 * The assessment (解读考核): every published policy of an interpretation-required category in the
 * period, judged against its first interpretation; department staff see their own departments.
 */
export async function assess(db: Executor, user: CurrentUser | null, f: AssessmentFilter, locale: Locale, today = todayInChina()): Promise<Assessment> {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const scope = scopeOf(u);
  const departmentIds = f.departmentId !== undefined ? (scope && !scope.includes(f.departmentId) ? [] : [f.departmentId]) : scope;
  const { from, to } = periodOf(f, today);
  const allowed = await allowedWorkingDays(db);
  const briefs = (await publishedPolicyBriefs(db, { departmentIds, from, to, categories: INTERPRETATION_REQUIRED_CATEGORIES })).filter((p) => p.publishedOn);
  const firsts = await firstInterpretationDates(db, briefs.map((p) => p.id));
  const names = new Map((await listAllDepartments(db)).map((d) => [d.id, departmentName(d, locale)]));
  const policies = briefs.map((p): AssessedPolicy => {
    const first = firsts.get(p.id) ?? null;
    const v = assessPolicy(p.publishedOn!, first, today, allowed);
    return { policyId: p.id, indexNo: p.indexNo, title: p.title, docNumber: p.docNumber, departmentId: p.departmentId, department: names.get(p.departmentId) ?? String(p.departmentId), category: p.category, publishedOn: p.publishedOn!, firstInterpretationOn: first, ...v };
  });
  const byDept = new Map<number, DepartmentScore>();
  const totals: DepartmentScore = { ...emptyCounts(), departmentId: 0, department: '', score: null };
  for (const p of policies) {
    const d = byDept.get(p.departmentId) ?? { ...emptyCounts(), departmentId: p.departmentId, department: p.department, score: null };
    d.total += 1;
    d[p.verdict] += 1;
    totals.total += 1;
    totals[p.verdict] += 1;
    byDept.set(p.departmentId, d);
  }
  const departments = [...byDept.values()].map((d) => ({ ...d, score: score(d) })).sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.department.localeCompare(b.department, 'zh-CN'));
  return { from, to, allowed, generatedAt: new Date().toISOString(), policies, departments, totals: { ...totals, score: score(totals) } };
}

/** Changes the allowed working days (the general office only; audited). */
export async function setAllowedWorkingDays(trx: Executor, actor: Actor, user: CurrentUser | null, days: number): Promise<void> {
  requireRole(user, 'admin');
  const before = await allowedWorkingDays(trx);
  await repo.writeSetting(trx, repo.ALLOWED_DAYS_KEY, String(days));
  await recordAudit(trx, actor, { action: 'interpretation_assessment.allowed_days', entityType: 'setting', entityId: repo.ALLOWED_DAYS_KEY, before: { allowedWorkingDays: before }, after: { allowedWorkingDays: days } });
}
