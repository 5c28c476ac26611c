import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { canActInDepartment } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import { campaignById } from '../open-days/index.js';
import * as repo from './open-day-suggestions.repository.js';
import { notifySubmitters } from './open-day-suggestions.notify.js';
import { requireSuggestionStaff, unitScope } from './open-day-suggestions.policy.js';
import type { MeasureInput } from './open-day-suggestions.schema.js';

function rowOf(input: MeasureInput) {
  return {
    campaignId: input.campaignId,
    title: input.title,
    description: input.description ?? '',
    ownerDepartmentId: input.ownerDepartmentId ?? null,
    owner: input.owner ?? '',
    progress: input.progress,
    progressNote: input.progressNote ?? '',
    dueOn: input.dueOn ?? null,
  };
}

async function checkMeasure(trx: Executor, user: CurrentUser, input: MeasureInput): Promise<void> {
  if (!(await campaignById(trx, input.campaignId))) {
    throw fieldError('campaignId', 'validation.choice');
  }
  if (input.ownerDepartmentId !== undefined) {
    if (!(await findDepartmentById(trx, input.ownerDepartmentId))) {
      throw fieldError('ownerDepartmentId', 'validation.choice');
    }
    if (!canActInDepartment(user, input.ownerDepartmentId)) {
      throw fieldError('ownerDepartmentId', 'validation.not_your_department');
    }
  } else if (user.role !== 'admin') {
    // A unit's measure names the unit; only the general office files measures owned by no one unit.
    throw fieldError('ownerDepartmentId', 'validation.required');
  }
}

/** Writes a measure and its audit entry (the caller has checked who may). */
export async function createMeasureRow(trx: Executor, actor: Actor, input: MeasureInput): Promise<number> {
  const now = nowIso();
  const id = await repo.insertMeasure(trx, { ...rowOf(input), createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'open_day_measure.create', entityType: 'open_day_measure', entityId: id, after: rowOf(input) });
  return id;
}

/** Staff of the owning unit (or the general office) file a measure. */
export async function createMeasure(trx: Executor, actor: Actor, user: CurrentUser | null, input: MeasureInput): Promise<number> {
  const u = requireSuggestionStaff(user);
  if (u.role === 'reviewer') {
    throw new AppError('forbidden');
  }
  await checkMeasure(trx, u, input);
  return createMeasureRow(trx, actor, input);
}

/** Whether a staff member keeps a measure: its owning unit's staff, or the general office. */
function mayKeep(user: CurrentUser, m: repo.MeasureRow): boolean {
  return user.role === 'admin' || (m.ownerDepartmentId !== null && canActInDepartment(user, m.ownerDepartmentId));
}

/** A measure with the suggestions it answers, for staff. */
export async function getMeasureForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireSuggestionStaff(user);
  const m = await repo.findMeasure(db, id);
  if (!m) {
    throw new AppError('not_found');
  }
  return { measure: m, suggestions: await repo.suggestionsOfMeasure(db, id), editable: mayKeep(u, m) };
}

/**
 * The owning unit updates a measure: its text, due date and progress. When the progress moves on,
 * the submitters of every suggestion it answers are told (once per progress step).
 */
export async function updateMeasure(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: MeasureInput): Promise<void> {
  const u = requireSuggestionStaff(user);
  const before = await repo.findMeasure(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  if (!mayKeep(u, before)) {
    throw new AppError('forbidden');
  }
  if (input.campaignId !== before.campaignId) {
    throw fieldError('campaignId', 'suggestions.measure_campaign_fixed');
  }
  await checkMeasure(trx, u, input);
  await repo.updateMeasure(trx, id, { ...rowOf(input), updatedAt: nowIso() });
  const { createdAt: _c, updatedAt: _u, id: _i, ...old } = before;
  await recordAudit(trx, actor, { action: 'open_day_measure.update', entityType: 'open_day_measure', entityId: id, before: old, after: rowOf(input) });
  if (before.progress !== input.progress) {
    await notifySubmitters(trx, await repo.suggestionsOfMeasure(trx, id), { step: `measure_${input.progress}`, params: { measure: input.title } });
  }
}

/** The measures a staff member sees (all for the general office, their units' otherwise). */
export async function listMeasuresForStaff(db: Executor, user: CurrentUser | null, campaignId: number | undefined) {
  const u = requireSuggestionStaff(user);
  const rows = await repo.measuresWithCounts(db, campaignId, unitScope(u));
  return rows.map((r) => ({ ...r, suggestions: Number(r.suggestions ?? 0) }));
}
