import type { Generated } from 'kysely';

// Table interfaces of this module (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** An online dialogue (在线访谈 / 热点面对面): guests answer the public's questions at a set time. */
export interface DialogueTable {
  id: Generated<number>;
  /** The department that hosts it (staff of this department moderate it). */
  departmentId: number;
  topic: string;
  description: string;
  /** Start and end instants (ISO-8601 UTC; shown in Beijing time). */
  startsAt: string;
  endsAt: string;
  /** The live video link. */
  videoUrl: string;
  /** The replay link, shown once the dialogue has ended. */
  replayUrl: string;
  /** draft (staff only) / scheduled (public). */
  status: string;
  /** 访谈实录: the full transcript as plain paragraphs, one per line. */
  transcript: string;
  /** A short summary for the list and the archive. */
  summary: string;
  authorId: number | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A guest of a dialogue, in the order shown. */
export interface DialogueGuestTable {
  id: Generated<number>;
  dialogueId: number;
  seq: number;
  name: string;
  /** 职务. */
  post: string;
}

/** A policy a dialogue is about. */
export interface DialoguePolicyTable {
  id: Generated<number>;
  dialogueId: number;
  policyId: number;
  seq: number;
}

/** A question from the public (网友提问) and, once given, a guest's answer. */
export interface DialogueQuestionTable {
  id: Generated<number>;
  dialogueId: number;
  /** Shown publicly; 网友 when the asker gave none. */
  askerName: string;
  /** Optional phone or e-mail: staff only, never shown publicly. */
  contact: string;
  body: string;
  submittedAt: string;
  /** pending / approved (visible, unanswered) / rejected (staff only) / answered. */
  status: string;
  rejectReason: string;
  answer: string;
  /** The answering guest's name and post as they were when answering (guests may be edited later). */
  answeredByName: string;
  answeredByPost: string;
  answeredAt: string | null;
  moderatorId: number | null;
}

/** The tables this module owns, gathered into db/database.ts. */
export interface DialoguesTables {
  dialogue: DialogueTable;
  dialogueGuest: DialogueGuestTable;
  dialoguePolicy: DialoguePolicyTable;
  dialogueQuestion: DialogueQuestionTable;
}
