import type { Generated } from 'kysely';

// Table interfaces of expropriation (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** Placeholder until the module's tables land; replace with the real table interfaces. */
export interface ExpropriationTables {
  expropriationPlaceholder: { id: Generated<number> };
}
