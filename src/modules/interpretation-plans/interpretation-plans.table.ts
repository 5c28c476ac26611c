import type { Generated } from 'kysely';

// Table interfaces of this module (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** One entry of a department's yearly interpretation plan (解读计划备案). */
export interface InterpretationPlanEntryTable {
  id: Generated<number>;
  year: number;
  departmentId: number;
  /** The policy to interpret, when it exists (any status). */
  policyId: number | null;
  /** The planned title while the policy is not yet drafted ('' once linked). */
  plannedTitle: string;
  /** Expected publication day (YYYY-MM-DD). */
  expectedOn: string;
  /** Interpretation forms, comma-separated (full, key_points, qa, …). */
  forms: string;
  /** Publication channels, comma-separated codes (portal, new_media, …). */
  channels: string;
  interpreterName: string;
  interpreterPost: string;
  /** 解读提纲 (plain text, optional). */
  outline: string;
  /** draft / filed (备案, submitted to the general office) / returned (sent back with a note). */
  state: string;
  /** The day the entry was filed (Beijing time). */
  filedOn: string | null;
  returnNote: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A reminder about a plan entry: one automatic reminder per entry and due date, plus manual ones. */
export interface InterpretationPlanReminderTable {
  id: Generated<number>;
  entryId: number;
  /** The due date the reminder was about. */
  dueOn: string;
  /** auto:<entry>:<due> for the scheduled job (unique: never twice); manual:<entry>:<instant> otherwise. */
  dedupeKey: string;
  /** sending / sent / mail_disabled / no_recipients / failed */
  outcome: string;
  recipients: string;
  detail: string;
  createdAt: string;
  updatedAt: string;
}

/** The tables this module owns, gathered into db/database.ts. */
export interface InterpretationPlansTables {
  interpretationPlanEntry: InterpretationPlanEntryTable;
  interpretationPlanReminder: InterpretationPlanReminderTable;
}
