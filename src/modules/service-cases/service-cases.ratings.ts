import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import * as repo from './service-cases.repository.js';
import * as rr from './service-cases.ratings-repository.js';
import { requireAppealJudge, requireBackOffice, requireCaseStaff, requireOwnCase, requireWindow } from './service-cases.policy.js';
import type { FollowUpInput, RatingInput } from './service-cases.schema.js';
import { windowDepartmentId } from './service-cases.service.js';

/** The five levels of 好差评, best first: 非常满意 5 … 非常不满意 1. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;

/** 不满意 and 非常不满意 are bad ratings: each is followed up. */
export const isBad = (level: number): boolean => level <= 2;

/** Satisfaction rate: the share of 非常满意, 满意 and 基本满意 among the counted ratings. */
export function satisfactionRate(byLevel: Record<number, number>): number | null {
  const total = RATING_LEVELS.reduce((s, l) => s + (byLevel[l] ?? 0), 0);
  return total === 0 ? null : ((byLevel[5] ?? 0) + (byLevel[4] ?? 0) + (byLevel[3] ?? 0)) / total;
}

async function caseOrNotFound(db: Executor, number: string) {
  const c = await repo.caseByNumber(db, number);
  if (!c) {
    throw new AppError('not_found');
  }
  return c;
}

async function insertRating(trx: Executor, c: repo.CaseRow, key: string, channel: 'online' | 'onsite', input: RatingInput, rater: string, recordedBy: number | null, followUpDays: number): Promise<number> {
  if (await rr.ratingByKey(trx, key)) {
    throw new AppError('conflict', {}, [], 'serviceCases.already_rated');
  }
  const today = todayInChina();
  const bad = isBad(input.level);
  const [id] = await rr.insertRatings(trx, [
    {
      ratingKey: key,
      caseId: c.id,
      itemId: c.itemId,
      departmentId: c.departmentId,
      windowId: c.windowId,
      channel,
      level: input.level,
      comment: input.comment ?? '',
      raterName: rater,
      recordedBy,
      ratedOn: today,
      createdAt: nowIso(),
      followUpStatus: bad ? 'pending' : 'none',
      followUpDueOn: bad ? addWorkingDays(today, followUpDays) : null,
      followUpMethod: null,
      followUpOn: null,
      fixByOn: null,
      followUpBy: null,
      followUpOverdueAt: null,
      appealedAt: null,
      appealDecidedAt: null,
    },
  ]);
  return id!;
}

/** The applicant rates their delivered case online: once per case. */
export async function rateOnline(trx: Executor, user: CurrentUser | null, number: string, input: RatingInput, followUpDays: number): Promise<number> {
  const c = await caseOrNotFound(trx, number);
  const u = requireOwnCase(user, c.applicantUserId);
  if (c.status !== 'delivered') {
    throw new AppError('invalid_state', {}, [], 'serviceCases.rate_after_delivery');
  }
  return insertRating(trx, c, `online:${c.id}`, 'online', input, u.displayName, null, followUpDays);
}

/** Window staff record the applicant's on-site rating: once per visit (case and day). */
export async function rateOnSite(trx: Executor, actor: Actor, user: CurrentUser | null, number: string, input: RatingInput, followUpDays: number): Promise<number> {
  const c = await caseOrNotFound(trx, number);
  const u = requireWindow(user, c.departmentId, await windowDepartmentId(trx));
  const id = await insertRating(trx, c, `onsite:${c.id}:${todayInChina()}`, 'onsite', input, c.applicantName, u.id, followUpDays);
  await recordAudit(trx, actor, { action: 'service_rating.onsite', entityType: 'service_rating', entityId: id, after: { case: c.caseNumber, level: input.level } });
  return id;
}

async function ratingOrNotFound(db: Executor, id: number) {
  const r = await rr.ratingById(db, id);
  if (!r) {
    throw new AppError('not_found');
  }
  return r;
}

/** The rated department (or the window) records how a bad rating was followed up. */
export async function recordFollowUp(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: FollowUpInput): Promise<void> {
  const r = await ratingOrNotFound(trx, id);
  const u = requireWindow(user, r.departmentId, await windowDepartmentId(trx));
  if (r.followUpStatus !== 'pending') {
    throw new AppError('invalid_state', {}, [], 'serviceCases.follow_up_not_pending');
  }
  await rr.updateRating(trx, id, { followUpStatus: 'done', followUpMethod: input.method, followUpNote: input.note, followUpOn: input.followUpOn, fixByOn: input.fixByOn ?? null, followUpBy: u.id });
  await recordAudit(trx, actor, { action: 'service_rating.follow_up', entityType: 'service_rating', entityId: id, before: { followUpStatus: r.followUpStatus }, after: input });
}

/** The rated department appeals a mistaken or malicious rating. */
export async function appealRating(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, reason: string): Promise<void> {
  const r = await ratingOrNotFound(trx, id);
  requireBackOffice(user, r.departmentId);
  if (r.appealStatus !== 'none') {
    throw new AppError('invalid_state', {}, [], 'serviceCases.appeal_exists');
  }
  await rr.updateRating(trx, id, { appealStatus: 'pending', appealReason: reason, appealedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'service_rating.appeal', entityType: 'service_rating', entityId: id, after: { reason } });
}

/** The general office decides an appeal; an upheld appeal takes the rating out of the statistics. */
export async function decideAppeal(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, decision: 'upheld' | 'dismissed', note: string): Promise<void> {
  requireAppealJudge(user);
  const r = await ratingOrNotFound(trx, id);
  if (r.appealStatus !== 'pending') {
    throw new AppError('invalid_state', {}, [], 'serviceCases.appeal_not_pending');
  }
  await rr.updateRating(trx, id, { appealStatus: decision, appealDecisionNote: note, appealDecidedAt: nowIso(), excluded: decision === 'upheld' ? 1 : 0 });
  await recordAudit(trx, actor, { action: `service_rating.appeal_${decision}`, entityType: 'service_rating', entityId: id, before: { appealStatus: r.appealStatus }, after: { decision, note } });
}

/** The staff ratings list, limited to the departments a staff member works for. */
export async function ratingsForStaff(db: Executor, user: CurrentUser | null, kind: rr.RatingListKind, id?: number) {
  const u = requireCaseStaff(user);
  const windowDept = await windowDepartmentId(db);
  const all = u.role === 'admin' || (windowDept !== undefined && u.departmentIds.includes(windowDept));
  return rr.ratingsForStaff(db, kind, all ? undefined : u.departmentIds, todayInChina(), 100, id);
}

/** One department's line in the public statistics. */
export interface DepartmentStats {
  departmentId: number;
  nameZh: string;
  nameEn: string;
  total: number;
  byLevel: Record<number, number>;
  satisfaction: number | null;
  bad: number;
  followedUpInTime: number;
}

/** Public 好差评 statistics by department (ratings removed on appeal left out). */
export async function ratingStats(db: Executor): Promise<DepartmentStats[]> {
  const [levels, follow] = await Promise.all([rr.levelCounts(db), rr.followUpCounts(db)]);
  const byDept = new Map<number, DepartmentStats>();
  for (const l of levels) {
    const d = byDept.get(l.departmentId) ?? { departmentId: l.departmentId, nameZh: '', nameEn: '', total: 0, byLevel: {}, satisfaction: null, bad: 0, followedUpInTime: 0 };
    d.byLevel[l.level] = Number(l.n);
    d.total += Number(l.n);
    byDept.set(l.departmentId, d);
  }
  for (const f of follow) {
    const d = byDept.get(f.departmentId);
    if (d) {
      d.bad = Number(f.bad);
      d.followedUpInTime = Number(f.inTime);
    }
  }
  for (const n of await rr.departmentNames(db, [...byDept.keys()])) {
    const d = byDept.get(n.id)!;
    d.nameZh = n.nameZh;
    d.nameEn = n.nameEn;
  }
  const out = [...byDept.values()];
  for (const d of out) {
    d.satisfaction = satisfactionRate(d.byLevel);
  }
  return out.sort((a, b) => b.total - a.total);
}
