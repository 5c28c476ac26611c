import type { Kysely } from 'kysely';
import { blobType, withId } from '../schema-helpers.js';

/**
 * Push batches: when a match finds new policies for many enterprises at once (a first match notifies
 * nearly everyone), the matching transaction writes one batch — every enterprise and its new policies,
 * packed — instead of a million notifications; a job turns it into notifications a slice at a time,
 * each slice in its own transaction, advancing the cursor in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('pushBatch'))
    .addColumn('topic', 'varchar(60)', (c) => c.notNull())
    .addColumn('referenceDate', 'varchar(10)', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('payload', blobType(db), (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('finishedAt', 'varchar(30)')
    .execute();
  await db.schema.createIndex('push_batch_open_idx').on('pushBatch').columns(['finishedAt', 'id']).execute();
}

/** Drops the push batches. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pushBatch').ifExists().execute();
}
