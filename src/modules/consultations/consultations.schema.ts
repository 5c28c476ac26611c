import { z } from 'zod';
import { blankToUndefined, idList, idParam, optionalText, requiredText } from '../../http/schema-helpers.js';
import { isValidMobile } from '../../platform/identity/index.js';
import { DECISIONS, DRAFT_KINDS } from './consultations.rules.js';

/** Why moderation keeps a comment from the public. */
export const REJECT_KINDS = ['spam', 'off_topic'] as const;

/** The kinds of organised consultation event. */
export const EVENT_KINDS = ['deputies_symposium', 'enterprise_symposium', 'expert_meeting', 'hearing'] as const;

/** Statuses of a draft: draft (staff only), published, withdrawn. */
export const DRAFT_STATUSES = ['draft', 'published', 'withdrawn'] as const;

/** Shortest and longest comment, in characters. */
export const COMMENT_MIN = 5;
export const COMMENT_MAX = 3000;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().slice(0, 10) === d, { error: 'validation.date' });
const optionalId = z.preprocess(blankToUndefined, idParam.optional());

/** A draft's details (staff form and API). */
export const DraftSchema = z.strictObject({
  title: requiredText(200),
  kind: z.enum(DRAFT_KINDS),
  departmentId: idParam,
  summary: optionalText(4000),
  contact: optionalText(300),
  status: z.enum(DRAFT_STATUSES).default('draft'),
});
export type DraftInput = z.infer<typeof DraftSchema>;

/** A new round: its period, the reason for a shortened one, what changed, and (first round) the pasted text. */
export const RoundSchema = z.strictObject({
  opensOn: isoDate,
  closesOn: isoDate,
  shortenedReason: optionalText(500),
  changeNote: optionalText(4000),
  /** The whole text, split into articles; for a later round, empty carries the previous round's articles over. */
  text: optionalText(200_000),
});
export type RoundInput = z.infer<typeof RoundSchema>;

/** A round's period changed before it opens. */
export const PeriodSchema = RoundSchema.pick({ opensOn: true, closesOn: true, shortenedReason: true, changeNote: true });
export type PeriodInput = z.infer<typeof PeriodSchema>;

/** One article edited in place. */
export const ArticleSchema = z.strictObject({ chapter: optionalText(100), heading: optionalText(100), body: requiredText(10_000) });
export type ArticleInput = z.infer<typeof ArticleSchema>;

/** A new article inserted after a position (0: first). */
export const InsertSchema = ArticleSchema.extend({ after: z.coerce.number().int().min(0).max(10_000) });

/** A structural change to a round's articles. */
export const ArticleOpSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('delete'), number: z.coerce.number().int().min(1) }),
  z.strictObject({ op: z.literal('merge'), number: z.coerce.number().int().min(1) }),
  z.strictObject({ op: z.literal('move'), number: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  z.strictObject({ op: z.literal('split'), number: z.coerce.number().int().min(1), splitAt: requiredText(200) }),
]);
export type ArticleOp = z.infer<typeof ArticleOpSchema>;

/** The whole text pasted again, replacing the round's articles (before it opens). */
export const PasteSchema = z.strictObject({ text: requiredText(200_000) });

/** An e-mail address or a mainland mobile number, never shown publicly. */
const contact = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(200)
    .refine((v) => isValidMobile(v) || z.email().safeParse(v).success, { error: 'consultations.contact_format' })
    .optional(),
);

/** A comment as the public sends it (form and JSON); anonymous comments are allowed. */
export const CommentSchema = z.strictObject({
  /** The article commented on; empty for the draft as a whole. */
  articleId: optionalId,
  content: z.string().trim().min(COMMENT_MIN, { error: 'consultations.content_short' }).max(COMMENT_MAX),
  /** Optional; shown masked (王**). Ignored for signed-in enterprises, shown by their registered name. */
  commenterName: optionalText(30),
  /** Optional e-mail or mobile, for questions about the comment; never public. */
  contact,
});
export type CommentInput = z.infer<typeof CommentSchema>;

/** Moderation refuses a comment: the kind and a reason. */
export const RejectSchema = z.strictObject({ kind: z.enum(REJECT_KINDS), reason: requiredText(500) });
export type RejectInput = z.infer<typeof RejectSchema>;

/** A decision on one comment or on several similar ones answered together. */
export const DecisionSchema = z.strictObject({
  ids: idList.refine((l) => l.length > 0, { error: 'consultations.pick_comments' }),
  decision: z.enum(DECISIONS),
  reason: optionalText(4000),
});
export type DecisionInput = z.infer<typeof DecisionSchema>;

/** An organised event within a round. */
export const EventSchema = z.strictObject({ kind: z.enum(EVENT_KINDS), title: requiredText(200), heldOn: isoDate, participants: optionalText(2000) });
export type EventInput = z.infer<typeof EventSchema>;

/** A suggestion raised at an event, entered by staff against an article (or the whole draft). */
export const EventSuggestionSchema = z.strictObject({ articleId: optionalId, content: requiredText(COMMENT_MAX), commenterName: optionalText(60) });
export type EventSuggestionInput = z.infer<typeof EventSuggestionSchema>;

/** The short summary published with a round's adoption report. */
export const ReportSchema = z.strictObject({ summary: optionalText(4000) });
