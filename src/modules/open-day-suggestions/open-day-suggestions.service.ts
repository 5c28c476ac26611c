import crypto from 'node:crypto';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { findDepartmentById } from '../departments/index.js';
import { campaignById, pointByCode, type CampaignRow } from '../open-days/index.js';
import * as repo from './open-day-suggestions.repository.js';
import { notifySubmitters, type StepNotice } from './open-day-suggestions.notify.js';
import { requireCoordinator, requireUnit } from './open-day-suggestions.policy.js';
import { createMeasureRow } from './open-day-suggestions.measures.js';
import { nextStatus, type SuggestionAction, type SuggestionStatus } from './open-day-suggestions.status.js';
import type { AnswerInput, OutcomeInput, RejectInput, SplitParts, SuggestionInput } from './open-day-suggestions.schema.js';

/** Letters of a tracking code: no 0/O, 1/I/L, so it can be read out and typed from paper. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh tracking code, e.g. JY7KQ3M9XA (JY for 建议). */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(8);
  return 'JY' + Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

async function freeTrackingCode(db: Executor): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    if (!(await repo.trackingCodeTaken(db, code))) {
      return code;
    }
  }
}

/** Where a suggestion comes from: a campaign, maybe a point, a visit or online. */
interface Origin {
  campaign: CampaignRow;
  pointId: number | null;
  source: 'visit' | 'online';
}

/** A campaign the public can send suggestions to (published or closed, never a draft). */
export function acceptsSuggestions(c: CampaignRow | undefined): c is CampaignRow {
  return c !== undefined && c.status !== 'draft';
}

async function save(trx: Executor, origin: Origin, input: SuggestionInput, now: string): Promise<{ id: number; trackingCode: string }> {
  let pointId = origin.pointId;
  let registrationId: number | null = null;
  if (input.registrationCode) {
    const r = await repo.registrationByCode(trx, input.registrationCode);
    if (!r || r.campaignId !== origin.campaign.id || (pointId !== null && r.pointId !== pointId)) {
      throw fieldError('registrationCode', 'suggestions.registration_unknown');
    }
    registrationId = r.id;
    pointId ??= r.pointId;
  }
  const trackingCode = await freeTrackingCode(trx);
  const id = await repo.insertSuggestion(trx, {
    campaignId: origin.campaign.id,
    pointId,
    registrationId,
    source: origin.source,
    trackingCode,
    category: input.category,
    content: input.content,
    submitterName: input.submitterName ?? '',
    contact: input.contact ?? '',
    ...repo.RECEIVED_STATE,
    createdAt: now,
    updatedAt: now,
  });
  await repo.insertEvents(trx, [{ suggestionId: id, status: 'received', note: '', actorId: null, at: now }]);
  await notifySubmitters(trx, [{ id, trackingCode, contact: input.contact ?? '' }], { step: 'received' });
  return { id, trackingCode };
}

/** A visitor sends a suggestion through an open point's QR code (tagged with the point, and the registration if given). */
export async function submitAtPoint(trx: Executor, pointCode: string, input: SuggestionInput, now: string = nowIso()) {
  const point = await pointByCode(trx, pointCode);
  const campaign = point && point.status === 'published' ? await campaignById(trx, point.campaignId) : undefined;
  if (!point || !acceptsSuggestions(campaign)) {
    throw new AppError('not_found');
  }
  return save(trx, { campaign, pointId: point.id, source: 'visit' }, input, now);
}

/** Someone sends a suggestion online to a campaign, optionally about one of its points. */
export async function submitOnline(trx: Executor, campaign: CampaignRow | undefined, input: SuggestionInput, now: string = nowIso()) {
  if (!acceptsSuggestions(campaign)) {
    throw new AppError('not_found');
  }
  let pointId: number | null = null;
  if (input.pointCode) {
    const point = await pointByCode(trx, input.pointCode);
    if (!point || point.campaignId !== campaign.id || point.status !== 'published') {
      throw fieldError('pointCode', 'validation.choice');
    }
    pointId = point.id;
  }
  return save(trx, { campaign, pointId, source: 'online' }, input, now);
}

/** How far up a chain of splits (a part of a part …) followers are looked for. */
const MAX_SPLIT_DEPTH = 8;

/** The suggestions a part was split from, nearest first. */
async function splitAncestors(db: Executor, s: repo.SuggestionRow): Promise<number[]> {
  const out: number[] = [];
  let from = s.splitFromId;
  while (from !== null && out.length < MAX_SPLIT_DEPTH) {
    out.push(from);
    from = (await repo.findById(db, from))?.splitFromId ?? null;
  }
  return out;
}

async function load(db: Executor, id: number): Promise<repo.SuggestionRow> {
  const s = await repo.findById(db, id);
  if (!s) {
    throw new AppError('not_found');
  }
  return s;
}

/** One step: the conditional status change, the event on the public path, the audit entry and the notices. */
async function advance(
  trx: Executor,
  actor: Actor,
  user: CurrentUser,
  s: repo.SuggestionRow,
  action: SuggestionAction,
  change: { patch?: Parameters<typeof repo.updateIf>[3]; event?: string; note?: Record<string, unknown>; audit?: Record<string, unknown>; notice?: StepNotice },
): Promise<SuggestionStatus> {
  const to = nextStatus(s.status, action);
  if (to === null) {
    throw new AppError('invalid_state');
  }
  const at = nowIso();
  if (!(await repo.updateIf(trx, s.id, [s.status], { ...change.patch, status: to, updatedAt: at }))) {
    throw new AppError('invalid_state');
  }
  const event = change.event ?? to;
  await repo.insertEvents(trx, [{ suggestionId: s.id, status: event, note: change.note ? JSON.stringify(change.note) : '', actorId: user.id, at }]);
  await recordAudit(trx, actor, {
    action: `open_day_suggestion.${action.kind}`,
    entityType: 'open_day_suggestion',
    entityId: s.id,
    before: { status: s.status, departmentId: s.departmentId, dueOn: s.dueOn },
    after: { status: to, ...change.patch, ...change.audit },
  });
  // The submitter, and everyone whose duplicate was merged into this one (or into a suggestion this one
  // was split from), follow its path.
  const notice = change.notice ?? { step: event };
  if (action.kind === 'merge') {
    await notifySubmitters(trx, [s], notice);
    return to;
  }
  await notifySubmitters(trx, [s, ...(await repo.mergedInto(trx, s.id))], notice);
  const ancestors = await splitAncestors(trx, s);
  if (ancestors.length > 0) {
    await notifySubmitters(trx, await repo.mergedIntoAny(trx, ancestors), notice, s.id);
  }
  return to;
}

/** Moderation lets a received suggestion be seen by the public (its status stays received). */
export async function publishSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  const u = requireCoordinator(user);
  const s = await load(trx, id);
  if (s.status !== 'received' || (await repo.isPublished(trx, id))) {
    throw new AppError('invalid_state');
  }
  await advance(trx, actor, u, s, { kind: 'publish' }, { event: repo.PUBLISHED_EVENT });
}

/** Moderation refuses spam or abuse; the suggestion's content is never shown, the kind is. */
export async function rejectSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: RejectInput): Promise<void> {
  const u = requireCoordinator(user);
  const s = await load(trx, id);
  await advance(trx, actor, u, s, { kind: 'reject' }, { patch: { outcomeReason: input.reason }, note: { kind: input.kind }, audit: { kind: input.kind } });
}

/** Merges a duplicate into another suggestion of the campaign; the duplicate follows the target's path from then on. */
export async function mergeSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, targetCode: string): Promise<void> {
  const u = requireCoordinator(user);
  const s = await load(trx, id);
  const target = await repo.findByTrackingCode(trx, targetCode);
  if (!target || target.campaignId !== s.campaignId) {
    throw fieldError('target', 'suggestions.merge_unknown');
  }
  if (target.id === s.id || target.status === 'merged' || target.status === 'split' || target.status === 'rejected') {
    throw fieldError('target', 'suggestions.merge_invalid_target');
  }
  const at = nowIso();
  await advance(trx, actor, u, s, { kind: 'merge' }, { patch: { mergedIntoId: target.id }, note: { into: target.trackingCode }, audit: { into: target.trackingCode }, notice: { step: 'merged', params: { target: target.trackingCode } } });
  // Whatever was merged into the duplicate now follows the target directly: one level only.
  await repo.repointMerged(trx, s.id, target.id, at);
}

/**
 * Splits a suggestion that raises several matters into parts (建议拆分), each a restatement of one
 * matter. A part is a new suggestion of the same campaign, point, visit and submitter, published at
 * once and waiting to be routed to its own unit. The whole ends as split: its path names the parts,
 * each part's path names the whole, and the submitter (with whoever's duplicate was merged into the
 * whole) follows every part. Returns the parts' tracking codes.
 */
export async function splitSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, parts: SplitParts, now: string = nowIso()): Promise<string[]> {
  const u = requireCoordinator(user);
  const s = await load(trx, id);
  if (s.status === 'received' && !(await repo.isPublished(trx, id))) {
    throw new AppError('invalid_state', {}, [], 'suggestions.publish_first');
  }
  const codes: string[] = [];
  while (codes.length < parts.length) {
    const code = await freeTrackingCode(trx);
    if (!codes.includes(code)) {
      codes.push(code);
    }
  }
  await advance(trx, actor, u, s, { kind: 'split' }, { note: { parts: codes }, audit: { parts: codes }, notice: { step: 'split', params: { parts: codes.join('、') } } });
  for (const [i, part] of parts.entries()) {
    const trackingCode = codes[i]!;
    const partId = await repo.insertSuggestion(trx, {
      campaignId: s.campaignId,
      pointId: s.pointId,
      registrationId: s.registrationId,
      source: s.source,
      trackingCode,
      category: part.category,
      content: part.content,
      submitterName: s.submitterName,
      contact: s.contact,
      ...repo.RECEIVED_STATE,
      splitFromId: s.id,
      // Submitted when the whole was: the part is the same person's words, restated.
      createdAt: s.createdAt,
      updatedAt: now,
    });
    await repo.insertEvents(trx, [
      { suggestionId: partId, status: 'received', note: JSON.stringify({ from: s.trackingCode }), actorId: u.id, at: now },
      { suggestionId: partId, status: repo.PUBLISHED_EVENT, note: '', actorId: u.id, at: now },
    ]);
    await recordAudit(trx, actor, {
      action: 'open_day_suggestion.split_part',
      entityType: 'open_day_suggestion',
      entityId: partId,
      after: { trackingCode, splitFrom: s.trackingCode, category: part.category, content: part.content },
    });
  }
  return codes;
}

/**
 * Routes a suggestion to the responsible unit; the unit must answer within the campaign's answer
 * days, counted in working days from the day of routing (Beijing calendar). Routing again moves it
 * to another unit with a fresh deadline.
 */
export async function routeSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, departmentId: number, now: string = nowIso()): Promise<string> {
  const u = requireCoordinator(user);
  const s = await load(trx, id);
  const department = await findDepartmentById(trx, departmentId);
  if (!department) {
    throw fieldError('departmentId', 'validation.choice');
  }
  if (s.status === 'received' && !(await repo.isPublished(trx, id))) {
    throw new AppError('invalid_state', {}, [], 'suggestions.publish_first');
  }
  const campaign = await campaignById(trx, s.campaignId);
  const dueOn = addWorkingDays(todayInChina(new Date(now)), campaign?.answerDays ?? 15);
  await advance(trx, actor, u, s, { kind: 'route' }, {
    patch: { departmentId, routedAt: now, dueOn },
    note: { departmentId, dueOn },
    notice: { step: s.status === 'routed' ? 'rerouted' : 'routed', params: { unit: department.nameZh, unitEn: department.nameEn, dueOn } },
  });
  return dueOn;
}

/** The unit answers a routed suggestion. */
export async function answerSuggestion(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: AnswerInput, now: string = nowIso()): Promise<void> {
  const s = await load(trx, id);
  const u = requireUnit(user, s.departmentId);
  await advance(trx, actor, u, s, { kind: 'answer' }, { patch: { answer: input.answer, answeredAt: now } });
}

/**
 * The outcome after the answer. Converted links a measure (existing in the campaign, or new, owned
 * by the unit); partly adopted may link one; not adopted carries its reason.
 */
export async function decideOutcome(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: OutcomeInput): Promise<{ measureId: number | null }> {
  const s = await load(trx, id);
  const u = requireUnit(user, s.departmentId);
  let measureId: number | null = null;
  if (input.outcome === 'converted' || input.outcome === 'partly_adopted') {
    if (input.measureId !== undefined) {
      const m = await repo.findMeasure(trx, input.measureId);
      if (!m || m.campaignId !== s.campaignId) {
        throw fieldError('measureId', 'validation.choice');
      }
      measureId = m.id;
    } else if (input.measureTitle) {
      const department = s.departmentId === null ? undefined : await findDepartmentById(trx, s.departmentId);
      measureId = await createMeasureRow(trx, actor, {
        campaignId: s.campaignId,
        title: input.measureTitle,
        description: input.measureDescription,
        ownerDepartmentId: s.departmentId ?? undefined,
        owner: department?.nameZh,
        dueOn: input.measureDueOn,
        progress: 'planned',
        progressNote: undefined,
      });
    }
  }
  await advance(trx, actor, u, s, { kind: 'outcome', outcome: input.outcome }, {
    patch: { outcomeReason: input.reason ?? '', measureId },
    note: measureId === null ? undefined : { measureId },
  });
  return { measureId };
}
