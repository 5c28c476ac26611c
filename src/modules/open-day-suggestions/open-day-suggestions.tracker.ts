import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { todayInChina } from '../../platform/clock.js';
import { listAllDepartments, type DepartmentRow } from '../departments/index.js';
import { campaignById, campaignBySlug, pointByCode, pointById, type CampaignRow } from '../open-days/index.js';
import * as repo from './open-day-suggestions.repository.js';
import { acceptsSuggestions } from './open-day-suggestions.service.js';
import { conversionRate, deadlinesByUnit } from './open-day-suggestions.status.js';
import type { TrackerFilter } from './open-day-suggestions.schema.js';

/** Suggestions per page of the public tracker. */
export const TRACKER_PAGE_SIZE = 20;

/** Departments by id (a few dozen rows: names for every list). */
export async function departmentsById(db: Executor): Promise<Map<number, DepartmentRow>> {
  return new Map((await listAllDepartments(db)).map((d) => [d.id, d]));
}

/** A public campaign (never a draft) by slug. */
async function publicCampaign(db: Executor, slug: string): Promise<CampaignRow> {
  const c = await campaignBySlug(db, slug);
  if (!acceptsSuggestions(c)) {
    throw new AppError('not_found');
  }
  return c;
}

/**
 * A suggestion's public page: its path and, once merged, the path of the suggestion it was merged
 * into; the suggestion it was split from, or the parts it was split into. The content is shown only
 * once moderation has published it; the contact never.
 */
export async function getTracking(db: Executor, trackingCode: string) {
  const s = await repo.findByTrackingCode(db, trackingCode.trim().toUpperCase());
  if (!s) {
    throw new AppError('not_found');
  }
  const target = s.mergedIntoId === null ? undefined : await repo.findById(db, s.mergedIntoId);
  const [splitFrom, parts] = await Promise.all([s.splitFromId === null ? undefined : repo.findById(db, s.splitFromId), repo.partsOf(db, s.id)]);
  const [published, targetPublished] = await Promise.all([repo.isPublished(db, s.id), target ? repo.isPublished(db, target.id) : false]);
  const events = await repo.eventsOf(db, target ? [s.id, target.id] : [s.id]);
  const followed = target ?? s;
  const [campaign, point, measure, departments] = await Promise.all([
    campaignById(db, s.campaignId),
    s.pointId === null ? undefined : pointById(db, s.pointId),
    followed.measureId === null ? undefined : repo.findMeasure(db, followed.measureId),
    departmentsById(db),
  ]);
  return { suggestion: s, published, target, targetPublished, splitFrom, parts, events, campaign, point, measure, departments };
}
export type TrackingData = Awaited<ReturnType<typeof getTracking>>;

/** The public tracker of a campaign: counts, conversion rate, deadlines per unit, the filtered list and the measures. */
export async function getTracker(db: Executor, slug: string, filter: TrackerFilter, today: string = todayInChina()) {
  const campaign = await publicCampaign(db, slug);
  const counts = await repo.statusCounts(db, campaign.id);
  const deadlines = deadlinesByUnit(await repo.deadlineFacts(db, { campaignId: campaign.id }), today);
  let pointId: number | undefined;
  if (filter.point) {
    const p = await pointByCode(db, filter.point);
    // An unknown point matches nothing rather than everything.
    pointId = p && p.campaignId === campaign.id ? p.id : -1;
  }
  const offset = (filter.page - 1) * TRACKER_PAGE_SIZE;
  const { rows, total } = await repo.publicPage(db, campaign.id, { status: filter.status, category: filter.category, departmentId: filter.department, pointId }, TRACKER_PAGE_SIZE, offset);
  const used = await repo.usedUnitsAndPoints(db, campaign.id);
  const [events, mergedCodes, points, measures, departments, sources, splitParts] = await Promise.all([
    repo.eventsOf(
      db,
      rows.map((r) => r.id),
    ),
    repo.trackingCodes(
      db,
      rows.flatMap((r) => (r.mergedIntoId === null ? [] : [r.mergedIntoId])),
    ),
    repo.pointsByIds(db, used.pointIds),
    repo.measuresWithCounts(db, campaign.id),
    departmentsById(db),
    repo.sourceCounts(db, campaign.id),
    repo.splitPartCount(db, campaign.id),
  ]);
  return {
    campaign,
    counts,
    // Received: the parts of a split suggestion were not received on their own (the counts by status include them).
    totalSuggestions: Object.values(counts).reduce((a, b) => a + b, 0) - splitParts,
    split: { wholes: counts.split ?? 0, parts: splitParts },
    sources,
    conversion: conversionRate(counts),
    deadlines,
    rows,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / TRACKER_PAGE_SIZE)),
    events,
    mergedCodes,
    points: new Map(points.map((p) => [p.id, p])),
    unitOptions: used.departmentIds,
    measures: measures.map((m) => ({ ...m, suggestions: Number(m.suggestions ?? 0) })),
    departments,
  };
}
export type TrackerData = Awaited<ReturnType<typeof getTracker>>;

/** A measure's public page with the public suggestions it answers. */
export async function getPublicMeasure(db: Executor, id: number) {
  const measure = await repo.findMeasure(db, id);
  const campaign = measure ? await campaignById(db, measure.campaignId) : undefined;
  if (!measure || !acceptsSuggestions(campaign)) {
    throw new AppError('not_found');
  }
  const suggestions = await repo.publicSuggestionsOfMeasure(db, id);
  return { measure, campaign, suggestions, departments: await departmentsById(db) };
}
export type PublicMeasureData = Awaited<ReturnType<typeof getPublicMeasure>>;
