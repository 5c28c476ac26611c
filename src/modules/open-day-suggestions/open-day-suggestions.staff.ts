import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { todayInChina } from '../../platform/clock.js';
import { campaignById, pointById } from '../open-days/index.js';
import * as repo from './open-day-suggestions.repository.js';
import { canSeeSuggestion, requireSuggestionStaff, unitScope } from './open-day-suggestions.policy.js';
import { allowedActions, deadlinesByUnit, OUTCOMES, type SuggestionAction } from './open-day-suggestions.status.js';
import { departmentsById } from './open-day-suggestions.tracker.js';
import type { StaffQueue } from './open-day-suggestions.schema.js';

/** Suggestions per page on the staff list. */
export const STAFF_PAGE_SIZE = 30;

/** The queues only the general office works (moderation and routing). */
const COORDINATOR_QUEUES: readonly StaffQueue[] = ['moderation', 'unrouted'];

function queueFilter(queue: StaffQueue): repo.StaffFilter {
  switch (queue) {
    case 'moderation':
      return { statuses: ['received'], unpublished: true };
    case 'unrouted':
      return { statuses: ['received'], unpublished: false };
    case 'routed':
      return { statuses: ['routed'] };
    case 'answered':
      return { statuses: ['answered'] };
    case 'closed':
      return { statuses: [...OUTCOMES, 'merged', 'split', 'rejected'] };
    case 'all':
      return {};
  }
}

/**
 * The staff list: the general office sees every queue (moderation first); a unit sees what is routed
 * to it, the ones due first, with its deadline figures (about to be late, overdue).
 */
export async function listForStaff(db: Executor, user: CurrentUser | null, q: { campaign?: number | undefined; queue?: StaffQueue | undefined; department?: number | undefined; page: number }, today: string = todayInChina()) {
  const u = requireSuggestionStaff(user);
  const scope = unitScope(u);
  const coordinator = scope === undefined;
  let queue: StaffQueue = q.queue ?? (coordinator ? 'moderation' : 'routed');
  if (!coordinator && COORDINATOR_QUEUES.includes(queue)) {
    queue = 'routed';
  }
  const departmentIds = coordinator ? (q.department === undefined ? undefined : [q.department]) : q.department === undefined ? scope : scope.filter((d) => d === q.department);
  const filter: repo.StaffFilter = { ...queueFilter(queue), campaignId: q.campaign, departmentIds };
  const { rows, total } = await repo.staffPage(db, filter, STAFF_PAGE_SIZE, (q.page - 1) * STAFF_PAGE_SIZE);
  const deadlines = deadlinesByUnit(await repo.deadlineFacts(db, { campaignId: q.campaign, departmentIds }), today);
  const [campaigns, departments, points] = await Promise.all([
    repo.campaignOptions(db),
    departmentsById(db),
    repo.pointsByIds(db, [...new Set(rows.flatMap((r) => (r.pointId === null ? [] : [r.pointId])))]),
  ]);
  return {
    queue,
    coordinator,
    rows,
    total,
    page: q.page,
    pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
    deadlines,
    campaigns,
    departments,
    points: new Map(points.map((p) => [p.id, p])),
    unitIds: scope,
  };
}
export type StaffListData = Awaited<ReturnType<typeof listForStaff>>;

/** Everything the staff page of one suggestion shows, with the actions this staff member may take. */
export async function getForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireSuggestionStaff(user);
  const s = await repo.findById(db, id);
  if (!s || !canSeeSuggestion(u, s.departmentId)) {
    throw new AppError('not_found');
  }
  const published = await repo.isPublished(db, id);
  const coordinator = u.role === 'admin';
  const unit = s.departmentId !== null && canSeeSuggestion(u, s.departmentId);
  const actions = allowedActions(s.status).filter((a: SuggestionAction['kind']) => {
    switch (a) {
      case 'publish':
        return coordinator && !published;
      case 'reject':
      case 'merge':
        return coordinator;
      case 'route':
      case 'split':
        return coordinator && published;
      case 'answer':
      case 'outcome':
        return unit;
    }
  });
  const [events, campaign, point, followers, target, splitFrom, parts, measure, measures, departments] = await Promise.all([
    repo.eventsOf(db, [id]),
    campaignById(db, s.campaignId),
    s.pointId === null ? undefined : pointById(db, s.pointId),
    repo.mergedInto(db, id),
    s.mergedIntoId === null ? undefined : repo.findById(db, s.mergedIntoId),
    s.splitFromId === null ? undefined : repo.findById(db, s.splitFromId),
    repo.partsOf(db, id),
    s.measureId === null ? undefined : repo.findMeasure(db, s.measureId),
    repo.measuresWithCounts(db, s.campaignId),
    departmentsById(db),
  ]);
  return { suggestion: s, published, actions, events: events.get(id) ?? [], campaign, point, followers, target, splitFrom, parts, measure, measures, departments };
}
export type StaffSuggestionData = Awaited<ReturnType<typeof getForStaff>>;
