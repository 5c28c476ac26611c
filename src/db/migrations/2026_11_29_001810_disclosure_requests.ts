import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/** 依申请公开: applications, the statutory clock, replies, fees, the annual-report tables and requests turned into proactive disclosure. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A topic staff assign to requests for the same information; once published proactively it links the article.
  await withId(db, db.schema.createTable('disclosureTopic'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('keywords', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('articleId', 'integer')
    .addColumn('columnSlug', 'varchar(60)')
    .addColumn('publishedOn', 'varchar(10)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_topic_department_idx').on('disclosureTopic').columns(['departmentId']).execute();

  await withId(db, db.schema.createTable('disclosureRequest'))
    .addColumn('trackingNumber', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('secretHash', 'varchar(64)', (c) => c.notNull())
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id'))
    .addColumn('userId', 'integer', (c) => c.references('user.id'))
    .addColumn('applicantCategory', 'varchar(20)', (c) => c.notNull())
    .addColumn('applicantName', 'varchar(100)', (c) => c.notNull())
    .addColumn('organisationName', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('idNumber', 'varchar(30)', (c) => c.notNull())
    .addColumn('proofFileId', 'integer', (c) => c.references('file.id'))
    .addColumn('phone', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('infoName', 'varchar(300)', (c) => c.notNull())
    .addColumn('infoDocNumber', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('infoDescription', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('preferredForm', 'varchar(20)', (c) => c.notNull())
    .addColumn('delivery', 'varchar(20)', (c) => c.notNull())
    .addColumn('channel', 'varchar(20)', (c) => c.notNull())
    .addColumn('handedInOn', 'varchar(10)')
    .addColumn('signedForOn', 'varchar(10)')
    .addColumn('confirmedOn', 'varchar(10)')
    .addColumn('receivedOn', 'varchar(10)')
    .addColumn('state', 'varchar(30)', (c) => c.notNull())
    .addColumn('correctionRequestedOn', 'varchar(10)')
    .addColumn('correctionNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('correctionDays', 'integer')
    .addColumn('correctedOn', 'varchar(10)')
    .addColumn('extensionDays', 'integer')
    .addColumn('extensionApprovedOn', 'varchar(10)')
    .addColumn('extensionApprover', 'varchar(100)')
    .addColumn('extensionReason', 'text')
    .addColumn('feeMode', 'varchar(20)')
    .addColumn('feePages', 'integer')
    .addColumn('feeAmount', 'integer')
    .addColumn('feeIssuedOn', 'varchar(10)')
    .addColumn('feePaidOn', 'varchar(10)')
    .addColumn('dueOn', 'varchar(10)')
    .addColumn('replyType', 'varchar(30)')
    .addColumn('replyText', 'text')
    .addColumn('replyPlace', 'varchar(300)')
    .addColumn('outcome', 'varchar(30)')
    .addColumn('outcomeReason', 'varchar(30)')
    .addColumn('closedOn', 'varchar(10)')
    .addColumn('topicId', 'integer', (c) => c.references('disclosureTopic.id'))
    .addColumn('submittedAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_request_department_state_idx').on('disclosureRequest').columns(['departmentId', 'state']).execute();
  await db.schema.createIndex('disclosure_request_state_due_idx').on('disclosureRequest').columns(['state', 'dueOn']).execute();
  await db.schema.createIndex('disclosure_request_user_idx').on('disclosureRequest').columns(['userId']).execute();
  await db.schema.createIndex('disclosure_request_received_idx').on('disclosureRequest').columns(['receivedOn']).execute();
  await db.schema.createIndex('disclosure_request_closed_idx').on('disclosureRequest').columns(['closedOn']).execute();
  await db.schema.createIndex('disclosure_request_topic_idx').on('disclosureRequest').columns(['topicId']).execute();
  await db.schema.createIndex('disclosure_request_applicant_idx').on('disclosureRequest').columns(['idNumber', 'receivedOn']).execute();

  await withId(db, db.schema.createTable('disclosureConsultation'))
    .addColumn('requestId', 'integer', (c) => c.notNull().references('disclosureRequest.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('party', 'varchar(200)', (c) => c.notNull())
    .addColumn('sentOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('answeredOn', 'varchar(10)')
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('disclosure_consultation_request_idx').on('disclosureConsultation').columns(['requestId']).execute();

  await withId(db, db.schema.createTable('disclosureEvent'))
    .addColumn('requestId', 'integer', (c) => c.notNull().references('disclosureRequest.id').onDelete('cascade'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('action', 'varchar(30)', (c) => c.notNull())
    .addColumn('stateFrom', 'varchar(30)')
    .addColumn('stateTo', 'varchar(30)', (c) => c.notNull())
    .addColumn('actorName', 'varchar(100)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('disclosure_event_request_idx').on('disclosureEvent').columns(['requestId', 'at']).execute();

  await db.schema
    .createTable('disclosureAttachment')
    .addColumn('requestId', 'integer', (c) => c.notNull().references('disclosureRequest.id').onDelete('cascade'))
    .addColumn('fileId', 'integer', (c) => c.notNull().references('file.id'))
    .addColumn('filename', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_attachment_pk', ['requestId', 'fileId'])
    .execute();

  await withId(db, db.schema.createTable('disclosureDispute'))
    .addColumn('requestId', 'integer', (c) => c.notNull().references('disclosureRequest.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('filedOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(20)', (c) => c.notNull())
    .addColumn('decidedOn', 'varchar(10)')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('disclosure_dispute_request_idx').on('disclosureDispute').columns(['requestId']).execute();
  await db.schema.createIndex('disclosure_dispute_filed_idx').on('disclosureDispute').columns(['filedOn']).execute();
}

/** Drops this module's tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['disclosureDispute', 'disclosureAttachment', 'disclosureEvent', 'disclosureConsultation', 'disclosureRequest', 'disclosureTopic']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
