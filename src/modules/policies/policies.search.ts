import { sql } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import { sqliteHandleOf } from '../../db/connect.js';
import type { FacetColumns } from './policies.facets.js';
import { indexText } from '../../platform/search/segment.js';

// The only place with engine-specific search SQL. Both engines store the same jieba-cut words and
// require every query word to match; they differ in syntax and in how relevance is scored.

/** Puts a policy's words into the index (replacing what was there). */
export async function indexPolicy(db: Executor, policyId: number, text: string): Promise<void> {
  const tokens = indexText(text);
  if (isPostgres(db)) {
    await sql`insert into policy_search (policy_id, tokens) values (${policyId}, to_tsvector('simple', ${tokens}))
      on conflict (policy_id) do update set tokens = excluded.tokens`.execute(db);
  } else {
    await sql`delete from policy_fts where rowid = ${policyId}`.execute(db);
    await sql`insert into policy_fts (rowid, tokens) values (${policyId}, ${tokens})`.execute(db);
  }
}

/** Takes a policy out of the index. */
export async function unindexPolicy(db: Executor, policyId: number): Promise<void> {
  await (isPostgres(db) ? sql`delete from policy_search where policy_id = ${policyId}` : sql`delete from policy_fts where rowid = ${policyId}`).execute(db);
}

function ftsMatch(terms: string[]): string {
  // Each term is a quoted FTS5 string (quotes doubled), so no query syntax can be injected.
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * Ids of the indexed policies containing every term, most relevant first (ties: newer id first).
 * On SQLite outside a transaction the ids are read straight from better-sqlite3 (one column, no row
 * objects): for a common word that is ~40,000 ids and Kysely's per-row mapping would double the time.
 */
export async function rankedIds(db: Executor, terms: string[]): Promise<Int32Array> {
  if (isPostgres(db)) {
    const r = await sql<{ pid: number }>`select policy_id as pid from policy_search, plainto_tsquery('simple', ${terms.join(' ')}) q
        where tokens @@ q order by ts_rank(tokens, q) desc, policy_id desc`.execute(db);
    return Int32Array.from(r.rows, (x) => Number(x.pid));
  }
  const raw = sqliteHandleOf(db);
  const query = 'select rowid from policy_fts where policy_fts match ? order by bm25(policy_fts), rowid desc';
  if (raw) {
    return Int32Array.from(raw.prepare<[string], number>(query).pluck().all(ftsMatch(terms)));
  }
  const r = await sql<{ pid: number }>`select rowid as pid from policy_fts where policy_fts match ${ftsMatch(terms)} order by bm25(policy_fts), rowid desc`.execute(db);
  return Int32Array.from(r.rows, (x) => Number(x.pid));
}

/**
 * The facet values of every published policy, column by column. On SQLite outside a transaction one
 * aggregate row carries each column joined by a unit separator: three times faster than 100,000 row
 * objects, and this load runs after every publication.
 */
export async function facetColumns(db: Executor): Promise<FacetColumns> {
  const raw = isPostgres(db) ? undefined : sqliteHandleOf(db);
  if (raw) {
    const US = '\u001f';
    const row = raw
      .prepare<[], string[]>(
        `select group_concat(id, char(31)), group_concat(theme, char(31)), group_concat(issuing_organ, char(31)),
           group_concat(coalesce(published_on, ''), char(31)), group_concat(validity, char(31)), group_concat(department_id, char(31))
         from policy where status = 'published'`,
      )
      .raw()
      .get();
    if (!row || row[0] === null) {
      return { id: [], theme: [], organ: [], publishedOn: [], validity: [], departmentId: [] };
    }
    const [id, theme, organ, publishedOn, validity, dept] = row.map((c) => c.split(US));
    return { id: Int32Array.from(id!, Number), theme: theme!, organ: organ!, publishedOn: publishedOn!, validity: validity!, departmentId: Int32Array.from(dept!, Number) };
  }
  const rows = await db.selectFrom('policy').select(['id', 'theme', 'issuingOrgan', 'publishedOn', 'validity', 'departmentId']).where('status', '=', 'published').execute();
  return {
    id: rows.map((r) => r.id),
    theme: rows.map((r) => r.theme),
    organ: rows.map((r) => r.issuingOrgan),
    publishedOn: rows.map((r) => r.publishedOn ?? ''),
    validity: rows.map((r) => r.validity),
    departmentId: rows.map((r) => r.departmentId),
  };
}
