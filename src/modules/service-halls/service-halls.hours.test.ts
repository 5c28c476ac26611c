import { describe, expect, it } from 'vitest';
import { dayKind, mergePeriods, openState, parseDayHours, periodsOn, type HallHours, type Period } from './service-halls.hours.js';

const DAY: Period[] = [
  ['09:00', '12:00'],
  ['14:00', '18:00'],
];
const hall = (over: Partial<HallHours> = {}): HallHours => ({ weekly: [DAY, DAY, DAY, DAY, DAY, [['09:00', '12:00']], []], lunch: null, opensOnHolidays: false, ...over });
/** A Beijing wall-clock moment as a Date. */
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('day kinds from the official calendar', () => {
  it('tells workdays, weekends, holidays and make-up working weekends apart', () => {
    expect(dayKind('2026-11-30')).toBe('workday'); // Monday
    expect(dayKind('2026-11-28')).toBe('weekend'); // Saturday
    expect(dayKind('2026-10-01')).toBe('holiday'); // National Day, a Thursday
    expect(dayKind('2026-10-03')).toBe('holiday'); // National Day, a Saturday
    expect(dayKind('2026-10-10')).toBe('makeup'); // Saturday worked in exchange
  });
});

describe('opening hours', () => {
  it('parses typed hours, full-width punctuation included, and refuses overlaps and nonsense', () => {
    expect(parseDayHours('9:00-12:00，14:00—18:00')).toEqual(DAY);
    expect(parseDayHours('')).toEqual([]);
    expect(parseDayHours('休息')).toEqual([]);
    expect(parseDayHours('00:00-24:00')).toEqual([['00:00', '24:00']]);
    expect(parseDayHours('09:00-13:00, 12:00-18:00')).toBeNull();
    expect(parseDayHours('18:00-09:00')).toBeNull();
    expect(parseDayHours('25:00-26:00')).toBeNull();
    expect(parseDayHours('morning')).toBeNull();
  });

  it('merges the lunchtime service into the day', () => {
    expect(mergePeriods([...DAY, ['12:00', '14:00']])).toEqual([['09:00', '18:00']]);
    expect(periodsOn(hall({ lunch: ['12:00', '14:00'] }), '2026-11-30')).toEqual([['09:00', '18:00']]);
    // A closed day stays closed: the lunchtime service only bridges a day the hall opens.
    expect(periodsOn(hall({ lunch: ['12:00', '14:00'] }), '2026-11-29')).toEqual([]);
  });
});

describe('open now (China time)', () => {
  it('is open in the morning and closed over lunch without the lunchtime service', () => {
    expect(openState(hall(), at('2026-11-30T10:00'))).toMatchObject({ open: true, reason: 'open', until: '12:00', dayKind: 'workday' });
    expect(openState(hall(), at('2026-11-30T12:30'))).toMatchObject({ open: false, reason: 'between', until: '14:00' });
    expect(openState(hall(), at('2026-11-30T08:00'))).toMatchObject({ open: false, reason: 'before_hours', until: '09:00' });
    expect(openState(hall(), at('2026-11-30T18:00'))).toMatchObject({ open: false, reason: 'after_hours', until: null });
  });

  it('is open at lunchtime with the lunchtime service, and says so', () => {
    const h = hall({ lunch: ['12:00', '14:00'] });
    expect(openState(h, at('2026-11-30T12:30'))).toMatchObject({ open: true, reason: 'lunch', until: '18:00' });
    expect(openState(h, at('2026-11-30T11:00'))).toMatchObject({ open: true, reason: 'open' });
  });

  it('computes in China time whatever the instant: 02:30 UTC is 10:30 in Beijing', () => {
    expect(openState(hall(), new Date('2026-11-30T02:30:00Z')).open).toBe(true);
    expect(openState(hall(), new Date('2026-11-30T12:30:00Z')).open).toBe(false);
  });

  it('keeps weekend hours on a plain weekend and closes on Sunday', () => {
    expect(openState(hall(), at('2026-11-28T10:00'))).toMatchObject({ open: true, dayKind: 'weekend' });
    expect(openState(hall(), at('2026-11-29T10:00'))).toMatchObject({ open: false, reason: 'closed_today' });
  });

  it('closes on public holidays, weekday or weekend, unless the hall opens on holidays', () => {
    expect(openState(hall(), at('2026-10-01T10:00'))).toMatchObject({ open: false, reason: 'holiday' });
    expect(openState(hall({ lunch: ['12:00', '14:00'] }), at('2026-10-03T10:00'))).toMatchObject({ open: false, reason: 'holiday' });
    expect(openState(hall({ opensOnHolidays: true }), at('2026-10-01T10:00'))).toMatchObject({ open: true, dayKind: 'holiday' });
  });

  it('keeps weekday hours on a make-up working Saturday', () => {
    const s = openState(hall(), at('2026-10-10T15:00'));
    expect(s).toMatchObject({ open: true, dayKind: 'makeup', until: '18:00' });
  });
});
