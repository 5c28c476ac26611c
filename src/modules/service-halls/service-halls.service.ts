import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { findDepartmentById } from '../departments/index.js';
import { serviceItemsByIds } from '../service-catalogue/index.js';
import * as repo from './service-halls.repository.js';
import { requireHallManager } from './service-halls.policy.js';
import { DAY_FIELDS, type HallInput, type TerminalInput, type WindowInput } from './service-halls.schema.js';

// Staff writes on halls, windows, window items and terminals: authorise first, check, write, audit.

const PARENT_LEVEL: Record<string, string> = { street: 'district', community: 'street' };

function hallRow(input: HallInput) {
  return {
    code: input.code,
    level: input.level,
    name: input.name,
    parentId: input.level === 'district' ? null : (input.parentId ?? null),
    street: input.level === 'district' ? '' : (input.street ?? ''),
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    phone: input.phone ?? '',
    weeklyHours: JSON.stringify(DAY_FIELDS.map((f) => input[f])),
    lunchFrom: input.lunchFrom ?? '',
    lunchTo: input.lunchTo ?? '',
    opensOnHolidays: input.opensOnHolidays ? 1 : 0,
    extraService: input.extraService ?? '',
    transport: input.transport ?? '',
    accessibility: input.accessibility ?? '',
    services: input.services ?? '',
    active: input.active ? 1 : 0,
  };
}

/** What the schema cannot check: the code unused, the parent one level up and not the hall itself. */
async function checkHall(trx: Executor, input: HallInput, id: number | null): Promise<void> {
  const problems: FieldProblem[] = [];
  const other = await repo.hallByCode(trx, input.code);
  if (other && other.id !== id) {
    problems.push({ field: 'code', key: 'serviceHalls.code_taken' });
  }
  if (input.level !== 'district' && input.parentId !== undefined) {
    const parent = await repo.hallById(trx, input.parentId);
    if (!parent || parent.id === id || parent.level !== PARENT_LEVEL[input.level]) {
      problems.push({ field: 'parentId', key: 'serviceHalls.parent_level' });
    }
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
}

async function loadHall(db: Executor, id: number): Promise<repo.HallRow> {
  const h = await repo.hallById(db, id);
  if (!h) {
    throw new AppError('not_found');
  }
  return h;
}

/** Creates a hall. */
export async function createHall(trx: Executor, actor: Actor, user: CurrentUser | null, input: HallInput): Promise<number> {
  await requireHallManager(trx, user);
  await checkHall(trx, input, null);
  const now = nowIso();
  const row = hallRow(input);
  const id = await repo.insertHall(trx, { ...row, createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'service_hall.create', entityType: 'service_hall', entityId: id, after: row });
  return id;
}

/** Edits a hall. */
export async function updateHall(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: HallInput): Promise<void> {
  await requireHallManager(trx, user);
  const before = await loadHall(trx, id);
  await checkHall(trx, input, id);
  const row = hallRow(input);
  await repo.updateHall(trx, id, { ...row, updatedAt: nowIso() });
  const { createdAt: _c, updatedAt: _u, ...b } = before;
  await recordAudit(trx, actor, { action: 'service_hall.update', entityType: 'service_hall', entityId: id, before: b, after: row });
}

/** Deletes a hall with its windows; its terminals become standalone. */
export async function deleteHall(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  await requireHallManager(trx, user);
  const before = await loadHall(trx, id);
  await repo.updateTerminalsOfHall(trx, id);
  await repo.deleteHall(trx, id);
  await recordAudit(trx, actor, { action: 'service_hall.delete', entityType: 'service_hall', entityId: id, before });
}

// ---------------- windows

async function loadWindow(db: Executor, hallId: number, windowId: number): Promise<repo.WindowRow> {
  const w = await repo.windowById(db, windowId);
  if (!w || w.hallId !== hallId) {
    throw new AppError('not_found');
  }
  return w;
}

async function checkWindow(trx: Executor, hallId: number, input: WindowInput, id: number | null): Promise<void> {
  const problems: FieldProblem[] = [];
  const other = await repo.windowByNumber(trx, hallId, input.number);
  if (other && other.id !== id) {
    problems.push({ field: 'number', key: 'serviceHalls.window_number_taken' });
  }
  if (input.departmentId !== undefined && !(await findDepartmentById(trx, input.departmentId))) {
    problems.push({ field: 'departmentId', key: 'validation.choice' });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
}

const windowRow = (input: WindowInput) => ({ number: input.number, name: input.name, kind: input.kind, departmentId: input.departmentId ?? null, notes: input.notes ?? '', sortOrder: input.sortOrder });

/** Adds a window to a hall. */
export async function createWindow(trx: Executor, actor: Actor, user: CurrentUser | null, hallId: number, input: WindowInput): Promise<number> {
  await requireHallManager(trx, user);
  await loadHall(trx, hallId);
  await checkWindow(trx, hallId, input, null);
  const now = nowIso();
  const id = await repo.insertWindow(trx, { ...windowRow(input), hallId, createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'service_window.create', entityType: 'service_window', entityId: id, after: { hallId, ...windowRow(input) } });
  return id;
}

/** Edits a window. */
export async function updateWindow(trx: Executor, actor: Actor, user: CurrentUser | null, hallId: number, windowId: number, input: WindowInput): Promise<void> {
  await requireHallManager(trx, user);
  const before = await loadWindow(trx, hallId, windowId);
  await checkWindow(trx, hallId, input, windowId);
  await repo.updateWindow(trx, windowId, { ...windowRow(input), updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'service_window.update', entityType: 'service_window', entityId: windowId, before: windowRow({ ...before, departmentId: before.departmentId ?? undefined, kind: before.kind as WindowInput['kind'] }), after: windowRow(input) });
}

/** Removes a window and its item list. */
export async function deleteWindow(trx: Executor, actor: Actor, user: CurrentUser | null, hallId: number, windowId: number): Promise<void> {
  await requireHallManager(trx, user);
  const before = await loadWindow(trx, hallId, windowId);
  const items = (await repo.itemsOfWindows(trx, [windowId])).map((r) => r.itemId);
  await repo.deleteWindow(trx, windowId);
  await recordAudit(trx, actor, { action: 'service_window.delete', entityType: 'service_window', entityId: windowId, before: { ...before, itemIds: items } });
}

/** Checks that every id is a catalogue item; names the field otherwise. */
async function checkItems(trx: Executor, itemIds: readonly number[], field = 'itemIds'): Promise<void> {
  const found = await serviceItemsByIds(trx, itemIds);
  if (found.length !== new Set(itemIds).size) {
    throw fieldError(field, 'serviceHalls.unknown_items');
  }
}

/** Replaces the items a window accepts. */
export async function setWindowItems(trx: Executor, actor: Actor, user: CurrentUser | null, hallId: number, windowId: number, itemIds: number[]): Promise<void> {
  await requireHallManager(trx, user);
  await loadWindow(trx, hallId, windowId);
  await checkItems(trx, itemIds);
  const before = (await repo.itemsOfWindows(trx, [windowId])).map((r) => r.itemId);
  await repo.setWindowItems(trx, windowId, itemIds);
  await recordAudit(trx, actor, { action: 'service_window.items', entityType: 'service_window', entityId: windowId, before: { itemIds: before }, after: { itemIds: [...new Set(itemIds)].sort((a, b) => a - b) } });
}

/** Adds every published item of a department to a window (bulk assignment); returns how many were new. */
export async function assignDepartmentItems(trx: Executor, actor: Actor, user: CurrentUser | null, hallId: number, windowId: number, departmentId: number): Promise<number> {
  await requireHallManager(trx, user);
  await loadWindow(trx, hallId, windowId);
  if (!(await findDepartmentById(trx, departmentId))) {
    throw fieldError('departmentId', 'validation.choice');
  }
  const before = (await repo.itemsOfWindows(trx, [windowId])).map((r) => r.itemId);
  const add = (await repo.pickerItems(trx, departmentId)).map((i) => i.id).filter((id) => !before.includes(id));
  await repo.setWindowItems(trx, windowId, [...before, ...add]);
  await recordAudit(trx, actor, { action: 'service_window.assign_department', entityType: 'service_window', entityId: windowId, before: { itemIds: before }, after: { departmentId, added: add } });
  return add.length;
}

// ---------------- terminals

function terminalRow(input: TerminalInput) {
  return {
    code: input.code,
    name: input.name,
    hallId: input.hallId ?? null,
    placeKind: input.placeKind,
    street: input.street ?? '',
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    hours: input.hours,
    customItems: input.customItems ? 1 : 0,
    active: input.active ? 1 : 0,
  };
}

async function checkTerminal(trx: Executor, input: TerminalInput, id: number | null): Promise<void> {
  const problems: FieldProblem[] = [];
  const other = await repo.terminalByCode(trx, input.code);
  if (other && other.id !== id) {
    problems.push({ field: 'code', key: 'serviceHalls.code_taken' });
  }
  if (input.hallId !== undefined && !(await repo.hallById(trx, input.hallId))) {
    problems.push({ field: 'hallId', key: 'validation.choice' });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  await checkItems(trx, input.itemIds);
}

/** Adds a terminal (with its own item list when it does not keep the catalogue's default). */
export async function createTerminal(trx: Executor, actor: Actor, user: CurrentUser | null, input: TerminalInput): Promise<number> {
  await requireHallManager(trx, user);
  await checkTerminal(trx, input, null);
  const now = nowIso();
  const row = terminalRow(input);
  const id = await repo.insertTerminal(trx, { ...row, createdAt: now, updatedAt: now });
  const itemIds = input.customItems ? input.itemIds : [];
  await repo.setTerminalItems(trx, id, itemIds);
  await recordAudit(trx, actor, { action: 'service_terminal.create', entityType: 'service_terminal', entityId: id, after: { ...row, itemIds } });
  return id;
}

/** Edits a terminal. */
export async function updateTerminal(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: TerminalInput): Promise<void> {
  await requireHallManager(trx, user);
  const before = await repo.terminalById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  await checkTerminal(trx, input, id);
  const beforeItems = await repo.terminalItemIds(trx, id);
  const row = terminalRow(input);
  const itemIds = input.customItems ? input.itemIds : [];
  await repo.updateTerminal(trx, id, { ...row, updatedAt: nowIso() });
  await repo.setTerminalItems(trx, id, itemIds);
  const { createdAt: _c, updatedAt: _u, ...b } = before;
  await recordAudit(trx, actor, { action: 'service_terminal.update', entityType: 'service_terminal', entityId: id, before: { ...b, itemIds: beforeItems }, after: { ...row, itemIds } });
}

/** Removes a terminal. */
export async function deleteTerminal(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  await requireHallManager(trx, user);
  const before = await repo.terminalById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  await repo.deleteTerminal(trx, id);
  await recordAudit(trx, actor, { action: 'service_terminal.delete', entityType: 'service_terminal', entityId: id, before });
}
