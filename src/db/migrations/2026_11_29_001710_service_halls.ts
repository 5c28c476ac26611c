import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * 政务服务大厅: halls at district / street / community level with their hours and lunchtime service,
 * their windows and the catalogue items each window accepts, and 24-hour self-service terminals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('serviceHall'))
    .addColumn('code', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('parentId', 'integer', (c) => c.references('serviceHall.id').onDelete('set null'))
    .addColumn('street', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('phone', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    // Seven lists (Monday first) of [from, to] periods.
    .addColumn('weeklyHours', 'text', (c) => c.notNull())
    .addColumn('lunchFrom', 'varchar(5)', (c) => c.notNull().defaultTo(''))
    .addColumn('lunchTo', 'varchar(5)', (c) => c.notNull().defaultTo(''))
    .addColumn('opensOnHolidays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extraService', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('transport', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('services', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_hall_level_idx').on('serviceHall').columns(['level', 'street']).execute();
  await db.schema.createIndex('service_hall_parent_idx').on('serviceHall').columns(['parentId']).execute();

  await withId(db, db.schema.createTable('serviceWindow'))
    .addColumn('hallId', 'integer', (c) => c.notNull().references('serviceHall.id').onDelete('cascade'))
    .addColumn('number', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('departmentId', 'integer', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('service_window_number_uq', ['hallId', 'number'])
    .execute();
  await db.schema.createIndex('service_window_department_idx').on('serviceWindow').columns(['departmentId']).execute();

  await db.schema
    .createTable('serviceWindowItem')
    .addColumn('windowId', 'integer', (c) => c.notNull().references('serviceWindow.id').onDelete('cascade'))
    .addColumn('itemId', 'integer', (c) => c.notNull().references('serviceItem.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('service_window_item_pk', ['windowId', 'itemId'])
    .execute();
  // "Where can I do this?" reads windows by item.
  await db.schema.createIndex('service_window_item_item_idx').on('serviceWindowItem').columns(['itemId']).execute();

  await withId(db, db.schema.createTable('serviceTerminal'))
    .addColumn('code', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('hallId', 'integer', (c) => c.references('serviceHall.id').onDelete('set null'))
    .addColumn('placeKind', 'varchar(20)', (c) => c.notNull())
    .addColumn('street', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('hours', 'varchar(60)', (c) => c.notNull().defaultTo('00:00-24:00'))
    .addColumn('customItems', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_terminal_street_idx').on('serviceTerminal').columns(['street']).execute();
  await db.schema.createIndex('service_terminal_hall_idx').on('serviceTerminal').columns(['hallId']).execute();

  await db.schema
    .createTable('serviceTerminalItem')
    .addColumn('terminalId', 'integer', (c) => c.notNull().references('serviceTerminal.id').onDelete('cascade'))
    .addColumn('itemId', 'integer', (c) => c.notNull().references('serviceItem.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('service_terminal_item_pk', ['terminalId', 'itemId'])
    .execute();
  await db.schema.createIndex('service_terminal_item_item_idx').on('serviceTerminalItem').columns(['itemId']).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('serviceTerminalItem').ifExists().execute();
  await db.schema.dropTable('serviceTerminal').ifExists().execute();
  await db.schema.dropTable('serviceWindowItem').ifExists().execute();
  await db.schema.dropTable('serviceWindow').ifExists().execute();
  await db.schema.dropTable('serviceHall').ifExists().execute();
}
