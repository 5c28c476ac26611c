import type { Insertable } from 'kysely';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { canActInDepartment, requireDepartment, requireRole } from '../accounts/index.js';
import * as repo from './service-catalogue.repository.js';
import { STATUSES, checkConsistency, type ParentRef } from './service-catalogue.rules.js';
import type { AdminFilter, ItemInput } from './service-catalogue.schema.js';
import { queryTerms } from '../../platform/search/segment.js';
import { indexItems, searchText } from './service-catalogue.search.js';
import { catalogueChanged } from './service-catalogue.cache.js';
import type { ServiceItemTable } from './service-catalogue.table.js';

// Staff writes to the catalogue: every save passes the same checks (form, API, import), acts only in
// the user's own departments (admin everywhere) and is audited.

const bit = (b: boolean) => (b ? 1 : 0);

/** The stored columns of an item's input (without parent, status times and files). */
export function itemColumns(input: ItemInput) {
  return {
    code: input.code,
    variant: input.variant,
    name: input.name,
    itemType: input.itemType,
    departmentId: input.departmentId,
    implementingBody: input.implementingBody,
    legalBasis: input.legalBasis ?? '',
    level: input.level,
    theme: input.theme ?? '',
    audience: input.audience,
    caseType: input.caseType,
    visitsNeeded: input.visitsNeeded,
    visitsReason: input.visitsReason ?? '',
    onlineDepth: input.onlineDepth,
    statutoryDays: input.statutoryDays,
    promisedDays: input.promisedDays,
    conditions: input.conditions ?? '',
    steps: JSON.stringify(input.steps),
    specialSteps: JSON.stringify(input.specialSteps),
    resultType: input.resultType ?? '',
    resultName: input.resultName ?? '',
    deliveryMethods: input.deliveryMethods ?? '',
    deliveryDays: input.deliveryDays ?? null,
    place: input.place ?? '',
    hours: input.hours ?? '',
    enquiryPhone: input.enquiryPhone ?? '',
    complaintPhone: input.complaintPhone ?? '',
    feeCharged: bit(input.feeCharged),
    feeBasis: input.feeBasis ?? '',
    onlinePayment: bit(input.onlinePayment),
    faq: JSON.stringify(input.faq),
    enterpriseRelated: bit(input.enterpriseRelated),
    noVisit: bit(input.noVisit),
    instantApproval: bit(input.instantApproval),
    selfServiceTerminal: bit(input.selfServiceTerminal),
    status: input.status,
  };
}

/** Every problem of an item against the rules, given its parent (as found) and who holds its code. */
export function itemProblems(input: ItemInput, parent: ParentRef | null | undefined, selfId: number | undefined, codeOwnerId: number | undefined): FieldProblem[] {
  const problems = checkConsistency({ ...input, feeBasis: input.feeBasis ?? '' }, parent, selfId);
  if (codeOwnerId !== undefined && codeOwnerId !== selfId) {
    problems.unshift({ field: 'code', key: 'serviceCatalogue.code_taken' });
  }
  return problems;
}

/** Writes an item (new when `before` is undefined) with its materials; keeps uploaded files of materials whose name stays. */
export async function writeItem(trx: Executor, input: ItemInput, parentId: number | null, before: repo.ItemRow | undefined): Promise<number> {
  const now = nowIso();
  const cols = { ...itemColumns(input), parentId };
  let id: number;
  const oldMaterials = before ? await repo.materialsOf(trx, before.id) : [];
  if (before) {
    id = before.id;
    await repo.updateItem(trx, id, { ...cols, updatedAt: now });
  } else {
    id = await repo.insertItem(trx, { ...cols, resultSampleFileId: null, createdAt: now, updatedAt: now } satisfies Insertable<ServiceItemTable>);
  }
  const files = new Map(oldMaterials.map((m) => [m.name, m]));
  await repo.replaceMaterials(
    trx,
    id,
    input.materials.map((m) => ({ name: m.name, form: m.form, copies: m.copies, required: bit(m.required), notes: m.notes, sampleFileId: files.get(m.name)?.sampleFileId ?? null, blankFormFileId: files.get(m.name)?.blankFormFileId ?? null })),
  );
  await indexItems(trx, [{ id, text: searchText(cols, input.materials.map((m) => m.name)) }]);
  catalogueChanged();
  return id;
}

async function parentOf(db: Executor, code: string | undefined): Promise<ParentRef | null | undefined> {
  if (code === undefined) {
    return undefined;
  }
  const [p] = await repo.itemsByCodes(db, [code]);
  return p ?? null;
}

/** Loads an item a staff member may edit (own department; admin any). */
export async function editableItem(db: Executor, user: CurrentUser | null, id: number): Promise<repo.ItemRow> {
  requireRole(user, 'editor', 'reviewer', 'admin');
  const item = await db.selectFrom('serviceItem').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) {
    throw new AppError('not_found');
  }
  requireDepartment(user, item.departmentId);
  return item;
}

/** Creates (id null) or updates an item after the consistency rules; audited. Returns its id. */
export async function saveItem(trx: Executor, actor: Actor, user: CurrentUser | null, id: number | null, input: ItemInput): Promise<number> {
  requireRole(user, 'editor', 'reviewer', 'admin');
  const before = id === null ? undefined : await editableItem(trx, user, id);
  if (!canActInDepartment(user, input.departmentId)) {
    throw new AppError('validation_failed', {}, [{ field: 'departmentId', key: 'serviceCatalogue.not_your_department' }]);
  }
  const parent = await parentOf(trx, input.parentCode);
  const [owner] = await repo.itemsByCodes(trx, [input.code]);
  const problems = itemProblems(input, parent, before?.id, owner?.id);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  const beforeMaterials = before ? await repo.materialsOf(trx, before.id) : [];
  const savedId = await writeItem(trx, input, parent?.id ?? null, before);
  await recordAudit(trx, actor, {
    action: before ? 'service_item.update' : 'service_item.create',
    entityType: 'service_item',
    entityId: savedId,
    before: before ? { ...before, materials: beforeMaterials.map((m) => m.name) } : undefined,
    after: { ...itemColumns(input), parentCode: input.parentCode ?? null, materials: input.materials.map((m) => m.name) },
  });
  return savedId;
}

/** Publishes, withdraws or returns an item to draft; audited. */
export async function setItemStatus(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, status: string): Promise<void> {
  const item = await editableItem(trx, user, id);
  if (item.status === status) {
    return;
  }
  await repo.updateItem(trx, id, { status, updatedAt: nowIso() });
  catalogueChanged();
  await recordAudit(trx, actor, { action: 'service_item.status', entityType: 'service_item', entityId: id, before: { status: item.status }, after: { status } });
}

/** The staff list: items of the user's departments (admin: all), any status. */
export async function listForStaff(db: Executor, user: CurrentUser | null, f: AdminFilter) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const scope = u.role === 'admin' ? {} : { departmentIds: u.departmentIds };
  const statuses = f.status ? [f.status] : STATUSES;
  const r = await repo.listItems(db, { ...f, ...scope, statuses, terms: f.q ? queryTerms(f.q) : undefined }, f.page, 50, f.q);
  return { ...r, page: f.page, pageCount: Math.max(1, Math.ceil(r.total / 50)) };
}
