import type { CurrentUser } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';

// Who may do what with suggestions: the general office (admin) moderates, merges and routes every
// suggestion; the unit a suggestion is routed to (its editors and reviewers) answers it, gives the
// outcome and keeps its measures; the general office may act for any unit.

/** The general office: moderation, merging and routing. */
export function requireCoordinator(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'admin');
}

/** Staff who may open the suggestion pages at all. */
export function requireSuggestionStaff(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'editor', 'reviewer', 'admin');
}

/** Staff of the unit a suggestion is routed to (or the general office). */
export function requireUnit(user: CurrentUser | null, departmentId: number | null): CurrentUser {
  const u = requireSuggestionStaff(user);
  if (departmentId === null || !canActInDepartment(u, departmentId)) {
    throw new AppError('forbidden');
  }
  return u;
}

/** The units whose suggestions a staff member sees: undefined means all (the general office). */
export function unitScope(user: CurrentUser): number[] | undefined {
  return user.role === 'admin' ? undefined : user.departmentIds;
}

/** Whether a staff member may see a suggestion on the staff pages. */
export function canSeeSuggestion(user: CurrentUser, departmentId: number | null): boolean {
  return user.role === 'admin' || (departmentId !== null && canActInDepartment(user, departmentId));
}
