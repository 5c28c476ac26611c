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
  /** draft / in_review / approved (waiting for its policy) / published / rejected */
  status: string;
  reviewNote: string;
  authorId: number | null;
  reviewerId: number | null;
  /** The day it went public (YYYY-MM-DD, Beijing time). */
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The tables this module owns, gathered into db/database.ts. */
export interface InterpretationsTables {
  interpretation: InterpretationTable;
}
