import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { Locale } from '../../platform/i18n/index.js';
import { departmentName, listAllDepartments } from '../departments/index.js';
import { serviceItemByCode, serviceItemsByIds, type ServiceItemRow } from '../service-catalogue/index.js';
import { locatorSvg, type MapDot } from '../../platform/map.js';
import * as repo from './service-halls.repository.js';
import { lunchOf, openState, weeklyHoursOf, type HallHours, type OpenState } from './service-halls.hours.js';
import { HALL_LEVELS } from './service-halls.schema.js';

// The public side: the hall directory, a hall's page, the terminals, and "where can I do this?".

/** A hall with its hours read and its state at the moment asked. */
export interface HallView {
  hall: repo.HallRow;
  hours: HallHours;
  state: OpenState;
}

/** Reads a hall's hours and whether it is open at `at`. */
export function hallView(hall: repo.HallRow, at: Date): HallView {
  const hours: HallHours = { weekly: weeklyHoursOf(hall.weeklyHours), lunch: lunchOf(hall.lunchFrom, hall.lunchTo), opensOnHolidays: hall.opensOnHolidays === 1 };
  return { hall, hours, state: openState(hours, at) };
}

/** A locator of some halls with one marked (null when none has coordinates). */
function hallsMap(halls: repo.HallRow[], currentId: number, title: string): string | null {
  const dots: MapDot[] = halls.filter((h) => h.lat !== null && h.lng !== null).map((h) => ({ id: h.id, lat: h.lat!, lng: h.lng!, label: h.name }));
  return dots.length > 0 ? locatorSvg(dots, currentId, title) : null;
}

async function departmentNames(db: Executor, locale: Locale): Promise<Map<number, string>> {
  return new Map((await listAllDepartments(db)).map((d) => [d.id, departmentName(d, locale)]));
}

/** The public hall list, grouped by level, filtered by level and street. */
export async function hallDirectory(db: Executor, filter: { level?: string; street?: string }, at: Date = new Date()) {
  const halls = await repo.listHalls(db, { ...filter, activeOnly: true });
  const counts = await repo.windowCounts(db);
  const all = await repo.listHalls(db, { activeOnly: true });
  const groups = HALL_LEVELS.map((level) => ({
    level,
    halls: halls.filter((h) => h.level === level).map((h) => ({ ...hallView(h, at), windows: counts.get(h.id) ?? 0 })),
  })).filter((g) => g.halls.length > 0);
  return { groups, total: halls.length, allTotal: all.length, streets: await repo.hallStreets(db) };
}

/** Items by id that the public may see (published), keyed by id. */
async function publicItems(db: Executor, ids: number[]): Promise<Map<number, ServiceItemRow>> {
  return new Map((await serviceItemsByIds(db, [...new Set(ids)])).filter((i) => i.status === 'published').map((i) => [i.id, i]));
}

/** A public hall page: hours and state, windows with their departments and items, terminals, parent and child halls, map. */
export async function hallPage(db: Executor, id: number, locale: Locale, at: Date = new Date()) {
  const hall = await repo.hallById(db, id);
  if (!hall || hall.active !== 1) {
    throw new AppError('not_found');
  }
  const windows = await repo.windowsOfHall(db, id);
  const pairs = await repo.itemsOfWindows(db, windows.map((w) => w.id));
  const items = await publicItems(db, pairs.map((p) => p.itemId));
  const depts = await departmentNames(db, locale);
  const parent = hall.parentId ? await repo.hallById(db, hall.parentId) : undefined;
  const children = (await repo.listHalls(db, { activeOnly: true })).filter((h) => h.parentId === id);
  const neighbours = await repo.listHalls(db, { activeOnly: true, street: hall.street || undefined });
  return {
    ...hallView(hall, at),
    parent: parent && parent.active === 1 ? parent : undefined,
    children,
    windows: windows.map((w) => ({
      window: w,
      department: w.departmentId ? (depts.get(w.departmentId) ?? '') : '',
      items: pairs.filter((p) => p.windowId === w.id && items.has(p.itemId)).map((p) => items.get(p.itemId)!),
    })),
    terminals: await repo.listTerminals(db, { hallId: id, activeOnly: true }),
    map: hallsMap(hall.level === 'district' ? [hall] : neighbours, id, hall.name),
  };
}

/** The terminal list, optionally of one street, with the hall each stands in. */
export async function terminalDirectory(db: Executor, street?: string) {
  const terminals = await repo.listTerminals(db, { street, activeOnly: true });
  const halls = new Map((await repo.hallsByIds(db, [...new Set(terminals.flatMap((t) => (t.hallId ? [t.hallId] : [])))])).map((h) => [h.id, h]));
  return { terminals: terminals.map((t) => ({ terminal: t, hall: t.hallId ? halls.get(t.hallId) : undefined })), streets: await repo.hallStreets(db) };
}

/** True when the item needs no visit: 不见面审批 or 全程网办. */
export function onlineOnly(item: Pick<ServiceItemRow, 'noVisit' | 'onlineDepth'>): boolean {
  return item.noVisit === 1 || item.onlineDepth === 'fully_online';
}

/** "Where can I do this?": halls and windows by level, terminals, and whether no visit is needed. */
export async function whereCanIDo(db: Executor, code: string, locale: Locale, at: Date = new Date()) {
  const item = await serviceItemByCode(db, code);
  if (!item || item.status !== 'published') {
    throw new AppError('not_found');
  }
  const windows = await repo.windowsAcceptingItem(db, item.id);
  const halls = await repo.hallsByIds(db, [...new Set(windows.map((w) => w.hallId))]);
  const depts = await departmentNames(db, locale);
  const levels = HALL_LEVELS.map((level) => ({
    level,
    halls: halls
      .filter((h) => h.level === level)
      .map((h) => ({
        ...hallView(h, at),
        windows: windows.filter((w) => w.hallId === h.id).map((w) => ({ window: w, department: w.departmentId ? (depts.get(w.departmentId) ?? '') : '' })),
      })),
  })).filter((g) => g.halls.length > 0);
  const terminals = await repo.terminalsForItem(db, item.id, item.selfServiceTerminal === 1);
  const terminalHalls = new Map((await repo.hallsByIds(db, [...new Set(terminals.flatMap((t) => (t.hallId ? [t.hallId] : [])))])).map((h) => [h.id, h]));
  const first = halls[0];
  return {
    item,
    online: onlineOnly(item),
    levels,
    hallCount: halls.length,
    terminals: terminals.map((t) => ({ terminal: t, hall: t.hallId ? terminalHalls.get(t.hallId) : undefined })),
    map: first ? hallsMap(halls, first.id, item.name) : null,
  };
}
