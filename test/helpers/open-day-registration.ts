import crypto from 'node:crypto';
import type { Db } from '../../src/db/connect.js';
import { nowIso } from '../../src/platform/clock.js';
import { residentIdCheckChar } from '../../src/platform/identity/index.js';

// Factories for open-day registration tests: a published campaign with its registration window open,
// and points with sessions, written straight into the tables (the open-days module owns their pages).

const uid = () => crypto.randomBytes(4).toString('hex');
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** A published campaign whose registration window is open now (or as given). */
export async function makeCampaign(db: Db, over: Partial<{ registrationOpensAt: string | null; registrationClosesAt: string | null; status: string; title: string }> = {}) {
  const now = nowIso();
  const slug = `2026-${uid()}`;
  const r = await db.kysely
    .insertInto('openDayCampaign')
    .values({
      slug,
      year: 2026,
      title: over.title ?? `政务开放日${slug}`,
      slogan: '初心·同行',
      description: '',
      startsOn: hours(24).slice(0, 10),
      endsOn: hours(24 * 5).slice(0, 10),
      templateSections: '[]',
      unifiedTime: '',
      process: '',
      surveyOpensOn: null,
      surveyClosesOn: null,
      registrationOpensAt: over.registrationOpensAt === undefined ? hours(-24) : over.registrationOpensAt,
      registrationClosesAt: over.registrationClosesAt === undefined ? hours(24 * 30) : over.registrationClosesAt,
      answerDays: 15,
      status: over.status ?? 'published',
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, slug };
}

/** A session as the factory takes it: hours from now and a capacity. */
export interface SessionSpec {
  fromHours: number;
  toHours: number;
  capacity: number;
}

/** A published open point with sessions. */
export async function makePoint(db: Db, campaignId: number, sessions: SessionSpec[], over: Partial<{ departmentId: number | null; guestQuota: number; topic: string; status: string }> = {}) {
  const now = nowIso();
  const code = `p${uid()}`;
  const p = await db.kysely
    .insertInto('openPoint')
    .values({
      campaignId,
      themeId: null,
      code,
      level: 'city',
      district: '东城区',
      departmentId: over.departmentId ?? null,
      organiser: '北京市测试局',
      topic: over.topic ?? `测试开放点位${code}`,
      address: '北京市东城区测试路1号',
      lat: null,
      lng: null,
      description: '',
      sections: '{}',
      accessibility: '',
      contactName: '',
      contactPhone: '',
      liveUrl: '',
      replayUrl: '',
      onlineVisits: 0,
      guestQuota: over.guestQuota ?? 0,
      status: over.status ?? 'published',
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const s of sessions) {
    const r = await db.kysely
      .insertInto('openPointSession')
      .values({ pointId: p.id, startsAt: hours(s.fromHours), endsAt: hours(s.toHours), capacity: s.capacity, booked: 0, waitlisted: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return { id: p.id, code, sessions: ids };
}

let mobileSeq = 0;
/** A fresh valid mobile number, unique within the test run. */
export function freshMobile(): string {
  mobileSeq++;
  return `139${String((process.pid * 7919 + mobileSeq * 104729) % 100_000_000).padStart(8, '0')}`;
}

/** A valid resident ID number with a random sequence part. */
export function freshResidentId(): string {
  const prefix = `11010119900101${String(crypto.randomInt(1000)).padStart(3, '0')}`;
  return prefix + residentIdCheckChar(prefix);
}
