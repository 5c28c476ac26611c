import type { CurrentUser, Executor } from '../../http/context.js';
import { workingDaysBetween } from '../../platform/calendar/index.js';
import { requireProjectStaff } from './expropriation.policy.js';
import { getProject } from './expropriation.service.js';
import * as stats from './expropriation.stats.repository.js';

// Agency service (代办): the household hands in one set of materials and staff fetch the rest from
// other departments. The report compares the time to completion with the old 5 working days.

/** Working days signing took before agency service (the source: 4 departments, about 5 days). */
export const OLD_WORKING_DAYS = 5;
/** Departments a household used to visit itself. */
export const OLD_DEPARTMENTS = 4;
/** Documents fetched on the household's behalf, with the department that holds each. */
export const AGENCY_DOCUMENTS = [
  { kind: 'property_record', department: '不动产登记中心' },
  { kind: 'household_register', department: '公安户籍窗口' },
  { kind: 'disability_certificate', department: '残疾人联合会' },
  { kind: 'subsistence_certificate', department: '民政局' },
] as const;
/** The kinds of those documents. */
export const AGENCY_DOCUMENT_KINDS = ['property_record', 'household_register', 'disability_certificate', 'subsistence_certificate'] as const;

/** The median of some numbers (0 for none). */
export function median(xs: number[]): number {
  if (xs.length === 0) {
    return 0;
  }
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Agency figures from the cases: time to completion, home visits and call-back satisfaction. */
export function summariseAgency(cases: Array<{ submittedOn: string; completedOn: string | null; specialGroup: string | null; homeVisitOn: string | null; satisfaction: number | null }>) {
  const days = cases.filter((c) => c.completedOn).map((c) => workingDaysBetween(c.submittedOn, c.completedOn!));
  const rated = cases.map((c) => c.satisfaction).filter((s): s is number => s !== null);
  const avg = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);
  return {
    cases: cases.length,
    completed: days.length,
    medianDays: median(days),
    averageDays: avg(days),
    oldDays: OLD_WORKING_DAYS,
    oldDepartments: OLD_DEPARTMENTS,
    specialGroups: cases.filter((c) => c.specialGroup).length,
    homeVisits: cases.filter((c) => c.homeVisitOn).length,
    callbacks: rated.length,
    satisfactionAverage: avg(rated),
    satisfied: rated.filter((s) => s >= 4).length,
    byLevel: [1, 2, 3, 4, 5].map((level) => ({ level, n: rated.filter((s) => s === level).length })),
  };
}
export type AgencySummary = ReturnType<typeof summariseAgency>;

/** A project's agency report (staff of its department). */
export async function agencyReport(db: Executor, user: CurrentUser | null, projectId: number) {
  const project = await getProject(db, projectId);
  requireProjectStaff(user, project);
  return { project, summary: summariseAgency(await stats.agencyCasesOf(db, projectId)) };
}
