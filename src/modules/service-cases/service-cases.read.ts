import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { serviceItemById, type ServiceItemRow } from '../service-catalogue/index.js';
import * as repo from './service-cases.repository.js';
import * as ratingsRepo from './service-cases.ratings-repository.js';
import { backOfficeScope, canSeeCase, requireApplicant, requireCaseStaff, requireOwnCase, windowScope } from './service-cases.policy.js';
import type { QueueInput } from './service-cases.schema.js';
import { availableActions, CLOSED_STATUSES, RUNNING_STATUSES, TO_ACCEPT, TO_DELIVER, type CaseAction, type CaseStatus } from './service-cases.status.js';
import { itemForm, windowDepartmentId } from './service-cases.service.js';

/** Everything a case page shows. */
export interface CaseView {
  c: repo.CaseRow;
  item: ServiceItemRow;
  fields: Awaited<ReturnType<typeof itemForm>>['fields'];
  data: Record<string, string | number>;
  events: repo.CaseEventRow[];
  materials: Awaited<ReturnType<typeof repo.materialsOf>>;
  checklist: string[];
  correctionItems: string[];
  ratings: ratingsRepo.RatingRow[];
  actions: CaseAction[];
}

async function caseView(db: Executor, c: repo.CaseRow, actions: CaseAction[]): Promise<CaseView> {
  const item = await serviceItemById(db, c.itemId);
  if (!item) {
    throw new AppError('not_found');
  }
  const [form, events, materials, checklist, ratings] = await Promise.all([itemForm(db, item.id), repo.eventsOf(db, c.id), repo.materialsOf(db, c.id), repo.itemMaterialNames(db, item.id), ratingsRepo.ratingsOfCase(db, c.id)]);
  return { c, item, fields: form.fields, data: JSON.parse(c.data) as Record<string, string | number>, events, materials, checklist, correctionItems: JSON.parse(c.correctionItems) as string[], ratings, actions };
}

/** The applicant's own case (another applicant's is not found). */
export async function caseForApplicant(db: Executor, user: CurrentUser | null, number: string): Promise<CaseView> {
  requireApplicant(user);
  const c = await repo.caseByNumber(db, number);
  if (!c) {
    throw new AppError('not_found');
  }
  requireOwnCase(user, c.applicantUserId);
  return caseView(db, c, availableActions(c.status as CaseStatus, c.correctionCount, 'applicant'));
}

/** A case for window or back-office staff, with the steps they may take. */
export async function caseForStaff(db: Executor, user: CurrentUser | null, number: string): Promise<CaseView & { windowActions: CaseAction[]; backOfficeActions: CaseAction[] }> {
  const u = requireCaseStaff(user);
  const c = await repo.caseByNumber(db, number);
  const windowDept = await windowDepartmentId(db);
  if (!c || !canSeeCase(u, c.departmentId, windowDept)) {
    throw new AppError('not_found');
  }
  const status = c.status as CaseStatus;
  const backOfficeActions = u.role === 'admin' || u.departmentIds.includes(c.departmentId) ? availableActions(status, c.correctionCount, 'back_office') : [];
  const windowActions = availableActions(status, c.correctionCount, 'window');
  return { ...(await caseView(db, c, [...windowActions, ...backOfficeActions])), windowActions, backOfficeActions };
}

/** The applicant's cases. */
export async function myCases(db: Executor, user: CurrentUser | null) {
  const u = requireApplicant(user);
  return repo.casesOfApplicant(db, u.id);
}

const QUEUE_STATUSES: Record<QueueInput['queue'], readonly CaseStatus[]> = {
  to_accept: TO_ACCEPT,
  to_deliver: TO_DELIVER,
  in_review: RUNNING_STATUSES,
  corrections: ['correction_requested'],
  closed: CLOSED_STATUSES,
};

/** Page size of the staff queues. */
export const QUEUE_PAGE_SIZE = 30;

/** A staff queue page with the counts of every queue, and of running cases due soon and overdue. */
export async function staffQueue(db: Executor, user: CurrentUser | null, q: QueueInput, today: string) {
  const u = requireCaseStaff(user);
  const windowDept = await windowDepartmentId(db);
  const scopeOf = (queue: QueueInput['queue']) => (queue === 'in_review' ? backOfficeScope(u) : windowScope(u, windowDept));
  const soonTo = addWorkingDays(today, 2);
  const due = q.due === 'overdue' ? { dueBefore: today } : q.due === 'soon' ? { dueFrom: today, dueTo: soonTo } : {};
  const filter = { statuses: QUEUE_STATUSES[q.queue], departmentIds: scopeOf(q.queue), ...due };
  const running = { statuses: RUNNING_STATUSES, departmentIds: backOfficeScope(u) };
  const [rows, total, overdue, dueSoon, ...counts] = await Promise.all([
    repo.queuePage(db, { ...filter, offset: (q.page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE }),
    repo.queueCount(db, filter),
    repo.queueCount(db, { ...running, dueBefore: today }),
    repo.queueCount(db, { ...running, dueFrom: today, dueTo: soonTo }),
    ...(['to_accept', 'to_deliver', 'in_review', 'corrections'] as const).map((k) => repo.queueCount(db, { statuses: QUEUE_STATUSES[k], departmentIds: scopeOf(k) })),
  ]);
  const [toAccept, toDeliver, inReview, corrections] = counts as [number, number, number, number];
  return { rows, total, overdue, dueSoon, counts: { to_accept: toAccept, to_deliver: toDeliver, in_review: inReview, corrections } };
}
