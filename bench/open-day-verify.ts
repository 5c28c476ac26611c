import { sql } from 'kysely';
import { connect } from '../src/db/connect.js';

// What the flash crowd must leave behind, read straight from the database file after the run.

/** A registration the server acknowledged (201 with a code). */
export interface Acknowledged {
  code: string;
  status: 'confirmed' | 'waitlisted';
  sessionId: number;
  mobile: string;
}

/** The findings: every count but the totals must be zero. */
export interface FlashCrowdCheck {
  overbooked: number;
  counterMismatch: number;
  duplicatePairs: number;
  missing: number;
  rows: number;
  confirmed: number;
  waitlisted: number;
  capacity: number;
  notifications: number;
}

/** Checks capacity, counters, the one-person rules and that every acknowledged registration is stored as acknowledged. */
export async function verifyFlashCrowd(url: string, acknowledged: Acknowledged[]): Promise<FlashCrowdCheck> {
  const db = connect(url);
  try {
    const k = db.kysely;
    const sessions = await k
      .selectFrom('openPointSession as s')
      .select([
        's.id',
        's.capacity',
        's.booked',
        's.waitlisted',
        (eb) => eb.selectFrom('openDayRegistration as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.sessionId', '=', 's.id').where('r.status', 'in', ['confirmed', 'checked_in']).as('held'),
        (eb) => eb.selectFrom('openDayRegistration as r').select((e) => e.fn.countAll<number>().as('n')).whereRef('r.sessionId', '=', 's.id').where('r.status', '=', 'waitlisted').as('waiting'),
      ])
      .execute();
    const overbooked = sessions.filter((s) => s.booked > s.capacity || Number(s.held) > s.capacity).length;
    const counterMismatch = sessions.filter((s) => Number(s.held) !== s.booked || Number(s.waiting) !== s.waitlisted).length;
    // Two active registrations of one person (same mobile, or same ID number) whose sessions share a moment.
    const pairs = await sql<{ n: number }>`
      select count(*) as n from open_day_registration a
      join open_day_registration b on b.campaign_id = a.campaign_id and b.id > a.id
        and (b.mobile = a.mobile or (a.id_number is not null and b.id_number = a.id_number))
      join open_point_session sa on sa.id = a.session_id
      join open_point_session sb on sb.id = b.session_id
      where a.status <> 'cancelled' and b.status <> 'cancelled'
        and sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at`.execute(k);
    const stored = new Map((await k.selectFrom('openDayRegistration').select(['code', 'status', 'sessionId', 'mobile']).execute()).map((r) => [r.code, r]));
    const missing = acknowledged.filter((a) => {
      const r = stored.get(a.code);
      return !r || r.status !== a.status || r.sessionId !== a.sessionId || r.mobile !== a.mobile;
    }).length;
    const rows = [...stored.values()];
    const notifications = await k.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('recipientKind', '=', 'open-day-registration').executeTakeFirstOrThrow();
    return {
      overbooked,
      counterMismatch,
      duplicatePairs: Number(pairs.rows[0]?.n ?? 0),
      missing,
      rows: rows.length,
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      capacity: sessions.reduce((a, s) => a + s.capacity, 0),
      notifications: Number(notifications.n),
    };
  } finally {
    await db.destroy();
  }
}
