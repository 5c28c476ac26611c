import crypto from 'node:crypto';
import type { Executor } from '../../http/context.js';
import { enterpriseCount, enterpriseHighWaterMarks, loadEnterpriseFacts, type EnterpriseFacts } from '../enterprises/index.js';
import { ColumnBuilder, type FactColumns } from './navigator.compile.js';
import * as repo from './navigator.repository.js';

// Every enterprise's facts as columns, kept in memory between matches: re-matching one changed policy
// against a million enterprises is then a few tens of milliseconds of evaluation instead of reading the
// directory again. The cache is valid while the database's facts token and high-water marks are the
// ones it was built on. Changed enterprises get a new token in the transaction that changed them
// (factsChanged); the cache patches its rows and takes the new token, so if that transaction rolls
// back, the token in the database no longer matches and the next use rebuilds. Other instances see the
// new token and rebuild. Rows are added to the directory only by the import, which also changes the
// high-water marks.

const TOKEN_KEY = 'navigator.facts_token';
const PAGE = 10_000;

interface Cached {
  token: string;
  enterprise: number;
  declaration: number;
  builder: ColumnBuilder;
  creditCodes: string[];
}

let cached: Cached | undefined;

/** Every enterprise's facts as columns, with the credit codes by row. */
export interface DirectoryColumns {
  cols: FactColumns;
  creditCodes: string[];
}

async function tokenOf(db: Executor): Promise<string> {
  const token = await repo.readSetting(db, TOKEN_KEY);
  if (token) {
    return token;
  }
  const fresh = crypto.randomUUID();
  await repo.writeSetting(db, TOKEN_KEY, fresh);
  return fresh;
}

/** The whole directory as columns: from the cache when it is current, else read again page by page. */
export async function directoryColumns(db: Executor): Promise<DirectoryColumns> {
  // One consistent view of the token, the marks and every page.
  return db.isTransaction ? load(db) : db.transaction().execute(load);
}

async function load(db: Executor): Promise<DirectoryColumns> {
  const token = await tokenOf(db);
  const marks = await enterpriseHighWaterMarks(db);
  if (cached && cached.token === token && cached.enterprise === marks.enterprise && cached.declaration === marks.declaration) {
    return { cols: cached.builder.cols, creditCodes: cached.creditCodes };
  }
  cached = undefined;
  // Rows may be added while we read on another connection; the marks read first keep the cache honest.
  const builder = new ColumnBuilder(await enterpriseCount(db), { shared: true });
  const creditCodes: string[] = [];
  let row = 0;
  for (let afterId = 0; row < builder.cols.size; ) {
    const page = await loadEnterpriseFacts(db, { afterId, limit: PAGE });
    if (page.length === 0) {
      break;
    }
    for (const e of page) {
      if (row < builder.cols.size) {
        builder.set(row, e);
        creditCodes.push(e.creditCode);
        row += 1;
      }
    }
    afterId = page[page.length - 1]!.enterpriseId;
  }
  if (row !== builder.cols.size) {
    throw new Error(`the directory changed while it was read (${row} of ${builder.cols.size} rows)`);
  }
  cached = { token, ...marks, builder, creditCodes };
  return { cols: builder.cols, creditCodes };
}

/** The row of an enterprise id in the columns (ids ascend), or -1. */
function rowOf(cols: FactColumns, id: number): number {
  let lo = 0;
  let hi = cols.size - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = cols.ids[mid]!;
    if (v === id) {
      return mid;
    }
    if (v < id) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return -1;
}

/**
 * Inside the transaction that changed these enterprises: gives the directory a new facts token and,
 * when the cache was current, writes their new facts into it (new enterprises drop the cache).
 */
export async function factsChanged(trx: Executor, changed: readonly EnterpriseFacts[]): Promise<void> {
  const before = await tokenOf(trx);
  const token = crypto.randomUUID();
  await repo.writeSetting(trx, TOKEN_KEY, token);
  if (!cached || cached.token !== before) {
    cached = undefined;
    return;
  }
  const rows = changed.map((e) => rowOf(cached!.builder.cols, e.enterpriseId));
  if (rows.some((r) => r < 0)) {
    cached = undefined;
    return;
  }
  changed.forEach((e, k) => cached!.builder.set(rows[k]!, e));
  const marks = await enterpriseHighWaterMarks(trx);
  cached = { ...cached, token, ...marks };
}

/** Forgets the cache (tests, and the benchmark's cold runs). */
export function dropDirectoryCache(): void {
  cached = undefined;
}
