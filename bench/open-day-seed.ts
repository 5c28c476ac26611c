import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';

// A campaign of 176 open points over four themed days whose sessions hold 7,200 places in all (the
// source's figures), written straight into the tables: the flash-crowd benchmark registers for it.

/** How many points and places the source reports. */
export const POINTS = 176;
export const PLACES = 7200;

/** The slots of a day (Beijing time); neighbouring ones overlap, so one person cannot hold both. */
const SLOTS: Array<[string, string]> = [
  ['09:00', '11:00'],
  ['10:00', '12:00'],
  ['14:00', '16:00'],
];

/** A session as the benchmark sees it. */
export interface SeedSession {
  id: number;
  pointCode: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
}

/**
 * Writes the campaign: published, registration open, sessions starting `daysAhead` days from now
 * (negative for a campaign in the past). Returns its sessions.
 */
export async function seedOpenDayCampaign(db: Kysely<Database>, opts: { daysAhead: number; slug?: string; year?: number }): Promise<{ campaignId: number; sessions: SeedSession[] }> {
  const now = new Date().toISOString();
  const day0 = new Date(Date.now() + opts.daysAhead * 86400_000).toISOString().slice(0, 10);
  const dayOf = (i: number) => new Date(Date.parse(`${day0}T00:00:00.000Z`) + i * 86400_000).toISOString().slice(0, 10);
  const at = (day: string, hhmm: string) => new Date(Date.parse(`${day}T${hhmm}:00.000+08:00`)).toISOString();
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto('openDayCampaign')
      .values({
        slug: opts.slug ?? `${day0.slice(0, 4)}-flash`,
        year: opts.year ?? Number(day0.slice(0, 4)),
        title: '政务开放日（压力测试）',
        slogan: '初心·同行',
        description: '',
        startsOn: dayOf(0),
        endsOn: dayOf(3),
        templateSections: '[]',
        unifiedTime: '',
        process: '',
        surveyOpensOn: null,
        surveyClosesOn: null,
        registrationOpensAt: new Date(Date.now() - 86400_000 * (opts.daysAhead > 0 ? 1 : 30)).toISOString(),
        registrationClosesAt: at(dayOf(0), '00:00'),
        answerDays: 15,
        status: opts.daysAhead > 0 ? 'published' : 'closed',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const levels = ['city', 'district', 'street'];
    const specs: Array<{ point: number; day: string; slot: [string, string] }> = [];
    for (let p = 0; p < POINTS; p++) {
      const n = 2 + (p % 2);
      for (let k = 0; k < n; k++) {
        specs.push({ point: p, day: dayOf(p % 4), slot: SLOTS[(p + k) % SLOTS.length]! });
      }
    }
    const base = Math.floor(PLACES / specs.length);
    const extra = PLACES - base * specs.length;
    const sessions: SeedSession[] = [];
    for (let p = 0; p < POINTS; p++) {
      const code = `flash-${c.id}-${String(p + 1).padStart(3, '0')}`;
      const pt = await trx
        .insertInto('openPoint')
        .values({ campaignId: c.id, themeId: null, code, level: levels[p % 3]!, district: `第${(p % 16) + 1}区`, departmentId: null, organiser: `开放单位${p + 1}`, topic: `开放点位${p + 1}`, address: `示范路${p + 1}号`, lat: null, lng: null, description: '', sections: '{}', accessibility: '', contactName: '', contactPhone: '', liveUrl: '', replayUrl: '', onlineVisits: 0, guestQuota: 0, status: 'published', createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, s] of specs.entries()) {
        if (s.point !== p) {
          continue;
        }
        const capacity = base + (i < extra ? 1 : 0);
        const startsAt = at(s.day, s.slot[0]);
        const endsAt = at(s.day, s.slot[1]);
        const r = await trx.insertInto('openPointSession').values({ pointId: pt.id, startsAt, endsAt, capacity, booked: 0, waitlisted: 0 }).returning('id').executeTakeFirstOrThrow();
        sessions.push({ id: r.id, pointCode: code, capacity, startsAt, endsAt });
      }
    }
    return { campaignId: c.id, sessions };
  });
}
