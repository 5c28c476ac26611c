import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { requireRole } from '../accounts/index.js';
import * as repo from './open-days.repository.js';
import * as needs from './open-days.survey.repository.js';
import { publicCampaign } from './open-days.public.js';
import { adoptionRefusal, canModerate, surveyState } from './open-days.survey.js';
import type { NeedInput } from './open-days.schema.js';

// The needs survey (公众需求调查): the public proposes and votes before the campaign; planners moderate
// and read the ranking.

/** The public survey page: published proposals ranked, the point each became, and which of them this voter has voted for. */
export async function surveyPage(db: Executor, slug: string, voterKeys: string[], today: string = todayInChina()) {
  const campaign = await publicCampaign(db, slug);
  const adopted = await needs.adoptedPoints(db, campaign.id, true);
  const list = (await needs.needsOf(db, campaign.id, ['published'])).map((n) => ({ ...n, adoptedPoint: adopted.get(n.id) ?? null }));
  return { campaign, needs: list, voted: await needs.votedBy(db, list.map((n) => n.id), voterKeys), state: surveyState(campaign, today) };
}

function requireOpen(campaign: repo.CampaignRow, today: string): void {
  if (surveyState(campaign, today) !== 'open') {
    throw new AppError('invalid_state', {}, [], 'openDays.survey_closed');
  }
}

/** The public proposes something to open; it waits for moderation. */
export async function proposeNeed(trx: Executor, slug: string, input: NeedInput, today: string = todayInChina()): Promise<number> {
  const campaign = await publicCampaign(trx, slug);
  requireOpen(campaign, today);
  return needs.insertNeed(trx, {
    campaignId: campaign.id,
    title: input.title,
    description: input.description ?? '',
    category: input.category,
    proposerName: input.proposerName ?? '',
    contact: input.contact ?? '',
    votes: 0,
    status: 'pending',
    createdAt: nowIso(),
  });
}

/** One vote per need per voter, on a published need while the survey is open; a second vote is refused. */
export async function vote(trx: Executor, slug: string, needId: number, voterKey: string, today: string = todayInChina()): Promise<void> {
  const campaign = await publicCampaign(trx, slug);
  const need = await needs.needById(trx, needId);
  if (!need || need.campaignId !== campaign.id || need.status !== 'published') {
    throw new AppError('not_found');
  }
  requireOpen(campaign, today);
  if (!(await needs.addVote(trx, needId, voterKey, nowIso()))) {
    throw new AppError('conflict', {}, [], 'openDays.vote_duplicate');
  }
}

/** Planners' view: every proposal of a campaign ranked, with counts by state. */
export async function needsForStaff(db: Executor, user: CurrentUser | null, campaignId: number) {
  requireRole(user, 'editor', 'reviewer', 'admin');
  const campaign = await repo.campaignById(db, campaignId);
  if (!campaign) {
    throw new AppError('not_found');
  }
  const adopted = await needs.adoptedPoints(db, campaignId, false);
  const list = (await needs.needsOf(db, campaignId, ['pending', 'published', 'rejected'])).map((n) => ({ ...n, adoptedPoint: adopted.get(n.id) ?? null }));
  return { campaign, needs: list, counts: await needs.needCounts(db, campaignId), points: await needs.pointChoices(db, campaignId) };
}

/** The general office publishes or rejects a proposal. */
export async function moderateNeed(trx: Executor, actor: Actor, user: CurrentUser | null, campaignId: number, needId: number, to: 'published' | 'rejected'): Promise<void> {
  requireRole(user, 'admin');
  const need = await needs.needById(trx, needId);
  if (!need || need.campaignId !== campaignId) {
    throw new AppError('not_found');
  }
  if (!canModerate(need.status, to) || !(await needs.setNeedStatusIf(trx, needId, need.status, to))) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, { action: `open_day.need.${to === 'published' ? 'publish' : 'reject'}`, entityType: 'open_day_need', entityId: needId, before: { status: need.status }, after: { status: to, campaignId } });
}

async function needOf(db: Executor, campaignId: number, needId: number) {
  const need = await needs.needById(db, needId);
  if (!need || need.campaignId !== campaignId) {
    throw new AppError('not_found');
  }
  return need;
}

/**
 * The general office records that a published proposal became an open point of the same campaign
 * (需求采纳); adopting it as another point replaces the first.
 */
export async function adoptNeed(trx: Executor, actor: Actor, user: CurrentUser | null, campaignId: number, needId: number, pointId: number): Promise<void> {
  requireRole(user, 'admin');
  const need = await needOf(trx, campaignId, needId);
  const point = await repo.pointById(trx, pointId);
  if (!point) {
    throw fieldError('pointId', 'openDays.adopt_point_elsewhere');
  }
  const refusal = adoptionRefusal(need, point);
  if (refusal === 'not_published') {
    throw new AppError('invalid_state', {}, [], 'openDays.adopt_not_published');
  }
  if (refusal === 'other_campaign') {
    throw fieldError('pointId', 'openDays.adopt_point_elsewhere');
  }
  if (need.adoptedPointId === pointId) {
    return;
  }
  if (!(await needs.setAdoptionIf(trx, needId, pointId, nowIso()))) {
    throw new AppError('invalid_state', {}, [], 'openDays.adopt_not_published');
  }
  await recordAudit(trx, actor, { action: 'open_day.need.adopt', entityType: 'open_day_need', entityId: needId, before: { adoptedPointId: need.adoptedPointId }, after: { adoptedPointId: pointId, pointCode: point.code, campaignId } });
}

/** The general office withdraws an adoption recorded by mistake. */
export async function withdrawAdoption(trx: Executor, actor: Actor, user: CurrentUser | null, campaignId: number, needId: number): Promise<void> {
  requireRole(user, 'admin');
  const need = await needOf(trx, campaignId, needId);
  if (need.adoptedPointId === null || !(await needs.clearAdoptionIf(trx, needId, need.adoptedPointId))) {
    throw new AppError('invalid_state', {}, [], 'openDays.adopt_none');
  }
  await recordAudit(trx, actor, { action: 'open_day.need.unadopt', entityType: 'open_day_need', entityId: needId, before: { adoptedPointId: need.adoptedPointId, adoptedAt: need.adoptedAt }, after: { adoptedPointId: null, campaignId } });
}
