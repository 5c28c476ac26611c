import type { Kysely } from 'kysely';

/** Registrations looked up by ID number within a campaign, for the rule that one person holds no overlapping sessions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('open_day_registration_id_number_idx').on('openDayRegistration').columns(['campaignId', 'idNumber']).execute();
}

/** Drops the index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('open_day_registration_id_number_idx').ifExists().execute();
}
