import type { Generated } from 'kysely';

// Table interfaces (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** One version of a policy's eligibility rule, in force from `effectiveFrom`. */
export interface PolicyRuleTable {
  id: Generated<number>;
  policyId: number;
  version: number;
  /** The first day this version judges (YYYY-MM-DD). */
  effectiveFrom: string;
  /** The Condition tree as JSON (navigator.rules.ts). */
  tree: string;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

/** A worked example (like an OpenFisca test): an enterprise profile and the verdict the editor expects. */
export interface PolicyRuleExampleTable {
  id: Generated<number>;
  policyId: number;
  name: string;
  referenceDate: string;
  /** EnterpriseFacts['facts'] as JSON. */
  facts: string;
  /** met / not_met / unknown / near (not met, one condition away). */
  expected: string;
  createdAt: string;
}

/** A policy's stored matches for 16,384 consecutive enterprise ids (navigator.tiles.ts). */
export interface PolicyMatchTileTable {
  policyId: number;
  tile: number;
  /** A hash of classes: a re-match compares it instead of reading the classes. */
  hash: number;
  /** One bit per enterprise: this policy has been pushed to it. */
  pushed: Uint8Array;
  /** Four bits per enterprise: the verdict and a near miss's missing leaf. */
  classes: Uint8Array;
}

/** The last match of a policy: the rule version that judged, the reference date and the counts. */
export interface PolicyMatchRunTable {
  policyId: number;
  ruleId: number | null;
  referenceDate: string;
  matchedAt: string;
  met: number;
  near: number;
  unknown: number;
}

/** New matches of one run for many enterprises, packed, turned into notifications by a job (navigator.push.ts). */
export interface PushBatchTable {
  id: Generated<number>;
  topic: string;
  referenceDate: string;
  /** How many enterprises the payload holds. */
  entries: number;
  /** How many of them have been notified. */
  cursor: number;
  /** Int32 little-endian, per enterprise: id, count of new policies, then LISTED policy ids (0 = none). */
  payload: Uint8Array;
  createdAt: string;
  finishedAt: string | null;
}

/** A policy's application guide (申报指南): window, support, materials, steps, where to apply. */
export interface PolicyGuideTable {
  policyId: number;
  applyFrom: string | null;
  applyUntil: string | null;
  /** none / fixed (a set amount) / rate (a share of a money fact, capped). */
  supportKind: string;
  /** 万元, for fixed. */
  supportAmount: number | null;
  /** The money fact a rate applies to (revenue, taxPaid …). */
  supportFact: string | null;
  /** Percent, for rate. */
  supportRate: number | null;
  /** 万元, the most a rate gives. */
  supportCap: number | null;
  /** Support categories (创新发展 …), space-separated: the quick search filters by them. */
  categories: string;
  /** Policies sharing this label may not be enjoyed together (不得重复享受); '' = combines with any. */
  exclusionGroup: string;
  supportText: string;
  /** One material per line. */
  materials: string;
  /** One step per line. */
  steps: string;
  onlineUrl: string;
  officeAddress: string;
  officeHours: string;
  officePhone: string;
  updatedAt: string;
}

/** The tables this part owns, gathered into db/database.ts. */
export interface NavigatorTables {
  policyGuide: PolicyGuideTable;
  policyRule: PolicyRuleTable;
  policyRuleExample: PolicyRuleExampleTable;
  policyMatchTile: PolicyMatchTileTable;
  policyMatchRun: PolicyMatchRunTable;
  pushBatch: PushBatchTable;
}
