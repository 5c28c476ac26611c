import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { todayInChina } from '../../platform/clock.js';
import * as repo from './open-days.repository.js';
import { needsAdoptedAs } from './open-days.survey.repository.js';
import { numericTotals } from './open-days.service.js';
import { facetCounts, groupProgramme, matches, totals, type ProgrammeFilter } from './open-days.programme.js';
import { buildCalendar, type IcalEvent } from './open-days.ical.js';
import { locatorSvg } from '../../platform/map.js';
import { pointSectionsOf, sectionsOf } from './open-days.template.js';
import { surveyState } from './open-days.survey.js';

// What the public reads: programmes, point pages, the calendar feeds and the online-visit counter.

/** Public campaigns are published or closed; drafts do not exist for the public. */
const isPublic = (c: repo.CampaignRow) => c.status === 'published' || c.status === 'closed';

/** A public campaign by slug, or 404. */
export async function publicCampaign(db: Executor, slug: string): Promise<repo.CampaignRow> {
  const c = await repo.campaignBySlug(db, slug);
  if (!c || !isPublic(c)) {
    throw new AppError('not_found');
  }
  return c;
}

/** Where registration stands at an instant. */
export function registrationState(c: { registrationOpensAt: string | null; registrationClosesAt: string | null }, now: string): 'none' | 'upcoming' | 'open' | 'closed' {
  if (!c.registrationOpensAt || !c.registrationClosesAt) {
    return 'none';
  }
  if (now < c.registrationOpensAt) {
    return 'upcoming';
  }
  return now < c.registrationClosesAt ? 'open' : 'closed';
}

/** A campaign's programme: published points filtered, grouped by day and level, with facet counts and totals. */
export async function programme(db: Executor, campaign: repo.CampaignRow, filter: ProgrammeFilter, today: string = todayInChina()) {
  const themes = await repo.campaignThemes(db, campaign.id);
  const all = (await repo.pointsWithTotals(db, campaign.id, ['published'])).map(numericTotals);
  const shown = all.filter((p) => matches(p, filter));
  return {
    campaign,
    themes,
    groups: groupProgramme(themes, shown),
    facets: facetCounts(all, filter),
    districts: [...new Set(all.map((p) => p.district).filter((d) => d !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    shownTotals: totals(shown),
    allTotals: totals(all),
    filter,
    survey: surveyState(campaign, today),
    campaigns: await repo.publicCampaigns(db),
  };
}

/** A public point page: its campaign, theme, template sections in the common order, sessions, locator and the survey proposals it answers. */
export async function publicPoint(db: Executor, code: string, now: string = new Date().toISOString()) {
  const point = await repo.pointByCode(db, code);
  if (!point || point.status === 'draft') {
    throw new AppError('not_found');
  }
  const campaign = await repo.campaignById(db, point.campaignId);
  if (!campaign || !isPublic(campaign)) {
    throw new AppError('not_found');
  }
  const theme = point.themeId ? await repo.themeById(db, point.themeId) : undefined;
  const texts = pointSectionsOf(point.sections);
  const sections = sectionsOf(campaign.templateSections).map((s) => ({ ...s, text: texts[s.key] ?? '' }));
  const sessions = await repo.pointSessions(db, point.id);
  let map: string | null = null;
  if (point.lat !== null && point.lng !== null) {
    const dots = (await repo.districtDots(db, campaign.id, point.district)).map((d) => ({ id: d.id, lat: d.lat!, lng: d.lng!, label: d.topic }));
    if (!dots.some((d) => d.id === point.id)) {
      dots.push({ id: point.id, lat: point.lat, lng: point.lng, label: point.topic });
    }
    map = locatorSvg(dots, point.id, point.topic);
  }
  // The published survey proposals this point answers (需求采纳).
  const adoptedFrom = await needsAdoptedAs(db, point.id);
  return { point, campaign, theme, sections, sessions, map, adoptedFrom, registration: registrationState(campaign, now) };
}

function eventsOf(campaign: repo.CampaignRow, points: Array<{ point: repo.OpenPointRow; sessions: repo.SessionRow[] }>, baseUrl: string): IcalEvent[] {
  const events: IcalEvent[] = [];
  for (const { point, sessions } of points) {
    for (const s of sessions) {
      events.push({
        uid: `open-day-session-${s.id}@gongkai`,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        // The point's last change: the stamp stays the same until something changes.
        stamp: point.updatedAt > campaign.updatedAt ? point.updatedAt : campaign.updatedAt,
        summary: `${campaign.title}：${point.topic}`,
        location: point.address,
        description: [point.organiser, point.description, point.accessibility].filter((x) => x !== '').join('\n'),
        url: `${baseUrl}/open-days/points/${encodeURIComponent(point.code)}`,
        geo: point.lat !== null && point.lng !== null ? { lat: point.lat, lng: point.lng } : null,
      });
    }
  }
  return events;
}

/** The campaign's calendar: every session of every published point. */
export async function campaignCalendar(db: Executor, slug: string, baseUrl: string): Promise<string> {
  const campaign = await publicCampaign(db, slug);
  const points = await repo.pointsOfCampaign(db, campaign.id, ['published']);
  const sessions = await repo.sessionsOf(db, points.map((p) => p.id));
  const list = points.map((point) => ({ point, sessions: sessions.get(point.id) ?? [] }));
  return buildCalendar(`${campaign.title} ${campaign.slogan}`.trim(), eventsOf(campaign, list, baseUrl));
}

/** One point's calendar. */
export async function pointCalendar(db: Executor, code: string, baseUrl: string): Promise<string> {
  const { point, campaign, sessions } = await publicPoint(db, code);
  return buildCalendar(point.topic, eventsOf(campaign, [{ point, sessions }], baseUrl));
}

/** The points whose visit a browser has counted today, from its cookie "YYYY-MM-DD|id,id". */
export function watchedToday(cookie: string | undefined, today: string): number[] {
  if (!cookie) {
    return [];
  }
  const [day, ids = ''] = cookie.split('|');
  return day === today ? ids.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
}

/**
 * An online visit: the live stream while it is set (else the replay). Counted at most once per browser,
 * point and day (the caller keeps the list in a cookie). Returns where to send the visitor and the new list.
 */
export async function watch(trx: Executor, code: string, kind: 'live' | 'replay', watched: number[]): Promise<{ url: string; watched: number[] }> {
  const point = await repo.pointByCode(trx, code);
  const campaign = point ? await repo.campaignById(trx, point.campaignId) : undefined;
  if (!point || point.status !== 'published' || !campaign || !isPublic(campaign)) {
    throw new AppError('not_found');
  }
  const url = kind === 'live' ? point.liveUrl : point.replayUrl;
  if (!url) {
    throw new AppError('not_found');
  }
  if (watched.includes(point.id)) {
    return { url, watched };
  }
  await repo.incrementOnlineVisits(trx, point.id);
  // Keep the cookie small: the most recent 100 points.
  return { url, watched: [...watched, point.id].slice(-100) };
}
