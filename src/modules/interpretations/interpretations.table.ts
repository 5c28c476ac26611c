import type { Generated } from 'kysely';

// Table interfaces of this module (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** An interpretation (政策解读) of a policy in one form, signed by its first interpreter (第一解读人). */
export interface InterpretationTable {
  id: Generated<number>;
  policyId: number;
  /** The department that interprets (whoever drafts interprets: 谁起草谁解读). */
  departmentId: number;
  /** full 全文通解 / key_points 要点 / qa 问答 / glossary 名词解释 / video 视频 / animation 动画 / interview 访谈 */
  form: string;
  title: string;
  /** Sanitised HTML. */
  body: string;
  /** Video, animation or interview link. */
  mediaUrl: string;
  /** Text transcript of the media (required with a media link). */
  transcript: string;
  interpreterName: string;
  interpreterPost: string;
  /** draft / in_review / approved (waiting for its policy) / published / rejected / withdrawn */
  status: string;
  reviewNote: string;
  authorId: number | null;
  reviewerId: number | null;
  /** The day it went public (YYYY-MM-DD, Beijing time). */
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One question and its answer of a Q&A interpretation (问答式解读), in order. */
export interface InterpretationQaTable {
  id: Generated<number>;
  interpretationId: number;
  seq: number;
  question: string;
  answer: string;
}

/** A reader's answer to "was this interpretation helpful?" (anonymous allowed). */
export interface InterpretationFeedbackTable {
  id: Generated<number>;
  interpretationId: number;
  /** 1 helpful, 0 not helpful. */
  helpful: number;
  comment: string;
  userId: number | null;
  createdAt: string;
}

/** One answer to the form-preference survey (which form of interpretation people prefer). */
export interface InterpretationSurveyTable {
  id: Generated<number>;
  /** enterprise / citizen / other */
  respondentType: string;
  /** original 原文版 / summary 摘要版 / graphic 图解版 / video 视频动画 / qa 问答 / face_to_face 现场宣讲 */
  preferredForm: string;
  /** Is the graphic form necessary? 1 yes, 0 no, null not answered. */
  graphicNecessary: number | null;
  createdAt: string;
}

/** The tables this module owns, gathered into db/database.ts. */
export interface InterpretationsTables {
  interpretation: InterpretationTable;
  interpretationQa: InterpretationQaTable;
  interpretationFeedback: InterpretationFeedbackTable;
  interpretationSurvey: InterpretationSurveyTable;
}
