import type { Generated } from 'kysely';

// Table interfaces of expropriation (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** An expropriation project (征收项目): one decision, one area, disclosed through its phases. */
export interface ExpropriationProjectTable {
  id: Generated<number>;
  /** Short address key, e.g. longsha-2026-01. */
  code: string;
  name: string;
  /** The department that runs it (its staff edit it). */
  departmentId: number;
  /** 征收决定 document number, e.g. 龙政征字〔2026〕1号. */
  decisionNumber: string;
  /** before / during / after / closed */
  phase: string;
  summary: string;
  centreLat: number | null;
  centreLng: number | null;
  radiusM: number | null;
  /** Days the owners have to choose a valuer by negotiation (local rule; 10 by default). */
  valuerDays: number;
  /** The compensation scheme's comment period (国令590 Art. 10: at least 30 calendar days). */
  commentOpensOn: string | null;
  commentClosesOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A key date of a project (调查登记开始, 征收决定公告 …); directory items fall due from these. */
export interface ExpropriationEventTable {
  id: Generated<number>;
  projectId: number;
  kind: string;
  occurredOn: string;
  note: string;
}

/** One row of a project's disclosure directory (公开目录), with every STANDARDS §2 field and its publication. */
export interface ExpropriationItemTable {
  id: Generated<number>;
  projectId: number;
  seq: number;
  /** before / during / after */
  phase: string;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  responsible: string;
  /** JSON: { channelKey: 'required' | 'optional' } */
  channels: string;
  /** public / households */
  audience: string;
  /** proactive / on_request */
  mode: string;
  /** county / township */
  level: string;
  /** The event kind whose date starts the 20-working-day clock. */
  triggerEvent: string;
  publishedOn: string | null;
  link: string | null;
  fileId: number | null;
  updatedAt: string;
}

/** A household under expropriation (被征收户) and its compensation record. */
export interface ExpropriationHouseholdTable {
  id: Generated<number>;
  projectId: number;
  /** 户号, unique in the project. */
  number: string;
  ownerName: string;
  /** Staff-only; never leaves the staff and self presenters. */
  idNumber: string;
  /** sha256 of project id and normalised ID number, for matching at sign-in and on import. */
  idHash: string;
  building: string;
  unit: string;
  room: string;
  /** Floor area in hundredths of a square metre (exact on both engines). */
  areaCm2: number;
  /** pending / registered / disputed */
  surveyStatus: string;
  surveyNote: string;
  /** pending / confirmed / disputed */
  rightsStatus: string;
  /** Amounts in whole yuan. */
  valuation: number | null;
  /** monetary / exchange */
  scheme: string | null;
  compensation: number | null;
  subsidy: number | null;
  /** unsigned / signed */
  signingStatus: string;
  signedOn: string | null;
  selectionOrder: number | null;
  /** unpaid / paid */
  paymentStatus: string;
  paidOn: string | null;
  /** sha256 of the household's access code (the code itself is shown once). */
  accessCodeHash: string | null;
  version: number;
  /** Date of the latest correction, shown publicly as 更正于. */
  correctedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A household record as it was before a correction. */
export interface ExpropriationHouseholdVersionTable {
  id: Generated<number>;
  householdId: number;
  version: number;
  /** JSON of the record before the change. */
  snapshot: string;
  reason: string;
  changedBy: number | null;
  changedAt: string;
}

/** A household's own sign-in (access code + ID number): the token's sha256 and when it ends. */
export interface ExpropriationHouseholdSessionTable {
  id: string;
  householdId: number;
  createdAt: string;
  expiresAt: string;
}

/** An agency-service case (代办): one set of materials handed in, documents fetched on the household's behalf. */
export interface ExpropriationAgencyCaseTable {
  id: Generated<number>;
  projectId: number;
  householdId: number;
  submittedOn: string;
  completedOn: string | null;
  /** elderly / disabled, when the household may ask for a home visit. */
  specialGroup: string | null;
  homeVisitOn: string | null;
  /** 回访 satisfaction 1–5. */
  satisfaction: number | null;
  callbackOn: string | null;
  callbackNote: string;
  createdAt: string;
}

/** A document fetched from another department for an agency case. */
export interface ExpropriationAgencyDocumentTable {
  id: Generated<number>;
  caseId: number;
  /** property_record / disability_or_subsistence / household_register … */
  kind: string;
  department: string;
  requestedOn: string;
  receivedOn: string | null;
}

/** The module's tables. */
export interface ExpropriationTables {
  expropriationProject: ExpropriationProjectTable;
  expropriationEvent: ExpropriationEventTable;
  expropriationItem: ExpropriationItemTable;
  expropriationHousehold: ExpropriationHouseholdTable;
  expropriationHouseholdVersion: ExpropriationHouseholdVersionTable;
  expropriationHouseholdSession: ExpropriationHouseholdSessionTable;
  expropriationAgencyCase: ExpropriationAgencyCaseTable;
  expropriationAgencyDocument: ExpropriationAgencyDocumentTable;
}
