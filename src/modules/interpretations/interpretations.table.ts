// Table interfaces of this module (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** The tables this module owns, gathered into db/database.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterpretationsTables {}
