import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
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

/**
 * A derived table (pid, score) of the policies containing every term; a lower score is more relevant
 * on both engines (FTS5's bm25 is negative-better; ts_rank is negated to match).
 */
export function matches(db: Executor, terms: string[]): RawBuilder<{ pid: number; score: number }> {
  if (isPostgres(db)) {
    return sql<{ pid: number; score: number }>`(select policy_id as pid, -ts_rank(tokens, q) as score
      from policy_search, plainto_tsquery('simple', ${terms.join(' ')}) q where tokens @@ q)`;
  }
  // Each term is a quoted FTS5 string (quotes doubled), so no query syntax can be injected.
  const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
  return sql<{ pid: number; score: number }>`(select rowid as pid, bm25(policy_fts) as score from policy_fts where policy_fts match ${match})`;
}
