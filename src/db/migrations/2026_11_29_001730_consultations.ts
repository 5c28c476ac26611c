import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** 征求意见: drafts with articles, rounds, comments anchored to articles, decisions and adoption reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('consultationDraft'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_draft_status_idx').on('consultationDraft').columns(['status']).execute();
  await db.schema.createIndex('consultation_draft_department_idx').on('consultationDraft').columns(['departmentId']).execute();

  await withId(db, db.schema.createTable('consultationRound'))
    .addColumn('draftId', 'integer', (c) => c.notNull().references('consultationDraft.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('opensOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('closesOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('shortenedReason', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('changeNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reportPublishedAt', 'varchar(30)')
    .addColumn('reportSummary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('consultation_round_seq_uq', ['draftId', 'seq'])
    .execute();
  await db.schema.createIndex('consultation_round_period_idx').on('consultationRound').columns(['closesOn', 'opensOn']).execute();

  await withId(db, db.schema.createTable('consultationArticle'))
    .addColumn('roundId', 'integer', (c) => c.notNull().references('consultationRound.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('chapter', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('heading', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('lineage', 'varchar(24)', (c) => c.notNull())
    .addColumn('fromIds', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('consultation_article_round_idx').on('consultationArticle').columns(['roundId', 'number']).execute();
  await db.schema.createIndex('consultation_article_lineage_idx').on('consultationArticle').columns(['lineage']).execute();

  await withId(db, db.schema.createTable('consultationEvent'))
    .addColumn('roundId', 'integer', (c) => c.notNull().references('consultationRound.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('heldOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_event_round_idx').on('consultationEvent').columns(['roundId']).execute();

  await withId(db, db.schema.createTable('consultationComment'))
    .addColumn('roundId', 'integer', (c) => c.notNull().references('consultationRound.id').onDelete('cascade'))
    .addColumn('articleId', 'integer', (c) => c.references('consultationArticle.id').onDelete('set null'))
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('eventId', 'integer', (c) => c.references('consultationEvent.id').onDelete('set null'))
    .addColumn('userId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('enterpriseName', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('commenterName', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('rejectKind', 'varchar(20)')
    .addColumn('rejectReason', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('moderatedAt', 'varchar(30)')
    .addColumn('groupId', 'integer')
    .addColumn('decision', 'varchar(20)')
    .addColumn('decisionReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decidedAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultation_comment_round_idx').on('consultationComment').columns(['roundId', 'status']).execute();
  await db.schema.createIndex('consultation_comment_article_idx').on('consultationComment').columns(['articleId']).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consultationComment').ifExists().execute();
  await db.schema.dropTable('consultationEvent').ifExists().execute();
  await db.schema.dropTable('consultationArticle').ifExists().execute();
  await db.schema.dropTable('consultationRound').ifExists().execute();
  await db.schema.dropTable('consultationDraft').ifExists().execute();
}
