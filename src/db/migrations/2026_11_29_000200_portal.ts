import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Portal: the column (栏目) tree, articles with their review state, published versions, attachments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('portalColumn'))
    .addColumn('parentId', 'integer', (c) => c.references('portalColumn.id').onDelete('restrict'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('nameZh', 'varchar(100)', (c) => c.notNull())
    .addColumn('nameEn', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('descriptionZh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('descriptionEn', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('article'))
    .addColumn('columnId', 'integer', (c) => c.notNull().references('portalColumn.id').onDelete('restrict'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('restrict'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bodyHtml', 'text', (c) => c.notNull())
    .addColumn('authorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('reviewNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publishedVersion', 'integer', (c) => c.notNull().defaultTo(0))
    // The published version's title and summary, copied here so that lists never join the versions.
    .addColumn('publicTitle', 'varchar(300)')
    .addColumn('publicSummary', 'text')
    // Where the published version lives: an unapproved edit that moves the draft leaves these as they are.
    .addColumn('publicColumnId', 'integer', (c) => c.references('portalColumn.id').onDelete('restrict'))
    .addColumn('publicDepartmentId', 'integer', (c) => c.references('department.id').onDelete('restrict'))
    .addColumn('firstPublishedAt', 'varchar(30)')
    .addColumn('lastPublishedAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_column_pub_idx').on('article').columns(['publicColumnId', 'lastPublishedAt', 'id']).execute();
  await db.schema.createIndex('article_pub_idx').on('article').columns(['lastPublishedAt', 'id']).execute();
  await db.schema.createIndex('article_dept_status_idx').on('article').columns(['departmentId', 'status']).execute();

  await withId(db, db.schema.createTable('articleVersion'))
    .addColumn('articleId', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('bodyHtml', 'text', (c) => c.notNull())
    .addColumn('authorId', 'integer')
    .addColumn('reviewerId', 'integer')
    .addColumn('publishedAt', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('article_version_uq', ['articleId', 'version'])
    .execute();

  await db.schema
    .createTable('articleAttachment')
    .addColumn('articleId', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('fileId', 'integer', (c) => c.notNull().references('file.id').onDelete('cascade'))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_attachment_pk', ['articleId', 'fileId'])
    .execute();

  // The attachments each published version went out with: the working copy's list may change
  // in a new draft while the public keeps the published one.
  await db.schema
    .createTable('articleVersionAttachment')
    .addColumn('articleId', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fileId', 'integer', (c) => c.notNull().references('file.id').onDelete('restrict'))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_version_attachment_pk', ['articleId', 'version', 'fileId'])
    .execute();
  await db.schema.createIndex('article_version_attachment_file_idx').on('articleVersionAttachment').column('fileId').execute();
}

/** Drops the portal tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['articleVersionAttachment', 'articleAttachment', 'articleVersion', 'article', 'portalColumn']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
