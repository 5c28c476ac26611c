import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { userContact } from '../../modules/accounts/index.js';
import * as repo from './outbox.repository.js';
import type { ChannelRow, RecipientRef } from './outbox.repository.js';
import type { DeliveryTable } from './outbox.table.js';

/** Who a notification is for: an enterprise by credit code, a user by id, or a kind another module adds. */
export type Recipient = RecipientRef;

/** What the portal knows about how to reach a recipient when they have set no preferences. */
export interface RecipientContact {
  name: string;
  email?: string | null;
  mobile?: string | null;
}

/** Looks up a recipient's default contact details. */
export type RecipientResolver = (db: Executor, key: string) => Promise<RecipientContact | undefined>;

/** Looks up many recipients' contacts at once (optional; bulk pushes use it). */
export type RecipientBatchResolver = (db: Executor, keys: string[]) => Promise<Map<string, RecipientContact>>;

/**
 * The recipient kinds that have an inbox on the portal: a signed-in person reads their own messages
 * and their enterprise's (recipientsOf). Other kinds (a registration, a suggestion's submitter, a
 * walk-in applicant) are reached only through channels, so no inbox row is written for them.
 */
export const INBOX_KINDS: ReadonlySet<string> = new Set(['user', 'enterprise']);

/** The channels beyond the inbox, in the order pages show them. */
export const EXTERNAL_CHANNELS = ['email', 'sms', 'wechat', 'webhook'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

const resolvers = new Map<string, { one: RecipientResolver; many?: RecipientBatchResolver | undefined }>();

/**
 * Lets a module say how to reach its kind of recipient (enterprises: the legal representative's
 * mobile). `many` answers for a list of keys in one query, for bulk pushes.
 */
export function registerRecipientResolver(kind: string, resolver: RecipientResolver, many?: RecipientBatchResolver): void {
  resolvers.set(kind, { one: resolver, many });
}

registerRecipientResolver('user', async (db, key) => {
  const id = Number(key);
  if (!Number.isSafeInteger(id)) {
    return undefined;
  }
  const c = await userContact(db, id);
  return c ? { name: c.name, email: c.email, mobile: c.mobile } : undefined;
});

/** The default contact of a recipient, if a resolver knows it. */
export async function contactOf(db: Executor, r: Recipient): Promise<RecipientContact | undefined> {
  return resolvers.get(r.kind)?.one(db, r.key);
}

async function contactsOf(db: Executor, kind: string, keys: string[]): Promise<Map<string, RecipientContact>> {
  const res = resolvers.get(kind);
  if (!res || keys.length === 0) {
    return new Map();
  }
  if (res.many) {
    return res.many(db, keys);
  }
  const out = new Map<string, RecipientContact>();
  for (const k of keys) {
    const c = await res.one(db, k);
    if (c) {
      out.set(k, c);
    }
  }
  return out;
}

/** The address a channel uses when the recipient gave none: the known e-mail or mobile. */
export function defaultAddress(channel: string, contact: RecipientContact | undefined): string {
  if (channel === 'email') {
    return contact?.email?.trim() ?? '';
  }
  if (channel === 'sms') {
    return contact?.mobile?.trim() ?? '';
  }
  return '';
}

function targetsFrom(rows: ChannelRow[], contact: RecipientContact | undefined): Array<{ channel: ExternalChannel; address: string }> {
  const out: Array<{ channel: ExternalChannel; address: string }> = [];
  for (const channel of EXTERNAL_CHANNELS) {
    const row = rows.find((x) => x.channel === channel);
    // No choices yet: e-mail and SMS when known (the inbox is always there).
    const enabled = rows.length === 0 ? channel === 'email' || channel === 'sms' : row?.enabled === 1;
    const address = (row?.address ?? '') || defaultAddress(channel, contact);
    if (enabled && address) {
      out.push({ channel, address });
    }
  }
  return out;
}

/** Where a recipient's notifications go beyond the inbox: their preferences, else e-mail and SMS when known. */
export async function channelTargets(db: Executor, r: Recipient): Promise<Array<{ channel: ExternalChannel; address: string }>> {
  const [rows, contact] = await Promise.all([repo.channelRows(db, r), contactOf(db, r)]);
  return targetsFrom(rows, contact);
}

/** One notification as the caller describes it. */
export interface NotificationInput {
  recipient: Recipient;
  /** The same key twice is one notification, ever (e.g. policy-match:<credit code>:<policy id>). */
  dedupeKey: string;
  topic: string;
  title: string;
  body: string;
  /** A local path ('/navigator/policies/123'). */
  link?: string;
  /** The recipient's contact when the caller has it at hand (a registration just written); else the kind's resolver is asked. */
  contact?: RecipientContact;
}

const CHUNK = 500;

/**
 * Writes notifications, their inbox messages and one delivery per channel each recipient takes, in
 * the caller's transaction (the outbox pattern): if the caller rolls back, nothing was notified. A
 * dedupe key already present (or repeated in the list) is not written again; its first notification
 * is returned with created = false. Works in batches, for bulk matches.
 */
export async function enqueueNotifications(trx: Executor, inputs: NotificationInput[], opts: { now?: Date } = {}): Promise<Array<{ notificationId: number; created: boolean }>> {
  for (const i of inputs) {
    if (!i.dedupeKey || i.dedupeKey.length > 300 || !i.recipient.kind || !i.recipient.key) {
      throw new Error('enqueueNotification: a recipient and a dedupe key of 1-300 characters are required');
    }
  }
  const now = (opts.now ?? new Date()).toISOString();
  const created = new Map<string, number>();
  const existing = new Map<string, number>();
  for (let at = 0; at < inputs.length; at += CHUNK) {
    const chunk = inputs.slice(at, at + CHUNK).filter((i) => !created.has(i.dedupeKey) && !existing.has(i.dedupeKey));
    const firstByKey = new Map<string, NotificationInput>();
    for (const i of chunk) {
      if (!firstByKey.has(i.dedupeKey)) {
        firstByKey.set(i.dedupeKey, i);
      }
    }
    const unique = [...firstByKey.values()];
    if (unique.length === 0) {
      continue;
    }
    const ids = await repo.insertNotifications(
      trx,
      unique.map((i) => ({ dedupeKey: i.dedupeKey, recipientKind: i.recipient.kind, recipientKey: i.recipient.key, topic: i.topic.slice(0, 60), title: i.title.slice(0, 300), body: i.body, link: i.link ?? '', createdAt: now })),
    );
    const fresh = unique.filter((i) => ids.has(i.dedupeKey));
    for (const i of fresh) {
      created.set(i.dedupeKey, ids.get(i.dedupeKey)!);
    }
    const old = unique.filter((i) => !ids.has(i.dedupeKey)).map((i) => i.dedupeKey);
    for (const [k, id] of await repo.notificationIdsByKey(trx, old)) {
      existing.set(k, id);
    }
    await repo.insertInboxMessages(trx, fresh.filter((i) => INBOX_KINDS.has(i.recipient.kind)).map((i) => ({ notificationId: created.get(i.dedupeKey)!, recipientKind: i.recipient.kind, recipientKey: i.recipient.key, createdAt: now })));
    await insertDeliveriesFor(trx, fresh, created, now);
  }
  const seen = new Set<string>();
  return inputs.map((i) => {
    const id = created.get(i.dedupeKey) ?? existing.get(i.dedupeKey);
    if (id === undefined) {
      throw new Error(`enqueueNotification: ${i.dedupeKey} neither inserted nor found`);
    }
    const first = created.has(i.dedupeKey) && !seen.has(i.dedupeKey);
    seen.add(i.dedupeKey);
    return { notificationId: id, created: first };
  });
}

async function insertDeliveriesFor(trx: Executor, fresh: NotificationInput[], ids: Map<string, number>, now: string): Promise<void> {
  const byKind = new Map<string, string[]>();
  for (const i of fresh) {
    const keys = byKind.get(i.recipient.kind);
    if (keys) {
      keys.push(i.recipient.key);
    } else {
      byKind.set(i.recipient.kind, [i.recipient.key]);
    }
  }
  const rows: Array<Insertable<DeliveryTable>> = [];
  for (const [kind, keys] of byKind) {
    const distinct = [...new Set(keys)];
    const ofKind = fresh.filter((x) => x.recipient.kind === kind);
    const given = new Set(ofKind.filter((i) => i.contact).map((i) => i.recipient.key));
    const unknown = distinct.filter((k) => !given.has(k));
    const [prefs, contacts] = await Promise.all([repo.channelRowsOf(trx, kind, distinct), contactsOf(trx, kind, unknown)]);
    for (const i of ofKind) {
      for (const t of targetsFrom(prefs.get(i.recipient.key) ?? [], i.contact ?? contacts.get(i.recipient.key))) {
        rows.push({
          notificationId: ids.get(i.dedupeKey)!,
          channel: t.channel,
          address: t.address,
          status: 'pending',
          attempts: 0,
          // Quiet hours are applied when a worker picks the delivery up (it knows the configuration).
          nextAttemptAt: now,
          idempotencyKey: crypto.randomUUID(),
          lastError: null,
          providerRef: null,
          sentAt: null,
          lockedBy: null,
          lockedAt: null,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
  }
  // 14 columns a row: 1,000 rows stay well under SQLite's and PostgreSQL's parameter limits.
  for (let at = 0; at < rows.length; at += 1000) {
    await repo.insertDeliveries(trx, rows.slice(at, at + 1000));
  }
}

/**
 * Writes one notification, its inbox message and its deliveries in the caller's transaction; the
 * same dedupe key twice is one notification, ever (the second call returns it with created = false).
 */
export async function enqueueNotification(trx: Executor, input: NotificationInput, opts: { now?: Date } = {}): Promise<{ notificationId: number; created: boolean }> {
  return (await enqueueNotifications(trx, [input], opts))[0]!;
}
