import type { Kysely } from 'kysely';
import { withId } from '../schema-helpers.js';

/**
 * Government open days (政务开放日): campaigns with themed days, open points at three levels with
 * sessions, the needs survey, real-name registration with waitlist and check-in, and the suggestions
 * that visitors and the online public send, routed, answered and converted into measures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('openDayCampaign'))
    .addColumn('slug', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('slogan', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('startsOn', 'varchar(10)', (c) => c.notNull())
    .addColumn('endsOn', 'varchar(10)', (c) => c.notNull())
    // The common template every open point fills: JSON [{key, titleZh, titleEn, hint}] plus the unified time and process text.
    .addColumn('templateSections', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unifiedTime', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('process', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('surveyOpensOn', 'varchar(10)')
    .addColumn('surveyClosesOn', 'varchar(10)')
    .addColumn('registrationOpensAt', 'varchar(30)')
    .addColumn('registrationClosesAt', 'varchar(30)')
    // Working days a routed unit has to answer a suggestion.
    .addColumn('answerDays', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_campaign_year_idx').on('openDayCampaign').columns(['year']).execute();

  await withId(db, db.schema.createTable('openDayTheme'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('titleZh', 'varchar(100)', (c) => c.notNull())
    .addColumn('titleEn', 'varchar(100)', (c) => c.notNull())
    .addColumn('sortOrder', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_theme_campaign_idx').on('openDayTheme').columns(['campaignId', 'day']).execute();

  await withId(db, db.schema.createTable('openPoint'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('themeId', 'integer', (c) => c.references('openDayTheme.id').onDelete('set null'))
    .addColumn('code', 'varchar(30)', (c) => c.notNull().unique())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('district', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('departmentId', 'integer', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('organiser', 'varchar(120)', (c) => c.notNull())
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The point's own content for each template section: JSON {sectionKey: text}.
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contactName', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('contactPhone', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('liveUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('replayUrl', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('onlineVisits', 'integer', (c) => c.notNull().defaultTo(0))
    // Places reserved for invited guests (人大代表, 政协委员, 市民代表) across the point's sessions.
    .addColumn('guestQuota', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_point_campaign_idx').on('openPoint').columns(['campaignId', 'level', 'district']).execute();
  await db.schema.createIndex('open_point_theme_idx').on('openPoint').columns(['themeId']).execute();

  await withId(db, db.schema.createTable('openPointSession'))
    .addColumn('pointId', 'integer', (c) => c.notNull().references('openPoint.id').onDelete('cascade'))
    .addColumn('startsAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('endsAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    // Confirmed places taken (public and guests), kept in the same transaction as the registration rows.
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlisted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('open_point_session_point_idx').on('openPointSession').columns(['pointId', 'startsAt']).execute();

  await withId(db, db.schema.createTable('openDayNeed'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('proposerName', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_need_campaign_idx').on('openDayNeed').columns(['campaignId', 'status', 'votes']).execute();

  await db.schema
    .createTable('openDayNeedVote')
    .addColumn('needId', 'integer', (c) => c.notNull().references('openDayNeed.id').onDelete('cascade'))
    // A hash of who voted (account, or the browser's vote cookie): one vote per need.
    .addColumn('voterKey', 'varchar(64)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_day_need_vote_pk', ['needId', 'voterKey'])
    .execute();

  await withId(db, db.schema.createTable('openDayRegistration'))
    .addColumn('sessionId', 'integer', (c) => c.notNull().references('openPointSession.id').onDelete('cascade'))
    .addColumn('pointId', 'integer', (c) => c.notNull().references('openPoint.id').onDelete('cascade'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('name', 'varchar(30)', (c) => c.notNull())
    .addColumn('mobile', 'varchar(20)', (c) => c.notNull())
    .addColumn('idNumber', 'varchar(18)')
    .addColumn('email', 'varchar(200)')
    .addColumn('userId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    // public / guest
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    // 人大代表 / 政协委员 / 市民代表 (guests only): deputy / member / citizen_rep
    .addColumn('guestCategory', 'varchar(20)')
    // confirmed / waitlisted / cancelled / checked_in / no_show
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('code', 'varchar(12)', (c) => c.notNull().unique())
    .addColumn('cancelToken', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('waitlistSeq', 'integer')
    .addColumn('checkedInAt', 'varchar(30)')
    .addColumn('cancelledAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_registration_session_idx').on('openDayRegistration').columns(['sessionId', 'status']).execute();
  await db.schema.createIndex('open_day_registration_mobile_idx').on('openDayRegistration').columns(['campaignId', 'mobile', 'status']).execute();
  await db.schema.createIndex('open_day_registration_point_idx').on('openDayRegistration').columns(['pointId', 'status']).execute();

  await withId(db, db.schema.createTable('openDayMeasure'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ownerDepartmentId', 'integer', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('owner', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    // planned / in_progress / done
    .addColumn('progress', 'varchar(20)', (c) => c.notNull())
    .addColumn('progressNote', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dueOn', 'varchar(10)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_measure_campaign_idx').on('openDayMeasure').columns(['campaignId']).execute();

  await withId(db, db.schema.createTable('openDaySuggestion'))
    .addColumn('campaignId', 'integer', (c) => c.notNull().references('openDayCampaign.id').onDelete('cascade'))
    .addColumn('pointId', 'integer', (c) => c.references('openPoint.id').onDelete('set null'))
    .addColumn('registrationId', 'integer', (c) => c.references('openDayRegistration.id').onDelete('set null'))
    // visit (by the point's QR code) / online
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('trackingCode', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitterName', 'varchar(30)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    // received / routed / answered / converted / partly_adopted / explained / not_adopted / merged / rejected
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('mergedIntoId', 'integer')
    .addColumn('departmentId', 'integer', (c) => c.references('department.id').onDelete('set null'))
    .addColumn('routedAt', 'varchar(30)')
    .addColumn('dueOn', 'varchar(10)')
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answeredAt', 'varchar(30)')
    .addColumn('outcomeReason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('measureId', 'integer', (c) => c.references('openDayMeasure.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_suggestion_campaign_idx').on('openDaySuggestion').columns(['campaignId', 'status']).execute();
  await db.schema.createIndex('open_day_suggestion_department_idx').on('openDaySuggestion').columns(['departmentId', 'status', 'dueOn']).execute();
  await db.schema.createIndex('open_day_suggestion_measure_idx').on('openDaySuggestion').columns(['measureId']).execute();

  await withId(db, db.schema.createTable('openDaySuggestionEvent'))
    .addColumn('suggestionId', 'integer', (c) => c.notNull().references('openDaySuggestion.id').onDelete('cascade'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actorId', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open_day_suggestion_event_idx').on('openDaySuggestionEvent').columns(['suggestionId', 'at']).execute();
}

/** Drops the open-day tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['openDaySuggestionEvent', 'openDaySuggestion', 'openDayMeasure', 'openDayRegistration', 'openDayNeedVote', 'openDayNeed', 'openPointSession', 'openPoint', 'openDayTheme', 'openDayCampaign']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
