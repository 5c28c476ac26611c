import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import type { OpenPointTable } from './open-days.table.js';
import { DEFAULT_PROCESS, DEFAULT_SECTIONS } from './open-days.template.js';
import { CITY_POINTS_2019, DISTRICTS, LOCAL_TOPICS, NEEDS_UPCOMING, POINTS_2018, POINTS_UPCOMING, THEMES_2019 } from './open-days.demo-data.js';
import { seededRandom } from '../../platform/random.js';

// Demo data: the 2018 campaign (12 points), the source's 2019 campaign (176 points, 7,200 places,
// 7.6 million online visits) and an upcoming campaign in December 2026 with open registration and an
// open needs survey. Generated from a fixed seed, so every load is the same; written in bulk (no audit
// entries: these are history, not staff actions).

/** The upcoming demo campaign's slug (the other open-day demos add registrations and suggestions to it). */
export const UPCOMING_SLUG = '2026-12';
/** The 2019 campaign's slug. */
export const SOURCE_SLUG = '2019';
/** Online visits of 2019 in the source (760余万人次). */
const ONLINE_2019 = 7_600_000;

/** The day the upcoming campaign's dates were written for; on a later day they move forward with it. */
const WRITTEN_ON = '2026-11-29';

/**
 * A date of the upcoming demo campaign, moved by as many days as today is past WRITTEN_ON, so that a
 * demo loaded on any day has a campaign ahead with its survey and registration open.
 */
export function upcomingDay(day: string, today = todayInChina()): string {
  const shift = Math.max(0, Math.round((Date.parse(today) - Date.parse(WRITTEN_ON)) / 86_400_000));
  return new Date(Date.parse(day) + shift * 86_400_000).toISOString().slice(0, 10);
}

const at = (day: string, hm: string) => new Date(Date.parse(`${day}T${hm}:00+08:00`)).toISOString();
const SLOTS: Array<Array<[string, string]>> = [
  [['09:30', '11:30']],
  [
    ['09:00', '10:30'],
    ['14:00', '15:30'],
  ],
  [
    ['09:00', '10:30'],
    ['10:45', '12:15'],
    ['14:00', '15:30'],
  ],
];

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
  }
}

interface DemoPoint {
  row: Omit<Insertable<OpenPointTable>, 'campaignId' | 'themeId'>;
  theme: number;
  sessions: number;
  capacity: number;
}

async function insertCampaign(
  trx: Executor,
  c: { slug: string; year: number; title: string; slogan: string; description: string; startsOn: string; endsOn: string; status: string; survey: [string, string] | null; registration: [string, string] | null; themes: Array<{ day: string; titleZh: string; titleEn: string }> },
  points: DemoPoint[],
  targetPlaces: number | null,
): Promise<{ id: number; pointIds: number[] }> {
  const now = nowIso();
  const { id } = await trx
    .insertInto('openDayCampaign')
    .values({
      slug: c.slug,
      year: c.year,
      title: c.title,
      slogan: c.slogan,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      templateSections: JSON.stringify(DEFAULT_SECTIONS),
      unifiedTime: '9:00—15:30（各开放点按场次安排）',
      process: DEFAULT_PROCESS.join('\n'),
      surveyOpensOn: c.survey?.[0] ?? null,
      surveyClosesOn: c.survey?.[1] ?? null,
      registrationOpensAt: c.registration?.[0] ?? null,
      registrationClosesAt: c.registration?.[1] ?? null,
      answerDays: 15,
      status: c.status,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const themeIds: number[] = [];
  for (const [i, t] of c.themes.entries()) {
    themeIds.push((await trx.insertInto('openDayTheme').values({ campaignId: id, ...t, sortOrder: i }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const pointIds: number[] = [];
  await insertChunks(points, 30, async (chunk) => {
    const rows = await trx
      .insertInto('openPoint')
      .values(chunk.map((p) => ({ ...p.row, campaignId: id, themeId: themeIds[p.theme] ?? null })))
      .returning('id')
      .execute();
    pointIds.push(...rows.map((r) => r.id));
  });
  // Sessions on the point's themed day; capacities scaled so the campaign offers `targetPlaces` in all.
  const sessions: Array<{ pointId: number; startsAt: string; endsAt: string; capacity: number; booked: number; waitlisted: number }> = [];
  for (const [i, p] of points.entries()) {
    const day = c.themes[p.theme]?.day ?? c.startsOn;
    const slots = SLOTS[p.sessions - 1]!;
    for (const [k, [s, e]] of slots.entries()) {
      const share = Math.floor(p.capacity / slots.length) + (k < p.capacity % slots.length ? 1 : 0);
      sessions.push({ pointId: pointIds[i]!, startsAt: at(day, s), endsAt: at(day, e), capacity: share, booked: 0, waitlisted: 0 });
    }
  }
  if (targetPlaces !== null) {
    // Spread the rounding difference over the first sessions, one place each, so the total is exact.
    let diff = targetPlaces - sessions.reduce((a, s) => a + s.capacity, 0);
    for (let i = 0; diff !== 0; i = (i + 1) % sessions.length) {
      sessions[i]!.capacity += Math.sign(diff);
      diff -= Math.sign(diff);
    }
  }
  await insertChunks(sessions, 150, (chunk) => trx.insertInto('openPointSession').values(chunk).execute());
  return { id, pointIds };
}

function pointRow(
  o: { code: string; level: string; district: string; departmentId: number | null; organiser: string; topic: string; address: string; lat: number | null; lng: number | null; live: boolean; replay: boolean; onlineVisits: number; guestQuota: number },
  rnd: () => number,
): DemoPoint['row'] {
  const now = nowIso();
  const sections = {
    content: `走进${o.organiser}，了解“${o.topic}”的工作职责、业务流程和近年来的主要举措。`,
    experience: `在工作人员指导下体验“${o.topic}”的关键环节，查看平时看不到的后台流程。`,
    exchange: `与${o.organiser}负责同志面对面座谈，现场回答市民关心的问题。`,
    notes: '请携带本人身份证件，提前15分钟到场签到；场内请听从工作人员引导。',
  };
  const phone = `010-${String(6000_0000 + Math.floor(rnd() * 3000_0000))}`;
  return {
    code: o.code,
    level: o.level,
    district: o.district,
    departmentId: o.departmentId,
    organiser: o.organiser,
    topic: o.topic,
    address: o.address,
    lat: o.lat,
    lng: o.lng,
    description: `${o.organiser}围绕“${o.topic}”向市民开放。`,
    sections: JSON.stringify(sections),
    accessibility: rnd() < 0.7 ? '设有无障碍通道和无障碍卫生间，可提供轮椅；如需手语服务请提前联系。' : '',
    contactName: '开放日联络员',
    contactPhone: phone,
    liveUrl: o.live ? `https://live.example.gov.cn/open-day/${o.code}` : '',
    replayUrl: o.replay ? `https://video.example.gov.cn/open-day/${o.code}` : '',
    onlineVisits: o.onlineVisits,
    guestQuota: o.guestQuota,
    status: 'published',
    createdAt: now,
    updatedAt: now,
  };
}

const jitter = (rnd: () => number, v: number, spread: number) => Math.round((v + (rnd() - 0.5) * spread) * 10000) / 10000;

/** The 2019 campaign's 176 points: the 11 city-level ones of the source, then district and street points. */
function points2019(dept: (code: string | null) => number | null, rnd: () => number): DemoPoint[] {
  const out: DemoPoint[] = [];
  const seq = { city: 0, district: 0, street: 0 };
  const code = (level: keyof typeof seq) => `2019-${level === 'city' ? 'C' : level === 'district' ? 'D' : 'S'}${String(++seq[level]).padStart(3, '0')}`;
  // 7.6 million online visits, the city points drawing most.
  for (const c of CITY_POINTS_2019) {
    const row = pointRow({ code: code('city'), level: 'city', district: c.address.slice(0, 3), departmentId: dept(c.department), organiser: c.organiser, topic: c.topic, address: `北京市${c.address}`, lat: c.lat, lng: c.lng, live: true, replay: true, onlineVisits: 120_000 + Math.floor(rnd() * 160_000), guestQuota: 10 }, rnd);
    out.push({ row, theme: c.theme, sessions: 3, capacity: 90 });
  }
  for (const [theme, t] of THEMES_2019.entries()) {
    const topics = LOCAL_TOPICS[theme]!;
    for (let i = 0; i < t.districtPoints; i++) {
      const d = DISTRICTS[(i + theme * 5) % DISTRICTS.length]!;
      const topic = topics[i % topics.length]!;
      // About one in three is a street (街乡级) point.
      const level = i % 3 === 2 ? 'street' : 'district';
      const organiser = level === 'street' ? `${d.name}${d.street}` : `${d.name}${topic.unit}`;
      const row = pointRow(
        { code: code(level), level, district: d.name, departmentId: null, organiser, topic: topic.topic, address: `北京市${d.name}${level === 'street' ? d.street : ''}${topic.unit}办公地点`, lat: jitter(rnd, d.lat, 0.08), lng: jitter(rnd, d.lng, 0.1), live: rnd() < 0.6, replay: rnd() < 0.8, onlineVisits: 12_000 + Math.floor(rnd() * 41_000), guestQuota: 4 },
        rnd,
      );
      out.push({ row, theme, sessions: 1 + Math.floor(rnd() * 3), capacity: level === 'street' ? 25 + Math.floor(rnd() * 15) : 30 + Math.floor(rnd() * 25) });
    }
  }
  // The source's 7.6 million online visits, exactly: the last point takes the rounding.
  const online = out.reduce((a, p) => a + (p.row.onlineVisits ?? 0), 0);
  out[out.length - 1]!.row.onlineVisits = (out[out.length - 1]!.row.onlineVisits ?? 0) + ONLINE_2019 - online;
  return out;
}

/** Loads the open-day demo (inside the demo loader's transaction, before registrations and suggestions). */
export async function loadOpenDaysDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const rnd = seededRandom(20191022);
  const dept = (code: string | null) => (code ? (ctx.deptIds.get(code) ?? null) : null);
  const centre = (name: string) => DISTRICTS.find((d) => d.name === name) ?? DISTRICTS[0]!;

  // 2018: twelve city points over two days, archived.
  const p2018 = POINTS_2018.map((p, i) => {
    const d = DISTRICTS[i % 6]!;
    return { row: pointRow({ code: `2018-C${String(i + 1).padStart(3, '0')}`, level: 'city', district: p.district, departmentId: null, organiser: p.organiser, topic: p.topic, address: `北京市${d.name}`, lat: jitter(rnd, d.lat, 0.05), lng: jitter(rnd, d.lng, 0.05), live: false, replay: false, onlineVisits: 20_000 + Math.floor(rnd() * 30_000), guestQuota: 0 }, rnd), theme: p.theme, sessions: 1, capacity: 40 };
  });
  await insertCampaign(
    trx,
    { slug: '2018', year: 2018, title: '北京市政务开放日', slogan: '', description: '首批12个市级部门向市民开放。', startsOn: '2018-10-23', endsOn: '2018-10-24', status: 'closed', survey: null, registration: null, themes: [{ day: '2018-10-23', titleZh: '优化营商环境', titleEn: 'Business environment' }, { day: '2018-10-24', titleZh: '城市运行保障', titleEn: 'City services' }] },
    p2018,
    null,
  );

  // 2019: the source's campaign.
  await insertCampaign(
    trx,
    {
      slug: SOURCE_SLUG,
      year: 2019,
      title: '北京市“政务开放日”系列活动',
      slogan: '初心·同行',
      description: '结合“不忘初心、牢记使命”主题教育，10月22日至25日在全市集中开展涵盖市、区、街（乡）三级政府部门176个开放点的系列“政务开放日”活动，邀请人大代表、政协委员、市民代表等7200余人走进行政机关，760余万人次网民“线上”体验。',
      startsOn: '2019-10-22',
      endsOn: '2019-10-25',
      status: 'closed',
      survey: ['2019-09-02', '2019-09-20'],
      registration: [at('2019-10-08', '09:00'), at('2019-10-20', '18:00')],
      themes: THEMES_2019.map(({ day, titleZh, titleEn }) => ({ day, titleZh, titleEn })),
    },
    points2019(dept, rnd),
    7200,
  );

  // December 2026: registration and the needs survey are open.
  const upcomingThemes = [
    { day: upcomingDay('2026-12-15'), titleZh: '优化营商环境', titleEn: 'Business environment' },
    { day: upcomingDay('2026-12-16'), titleZh: '城市管理服务', titleEn: 'Urban management and services' },
    { day: upcomingDay('2026-12-17'), titleZh: '科技创新', titleEn: 'Science and innovation' },
    { day: upcomingDay('2026-12-18'), titleZh: '保障民生', titleEn: 'Livelihoods' },
  ];
  const seq = { city: 0, district: 0, street: 0 };
  const upcoming = POINTS_UPCOMING.map((p) => {
    const d = centre(p.district || '东城区');
    const code = `2026-${p.level === 'city' ? 'C' : p.level === 'district' ? 'D' : 'S'}${String(++seq[p.level]).padStart(3, '0')}`;
    return {
      row: pointRow({ code, level: p.level, district: p.district || d.name, departmentId: dept(p.department), organiser: p.organiser, topic: p.topic, address: `北京市${p.district || d.name}`, lat: jitter(rnd, d.lat, 0.05), lng: jitter(rnd, d.lng, 0.05), live: p.level === 'city', replay: false, onlineVisits: 0, guestQuota: p.level === 'city' ? 6 : 2 }, rnd),
      theme: p.theme,
      sessions: p.level === 'city' ? 2 : 1,
      capacity: p.level === 'city' ? 60 : 30,
    };
  });
  const { id: upcomingId, pointIds: upcomingPointIds } = await insertCampaign(
    trx,
    {
      slug: UPCOMING_SLUG,
      year: 2026,
      title: '2026年“政务开放日”系列活动',
      slogan: '开放·共治',
      description: '12月15日至18日，市、区、街（乡）三级开放点向市民开放。欢迎报名参加，也欢迎先参与公众需求调查，告诉我们您最想看什么。',
      startsOn: upcomingDay('2026-12-15'),
      endsOn: upcomingDay('2026-12-18'),
      status: 'published',
      survey: [upcomingDay('2026-11-10'), upcomingDay('2026-12-08')],
      registration: [at(upcomingDay('2026-11-20'), '09:00'), at(upcomingDay('2026-12-12'), '18:00')],
      themes: upcomingThemes,
    },
    upcoming,
    null,
  );

  // The needs survey: proposals with their votes (one row per vote, keys hashed like real ones); the
  // most voted ones already adopted as the upcoming points that answer them.
  const created = Date.parse(`${upcomingDay('2026-11-12')}T02:00:00Z`);
  const adoptedAt = new Date(Date.parse(`${upcomingDay('2026-11-25')}T06:00:00Z`)).toISOString();
  const pointOf = (topic: string) => {
    const i = POINTS_UPCOMING.findIndex((p) => p.topic === topic);
    if (i < 0) {
      throw new Error(`demo need adopted as an unknown point: ${topic}`);
    }
    return upcomingPointIds[i]!;
  };
  for (const [i, n] of NEEDS_UPCOMING.entries()) {
    const adoption = n.adoptedAs ? { adoptedPointId: pointOf(n.adoptedAs), adoptedAt } : {};
    const { id } = await trx
      .insertInto('openDayNeed')
      .values({ campaignId: upcomingId, title: n.title, description: n.description, category: n.category, proposerName: n.proposerName, contact: n.proposerName ? `1380013${String(8000 + i)}` : '', votes: n.votes, status: n.status, createdAt: new Date(created + i * 7 * 3600_000).toISOString(), ...adoption })
      .returning('id')
      .executeTakeFirstOrThrow();
    const votes = Array.from({ length: n.votes }, (_, k) => ({ needId: id, voterKey: crypto.createHash('sha256').update(`demo-voter:${id}:${k}`).digest('hex'), createdAt: new Date(created + (i * 7 + 1) * 3600_000 + k * 60_000).toISOString() }));
    await insertChunks(votes, 200, (chunk) => trx.insertInto('openDayNeedVote').values(chunk).execute());
  }
}
