import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Interpretations (政策解读) of policies, each in one form and signed by its first interpreter; their
 * question-and-answer pairs; the public's "was this helpful?" votes; the form-preference survey.
 */
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
  await db.schema.createIndex('interpretation_published_idx').on('interpretation').columns(['status', 'publishedOn']).execute();

  await withId(db, db.schema.createTable('interpretationQa'))
    .addColumn('interpretationId', 'integer', (c) => c.notNull().references('interpretation.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_qa_idx').on('interpretationQa').columns(['interpretationId', 'seq']).unique().execute();

  await withId(db, db.schema.createTable('interpretationFeedback'))
    .addColumn('interpretationId', 'integer', (c) => c.notNull().references('interpretation.id').onDelete('cascade'))
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('userId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_feedback_idx').on('interpretationFeedback').columns(['interpretationId', 'createdAt']).execute();

  await withId(db, db.schema.createTable('interpretationSurvey'))
    .addColumn('respondentType', 'varchar(20)', (c) => c.notNull())
    .addColumn('preferredForm', 'varchar(20)', (c) => c.notNull())
    /** 1 yes, 0 no, null not answered. */
    .addColumn('graphicNecessary', 'integer')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
}

/** Drops the interpretation tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interpretationSurvey').ifExists().execute();
  await db.schema.dropTable('interpretationFeedback').ifExists().execute();
  await db.schema.dropTable('interpretationQa').ifExists().execute();
  await db.schema.dropTable('interpretation').ifExists().execute();
}
