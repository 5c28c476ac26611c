import type { Executor } from '../../http/context.js';
import type { Locale, Translator } from '../../platform/i18n/index.js';
import { departmentName, listAllDepartments } from '../departments/index.js';
import * as repo from './open-days.repository.js';
import * as report from './open-days.report.repository.js';
import { numericTotals } from './open-days.service.js';
import { publicCampaign } from './open-days.public.js';
import { LEVELS } from './open-days.programme.js';

// The results report (活动成效): participation over the years, points, registrations and attendance,
// online visits, suggestions and measures, as tables that feed the page, the charts and the CSV.

/** Registration states, in the report's column order. */
export const REGISTRATION_STATUSES = ['confirmed', 'checked_in', 'no_show', 'cancelled', 'waitlisted'] as const;
/** Suggestion states, in the report's order. */
export const SUGGESTION_STATUSES = ['received', 'routed', 'answered', 'converted', 'partly_adopted', 'explained', 'not_adopted', 'merged', 'split', 'rejected'] as const;
/** Measure progress. */
export const MEASURE_PROGRESS = ['planned', 'in_progress', 'done'] as const;

type Cell = string | number | null;
/** A table of the report. */
export interface ReportTable {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
}

/** Attendance rate: checked in over those expected (checked in + no-shows); null before the day. */
export function attendanceRate(checkedIn: number, noShow: number): number | null {
  return checkedIn + noShow === 0 ? null : Math.round((1000 * checkedIn) / (checkedIn + noShow)) / 10;
}

/** Everything the report shows, gathered with read-only queries. */
export async function campaignReport(db: Executor, slug: string) {
  const campaign = await publicCampaign(db, slug);
  const themes = await repo.campaignThemes(db, campaign.id);
  const points = (await repo.pointsWithTotals(db, campaign.id, ['published'])).map(numericTotals);
  return {
    campaign,
    themes,
    points,
    years: await report.pointsPerCampaign(db),
    organisers: await report.organiserCount(db, campaign.id),
    registrations: await report.registrationsByThemeLevel(db, campaign.id),
    suggestions: await report.suggestionsByStatusUnit(db, campaign.id),
    measures: await report.measuresOf(db, campaign.id),
    departments: await listAllDepartments(db),
  };
}
export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>;

function sumBy<T>(rows: T[], key: (r: T) => string, value: (r: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    out.set(key(r), (out.get(key(r)) ?? 0) + value(r));
  }
  return out;
}

/** The report's tables, in the page's order (the CSV carries the same). */
export function reportTables(r: CampaignReport, t: Translator, locale: Locale): ReportTable[] {
  const themeName = (id: number | null) => {
    const th = r.themes.find((x) => x.id === id);
    return th ? `${th.day} ${locale === 'en' ? th.titleEn : th.titleZh}` : t('openDays.no_theme');
  };
  const themeKeys: Array<number | null> = [...r.themes.map((x) => x.id), null];
  const levelName = (l: string) => t(`openDays.level.${l}` as 'openDays.level.city');
  const regStatus = (s: string) => t(`openDays.reg_status.${s}` as 'openDays.reg_status.confirmed');
  const deptName = (id: number | null) => {
    const d = r.departments.find((x) => x.id === id);
    return d ? departmentName(d, locale) : t('openDays.unrouted');
  };

  const regRow = (label: string, rows: CampaignReport['registrations']): Cell[] => {
    const by = sumBy(rows, (x) => x.status, (x) => x.n);
    const v = REGISTRATION_STATUSES.map((s) => by.get(s) ?? 0);
    return [label, ...v, attendanceRate(by.get('checked_in') ?? 0, by.get('no_show') ?? 0)];
  };
  const regHeader = (first: string) => [first, ...REGISTRATION_STATUSES.map(regStatus), t('openDays.attendance_rate')];

  const pointsByTheme = sumBy(r.points, (p) => String(p.themeId), () => 1);
  const placesByTheme = sumBy(r.points, (p) => String(p.themeId), (p) => p.capacity);
  const onlineByTheme = sumBy(r.points, (p) => String(p.themeId), (p) => p.onlineVisits);
  const pointsByLevel = sumBy(r.points, (p) => p.level, () => 1);
  const placesByLevel = sumBy(r.points, (p) => p.level, (p) => p.capacity);
  const sugByStatus = sumBy(r.suggestions, (s) => s.status, (s) => s.n);
  const units = [...sumBy(r.suggestions, (s) => String(s.departmentId), (s) => s.n).entries()].sort((a, b) => b[1] - a[1]);
  const measuresByProgress = sumBy(r.measures, (m) => m.progress, () => 1);
  const levelsPresent = [...LEVELS.filter((l) => pointsByLevel.has(l)), ...[...pointsByLevel.keys()].filter((l) => !(LEVELS as readonly string[]).includes(l))];
  const topOnline = [...r.points].sort((a, b) => b.onlineVisits - a.onlineVisits).slice(0, 10);

  return [
    { id: 'years', title: t('openDays.report.years'), header: [t('openDays.year'), t('openDays.campaign'), t('openDays.points_count')], rows: r.years.map((y) => [y.year, y.title, y.points]) },
    {
      id: 'levels',
      title: t('openDays.report.levels'),
      header: [t('openDays.level'), t('openDays.points_count'), t('openDays.places')],
      rows: levelsPresent.map((l) => [levelName(l), pointsByLevel.get(l) ?? 0, placesByLevel.get(l) ?? 0]),
    },
    {
      id: 'themes',
      title: t('openDays.report.themes'),
      header: [t('openDays.theme'), t('openDays.points_count'), t('openDays.places'), t('openDays.online_visits')],
      rows: themeKeys.filter((k) => pointsByTheme.has(String(k))).map((k) => [themeName(k), pointsByTheme.get(String(k)) ?? 0, placesByTheme.get(String(k)) ?? 0, onlineByTheme.get(String(k)) ?? 0]),
    },
    {
      id: 'registrations_theme',
      title: t('openDays.report.registrations_theme'),
      header: regHeader(t('openDays.theme')),
      rows: themeKeys.map((k) => regRow(themeName(k), r.registrations.filter((x) => x.themeId === k))).filter((row, i) => themeKeys[i] !== null || row.slice(1, 6).some((v) => v !== 0)),
    },
    { id: 'registrations_level', title: t('openDays.report.registrations_level'), header: regHeader(t('openDays.level')), rows: LEVELS.map((l) => regRow(levelName(l), r.registrations.filter((x) => x.level === l))) },
    {
      id: 'online',
      title: t('openDays.report.online'),
      header: [t('openDays.point'), t('openDays.organiser'), t('openDays.online_visits')],
      rows: [...topOnline.filter((p) => p.onlineVisits > 0).map((p): Cell[] => [p.topic, p.organiser, p.onlineVisits]), [t('openDays.total'), '', r.points.reduce((a, p) => a + p.onlineVisits, 0)]],
    },
    { id: 'suggestion_status', title: t('openDays.report.suggestion_status'), header: [t('openDays.status'), t('openDays.count')], rows: SUGGESTION_STATUSES.map((s) => [t(`openDays.suggestion_status.${s}` as 'openDays.suggestion_status.received'), sugByStatus.get(s) ?? 0]) },
    {
      id: 'suggestion_unit',
      title: t('openDays.report.suggestion_unit'),
      header: [t('openDays.unit'), t('openDays.count')],
      rows: units.map(([id, n]) => [deptName(id === 'null' ? null : Number(id)), n]),
    },
    {
      id: 'measures',
      title: t('openDays.report.measures'),
      header: [t('openDays.measure'), t('openDays.owner'), t('openDays.progress'), t('openDays.due_on'), t('openDays.answers_suggestions')],
      rows: r.measures.map((m) => [m.title, m.owner || deptName(m.ownerDepartmentId), t(`openDays.measure_progress.${m.progress}` as 'openDays.measure_progress.planned'), m.dueOn, m.suggestions]),
    },
    { id: 'measure_progress', title: t('openDays.report.measure_progress'), header: [t('openDays.progress'), t('openDays.count')], rows: MEASURE_PROGRESS.map((p) => [t(`openDays.measure_progress.${p}`), measuresByProgress.get(p) ?? 0]) },
  ];
}

/** Headline figures: points, units, places, registrations, attendance, online visits, suggestions, measures. */
export function headline(r: CampaignReport) {
  const reg = sumBy(r.registrations, (x) => x.status, (x) => x.n);
  return {
    points: r.points.length,
    organisers: r.organisers,
    places: r.points.reduce((a, p) => a + p.capacity, 0),
    registered: (reg.get('confirmed') ?? 0) + (reg.get('checked_in') ?? 0) + (reg.get('no_show') ?? 0),
    checkedIn: reg.get('checked_in') ?? 0,
    onlineVisits: r.points.reduce((a, p) => a + p.onlineVisits, 0),
    suggestions: r.suggestions.reduce((a, s) => a + s.n, 0),
    measures: r.measures.length,
  };
}
