import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { sqliteHandleOf } from '../../db/connect.js';
import { isPostgres } from '../../db/schema-helpers.js';
import type { EnterpriseTable } from './enterprises.table.js';
import type { EnterpriseRecord } from './enterprises.rows.js';

// Kysely queries of the enterprise directory, nothing else.

/** Existing enterprises among some credit codes: id and row hash. */
export function existingByCodes(trx: Executor, codes: string[]) {
  return codes.length === 0 ? Promise.resolve([]) : trx.selectFrom('enterprise').select(['id', 'creditCode', 'rowHash']).where('creditCode', 'in', codes).execute();
}

/** Inserts new enterprises; returns their ids and codes. */
export function insertMany(trx: Executor, rows: Array<EnterpriseRecord & { rowHash: string; registrationAsOf: string; createdAt: string; updatedAt: string }>) {
  return rows.length === 0 ? Promise.resolve([]) : trx.insertInto('enterprise').values(rows).returning(['id', 'creditCode']).execute();
}

/** Overwrites an enterprise's registration values. */
export async function updateRegistration(trx: Executor, id: number, r: EnterpriseRecord, rowHash: string, asOf: string, now: string): Promise<void> {
  await trx
    .updateTable('enterprise')
    .set({ ...r, rowHash, registrationAsOf: asOf, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** One enterprise by id. */
export function findById(db: Executor, id: number) {
  return db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One enterprise by credit code. */
export function findByCreditCode(db: Executor, code: string) {
  return db.selectFrom('enterprise').selectAll().where('creditCode', '=', code).executeTakeFirst();
}

/** How many enterprises there are. */
export async function count(db: Executor): Promise<number> {
  const r = await db.selectFrom('enterprise').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Credit codes of enterprises by id. */
export async function creditCodesOf(db: Executor, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await db.selectFrom('enterprise').select(['id', 'creditCode']).where('id', 'in', ids.slice(i, i + 1000)).execute()) {
      out.set(r.id, r.creditCode);
    }
  }
  return out;
}

/** The highest enterprise and declaration ids: they change whenever rows are added, cheaply read. */
export async function highWaterMarks(db: Executor): Promise<{ enterprise: number; declaration: number }> {
  const e = await db.selectFrom('enterprise').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  const d = await db.selectFrom('enterpriseDeclaration').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return { enterprise: Number(e?.m ?? 0), declaration: Number(d?.m ?? 0) };
}

/** The staff list's filter. */
export interface EnterpriseFilter {
  q?: string;
  town?: string;
  section?: string;
  size?: string;
}

/** A page of enterprises matching a filter, by name. */
export async function search(db: Executor, f: EnterpriseFilter, limit: number, offset: number) {
  let q = db.selectFrom('enterprise');
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'like', sql<string>`${like} escape '\\'`), eb('creditCode', '=', f.q!.toUpperCase())]));
  }
  if (f.town) {
    q = q.where('town', '=', f.town);
  }
  if (f.section) {
    q = q.where('industryCode', 'like', `${f.section}%`);
  }
  if (f.size === 'unknown') {
    q = q.where('size', 'is', null);
  } else if (f.size) {
    q = q.where('size', '=', f.size);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['id', 'creditCode', 'name', 'industryCode', 'size', 'sizeDerived', 'town', 'employees', 'registrationAsOf'])
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { rows, total: Number(total.n) };
}

/** The towns that occur, for the filter. */
export async function towns(db: Executor): Promise<string[]> {
  const r = await db.selectFrom('enterprise').select('town').distinct().where('town', 'is not', null).orderBy('town').execute();
  return r.map((x) => x.town!);
}

const FACT_COLUMNS = ['id', 'creditCode', 'name', 'enterpriseType', 'ownership', 'industryCode', 'size', 'sizeDerived', 'foundedOn', 'registeredCapital', 'town', 'employees', 'revenue', 'taxPaid', 'rdRatio', 'tags', 'registrationAsOf'] as const;

/** Enterprises for the facts loader: by ids, or the next `limit` after an id. */
export async function factRows(db: Executor, opts: { ids?: number[]; afterId?: number; limit: number }) {
  // Pages of the whole directory (the matcher reads a million rows) skip Kysely's per-row work on
  // SQLite. Only inside a transaction: it holds the one connection, so the read sees exactly its state.
  const raw = opts.ids || !db.isTransaction || isPostgres(db) ? undefined : sqliteHandleOf(db);
  if (raw) {
    const rows = raw
      .prepare<[number, number], unknown[]>(`select id, credit_code, name, enterprise_type, ownership, industry_code, size, size_derived, founded_on, registered_capital, town, employees, revenue, tax_paid, rd_ratio, tags, registration_as_of from enterprise where id > ? order by id limit ?`)
      .raw(true)
      .all(opts.afterId ?? 0, opts.limit);
    return rows.map((r): FactRow => ({
      id: r[0] as number,
      creditCode: r[1] as string,
      name: r[2] as string,
      enterpriseType: r[3] as string,
      ownership: r[4] as string | null,
      industryCode: r[5] as string,
      size: r[6] as string | null,
      sizeDerived: r[7] as number,
      foundedOn: r[8] as string,
      registeredCapital: r[9] as number | null,
      town: r[10] as string | null,
      employees: r[11] as number | null,
      revenue: r[12] as number | null,
      taxPaid: r[13] as number | null,
      rdRatio: r[14] as number | null,
      tags: r[15] as string,
      registrationAsOf: r[16] as string,
    }));
  }
  let q = db.selectFrom('enterprise').select([...FACT_COLUMNS]);
  if (opts.ids) {
    q = q.where('id', 'in', opts.ids);
  }
  if (opts.afterId !== undefined) {
    q = q.where('id', '>', opts.afterId);
  }
  return q.orderBy('id').limit(opts.limit).execute();
}
/** A row of the facts loader. */
export type FactRow = Pick<Selectable<EnterpriseTable>, (typeof FACT_COLUMNS)[number]>;

/** Declarations of enterprises with ids in [from, to] (or in a list), oldest first. */
export function declarationsFor(db: Executor, sel: { from: number; to: number } | { ids: number[] }) {
  let q = db.selectFrom('enterpriseDeclaration').select(['id', 'enterpriseId', 'factKey', 'value', 'declaredAt', 'userId']);
  q = 'ids' in sel ? q.where('enterpriseId', 'in', sel.ids) : q.where('enterpriseId', '>=', sel.from).where('enterpriseId', '<=', sel.to);
  return q.orderBy('enterpriseId').orderBy('id').execute();
}

/** Stores declarations. */
export async function insertDeclarations(trx: Executor, rows: Array<{ enterpriseId: number; factKey: string; value: string; declaredAt: string; userId: number | null }>): Promise<void> {
  if (rows.length > 0) {
    await trx.insertInto('enterpriseDeclaration').values(rows).execute();
  }
}

// ---------------- import reports

/** Opens an import report. */
export async function createImport(db: Executor, v: { fileName: string; format: string; asOf: string; startedAt: string; userId: number | null }): Promise<number> {
  const r = await db
    .insertInto('enterpriseImport')
    .values({ ...v, status: 'running', inserted: 0, updated: 0, unchanged: 0, refused: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Closes an import report with its counts. */
export async function finishImport(db: Executor, id: number, v: { status: string; finishedAt: string; inserted: number; updated: number; unchanged: number; refused: number }): Promise<void> {
  await db.updateTable('enterpriseImport').set(v).where('id', '=', id).execute();
}

/** Stores refused rows of an import. */
export async function insertRefusals(db: Executor, rows: Array<{ importId: number; line: number; creditCode: string; problems: string; raw: string }>): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('enterpriseImportRefusal').values(rows).execute();
  }
}

/** Import reports, newest first. */
export async function listImports(db: Executor, limit: number, offset: number) {
  const total = await db.selectFrom('enterpriseImport').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('enterpriseImport').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { rows, total: Number(total.n) };
}

/** One import report. */
export function findImport(db: Executor, id: number) {
  return db.selectFrom('enterpriseImport').selectAll().where('id', '=', id).executeTakeFirst();
}
/** An import report row. */
export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

/** The stored refused rows of an import, by line. */
export function refusalsOf(db: Executor, importId: number) {
  return db.selectFrom('enterpriseImportRefusal').select(['line', 'creditCode', 'problems', 'raw']).where('importId', '=', importId).orderBy('line').execute();
}
