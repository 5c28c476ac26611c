import type { Generated } from 'kysely';

// Table interfaces of the old-vs-new comparison (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** An editor's numbered note (变化一、变化二 …) on how a policy differs from the one it replaces. */
export interface PolicyChangeNoteTable {
  id: Generated<number>;
  /** The new policy (the one that names the replaced policy in replacesId). */
  policyId: number;
  /** Position from 1; shown as 变化一, 变化二 … */
  seq: number;
  title: string;
  body: string;
  /** Anchors (tiao-5 …) of the new policy's articles the note explains, space-separated. */
  newAnchors: string;
  /** Anchors of the old policy's articles it explains (removed ones, mostly), space-separated. */
  oldAnchors: string;
  authorId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The tables the comparison owns, gathered into db/database.ts. */
export interface PolicyComparisonTables {
  policyChangeNote: PolicyChangeNoteTable;
}
