import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Interpretations (政策解读) of policies, each in one form and signed by its first interpreter. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('interpretation'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('restrict'))
    .addColumn('form', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mediaUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('transcript', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interpreterName', 'varchar(60)', (c) => c.notNull())
    .addColumn('interpreterPost', 'varchar(120)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reviewNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('reviewerId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('publishedOn', 'varchar(10)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_policy_idx').on('interpretation').columns(['policyId', 'status']).execute();
  await db.schema.createIndex('interpretation_department_idx').on('interpretation').columns(['departmentId', 'status']).execute();
}

/** Drops the interpretation tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interpretation').ifExists().execute();
}
