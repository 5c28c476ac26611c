import type { CurrentUser, Role } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/** Throws unless someone is signed in; returns them. */
export function requireUser(user: CurrentUser | null): CurrentUser {
  if (!user) {
    throw new AppError('unauthenticated');
  }
  return user;
}

/** Throws unless the user holds one of the roles. */
export function requireRole(user: CurrentUser | null, ...roles: Role[]): CurrentUser {
  const u = requireUser(user);
  if (!roles.includes(u.role)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** True for the general office, which acts in every department. */
export function isAdmin(user: CurrentUser | null): boolean {
  return user?.role === 'admin';
}

/** True for department staff and the general office. */
export function isStaff(user: CurrentUser | null): boolean {
  return user?.role === 'editor' || user?.role === 'reviewer' || user?.role === 'admin';
}

/** Staff act only within their own departments; admins act everywhere. */
export function canActInDepartment(user: CurrentUser | null, departmentId: number): boolean {
  if (!user) {
    return false;
  }
  if (user.role === 'admin') {
    return true;
  }
  return (user.role === 'editor' || user.role === 'reviewer') && user.departmentIds.includes(departmentId);
}

/** Throws unless the user may act in the department. */
export function requireDepartment(user: CurrentUser | null, departmentId: number): CurrentUser {
  const u = requireUser(user);
  if (!canActInDepartment(u, departmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}
