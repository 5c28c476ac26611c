// When a delivery may go out: quiet hours (Beijing time) and the retry ladder. Pure functions of
// an instant, so tests pass their own clock.

/** Quiet hours in Beijing time: [start, end) hours, wrapping midnight when start > end. */
export interface QuietHours {
  start: number;
  end: number;
}

/** Channels that wake people up; the inbox and webhooks (machines) ignore quiet hours. */
export const QUIET_CHANNELS: readonly string[] = ['sms', 'wechat', 'email'];

/** Waits after the 1st, 2nd … failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then the delivery is dead. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 12 * 3600_000] as const;

/** Attempts a delivery gets in all (the first try plus one per retry delay). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const HOUR = 3600_000;
const CHINA_OFFSET = 8 * HOUR;

/** True when the Beijing hour of `at` falls in the quiet window. */
export function inQuietHours(at: Date, quiet: QuietHours | null | undefined): boolean {
  if (!quiet || quiet.start === quiet.end) {
    return false;
  }
  const h = new Date(at.getTime() + CHINA_OFFSET).getUTCHours();
  return quiet.start > quiet.end ? h >= quiet.start || h < quiet.end : h >= quiet.start && h < quiet.end;
}

/** The earliest instant at or after `at` when a message on `channel` may be sent. */
export function earliestSendTime(at: Date, channel: string, quiet: QuietHours | null | undefined): Date {
  if (!quiet || !QUIET_CHANNELS.includes(channel) || !inQuietHours(at, quiet)) {
    return at;
  }
  // The next Beijing `end:00` after `at`.
  const local = new Date(at.getTime() + CHINA_OFFSET);
  const endLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quiet.end);
  const next = endLocal > local.getTime() ? endLocal : endLocal + 24 * HOUR;
  return new Date(next - CHINA_OFFSET);
}

/** When to try again after `attempts` failed attempts, or null when the delivery is dead. */
export function retryAt(now: Date, attempts: number, channel: string, quiet: QuietHours | null | undefined): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (delay === undefined) {
    return null;
  }
  return earliestSendTime(new Date(now.getTime() + delay), channel, quiet);
}
