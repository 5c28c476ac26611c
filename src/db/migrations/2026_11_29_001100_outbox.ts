import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Tables for the notification outbox, inbox and channel preferences. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('notification'))
    .addColumn('dedupeKey', 'varchar(300)', (c) => c.notNull().unique())
    .addColumn('recipientKind', 'varchar(30)', (c) => c.notNull())
    .addColumn('recipientKey', 'varchar(100)', (c) => c.notNull())
    .addColumn('topic', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_recipient_idx').on('notification').columns(['recipientKind', 'recipientKey']).execute();

  await withId(db, db.schema.createTable('inboxMessage'))
    .addColumn('notificationId', 'integer', (c) => c.notNull().unique().references('notification.id').onDelete('cascade'))
    .addColumn('recipientKind', 'varchar(30)', (c) => c.notNull())
    .addColumn('recipientKey', 'varchar(100)', (c) => c.notNull())
    .addColumn('readAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbox_message_recipient_idx').on('inboxMessage').columns(['recipientKind', 'recipientKey', 'id']).execute();

  await withId(db, db.schema.createTable('delivery'))
    .addColumn('notificationId', 'integer', (c) => c.notNull().references('notification.id').onDelete('cascade'))
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('address', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nextAttemptAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('idempotencyKey', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('lastError', 'text')
    .addColumn('providerRef', 'varchar(200)')
    .addColumn('sentAt', 'varchar(30)')
    .addColumn('lockedBy', 'varchar(100)')
    .addColumn('lockedAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_due_idx').on('delivery').columns(['status', 'nextAttemptAt']).execute();
  await db.schema.createIndex('delivery_notification_idx').on('delivery').column('notificationId').execute();

  await withId(db, db.schema.createTable('recipientChannel'))
    .addColumn('recipientKind', 'varchar(30)', (c) => c.notNull())
    .addColumn('recipientKey', 'varchar(100)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('address', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('webhookSecret', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('recipient_channel_unique', ['recipientKind', 'recipientKey', 'channel'])
    .execute();

  await withId(db, db.schema.createTable('unsubscribeToken'))
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('recipientKind', 'varchar(30)', (c) => c.notNull())
    .addColumn('recipientKey', 'varchar(100)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('usedAt', 'varchar(30)')
    .addUniqueConstraint('unsubscribe_token_recipient_unique', ['recipientKind', 'recipientKey', 'channel'])
    .execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unsubscribeToken').ifExists().execute();
  await db.schema.dropTable('recipientChannel').ifExists().execute();
  await db.schema.dropTable('delivery').ifExists().execute();
  await db.schema.dropTable('inboxMessage').ifExists().execute();
  await db.schema.dropTable('notification').ifExists().execute();
}
