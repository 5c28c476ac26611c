import { hash, verify } from '@node-rs/argon2';
import type { Actor, CurrentUser, Executor, Role } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addMinutes, nowIso, toChinaDateTime } from '../../platform/clock.js';
import { deleteUserSessions } from '../../platform/sessions/index.js';
import { requireRole } from './accounts.policy.js';
import * as repo from './accounts.repository.js';
import type { ChangePasswordInput, CreateUserInput, RegisterInput, UpdateUserInput } from './accounts.schema.js';
import { userAuditView } from './accounts.presenter.js';

// argon2id with the library's defaults (19 MiB, t=2), the OWASP baseline.
/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a fixed hash when the user does not exist keeps the response time the same,
// so login timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

/** Login policy numbers, from the configuration. */
export interface LoginPolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

/** Checks a username and password; counts failures and locks the account after too many. */
export async function authenticate(db: Executor, username: string, password: string, policy: LoginPolicy): Promise<repo.UserRow> {
  const user = await repo.findByUsername(db, username.trim());
  if (!user) {
    dummyHash ??= hash('not-a-real-password-1');
    await verify(await dummyHash, password).catch(() => false);
    throw new AppError('unauthenticated', {}, [], 'auth.bad_credentials');
  }
  const now = nowIso();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('account_locked', { until: toChinaDateTime(user.lockedUntil) });
  }
  const ok = await verify(user.passwordHash, password).catch(() => false);
  if (!ok) {
    // Incremented in the database, not from the row read above: parallel guesses would otherwise
    // all write the same count and never reach the limit.
    const failures = await repo.incrementFailedLogins(db, user.id);
    if (failures >= policy.maxFailures) {
      await repo.updateUser(db, user.id, { failedLogins: 0, lockedUntil: addMinutes(now, policy.lockoutMinutes) });
      throw new AppError('account_locked', { until: toChinaDateTime(addMinutes(now, policy.lockoutMinutes)) });
    }
    throw new AppError('unauthenticated', {}, [], 'auth.bad_credentials');
  }
  if (user.disabled === 1) {
    throw new AppError('forbidden', {}, [], 'auth.disabled');
  }
  await repo.updateUser(db, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
  return user;
}

/** Creates a citizen or enterprise account from the public registration form. */
export async function register(trx: Executor, input: RegisterInput): Promise<number> {
  if (await repo.findByUsername(trx, input.username)) {
    throw fieldError('username', 'validation.username_taken');
  }
  if (input.kind === 'enterprise' && input.creditCode && (await repo.creditCodeTaken(trx, input.creditCode))) {
    throw fieldError('creditCode', 'validation.credit_code_taken');
  }
  const now = nowIso();
  return repo.insertUser(trx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.kind,
    email: input.email ?? null,
    mobile: input.mobile ?? null,
    residentId: input.residentId ?? null,
    creditCode: input.kind === 'enterprise' ? (input.creditCode ?? null) : null,
    enterpriseName: input.kind === 'enterprise' ? (input.enterpriseName ?? null) : null,
    createdAt: now,
    updatedAt: now,
  });
}

const STAFF_NEED_DEPARTMENT: Role[] = ['editor', 'reviewer'];

async function checkDepartments(trx: Executor, role: Role, departmentIds: number[]): Promise<void> {
  if (STAFF_NEED_DEPARTMENT.includes(role) && departmentIds.length === 0) {
    throw fieldError('departmentIds', 'validation.department_required');
  }
  if (departmentIds.length > 0) {
    const found = await trx.selectFrom('department').select('id').where('id', 'in', departmentIds).execute();
    if (found.length !== new Set(departmentIds).size) {
      throw fieldError('departmentIds', 'validation.choice');
    }
  }
}

/** An admin creates an account of any role (staff with their departments). */
export async function createUser(trx: Executor, actor: Actor, user: CurrentUser | null, input: CreateUserInput): Promise<number> {
  requireRole(user, 'admin');
  if (await repo.findByUsername(trx, input.username)) {
    throw fieldError('username', 'validation.username_taken');
  }
  await checkDepartments(trx, input.role, input.departmentIds);
  const now = nowIso();
  const id = await repo.insertUser(trx, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    email: input.email ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const departmentIds = STAFF_NEED_DEPARTMENT.includes(input.role) ? input.departmentIds : [];
  await repo.setDepartments(trx, id, departmentIds);
  const after = await repo.findById(trx, id);
  await recordAudit(trx, actor, { action: 'user.create', entityType: 'user', entityId: id, after: after && userAuditView(after, departmentIds) });
  return id;
}

/** An admin changes role, departments or disabled state; disabling ends the user's sessions. */
export async function updateUser(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: UpdateUserInput): Promise<void> {
  const admin = requireRole(user, 'admin');
  const before = await repo.findById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  if (admin.id === id && (input.role !== 'admin' || input.disabled)) {
    // The last door out of the admin role must not be closed from the inside.
    throw fieldError('role', 'validation.cannot_demote_self');
  }
  await checkDepartments(trx, input.role, input.departmentIds);
  const beforeDepts = await repo.departmentIdsOf(trx, id);
  await repo.updateUser(trx, id, { displayName: input.displayName, role: input.role, disabled: input.disabled ? 1 : 0, updatedAt: nowIso() });
  const departmentIds = STAFF_NEED_DEPARTMENT.includes(input.role) ? input.departmentIds : [];
  await repo.setDepartments(trx, id, departmentIds);
  if (input.disabled || input.role !== before.role) {
    await deleteUserSessions(trx, id);
  }
  const after = await repo.findById(trx, id);
  await recordAudit(trx, actor, {
    action: 'user.update',
    entityType: 'user',
    entityId: id,
    before: userAuditView(before, beforeDepts),
    after: after && userAuditView(after, departmentIds),
  });
}

/** A signed-in user changes their own password; every other session of theirs ends. */
export async function changePassword(trx: Executor, actor: Actor, user: CurrentUser | null, input: ChangePasswordInput): Promise<void> {
  const me = requireRole(user, 'citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin');
  const row = await repo.findById(trx, me.id);
  if (!row || !(await verify(row.passwordHash, input.currentPassword).catch(() => false))) {
    throw fieldError('currentPassword', 'validation.current_password');
  }
  await repo.updateUser(trx, me.id, { passwordHash: await hashPassword(input.newPassword), updatedAt: nowIso() });
  await deleteUserSessions(trx, me.id);
  await recordAudit(trx, actor, { action: 'user.password_change', entityType: 'user', entityId: me.id });
}

/** Ends every session of the signed-in user (logout everywhere). */
export async function logoutEverywhere(trx: Executor, actor: Actor, user: CurrentUser | null): Promise<number> {
  const me = requireRole(user, 'citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin');
  const n = await deleteUserSessions(trx, me.id);
  await recordAudit(trx, actor, { action: 'user.logout_everywhere', entityType: 'user', entityId: me.id, after: { sessionsEnded: n } });
  return n;
}

/** An admin ends every session of another user. */
export async function revokeSessions(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<number> {
  requireRole(user, 'admin');
  const n = await deleteUserSessions(trx, id);
  await recordAudit(trx, actor, { action: 'user.sessions_revoked', entityType: 'user', entityId: id, after: { sessionsEnded: n } });
  return n;
}

/** One page of users for the admin list. */
export async function listUsers(db: Executor, user: CurrentUser | null, filter: repo.UserFilter, page: number, pageSize = 50) {
  requireRole(user, 'admin');
  const { rows, total } = await repo.listUsers(db, filter, pageSize, (page - 1) * pageSize);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One user with departments, for the admin edit page. */
export async function getUser(db: Executor, user: CurrentUser | null, id: number) {
  requireRole(user, 'admin');
  const row = await repo.findById(db, id);
  if (!row) {
    throw new AppError('not_found');
  }
  return { row, departmentIds: await repo.departmentIdsOf(db, id) };
}

/** The signed-in user's own record. */
export async function getOwnProfile(db: Executor, user: CurrentUser | null) {
  const me = requireRole(user, 'citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin');
  const row = await repo.findById(db, me.id);
  if (!row) {
    throw new AppError('unauthenticated');
  }
  return row;
}

/** Throws unless the user is an admin (for pages that only show a form). */
export function assertAdmin(user: CurrentUser | null): void {
  requireRole(user, 'admin');
}

/** A user by id without a permission check: only for presenting a record the caller just created. */
export async function getUserUnchecked(db: Executor, id: number) {
  const row = await repo.findById(db, id);
  if (!row) {
    throw new AppError('not_found');
  }
  return row;
}
