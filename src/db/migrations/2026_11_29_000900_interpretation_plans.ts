import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Tables for interpretation plans (解读计划备案) and their reminders. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('interpretationPlanEntry'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('restrict'))
    .addColumn('policyId', 'integer', (c) => c.references('policy.id').onDelete('set null'))
    .addColumn('plannedTitle', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('expectedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('forms', 'varchar(200)', (c) => c.notNull())
    .addColumn('channels', 'varchar(200)', (c) => c.notNull())
    .addColumn('interpreterName', 'varchar(60)', (c) => c.notNull())
    .addColumn('interpreterPost', 'varchar(120)', (c) => c.notNull())
    .addColumn('outline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('filedOn', 'varchar(10)')
    .addColumn('returnNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_plan_entry_year_idx').on('interpretationPlanEntry').columns(['year', 'departmentId']).execute();
  await db.schema.createIndex('interpretation_plan_entry_policy_idx').on('interpretationPlanEntry').column('policyId').execute();

  await withId(db, db.schema.createTable('interpretationPlanReminder'))
    .addColumn('entryId', 'integer', (c) => c.notNull().references('interpretationPlanEntry.id').onDelete('cascade'))
    .addColumn('dueOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('dedupeKey', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interpretation_plan_reminder_entry_idx').on('interpretationPlanReminder').column('entryId').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interpretationPlanReminder').ifExists().execute();
  await db.schema.dropTable('interpretationPlanEntry').ifExists().execute();
}
