import type { Kysely } from 'kysely';
import { blobType } from '../schema-helpers.js';

/**
 * Stored matches as tiles: for each policy, four bits per enterprise in blocks of 16,384 enterprise ids,
 * and one bit for "pushed" (navigator.tiles.ts says what they mean). A million enterprises × a thousand
 * policies is about 62,000 rows instead of hundreds of millions, so a full match can store every
 * result — near misses included — in seconds. The hash and the pushed bits come before the classes
 * in the row, so a re-match reads them without reading the classes, and writes only the tiles that
 * changed. policyMatchRun keeps each policy's counts and rule version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyMatch').ifExists().execute();
  await db.schema
    .createTable('policyMatchTile')
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('tile', 'integer', (c) => c.notNull())
    .addColumn('hash', 'integer', (c) => c.notNull())
    .addColumn('pushed', blobType(db), (c) => c.notNull())
    .addColumn('classes', blobType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_match_tile_pk', ['policyId', 'tile'])
    .execute();
  await db.schema.createIndex('policy_match_tile_tile_idx').on('policyMatchTile').columns(['tile', 'policyId']).execute();

  await db.schema
    .createTable('policyMatchRun')
    .addColumn('policyId', 'integer', (c) => c.primaryKey().references('policy.id').onDelete('cascade'))
    .addColumn('ruleId', 'integer', (c) => c.references('policyRule.id').onDelete('set null'))
    .addColumn('referenceDate', 'varchar(10)', (c) => c.notNull())
    .addColumn('matchedAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('near', 'integer', (c) => c.notNull())
    .addColumn('unknown', 'integer', (c) => c.notNull())
    .execute();
}

/** Back to one row per stored match (the rows themselves are not recovered: run `gongkai match`). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyMatchRun').ifExists().execute();
  await db.schema.dropTable('policyMatchTile').ifExists().execute();
  await db.schema
    .createTable('policyMatch')
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('enterpriseId', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('ruleId', 'integer', (c) => c.notNull().references('policyRule.id').onDelete('cascade'))
    .addColumn('verdict', 'varchar(10)', (c) => c.notNull())
    .addColumn('nearMiss', 'varchar(40)')
    .addColumn('leafVerdicts', 'varchar(120)', (c) => c.notNull())
    .addColumn('referenceDate', 'varchar(10)', (c) => c.notNull())
    .addColumn('matchedAt', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_match_pk', ['policyId', 'enterpriseId'])
    .execute();
  await db.schema.createIndex('policy_match_enterprise_idx').on('policyMatch').columns(['enterpriseId', 'verdict']).execute();
}
