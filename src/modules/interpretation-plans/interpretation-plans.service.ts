import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { requireDepartment, requireRole } from '../accounts/index.js';
import { policyBrief, policyBriefs, type PolicyBrief } from '../policies/index.js';
import { firstInterpretationDates } from '../interpretations/index.js';
import * as repo from './interpretation-plans.repository.js';
import type { PlanEntryInput, TimetableFilter } from './interpretation-plans.schema.js';
import { DEFAULT_ALLOWED_WORKING_DAYS, dueDate, PLAN_STATUSES, planStatus, type PlanStatus } from './interpretation-plans.status.js';

/** The allowed working days of the assessment (setting, default 3). */
export async function allowedWorkingDays(db: Executor): Promise<number> {
  const v = Number(await repo.readSetting(db, repo.ALLOWED_DAYS_KEY));
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_ALLOWED_WORKING_DAYS;
}

/** Departments whose plans the user sees: all for the general office, their own for department staff. */
export function scopeOf(user: CurrentUser): number[] | undefined {
  return user.role === 'admin' ? undefined : user.departmentIds;
}

async function checkPolicy(db: Executor, policyId: number | undefined, departmentId: number): Promise<PolicyBrief | undefined> {
  if (policyId === undefined) {
    return undefined;
  }
  const p = await policyBrief(db, policyId);
  if (!p) {
    throw fieldError('policyId', 'plans.error.policy_not_found');
  }
  if (p.departmentId !== departmentId) {
    throw fieldError('policyId', 'plans.error.policy_other_department');
  }
  return p;
}

function entryValues(input: PlanEntryInput) {
  return {
    year: input.year,
    departmentId: input.departmentId,
    policyId: input.policyId ?? null,
    plannedTitle: input.policyId === undefined ? (input.plannedTitle ?? '') : '',
    expectedOn: input.expectedOn,
    forms: input.forms.join(','),
    channels: input.channels.join(','),
    interpreterName: input.interpreterName,
    interpreterPost: input.interpreterPost,
    outline: input.outline ?? '',
  };
}

/** Adds a draft entry to a department's plan (editors of the department, or the general office). */
export async function createEntry(trx: Executor, actor: Actor, user: CurrentUser | null, input: PlanEntryInput): Promise<number> {
  const u = requireRole(user, 'editor', 'admin');
  requireDepartment(u, input.departmentId);
  await checkPolicy(trx, input.policyId, input.departmentId);
  const now = nowIso();
  const values = entryValues(input);
  const id = await repo.insertEntry(trx, { ...values, state: 'draft', filedOn: null, returnNote: '', createdBy: u.id, createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'interpretation_plan.create', entityType: 'interpretation_plan_entry', entityId: id, after: values });
  return id;
}

/** An entry the user may see (their department, or any for the general office). */
export async function getEntry(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const e = await repo.findEntry(db, id);
  if (!e) {
    throw notFound();
  }
  requireDepartment(u, e.departmentId);
  const policy = e.policyId === null ? undefined : await policyBrief(db, e.policyId);
  return { entry: e, policy, reminders: await repo.remindersOf(db, id) };
}

async function editableEntry(trx: Executor, user: CurrentUser | null, id: number) {
  const u = requireRole(user, 'editor', 'admin');
  const e = await repo.findEntry(trx, id);
  if (!e) {
    throw notFound();
  }
  requireDepartment(u, e.departmentId);
  return { u, e };
}

/** Edits an entry (in any state: plans change during the year; every change is audited). */
export async function updateEntry(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: PlanEntryInput): Promise<void> {
  const { u, e } = await editableEntry(trx, user, id);
  requireDepartment(u, input.departmentId);
  await checkPolicy(trx, input.policyId, input.departmentId);
  const values = entryValues(input);
  await repo.updateEntry(trx, id, { ...values, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'interpretation_plan.update', entityType: 'interpretation_plan_entry', entityId: id, before: e, after: values });
}

/** Files (备案) a draft or returned entry with the general office. */
export async function fileEntry(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  const { e } = await editableEntry(trx, user, id);
  if (e.state === 'filed') {
    throw new AppError('invalid_state');
  }
  const filedOn = todayInChina();
  await repo.updateEntry(trx, id, { state: 'filed', filedOn, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'interpretation_plan.file', entityType: 'interpretation_plan_entry', entityId: id, before: { state: e.state }, after: { state: 'filed', filedOn } });
}

/** The general office sends a filed entry back to its department with a note. */
export async function returnEntry(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, note: string): Promise<void> {
  requireRole(user, 'admin');
  const e = await repo.findEntry(trx, id);
  if (!e) {
    throw notFound();
  }
  if (e.state !== 'filed') {
    throw new AppError('invalid_state');
  }
  await repo.updateEntry(trx, id, { state: 'returned', returnNote: note, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'interpretation_plan.return', entityType: 'interpretation_plan_entry', entityId: id, before: { state: e.state }, after: { state: 'returned', note } });
}

/** Links an entry that had only a planned title to the real policy. */
export async function linkPolicy(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, policyId: number): Promise<void> {
  const { e } = await editableEntry(trx, user, id);
  const p = await checkPolicy(trx, policyId, e.departmentId);
  await repo.updateEntry(trx, id, { policyId, plannedTitle: '', updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'interpretation_plan.link', entityType: 'interpretation_plan_entry', entityId: id, before: { policyId: e.policyId, plannedTitle: e.plannedTitle }, after: { policyId, title: p?.title } });
}

/** One timetable line: the entry with its policy, due day, status and latest reminder. */
export interface TimetableLine {
  entry: repo.PlanEntryRow;
  title: string;
  policy: PolicyBrief | undefined;
  due: string;
  firstInterpretationOn: string | null;
  status: PlanStatus;
  reminder: repo.ReminderRow | undefined;
}

/** Entries with their computed status (no authorisation: callers have checked it). */
export async function timetableLines(db: Executor, opts: { year?: number | undefined; departmentIds?: number[] | undefined; entries?: repo.PlanEntryRow[] }, today: string): Promise<TimetableLine[]> {
  const entries = opts.entries ?? (await repo.listEntries(db, opts));
  const policyIds = [...new Set(entries.map((e) => e.policyId).filter((x): x is number => x !== null))];
  const policies = new Map((await policyBriefs(db, policyIds)).map((p) => [p.id, p]));
  const firsts = await firstInterpretationDates(db, policyIds);
  const reminders = await repo.latestReminders(db, entries.map((e) => e.id));
  const allowed = await allowedWorkingDays(db);
  return entries.map((entry) => {
    const policy = entry.policyId === null ? undefined : policies.get(entry.policyId);
    const facts = {
      expectedOn: entry.expectedOn,
      policyPublishedOn: policy?.status === 'published' ? policy.publishedOn : null,
      firstInterpretationOn: (entry.policyId !== null && firsts.get(entry.policyId)) || null,
    };
    return { entry, title: policy?.title ?? entry.plannedTitle, policy, due: dueDate(facts), firstInterpretationOn: facts.firstInterpretationOn, status: planStatus(facts, today, allowed), reminder: reminders.get(entry.id) };
  });
}

/** The citywide timetable (解读时间表): the user's scope, filtered, grouped by month, with counts per status. */
export async function timetable(db: Executor, user: CurrentUser | null, f: TimetableFilter, today = todayInChina()) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const scope = scopeOf(u);
  const departmentIds = f.departmentId !== undefined ? (scope && !scope.includes(f.departmentId) ? [] : [f.departmentId]) : scope;
  const year = f.year ?? Number(today.slice(0, 4));
  const all = await timetableLines(db, { year, departmentIds }, today);
  const counts = Object.fromEntries(PLAN_STATUSES.map((s) => [s, all.filter((l) => l.status === s).length])) as Record<PlanStatus, number>;
  const lines = (f.status ? all.filter((l) => l.status === f.status) : all).sort((a, b) => a.due.localeCompare(b.due) || a.entry.id - b.entry.id);
  const months = new Map<string, TimetableLine[]>();
  for (const l of lines) {
    const m = l.due.slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), l]);
  }
  return { year, counts, lines, months: [...months].map(([month, ls]) => ({ month, lines: ls })), allowed: await allowedWorkingDays(db) };
}
