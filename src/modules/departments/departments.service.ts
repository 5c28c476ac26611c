import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { requireRole } from '../accounts/index.js';
import * as repo from './departments.repository.js';
import type { DepartmentInput } from './departments.schema.js';

function row(input: DepartmentInput) {
  return {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? '',
    kind: input.kind,
    functions: input.functions ?? '',
    address: input.address ?? '',
    officeHours: input.officeHours ?? '',
    phone: input.phone ?? '',
    email: input.email ?? '',
    website: input.website ?? '',
    headName: input.headName ?? '',
    headTitle: input.headTitle ?? '',
    sortOrder: input.sortOrder,
  };
}

/** The public directory. */
export function listDepartments(db: Executor) {
  return repo.listAll(db);
}

/** One department by code, or not_found. */
export async function getDepartment(db: Executor, code: string) {
  const d = await repo.findByCode(db, code);
  if (!d) {
    throw new AppError('not_found');
  }
  return d;
}

/** The general office adds a department. */
export async function createDepartment(trx: Executor, actor: Actor, user: CurrentUser | null, input: DepartmentInput): Promise<number> {
  requireRole(user, 'admin');
  if (await repo.findByCode(trx, input.code)) {
    throw fieldError('code', 'validation.code_taken');
  }
  const now = nowIso();
  const id = await repo.insert(trx, { ...row(input), createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'department.create', entityType: 'department', entityId: id, after: row(input) });
  return id;
}

/** The general office edits a department's entry. */
export async function updateDepartment(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: DepartmentInput): Promise<void> {
  requireRole(user, 'admin');
  const before = await repo.findById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  const clash = await repo.findByCode(trx, input.code);
  if (clash && clash.id !== id) {
    throw fieldError('code', 'validation.code_taken');
  }
  await repo.update(trx, id, { ...row(input), updatedAt: nowIso() });
  const { createdAt: _c, updatedAt: _u, id: _i, ...beforeView } = before;
  await recordAudit(trx, actor, { action: 'department.update', entityType: 'department', entityId: id, before: beforeView, after: row(input) });
}
