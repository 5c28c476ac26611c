// The programme (活动安排): filtering, counting and grouping a campaign's open points. Pure functions.

/** The three levels of open points, in the order the programme lists them. */
export const LEVELS = ['city', 'district', 'street'] as const;
export type Level = (typeof LEVELS)[number];

/** A point as the programme needs it. */
export interface ProgrammePoint {
  id: number;
  code: string;
  level: string;
  district: string;
  themeId: number | null;
  topic: string;
  organiser: string;
  /** Places over all sessions, and those taken. */
  capacity: number;
  booked: number;
  sessions: number;
  onlineVisits: number;
}

/** A themed day as the programme needs it. */
export interface ProgrammeTheme {
  id: number;
  day: string;
  titleZh: string;
  titleEn: string;
}

/** The programme's filters (GET parameters); undefined means all. */
export interface ProgrammeFilter {
  theme?: number;
  level?: string;
  district?: string;
}

/** True when the point passes every filter, ignoring the one named in `except`. */
export function matches(p: ProgrammePoint, f: ProgrammeFilter, except?: keyof ProgrammeFilter): boolean {
  return (except === 'theme' || f.theme === undefined || p.themeId === f.theme) && (except === 'level' || f.level === undefined || p.level === f.level) && (except === 'district' || f.district === undefined || p.district === f.district);
}

function countBy<K>(points: ProgrammePoint[], key: (p: ProgrammePoint) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const p of points) {
    out.set(key(p), (out.get(key(p)) ?? 0) + 1);
  }
  return out;
}

/** Facet counts: each facet counted over the points that pass the other two filters. */
export function facetCounts(points: ProgrammePoint[], f: ProgrammeFilter) {
  return {
    theme: countBy(points.filter((p) => matches(p, f, 'theme')), (p) => p.themeId),
    level: countBy(points.filter((p) => matches(p, f, 'level')), (p) => p.level),
    district: countBy(points.filter((p) => matches(p, f, 'district')), (p) => p.district),
  };
}

/** One level inside a day, with its points. */
export interface LevelGroup {
  level: string;
  points: ProgrammePoint[];
}

/** One themed day (or the points without a theme, theme null) with its levels in order. */
export interface DayGroup {
  theme: ProgrammeTheme | null;
  levels: LevelGroup[];
  count: number;
}

const levelRank = (l: string) => {
  const i = (LEVELS as readonly string[]).indexOf(l);
  return i < 0 ? LEVELS.length : i;
};

/**
 * Groups points by themed day (in the campaign's order, unthemed last) and inside each day by level
 * (city, district, street); points sort by district then topic. Empty days and levels are left out.
 */
export function groupProgramme(themes: ProgrammeTheme[], points: ProgrammePoint[]): DayGroup[] {
  const known = new Set(themes.map((t) => t.id));
  const days: Array<ProgrammeTheme | null> = [...themes, null];
  const out: DayGroup[] = [];
  for (const theme of days) {
    const inDay = points.filter((p) => (theme ? p.themeId === theme.id : p.themeId === null || !known.has(p.themeId)));
    if (inDay.length === 0) {
      continue;
    }
    const levels = [...new Set(inDay.map((p) => p.level))].sort((a, b) => levelRank(a) - levelRank(b) || a.localeCompare(b));
    out.push({
      theme,
      count: inDay.length,
      levels: levels.map((level) => ({
        level,
        points: inDay.filter((p) => p.level === level).sort((a, b) => a.district.localeCompare(b.district, 'zh-CN') || a.topic.localeCompare(b.topic, 'zh-CN') || a.id - b.id),
      })),
    });
  }
  return out;
}

/** Places still free in a session (never below zero). */
export function remaining(s: { capacity: number; booked: number }): number {
  return Math.max(0, s.capacity - s.booked);
}

/** Totals of a list of points: points, places, places taken, online visits. */
export function totals(points: ProgrammePoint[]) {
  return points.reduce((a, p) => ({ points: a.points + 1, capacity: a.capacity + p.capacity, booked: a.booked + p.booked, onlineVisits: a.onlineVisits + p.onlineVisits }), { points: 0, capacity: 0, booked: 0, onlineVisits: 0 });
}
