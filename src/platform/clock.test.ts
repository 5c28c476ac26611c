import { describe, expect, it } from 'vitest';
import { addMinutes, toChinaDate, toChinaDateTime, todayInChina } from './clock.js';

describe('clock', () => {
  it('shows instants in Beijing time: 23:30 UTC is the next day in China', () => {
    expect(toChinaDateTime('2026-11-28T23:30:00.000Z')).toBe('2026-11-29 07:30');
    expect(toChinaDate('2026-11-28T23:30:00.000Z')).toBe('2026-11-29');
    expect(toChinaDate('2026-11-28T15:59:59.000Z')).toBe('2026-11-28');
    expect(toChinaDate('2026-11-28')).toBe('2026-11-28');
    expect(todayInChina(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('adds minutes to an instant', () => {
    expect(addMinutes('2026-11-29T00:00:00.000Z', 90)).toBe('2026-11-29T01:30:00.000Z');
  });
});
