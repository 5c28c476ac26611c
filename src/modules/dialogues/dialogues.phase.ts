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
