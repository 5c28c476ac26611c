import type { NeedRow, OpenPointRow, SessionRow, ThemeRow, CampaignRow } from './open-days.repository.js';
import type { ProgrammePoint } from './open-days.programme.js';
import { remaining } from './open-days.programme.js';

// What the public sees of open-day rows: never a proposer's contact, never a draft.

/** A need in the public ranking: no contact; the open point it became, if any (never a draft: the caller leaves those out). */
export function presentNeed(n: NeedRow & { adoptedPoint: { code: string; topic: string } | null }) {
  return {
    id: n.id,
    title: n.title,
    description: n.description,
    category: n.category,
    proposerName: n.proposerName,
    votes: n.votes,
    createdAt: n.createdAt,
    adoptedPoint: n.adoptedPoint ? { code: n.adoptedPoint.code, topic: n.adoptedPoint.topic } : null,
  };
}
export type PublicNeed = ReturnType<typeof presentNeed>;

/** A campaign as the public API gives it. */
export function presentCampaign(c: CampaignRow, themes: ThemeRow[]) {
  return {
    slug: c.slug,
    year: c.year,
    title: c.title,
    slogan: c.slogan,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    unifiedTime: c.unifiedTime,
    themes: themes.map((t) => ({ id: t.id, day: t.day, titleZh: t.titleZh, titleEn: t.titleEn })),
    url: `/open-days/${c.slug}`,
  };
}

/** A point in the programme list. */
export function presentProgrammePoint(p: ProgrammePoint) {
  return { code: p.code, level: p.level, district: p.district, themeId: p.themeId, topic: p.topic, organiser: p.organiser, capacity: p.capacity, remaining: remaining(p), url: `/open-days/points/${encodeURIComponent(p.code)}` };
}

/** A point's public detail with its sessions and places left. */
export function presentPoint(p: OpenPointRow, sections: Array<{ key: string; titleZh: string; titleEn: string; text: string }>, sessions: SessionRow[]) {
  return {
    code: p.code,
    level: p.level,
    status: p.status,
    district: p.district,
    organiser: p.organiser,
    topic: p.topic,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    description: p.description,
    sections: sections.map((s) => ({ key: s.key, titleZh: s.titleZh, titleEn: s.titleEn, text: s.text })),
    accessibility: p.accessibility,
    contact: { name: p.contactName, phone: p.contactPhone },
    liveUrl: p.liveUrl || null,
    replayUrl: p.replayUrl || null,
    onlineVisits: p.onlineVisits,
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, remaining: remaining(s) })),
    registerUrl: `/open-days/points/${encodeURIComponent(p.code)}/register`,
  };
}
