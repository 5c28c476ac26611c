// The import of a registration file: streamed rows, validated one by one, upserted by credit code in
// batches (one transaction each), with a report of every refused row. Memory stays bounded: a batch of
// rows, the refused rows kept for the report (capped), and the set of credit codes seen so far (needed
// to refuse a duplicate later in the same file; ~60 MB for a million codes).
import type { Readable } from 'node:stream';
import type { Actor, Executor } from '../../http/context.js';
import type { FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { runEnterprisesChanged } from './enterprises.hooks.js';
import { csvRows, xlsxRows, type SourceRow } from './enterprises.readers.js';
import * as repo from './enterprises.repository.js';
import { parseEnterpriseRow, type EnterpriseRecord, type RawRow } from './enterprises.rows.js';

/** File formats the import reads. */
export type ImportFormat = 'csv' | 'xlsx';

/** Options of one import run. */
export interface ImportOptions {
  fileName: string;
  /** The registration file's date (登记数据日期); today in Beijing by default. */
  asOf?: string;
  /** Who runs it (audited when given). */
  actor?: Actor;
  /** Rows per transaction (5,000 by default: fewer commits, and the hooks get larger id lists). */
  batchSize?: number;
  /** Refused rows kept in detail; the rest are only counted. */
  maxStoredRefusals?: number;
}

/** A refused row and why. */
export interface RefusedRow {
  line: number;
  creditCode: string;
  problems: FieldProblem[];
  raw: RawRow;
}

/** What an import did. */
export interface ImportReport {
  id: number;
  fileName: string;
  format: ImportFormat;
  asOf: string;
  status: 'done' | 'failed';
  startedAt: string;
  finishedAt: string;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** The refused rows kept in detail (at most maxStoredRefusals). */
  refusals: RefusedRow[];
}

interface Pending {
  line: number;
  record: EnterpriseRecord;
  hash: string;
}

/** Rows per SQL statement: 21 parameters a row stays under SQLite's 32,766-parameter limit. */
const STATEMENT_ROWS = 1000;

/** Runs fn in its own transaction, or directly when the caller already holds one (the demo loader). */
function inTx<T>(db: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Writes one batch: inserts new codes, updates changed rows, skips unchanged ones, tells the hooks. */
async function writeBatch(trx: Executor, batch: Pending[], asOf: string): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const now = nowIso();
  const existing = new Map<string, { id: number; rowHash: string }>();
  for (let i = 0; i < batch.length; i += STATEMENT_ROWS) {
    for (const e of await repo.existingByCodes(trx, batch.slice(i, i + STATEMENT_ROWS).map((b) => b.record.creditCode))) {
      existing.set(e.creditCode, e);
    }
  }
  const fresh: Pending[] = [];
  const changedIds: number[] = [];
  let unchanged = 0;
  for (const b of batch) {
    const e = existing.get(b.record.creditCode);
    if (!e) {
      fresh.push(b);
    } else if (e.rowHash === b.hash) {
      unchanged++;
    } else {
      await repo.updateRegistration(trx, e.id, b.record, b.hash, asOf, now);
      changedIds.push(e.id);
    }
  }
  const updated = changedIds.length;
  let inserted = 0;
  for (let i = 0; i < fresh.length; i += STATEMENT_ROWS) {
    const rows = await repo.insertMany(
      trx,
      fresh.slice(i, i + STATEMENT_ROWS).map((b) => ({ ...b.record, rowHash: b.hash, registrationAsOf: asOf, createdAt: now, updatedAt: now })),
    );
    inserted += rows.length;
    changedIds.push(...rows.map((r) => r.id));
  }
  await runEnterprisesChanged(trx, changedIds);
  return { inserted, updated, unchanged };
}

/**
 * Imports a registration file (CSV or XLSX) streamed from `source`: upsert by credit code in
 * batches, each batch one transaction; a row with any problem is refused whole and reported; a
 * duplicate code later in the same file is refused; unchanged rows are counted, not written.
 */
export async function importEnterprises(db: Executor, source: Readable, format: ImportFormat, opts: ImportOptions): Promise<ImportReport> {
  const asOf = opts.asOf ?? todayInChina();
  const today = todayInChina();
  const batchSize = opts.batchSize ?? 5000;
  const maxStored = opts.maxStoredRefusals ?? 1000;
  const startedAt = nowIso();
  const id = await repo.createImport(db, { fileName: opts.fileName.slice(0, 200), format, asOf, startedAt, userId: opts.actor?.userId ?? null });
  const counts = { inserted: 0, updated: 0, unchanged: 0, refused: 0 };
  const refusals: RefusedRow[] = [];
  const seen = new Set<string>();
  let batch: Pending[] = [];
  let pendingRefusals: RefusedRow[] = [];

  const refuse = (line: number, creditCode: string, problems: FieldProblem[], raw: RawRow) => {
    counts.refused++;
    if (refusals.length < maxStored) {
      const r = { line, creditCode, problems, raw };
      refusals.push(r);
      pendingRefusals.push(r);
    }
  };
  const flush = async () => {
    const rows = batch;
    const refused = pendingRefusals;
    batch = [];
    pendingRefusals = [];
    const c = await inTx(db, async (trx) => {
      await repo.insertRefusals(
        trx,
        refused.map((r) => ({ importId: id, line: r.line, creditCode: r.creditCode.slice(0, 60), problems: JSON.stringify(r.problems), raw: JSON.stringify(r.raw) })),
      );
      return rows.length > 0 ? writeBatch(trx, rows, asOf) : { inserted: 0, updated: 0, unchanged: 0 };
    });
    counts.inserted += c.inserted;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
  };

  let status: ImportReport['status'] = 'done';
  try {
    const rows: AsyncIterable<SourceRow> = format === 'csv' ? csvRows(source) : xlsxRows(source);
    for await (const { line, raw } of rows) {
      const parsed = parseEnterpriseRow(raw, today);
      if (!parsed.ok) {
        refuse(line, parsed.creditCode, parsed.problems, raw);
      } else if (seen.has(parsed.record.creditCode)) {
        refuse(line, parsed.record.creditCode, [{ field: 'creditCode', key: 'enterprises.problem.duplicate' }], raw);
      } else {
        seen.add(parsed.record.creditCode);
        batch.push({ line, record: parsed.record, hash: parsed.hash });
      }
      if (batch.length >= batchSize || pendingRefusals.length >= batchSize) {
        await flush();
      }
    }
    await flush();
  } catch (err) {
    status = 'failed';
    await repo.finishImport(db, id, { status, finishedAt: nowIso(), ...counts });
    throw err;
  }
  const finishedAt = nowIso();
  await inTx(db, async (trx) => {
    await repo.finishImport(trx, id, { status, finishedAt, ...counts });
    if (opts.actor) {
      await recordAudit(trx, opts.actor, { action: 'enterprise.import', entityType: 'enterpriseImport', entityId: id, after: { fileName: opts.fileName, asOf, ...counts } });
    }
  });
  return { id, fileName: opts.fileName, format, asOf, status, startedAt, finishedAt, ...counts, refusals };
}
