import type { CurrentUser } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { canActInDepartment, requireUser } from '../accounts/index.js';

/** Throws unless the user is staff of the project's department (or the general office). */
export function requireProjectStaff(user: CurrentUser | null, project: { departmentId: number }): CurrentUser {
  const u = requireUser(user);
  if (!canActInDepartment(u, project.departmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** Whether the user may see the project's full household records. */
export function canSeeHouseholds(user: CurrentUser | null, project: { departmentId: number }): boolean {
  return canActInDepartment(user, project.departmentId);
}
