import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ServiceItemMaterialTable, ServiceItemTable } from './service-catalogue.table.js';
import type { Flag } from './service-catalogue.rules.js';
import { matchingIds } from './service-catalogue.search.js';

// Every SQL statement of the catalogue (the search SQL proper lives in service-catalogue.search.ts).

export type ItemRow = Selectable<ServiceItemTable>;
export type MaterialRow = Selectable<ServiceItemMaterialTable>;

/** What the list pages filter on; `terms` are search words (all must match). */
export interface ListFilter {
  statuses: readonly string[];
  terms?: string[];
  departmentIds?: readonly number[];
  department?: number;
  theme?: string;
  audience?: string;
  type?: string;
  flag?: Flag;
}

const LIST_COLUMNS = [
  'serviceItem.id',
  'serviceItem.code',
  'serviceItem.name',
  'serviceItem.variant',
  'serviceItem.parentId',
  'serviceItem.itemType',
  'serviceItem.departmentId',
  'serviceItem.theme',
  'serviceItem.audience',
  'serviceItem.caseType',
  'serviceItem.onlineDepth',
  'serviceItem.promisedDays',
  'serviceItem.visitsNeeded',
  'serviceItem.enterpriseRelated',
  'serviceItem.noVisit',
  'serviceItem.instantApproval',
  'serviceItem.selfServiceTerminal',
  'serviceItem.status',
  'serviceItem.updatedAt',
  'department.nameZh as departmentZh',
  'department.nameEn as departmentEn',
] as const;

// The filters read only serviceItem's indexed columns, so the count never joins or reads whole rows.
function filtered(db: Executor, f: ListFilter) {
  let q = db.selectFrom('serviceItem').where('serviceItem.status', 'in', [...f.statuses]);
  if (f.terms && f.terms.length > 0) {
    q = q.where('serviceItem.id', 'in', matchingIds(db, f.terms));
  }
  if (f.departmentIds) {
    q = q.where('serviceItem.departmentId', 'in', f.departmentIds.length > 0 ? [...f.departmentIds] : [-1]);
  }
  if (f.department !== undefined) {
    q = q.where('serviceItem.departmentId', '=', f.department);
  }
  if (f.theme !== undefined) {
    q = q.where('serviceItem.theme', '=', f.theme);
  }
  if (f.audience !== undefined) {
    // An item for both persons and legal persons serves either audience.
    q = q.where('serviceItem.audience', 'in', [f.audience, 'both']);
  }
  if (f.type !== undefined) {
    q = q.where('serviceItem.itemType', '=', f.type);
  }
  if (f.flag !== undefined) {
    q = q.where(`serviceItem.${f.flag}`, '=', 1);
  }
  return q;
}

/** One page of items matching a filter (by code; on a search, items whose name holds the query first) and the total. */
export async function listItems(db: Executor, f: ListFilter, page: number, pageSize: number, q?: string) {
  const base = filtered(db, f);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rows = base.innerJoin('department', 'department.id', 'serviceItem.departmentId').select(LIST_COLUMNS);
  if (q) {
    rows = rows.orderBy(sql`case when service_item.name like ${`%${q.replace(/[%_\\]/g, '')}%`} then 0 else 1 end`);
  }
  const items = await rows.orderBy('serviceItem.code').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { items, total: Number(count.n) };
}
export type ListRow = Awaited<ReturnType<typeof listItems>>['items'][number];

/** Count of published items per department and per theme (the browse page's facets). */
export async function facets(db: Executor) {
  const departments = await db
    .selectFrom('department')
    .leftJoin('serviceItem', (j) => j.onRef('serviceItem.departmentId', '=', 'department.id').on('serviceItem.status', '=', 'published'))
    .select(['department.id', 'department.nameZh', 'department.nameEn', 'department.sortOrder', (eb) => eb.fn.count<number>('serviceItem.id').as('n')])
    .groupBy(['department.id', 'department.nameZh', 'department.nameEn', 'department.sortOrder'])
    .orderBy('department.sortOrder')
    .orderBy('department.id')
    .execute();
  const themes = await db.selectFrom('serviceItem').select(['theme', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'published').where('theme', '<>', '').groupBy('theme').orderBy('theme').execute();
  return { departments: departments.map((d) => ({ ...d, n: Number(d.n) })), themes: themes.map((t) => ({ theme: t.theme, n: Number(t.n) })) };
}

/** An item with its department's names. */
export async function itemWithDepartment(db: Executor, where: { code: string } | { id: number }) {
  let q = db.selectFrom('serviceItem').innerJoin('department', 'department.id', 'serviceItem.departmentId').selectAll('serviceItem').select(['department.nameZh as departmentZh', 'department.nameEn as departmentEn', 'department.code as departmentCode']);
  q = 'code' in where ? q.where('serviceItem.code', '=', where.code) : q.where('serviceItem.id', '=', where.id);
  return q.executeTakeFirst();
}
export type ItemDetailRow = NonNullable<Awaited<ReturnType<typeof itemWithDepartment>>>;

/** The sub items and variants directly under an item, in code order. */
export async function childrenOf(db: Executor, id: number, statuses: readonly string[]) {
  return db.selectFrom('serviceItem').select(['id', 'code', 'name', 'variant', 'status']).where('parentId', '=', id).where('status', 'in', [...statuses]).orderBy('code').execute();
}

/** Items by code, as the import and the parent check need them. */
export async function itemsByCodes(db: Executor, codes: readonly string[]) {
  const out: Array<Pick<ItemRow, 'id' | 'code' | 'variant' | 'parentId' | 'departmentId'>> = [];
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    out.push(...(await db.selectFrom('serviceItem').select(['id', 'code', 'variant', 'parentId', 'departmentId']).where('code', 'in', chunk).execute()));
  }
  return out;
}

/** Inserts an item; returns its id. */
export async function insertItem(trx: Executor, values: Insertable<ServiceItemTable>): Promise<number> {
  return (await trx.insertInto('serviceItem').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates an item. */
export async function updateItem(trx: Executor, id: number, values: Updateable<ServiceItemTable>): Promise<void> {
  await trx.updateTable('serviceItem').set(values).where('id', '=', id).execute();
}

/** An item's materials in order. */
export async function materialsOf(db: Executor, itemId: number): Promise<MaterialRow[]> {
  return db.selectFrom('serviceItemMaterial').selectAll().where('itemId', '=', itemId).orderBy('sortOrder').execute();
}

/** The materials of many items, for the export. */
export async function materialsOfItems(db: Executor, itemIds: readonly number[]): Promise<MaterialRow[]> {
  return itemIds.length === 0 ? [] : db.selectFrom('serviceItemMaterial').selectAll().where('itemId', 'in', [...itemIds]).orderBy('itemId').orderBy('sortOrder').execute();
}

/** Replaces an item's materials. */
export async function replaceMaterials(trx: Executor, itemId: number, rows: Array<Omit<Insertable<ServiceItemMaterialTable>, 'itemId' | 'sortOrder'>>): Promise<void> {
  await trx.deleteFrom('serviceItemMaterial').where('itemId', '=', itemId).execute();
  if (rows.length > 0) {
    await trx
      .insertInto('serviceItemMaterial')
      .values(rows.map((r, i) => ({ ...r, itemId, sortOrder: i + 1 })))
      .execute();
  }
}

/** Points a material's sample or blank form at a stored file. */
export async function setMaterialFile(trx: Executor, materialId: number, column: 'sampleFileId' | 'blankFormFileId', fileId: number | null): Promise<void> {
  await trx.updateTable('serviceItemMaterial').set({ [column]: fileId }).where('id', '=', materialId).execute();
}

/** True when a file is a sample or blank form of a published item (so the public may download it). */
export async function isPublishedItemFile(db: Executor, fileId: number): Promise<boolean> {
  const viaMaterial = await db
    .selectFrom('serviceItemMaterial')
    .innerJoin('serviceItem', 'serviceItem.id', 'serviceItemMaterial.itemId')
    .select('serviceItem.id')
    .where('serviceItem.status', '=', 'published')
    .where((eb) => eb.or([eb('serviceItemMaterial.sampleFileId', '=', fileId), eb('serviceItemMaterial.blankFormFileId', '=', fileId)]))
    .executeTakeFirst();
  const viaResult = viaMaterial ?? (await db.selectFrom('serviceItem').select('id').where('status', '=', 'published').where('resultSampleFileId', '=', fileId).executeTakeFirst());
  return viaResult !== undefined;
}

/** Items for the export, in id order after `afterId` (the export reads the catalogue in chunks). */
export async function exportChunk(db: Executor, f: ListFilter, afterId: number, limit: number) {
  return filtered(db, f).innerJoin('department', 'department.id', 'serviceItem.departmentId').selectAll('serviceItem').select('department.code as departmentCode').where('serviceItem.id', '>', afterId).orderBy('serviceItem.id').limit(limit).execute();
}

/** Codes of items by id (parents of exported items). */
export async function codesByIds(db: Executor, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = ids.length === 0 ? [] : await db.selectFrom('serviceItem').select(['id', 'code']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Counts of published items per department: total, each flag. */
export async function countsByDepartment(db: Executor) {
  const one = sql<number>`1`;
  const rows = await db
    .selectFrom('serviceItem')
    .innerJoin('department', 'department.id', 'serviceItem.departmentId')
    .where('serviceItem.status', '=', 'published')
    .select((eb) => [
      'department.id',
      'department.nameZh',
      'department.nameEn',
      'department.sortOrder',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>('serviceItem.enterpriseRelated').as('enterpriseRelated'),
      eb.fn.sum<number>('serviceItem.noVisit').as('noVisit'),
      eb.fn.sum<number>('serviceItem.instantApproval').as('instantApproval'),
      eb.fn.sum<number>('serviceItem.selfServiceTerminal').as('selfServiceTerminal'),
      eb.fn.sum<number>(eb.case().when('serviceItem.onlineDepth', '=', 'fully_online').then(one).else(sql<number>`0`).end()).as('fullyOnline'),
    ])
    .groupBy(['department.id', 'department.nameZh', 'department.nameEn', 'department.sortOrder'])
    .orderBy('department.sortOrder')
    .orderBy('department.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    total: Number(r.total),
    enterpriseRelated: Number(r.enterpriseRelated),
    noVisit: Number(r.noVisit),
    instantApproval: Number(r.instantApproval),
    selfServiceTerminal: Number(r.selfServiceTerminal),
    fullyOnline: Number(r.fullyOnline),
  }));
}

/** Counts of published items by one column's values. */
export async function countsBy(db: Executor, column: 'itemType' | 'onlineDepth' | 'caseType' | 'audience') {
  const rows = await db.selectFrom('serviceItem').select([column, (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'published').groupBy(column).execute();
  return new Map(rows.map((r) => [String(r[column]), Number(r.n)]));
}
