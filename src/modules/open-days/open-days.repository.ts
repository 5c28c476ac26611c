import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { todayInChina } from '../../platform/clock.js';
import type { OpenDayCampaignTable, OpenDayNeedTable, OpenDayThemeTable, OpenPointSessionTable, OpenPointTable } from './open-days.table.js';

export type CampaignRow = Selectable<OpenDayCampaignTable>;
export type ThemeRow = Selectable<OpenDayThemeTable>;
export type OpenPointRow = Selectable<OpenPointTable>;
export type SessionRow = Selectable<OpenPointSessionTable>;
export type NeedRow = Selectable<OpenDayNeedTable>;

/** A campaign by id. */
export function campaignById(db: Executor, id: number): Promise<CampaignRow | undefined> {
  return db.selectFrom('openDayCampaign').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A campaign by its public slug. */
export function campaignBySlug(db: Executor, slug: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('openDayCampaign').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * The campaign the public sees at /open-days: the earliest published campaign that has not ended yet,
 * otherwise the most recent published or closed one.
 */
export async function currentCampaign(db: Executor, today: string = todayInChina()): Promise<CampaignRow | undefined> {
  const upcoming = await db
    .selectFrom('openDayCampaign')
    .selectAll()
    .where('status', '=', 'published')
    .where('endsOn', '>=', today)
    .orderBy('startsOn')
    .orderBy('id')
    .executeTakeFirst();
  if (upcoming) {
    return upcoming;
  }
  return db
    .selectFrom('openDayCampaign')
    .selectAll()
    .where('status', 'in', ['published', 'closed'])
    .orderBy('startsOn', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** An open point by its public code. */
export function pointByCode(db: Executor, code: string): Promise<OpenPointRow | undefined> {
  return db.selectFrom('openPoint').selectAll().where('code', '=', code).executeTakeFirst();
}

/** An open point by id. */
export function pointById(db: Executor, id: number): Promise<OpenPointRow | undefined> {
  return db.selectFrom('openPoint').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The sessions of an open point, in time order. */
export function pointSessions(db: Executor, pointId: number): Promise<SessionRow[]> {
  return db.selectFrom('openPointSession').selectAll().where('pointId', '=', pointId).orderBy('startsAt').orderBy('id').execute();
}

/** A session by id. */
export function sessionById(db: Executor, id: number): Promise<SessionRow | undefined> {
  return db.selectFrom('openPointSession').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The themed days of a campaign, in order. */
export function campaignThemes(db: Executor, campaignId: number): Promise<ThemeRow[]> {
  return db.selectFrom('openDayTheme').selectAll().where('campaignId', '=', campaignId).orderBy('sortOrder').orderBy('id').execute();
}

/** A themed day by id. */
export function themeById(db: Executor, id: number): Promise<ThemeRow | undefined> {
  return db.selectFrom('openDayTheme').selectAll().where('id', '=', id).executeTakeFirst();
}

// ---------------- campaigns

/** All campaigns, newest first (staff list). */
export function listCampaigns(db: Executor): Promise<CampaignRow[]> {
  return db.selectFrom('openDayCampaign').selectAll().orderBy('startsOn', 'desc').orderBy('id', 'desc').execute();
}

/** Public campaigns (published or closed), newest first. */
export function publicCampaigns(db: Executor): Promise<CampaignRow[]> {
  return db.selectFrom('openDayCampaign').selectAll().where('status', 'in', ['published', 'closed']).orderBy('startsOn', 'desc').orderBy('id', 'desc').execute();
}

/** Inserts a campaign. */
export async function insertCampaign(db: Executor, row: Insertable<OpenDayCampaignTable>): Promise<number> {
  return (await db.insertInto('openDayCampaign').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a campaign. */
export async function updateCampaign(db: Executor, id: number, patch: Updateable<OpenDayCampaignTable>): Promise<void> {
  await db.updateTable('openDayCampaign').set(patch).where('id', '=', id).execute();
}

/** Moves a campaign between states; false when it was no longer in the expected one. */
export async function updateCampaignIf(db: Executor, id: number, expected: string, patch: Updateable<OpenDayCampaignTable>): Promise<boolean> {
  const r = await db.updateTable('openDayCampaign').set(patch).where('id', '=', id).where('status', '=', expected).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Makes the campaign's themed days match the list: a day already there keeps its id (its points keep
 * their theme), new ones are added, missing ones removed (their points become unthemed).
 */
export async function syncThemes(db: Executor, campaignId: number, themes: Array<{ day: string; titleZh: string; titleEn: string }>): Promise<void> {
  const existing = await campaignThemes(db, campaignId);
  const kept = new Set<number>();
  for (const [i, t] of themes.entries()) {
    const same = existing.find((e) => !kept.has(e.id) && e.day === t.day && e.titleZh === t.titleZh) ?? existing.find((e) => !kept.has(e.id) && e.day === t.day);
    if (same) {
      kept.add(same.id);
      await db.updateTable('openDayTheme').set({ day: t.day, titleZh: t.titleZh, titleEn: t.titleEn, sortOrder: i }).where('id', '=', same.id).execute();
    } else {
      await db.insertInto('openDayTheme').values({ campaignId, day: t.day, titleZh: t.titleZh, titleEn: t.titleEn, sortOrder: i }).execute();
    }
  }
  const gone = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (gone.length > 0) {
    await db.updateTable('openPoint').set({ themeId: null }).where('themeId', 'in', gone).execute();
    await db.deleteFrom('openDayTheme').where('id', 'in', gone).execute();
  }
}

/** Sessions of a campaign that start outside a date range (Beijing days), for date changes. */
export async function sessionsOutside(db: Executor, campaignId: number, fromIso: string, toIso: string): Promise<number> {
  const r = await db
    .selectFrom('openPointSession')
    .innerJoin('openPoint', 'openPoint.id', 'openPointSession.pointId')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('openPoint.campaignId', '=', campaignId)
    .where((eb) => eb.or([eb('openPointSession.startsAt', '<', fromIso), eb('openPointSession.startsAt', '>=', toIso)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------------- points

/** Inserts a point. */
export async function insertPoint(db: Executor, row: Insertable<OpenPointTable>): Promise<number> {
  return (await db.insertInto('openPoint').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a point. */
export async function updatePoint(db: Executor, id: number, patch: Updateable<OpenPointTable>): Promise<void> {
  await db.updateTable('openPoint').set(patch).where('id', '=', id).execute();
}

/** Number of points of a campaign (to number new codes). */
export async function countPoints(db: Executor, campaignId: number): Promise<number> {
  const r = await db.selectFrom('openPoint').select((eb) => eb.fn.countAll<string | number>().as('n')).where('campaignId', '=', campaignId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Points of a campaign with their sessions' totals; `statuses` limits which points (public: published). */
export function pointsWithTotals(db: Executor, campaignId: number, statuses: readonly string[]) {
  return db
    .selectFrom('openPoint')
    .leftJoin('openPointSession', 'openPointSession.pointId', 'openPoint.id')
    .select([
      'openPoint.id',
      'openPoint.code',
      'openPoint.level',
      'openPoint.district',
      'openPoint.themeId',
      'openPoint.topic',
      'openPoint.organiser',
      'openPoint.address',
      'openPoint.status',
      'openPoint.onlineVisits',
      'openPoint.departmentId',
      'openPoint.lat',
      'openPoint.lng',
    ])
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string | number | null>('openPointSession.capacity'), eb.lit(0)).as('capacity'),
      eb.fn.coalesce(eb.fn.sum<string | number | null>('openPointSession.booked'), eb.lit(0)).as('booked'),
      eb.fn.count<string | number>('openPointSession.id').as('sessions'),
    ])
    .where('openPoint.campaignId', '=', campaignId)
    .where('openPoint.status', 'in', statuses)
    .groupBy(['openPoint.id', 'openPoint.code', 'openPoint.level', 'openPoint.district', 'openPoint.themeId', 'openPoint.topic', 'openPoint.organiser', 'openPoint.address', 'openPoint.status', 'openPoint.onlineVisits', 'openPoint.departmentId', 'openPoint.lat', 'openPoint.lng'])
    .orderBy('openPoint.id')
    .execute();
}

/** Published points of a district in a campaign that have coordinates (for the locator map). */
export function districtDots(db: Executor, campaignId: number, district: string) {
  return db
    .selectFrom('openPoint')
    .select(['id', 'topic', 'lat', 'lng'])
    .where('campaignId', '=', campaignId)
    .where('district', '=', district)
    .where('status', '=', 'published')
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .execute();
}

/**
 * Counts one online visit. A separate statement (`onlineVisits + 1`) rather than read-then-write, so
 * that concurrent visits are never lost.
 */
export async function incrementOnlineVisits(db: Executor, pointId: number): Promise<void> {
  await db
    .updateTable('openPoint')
    .set((eb) => ({ onlineVisits: eb('onlineVisits', '+', 1) }))
    .where('id', '=', pointId)
    .execute();
}

// ---------------- sessions

/** Inserts a session. */
export async function insertSession(db: Executor, row: Insertable<OpenPointSessionTable>): Promise<number> {
  return (await db.insertInto('openPointSession').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Changes a session's time and capacity, but only while the new capacity still holds the places
 * already taken (checked in the same statement, so a registration landing meanwhile is never cut off).
 */
export async function updateSessionIfFits(db: Executor, id: number, patch: { startsAt: string; endsAt: string; capacity: number }): Promise<boolean> {
  const r = await db.updateTable('openPointSession').set(patch).where('id', '=', id).where('booked', '<=', patch.capacity).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Registrations of a session, whatever their state (a session with any cannot be deleted). */
export async function sessionRegistrationCount(db: Executor, sessionId: number): Promise<number> {
  const r = await db.selectFrom('openDayRegistration').select((eb) => eb.fn.countAll<string | number>().as('n')).where('sessionId', '=', sessionId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes a session. */
export async function deleteSession(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('openPointSession').where('id', '=', id).execute();
}

/** Sessions of many points, by point id, in time order. */
export async function sessionsOf(db: Executor, pointIds: number[]): Promise<Map<number, SessionRow[]>> {
  const out = new Map<number, SessionRow[]>();
  for (let i = 0; i < pointIds.length; i += 500) {
    const rows = await db.selectFrom('openPointSession').selectAll().where('pointId', 'in', pointIds.slice(i, i + 500)).orderBy('startsAt').orderBy('id').execute();
    for (const r of rows) {
      const list = out.get(r.pointId) ?? [];
      list.push(r);
      out.set(r.pointId, list);
    }
  }
  return out;
}

/** Whole rows of a campaign's points in some states. */
export function pointsOfCampaign(db: Executor, campaignId: number, statuses: readonly string[]): Promise<OpenPointRow[]> {
  return db.selectFrom('openPoint').selectAll().where('campaignId', '=', campaignId).where('status', 'in', statuses).orderBy('id').execute();
}
