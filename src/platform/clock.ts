/** The current instant as ISO-8601 UTC text, the one timestamp format stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** An instant some minutes after another (ISO in, ISO out). */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** An instant shown as Beijing date and time, 'YYYY-MM-DD HH:mm' (China has one time zone, UTC+8, no DST). */
export function toChinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** An instant's calendar date in Beijing; a plain date (YYYY-MM-DD) is returned as it is. */
export function toChinaDate(iso: string): string {
  return iso.length <= 10 ? iso : toChinaDateTime(iso).slice(0, 10);
}

/** Today's calendar date in China (UTC+8), as YYYY-MM-DD: deadlines are counted in Beijing days. */
export function todayInChina(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A Beijing wall-clock time 'YYYY-MM-DD HH:mm' (or with 'T') as an ISO instant; undefined when malformed. */
export function chinaLocalToIso(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h - 8, mi);
  const back = new Date(ms + 8 * 3600_000);
  // Reject dates that roll over (2026-02-30) and hours past 23.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi) {
    return undefined;
  }
  return new Date(ms).toISOString();
}

/** An ISO instant as the Beijing wall-clock value of a datetime-local input ('YYYY-MM-DDTHH:mm'). */
export function isoToChinaLocal(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
}
