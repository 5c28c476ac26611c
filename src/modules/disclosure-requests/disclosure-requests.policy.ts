import type { CurrentUser } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';

// Who may do what: the agency's staff (editors, reviewers) handle its cases; the head of the
// disclosure office — a reviewer of the agency or the general office (admin) — approves extensions.
// Applicants see only their own case: by account, or by tracking number plus the secret link.

/** Staff who may open the case pages at all. */
export function requireDisclosureStaff(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'editor', 'reviewer', 'admin');
}

/** Staff of the case's agency (or the general office). */
export function requireAgencyStaff(user: CurrentUser | null, departmentId: number): CurrentUser {
  const u = requireDisclosureStaff(user);
  if (!canActInDepartment(u, departmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** The head of the agency's disclosure office: a reviewer of the agency, or an admin. */
export function requireOfficeHead(user: CurrentUser | null, departmentId: number): CurrentUser {
  const u = requireAgencyStaff(user, departmentId);
  if (u.role !== 'admin' && u.role !== 'reviewer') {
    throw new AppError('forbidden');
  }
  return u;
}

/** The agencies whose cases a staff member sees: undefined means all. */
export function agencyScope(user: CurrentUser): number[] | undefined {
  return user.role === 'admin' ? undefined : user.departmentIds;
}
