import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DepartmentTable } from '../../db/database.js';

export type DepartmentRow = Selectable<DepartmentTable>;

/** Every department in directory order. */
export async function listAll(db: Executor): Promise<DepartmentRow[]> {
  return db.selectFrom('department').selectAll().orderBy('sortOrder').orderBy('id').execute();
}

/** A department by its code (the stable public address). */
export async function findByCode(db: Executor, code: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('department').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A department by id. */
export async function findById(db: Executor, id: number): Promise<DepartmentRow | undefined> {
  return db.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a department; returns its id. */
export async function insert(db: Executor, row: Insertable<DepartmentTable>): Promise<number> {
  const r = await db.insertInto('department').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a department. */
export async function update(db: Executor, id: number, patch: Updateable<DepartmentTable>): Promise<void> {
  await db.updateTable('department').set(patch).where('id', '=', id).execute();
}
