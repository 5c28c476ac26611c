import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, toChinaDate } from '../../platform/clock.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import * as repo from './open-days.repository.js';
import type { CampaignInput, PointInput, SessionInput } from './open-days.schema.js';
import { parseSections, parseThemes, pointSectionsOf, sectionsOf } from './open-days.template.js';

// Staff work on campaigns (general office), open points and their sessions (the organising unit).

/** The Beijing midnight that starts a calendar day, as an ISO instant. */
export function dayStartIso(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

/** The day after a calendar day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

async function loadCampaign(db: Executor, id: number): Promise<repo.CampaignRow> {
  const c = await repo.campaignById(db, id);
  if (!c) {
    throw new AppError('not_found');
  }
  return c;
}

function campaignRow(input: CampaignInput, sectionsJson: string) {
  return {
    slug: input.slug,
    year: Number(input.startsOn.slice(0, 4)),
    title: input.title,
    slogan: input.slogan ?? '',
    description: input.description ?? '',
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    templateSections: sectionsJson,
    unifiedTime: input.unifiedTime ?? '',
    process: input.process ?? '',
    surveyOpensOn: input.surveyOpensOn ?? null,
    surveyClosesOn: input.surveyClosesOn ?? null,
    registrationOpensAt: input.registrationOpensAt ?? null,
    registrationClosesAt: input.registrationClosesAt ?? null,
    answerDays: input.answerDays,
  };
}

/** Checks what the schema cannot: the template and themes line by line, the slug unused, sessions still inside the dates. */
async function checkCampaign(trx: Executor, input: CampaignInput, id: number | null) {
  const problems: FieldProblem[] = [];
  const other = await repo.campaignBySlug(trx, input.slug);
  if (other && other.id !== id) {
    problems.push({ field: 'slug', key: 'openDays.slug_taken' });
  }
  const { themes, problem: themeProblem } = parseThemes(input.themes, input.startsOn, input.endsOn);
  if (themeProblem) {
    problems.push({ field: 'themes', ...themeProblem });
  }
  const { sections, problem: sectionProblem } = parseSections(input.templateSections);
  if (sectionProblem) {
    problems.push({ field: 'templateSections', ...sectionProblem });
  }
  if (id !== null) {
    const outside = await repo.sessionsOutside(trx, id, dayStartIso(input.startsOn), dayStartIso(nextDay(input.endsOn)));
    if (outside > 0) {
      problems.push({ field: 'startsOn', key: 'openDays.sessions_outside_dates', params: { count: outside } });
    }
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  return { themes, sectionsJson: JSON.stringify(sections) };
}

/** The general office files a new campaign (a draft) with its themed days and common template. */
export async function createCampaign(trx: Executor, actor: Actor, user: CurrentUser | null, input: CampaignInput): Promise<number> {
  requireRole(user, 'admin');
  const { themes, sectionsJson } = await checkCampaign(trx, input, null);
  const now = nowIso();
  const id = await repo.insertCampaign(trx, { ...campaignRow(input, sectionsJson), status: 'draft', createdAt: now, updatedAt: now });
  await repo.syncThemes(trx, id, themes);
  await recordAudit(trx, actor, { action: 'open_day.campaign.create', entityType: 'open_day_campaign', entityId: id, after: { ...campaignRow(input, sectionsJson), themes } });
  return id;
}

/** The general office edits a campaign; themed days keep their ids where the day stays. */
export async function updateCampaign(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: CampaignInput): Promise<void> {
  requireRole(user, 'admin');
  const before = await loadCampaign(trx, id);
  const beforeThemes = await repo.campaignThemes(trx, id);
  const { themes, sectionsJson } = await checkCampaign(trx, input, id);
  await repo.updateCampaign(trx, id, { ...campaignRow(input, sectionsJson), updatedAt: nowIso() });
  await repo.syncThemes(trx, id, themes);
  const { createdAt: _c, updatedAt: _u, ...b } = before;
  await recordAudit(trx, actor, {
    action: 'open_day.campaign.update',
    entityType: 'open_day_campaign',
    entityId: id,
    before: { ...b, themes: beforeThemes.map((t) => ({ day: t.day, titleZh: t.titleZh, titleEn: t.titleEn })) },
    after: { ...campaignRow(input, sectionsJson), themes },
  });
}

const TRANSITIONS: Record<string, string> = { published: 'draft', closed: 'published' };

/** Publishes a draft campaign (the programme goes public) or closes a published one (archived). */
export async function setCampaignStatus(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, to: 'published' | 'closed'): Promise<void> {
  requireRole(user, 'admin');
  const c = await loadCampaign(trx, id);
  if (!(await repo.updateCampaignIf(trx, id, TRANSITIONS[to]!, { status: to, updatedAt: nowIso() }))) {
    throw new AppError('invalid_state', {}, [], 'openDays.status_change_refused');
  }
  await recordAudit(trx, actor, { action: `open_day.campaign.${to === 'published' ? 'publish' : 'close'}`, entityType: 'open_day_campaign', entityId: id, before: { status: c.status }, after: { status: to } });
}

/** The campaigns list for staff. */
export async function listCampaignsForStaff(db: Executor, user: CurrentUser | null) {
  requireRole(user, 'editor', 'reviewer', 'admin');
  return repo.listCampaigns(db);
}

/** A campaign with its themed days, template and every point (all states) for staff. */
export async function getCampaignForStaff(db: Executor, user: CurrentUser | null, id: number) {
  requireRole(user, 'editor', 'reviewer', 'admin');
  const campaign = await loadCampaign(db, id);
  const themes = await repo.campaignThemes(db, id);
  const points = await repo.pointsWithTotals(db, id, ['draft', 'published', 'cancelled']);
  return { campaign, themes, sections: sectionsOf(campaign.templateSections), points: points.map(numericTotals) };
}

/** Sums come back as text on PostgreSQL: make them numbers. */
export function numericTotals<T extends { capacity: unknown; booked: unknown; sessions: unknown }>(p: T): Omit<T, 'capacity' | 'booked' | 'sessions'> & { capacity: number; booked: number; sessions: number } {
  return { ...p, capacity: Number(p.capacity), booked: Number(p.booked), sessions: Number(p.sessions) };
}

// ---------------- points

/** Who may edit a point: the general office, or staff of the point's organising department. */
function requirePointEditor(user: CurrentUser | null, departmentId: number | null): CurrentUser {
  const u = requireRole(user, 'editor', 'admin');
  if (u.role !== 'admin' && (departmentId === null || !canActInDepartment(u, departmentId))) {
    throw new AppError('forbidden');
  }
  return u;
}

const LEVEL_LETTER: Record<string, string> = { city: 'C', district: 'D', street: 'S' };

/** A free point code: "<year>-<level letter><number>", e.g. 2026-D013. */
async function freeCode(trx: Executor, campaign: repo.CampaignRow, level: string): Promise<string> {
  let seq = (await repo.countPoints(trx, campaign.id)) + 1;
  for (;;) {
    const code = `${campaign.year}-${LEVEL_LETTER[level] ?? 'P'}${String(seq).padStart(3, '0')}`;
    if (!(await repo.pointByCode(trx, code))) {
      return code;
    }
    seq += 1;
  }
}

/** The template sections typed into `section_<key>` fields, checked against the campaign's template. */
export function sectionTexts(input: PointInput, campaign: repo.CampaignRow): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sectionsOf(campaign.templateSections)) {
    const v = input[`section_${s.key}`];
    if (typeof v === 'string' && v.trim() !== '') {
      out[s.key] = v.trim();
    }
  }
  return out;
}

async function checkPoint(trx: Executor, user: CurrentUser, campaign: repo.CampaignRow, input: PointInput, pointId: number | null): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.themeId !== undefined) {
    const theme = await repo.themeById(trx, input.themeId);
    if (!theme || theme.campaignId !== campaign.id) {
      problems.push({ field: 'themeId', key: 'validation.choice' });
    }
  }
  if (input.departmentId !== undefined) {
    if (!(await findDepartmentById(trx, input.departmentId))) {
      problems.push({ field: 'departmentId', key: 'validation.choice' });
    } else if (!canActInDepartment(user, input.departmentId)) {
      problems.push({ field: 'departmentId', key: 'validation.not_your_department' });
    }
  } else if (user.role !== 'admin') {
    problems.push({ field: 'departmentId', key: 'openDays.department_required' });
  }
  if (input.code !== undefined) {
    const other = await repo.pointByCode(trx, input.code);
    if (other && other.id !== pointId) {
      problems.push({ field: 'code', key: 'openDays.code_taken' });
    }
  }
  if (input.status === 'published' && campaign.status === 'closed') {
    problems.push({ field: 'status', key: 'openDays.campaign_closed' });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
}

function pointRow(input: PointInput, campaign: repo.CampaignRow) {
  return {
    themeId: input.themeId ?? null,
    level: input.level,
    district: input.district ?? '',
    departmentId: input.departmentId ?? null,
    organiser: input.organiser,
    topic: input.topic,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    description: input.description ?? '',
    sections: JSON.stringify(sectionTexts(input, campaign)),
    accessibility: input.accessibility ?? '',
    contactName: input.contactName ?? '',
    contactPhone: input.contactPhone ?? '',
    liveUrl: input.liveUrl ?? '',
    replayUrl: input.replayUrl ?? '',
    guestQuota: input.guestQuota,
    status: input.status,
  };
}

/** An organising unit (or the general office) adds an open point to a campaign. */
export async function createPoint(trx: Executor, actor: Actor, user: CurrentUser | null, campaignId: number, input: PointInput): Promise<{ id: number; code: string }> {
  const u = requireRole(user, 'editor', 'admin');
  const campaign = await loadCampaign(trx, campaignId);
  await checkPoint(trx, u, campaign, input, null);
  const code = input.code ?? (await freeCode(trx, campaign, input.level));
  const now = nowIso();
  const row = { ...pointRow(input, campaign), campaignId, code, onlineVisits: 0, createdAt: now, updatedAt: now };
  const id = await repo.insertPoint(trx, row);
  await recordAudit(trx, actor, { action: 'open_day.point.create', entityType: 'open_point', entityId: id, after: row });
  return { id, code };
}

async function loadPoint(db: Executor, id: number): Promise<repo.OpenPointRow> {
  const p = await repo.pointById(db, id);
  if (!p) {
    throw new AppError('not_found');
  }
  return p;
}

/** The point's organising unit (or the general office) edits it. */
export async function updatePoint(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: PointInput): Promise<void> {
  const before = await loadPoint(trx, id);
  const u = requirePointEditor(user, before.departmentId);
  const campaign = await loadCampaign(trx, before.campaignId);
  await checkPoint(trx, u, campaign, input, id);
  const patch = { ...pointRow(input, campaign), code: input.code ?? before.code, updatedAt: nowIso() };
  await repo.updatePoint(trx, id, patch);
  const { createdAt: _c, updatedAt: _u, onlineVisits: _o, ...b } = before;
  await recordAudit(trx, actor, { action: 'open_day.point.update', entityType: 'open_point', entityId: id, before: b, after: patch });
}

/** A point with its campaign, template and sessions, for its editors (others get 403). */
export async function getPointForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const point = await loadPoint(db, id);
  requirePointEditor(user, point.departmentId);
  const campaign = await loadCampaign(db, point.campaignId);
  return { point, campaign, themes: await repo.campaignThemes(db, campaign.id), sections: sectionsOf(campaign.templateSections), texts: pointSectionsOf(point.sections), sessions: await repo.pointSessions(db, id) };
}

/** May this user create points in this campaign (used to show the button)? */
export function canAddPoints(user: CurrentUser | null): boolean {
  return user !== null && (user.role === 'admin' || (user.role === 'editor' && user.departmentIds.length > 0));
}

/** May this user edit this point? */
export function canEditPoint(user: CurrentUser | null, departmentId: number | null): boolean {
  return user !== null && (user.role === 'admin' || (user.role === 'editor' && departmentId !== null && canActInDepartment(user, departmentId)));
}

// ---------------- sessions

/** A session's start and end must both fall on the campaign's days (Beijing dates). */
function checkSessionDates(campaign: repo.CampaignRow, input: SessionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const params = { from: campaign.startsOn, to: campaign.endsOn };
  for (const field of ['startsAt', 'endsAt'] as const) {
    const day = toChinaDate(input[field]);
    if (day < campaign.startsOn || day > campaign.endsOn) {
      problems.push({ field, key: 'openDays.session_outside_campaign', params });
    }
  }
  return problems;
}

async function loadSessionOfPoint(db: Executor, pointId: number, sessionId: number): Promise<repo.SessionRow> {
  const s = await repo.sessionById(db, sessionId);
  if (!s || s.pointId !== pointId) {
    throw new AppError('not_found');
  }
  return s;
}

/** Adds a time slot with its capacity to a point. */
export async function addSession(trx: Executor, actor: Actor, user: CurrentUser | null, pointId: number, input: SessionInput): Promise<number> {
  const point = await loadPoint(trx, pointId);
  requirePointEditor(user, point.departmentId);
  const campaign = await loadCampaign(trx, point.campaignId);
  const problems = checkSessionDates(campaign, input);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  const id = await repo.insertSession(trx, { pointId, startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity, booked: 0, waitlisted: 0 });
  await recordAudit(trx, actor, { action: 'open_day.session.create', entityType: 'open_point_session', entityId: id, after: { pointId, ...input } });
  return id;
}

/** Changes a session; its capacity can never drop below the places already booked. */
export async function updateSession(trx: Executor, actor: Actor, user: CurrentUser | null, pointId: number, sessionId: number, input: SessionInput): Promise<void> {
  const point = await loadPoint(trx, pointId);
  requirePointEditor(user, point.departmentId);
  const before = await loadSessionOfPoint(trx, pointId, sessionId);
  const campaign = await loadCampaign(trx, point.campaignId);
  const problems = checkSessionDates(campaign, input);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  if (!(await repo.updateSessionIfFits(trx, sessionId, input))) {
    const now = await loadSessionOfPoint(trx, pointId, sessionId);
    throw new AppError('validation_failed', {}, [{ field: 'capacity', key: 'openDays.capacity_below_booked', params: { booked: now.booked } }]);
  }
  await recordAudit(trx, actor, {
    action: 'open_day.session.update',
    entityType: 'open_point_session',
    entityId: sessionId,
    before: { startsAt: before.startsAt, endsAt: before.endsAt, capacity: before.capacity, booked: before.booked },
    after: input,
  });
}

/** Removes a session nobody has registered for (a session with registrations is changed, not deleted). */
export async function deleteSession(trx: Executor, actor: Actor, user: CurrentUser | null, pointId: number, sessionId: number): Promise<void> {
  const point = await loadPoint(trx, pointId);
  requirePointEditor(user, point.departmentId);
  const before = await loadSessionOfPoint(trx, pointId, sessionId);
  if (before.booked > 0 || before.waitlisted > 0 || (await repo.sessionRegistrationCount(trx, sessionId)) > 0) {
    throw new AppError('invalid_state', {}, [], 'openDays.session_has_registrations');
  }
  await repo.deleteSession(trx, sessionId);
  await recordAudit(trx, actor, { action: 'open_day.session.delete', entityType: 'open_point_session', entityId: sessionId, before: { pointId, startsAt: before.startsAt, endsAt: before.endsAt, capacity: before.capacity } });
}
