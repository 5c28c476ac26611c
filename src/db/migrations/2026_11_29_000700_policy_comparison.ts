import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** The editor's numbered notes (变化一 …) shown beside the old-vs-new comparison of a policy. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('policyChangeNote'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('newAnchors', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('oldAnchors', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  // Not unique: reordering swaps two positions, which a unique index would refuse half-way.
  await db.schema.createIndex('policy_change_note_policy_idx').on('policyChangeNote').columns(['policyId', 'seq']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyChangeNote').ifExists().execute();
}
