import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ServiceItemTable } from './service-catalogue.table.js';

/** A stored service item as other modules read it. */
export type ServiceItemRow = Selectable<ServiceItemTable>;

/** One item by id, or undefined. */
export async function serviceItemById(db: Executor, id: number): Promise<ServiceItemRow | undefined> {
  return db.selectFrom('serviceItem').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One item by its code (事项编码), or undefined. */
export async function serviceItemByCode(db: Executor, code: string): Promise<ServiceItemRow | undefined> {
  return db.selectFrom('serviceItem').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Items by id (any status), in no particular order. */
export async function serviceItemsByIds(db: Executor, ids: readonly number[]): Promise<ServiceItemRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('serviceItem').selectAll().where('id', 'in', [...ids]).execute();
}

/** An item with its department's names, as other modules list items. */
export interface ServiceItemSummary {
  id: number;
  code: string;
  name: string;
  status: string;
  departmentId: number;
  departmentZh: string;
  departmentEn: string;
}

/** Items by id with their department names (any status), in code order. */
export async function serviceItemsWithDepartments(db: Executor, ids: readonly number[]): Promise<ServiceItemSummary[]> {
  if (ids.length === 0) {
    return [];
  }
  return db
    .selectFrom('serviceItem')
    .innerJoin('department', 'department.id', 'serviceItem.departmentId')
    .select(['serviceItem.id', 'serviceItem.code', 'serviceItem.name', 'serviceItem.status', 'serviceItem.departmentId', 'department.nameZh as departmentZh', 'department.nameEn as departmentEn'])
    .where('serviceItem.id', 'in', [...ids])
    .orderBy('serviceItem.code')
    .execute();
}

/** The published items of a department, in code order. */
export async function publishedItemsOfDepartment(db: Executor, departmentId: number): Promise<ServiceItemSummary[]> {
  return db
    .selectFrom('serviceItem')
    .innerJoin('department', 'department.id', 'serviceItem.departmentId')
    .select(['serviceItem.id', 'serviceItem.code', 'serviceItem.name', 'serviceItem.status', 'serviceItem.departmentId', 'department.nameZh as departmentZh', 'department.nameEn as departmentEn'])
    .where('serviceItem.departmentId', '=', departmentId)
    .where('serviceItem.status', '=', 'published')
    .orderBy('serviceItem.code')
    .execute();
}

/** A published item as pickers and demo loaders list it. */
export interface PublishedItemChoice {
  id: number;
  code: string;
  name: string;
  departmentId: number;
  enterpriseRelated: number;
}

/** Published items (of one department, or all), in code order, at most `limit` of them. */
export function publishedItemChoices(db: Executor, opts: { departmentId?: number | undefined; limit?: number } = {}): Promise<PublishedItemChoice[]> {
  let q = db.selectFrom('serviceItem').select(['id', 'code', 'name', 'departmentId', 'enterpriseRelated']).where('status', '=', 'published');
  if (opts.departmentId) {
    q = q.where('departmentId', '=', opts.departmentId);
  }
  return q.orderBy('code').limit(opts.limit ?? 2000).execute();
}

/** The names of an item's materials in their order: the checklist of uploads and corrections. */
export async function itemMaterialNames(db: Executor, itemId: number): Promise<string[]> {
  const rows = await db.selectFrom('serviceItemMaterial').select('name').where('itemId', '=', itemId).orderBy('sortOrder').orderBy('id').execute();
  return rows.map((r) => r.name);
}

/** Ids of published items, instant-approval ones or the others, those of `preferDepartments` first (demo loaders pick from them). */
export async function publishedItemIds(db: Executor, instant: boolean, limit: number, preferDepartments: readonly number[]): Promise<number[]> {
  let q = db.selectFrom('serviceItem').select('id').where('status', '=', 'published').where('instantApproval', '=', instant ? 1 : 0);
  if (preferDepartments.length) {
    q = q.orderBy(sql`case when department_id in (${sql.join([...preferDepartments])}) then 0 else 1 end`);
  }
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}
