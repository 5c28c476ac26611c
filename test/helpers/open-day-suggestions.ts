import crypto from 'node:crypto';
import type { Db } from '../../src/db/connect.js';
import { nowIso } from '../../src/platform/clock.js';

// Factories for the open-day suggestion tests: a campaign, its points, a registration.

const uid = () => crypto.randomBytes(4).toString('hex');

/** A campaign (published unless told otherwise), answering in 15 working days by default. */
export async function makeCampaign(db: Db, over: Partial<{ slug: string; year: number; status: string; answerDays: number; startsOn: string; endsOn: string; title: string }> = {}) {
  const now = nowIso();
  const slug = over.slug ?? `c-${uid()}`;
  const r = await db.kysely
    .insertInto('openDayCampaign')
    .values({
      slug,
      year: over.year ?? 2026,
      title: over.title ?? `政务开放日${slug}`,
      slogan: '',
      description: '',
      startsOn: over.startsOn ?? '2026-12-21',
      endsOn: over.endsOn ?? '2026-12-24',
      templateSections: '[]',
      unifiedTime: '',
      process: '',
      surveyOpensOn: null,
      surveyClosesOn: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      answerDays: over.answerDays ?? 15,
      status: over.status ?? 'published',
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, slug };
}

/** An open point of a campaign (published unless told otherwise). */
export async function makePoint(db: Db, campaignId: number, over: Partial<{ code: string; status: string; departmentId: number | null; topic: string; themeId: number | null }> = {}) {
  const now = nowIso();
  const code = over.code ?? `P${uid().toUpperCase()}`;
  const topic = over.topic ?? `垃圾分类${code}`;
  const r = await db.kysely
    .insertInto('openPoint')
    .values({
      campaignId,
      themeId: over.themeId ?? null,
      code,
      level: 'city',
      district: '',
      departmentId: over.departmentId ?? null,
      organiser: '市城市管理委员会',
      topic,
      address: '北京市通州区运河东大街57号',
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
      guestQuota: 0,
      status: over.status ?? 'published',
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code, topic };
}

/** A confirmed registration at a point (with its session), returning its confirmation code. */
export async function makeRegistration(db: Db, campaignId: number, pointId: number) {
  const now = nowIso();
  const s = await db.kysely
    .insertInto('openPointSession')
    .values({ pointId, startsAt: '2026-12-21T01:00:00.000Z', endsAt: '2026-12-21T03:00:00.000Z', capacity: 30, booked: 1, waitlisted: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const code = `R${uid().toUpperCase()}`.slice(0, 10);
  const r = await db.kysely
    .insertInto('openDayRegistration')
    .values({ sessionId: s.id, pointId, campaignId, name: '张三', mobile: '13800000000', idNumber: null, email: null, userId: null, kind: 'public', guestCategory: null, status: 'confirmed', code, cancelToken: uid() + uid(), waitlistSeq: null, checkedInAt: null, cancelledAt: null, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code };
}
