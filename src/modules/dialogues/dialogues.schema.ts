import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { chinaLocalToIso } from '../../platform/clock.js';

/** Dialogue states: a draft is seen by staff only; a scheduled dialogue is public. */
export const DIALOGUE_STATUSES = ['draft', 'scheduled'] as const;
/** Question states. */
export const QUESTION_STATUSES = ['pending', 'approved', 'rejected', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A Beijing wall-clock time from a datetime-local input, read as an ISO instant. */
const chinaDateTime = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const iso = chinaLocalToIso(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'dialogues.datetime_format' });
      return z.NEVER;
    }
    return iso;
  });

/** An optional http(s) link. */
const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s<>"]+$/, { error: 'dialogues.url_format' })
    .optional(),
);

/** A dialogue as staff enter it (guests and linked policies are parsed line by line by the service). */
export const DialogueSchema = z
  .strictObject({
    departmentId: idParam,
    topic: requiredText(200),
    description: optionalText(3000),
    startsAt: chinaDateTime,
    endsAt: chinaDateTime,
    /** One guest per line: "姓名｜职务". */
    guests: z.string().max(5000).default(''),
    /** One 索引号 per line. */
    policies: z.string().max(5000).default(''),
    videoUrl: optionalUrl,
    replayUrl: optionalUrl,
    summary: optionalText(3000),
    /** 访谈实录, plain paragraphs. */
    transcript: optionalText(200_000),
  })
  .superRefine((v, ctx) => {
    if (typeof v.startsAt === 'string' && typeof v.endsAt === 'string' && v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'dialogues.ends_before_start' });
    }
  });
export type DialogueInput = z.infer<typeof DialogueSchema>;

/** A question from the public. */
export const QuestionSchema = z.strictObject({
  /** Display name; 网友 when left empty. */
  askerName: optionalText(30),
  /** Phone or e-mail for staff to reply; never shown publicly. */
  contact: optionalText(100),
  body: requiredText(500),
});
export type QuestionInput = z.infer<typeof QuestionSchema>;

/** Staff reject a question with a reason (kept from the public). */
export const RejectQuestionSchema = z.strictObject({ reason: requiredText(500) });

/** A guest's answer: which guest (its position in the list) and the text. */
export const AnswerSchema = z.strictObject({
  guest: z.coerce.number().int().min(0).max(100),
  answer: requiredText(10_000),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;

/** Public list paging. */
export const DialogueListQuery = z.object({ page: pageParam });
