import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * 一窗式 cases: each item's application form and 秒批 rule, cases with their events and materials,
 * the per-day case number counter, and 好差评 ratings with follow-ups and appeals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('serviceItemForm'))
    .addColumn('itemId', 'integer', (c) => c.notNull().unique().references('serviceItem.id').onDelete('cascade'))
    // JSON [{key, label, type, required, options}]
    .addColumn('fields', 'text', (c) => c.notNull())
    // JSON {all: [{field, op, value}]} or '' when the item has no 秒批 rule.
    .addColumn('instantRule', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updatedBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();

  // One row per China date: the last case number given that day (GM-YYYYMMDD-NNNNNN).
  await db.schema
    .createTable('serviceCaseCounter')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('lastNo', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('serviceCase'))
    .addColumn('caseNumber', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('itemId', 'integer', (c) => c.notNull().references('serviceItem.id'))
    // Copied from the item at submission: the back office that decides (queues filter on it).
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('applicantKind', 'varchar(12)', (c) => c.notNull())
    .addColumn('applicantUserId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('applicantName', 'varchar(120)', (c) => c.notNull())
    // 居民身份证号码 or 统一社会信用代码
    .addColumn('applicantIdNumber', 'varchar(20)', (c) => c.notNull())
    .addColumn('applicantMobile', 'varchar(20)', (c) => c.notNull().defaultTo(''))
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    // Halls and windows are wired later: plain integers, no FK.
    .addColumn('hallId', 'integer')
    .addColumn('windowId', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    .addColumn('instant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('correctionCount', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON [{name, problem}]: every missing or incorrect material of the one correction round.
    .addColumn('correctionItems', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('correctionNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('correctionFrom', 'varchar(10)')
    .addColumn('correctionTo', 'varchar(10)')
    .addColumn('promisedDays', 'integer', (c) => c.notNull())
    .addColumn('acceptedOn', 'varchar(10)')
    .addColumn('dueOn', 'varchar(10)')
    .addColumn('decisionNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deliveryMethod', 'varchar(10)')
    .addColumn('reminderSentFor', 'varchar(10)')
    .addColumn('overdueFlaggedAt', 'varchar(30)')
    .addColumn('submittedAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('decidedAt', 'varchar(30)')
    .addColumn('closedAt', 'varchar(30)')
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_case_applicant_idx').on('serviceCase').columns(['applicantUserId', 'submittedAt']).execute();
  await db.schema.createIndex('service_case_status_idx').on('serviceCase').columns(['status', 'dueOn']).execute();
  await db.schema.createIndex('service_case_department_idx').on('serviceCase').columns(['departmentId', 'status']).execute();
  await db.schema.createIndex('service_case_item_idx').on('serviceCase').columns(['itemId']).execute();

  await withId(db, db.schema.createTable('serviceCaseEvent'))
    .addColumn('caseId', 'integer', (c) => c.notNull().references('serviceCase.id').onDelete('cascade'))
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('fromStatus', 'varchar(24)')
    .addColumn('toStatus', 'varchar(24)', (c) => c.notNull())
    .addColumn('actorUserId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('actorName', 'varchar(120)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_case_event_case_idx').on('serviceCaseEvent').columns(['caseId', 'id']).execute();

  await withId(db, db.schema.createTable('serviceCaseMaterial'))
    .addColumn('caseId', 'integer', (c) => c.notNull().references('serviceCase.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('fileId', 'integer', (c) => c.notNull().references('file.id'))
    .addColumn('uploadedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_case_material_case_idx').on('serviceCaseMaterial').columns(['caseId']).execute();

  await withId(db, db.schema.createTable('serviceRating'))
    // online:<caseId> or onsite:<caseId>:<date>: one rating per case online, one per visit on site.
    .addColumn('ratingKey', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('caseId', 'integer', (c) => c.notNull().references('serviceCase.id').onDelete('cascade'))
    .addColumn('itemId', 'integer', (c) => c.notNull().references('serviceItem.id'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('windowId', 'integer')
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    // 5 非常满意 … 1 非常不满意
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('raterName', 'varchar(120)', (c) => c.notNull())
    .addColumn('recordedBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('ratedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    // none / pending / done
    .addColumn('followUpStatus', 'varchar(10)', (c) => c.notNull().defaultTo('none'))
    .addColumn('followUpDueOn', 'varchar(10)')
    .addColumn('followUpMethod', 'varchar(20)')
    .addColumn('followUpNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('followUpOn', 'varchar(10)')
    .addColumn('fixByOn', 'varchar(10)')
    .addColumn('followUpBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('followUpOverdueAt', 'varchar(30)')
    // none / pending / upheld / dismissed
    .addColumn('appealStatus', 'varchar(10)', (c) => c.notNull().defaultTo('none'))
    .addColumn('appealReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('appealDecisionNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('appealedAt', 'varchar(30)')
    .addColumn('appealDecidedAt', 'varchar(30)')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('service_rating_department_idx').on('serviceRating').columns(['departmentId', 'excluded']).execute();
  await db.schema.createIndex('service_rating_follow_up_idx').on('serviceRating').columns(['followUpStatus', 'followUpDueOn']).execute();
  await db.schema.createIndex('service_rating_case_idx').on('serviceRating').columns(['caseId']).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['serviceRating', 'serviceCaseMaterial', 'serviceCaseEvent', 'serviceCase', 'serviceCaseCounter', 'serviceItemForm']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
