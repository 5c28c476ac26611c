import type { UserRow } from './accounts.repository.js';
import { maskMobile, maskResidentId } from '../../platform/identity/index.js';

/** A user as the JSON API and pages show it: never the password hash, never the full ID number. */
export function presentUser(row: UserRow, departmentIds: number[] = []) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    email: row.email,
    mobile: row.mobile ? maskMobile(row.mobile) : null,
    residentId: row.residentId ? maskResidentId(row.residentId) : null,
    creditCode: row.creditCode,
    enterpriseName: row.enterpriseName,
    disabled: row.disabled === 1,
    locked: row.lockedUntil !== null && row.lockedUntil > new Date().toISOString(),
    departmentIds,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

/** What the audit log keeps of a user: the same masked view (the log is read by admins). */
export function userAuditView(row: UserRow, departmentIds: number[]) {
  const { lastLoginAt: _l, createdAt: _c, locked: _k, ...rest } = presentUser(row, departmentIds);
  return rest;
}
