import type { CurrentUser } from '../../http/context.js';
import { requireDepartment, requireRole } from '../accounts/index.js';

// Who may do what: a draft belongs to its drafting department; that department's editors and
// reviewers run its rounds, moderate and decide its comments; the general office (admin) acts on every
// draft. The public comments on open rounds and reads what has been published.

/** Staff who may open the consultation staff pages at all. */
export function requireConsultationStaff(user: CurrentUser | null): CurrentUser {
  return requireRole(user, 'editor', 'reviewer', 'admin');
}

/** Staff of the draft's department, or the general office. */
export function requireDraftDepartment(user: CurrentUser | null, departmentId: number): CurrentUser {
  requireConsultationStaff(user);
  return requireDepartment(user, departmentId);
}

/** The departments whose drafts a staff member sees: undefined means all (the general office). */
export function draftScope(user: CurrentUser): number[] | undefined {
  return user.role === 'admin' ? undefined : user.departmentIds;
}
