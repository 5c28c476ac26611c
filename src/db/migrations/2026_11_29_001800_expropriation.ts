import type { Kysely } from 'kysely';

/** 房屋征收补偿公开: projects, the disclosure directory, households, channels (屏网图栏) and agency service (代办). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('expropriationPlaceholder').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('expropriationPlaceholder').ifExists().execute();
}
