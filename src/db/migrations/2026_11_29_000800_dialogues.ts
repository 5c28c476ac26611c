import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Online dialogues (在线访谈): the dialogue, its guests, linked policies and the public's questions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('dialogue'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('restrict'))
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('startsAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('endsAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('videoUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('replayUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('transcript', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('publishedAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_status_idx').on('dialogue').columns(['status', 'endsAt']).execute();
  await db.schema.createIndex('dialogue_department_idx').on('dialogue').columns(['departmentId']).execute();

  await withId(db, db.schema.createTable('dialogueGuest'))
    .addColumn('dialogueId', 'integer', (c) => c.notNull().references('dialogue.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('post', 'varchar(120)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dialogue_guest_dialogue_idx').on('dialogueGuest').columns(['dialogueId', 'seq']).execute();

  await withId(db, db.schema.createTable('dialoguePolicy'))
    .addColumn('dialogueId', 'integer', (c) => c.notNull().references('dialogue.id').onDelete('cascade'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('dialogue_policy_unique', ['dialogueId', 'policyId'])
    .execute();
  await db.schema.createIndex('dialogue_policy_policy_idx').on('dialoguePolicy').columns(['policyId']).execute();

  await withId(db, db.schema.createTable('dialogueQuestion'))
    .addColumn('dialogueId', 'integer', (c) => c.notNull().references('dialogue.id').onDelete('cascade'))
    .addColumn('askerName', 'varchar(30)', (c) => c.notNull())
    .addColumn('contact', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('submittedAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('rejectReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answeredByName', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('answeredByPost', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('answeredAt', 'varchar(30)')
    .addColumn('moderatorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('dialogue_question_dialogue_idx').on('dialogueQuestion').columns(['dialogueId', 'status']).execute();
}

/** Drops the dialogue tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dialogueQuestion').ifExists().execute();
  await db.schema.dropTable('dialoguePolicy').ifExists().execute();
  await db.schema.dropTable('dialogueGuest').ifExists().execute();
  await db.schema.dropTable('dialogue').ifExists().execute();
}
