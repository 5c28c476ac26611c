/** The current instant as ISO-8601 UTC text, the one timestamp format stored in the database. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** An instant some minutes after another (ISO in, ISO out). */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** Today's calendar date in China (UTC+8), as YYYY-MM-DD: deadlines are counted in Beijing days. */
export function todayInChina(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
