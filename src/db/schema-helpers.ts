import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

// Migrations receive only a Kysely instance; the adapter tells us which engine it speaks.
/** True when the migration runs on PostgreSQL. */
export function isPostgres(db: { getExecutor(): { readonly adapter: object } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an auto-increment integer primary key `id` in the engine's own idiom. */
export function withId<T extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Binary column type: bytea on PostgreSQL, blob on SQLite. */
export function blobType(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`bytea` : sql`blob`;
}
