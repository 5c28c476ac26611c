import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../http/context.js';
import type { Locale } from '../../platform/i18n/index.js';
import { departmentsRoutes } from './departments.routes.js';
import * as repo from './departments.repository.js';
import { departmentName } from './departments.presenter.js';

export { departmentName } from './departments.presenter.js';
export type { DepartmentRow } from './departments.repository.js';

/** Departments as {id, name} options for forms in other modules. */
export async function listDepartmentOptions(db: Executor, locale: Locale): Promise<Array<{ id: number; name: string }>> {
  return (await repo.listAll(db)).map((d) => ({ id: d.id, name: departmentName(d, locale) }));
}

/** All departments (for lookups in other modules). */
export const listAllDepartments = repo.listAll;
/** One department by id. */
export const findDepartmentById = repo.findById;

/** The id of a department by its code (e.g. 'service-data', which staffs the one-window halls). */
export async function departmentIdByCode(db: Executor, code: string): Promise<number | undefined> {
  return (await repo.findByCode(db, code))?.id;
}

/** The department directory (主动公开 category 2). */
export async function registerDepartments(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/departments', labelKey: 'nav.departments', order: 90 });
  await app.register(departmentsRoutes);
}
