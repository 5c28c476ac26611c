import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Policy library: policies with the gov.cn metadata and their text split into articles. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('policy'))
    .addColumn('indexNo', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('docNumber', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('issuingOrgan', 'varchar(200)', (c) => c.notNull())
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('restrict'))
    .addColumn('theme', 'varchar(60)', (c) => c.notNull())
    .addColumn('keywords', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('serviceObject', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('writtenOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('publishedOn', 'varchar(10)')
    .addColumn('effectiveOn', 'varchar(10)')
    .addColumn('validity', 'varchar(20)', (c) => c.notNull())
    .addColumn('validityEndedOn', 'varchar(10)')
    .addColumn('replacesId', 'integer', (c) => c.references('policy.id').onDelete('set null'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('preamble', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reviewNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('reviewerId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_public_idx').on('policy').columns(['status', 'publishedOn', 'id']).execute();
  await db.schema.createIndex('policy_replaces_idx').on('policy').column('replacesId').execute();

  await withId(db, db.schema.createTable('policyArticle'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('anchor', 'varchar(40)', (c) => c.notNull())
    .addColumn('chapterNumber', 'integer')
    .addColumn('chapterTitle', 'varchar(200)')
    .addColumn('text', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_article_anchor_uq', ['policyId', 'anchor'])
    .execute();
  await db.schema.createIndex('policy_article_policy_idx').on('policyArticle').columns(['policyId', 'seq']).execute();
}

/** Drops the policy tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyArticle').ifExists().execute();
  await db.schema.dropTable('policy').ifExists().execute();
}
