import type { Executor } from '../../http/context.js';
import { enqueueNotifications, registerRecipientResolver, type RecipientContact } from '../../platform/outbox/index.js';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import * as repo from './disclosure-requests.repository.js';

/** The outbox recipient kind of an applicant; the key is the case id. */
export const RECIPIENT_KIND = 'disclosure-request';

async function resolveMany(db: Executor, keys: string[]): Promise<Map<string, RecipientContact>> {
  const ids = keys.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const out = new Map<string, RecipientContact>();
  for (let at = 0; at < ids.length; at += 500) {
    for (const r of await repo.contacts(db, ids.slice(at, at + 500))) {
      if (r.email || r.phone) {
        out.set(String(r.id), { name: r.applicantName, email: r.email || null, mobile: r.phone || null });
      }
    }
  }
  return out;
}

registerRecipientResolver(RECIPIENT_KIND, async (db, key) => (await resolveMany(db, [key])).get(key), resolveMany);

/** A case the applicant is told about. */
export interface NoticeTarget {
  id: number;
  trackingNumber: string;
}

/**
 * Tells applicants about a step of their case, in the caller's transaction: one notice per case and
 * step (the dedupe key), Chinese with English below, linking to the case page.
 */
export async function notifyApplicants(trx: Executor, cases: readonly NoticeTarget[], step: string, params: Record<string, string | number> = {}, dedupeSuffix = ''): Promise<number> {
  if (cases.length === 0) {
    return 0;
  }
  const key = `disclosureRequests.notice.${step}` as MessageKey;
  const inputs = cases.map((c) => {
    const p = { number: c.trackingNumber, ...params };
    return {
      recipient: { kind: RECIPIENT_KIND, key: String(c.id) },
      dedupeKey: `disclosure-request:${c.id}:${step}${dedupeSuffix}`,
      topic: 'disclosure-request',
      title: translate('zh-CN', 'disclosureRequests.notice.title', p),
      body: `${translate('zh-CN', key, p)}\n\n${translate('en', key, p)}`,
      link: `/disclosure-requests/track/${c.trackingNumber}`,
    };
  });
  const r = await enqueueNotifications(trx, inputs);
  return r.filter((x) => x.created).length;
}
