import type { Generated } from 'kysely';

// Table interfaces of service-cases (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** An item's application form and its 秒批 rule. */
export interface ServiceItemFormTable {
  id: Generated<number>;
  itemId: number;
  /** JSON FormField[] */
  fields: string;
  /** JSON InstantRule, '' when none */
  instantRule: string;
  updatedBy: number | null;
  updatedAt: string;
}

/** The last case number given on a China date. */
export interface ServiceCaseCounterTable {
  day: string;
  lastNo: number;
}

/** One application (办件) from submission to delivery. */
export interface ServiceCaseTable {
  id: Generated<number>;
  caseNumber: string;
  itemId: number;
  departmentId: number;
  /** person / enterprise */
  applicantKind: string;
  applicantUserId: number | null;
  applicantName: string;
  applicantIdNumber: string;
  applicantMobile: string;
  /** online / window */
  channel: string;
  hallId: number | null;
  windowId: number | null;
  /** JSON {fieldKey: value} */
  data: string;
  status: string;
  instant: Generated<number>;
  correctionCount: Generated<number>;
  /** JSON [{name, problem}] */
  correctionItems: Generated<string>;
  correctionNote: Generated<string>;
  correctionFrom: string | null;
  correctionTo: string | null;
  promisedDays: number;
  acceptedOn: string | null;
  dueOn: string | null;
  decisionNote: Generated<string>;
  result: Generated<string>;
  /** window / online / post */
  deliveryMethod: string | null;
  /** The due date a reminder was sent for (the job sends one per due date). */
  reminderSentFor: string | null;
  overdueFlaggedAt: string | null;
  submittedAt: string;
  decidedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

/** One step in a case's timeline. */
export interface ServiceCaseEventTable {
  id: Generated<number>;
  caseId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: number | null;
  actorName: string;
  note: Generated<string>;
  at: string;
}

/** An uploaded material of a case. */
export interface ServiceCaseMaterialTable {
  id: Generated<number>;
  caseId: number;
  name: string;
  fileId: number;
  uploadedAt: string;
}

/** A 好差评 rating with its follow-up and appeal. */
export interface ServiceRatingTable {
  id: Generated<number>;
  ratingKey: string;
  caseId: number;
  itemId: number;
  departmentId: number;
  windowId: number | null;
  /** online / onsite */
  channel: string;
  /** 5 非常满意 … 1 非常不满意 */
  level: number;
  comment: Generated<string>;
  raterName: string;
  recordedBy: number | null;
  ratedOn: string;
  createdAt: string;
  followUpStatus: Generated<string>;
  followUpDueOn: string | null;
  followUpMethod: string | null;
  followUpNote: Generated<string>;
  followUpOn: string | null;
  fixByOn: string | null;
  followUpBy: number | null;
  followUpOverdueAt: string | null;
  appealStatus: Generated<string>;
  appealReason: Generated<string>;
  appealDecisionNote: Generated<string>;
  appealedAt: string | null;
  appealDecidedAt: string | null;
  excluded: Generated<number>;
}

export interface ServiceCasesTables {
  serviceItemForm: ServiceItemFormTable;
  serviceCaseCounter: ServiceCaseCounterTable;
  serviceCase: ServiceCaseTable;
  serviceCaseEvent: ServiceCaseEventTable;
  serviceCaseMaterial: ServiceCaseMaterialTable;
  serviceRating: ServiceRatingTable;
}
