import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** Tables for the enterprise directory: enterprises, self-declared facts, import reports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('enterprise'))
    .addColumn('creditCode', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('enterpriseType', 'varchar(20)', (c) => c.notNull())
    .addColumn('ownership', 'varchar(20)')
    .addColumn('industryCode', 'varchar(5)', (c) => c.notNull())
    .addColumn('size', 'varchar(10)')
    .addColumn('sizeDerived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('foundedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('registeredCapital', 'real')
    .addColumn('town', 'varchar(50)')
    .addColumn('legalRepresentative', 'varchar(50)')
    .addColumn('legalMobile', 'varchar(11)')
    .addColumn('employees', 'integer')
    .addColumn('revenue', 'real')
    .addColumn('taxPaid', 'real')
    .addColumn('rdRatio', 'real')
    .addColumn('tags', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('registrationAsOf', 'varchar(10)', (c) => c.notNull())
    .addColumn('rowHash', 'varchar(40)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_name_idx').on('enterprise').column('name').execute();
  await db.schema.createIndex('enterprise_town_idx').on('enterprise').columns(['town', 'industryCode']).execute();

  await withId(db, db.schema.createTable('enterpriseDeclaration'))
    .addColumn('enterpriseId', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('factKey', 'varchar(30)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('declaredAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('userId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('enterprise_declaration_idx').on('enterpriseDeclaration').columns(['enterpriseId', 'id']).execute();

  await withId(db, db.schema.createTable('enterpriseImport'))
    .addColumn('fileName', 'varchar(200)', (c) => c.notNull())
    .addColumn('format', 'varchar(10)', (c) => c.notNull())
    .addColumn('asOf', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('startedAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('finishedAt', 'varchar(30)')
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('userId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .execute();

  await withId(db, db.schema.createTable('enterpriseImportRefusal'))
    .addColumn('importId', 'integer', (c) => c.notNull().references('enterpriseImport.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('creditCode', 'varchar(60)', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('enterprise_import_refusal_idx').on('enterpriseImportRefusal').columns(['importId', 'line']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('enterpriseImportRefusal').ifExists().execute();
  await db.schema.dropTable('enterpriseImport').ifExists().execute();
  await db.schema.dropTable('enterpriseDeclaration').ifExists().execute();
  await db.schema.dropTable('enterprise').ifExists().execute();
}
