import type { CurrentUser } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';

// Who may do what with cases (前台综合受理、后台分类审批、统一窗口出件):
// - the window (front desk) is run by the 政务服务数据管理局 (department code WINDOW_DEPARTMENT_CODE);
//   the item's own department may also accept and deliver its cases; admins act everywhere;
// - the back office (review and decision) is only the item's department (or an admin);
// - applicants are citizens and enterprise users, and only ever see their own cases.

/** The department that staffs the one-stop window. */
export const WINDOW_DEPARTMENT_CODE = 'service-data';

/** Anyone who may open the staff case pages. */
export function requireCaseStaff(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'editor', 'reviewer', 'admin');
}

/** A signed-in citizen or enterprise user. */
export function requireApplicant(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'citizen', 'enterprise');
}

/** Whether a staff member works the window for cases of this department. */
export function canWorkWindow(user: CurrentUser, departmentId: number, windowDepartmentId: number | undefined): boolean {
  return canActInDepartment(user, departmentId) || (windowDepartmentId !== undefined && canActInDepartment(user, windowDepartmentId));
}

/** Throws unless the staff member works the window for this case. */
export function requireWindow(user: CurrentUser | null, departmentId: number, windowDepartmentId: number | undefined): CurrentUser {
  const u = requireCaseStaff(user);
  if (!canWorkWindow(u, departmentId, windowDepartmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** Throws unless the staff member is the back office of the case's department. */
export function requireBackOffice(user: CurrentUser | null, departmentId: number): CurrentUser {
  const u = requireCaseStaff(user);
  if (!canActInDepartment(u, departmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** Whether a staff member may see a case at all (window or back office). */
export function canSeeCase(user: CurrentUser, departmentId: number, windowDepartmentId: number | undefined): boolean {
  return canWorkWindow(user, departmentId, windowDepartmentId);
}

/** The departments whose cases a staff member sees in the back-office queue; undefined means all. */
export function backOfficeScope(user: CurrentUser): number[] | undefined {
  return user.role === 'admin' ? undefined : user.departmentIds;
}

/** The departments whose cases a staff member sees at the window; undefined means all. */
export function windowScope(user: CurrentUser, windowDepartmentId: number | undefined): number[] | undefined {
  if (user.role === 'admin' || (windowDepartmentId !== undefined && user.departmentIds.includes(windowDepartmentId))) {
    return undefined;
  }
  return user.departmentIds;
}

/** Throws (as not found, so that numbers cannot be probed) unless the case is the applicant's own. */
export function requireOwnCase(user: CurrentUser | null, applicantUserId: number | null): CurrentUser {
  const u = requireApplicant(user);
  if (applicantUserId !== u.id) {
    throw new AppError('not_found');
  }
  return u;
}

/** The general office decides appeals of ratings. */
export function requireAppealJudge(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'admin');
}
