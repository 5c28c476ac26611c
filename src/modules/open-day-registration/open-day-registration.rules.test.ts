import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  findConflict,
  formatCode,
  generateCode,
  guestReserve,
  hashToken,
  isValidCode,
  newCancelToken,
  normaliseCode,
  normaliseMobile,
  noShowDue,
  overlaps,
  publicPlacesLeft,
  registrationWindowState,
  waitlistOrder,
  type HeldSlot,
} from './open-day-registration.rules.js';

const at = (hhmm: string) => `2019-10-22T${hhmm}:00.000Z`;
const slot = (from: string, to: string) => ({ startsAt: at(from), endsAt: at(to) });

describe('registration codes', () => {
  it('uses an alphabet without look-alikes', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) {
      expect(CODE_ALPHABET).not.toContain(c);
    }
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('generates well-formed codes that differ', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => generateCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) {
      expect(c).toHaveLength(CODE_LENGTH);
      expect(isValidCode(c)).toBe(true);
    }
  });

  it('covers the whole alphabet (uniform choice per position)', () => {
    let i = 0;
    const seq = (max: number) => i++ % max;
    const seen = new Set(Array.from({ length: 10 }, () => generateCode(seq)).join(''));
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it('reads codes as people type them', () => {
    expect(normaliseCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normaliseCode('ＡＢＣＤ　ＥＦＧＨ')).toBe('ABCDEFGH');
    expect(isValidCode(normaliseCode('abcd-efgh'))).toBe(true);
    expect(isValidCode('ABCDEFG0')).toBe(false); // 0 is not in the alphabet
    expect(isValidCode('ABCDEFG')).toBe(false);
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('keeps only a hash of the cancellation token', () => {
    const { token, hash } = newCancelToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
  });

  it('normalises mobile numbers', () => {
    expect(normaliseMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normaliseMobile('８６13812345678')).toBe('13812345678');
    expect(normaliseMobile('86123')).toBe('86123');
  });
});

describe('overlap rule', () => {
  it('treats shared moments as overlap and back-to-back slots as not', () => {
    expect(overlaps(slot('01:00', '03:00'), slot('02:00', '04:00'))).toBe(true);
    expect(overlaps(slot('01:00', '05:00'), slot('02:00', '03:00'))).toBe(true);
    expect(overlaps(slot('01:00', '03:00'), slot('03:00', '05:00'))).toBe(false);
    expect(overlaps(slot('03:00', '05:00'), slot('01:00', '03:00'))).toBe(false);
  });

  const held = (id: number, sessionId: number, from: string, to: string, status = 'confirmed'): HeldSlot => ({ registrationId: id, sessionId, status, ...slot(from, to) });

  it('finds the same session first, then the earliest overlapping one, ignoring cancelled', () => {
    const target = { id: 7, ...slot('02:00', '04:00') };
    expect(findConflict(target, [])).toBeNull();
    expect(findConflict(target, [held(1, 7, '02:00', '04:00', 'cancelled')])).toBeNull();
    expect(findConflict(target, [held(1, 3, '03:00', '05:00'), held(2, 7, '02:00', '04:00', 'waitlisted')])).toMatchObject({ kind: 'same_session', held: { registrationId: 2 } });
    expect(findConflict(target, [held(1, 3, '03:00', '05:00'), held(2, 4, '01:00', '02:30', 'checked_in')])).toMatchObject({ kind: 'overlap', held: { registrationId: 2 } });
    expect(findConflict(target, [held(1, 3, '04:00', '05:00'), held(2, 4, '00:00', '02:00')])).toBeNull();
  });
});

describe('guest reservation', () => {
  const sessions = [
    { id: 1, capacity: 10 },
    { id: 2, capacity: 10 },
    { id: 3, capacity: 1 },
  ];

  it('splits the quota evenly, earlier sessions taking the remainder, never beyond capacity', () => {
    expect([...guestReserve(sessions, 7)]).toEqual([
      [1, 3],
      [2, 2],
      [3, 1],
    ]);
    expect([...guestReserve(sessions, 2).values()]).toEqual([1, 1, 0]);
    expect([...guestReserve(sessions, 0).values()]).toEqual([0, 0, 0]);
    expect([...guestReserve([{ id: 1, capacity: 2 }], 5).values()]).toEqual([2]);
    expect(guestReserve([], 5).size).toBe(0);
  });

  it('holds back the unfilled part of the reservation from the public', () => {
    expect(publicPlacesLeft({ capacity: 10, booked: 4 }, 3, 0)).toBe(3);
    expect(publicPlacesLeft({ capacity: 10, booked: 4 }, 3, 2)).toBe(5);
    expect(publicPlacesLeft({ capacity: 10, booked: 9 }, 3, 3)).toBe(1);
    expect(publicPlacesLeft({ capacity: 10, booked: 10 }, 0, 0)).toBe(0);
    expect(publicPlacesLeft({ capacity: 10, booked: 9 }, 3, 0)).toBe(0);
  });
});

describe('windows and no-shows', () => {
  const s = slot('10:00', '12:00');

  it('opens and closes registration with the campaign window and the session start', () => {
    const w = { registrationOpensAt: at('01:00'), registrationClosesAt: at('08:00') };
    expect(registrationWindowState(w, s, at('00:59'))).toBe('not_open');
    expect(registrationWindowState(w, s, at('01:00'))).toBe('open');
    expect(registrationWindowState(w, s, at('08:00'))).toBe('closed');
    expect(registrationWindowState({ registrationOpensAt: null, registrationClosesAt: null }, s, at('09:59'))).toBe('open');
    expect(registrationWindowState({ registrationOpensAt: null, registrationClosesAt: null }, s, at('10:00'))).toBe('closed');
  });

  it('calls no-shows only after the start plus the grace period', () => {
    expect(noShowDue(s, at('10:29'))).toBe(false);
    expect(noShowDue(s, at('10:30'))).toBe(true);
    expect(noShowDue(s, at('10:05'), 5)).toBe(true);
  });
});

describe('waitlist order', () => {
  it('promotes by sequence, then by id; rows without a sequence last', () => {
    const rows = [
      { id: 5, waitlistSeq: 2 },
      { id: 3, waitlistSeq: null },
      { id: 9, waitlistSeq: 1 },
      { id: 4, waitlistSeq: 2 },
    ];
    expect(waitlistOrder(rows).map((r) => r.id)).toEqual([9, 4, 5, 3]);
    expect(rows[0]!.id).toBe(5); // the input is not reordered
  });
});
