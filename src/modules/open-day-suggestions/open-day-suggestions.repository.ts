import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Executor } from '../../http/context.js';
import type { OpenDayMeasureTable, OpenDaySuggestionEventTable, OpenDaySuggestionTable } from '../open-days/open-days.table.js';
import { OUTCOMES } from './open-day-suggestions.status.js';

export type SuggestionRow = Selectable<OpenDaySuggestionTable>;
export type SuggestionEventRow = Selectable<OpenDaySuggestionEventTable>;
export type MeasureRow = Selectable<OpenDayMeasureTable>;

/** The moderation step that lets a received suggestion be seen (an event, as the path records it). */
export const PUBLISHED_EVENT = 'published';

/** Statuses past moderation: a suggestion in one of them has been published. */
const PAST_MODERATION = ['routed', 'answered', ...OUTCOMES];

type Eb = ExpressionBuilder<Database, 'openDaySuggestion'>;

/** Published (moderated) and not rejected: what the public may read. */
function isPublic(eb: Eb) {
  return eb.and([
    eb('openDaySuggestion.status', '!=', 'rejected'),
    eb.or([
      eb('openDaySuggestion.status', 'in', PAST_MODERATION),
      eb.exists(
        eb
          .selectFrom('openDaySuggestionEvent as pe')
          .select('pe.id')
          .whereRef('pe.suggestionId', '=', 'openDaySuggestion.id')
          .where('pe.status', '=', PUBLISHED_EVENT),
      ),
    ]),
  ]);
}

// ---------------------------------------------------------------- campaigns, points, registrations

/** Campaigns, newest first (for staff filters and the measure form). */
export function campaignOptions(db: Executor) {
  return db.selectFrom('openDayCampaign').select(['id', 'slug', 'title', 'year', 'status', 'answerDays']).orderBy('startsOn', 'desc').orderBy('id', 'desc').execute();
}

/** A campaign by its year (the demo loader finds the 2019 campaign this way). */
export function campaignByYear(db: Executor, year: number) {
  return db.selectFrom('openDayCampaign').selectAll().where('year', '=', year).orderBy('id').executeTakeFirst();
}

/** The published open points of a campaign, for the online form's choice and the tracker's filter. */
export function pointOptions(db: Executor, campaignId: number) {
  return db
    .selectFrom('openPoint')
    .select(['id', 'code', 'topic', 'organiser', 'level', 'departmentId'])
    .where('campaignId', '=', campaignId)
    .where('status', '=', 'published')
    .orderBy('level')
    .orderBy('code')
    .execute();
}

/** Open points by id (names for lists). */
export async function pointsByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('openPoint').select(['id', 'code', 'topic', 'organiser']).where('id', 'in', ids).execute();
}

/** A registration by its confirmation code. */
export function registrationByCode(db: Executor, code: string) {
  return db.selectFrom('openDayRegistration').select(['id', 'pointId', 'campaignId', 'status']).where('code', '=', code).executeTakeFirst();
}

// ---------------------------------------------------------------- suggestions

/** A suggestion as received, before any step: not routed, answered, merged, split or converted. */
export const RECEIVED_STATE = {
  status: 'received',
  mergedIntoId: null,
  splitFromId: null,
  departmentId: null,
  routedAt: null,
  dueOn: null,
  answer: '',
  answeredAt: null,
  outcomeReason: '',
  measureId: null,
} as const satisfies Partial<Insertable<OpenDaySuggestionTable>>;

/** Inserts a suggestion. */
export async function insertSuggestion(db: Executor, row: Insertable<OpenDaySuggestionTable>): Promise<number> {
  return (await db.insertInto('openDaySuggestion').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts many suggestions in one statement (demo bulk load), returning each id with its tracking code. */
export async function insertSuggestionsReturningCodes(db: Executor, rows: Array<Insertable<OpenDaySuggestionTable>>): Promise<Array<{ id: number; trackingCode: string }>> {
  if (rows.length === 0) {
    return [];
  }
  return db.insertInto('openDaySuggestion').values(rows).returning(['id', 'trackingCode']).execute();
}

/** Appends steps to suggestions' paths. */
export async function insertEvents(db: Executor, rows: Array<Insertable<OpenDaySuggestionEventTable>>): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('openDaySuggestionEvent').values(rows).execute();
  }
}

/** A suggestion by id. */
export function findById(db: Executor, id: number): Promise<SuggestionRow | undefined> {
  return db.selectFrom('openDaySuggestion').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A suggestion by its tracking code. */
export function findByTrackingCode(db: Executor, code: string): Promise<SuggestionRow | undefined> {
  return db.selectFrom('openDaySuggestion').selectAll().where('trackingCode', '=', code).executeTakeFirst();
}

/** True when a tracking code is taken. */
export async function trackingCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('openDaySuggestion').select('id').where('trackingCode', '=', code).executeTakeFirst()) !== undefined;
}

/** Moves a suggestion on only if it is still in one of the expected states; false otherwise. */
export async function updateIf(db: Executor, id: number, expected: readonly string[], patch: Updateable<OpenDaySuggestionTable>): Promise<boolean> {
  const r = await db.updateTable('openDaySuggestion').set(patch).where('id', '=', id).where('status', 'in', [...expected]).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** True when moderation has published the suggestion. */
export async function isPublished(db: Executor, id: number): Promise<boolean> {
  const r = await db.selectFrom('openDaySuggestion').select('id').where('id', '=', id).where(isPublic).executeTakeFirst();
  return r !== undefined;
}

/** The paths of some suggestions, oldest step first, by suggestion id. */
export async function eventsOf(db: Executor, ids: number[]): Promise<Map<number, SuggestionEventRow[]>> {
  const out = new Map<number, SuggestionEventRow[]>();
  for (let at = 0; at < ids.length; at += 500) {
    const rows = await db
      .selectFrom('openDaySuggestionEvent')
      .selectAll()
      .where('suggestionId', 'in', ids.slice(at, at + 500))
      .orderBy('suggestionId')
      .orderBy('at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.suggestionId) ?? [];
      list.push(r);
      out.set(r.suggestionId, list);
    }
  }
  return out;
}

/** The followers of several suggestions at once (a part's followers include those of the suggestions it was split from). */
export async function mergedIntoAny(db: Executor, targetIds: number[]) {
  if (targetIds.length === 0) {
    return [];
  }
  return db.selectFrom('openDaySuggestion').select(['id', 'trackingCode', 'contact', 'submitterName']).where('mergedIntoId', 'in', targetIds).orderBy('id').execute();
}

/** The suggestions merged into one (its followers). */
export function mergedInto(db: Executor, targetId: number) {
  return mergedIntoAny(db, [targetId]);
}

/** The parts a suggestion was split into, in the order staff wrote them. */
export function partsOf(db: Executor, splitFromId: number): Promise<SuggestionRow[]> {
  return db.selectFrom('openDaySuggestion').selectAll().where('splitFromId', '=', splitFromId).orderBy('id').execute();
}

/** Moves the followers of one suggestion to another (merging keeps one level). */
export async function repointMerged(db: Executor, fromId: number, toId: number, at: string): Promise<void> {
  await db.updateTable('openDaySuggestion').set({ mergedIntoId: toId, updatedAt: at }).where('mergedIntoId', '=', fromId).execute();
}

/** Tracking codes by id (for "merged into" links). */
export async function trackingCodes(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('openDaySuggestion').select(['id', 'trackingCode']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.trackingCode]));
}

/** The contacts of some suggestions (the notification resolver). */
export function contacts(db: Executor, ids: number[]) {
  return db.selectFrom('openDaySuggestion').select(['id', 'submitterName', 'contact']).where('id', 'in', ids).execute();
}

/** What the staff list filters on: campaign, statuses, units, and whether only unmoderated ones. */
export interface StaffFilter {
  campaignId?: number | undefined;
  statuses?: readonly string[] | undefined;
  /** Only suggestions routed to these units (department staff); undefined for everyone. */
  departmentIds?: number[] | undefined;
  /** For received ones: true = not yet published, false = published. */
  unpublished?: boolean | undefined;
}

/** One page of suggestions for staff, the ones due first, then the newest. */
export async function staffPage(db: Executor, f: StaffFilter, limit: number, offset: number): Promise<{ rows: SuggestionRow[]; total: number }> {
  if (f.departmentIds && f.departmentIds.length === 0) {
    return { rows: [], total: 0 };
  }
  let q = db.selectFrom('openDaySuggestion');
  if (f.campaignId !== undefined) {
    q = q.where('campaignId', '=', f.campaignId);
  }
  if (f.statuses) {
    q = q.where('status', 'in', [...f.statuses]);
  }
  if (f.departmentIds) {
    q = q.where('departmentId', 'in', f.departmentIds);
  }
  if (f.unpublished !== undefined) {
    q = f.unpublished ? q.where((eb) => eb.not(isPublic(eb))) : q.where(isPublic);
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy((eb) => eb.case().when('dueOn', 'is', null).then(1).else(0).end())
    .orderBy('dueOn')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total };
}

/** The public tracker's filters, resolved to ids. */
export interface PublicFilter {
  status?: string | undefined;
  category?: string | undefined;
  departmentId?: number | undefined;
  pointId?: number | undefined;
}

/** One page of a campaign's public suggestions, newest first. */
export async function publicPage(db: Executor, campaignId: number, f: PublicFilter, limit: number, offset: number): Promise<{ rows: SuggestionRow[]; total: number }> {
  let q = db.selectFrom('openDaySuggestion').where('campaignId', '=', campaignId).where(isPublic);
  if (f.status) {
    q = q.where('status', '=', f.status);
  }
  if (f.category) {
    q = q.where('category', '=', f.category);
  }
  if (f.departmentId !== undefined) {
    q = q.where('departmentId', '=', f.departmentId);
  }
  if (f.pointId !== undefined) {
    q = q.where('pointId', '=', f.pointId);
  }
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { rows, total };
}

/** Counts by status of a campaign's suggestions (all of them: rejected ones are counted, never shown). */
export async function statusCounts(db: Executor, campaignId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('openDaySuggestion').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('campaignId', '=', campaignId).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Counts by source (visit / online) of the suggestions a campaign received (parts of split ones are not received, so not counted). */
export async function sourceCounts(db: Executor, campaignId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('openDaySuggestion')
    .select(['source', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaignId', '=', campaignId)
    .where('splitFromId', 'is', null)
    .groupBy('source')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.n)]));
}

/** How many parts a campaign's split suggestions were split into. */
export async function splitPartCount(db: Executor, campaignId: number): Promise<number> {
  const r = await db.selectFrom('openDaySuggestion').select((eb) => eb.fn.countAll<number>().as('n')).where('campaignId', '=', campaignId).where('splitFromId', 'is not', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The deadline facts of every routed suggestion (of a campaign, or of some units). */
export function deadlineFacts(db: Executor, f: { campaignId?: number | undefined; departmentIds?: number[] | undefined }) {
  let q = db.selectFrom('openDaySuggestion').select(['departmentId', 'status', 'dueOn', 'answeredAt']).where('dueOn', 'is not', null);
  if (f.campaignId !== undefined) {
    q = q.where('campaignId', '=', f.campaignId);
  }
  if (f.departmentIds) {
    if (f.departmentIds.length === 0) {
      return Promise.resolve([]);
    }
    q = q.where('departmentId', 'in', f.departmentIds);
  }
  return q.execute();
}

/** Units and points that appear in a campaign's public suggestions (the tracker's filter choices). */
export async function usedUnitsAndPoints(db: Executor, campaignId: number): Promise<{ departmentIds: number[]; pointIds: number[] }> {
  const deps = await db.selectFrom('openDaySuggestion').select('departmentId').distinct().where('campaignId', '=', campaignId).where('departmentId', 'is not', null).execute();
  const points = await db.selectFrom('openDaySuggestion').select('pointId').distinct().where('campaignId', '=', campaignId).where('pointId', 'is not', null).execute();
  return { departmentIds: deps.map((d) => d.departmentId!), pointIds: points.map((p) => p.pointId!) };
}

/** The public suggestions a measure answers. */
export function publicSuggestionsOfMeasure(db: Executor, measureId: number): Promise<SuggestionRow[]> {
  return db.selectFrom('openDaySuggestion').selectAll().where('measureId', '=', measureId).where(isPublic).orderBy('createdAt').orderBy('id').execute();
}

/** Every suggestion a measure answers (staff), with contact for notices. */
export function suggestionsOfMeasure(db: Executor, measureId: number): Promise<SuggestionRow[]> {
  return db.selectFrom('openDaySuggestion').selectAll().where('measureId', '=', measureId).orderBy('createdAt').orderBy('id').execute();
}

// ---------------------------------------------------------------- measures

/** Inserts a measure. */
export async function insertMeasure(db: Executor, row: Insertable<OpenDayMeasureTable>): Promise<number> {
  return (await db.insertInto('openDayMeasure').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Inserts many measures (demo); ids in order. */
export async function insertMeasures(db: Executor, rows: Array<Insertable<OpenDayMeasureTable>>): Promise<number[]> {
  if (rows.length === 0) {
    return [];
  }
  return (await db.insertInto('openDayMeasure').values(rows).returning('id').execute()).map((r) => r.id);
}

/** Updates a measure. */
export async function updateMeasure(db: Executor, id: number, patch: Updateable<OpenDayMeasureTable>): Promise<void> {
  await db.updateTable('openDayMeasure').set(patch).where('id', '=', id).execute();
}

/** A measure by id. */
export function findMeasure(db: Executor, id: number): Promise<MeasureRow | undefined> {
  return db.selectFrom('openDayMeasure').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The measures of a campaign (or all), with how many suggestions each answers, newest first. */
export function measuresWithCounts(db: Executor, campaignId: number | undefined, departmentIds?: number[]) {
  let q = db
    .selectFrom('openDayMeasure')
    .selectAll('openDayMeasure')
    .select((eb) => eb.selectFrom('openDaySuggestion').select((e) => e.fn.countAll<number>().as('n')).whereRef('openDaySuggestion.measureId', '=', 'openDayMeasure.id').as('suggestions'));
  if (campaignId !== undefined) {
    q = q.where('campaignId', '=', campaignId);
  }
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return Promise.resolve([]);
    }
    q = q.where('ownerDepartmentId', 'in', departmentIds);
  }
  return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(500).execute();
}

/** A campaign's open points with the day of their theme (the demo loader dates visits by it). */
export function pointsWithDays(db: Executor, campaignId: number) {
  return db
    .selectFrom('openPoint')
    .leftJoin('openDayTheme', 'openDayTheme.id', 'openPoint.themeId')
    .select(['openPoint.id', 'openPoint.code', 'openPoint.topic', 'openPoint.departmentId', 'openPoint.status', 'openDayTheme.day'])
    .where('openPoint.campaignId', '=', campaignId)
    .orderBy('openPoint.id')
    .execute();
}
