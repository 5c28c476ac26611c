import type { Generated } from 'kysely';

// Table interfaces of disclosure-requests (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** A topic: requests for the same information, possibly published proactively afterwards. */
export interface DisclosureTopicTable {
  id: Generated<number>;
  departmentId: number;
  title: string;
  keywords: Generated<string>;
  articleId: number | null;
  columnSlug: string | null;
  publishedOn: string | null;
  createdAt: string;
}

/** An application (Art. 29) and its case: the facts of the clock, the reply, the fee and the outcome. */
export interface DisclosureRequestTable {
  id: Generated<number>;
  trackingNumber: string;
  /** sha256 of the secret link's token; the token itself is only ever shown once. */
  secretHash: string;
  departmentId: number;
  userId: number | null;
  applicantCategory: string;
  applicantName: string;
  organisationName: Generated<string>;
  /** Resident ID number (natural persons) or unified social credit code (organisations). */
  idNumber: string;
  proofFileId: number | null;
  phone: Generated<string>;
  email: Generated<string>;
  address: Generated<string>;
  infoName: string;
  infoDocNumber: Generated<string>;
  infoDescription: Generated<string>;
  preferredForm: string;
  delivery: string;
  channel: string;
  handedInOn: string | null;
  signedForOn: string | null;
  confirmedOn: string | null;
  receivedOn: string | null;
  state: string;
  correctionRequestedOn: string | null;
  correctionNote: Generated<string>;
  correctionDays: number | null;
  correctedOn: string | null;
  extensionDays: number | null;
  extensionApprovedOn: string | null;
  extensionApprover: string | null;
  extensionReason: string | null;
  feeMode: string | null;
  feePages: number | null;
  feeAmount: number | null;
  feeIssuedOn: string | null;
  feePaidOn: string | null;
  /** The current answer deadline, kept in step with the clock for lists and reminders. */
  dueOn: string | null;
  replyType: string | null;
  replyText: string | null;
  replyPlace: string | null;
  outcome: string | null;
  outcomeReason: string | null;
  /** The day the case got its outcome (reply, lapse or withdrawal): decides the report year. */
  closedOn: string | null;
  topicId: number | null;
  submittedAt: string;
  updatedAt: string;
}

/** A consultation of a third party (Art. 32) or a co-producing agency (Art. 34). */
export interface DisclosureConsultationTable {
  id: Generated<number>;
  requestId: number;
  kind: string;
  party: string;
  sentOn: string;
  answeredOn: string | null;
  answer: Generated<string>;
}

/** One step in a case's timeline, shown to staff and applicant. */
export interface DisclosureEventTable {
  id: Generated<number>;
  requestId: number;
  at: string;
  action: string;
  stateFrom: string | null;
  stateTo: string;
  actorName: string;
  note: Generated<string>;
}

/** A file sent with the reply. */
export interface DisclosureAttachmentTable {
  requestId: number;
  fileId: number;
  filename: string;
}

/** An administrative review or lawsuit about a reply, and its result. */
export interface DisclosureDisputeTable {
  id: Generated<number>;
  requestId: number;
  kind: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
  note: Generated<string>;
}

/** The tables of disclosure-requests. */
export interface DisclosureRequestsTables {
  disclosureTopic: DisclosureTopicTable;
  disclosureRequest: DisclosureRequestTable;
  disclosureConsultation: DisclosureConsultationTable;
  disclosureEvent: DisclosureEventTable;
  disclosureAttachment: DisclosureAttachmentTable;
  disclosureDispute: DisclosureDisputeTable;
}
