import type { Kysely } from 'kysely';

/** 政务服务大厅: halls at three levels, windows and the items each accepts, 24-hour terminals, "where can I do this". */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('serviceHallsPlaceholder').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('serviceHallsPlaceholder').ifExists().execute();
}
