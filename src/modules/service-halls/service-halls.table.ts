import type { Generated } from 'kysely';

// Table interfaces of service-halls (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** Placeholder until the module's tables land; replace with the real table interfaces. */
export interface ServiceHallsTables {
  serviceHallsPlaceholder: { id: Generated<number> };
}
