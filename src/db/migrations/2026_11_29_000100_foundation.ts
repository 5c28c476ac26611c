import type { Kysely } from 'kysely';
import { blobType, withId } from '../schema-helpers.js';

// Timestamps are ISO-8601 UTC text on both engines: one representation, and text order is time order.
// Flags are 0/1 integers for the same reason.

/** Foundation: settings, departments, users, sessions, audit log, jobs, files. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('setting')
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('department'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('nameZh', 'varchar(200)', (c) => c.notNull())
    .addColumn('nameEn', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull().defaultTo('department'))
    .addColumn('functions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('officeHours', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('headName', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('headTitle', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('sortOrder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('user'))
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('displayName', 'varchar(100)', (c) => c.notNull())
    .addColumn('passwordHash', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('email', 'varchar(200)')
    .addColumn('mobile', 'varchar(20)')
    .addColumn('creditCode', 'varchar(18)', (c) => c.unique())
    .addColumn('enterpriseName', 'varchar(200)')
    .addColumn('residentId', 'varchar(18)')
    .addColumn('failedLogins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockedUntil', 'varchar(30)')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lastLoginAt', 'varchar(30)')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('updatedAt', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('userDepartment')
    .addColumn('userId', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('departmentId', 'integer', (c) => c.notNull().references('department.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_department_pk', ['userId', 'departmentId'])
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('userId', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('csrfToken', 'varchar(64)', (c) => c.notNull())
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('lastSeenAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('expiresAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('ip', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('userAgent', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('userId').execute();

  await withId(db, db.schema.createTable('auditLog'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actorId', 'integer')
    .addColumn('actorName', 'varchar(100)', (c) => c.notNull())
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('entityType', 'varchar(60)', (c) => c.notNull())
    .addColumn('entityId', 'varchar(60)', (c) => c.notNull())
    .addColumn('beforeJson', 'text')
    .addColumn('afterJson', 'text')
    .addColumn('ip', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('requestId', 'varchar(60)', (c) => c.notNull().defaultTo(''))
    .addColumn('prevHash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity_idx').on('auditLog').columns(['entityType', 'entityId']).execute();

  await withId(db, db.schema.createTable('job'))
    .addColumn('queue', 'varchar(60)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('idempotencyKey', 'varchar(200)', (c) => c.unique())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('runAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('maxAttempts', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('lockedBy', 'varchar(100)')
    .addColumn('lockedAt', 'varchar(30)')
    .addColumn('lastError', 'text')
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .addColumn('finishedAt', 'varchar(30)')
    .execute();
  await db.schema.createIndex('job_claim_idx').on('job').columns(['status', 'runAt']).execute();

  await withId(db, db.schema.createTable('file'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('mimeType', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', blobType(db), (c) => c.notNull())
    .addColumn('uploadedBy', 'integer', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('createdAt', 'varchar(30)', (c) => c.notNull())
    .execute();
}

/** Drops the foundation tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['file', 'job', 'auditLog', 'session', 'userDepartment', 'user', 'department', 'setting']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
