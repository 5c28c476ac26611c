import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-helpers.js';

// Full-text index of published policies over words pre-cut by jieba (platform/search). The two engines
// index differently, so this migration speaks each one's SQL: an FTS5 table on SQLite, a tsvector with
// a GIN index on PostgreSQL. The queries live in modules/policies/policies.search.ts.

/** Creates the policy full-text index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create table policy_search (policy_id integer primary key references policy(id) on delete cascade, tokens tsvector not null)`.execute(db);
    await sql`create index policy_search_tokens_idx on policy_search using gin (tokens)`.execute(db);
  } else {
    // The words arrive separated by spaces; unicode61 splits on them and keeps each Chinese word whole.
    await sql`create virtual table policy_fts using fts5(tokens, tokenize = 'unicode61')`.execute(db);
  }
}

/** Drops the policy full-text index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(isPostgres(db) ? 'drop table if exists policy_search' : 'drop table if exists policy_fts').execute(db);
}
