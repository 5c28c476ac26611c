import { describe, expect, it } from 'vitest';
import { earliestSendTime, inQuietHours, MAX_ATTEMPTS, retryAt } from './outbox.schedule.js';

const quiet = { start: 22, end: 8 };
// Beijing = UTC+8: 14:00Z is 22:00 in Beijing, 00:00Z is 08:00.
describe('quiet hours', () => {
  it('knows the Beijing night across midnight', () => {
    expect(inQuietHours(new Date('2026-03-02T13:59:00Z'), quiet)).toBe(false);
    expect(inQuietHours(new Date('2026-03-02T14:00:00Z'), quiet)).toBe(true);
    expect(inQuietHours(new Date('2026-03-02T19:00:00Z'), quiet)).toBe(true);
    expect(inQuietHours(new Date('2026-03-02T23:59:00Z'), quiet)).toBe(true);
    expect(inQuietHours(new Date('2026-03-03T00:00:00Z'), quiet)).toBe(false);
    expect(inQuietHours(new Date('2026-03-03T05:00:00Z'), { start: 12, end: 14 })).toBe(true);
    expect(inQuietHours(new Date('2026-03-03T05:00:00Z'), null)).toBe(false);
  });

  it('holds SMS, WeChat and e-mail until 08:00 Beijing, never webhooks', () => {
    // 23:30 Beijing on 2 March → 08:00 Beijing on 3 March.
    const late = new Date('2026-03-02T15:30:00Z');
    expect(earliestSendTime(late, 'sms', quiet).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(earliestSendTime(late, 'email', quiet).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(earliestSendTime(late, 'webhook', quiet)).toBe(late);
    // 03:00 Beijing on 3 March (19:00Z on the 2nd) → 08:00 the same Beijing morning.
    expect(earliestSendTime(new Date('2026-03-02T19:00:00Z'), 'wechat', quiet).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    const day = new Date('2026-03-03T03:00:00Z');
    expect(earliestSendTime(day, 'sms', quiet)).toBe(day);
  });

  it('retries at 1 min, 5 min, 30 min, 2 h and 12 h, then gives up', () => {
    const now = new Date('2026-03-03T02:00:00Z');
    const waits = [1, 2, 3, 4, 5].map((n) => (retryAt(now, n, 'webhook', quiet)!.getTime() - now.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(retryAt(now, MAX_ATTEMPTS, 'webhook', quiet)).toBeNull();
    // A 12 h wait that lands at 14:00Z (22:00 Beijing) moves to the next morning for SMS.
    expect(retryAt(now, 5, 'sms', quiet)!.toISOString()).toBe('2026-03-04T00:00:00.000Z');
  });
});
