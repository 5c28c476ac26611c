import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from '../schema-helpers.js';

/**
 * 政务服务事项目录: service items with the guide fields of the national standard (STANDARDS.md §3),
 * their materials, and the flags the district publishes (enterprise-related, no-visit approval,
 * instant approval, 24-hour terminals). Halls and one-window cases refer to these items.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('serviceItem'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull().unique())
    // Main item → sub item → business variant: the parent of a sub item or variant.
    .addColumn('parentId', 'integer', (c) => c.references('serviceItem.id').onDelete('set null'))
    // new / change / renewal / cancellation for a business variant, '' otherwise.
    .addColumn('variant', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // licensing / confirmation / adjudication / benefit / award / filing / other_power / public_service
    .addColumn('itemType', 'varchar(20)', (c) => c.notNull())
    // The supervising (responsible) department.
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('implementingBody', 'varchar(200)', (c) => c.notNull())
    .addColumn('legalBasis', 'text', (c) => c.notNull().defaultTo(''))
    // national / province / city / county / township / village
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    // 主题分类 shown on the public pages (开办企业, 工程建设, 社会保障 …).
    .addColumn('theme', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    // person / legal_person / both
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    // on_the_spot (即办件) / promise (承诺件)
    .addColumn('caseType', 'varchar(20)', (c) => c.notNull())
    .addColumn('visitsNeeded', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('visitsReason', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    // none / information / download / online_submission / fully_online (全程网办)
    .addColumn('onlineDepth', 'varchar(30)', (c) => c.notNull())
    .addColumn('statutoryDays', 'integer', (c) => c.notNull())
    .addColumn('promisedDays', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo(''))
    // JSON [{ step: accept|review|approve|conclude|deliver, description, days }]
    .addColumn('steps', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON [{ name, days, basis, countedInLimit }]
    .addColumn('specialSteps', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resultType', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('resultName', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('resultSampleFileId', 'integer', (c) => c.references('file.id').onDelete('set null'))
    .addColumn('deliveryMethods', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('deliveryDays', 'integer')
    // Address down to the window, hours, enquiry and complaint phones and addresses.
    .addColumn('place', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('enquiryPhone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('complaintPhone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('feeCharged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('feeBasis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('onlinePayment', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON [{ q, a }]
    .addColumn('faq', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('enterpriseRelated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('noVisit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('instantApproval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('selfServiceTerminal', 'integer', (c) => c.notNull().defaultTo(0))
    // draft / published / withdrawn
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_item_department_idx').on('serviceItem').columns(['departmentId', 'status']).execute();
  await db.schema.createIndex('service_item_theme_idx').on('serviceItem').columns(['theme', 'status']).execute();
  // The browse pages: published items in code order, filtered by any of these columns; the index
  // covers every filter so counting and paging never read the wide rows (20,000 items: ~3 ms, not ~60).
  await db.schema
    .createIndex('service_item_browse_idx')
    .on('serviceItem')
    .columns(['status', 'code', 'departmentId', 'theme', 'audience', 'itemType', 'enterpriseRelated', 'noVisit', 'instantApproval', 'selfServiceTerminal'])
    .execute();
  // The theme facet counts published items per theme from the index alone.
  await db.schema.createIndex('service_item_status_theme_idx').on('serviceItem').columns(['status', 'theme']).execute();
  // The item page lists an item's published sub items and variants in code order. With the parent alone,
  // SQLite preferred the covering browse index and walked every published item (11 ms at 20,000 items).
  await db.schema.createIndex('service_item_parent_idx').on('serviceItem').columns(['parentId', 'status', 'code']).execute();

  await withId(db, db.schema.createTable('serviceItemMaterial'))
    .addColumn('itemId', 'integer', (c) => c.notNull().references('serviceItem.id').onDelete('cascade'))
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // original / copy / original_and_copy / electronic
    .addColumn('form', 'varchar(30)', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('notes', 'varchar(400)', (c) => c.notNull().defaultTo(''))
    .addColumn('sampleFileId', 'integer', (c) => c.references('file.id').onDelete('set null'))
    .addColumn('blankFormFileId', 'integer', (c) => c.references('file.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('service_item_material_item_idx').on('serviceItemMaterial').columns(['itemId', 'sortOrder']).execute();

  // Full-text index of items over words pre-cut by jieba (platform/search), as for policies: FTS5 on
  // SQLite, a tsvector with a GIN index on PostgreSQL. Queries live in service-catalogue.search.ts.
  if (isPostgres(db)) {
    await sql`create table service_item_search (item_id integer primary key references service_item(id) on delete cascade, tokens tsvector not null)`.execute(db);
    await sql`create index service_item_search_tokens_idx on service_item_search using gin (tokens)`.execute(db);
  } else {
    await sql`create virtual table service_item_fts using fts5(tokens, tokenize = 'unicode61')`.execute(db);
  }
}

/** Drops the catalogue. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(isPostgres(db) ? 'drop table if exists service_item_search' : 'drop table if exists service_item_fts').execute(db);
  await db.schema.dropTable('serviceItemMaterial').ifExists().execute();
  await db.schema.dropTable('serviceItem').ifExists().execute();
}
