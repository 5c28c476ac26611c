import type { Kysely } from 'kysely';

/** Tables for interpretations. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Filled in with the module.
}

/** Drops what `up` added. */
export async function down(_db: Kysely<unknown>): Promise<void> {
  // Filled in with the module.
}
