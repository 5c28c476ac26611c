import type { Selectable } from 'kysely';
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
