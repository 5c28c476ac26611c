import type { Kysely } from 'kysely';

/** 一窗式 cases: window acceptance, corrections, back-office decision, delivery, instant approval, ratings (好差评) and follow-up. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('serviceCasesPlaceholder').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('serviceCasesPlaceholder').ifExists().execute();
}
