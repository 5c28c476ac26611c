import type { Executor } from '../../http/context.js';
import { enqueueNotifications, registerRecipientResolver, type RecipientContact } from '../../platform/outbox/index.js';
import { translate } from '../../platform/i18n/index.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import * as repo from './open-day-suggestions.repository.js';

/** The outbox recipient kind of a suggestion's submitter; the key is the suggestion id. */
export const RECIPIENT_KIND = 'open-day-suggestion';

/** The submitter's contact as the outbox reads it: an e-mail address or a mobile number. */
export function contactOfSubmitter(row: { submitterName: string; contact: string }): RecipientContact | undefined {
  const c = row.contact.trim();
  if (!c) {
    return undefined;
  }
  const name = row.submitterName || translate('zh-CN', 'suggestions.anonymous');
  return c.includes('@') ? { name, email: c } : { name, mobile: c };
}

async function resolveMany(db: Executor, keys: string[]): Promise<Map<string, RecipientContact>> {
  const ids = keys.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const out = new Map<string, RecipientContact>();
  for (let at = 0; at < ids.length; at += 500) {
    for (const r of await repo.contacts(db, ids.slice(at, at + 500))) {
      const c = contactOfSubmitter(r);
      if (c) {
        out.set(String(r.id), c);
      }
    }
  }
  return out;
}

registerRecipientResolver(RECIPIENT_KIND, async (db, key) => (await resolveMany(db, [key])).get(key), resolveMany);

/** What a step tells the submitter: the step's key and the values its sentence needs. */
export interface StepNotice {
  /** The status reached, or measure-<progress> when the measure answering it moves on. */
  step: string;
  params?: Record<string, string | number>;
}

/**
 * Tells the submitters of these suggestions (those who left a contact) about a step, in the caller's
 * transaction. One notice per suggestion and step ever (the dedupe key), in Chinese with English below.
 * `via` is the part whose step it is, when these are followers of a suggestion split into parts: they
 * hear of each part's steps, so the part is in the dedupe key.
 */
export async function notifySubmitters(trx: Executor, suggestions: Array<{ id: number; trackingCode: string; contact: string }>, notice: StepNotice, via?: number): Promise<number> {
  const withContact = suggestions.filter((s) => s.contact.trim() !== '');
  if (withContact.length === 0) {
    return 0;
  }
  const key = `suggestions.notice.${notice.step}` as MessageKey;
  const inputs = withContact.map((s) => {
    const params = { code: s.trackingCode, ...notice.params };
    return {
      recipient: { kind: RECIPIENT_KIND, key: String(s.id) },
      dedupeKey: via === undefined ? `open-day-suggestion:${s.id}:${notice.step}` : `open-day-suggestion:${s.id}:${via}:${notice.step}`,
      topic: 'open-day-suggestion',
      title: translate('zh-CN', 'suggestions.notice.title', params),
      body: `${translate('zh-CN', key, params)}\n\n${translate('en', key, params)}`,
      link: `/open-days/suggestions/${s.trackingCode}`,
    };
  });
  const r = await enqueueNotifications(trx, inputs);
  return r.filter((x) => x.created).length;
}
