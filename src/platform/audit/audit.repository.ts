import { sql } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';

const HEAD_KEY = 'audit.head';

interface Head {
  hash: string;
  count: number;
}

function parseHead(value: string | undefined): Head | null {
  return value ? (JSON.parse(value) as Head) : null;
}

/** Reads the chain head and, on PostgreSQL, locks it until the transaction ends. */
export async function lockHead(trx: Executor): Promise<Head | null> {
  if (isPostgres(trx)) {
    // The first writer ever has no head row to lock; an advisory lock covers that moment too.
    await sql`select pg_advisory_xact_lock(7318001)`.execute(trx);
  }
  const row = await trx.selectFrom('setting').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  return parseHead(row?.value);
}

/** Reads the chain head without locking. */
export async function readHead(db: Executor): Promise<Head | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  return parseHead(row?.value);
}

/** Stores the new head. */
export async function saveHead(trx: Executor, head: Head, isNew: boolean): Promise<void> {
  const value = JSON.stringify(head);
  if (isNew) {
    await trx.insertInto('setting').values({ key: HEAD_KEY, value }).execute();
  } else {
    await trx.updateTable('setting').set({ value }).where('key', '=', HEAD_KEY).execute();
  }
}

/** Appends one row. */
export async function insertEntry(
  trx: Executor,
  row: {
    at: string;
    actorId: number | null;
    actorName: string;
    action: string;
    entityType: string;
    entityId: string;
    beforeJson: string | null;
    afterJson: string | null;
    ip: string;
    requestId: string;
    prevHash: string;
    hash: string;
  },
): Promise<void> {
  await trx.insertInto('auditLog').values(row).execute();
}

/** A batch of entries in chain order. */
export async function entriesAfter(db: Executor, afterId: number, limit: number) {
  return db.selectFrom('auditLog').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Filters for browsing the log. */
export interface AuditFilter {
  entityType?: string;
  action?: string;
  actorId?: number;
  beforeId?: number;
}

/** A page of entries, newest first (keyset pagination on id, so deep pages stay fast). */
export async function listEntries(db: Executor, f: AuditFilter, limit: number) {
  let q = db.selectFrom('auditLog').selectAll();
  if (f.entityType) {
    q = q.where('entityType', '=', f.entityType);
  }
  if (f.action) {
    q = q.where('action', '=', f.action);
  }
  if (f.actorId !== undefined) {
    q = q.where('actorId', '=', f.actorId);
  }
  if (f.beforeId !== undefined) {
    q = q.where('id', '<', f.beforeId);
  }
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Distinct entity types present, for the filter menu. */
export async function entityTypes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('auditLog').select('entityType').distinct().orderBy('entityType').execute();
  return rows.map((r) => r.entityType);
}
