import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { nowIso } from '../../platform/clock.js';
import { residentIdCheckChar } from '../../platform/identity/index.js';
import type { OpenDayRegistrationTable } from '../open-days/open-days.table.js';
import * as repo from './open-day-registration.repository.js';
import { CODE_ALPHABET, CODE_LENGTH, GUEST_CATEGORIES, guestReserve, hashToken } from './open-day-registration.rules.js';
import { seededRandom } from '../../platform/random.js';

// Registrations for the campaigns the open-days demo created: the past campaign (2019 in the source:
// 7,200 visitors on site) filled with realistic attendance, and a few in the upcoming one. Rows are
// bulk-inserted without notifications (nobody is told about demo data), and the session counters
// are set from the rows so that they agree.

type Row = Insertable<OpenDayRegistrationTable>;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国红梅玉兵文辉力志晨宇浩然欣怡子涵思远雨萱博文嘉怡晓东海燕春雷秋云立新永庆凤琴宏伟晓明丽萍玉兰金凤';

class People {
  /** A number in [0, 1). */
  readonly rnd = seededRandom(20191022);
  private readonly codes = new Set<string>();
  private n = 0;

  pick<T>(s: ArrayLike<T>): T {
    return s[Math.floor(this.rnd() * s.length)]!;
  }

  chance(p: number): boolean {
    return this.rnd() < p;
  }

  int(max: number): number {
    return Math.floor(this.rnd() * max);
  }

  person(): { name: string; mobile: string; idNumber: string | null } {
    this.n++;
    const name = this.pick(SURNAMES) + this.pick(GIVEN) + (this.chance(0.6) ? this.pick(GIVEN) : '');
    // Unique by construction: the running number fills the last eight digits.
    const mobile = `1${this.pick('356789')}${this.int(10)}${String((this.n * 7919) % 100_000_000).padStart(8, '0')}`;
    let idNumber: string | null = null;
    if (this.chance(0.3)) {
      const birth = `${1950 + this.int(55)}${String(1 + this.int(12)).padStart(2, '0')}${String(1 + this.int(28)).padStart(2, '0')}`;
      const prefix = `1101${String(1 + this.int(17)).padStart(2, '0')}${birth}${String(this.int(1000)).padStart(3, '0')}`;
      idNumber = prefix + residentIdCheckChar(prefix);
    }
    return { name, mobile, idNumber };
  }

  code(): string {
    for (;;) {
      let c = '';
      for (let i = 0; i < CODE_LENGTH; i++) {
        c += this.pick(CODE_ALPHABET);
      }
      if (!this.codes.has(c)) {
        this.codes.add(c);
        return c;
      }
    }
  }
}

const minutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString();

interface Session {
  id: number;
  pointId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  guestQuota: number;
}

function baseRow(people: People, s: Session, campaignId: number, createdAt: string, status: string, extra: Partial<Row> = {}): Row {
  const p = people.person();
  return {
    sessionId: s.id,
    pointId: s.pointId,
    campaignId,
    name: p.name,
    mobile: p.mobile,
    idNumber: p.idNumber,
    email: null,
    userId: null,
    kind: 'public',
    guestCategory: null,
    status,
    code: people.code(),
    cancelToken: hashToken(crypto.randomBytes(24).toString('base64url')),
    waitlistSeq: null,
    checkedInAt: null,
    cancelledAt: null,
    createdAt,
    updatedAt: createdAt,
    ...extra,
  };
}

/** A past session: guests, most places taken and checked in, some no-shows refilled from the waitlist, some cancellations. */
function pastSession(people: People, s: Session, campaignId: number, reserve: number, registeredFrom: string): Row[] {
  const rows: Row[] = [];
  const at = (i: number) => minutes(registeredFrom, i * 7 + people.int(60));
  const arrived = (row: Row) => ({ ...row, checkedInAt: minutes(s.startsAt, -people.int(25)) });
  for (let g = 0; g < reserve; g++) {
    rows.push(arrived(baseRow(people, s, campaignId, at(g), 'checked_in', { kind: 'guest', guestCategory: GUEST_CATEGORIES[g % 3]! })));
  }
  const popular = people.chance(0.9);
  const placed = popular ? s.capacity - reserve : Math.max(0, Math.round((s.capacity - reserve) * (0.85 + people.rnd() * 0.15)));
  let noShows = 0;
  for (let i = 0; i < placed; i++) {
    const noShow = people.chance(0.05);
    noShows += noShow ? 1 : 0;
    const r = baseRow(people, s, campaignId, at(i), noShow ? 'no_show' : 'checked_in');
    rows.push(noShow ? r : arrived(r));
  }
  const cancelled = Math.round(s.capacity * 0.04 * people.rnd() * 2);
  for (let i = 0; i < cancelled; i++) {
    const created = at(i);
    rows.push(baseRow(people, s, campaignId, created, 'cancelled', { cancelledAt: minutes(created, 600 + people.int(3000)) }));
  }
  if (popular) {
    // The waitlist of a full session: the first in line took the no-shows' places and came.
    const waiting = Math.round(s.capacity * 0.12);
    for (let w = 0; w < waiting; w++) {
      const promoted = w < noShows;
      const r = baseRow(people, s, campaignId, at(placed + w), promoted ? 'checked_in' : 'waitlisted', { waitlistSeq: w + 1 });
      rows.push(promoted ? arrived(r) : r);
    }
  }
  return rows;
}

/** Fills the past campaign and starts the upcoming one; counters follow the rows. */
export async function loadOpenDayRegistrationDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const campaigns = await repo.campaigns(trx);
  const now = nowIso();
  const today = now.slice(0, 10);
  const people = new People();
  const citizen = ctx.users.get('citizen');
  for (const c of campaigns) {
    const sessions = await repo.campaignSessions(trx, c.id);
    if (sessions.length === 0) {
      continue;
    }
    const past = sessions.every((s) => s.endsAt <= now);
    const byPoint = new Map<number, Session[]>();
    for (const s of sessions) {
      byPoint.set(s.pointId, [...(byPoint.get(s.pointId) ?? []), s]);
    }
    const rows: Row[] = [];
    if (past) {
      const registeredFrom = minutes(`${c.startsOn}T00:00:00.000Z`, -14 * 24 * 60);
      for (const list of byPoint.values()) {
        const reserve = guestReserve(list, list[0]!.guestQuota);
        for (const s of list) {
          rows.push(...pastSession(people, s, c.id, reserve.get(s.id) ?? 0, registeredFrom));
        }
      }
      if (citizen && rows[0]) {
        rows[0] = { ...rows[0], name: citizen.displayName, mobile: '13800138000', userId: citizen.id, kind: 'public', guestCategory: null };
      }
    } else if (c.startsOn >= today) {
      // The upcoming campaign: registration has started, a handful per point.
      const open = sessions.filter((s) => s.startsAt > now);
      for (const s of open.slice(0, 24)) {
        const n = Math.min(s.capacity - 1, 1 + people.int(4));
        for (let k = 0; k < n; k++) {
          rows.push(baseRow(people, s, c.id, minutes(now, -people.int(5000)), 'confirmed'));
        }
      }
      const first = open[0];
      if (citizen && first && rows.filter((r) => r.sessionId === first.id).length < first.capacity) {
        rows.push(baseRow(people, first, c.id, now, 'confirmed', { name: citizen.displayName, mobile: '13800138000', userId: citizen.id, email: `${citizen.username}@example.com` }));
      }
    }
    await repo.insertRegistrations(trx, rows);
    const counts = new Map<number, { booked: number; waitlisted: number }>();
    for (const r of rows) {
      const x = counts.get(r.sessionId) ?? { booked: 0, waitlisted: 0 };
      if (r.status === 'confirmed' || r.status === 'checked_in') {
        x.booked++;
      } else if (r.status === 'waitlisted') {
        x.waitlisted++;
      }
      counts.set(r.sessionId, x);
    }
    for (const s of sessions) {
      const x = counts.get(s.id) ?? { booked: 0, waitlisted: 0 };
      await repo.setCounters(trx, s.id, x.booked, x.waitlisted);
    }
  }
}
