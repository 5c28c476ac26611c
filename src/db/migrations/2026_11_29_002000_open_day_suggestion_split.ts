import type { Kysely } from 'kysely';

/**
 * Suggestion split (建议拆分): a suggestion that raises several matters is split into parts, each
 * handled on its own path by its own unit. Each part records the suggestion it came from, so the
 * lineage stays public both ways (the whole lists its parts, each part names the whole).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('openDaySuggestion').addColumn('splitFromId', 'integer', (c) => c.references('openDaySuggestion.id').onDelete('set null')).execute();
  await db.schema.createIndex('open_day_suggestion_split_from_idx').on('openDaySuggestion').column('splitFromId').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('open_day_suggestion_split_from_idx').ifExists().execute();
  await db.schema.alterTable('openDaySuggestion').dropColumn('splitFromId').execute();
}
