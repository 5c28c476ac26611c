import crypto from 'node:crypto';

// The needs survey's rules (公众需求调查): who a voter is, when the survey is open, moderation. Pure.

/** Need states: proposals wait for moderation; only published ones are shown and can be voted for. */
export const NEED_STATUSES = ['pending', 'published', 'rejected'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Categories a proposal can name. */
export const NEED_CATEGORIES = ['business', 'urban', 'innovation', 'livelihood', 'services', 'other'] as const;

/**
 * The key stored for one voter: a signed-in account counts as itself wherever it votes; otherwise the
 * browser's random vote cookie. Only the hash is stored, so the table cannot be turned back into
 * accounts or cookies.
 */
export function voterKey(voter: { userId: number } | { cookie: string }): string {
  const raw = 'userId' in voter ? `user:${voter.userId}` : `cookie:${voter.cookie}`;
  return crypto.createHash('sha256').update(raw).digest('hex');
}

/** A vote cookie value as we issue it (32 random bytes, base64url). */
export const VOTE_COOKIE_RE = /^[A-Za-z0-9_-]{43}$/;

/** Where the survey stands on a day: not set, not yet open, open, or closed. */
export function surveyState(c: { surveyOpensOn: string | null; surveyClosesOn: string | null }, today: string): 'none' | 'upcoming' | 'open' | 'closed' {
  if (!c.surveyOpensOn || !c.surveyClosesOn) {
    return 'none';
  }
  if (today < c.surveyOpensOn) {
    return 'upcoming';
  }
  return today <= c.surveyClosesOn ? 'open' : 'closed';
}

/** Moderation moves a pending proposal to published or rejected, and a published one back to rejected. */
export function canModerate(from: string, to: NeedStatus): boolean {
  return (from === 'pending' && (to === 'published' || to === 'rejected')) || (from === 'published' && to === 'rejected') || (from === 'rejected' && to === 'published');
}

/** The ranking order: most votes first, then the earlier proposal. */
export function rankNeeds<T extends { votes: number; createdAt: string; id: number }>(needs: T[]): T[] {
  return [...needs].sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

/** Why a need cannot be adopted as this point (需求采纳), or null when it can. */
export type AdoptionRefusal = 'not_published' | 'other_campaign';

/**
 * Adoption records that a proposal became an open point. Only a published proposal (one the public
 * can see) can be adopted, and only as a point of its own campaign.
 */
export function adoptionRefusal(need: { status: string; campaignId: number }, point: { campaignId: number }): AdoptionRefusal | null {
  if (need.status !== 'published') {
    return 'not_published';
  }
  return point.campaignId === need.campaignId ? null : 'other_campaign';
}

/** Can this need be adopted as this point? */
export function canAdopt(need: { status: string; campaignId: number }, point: { campaignId: number }): boolean {
  return adoptionRefusal(need, point) === null;
}
