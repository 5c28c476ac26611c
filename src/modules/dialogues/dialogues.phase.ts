/** Where a dialogue stands in time: 预告 upcoming, 直播中 live, 已结束 archived. */
export type DialoguePhase = 'upcoming' | 'live' | 'archived';

/**
 * The phase of a dialogue at an instant: upcoming before it starts, live from its start until its end,
 * archived from its end on. Instants are ISO-8601 strings (or Dates); the end itself already counts as ended,
 * so that a question posted at the closing second is refused.
 */
export function dialoguePhase(d: { startsAt: string; endsAt: string }, now: string | Date = new Date()): DialoguePhase {
  const at = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (at < Date.parse(d.startsAt)) {
    return 'upcoming';
  }
  return at < Date.parse(d.endsAt) ? 'live' : 'archived';
}

/** True while the public may still send questions (before the start and during the dialogue). */
export function acceptsQuestions(d: { startsAt: string; endsAt: string }, now: string | Date = new Date()): boolean {
  return dialoguePhase(d, now) !== 'archived';
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
