// Table interfaces of the old-vs-new comparison (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** The tables the comparison owns, gathered into db/database.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PolicyComparisonTables {}
