import type { Executor } from '../../http/context.js';
import { toChinaDateTime } from '../../platform/clock.js';
import { translate, type MessageKey } from '../../platform/i18n/index.js';
import { enqueueNotifications, registerRecipientResolver, type NotificationInput } from '../../platform/outbox/index.js';
import * as repo from './open-day-registration.repository.js';
import { formatCode } from './open-day-registration.rules.js';

// Notifications to registered visitors, written through the outbox in the transaction that causes
// them. A registration is its own recipient kind: no account is needed to be told.

/** The outbox recipient kind of a registration (key: the registration id). */
export const RECIPIENT_KIND = 'open-day-registration';

/** What happened to a registration, worth telling its person. */
export type RegistrationEvent = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled' | 'guest';

let resolverRegistered = false;

/** Tells the outbox how to reach a registration: its name, mobile and e-mail. */
export function registerRegistrationRecipient(): void {
  if (resolverRegistered) {
    return;
  }
  resolverRegistered = true;
  const toKey = (k: string) => (/^\d{1,10}$/.test(k) ? Number(k) : null);
  registerRecipientResolver(
    RECIPIENT_KIND,
    async (db, key) => {
      const id = toKey(key);
      return id === null ? undefined : (await repo.contacts(db, [id])).get(id);
    },
    async (db, keys) => {
      const ids = keys.map(toKey).filter((x): x is number => x !== null);
      const found = await repo.contacts(db, ids);
      return new Map([...found].map(([id, c]) => [String(id), c]));
    },
  );
}

/** One notice about one registration. `link` is the private page (with the token) when known, else the lookup page. */
export interface RegistrationNotice {
  event: RegistrationEvent;
  registration: { id: number; code: string; name: string };
  session: { startsAt: string; endsAt: string };
  point: { topic: string; address: string };
  campaignTitle: string;
  link: string;
  waitlistPosition?: number;
  /** The person's contact when it is at hand (a registration just made), saving the outbox a lookup. */
  contact?: { name: string; mobile: string; email?: string | null | undefined };
}

function notificationOf(n: RegistrationNotice): NotificationInput {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => translate('zh-CN', key, params);
  const params = {
    name: n.registration.name,
    campaign: n.campaignTitle,
    topic: n.point.topic,
    time: `${toChinaDateTime(n.session.startsAt)}–${toChinaDateTime(n.session.endsAt).slice(11)}`,
    address: n.point.address,
    code: formatCode(n.registration.code),
    position: n.waitlistPosition ?? 0,
  };
  const event = n.event === 'guest' ? 'confirmed' : n.event;
  return {
    recipient: { kind: RECIPIENT_KIND, key: String(n.registration.id) },
    // Per registration and event: a retried request never notifies twice.
    dedupeKey: `open-day-registration:${n.registration.id}:${n.event}`,
    topic: 'open-day-registration',
    title: t(`registration.notify.${event}_title`, params),
    body: t(`registration.notify.${event}_body`, params),
    link: n.link,
    ...(n.contact ? { contact: { name: n.contact.name, mobile: n.contact.mobile, email: n.contact.email ?? null } } : {}),
  };
}

/** Writes the notices into the outbox, in the caller's transaction. */
export async function notify(trx: Executor, notices: RegistrationNotice[]): Promise<void> {
  if (notices.length > 0) {
    await enqueueNotifications(trx, notices.map(notificationOf));
  }
}
