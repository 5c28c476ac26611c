import type { Kysely } from 'kysely';

/**
 * Need adoption (需求采纳): a published proposal of the needs survey records the open point it became
 * and when, so the public sees which of their proposals were taken up. Deleting the point clears it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('openDayNeed').addColumn('adoptedPointId', 'integer', (c) => c.references('openPoint.id').onDelete('set null')).execute();
  await db.schema.alterTable('openDayNeed').addColumn('adoptedAt', 'varchar(30)').execute();
  await db.schema.createIndex('open_day_need_adopted_point_idx').on('openDayNeed').column('adoptedPointId').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('open_day_need_adopted_point_idx').ifExists().execute();
  for (const c of ['adoptedAt', 'adoptedPointId']) {
    await db.schema.alterTable('openDayNeed').dropColumn(c).execute();
  }
}
