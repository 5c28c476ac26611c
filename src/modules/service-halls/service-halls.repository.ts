import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { publishedItemChoices, type PublishedItemChoice } from '../service-catalogue/index.js';
import type { ServiceHallTable, ServiceTerminalTable, ServiceWindowTable } from './service-halls.table.js';

export type HallRow = Selectable<ServiceHallTable>;
export type WindowRow = Selectable<ServiceWindowTable>;
export type TerminalRow = Selectable<ServiceTerminalTable>;

/** The public filters of the hall list. */
export interface HallFilter {
  level?: string;
  street?: string;
  activeOnly?: boolean;
}

/** A hall by id. */
export function hallById(db: Executor, id: number): Promise<HallRow | undefined> {
  return db.selectFrom('serviceHall').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A hall by its public code. */
export function hallByCode(db: Executor, code: string): Promise<HallRow | undefined> {
  return db.selectFrom('serviceHall').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Halls by filter, district first, then streets, then communities, each by code. */
export function listHalls(db: Executor, f: HallFilter = {}): Promise<HallRow[]> {
  let q = db.selectFrom('serviceHall').selectAll();
  if (f.level) {
    q = q.where('level', '=', f.level);
  }
  if (f.street) {
    q = q.where('street', '=', f.street);
  }
  if (f.activeOnly) {
    q = q.where('active', '=', 1);
  }
  return q.orderBy('code').execute();
}

/** The streets that have halls, in code order of their first hall. */
export async function hallStreets(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('serviceHall').select('street').where('street', '!=', '').groupBy('street').orderBy('street').execute();
  return rows.map((r) => r.street);
}

/** Window counts per hall. */
export async function windowCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db.selectFrom('serviceWindow').select((eb) => ['hallId', eb.fn.countAll<number>().as('n')]).groupBy('hallId').execute();
  return new Map(rows.map((r) => [r.hallId, Number(r.n)]));
}

/** Inserts a hall and returns its id. */
export async function insertHall(db: Executor, row: Insertable<ServiceHallTable>): Promise<number> {
  return (await db.insertInto('serviceHall').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a hall. */
export async function updateHall(db: Executor, id: number, patch: Updateable<ServiceHallTable>): Promise<void> {
  await db.updateTable('serviceHall').set(patch).where('id', '=', id).execute();
}

/** Deletes a hall (its windows and their item lists go with it; terminals stay, standalone). */
export async function deleteHall(db: Executor, id: number): Promise<void> {
  await db.updateTable('serviceHall').set({ parentId: null }).where('parentId', '=', id).execute();
  await db.deleteFrom('serviceHall').where('id', '=', id).execute();
}

// ---------------- windows

/** A window by id. */
export function windowById(db: Executor, id: number): Promise<WindowRow | undefined> {
  return db.selectFrom('serviceWindow').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The windows of a hall in counter order. */
export function windowsOfHall(db: Executor, hallId: number): Promise<WindowRow[]> {
  return db.selectFrom('serviceWindow').selectAll().where('hallId', '=', hallId).orderBy('sortOrder').orderBy('number').execute();
}

/** A window of a hall by its number (numbers are unique within a hall). */
export function windowByNumber(db: Executor, hallId: number, number: string): Promise<WindowRow | undefined> {
  return db.selectFrom('serviceWindow').selectAll().where('hallId', '=', hallId).where('number', '=', number).executeTakeFirst();
}

/** Inserts a window and returns its id. */
export async function insertWindow(db: Executor, row: Insertable<ServiceWindowTable>): Promise<number> {
  return (await db.insertInto('serviceWindow').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a window. */
export async function updateWindow(db: Executor, id: number, patch: Updateable<ServiceWindowTable>): Promise<void> {
  await db.updateTable('serviceWindow').set(patch).where('id', '=', id).execute();
}

/** Deletes a window and its item list. */
export async function deleteWindow(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('serviceWindow').where('id', '=', id).execute();
}

/** The (window, item) pairs of some windows. */
export async function itemsOfWindows(db: Executor, windowIds: readonly number[]): Promise<Array<{ windowId: number; itemId: number }>> {
  if (windowIds.length === 0) {
    return [];
  }
  return db.selectFrom('serviceWindowItem').select(['windowId', 'itemId']).where('windowId', 'in', [...windowIds]).orderBy('windowId').orderBy('itemId').execute();
}

/** Replaces a window's item list. */
export async function setWindowItems(db: Executor, windowId: number, itemIds: readonly number[]): Promise<void> {
  await db.deleteFrom('serviceWindowItem').where('windowId', '=', windowId).execute();
  if (itemIds.length > 0) {
    await db
      .insertInto('serviceWindowItem')
      .values([...new Set(itemIds)].map((itemId) => ({ windowId, itemId })))
      .execute();
  }
}

/** Every window accepting an item, with its hall, for "where can I do this?". */
export function windowsAcceptingItem(db: Executor, itemId: number, activeOnly = true) {
  let q = db
    .selectFrom('serviceWindowItem as wi')
    .innerJoin('serviceWindow as w', 'w.id', 'wi.windowId')
    .innerJoin('serviceHall as h', 'h.id', 'w.hallId')
    .selectAll('w')
    .where('wi.itemId', '=', itemId);
  if (activeOnly) {
    q = q.where('h.active', '=', 1);
  }
  return q.orderBy('h.code').orderBy('w.sortOrder').orderBy('w.number').execute();
}

/** Halls by ids. */
export async function hallsByIds(db: Executor, ids: readonly number[]): Promise<HallRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('serviceHall').selectAll().where('id', 'in', [...ids]).orderBy('code').execute();
}

// ---------------- terminals

/** A terminal by id. */
export function terminalById(db: Executor, id: number): Promise<TerminalRow | undefined> {
  return db.selectFrom('serviceTerminal').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A terminal by code. */
export function terminalByCode(db: Executor, code: string): Promise<TerminalRow | undefined> {
  return db.selectFrom('serviceTerminal').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Terminals, optionally of one street or one hall, by code. */
export function listTerminals(db: Executor, f: { street?: string; hallId?: number; activeOnly?: boolean } = {}): Promise<TerminalRow[]> {
  let q = db.selectFrom('serviceTerminal').selectAll();
  if (f.street) {
    q = q.where('street', '=', f.street);
  }
  if (f.hallId) {
    q = q.where('hallId', '=', f.hallId);
  }
  if (f.activeOnly) {
    q = q.where('active', '=', 1);
  }
  return q.orderBy('code').execute();
}

/**
 * Terminals where an item can be done: those keeping the catalogue's default list when the item is
 * flagged for terminals, and those listing it in their own list.
 */
export function terminalsForItem(db: Executor, itemId: number, flaggedForTerminals: boolean): Promise<TerminalRow[]> {
  return db
    .selectFrom('serviceTerminal as t')
    .selectAll('t')
    .where('t.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([eb('t.customItems', '=', 1), eb.exists(eb.selectFrom('serviceTerminalItem as ti').select('ti.itemId').whereRef('ti.terminalId', '=', 't.id').where('ti.itemId', '=', itemId))]),
        ...(flaggedForTerminals ? [eb('t.customItems', '=', 0)] : []),
      ]),
    )
    .orderBy('t.code')
    .execute();
}

/** A terminal's own item ids. */
export async function terminalItemIds(db: Executor, terminalId: number): Promise<number[]> {
  return (await db.selectFrom('serviceTerminalItem').select('itemId').where('terminalId', '=', terminalId).orderBy('itemId').execute()).map((r) => r.itemId);
}

/** Replaces a terminal's own item list. */
export async function setTerminalItems(db: Executor, terminalId: number, itemIds: readonly number[]): Promise<void> {
  await db.deleteFrom('serviceTerminalItem').where('terminalId', '=', terminalId).execute();
  if (itemIds.length > 0) {
    await db
      .insertInto('serviceTerminalItem')
      .values([...new Set(itemIds)].map((itemId) => ({ terminalId, itemId })))
      .execute();
  }
}

/** Inserts a terminal and returns its id. */
export async function insertTerminal(db: Executor, row: Insertable<ServiceTerminalTable>): Promise<number> {
  return (await db.insertInto('serviceTerminal').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a terminal. */
export async function updateTerminal(db: Executor, id: number, patch: Updateable<ServiceTerminalTable>): Promise<void> {
  await db.updateTable('serviceTerminal').set(patch).where('id', '=', id).execute();
}

/** Deletes a terminal. */
export async function deleteTerminal(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('serviceTerminal').where('id', '=', id).execute();
}

// ---------------- catalogue look-ups not (yet) exported by the catalogue module

/** An item as the window and terminal pickers list it (the catalogue's published choices). */
export type PickerItem = PublishedItemChoice;

/** Published items (of one department, or all) for the pickers, through the catalogue. */
export function pickerItems(db: Executor, departmentId?: number): Promise<PickerItem[]> {
  return publishedItemChoices(db, { departmentId });
}

/** Makes a hall's terminals standalone (before the hall is deleted). */
export async function updateTerminalsOfHall(db: Executor, hallId: number): Promise<void> {
  await db.updateTable('serviceTerminal').set({ hallId: null, placeKind: 'other' }).where('hallId', '=', hallId).execute();
}
