import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import { indexText } from '../../platform/search/segment.js';

// The only place with engine-specific search SQL for the catalogue. Both engines store the same
// jieba-cut words (search mode, so 许可 is found inside 食品经营许可) and require every query word.

/** The text of an item that search reads: its name, code, theme, body, basis, conditions, result and materials. */
export function searchText(item: { name: string; code: string; theme: string; implementingBody: string; legalBasis: string; conditions: string; resultName: string }, materialNames: readonly string[]): string {
  return [item.name, item.code, item.theme, item.implementingBody, item.resultName, item.conditions, item.legalBasis, ...materialNames].join('\n');
}

/** Puts items' words into the index, replacing what was there (in chunks, for imports and the demo). */
export async function indexItems(db: Executor, items: ReadonlyArray<{ id: number; text: string }>): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500).map((it) => ({ id: it.id, tokens: indexText(it.text) }));
    const ids = chunk.map((c) => c.id);
    if (isPostgres(db)) {
      const values = sql.join(chunk.map((c) => sql`(${c.id}, to_tsvector('simple', ${c.tokens}))`));
      await sql`insert into service_item_search (item_id, tokens) values ${values} on conflict (item_id) do update set tokens = excluded.tokens`.execute(db);
    } else {
      await sql`delete from service_item_fts where rowid in (${sql.join(ids)})`.execute(db);
      await sql`insert into service_item_fts (rowid, tokens) values ${sql.join(chunk.map((c) => sql`(${c.id}, ${c.tokens})`))}`.execute(db);
    }
  }
}

function ftsMatch(terms: string[]): string {
  // Each term is a quoted FTS5 string (quotes doubled), so no query syntax can be injected.
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** A subquery of the ids of items containing every term, for `where id in (…)`. */
export function matchingIds(db: Executor, terms: string[]): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(select item_id from service_item_search where tokens @@ plainto_tsquery('simple', ${terms.join(' ')}))`
    : sql<number>`(select rowid from service_item_fts where service_item_fts match ${ftsMatch(terms)})`;
}
