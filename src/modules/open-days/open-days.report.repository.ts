import type { Executor } from '../../http/context.js';

// Read-only queries of the results report. The registration and suggestion tables are filled by the
// other open-day modules; every query here works when they are empty.

const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Published points per public campaign, by year (participation over the years). */
export async function pointsPerCampaign(db: Executor) {
  const rows = await db
    .selectFrom('openDayCampaign')
    .leftJoin('openPoint', (j) => j.onRef('openPoint.campaignId', '=', 'openDayCampaign.id').on('openPoint.status', '=', 'published'))
    .select(['openDayCampaign.id', 'openDayCampaign.year', 'openDayCampaign.slug', 'openDayCampaign.title'])
    .select((eb) => [eb.fn.count<string | number>('openPoint.id').as('points'), eb.fn.count<string | number>('openPoint.departmentId').as('withDepartment')])
    .where('openDayCampaign.status', 'in', ['published', 'closed'])
    .groupBy(['openDayCampaign.id', 'openDayCampaign.year', 'openDayCampaign.slug', 'openDayCampaign.title'])
    .orderBy('openDayCampaign.year')
    .orderBy('openDayCampaign.id')
    .execute();
  return rows.map((r) => ({ ...r, points: n(r.points), withDepartment: n(r.withDepartment) }));
}

/** Distinct organising units of a campaign's published points. */
export async function organiserCount(db: Executor, campaignId: number): Promise<number> {
  const r = await db
    .selectFrom('openPoint')
    .select((eb) => eb.fn.count<string | number>('organiser').distinct().as('n'))
    .where('campaignId', '=', campaignId)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  return n(r.n);
}

/** Registrations of a campaign by the point's theme, level and the registration's state. */
export async function registrationsByThemeLevel(db: Executor, campaignId: number) {
  const rows = await db
    .selectFrom('openDayRegistration')
    .innerJoin('openPoint', 'openPoint.id', 'openDayRegistration.pointId')
    .select(['openPoint.themeId', 'openPoint.level', 'openDayRegistration.status'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('openDayRegistration.campaignId', '=', campaignId)
    .groupBy(['openPoint.themeId', 'openPoint.level', 'openDayRegistration.status'])
    .execute();
  return rows.map((r) => ({ themeId: r.themeId, level: r.level, status: r.status, n: n(r.n) }));
}

/** Suggestions of a campaign by state and routed unit (department id, null when not routed). */
export async function suggestionsByStatusUnit(db: Executor, campaignId: number) {
  const rows = await db
    .selectFrom('openDaySuggestion')
    .select(['status', 'departmentId'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('campaignId', '=', campaignId)
    .groupBy(['status', 'departmentId'])
    .execute();
  return rows.map((r) => ({ status: r.status, departmentId: r.departmentId, n: n(r.n) }));
}

/** Measures of a campaign with the number of suggestions each answers. */
export async function measuresOf(db: Executor, campaignId: number) {
  const rows = await db
    .selectFrom('openDayMeasure')
    .leftJoin('openDaySuggestion', 'openDaySuggestion.measureId', 'openDayMeasure.id')
    .select(['openDayMeasure.id', 'openDayMeasure.title', 'openDayMeasure.owner', 'openDayMeasure.ownerDepartmentId', 'openDayMeasure.progress', 'openDayMeasure.dueOn'])
    .select((eb) => eb.fn.count<string | number>('openDaySuggestion.id').as('suggestions'))
    .where('openDayMeasure.campaignId', '=', campaignId)
    .groupBy(['openDayMeasure.id', 'openDayMeasure.title', 'openDayMeasure.owner', 'openDayMeasure.ownerDepartmentId', 'openDayMeasure.progress', 'openDayMeasure.dueOn'])
    .orderBy('openDayMeasure.id')
    .execute();
  return rows.map((r) => ({ ...r, suggestions: n(r.suggestions) }));
}
