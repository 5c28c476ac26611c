import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { UserTable } from '../../db/database.js';

export type UserRow = Selectable<UserTable>;

/** A user by login name. */
export async function findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('user').selectAll().where('username', '=', username).executeTakeFirst();
}

/** A user by id. */
export async function findById(db: Executor, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** True when an enterprise account already holds this credit code. */
export async function creditCodeTaken(db: Executor, creditCode: string): Promise<boolean> {
  const r = await db.selectFrom('user').select('id').where('creditCode', '=', creditCode).executeTakeFirst();
  return r !== undefined;
}

/** Inserts a user and returns its id. */
export async function insertUser(db: Executor, row: Insertable<UserTable>): Promise<number> {
  const r = await db.insertInto('user').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates some columns of a user. */
export async function updateUser(db: Executor, id: number, patch: Updateable<UserTable>): Promise<void> {
  await db.updateTable('user').set(patch).where('id', '=', id).execute();
}

/** Counts one failed login atomically (concurrent attempts must not overwrite each other); returns the new count. */
export async function incrementFailedLogins(db: Executor, id: number): Promise<number> {
  const r = await db
    .updateTable('user')
    .set((eb) => ({ failedLogins: eb('failedLogins', '+', 1) }))
    .where('id', '=', id)
    .returning('failedLogins')
    .executeTakeFirstOrThrow();
  return Number(r.failedLogins);
}

/** Departments a user belongs to. */
export async function departmentIdsOf(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('userDepartment').select('departmentId').where('userId', '=', userId).orderBy('departmentId').execute();
  return rows.map((r) => r.departmentId);
}

/** Replaces a user's departments. */
export async function setDepartments(db: Executor, userId: number, departmentIds: number[]): Promise<void> {
  await db.deleteFrom('userDepartment').where('userId', '=', userId).execute();
  if (departmentIds.length > 0) {
    await db
      .insertInto('userDepartment')
      .values(departmentIds.map((departmentId) => ({ userId, departmentId })))
      .execute();
  }
}

/** Filters of the user list. */
export interface UserFilter {
  role?: string;
  q?: string;
}

/** One page of users, with the total for pagination. */
export async function listUsers(db: Executor, f: UserFilter, limit: number, offset: number): Promise<{ rows: UserRow[]; total: number }> {
  let q = db.selectFrom('user');
  if (f.role) {
    q = q.where('role', '=', f.role);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`.toLowerCase(); // wildcards dropped: LIKE escaping differs between engines
    // lower() on both sides: LIKE ignores ASCII case on SQLite but not on PostgreSQL.
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['username']), 'like', like), eb(eb.fn('lower', ['displayName']), 'like', like)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The number of users (an empty database gets the demo data). */
export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** E-mail addresses of a department's active editors (who get reminders of their department's deadlines). */
export async function departmentEditorEmails(db: Executor, departmentId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('user')
    .innerJoin('userDepartment', 'userDepartment.userId', 'user.id')
    .select('user.email')
    .where('userDepartment.departmentId', '=', departmentId)
    .where('user.role', '=', 'editor')
    .where('user.disabled', '=', 0)
    .where('user.email', 'is not', null)
    .orderBy('user.id')
    .execute();
  return [...new Set(rows.map((r) => (r.email ?? '').trim()).filter((e) => e.includes('@')))];
}

/** How to reach a user (for the notification outbox): name, e-mail, mobile and enterprise credit code. */
export async function userContact(db: Executor, id: number): Promise<{ name: string; email: string | null; mobile: string | null; creditCode: string | null } | undefined> {
  const r = await db.selectFrom('user').select(['displayName', 'email', 'mobile', 'creditCode']).where('id', '=', id).where('disabled', '=', 0).executeTakeFirst();
  return r ? { name: r.displayName, email: r.email, mobile: r.mobile, creditCode: r.creditCode } : undefined;
}

/** Staff user ids of departments (editors and reviewers, enabled), for reminders. */
export async function staffOfDepartments(db: Executor, departmentIds: readonly number[]) {
  if (departmentIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('userDepartment')
    .innerJoin('user', 'user.id', 'userDepartment.userId')
    .select(['userDepartment.departmentId', 'user.id'])
    .where('userDepartment.departmentId', 'in', [...departmentIds])
    .where('user.role', 'in', ['editor', 'reviewer'])
    .where('user.disabled', '=', 0)
    .execute();
}

/** The applicant details of an account (name, ID number or credit code, mobile), for applications. */
export async function applicantProfile(db: Executor, userId: number) {
  return db.selectFrom('user').select(['displayName', 'role', 'residentId', 'creditCode', 'enterpriseName', 'mobile']).where('id', '=', userId).executeTakeFirst();
}
