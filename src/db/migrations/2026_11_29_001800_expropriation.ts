import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** 房屋征收补偿公开: projects, the disclosure directory, households, channels (屏网图栏) and agency service (代办). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('expropriationProject'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('departmentId', 'integer', (c) => c.notNull())
    .addColumn('decisionNumber', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'varchar(10)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('centreLat', 'real')
    .addColumn('centreLng', 'real')
    .addColumn('radiusM', 'integer')
    .addColumn('valuerDays', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('commentOpensOn', 'varchar(10)')
    .addColumn('commentClosesOn', 'varchar(10)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expropriation_project_department_idx').on('expropriationProject').column('departmentId').execute();

  await withId(db, db.schema.createTable('expropriationEvent'))
    .addColumn('projectId', 'integer', (c) => c.notNull().references('expropriationProject.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('occurredOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('expropriation_event_project_idx').on('expropriationEvent').columns(['projectId', 'kind']).execute();

  await withId(db, db.schema.createTable('expropriationItem'))
    .addColumn('projectId', 'integer', (c) => c.notNull().references('expropriationProject.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('phase', 'varchar(10)', (c) => c.notNull())
    .addColumn('level1', 'varchar(100)', (c) => c.notNull())
    .addColumn('level2', 'varchar(100)', (c) => c.notNull())
    .addColumn('content', 'varchar(1000)', (c) => c.notNull())
    .addColumn('basis', 'varchar(500)', (c) => c.notNull())
    .addColumn('timeLimit', 'varchar(200)', (c) => c.notNull())
    .addColumn('responsible', 'varchar(200)', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('triggerEvent', 'varchar(40)', (c) => c.notNull())
    .addColumn('publishedOn', 'varchar(10)')
    .addColumn('link', 'varchar(500)')
    .addColumn('fileId', 'integer')
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expropriation_item_project_idx').on('expropriationItem').columns(['projectId', 'seq']).unique().execute();

  await withId(db, db.schema.createTable('expropriationHousehold'))
    .addColumn('projectId', 'integer', (c) => c.notNull().references('expropriationProject.id').onDelete('cascade'))
    .addColumn('number', 'varchar(30)', (c) => c.notNull())
    .addColumn('ownerName', 'varchar(60)', (c) => c.notNull())
    .addColumn('idNumber', 'varchar(18)', (c) => c.notNull())
    .addColumn('idHash', 'varchar(64)', (c) => c.notNull())
    .addColumn('building', 'varchar(30)', (c) => c.notNull())
    .addColumn('unit', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('room', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('areaCm2', 'integer', (c) => c.notNull())
    .addColumn('surveyStatus', 'varchar(20)', (c) => c.notNull())
    .addColumn('surveyNote', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('rightsStatus', 'varchar(20)', (c) => c.notNull())
    .addColumn('valuation', 'integer')
    .addColumn('scheme', 'varchar(20)')
    .addColumn('compensation', 'integer')
    .addColumn('subsidy', 'integer')
    .addColumn('signingStatus', 'varchar(20)', (c) => c.notNull())
    .addColumn('signedOn', 'varchar(10)')
    .addColumn('selectionOrder', 'integer')
    .addColumn('paymentStatus', 'varchar(20)', (c) => c.notNull())
    .addColumn('paidOn', 'varchar(10)')
    .addColumn('accessCodeHash', 'varchar(64)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('correctedOn', 'varchar(10)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expropriation_household_number_idx').on('expropriationHousehold').columns(['projectId', 'number']).unique().execute();
  await db.schema.createIndex('expropriation_household_building_idx').on('expropriationHousehold').columns(['projectId', 'building', 'number']).execute();
  // Covers the grouped counts behind the list totals and the progress figures.
  await db.schema.createIndex('expropriation_household_groups_idx').on('expropriationHousehold').columns(['projectId', 'building', 'signingStatus', 'scheme']).execute();
  await db.schema.createIndex('expropriation_household_signing_idx').on('expropriationHousehold').columns(['projectId', 'signingStatus', 'signedOn']).execute();
  await db.schema.createIndex('expropriation_household_code_idx').on('expropriationHousehold').column('accessCodeHash').unique().execute();
  await db.schema.createIndex('expropriation_household_id_hash_idx').on('expropriationHousehold').columns(['projectId', 'idHash']).execute();

  await withId(db, db.schema.createTable('expropriationHouseholdVersion'))
    .addColumn('householdId', 'integer', (c) => c.notNull().references('expropriationHousehold.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('changedBy', 'integer')
    .addColumn('changedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expropriation_household_version_idx').on('expropriationHouseholdVersion').columns(['householdId', 'version']).unique().execute();

  await db.schema
    .createTable('expropriationHouseholdSession')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('householdId', 'integer', (c) => c.notNull().references('expropriationHousehold.id').onDelete('cascade'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('expiresAt', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('expropriationAgencyCase'))
    .addColumn('projectId', 'integer', (c) => c.notNull().references('expropriationProject.id').onDelete('cascade'))
    .addColumn('householdId', 'integer', (c) => c.notNull().references('expropriationHousehold.id').onDelete('cascade'))
    .addColumn('submittedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('completedOn', 'varchar(10)')
    .addColumn('specialGroup', 'varchar(20)')
    .addColumn('homeVisitOn', 'varchar(10)')
    .addColumn('satisfaction', 'integer')
    .addColumn('callbackOn', 'varchar(10)')
    .addColumn('callbackNote', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expropriation_agency_project_idx').on('expropriationAgencyCase').columns(['projectId', 'submittedOn']).execute();

  await withId(db, db.schema.createTable('expropriationAgencyDocument'))
    .addColumn('caseId', 'integer', (c) => c.notNull().references('expropriationAgencyCase.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('department', 'varchar(100)', (c) => c.notNull())
    .addColumn('requestedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('receivedOn', 'varchar(10)')
    .execute();
  await db.schema.createIndex('expropriation_agency_document_idx').on('expropriationAgencyDocument').column('caseId').execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['expropriationAgencyDocument', 'expropriationAgencyCase', 'expropriationHouseholdSession', 'expropriationHouseholdVersion', 'expropriationHousehold', 'expropriationItem', 'expropriationEvent', 'expropriationProject']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
