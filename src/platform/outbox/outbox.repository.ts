import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import { cachedStatement, sqliteInTransaction } from '../../db/connect.js';
import type { DeliveryTable, NotificationTable, RecipientChannelTable } from './outbox.table.js';

export type NotificationRow = Selectable<NotificationTable>;
export type DeliveryRow = Selectable<DeliveryTable>;
export type ChannelRow = Selectable<RecipientChannelTable>;

/** A recipient: kind and key. */
export interface RecipientRef {
  kind: string;
  key: string;
}

/** The SQLite connection inside a transaction, for the hand-written bulk and hot-path statements. */
const rawSqlite = sqliteInTransaction;

/** Inserts notifications whose dedupe keys are new; returns the new ids by dedupe key. */
export async function insertNotifications(db: Executor, rows: Array<Insertable<NotificationTable>>): Promise<Map<string, number>> {
  if (rows.length === 0) {
    return new Map();
  }
  // Bulk pushes (a first match notifies a million enterprises) skip Kysely's per-value work on SQLite.
  const raw = rawSqlite(db);
  if (raw) {
    const insert = cachedStatement<unknown[], { id: number }>(
      raw,
      'insert into notification (dedupe_key, recipient_kind, recipient_key, topic, title, body, link, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing returning id',
    );
    const out = new Map<string, number>();
    for (const x of rows) {
      const got = insert.get(x.dedupeKey, x.recipientKind, x.recipientKey, x.topic, x.title, x.body, x.link ?? '', x.createdAt);
      if (got) {
        out.set(x.dedupeKey, got.id);
      }
    }
    return out;
  }
  const r = await db.insertInto('notification').values(rows).onConflict((oc) => oc.column('dedupeKey').doNothing()).returning(['id', 'dedupeKey']).execute();
  return new Map(r.map((x) => [x.dedupeKey, x.id]));
}

/** Existing notifications by dedupe key. */
export async function notificationIdsByKey(db: Executor, keys: string[]): Promise<Map<string, number>> {
  if (keys.length === 0) {
    return new Map();
  }
  const r = await db.selectFrom('notification').select(['id', 'dedupeKey']).where('dedupeKey', 'in', keys).execute();
  return new Map(r.map((x) => [x.dedupeKey, x.id]));
}

/** Adds inbox messages. */
export async function insertInboxMessages(db: Executor, rows: Array<{ notificationId: number; recipientKind: string; recipientKey: string; createdAt: string }>): Promise<void> {
  const raw = rawSqlite(db);
  if (raw) {
    const insert = cachedStatement(raw, 'insert into inbox_message (notification_id, recipient_kind, recipient_key, read_at, created_at) values (?, ?, ?, null, ?)');
    for (const r of rows) {
      insert.run(r.notificationId, r.recipientKind, r.recipientKey, r.createdAt);
    }
    return;
  }
  if (rows.length > 0) {
    await db.insertInto('inboxMessage').values(rows.map((r) => ({ ...r, readAt: null }))).execute();
  }
}

/** Channel preferences of many recipients of one kind, by key. */
export async function channelRowsOf(db: Executor, kind: string, keys: string[]): Promise<Map<string, ChannelRow[]>> {
  const out = new Map<string, ChannelRow[]>();
  const raw = rawSqlite(db);
  if (raw && keys.length <= 8) {
    // The common case (one registration, one case): an indexed lookup per key, no query building.
    const stmt = cachedStatement<[string, string], ChannelRow>(
      raw,
      'select id, recipient_kind as recipientKind, recipient_key as recipientKey, channel, enabled, address, webhook_secret as webhookSecret, updated_at as updatedAt from recipient_channel where recipient_kind = ? and recipient_key = ?',
    );
    for (const k of keys) {
      const rows = stmt.all(kind, k);
      if (rows.length > 0) {
        out.set(k, rows);
      }
    }
    return out;
  }
  for (let at = 0; at < keys.length; at += 500) {
    const rows = await db.selectFrom('recipientChannel').selectAll().where('recipientKind', '=', kind).where('recipientKey', 'in', keys.slice(at, at + 500)).execute();
    for (const r of rows) {
      out.set(r.recipientKey, [...(out.get(r.recipientKey) ?? []), r]);
    }
  }
  return out;
}

/** Adds deliveries. */
export async function insertDeliveries(db: Executor, rows: Array<Insertable<DeliveryTable>>): Promise<void> {
  const raw = rawSqlite(db);
  if (raw) {
    const insert = cachedStatement(
      raw,
      `insert into delivery (notification_id, channel, address, status, attempts, next_attempt_at, idempotency_key, last_error, provider_ref, sent_at, locked_by, locked_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) {
      insert.run(r.notificationId, r.channel, r.address, r.status, r.attempts, r.nextAttemptAt, r.idempotencyKey, r.lastError ?? null, r.providerRef ?? null, r.sentAt ?? null, r.lockedBy ?? null, r.lockedAt ?? null, r.createdAt, r.updatedAt);
    }
    return;
  }
  if (rows.length > 0) {
    await db.insertInto('delivery').values(rows).execute();
  }
}

/** A recipient's channel preferences. */
export async function channelRows(db: Executor, r: RecipientRef): Promise<ChannelRow[]> {
  return db.selectFrom('recipientChannel').selectAll().where('recipientKind', '=', r.kind).where('recipientKey', '=', r.key).orderBy('channel').execute();
}

/** Sets one channel preference (insert or update). */
export async function upsertChannel(db: Executor, row: Insertable<RecipientChannelTable>): Promise<void> {
  await db
    .insertInto('recipientChannel')
    .values(row)
    .onConflict((oc) => oc.columns(['recipientKind', 'recipientKey', 'channel']).doUpdateSet({ enabled: row.enabled, address: row.address, webhookSecret: row.webhookSecret ?? '', updatedAt: row.updatedAt }))
    .execute();
}

const STALE_MS = 5 * 60_000;

/**
 * Claims due deliveries for one worker, the way the job queue claims jobs: one UPDATE whose
 * sub-select takes the due rows, with FOR UPDATE SKIP LOCKED on PostgreSQL (workers pass each other
 * by) and SQLite's single writer otherwise. A delivery left 'sending' for five minutes belongs to a
 * worker that died and is claimed again (at least once; the idempotency key lets receivers drop it).
 */
export async function claimDue(db: Executor, workerId: string, now: string, limit: number): Promise<DeliveryRow[]> {
  const staleBefore = new Date(Date.parse(now) - STALE_MS).toISOString();
  const pg = isPostgres(db);
  return db
    .updateTable('delivery')
    .set((eb) => ({ status: 'sending', lockedBy: workerId, lockedAt: now, attempts: eb('attempts', '+', 1), updatedAt: now }))
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('delivery')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('status', 'in', ['pending', 'failed']), w('nextAttemptAt', '<=', now)]),
            w.and([w('status', '=', 'sending'), w('lockedAt', '<', staleBefore)]),
          ]),
        )
        .orderBy('nextAttemptAt')
        .limit(limit);
      return pg ? due.forUpdate().skipLocked() : due;
    })
    // Checked again on the row itself: on PostgreSQL a row taken meanwhile no longer qualifies.
    .where((w) => w.or([w('status', 'in', ['pending', 'failed']), w.and([w('status', '=', 'sending'), w('lockedAt', '<', staleBefore)])]))
    .returningAll()
    .execute();
}

/** The notification of a delivery. */
export async function notificationById(db: Executor, id: number): Promise<NotificationRow | undefined> {
  return db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Finishes a claimed delivery: sent, failed (with the next attempt), dead, or put back untried (quiet hours). */
export async function finishDelivery(
  db: Executor,
  id: number,
  workerId: string,
  outcome: { status: 'sent'; providerRef: string; at: string } | { status: 'failed' | 'dead'; error: string; nextAttemptAt?: string; at: string } | { status: 'pending'; nextAttemptAt: string; at: string; untried: true },
): Promise<void> {
  const base = db.updateTable('delivery').where('id', '=', id).where('lockedBy', '=', workerId).where('status', '=', 'sending');
  if (outcome.status === 'sent') {
    await base.set({ status: 'sent', providerRef: outcome.providerRef.slice(0, 200), sentAt: outcome.at, lastError: null, lockedBy: null, lockedAt: null, updatedAt: outcome.at }).execute();
  } else if (outcome.status === 'pending') {
    // Not an attempt: the claim's count is given back.
    await base.set((eb) => ({ status: 'pending', nextAttemptAt: outcome.nextAttemptAt, attempts: eb('attempts', '-', 1), lockedBy: null, lockedAt: null, updatedAt: outcome.at })).execute();
  } else {
    await base
      .set({ status: outcome.status, lastError: outcome.error.slice(0, 2000), ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}), lockedBy: null, lockedAt: null, updatedAt: outcome.at })
      .execute();
  }
}

/** Counts of deliveries by channel and status. */
export async function deliveryCounts(db: Executor): Promise<Array<{ channel: string; status: string; n: number }>> {
  const rows = await db.selectFrom('delivery').select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['channel', 'status']).execute();
  return rows.map((r) => ({ channel: r.channel, status: r.status, n: Number(r.n) }));
}

/** Dead deliveries with their notification's title, newest first. */
export async function deadDeliveries(db: Executor, limit: number) {
  return db
    .selectFrom('delivery')
    .innerJoin('notification', 'notification.id', 'delivery.notificationId')
    .select(['delivery.id', 'delivery.channel', 'delivery.address', 'delivery.attempts', 'delivery.lastError', 'delivery.updatedAt', 'notification.title', 'notification.recipientKind', 'notification.recipientKey'])
    .where('delivery.status', '=', 'dead')
    .orderBy('delivery.id', 'desc')
    .limit(limit)
    .execute();
}

/** Sends a dead delivery back for a fresh round of attempts; false when it is not dead. */
export async function requeueDead(db: Executor, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('delivery').set({ status: 'pending', attempts: 0, nextAttemptAt: at, updatedAt: at }).where('id', '=', id).where('status', '=', 'dead').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** A delivery by id. */
export async function deliveryById(db: Executor, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inbox messages of some recipients, newest first, with their notification. */
export async function inboxPage(db: Executor, recipients: RecipientRef[], limit: number, offset: number) {
  if (recipients.length === 0) {
    return { rows: [], total: 0, unread: 0 };
  }
  const base = db
    .selectFrom('inboxMessage')
    .innerJoin('notification', 'notification.id', 'inboxMessage.notificationId')
    .where((w) => w.or(recipients.map((r) => w.and([w('inboxMessage.recipientKind', '=', r.kind), w('inboxMessage.recipientKey', '=', r.key)]))));
  const [rows, counts] = await Promise.all([
    base
      .select(['inboxMessage.id', 'inboxMessage.readAt', 'inboxMessage.createdAt', 'inboxMessage.recipientKind', 'notification.topic', 'notification.title', 'notification.body', 'notification.link'])
      .orderBy('inboxMessage.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('inboxMessage.id').filterWhere('inboxMessage.readAt', 'is', null).as('unread')])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counts.total), unread: Number(counts.unread) };
}

/** One inbox message if it belongs to one of the recipients. */
export async function inboxMessage(db: Executor, recipients: RecipientRef[], id: number) {
  if (recipients.length === 0) {
    return undefined;
  }
  return db
    .selectFrom('inboxMessage')
    .innerJoin('notification', 'notification.id', 'inboxMessage.notificationId')
    .select(['inboxMessage.id', 'inboxMessage.readAt', 'inboxMessage.createdAt', 'inboxMessage.recipientKind', 'notification.topic', 'notification.title', 'notification.body', 'notification.link'])
    .where('inboxMessage.id', '=', id)
    .where((w) => w.or(recipients.map((r) => w.and([w('inboxMessage.recipientKind', '=', r.kind), w('inboxMessage.recipientKey', '=', r.key)]))))
    .executeTakeFirst();
}

/** Marks an inbox message read (the first time only). */
export async function markRead(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('inboxMessage').set({ readAt: at }).where('id', '=', id).where('readAt', 'is', null).execute();
}

/** The unsubscribe token of a recipient and channel, created on first use. */
export async function tokenFor(db: Executor, r: RecipientRef, channel: string, fresh: string, at: string): Promise<string> {
  await db
    .insertInto('unsubscribeToken')
    .values({ token: fresh, recipientKind: r.kind, recipientKey: r.key, channel, createdAt: at, usedAt: null })
    .onConflict((oc) => oc.columns(['recipientKind', 'recipientKey', 'channel']).doNothing())
    .execute();
  const row = await db.selectFrom('unsubscribeToken').select('token').where('recipientKind', '=', r.kind).where('recipientKey', '=', r.key).where('channel', '=', channel).executeTakeFirstOrThrow();
  return row.token;
}

/** An unsubscribe token's row. */
export async function findToken(db: Executor, token: string) {
  return db.selectFrom('unsubscribeToken').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Records that a token was used. */
export async function markTokenUsed(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('unsubscribeToken').set({ usedAt: at }).where('id', '=', id).execute();
}

/** Marks the inbox message of a notification read (demo data). */
export async function markNotificationRead(db: Executor, notificationId: number, at: string): Promise<void> {
  await db.updateTable('inboxMessage').set({ readAt: at }).where('notificationId', '=', notificationId).execute();
}
