import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * The navigator: each policy's eligibility rules (versioned by the day they take effect), the worked
 * examples that must pass before the policy is published, and the stored matches with their
 * explanation (met, near miss, undecided — a plain "not met" is not stored).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('policyRule'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effectiveFrom', 'varchar(10)', (c) => c.notNull())
    .addColumn('tree', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('createdBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('policy_rule_version_uq', ['policyId', 'version'])
    .execute();

  await withId(db, db.schema.createTable('policyRuleExample'))
    .addColumn('policyId', 'integer', (c) => c.notNull().references('policy.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('referenceDate', 'varchar(10)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('expected', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();

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

  await db.schema
    .createTable('policyGuide')
    .addColumn('policyId', 'integer', (c) => c.primaryKey().references('policy.id').onDelete('cascade'))
    .addColumn('applyFrom', 'varchar(10)')
    .addColumn('applyUntil', 'varchar(10)')
    .addColumn('supportKind', 'varchar(10)', (c) => c.notNull().defaultTo('none'))
    .addColumn('supportAmount', 'double precision')
    .addColumn('supportFact', 'varchar(40)')
    .addColumn('supportRate', 'double precision')
    .addColumn('supportCap', 'double precision')
    .addColumn('categories', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('exclusionGroup', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('supportText', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('steps', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('onlineUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('officeAddress', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('officeHours', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('officePhone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
}

/** Drops the navigator's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policyGuide').ifExists().execute();
  await db.schema.dropTable('policyMatch').ifExists().execute();
  await db.schema.dropTable('policyRuleExample').ifExists().execute();
  await db.schema.dropTable('policyRule').ifExists().execute();
}
