import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * The three versions of a policy (原文版 + 摘要版 + 图解版): a category that decides whether the summary
 * and graphic are required, the structured policy card the graphic is drawn from (or an uploaded
 * image), glossary terms (名词解释) marked in the text, and attachments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('policy').addColumn('category', 'varchar(20)', (c) => c.notNull().defaultTo('normative')).execute();
  await db.schema.alterTable('policy').addColumn('card', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('policy').addColumn('graphicFileId', 'integer', (c) => c.references('file.id').onDelete('set null')).execute();
  await db.schema.alterTable('policy').addColumn('graphicAlt', 'text', (c) => c.notNull().defaultTo('')).execute();

  // Covering index for the facet index's load: reads six narrow columns without touching policy bodies.
  await db.schema
    .createIndex('policy_facet_idx')
    .on('policy')
    .columns(['status', 'id', 'theme', 'issuingOrgan', 'publishedOn', 'validity', 'departmentId'])
    .execute();

  await withId(db, db.schema.createTable('policyTerm'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('term', 'varchar(60)', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_term_uq', ['policyId', 'term'])
    .execute();

  await withId(db, db.schema.createTable('policyAttachment'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('fileId', 'integer', (c) => c.notNull().references('file.id').onDelete('restrict'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policy_attachment_policy_idx').on('policyAttachment').columns(['policyId', 'seq']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyAttachment').ifExists().execute();
  await db.schema.dropTable('policyTerm').ifExists().execute();
  await db.schema.dropIndex('policy_facet_idx').ifExists().execute();
  for (const c of ['graphicAlt', 'graphicFileId', 'card', 'category']) {
    await db.schema.alterTable('policy').dropColumn(c).execute();
  }
}
