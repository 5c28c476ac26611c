import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, notFound, type FieldProblem } from '../../http/errors.js';
import { issueToProblem } from '../../http/validate.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addMinutes, nowIso, todayInChina } from '../../platform/clock.js';
import { hashToken, randomToken } from '../../platform/sessions/index.js';
import { accessCodeHash, idNumberHash, newAccessCode } from './expropriation.households.js';
import type { SourceRow } from './expropriation.import.js';
import { canSeeHouseholds, requireProjectStaff } from './expropriation.policy.js';
import { presentOwnHousehold, presentPublicHousehold, presentStaffHousehold } from './expropriation.presenter.js';
import * as repo from './expropriation.repository.js';
import { HouseholdSchema, type CorrectionInput, type HouseholdInput, type HouseholdQueryInput } from './expropriation.schema.js';
import { getProject } from './expropriation.service.js';

/** Households per page of the public list. */
export const PAGE_SIZE = 50;
/** How long a household's own sign-in lasts. */
export const HOUSEHOLD_SESSION_MINUTES = 60;

/** How long grouped counts of a project are reused by this process (writes here clear them at once). */
const COUNT_TTL_MS = 15_000;
const groupCache = new Map<number, { at: number; groups: Promise<Awaited<ReturnType<typeof repo.householdGroups>>> }>();

/** Forgets a project's cached counts (after an import or a correction in this process). */
export function forgetCounts(projectId: number): void {
  groupCache.delete(projectId);
}

/**
 * The number of households matching a filter. Counting 100,000 rows on every page view would cost
 * more than the page itself, so the totals come from counts grouped by the filter dimensions, kept
 * for COUNT_TTL_MS; another instance's writes show within that time. A search by number counts directly.
 */
async function matchingCount(db: Executor, projectId: number, q: HouseholdQueryInput): Promise<number> {
  if (q.number) {
    return repo.countHouseholds(db, projectId, q);
  }
  const groups = await cachedGroups(db, projectId);
  return groups.filter((g) => (!q.building || g.building === q.building) && (!q.signing || g.signingStatus === q.signing) && (!q.scheme || g.scheme === q.scheme)).reduce((a, g) => a + g.n, 0);
}

function cachedGroups(db: Executor, projectId: number) {
  let hit = groupCache.get(projectId);
  if (!hit || Date.now() - hit.at > COUNT_TTL_MS) {
    hit = { at: Date.now(), groups: repo.householdGroups(db, projectId) };
    groupCache.set(projectId, hit);
    hit.groups.catch(() => groupCache.delete(projectId));
  }
  return hit.groups;
}

// Natural order (2号楼 before 10号楼); one collator, since localeCompare with options builds one per call.
const BUILDING_ORDER = new Intl.Collator('zh-CN', { numeric: true });

/** The buildings of a project, for the list's filter (from the same grouped counts). */
export async function projectBuildings(db: Executor, projectId: number): Promise<string[]> {
  const all = new Set((await cachedGroups(db, projectId)).map((g) => g.building));
  return [...all].sort(BUILDING_ORDER.compare);
}

/** One page of the masked public list of a project. */
export async function publicHouseholds(db: Executor, projectId: number, q: HouseholdQueryInput) {
  const project = await getProject(db, projectId);
  const [rows, total] = await Promise.all([repo.publicHouseholdPage(db, projectId, q, q.page, PAGE_SIZE), matchingCount(db, projectId, q)]);
  return { project, rows: rows.map(presentPublicHousehold), total, page: q.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** A household's full record for its department's staff, with its earlier versions. */
export async function staffHousehold(db: Executor, user: CurrentUser | null, projectId: number, id: number) {
  const project = await getProject(db, projectId);
  requireProjectStaff(user, project);
  const h = await repo.householdById(db, id);
  if (!h || h.projectId !== projectId) {
    throw notFound();
  }
  return { project, household: presentStaffHousehold(h), versions: await repo.householdVersions(db, id) };
}

function columns(input: Omit<HouseholdInput, 'number'>) {
  return {
    ownerName: input.ownerName,
    idNumber: input.idNumber,
    building: input.building,
    unit: input.unit ?? '',
    room: input.room ?? '',
    areaCm2: Math.round(input.area * 100),
    surveyStatus: input.surveyStatus,
    surveyNote: input.surveyNote ?? '',
    rightsStatus: input.rightsStatus,
    valuation: input.valuation ?? null,
    scheme: input.scheme ?? null,
    compensation: input.compensation ?? null,
    subsidy: input.subsidy ?? null,
    signingStatus: input.signingStatus,
    signedOn: input.signedOn ?? null,
    selectionOrder: input.selectionOrder ?? null,
    paymentStatus: input.paymentStatus,
    paidOn: input.paidOn ?? null,
  };
}

/**
 * Corrects a household: the previous record is kept as a version, the change goes to the audit
 * log, and the public record shows the correction date. Refused when someone corrected it since.
 */
export async function correctHousehold(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, id: number, input: CorrectionInput): Promise<void> {
  const project = await getProject(trx, projectId);
  const u = requireProjectStaff(user, project);
  const before = await repo.householdById(trx, id);
  if (!before || before.projectId !== projectId) {
    throw notFound();
  }
  const { version, reason, ...fields } = input;
  const check = HouseholdSchema.safeParse({ ...fields, number: before.number });
  if (!check.success) {
    throw new AppError('validation_failed', {}, check.error.issues.map(issueToProblem));
  }
  const now = nowIso();
  const after = { ...columns(fields), idHash: idNumberHash(projectId, fields.idNumber), version: version + 1, correctedOn: todayInChina(), updatedAt: now };
  if (!(await repo.updateHousehold(trx, id, version, after))) {
    throw new AppError('conflict', {}, [{ field: 'version', key: 'expropriation.stale_version' }]);
  }
  const { accessCodeHash: _a, idHash: _h, ...snapshot } = before;
  await repo.insertHouseholdVersion(trx, { householdId: id, version: before.version, snapshot: JSON.stringify(snapshot), reason, changedBy: u.id, changedAt: now });
  // The ID number is written to the audit log only as "changed", not in clear.
  const audited = (r: Record<string, unknown>) => ({ ...r, idNumber: undefined, idHash: undefined, idNumberChanged: before.idNumber !== fields.idNumber });
  forgetCounts(projectId);
  await recordAudit(trx, actor, { action: 'expropriation.household.correct', entityType: 'expropriationHousehold', entityId: id, before: audited(snapshot), after: { ...audited(after), reason } });
}

/** One row of an import report. */
export interface ImportRowReport {
  line: number;
  number: string;
  problems: FieldProblem[];
}

/** The outcome of an import: either every row went in (with each new household's access code, shown once) or none did. */
export type ImportResult = { ok: true; created: number; codes: Array<{ number: string; code: string }> } | { ok: false; rows: ImportRowReport[] };

/** Imports households all-or-nothing: every row is checked first and any problem writes nothing. */
export async function importHouseholds(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, source: SourceRow[]): Promise<ImportResult> {
  requireProjectStaff(user, await getProject(trx, projectId));
  if (source.length === 0) {
    throw fieldError('file', 'expropriation.import_empty');
  }
  const parsed = source.map((r) => ({ line: r.line, number: r.values.number ?? '', result: HouseholdSchema.safeParse(r.values) }));
  const existing = await repo.existingNumbers(trx, projectId, parsed.map((p) => p.number).filter(Boolean));
  const seen = new Set<string>();
  const report: ImportRowReport[] = parsed.map((p) => {
    const problems = p.result.success ? [] : p.result.error.issues.map(issueToProblem);
    if (p.number && (existing.has(p.number) || seen.has(p.number))) {
      problems.push({ field: 'number', key: 'expropriation.number_taken' });
    }
    seen.add(p.number);
    return { line: p.line, number: p.number, problems };
  });
  if (report.some((r) => r.problems.length > 0)) {
    return { ok: false, rows: report };
  }
  const now = nowIso();
  const codes: Array<{ number: string; code: string }> = [];
  const rows = parsed.map((p) => {
    const h = p.result.data!;
    const code = newAccessCode();
    codes.push({ number: h.number, code });
    return { projectId, number: h.number, ...columns(h), idHash: idNumberHash(projectId, h.idNumber), accessCodeHash: accessCodeHash(code), version: 1, correctedOn: null, createdAt: now, updatedAt: now };
  });
  await repo.insertHouseholds(trx, rows);
  forgetCounts(projectId);
  await recordAudit(trx, actor, { action: 'expropriation.household.import', entityType: 'expropriationProject', entityId: projectId, after: { created: rows.length, numbers: codes.map((c) => c.number) } });
  return { ok: true, created: rows.length, codes };
}

/** Issues a new access code for a household (the old one stops working); shown once. */
export async function reissueAccessCode(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, id: number): Promise<string> {
  requireProjectStaff(user, await getProject(trx, projectId));
  const h = await repo.householdById(trx, id);
  if (!h || h.projectId !== projectId) {
    throw notFound();
  }
  const code = newAccessCode();
  await repo.updateHousehold(trx, id, h.version, { accessCodeHash: accessCodeHash(code), updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'expropriation.household.code', entityType: 'expropriationHousehold', entityId: id });
  return code;
}

/**
 * A household signs in with its access code and its ID number; both must match the same record.
 * One answer for every failure, so the form tells nobody which half was right.
 */
export async function signInHousehold(trx: Executor, code: string, idNumber: string): Promise<{ token: string; householdId: number; projectId: number }> {
  const h = await repo.householdByCodeHash(trx, accessCodeHash(code));
  if (!h || h.idHash !== idNumberHash(h.projectId, idNumber)) {
    throw fieldError('code', 'expropriation.sign_in_failed');
  }
  const token = randomToken();
  const now = nowIso();
  await repo.insertHouseholdSession(trx, { id: hashToken(token), householdId: h.id, createdAt: now, expiresAt: addMinutes(now, HOUSEHOLD_SESSION_MINUTES) });
  return { token, householdId: h.id, projectId: h.projectId };
}

/** The household of a session token, or null. */
export async function householdOfToken(db: Executor, token: string | undefined): Promise<number | null> {
  return token ? ((await repo.sessionHousehold(db, hashToken(token), nowIso())) ?? null) : null;
}

/** Ends a household session. */
export async function signOutHousehold(trx: Executor, token: string): Promise<void> {
  await repo.deleteHouseholdSession(trx, hashToken(token));
}

/** A household's own full record: only its own session opens it (staff of the department may look too). */
export async function ownHousehold(db: Executor, sessionHouseholdId: number | null, user: CurrentUser | null, id: number) {
  const h = await repo.householdById(db, id);
  if (!h) {
    throw notFound();
  }
  const project = await getProject(db, h.projectId);
  if (sessionHouseholdId !== id && !canSeeHouseholds(user, project)) {
    // Another household's record looks exactly like a missing one.
    throw sessionHouseholdId === null && user === null ? new AppError('unauthenticated') : notFound();
  }
  return { project, household: presentOwnHousehold(h) };
}
