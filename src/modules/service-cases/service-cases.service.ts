import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { checkUpload, cleanFilename, storeFile } from '../../platform/files/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { serviceItemByCode, serviceItemById, type ServiceItemRow } from '../service-catalogue/index.js';
import * as repo from './service-cases.repository.js';
import type { CaseRow } from './service-cases.repository.js';
import { notifyApplicant } from './service-cases.notify.js';
import { requireApplicant, requireBackOffice, requireOwnCase, requireWindow, WINDOW_DEPARTMENT_CODE } from './service-cases.policy.js';
import { DEFAULT_FIELDS, describeCondition, evaluateInstantRule, validateApplicationData, type DataProblem, type FormField, type InstantRule } from './service-cases.rules.js';
import type { ApplicantKind, ApplicantStepInput, ApplyInput, StaffStepInput, WalkInInput } from './service-cases.schema.js';
import { caseDueOn, nextStatus, type CaseAction, type CaseActor, type CaseStatus, type StaffAction, type TransitionError } from './service-cases.status.js';

/** An item's form: the staff-defined one, else the default (applicant, contact, description). */
export async function itemForm(db: Executor, itemId: number): Promise<{ fields: FormField[]; rule: InstantRule | null; custom: boolean }> {
  const f = await repo.formOfItem(db, itemId);
  if (!f) {
    return { fields: DEFAULT_FIELDS, rule: null, custom: false };
  }
  return { fields: JSON.parse(f.fields) as FormField[], rule: f.instantRule ? (JSON.parse(f.instantRule) as InstantRule) : null, custom: true };
}

/** A published item by code, or not found. */
export async function publishedItem(db: Executor, code: string): Promise<ServiceItemRow> {
  const item = await serviceItemByCode(db, code);
  if (!item || item.status !== 'published') {
    throw new AppError('not_found');
  }
  return item;
}

/** The window department's id (the department that staffs the one-stop window), if it exists. */
export function windowDepartmentId(db: Executor): Promise<number | undefined> {
  return repo.departmentIdByCode(db, WINDOW_DEPARTMENT_CODE);
}

const PROBLEM_KEYS: Record<DataProblem['reason'], MessageKey> = {
  required: 'serviceCases.data.required',
  number: 'serviceCases.data.number',
  date: 'serviceCases.data.date',
  option: 'serviceCases.data.option',
  id_number: 'serviceCases.data.id_number',
  credit_code: 'serviceCases.data.credit_code',
  too_long: 'serviceCases.data.too_long',
};

/** Validates application data against the form; throws one problem per field, each naming it. */
export function checkData(fields: FormField[], raw: Record<string, unknown>): Record<string, string | number> {
  const { data, problems } = validateApplicationData(fields, raw);
  if (problems.length) {
    const fp: FieldProblem[] = problems.map((p) => ({ field: `data.${p.field}`, key: PROBLEM_KEYS[p.reason], params: { field: p.label } }));
    throw new AppError('validation_failed', {}, fp);
  }
  return data;
}

async function caseNumber(trx: Executor): Promise<string> {
  const day = todayInChina();
  const n = await repo.nextCaseNo(trx, day);
  return `GM-${day.replaceAll('-', '')}-${String(n).padStart(6, '0')}`;
}

interface ApplicantInfo {
  kind: ApplicantKind;
  userId: number | null;
  name: string;
  idNumber: string;
  mobile: string;
}

async function onlineApplicant(db: Executor, user: CurrentUser, wanted: ApplicantKind | undefined): Promise<ApplicantInfo> {
  const p = await repo.applicantProfile(db, user.id);
  const kind: ApplicantKind = wanted ?? (user.role === 'enterprise' ? 'enterprise' : 'person');
  if (kind === 'enterprise' && user.role !== 'enterprise') {
    throw fieldError('applicantKind', 'serviceCases.enterprise_only_account');
  }
  const name = kind === 'enterprise' ? p?.enterpriseName || user.displayName : user.displayName;
  const idNumber = (kind === 'enterprise' ? p?.creditCode : p?.residentId) ?? '';
  return { kind, userId: user.id, name, idNumber, mobile: p?.mobile ?? '' };
}

function checkAudience(item: ServiceItemRow, kind: ApplicantKind): void {
  if ((item.audience === 'legal_person' && kind === 'person') || (item.audience === 'person' && kind === 'enterprise')) {
    throw fieldError('applicantKind', 'serviceCases.audience_mismatch');
  }
}

/** The result of an application: its number, where it stands, and the 秒批 outcome. */
export interface ApplyResult {
  caseNumber: string;
  status: CaseStatus;
  instant: 'approved' | 'review' | null;
  failedCondition: string | null;
}

async function createCase(trx: Executor, item: ServiceItemRow, who: ApplicantInfo, data: Record<string, string | number>, place: { channel: 'online' | 'window'; hallId?: number | undefined; windowId?: number | undefined }, actorName: string, actorUserId: number | null, rule: InstantRule | null, fields: FormField[]): Promise<ApplyResult> {
  const now = nowIso();
  const number = await caseNumber(trx);
  const id = await repo.insertCase(trx, {
    caseNumber: number,
    itemId: item.id,
    departmentId: item.departmentId,
    applicantKind: who.kind,
    applicantUserId: who.userId,
    applicantName: who.name,
    applicantIdNumber: who.idNumber,
    applicantMobile: who.mobile,
    channel: place.channel,
    hallId: place.hallId ?? null,
    windowId: place.windowId ?? null,
    data: JSON.stringify(data),
    status: 'submitted',
    promisedDays: item.promisedDays,
    submittedAt: now,
    updatedAt: now,
    acceptedOn: null,
    dueOn: null,
    correctionFrom: null,
    correctionTo: null,
    deliveryMethod: null,
    reminderSentFor: null,
    overdueFlaggedAt: null,
    decidedAt: null,
    closedAt: null,
  });
  const events: Parameters<typeof repo.insertEvents>[1] = [{ caseId: id, action: 'submit', fromStatus: null, toStatus: 'submitted', actorUserId, actorName, note: '', at: now }];
  const notice = { id, caseNumber: number, applicantUserId: who.userId, itemName: item.name };
  if (item.instantApproval !== 1) {
    await repo.insertEvents(trx, events);
    await notifyApplicant(trx, notice, 'submitted');
    return { caseNumber: number, status: 'submitted', instant: null, failedCondition: null };
  }
  const outcome = rule ? evaluateInstantRule(rule, data) : null;
  if (!outcome?.passed) {
    // Not decided automatically: the case goes to the window for normal review, saying why.
    const failed = outcome && !outcome.passed ? describeCondition(outcome.failed, fields) : '';
    events.push({ caseId: id, action: 'instant_check', fromStatus: 'submitted', toStatus: 'submitted', actorUserId: null, actorName: '秒批', note: failed ? `秒批条件未满足：${failed}` : '未设置秒批规则', at: now });
    await repo.insertEvents(trx, events);
    await notifyApplicant(trx, notice, 'instant_review', { condition: failed || '—' });
    return { caseNumber: number, status: 'submitted', instant: 'review', failedCondition: failed || null };
  }
  const today = todayInChina();
  const result = item.resultName ? `${item.resultName}（电子证照）` : '秒批通过';
  for (const [action, to] of [['instant_approve', 'approved'], ['prepare_delivery', 'ready_for_delivery'], ['deliver', 'delivered']] as const) {
    events.push({ caseId: id, action, fromStatus: events[events.length - 1]!.toStatus, toStatus: to, actorUserId: null, actorName: '秒批', note: action === 'instant_approve' ? result : '', at: now });
  }
  await repo.updateCase(trx, id, { status: 'delivered', instant: 1, acceptedOn: today, dueOn: today, decidedAt: now, closedAt: now, result, deliveryMethod: 'online', decisionNote: '秒批', updatedAt: now });
  await repo.insertEvents(trx, events);
  await notifyApplicant(trx, notice, 'instant_approved', { result });
  return { caseNumber: number, status: 'delivered', instant: 'approved', failedCondition: null };
}

/** A signed-in citizen or enterprise applies online for a published item. */
export async function applyOnline(trx: Executor, user: CurrentUser | null, itemCode: string, input: ApplyInput): Promise<ApplyResult> {
  const u = requireApplicant(user);
  const item = await publishedItem(trx, itemCode);
  const who = await onlineApplicant(trx, u, input.applicantKind);
  checkAudience(item, who.kind);
  const form = await itemForm(trx, item.id);
  const data = checkData(form.fields, input.data);
  return createCase(trx, item, who, data, { channel: 'online' }, u.displayName, u.id, form.rule, form.fields);
}

/** Window staff enter an application for a walk-in applicant. */
export async function applyAtWindow(trx: Executor, actor: Actor, user: CurrentUser | null, itemCode: string, input: WalkInInput): Promise<ApplyResult> {
  const item = await publishedItem(trx, itemCode);
  const u = requireWindow(user, item.departmentId, await windowDepartmentId(trx));
  checkAudience(item, input.applicantKind);
  const form = await itemForm(trx, item.id);
  const data = checkData(form.fields, input.data);
  const who: ApplicantInfo = { kind: input.applicantKind, userId: null, name: input.applicantName, idNumber: input.applicantIdNumber, mobile: input.applicantMobile };
  const r = await createCase(trx, item, who, data, { channel: 'window', hallId: input.hallId, windowId: input.windowId }, u.displayName, u.id, form.rule, form.fields);
  await recordAudit(trx, actor, { action: 'service_case.window_submit', entityType: 'service_case', entityId: r.caseNumber, after: { item: item.code, status: r.status } });
  return r;
}

const TRANSITION_ERRORS: Record<TransitionError, () => AppError> = {
  wrong_state: () => new AppError('invalid_state', {}, [], 'serviceCases.wrong_state'),
  wrong_actor: () => new AppError('forbidden'),
  correction_used: () => new AppError('invalid_state', {}, [], 'serviceCases.correction_used'),
  reason_required: () => fieldError('note', 'serviceCases.reason_required'),
  items_required: () => fieldError('correctionItems', 'serviceCases.items_required'),
};

/** Moves a case one step: checks the step, writes the case and its event, tells the applicant. */
async function move(trx: Executor, c: CaseRow, item: ServiceItemRow, action: CaseAction, by: CaseActor, who: { userId: number | null; name: string }, note: string, patch: Parameters<typeof repo.updateCase>[2] = {}, correctionItems?: string[]): Promise<CaseStatus> {
  const step = nextStatus({ status: c.status as CaseStatus, correctionCount: c.correctionCount, action, by, note, correctionItems });
  if (!step.ok) {
    throw TRANSITION_ERRORS[step.error]();
  }
  const now = nowIso();
  await repo.updateCase(trx, c.id, { ...patch, status: step.to, updatedAt: now });
  await repo.insertEvents(trx, [{ caseId: c.id, action, fromStatus: c.status, toStatus: step.to, actorUserId: who.userId, actorName: who.name, note, at: now }]);
  await notifyApplicant(trx, { id: c.id, caseNumber: c.caseNumber, applicantUserId: c.applicantUserId, itemName: item.name }, step.to, { note: note || '—' });
  return step.to;
}

async function loadCase(trx: Executor, number: string): Promise<{ c: CaseRow; item: ServiceItemRow }> {
  const c = await repo.caseForUpdate(trx, number);
  const item = c ? await serviceItemById(trx, c.itemId) : undefined;
  if (!c || !item) {
    throw new AppError('not_found');
  }
  return { c, item };
}

function correctionList(input: StaffStepInput): string[] {
  const other = (input.correctionOther ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  return [...input.correctionItems, ...other];
}

/** What each staff step writes besides the status. */
function staffPatch(action: StaffAction, c: CaseRow, input: StaffStepInput, items: string[]): Parameters<typeof repo.updateCase>[2] {
  const today = todayInChina();
  const now = nowIso();
  switch (action) {
    case 'accept': {
      const pauses = c.correctionFrom && c.correctionTo ? [{ from: c.correctionFrom, to: c.correctionTo, reason: '补正' }] : [];
      return { acceptedOn: today, dueOn: caseDueOn(today, c.promisedDays, pauses) };
    }
    case 'request_correction':
      return { correctionCount: c.correctionCount + 1, correctionItems: JSON.stringify(items), correctionNote: input.note ?? '', correctionFrom: today };
    case 'not_accept':
      return { decisionNote: input.note ?? '', closedAt: now };
    case 'start_review':
      return {};
    case 'approve':
      return { decisionNote: input.note ?? '', result: input.result ?? '', decidedAt: now };
    case 'refuse':
      return { decisionNote: input.note ?? '', decidedAt: now };
    case 'prepare_delivery':
      return {};
    case 'deliver':
      return { deliveryMethod: input.deliveryMethod ?? 'window', closedAt: now };
  }
}

/** A staff step: the window (accept, 补正, not accept, prepare, deliver) or the back office (review, decide). */
export async function staffStep(trx: Executor, actor: Actor, user: CurrentUser | null, number: string, action: StaffAction, input: StaffStepInput): Promise<CaseStatus> {
  const { c, item } = await loadCase(trx, number);
  const backOffice = action === 'start_review' || action === 'approve' || action === 'refuse';
  const u = backOffice ? requireBackOffice(user, c.departmentId) : requireWindow(user, c.departmentId, await windowDepartmentId(trx));
  if (action === 'deliver' && !input.deliveryMethod) {
    throw fieldError('deliveryMethod', 'validation.required');
  }
  const items = correctionList(input);
  const note = action === 'request_correction' ? [input.note, ...items.map((x) => `· ${x}`)].filter(Boolean).join('\n') : (input.note ?? '');
  const to = await move(trx, c, item, action, backOffice ? 'back_office' : 'window', { userId: u.id, name: u.displayName }, note, staffPatch(action, c, input, items), items);
  await recordAudit(trx, actor, { action: `service_case.${action}`, entityType: 'service_case', entityId: c.caseNumber, before: { status: c.status }, after: { status: to, note } });
  return to;
}

/** The applicant resubmits after 补正 (with corrected data, if the form changes) or withdraws. */
export async function applicantStep(trx: Executor, user: CurrentUser | null, number: string, action: 'resubmit' | 'withdraw', input: ApplicantStepInput): Promise<CaseStatus> {
  const { c, item } = await loadCase(trx, number);
  const u = requireOwnCase(user, c.applicantUserId);
  const patch: Parameters<typeof repo.updateCase>[2] = action === 'resubmit' ? { correctionTo: todayInChina() } : { closedAt: nowIso() };
  if (action === 'resubmit' && input.data) {
    const form = await itemForm(trx, item.id);
    patch.data = JSON.stringify(checkData(form.fields, { ...(JSON.parse(c.data) as Record<string, unknown>), ...input.data }));
  }
  return move(trx, c, item, action, 'applicant', { userId: u.id, name: u.displayName }, input.note ?? '', patch);
}

/** The applicant adds a material (a file checked by type and content) while the window has not yet accepted. */
export async function addMaterial(trx: Executor, user: CurrentUser | null, number: string, upload: { filename: string; name: string; content: Buffer }, maxBytes: number): Promise<void> {
  const c = await repo.caseByNumber(trx, number);
  const u = requireOwnCase(user, c?.applicantUserId ?? null);
  if (!c || !(c.status === 'submitted' || c.status === 'correction_requested')) {
    throw new AppError('invalid_state', {}, [], 'serviceCases.wrong_state');
  }
  const filename = cleanFilename(upload.filename);
  const { mimeType } = checkUpload(filename, upload.content, maxBytes);
  const fileId = await storeFile(trx, { filename, mimeType, content: upload.content, uploadedBy: u.id });
  await repo.insertMaterial(trx, { caseId: c.id, name: upload.name.trim().slice(0, 200) || filename, fileId, uploadedAt: nowIso() });
}
