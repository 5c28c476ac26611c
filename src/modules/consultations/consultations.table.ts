import type { Generated } from 'kysely';

// Table interfaces of consultations (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** A draft put out for comment (征求意见稿): one per document, consulted over one or more rounds. */
export interface ConsultationDraftTable {
  id: Generated<number>;
  departmentId: number;
  title: string;
  /** rules / normative / normative_market / major_decision — sets the minimum consultation period. */
  kind: string;
  summary: string;
  /** How to reach the drafting office (phone, e-mail, address), shown on the public page. */
  contact: string;
  /** draft (staff only) / published (on the public pages) / withdrawn */
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** One round of consultation: a version of the draft's text and the period it is open for comment. */
export interface ConsultationRoundTable {
  id: Generated<number>;
  draftId: number;
  /** 1, 2, 3 … within the draft. */
  seq: number;
  opensOn: string;
  closesOn: string;
  /** Why a major decision's period is shorter than 30 days ('' when not shortened). */
  shortenedReason: string;
  /** What changed since the previous round (说明). */
  changeNote: string;
  /** When the adoption report (采纳情况报告) was published; null until then. */
  reportPublishedAt: string | null;
  reportSummary: string;
  createdAt: string;
  updatedAt: string;
}

/** An article (条) or numbered measure of one round's text. */
export interface ConsultationArticleTable {
  id: Generated<number>;
  roundId: number;
  /** Position in the round, 1-based; the displayed number (第N条). */
  number: number;
  /** The chapter (章) the article sits in, '' when the text has none. */
  chapter: string;
  heading: string;
  body: string;
  /** Stable identity across rounds: carried over, renumbered or merged articles keep it. */
  lineage: string;
  /** JSON array of the previous round's article ids this one continues (two or more after a merge). */
  fromIds: string;
}

/** An organised consultation event (人大代表政协委员座谈会, enterprise symposium …) within a round. */
export interface ConsultationEventTable {
  id: Generated<number>;
  roundId: number;
  /** deputies_symposium / enterprise_symposium / expert_meeting / hearing */
  kind: string;
  title: string;
  heldOn: string;
  participants: string;
  createdAt: string;
}

/** A comment on an article (or the draft as a whole), from the public online or raised at an event. */
export interface ConsultationCommentTable {
  id: Generated<number>;
  roundId: number;
  /** null: the draft as a whole. */
  articleId: number | null;
  /** online / event */
  source: string;
  eventId: number | null;
  userId: number | null;
  /** The signed-in enterprise's registered name, shown in full ('' otherwise). */
  enterpriseName: string;
  commenterName: string;
  /** Never shown publicly. */
  contact: string;
  content: string;
  /** pending / published / rejected */
  status: string;
  /** spam / off_topic when rejected */
  rejectKind: string | null;
  rejectReason: string;
  moderatedAt: string | null;
  /** The lead comment of a group of similar comments answered together (null when answered alone). */
  groupId: number | null;
  /** adopted / partly / not_adopted, null until decided */
  decision: string | null;
  decisionReason: string;
  decidedAt: string | null;
  createdAt: string;
}

/** The tables of the consultations module. */
export interface ConsultationsTables {
  consultationDraft: ConsultationDraftTable;
  consultationRound: ConsultationRoundTable;
  consultationArticle: ConsultationArticleTable;
  consultationEvent: ConsultationEventTable;
  consultationComment: ConsultationCommentTable;
}
