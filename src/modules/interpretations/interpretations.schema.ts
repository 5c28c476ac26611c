import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, pageParam, requiredText } from '../../http/schema-helpers.js';
import { parseQa } from './interpretations.qa.js';

/**
 * Interpretation forms: full 全文通解, key_points 要点解读, qa 问答式解读, glossary 名词解释, and the media
 * forms video 视频, animation 动画, interview 访谈 (a link plus a text transcript).
 */
export const INTERPRETATION_FORMS = ['full', 'key_points', 'qa', 'glossary', 'video', 'animation', 'interview'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];
/** Forms that are a link to audio or video and must carry a transcript. */
export const MEDIA_FORMS: readonly InterpretationForm[] = ['video', 'animation', 'interview'];
/** Forms whose content is a rich-text body. */
export const TEXT_FORMS: readonly InterpretationForm[] = ['full', 'key_points', 'glossary'];

/** Workflow states; `approved` waits for its policy to be published and goes out with it. */
export const INTERPRETATION_STATUSES = ['draft', 'in_review', 'approved', 'published', 'rejected', 'withdrawn'] as const;

/** Survey: who answers. */
export const RESPONDENT_TYPES = ['enterprise', 'citizen', 'other'] as const;
/** Survey: the form a respondent prefers (原文版, 摘要版, 图解版, 视频动画, 问答, 现场宣讲). */
export const PREFERRED_FORMS = ['original', 'summary', 'graphic', 'video', 'qa', 'face_to_face'] as const;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
    } catch {
      return false;
    }
  }, { error: 'interpretations.validation.media_url' });

/** An interpretation as an editor enters it (the same schema serves the form and the API). */
export const InterpretationSchema = z
  .strictObject({
    policyId: idParam,
    /** Only the general office may name a department other than the policy's (谁起草谁解读). */
    departmentId: z.preprocess(blankToUndefined, idParam.optional()),
    form: z.enum(INTERPRETATION_FORMS),
    title: requiredText(300),
    body: optionalText(200_000),
    /** Q&A: "问：…" then "答：…", pair after pair (Q:/A: work too). */
    qa: optionalText(50_000),
    mediaUrl: z.preprocess(blankToUndefined, httpUrl.optional()),
    transcript: optionalText(200_000),
    interpreterName: requiredText(60),
    interpreterPost: requiredText(120),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((MEDIA_FORMS as readonly string[]).includes(v.form)) {
      if (!v.mediaUrl) {
        need('mediaUrl', 'interpretations.validation.media_url_required');
      }
      if (!v.transcript) {
        need('transcript', 'interpretations.validation.transcript_required');
      }
    } else if (v.form === 'qa') {
      const r = parseQa(v.qa ?? '');
      if (r.problem) {
        need('qa', r.problem);
      }
    } else if (!v.body) {
      need('body', 'validation.required');
    }
  });
export type InterpretationInput = z.infer<typeof InterpretationSchema>;

/** Staff list filters. */
export const InterpretationAdminQuery = z.object({
  status: z.preprocess(blankToUndefined, z.enum(INTERPRETATION_STATUSES).optional()),
  page: pageParam,
});

/** Public list filters. */
export const InterpretationListQuery = z.object({
  form: z.preprocess(blankToUndefined, z.enum(INTERPRETATION_FORMS).optional()),
  page: pageParam,
});
export type InterpretationListFilter = z.infer<typeof InterpretationListQuery>;

/** A reviewer's note when sending an interpretation back. */
export const InterpretationRejectSchema = z.strictObject({ note: requiredText(2000) });

/** "Was this interpretation helpful?" */
export const FeedbackSchema = z.strictObject({
  helpful: z.enum(['yes', 'no'], { error: 'interpretations.validation.helpful' }),
  comment: optionalText(500),
});
export type FeedbackInput = z.infer<typeof FeedbackSchema>;

/** One answer to the form-preference survey. */
export const SurveySchema = z.strictObject({
  respondentType: z.enum(RESPONDENT_TYPES),
  preferredForm: z.enum(PREFERRED_FORMS),
  graphicNecessary: z.preprocess(blankToUndefined, z.enum(['yes', 'no']).optional()),
});
export type SurveyInput = z.infer<typeof SurveySchema>;

/** Sorting of the feedback results. */
export const FeedbackSummaryQuery = z.object({
  sort: z.preprocess(blankToUndefined, z.enum(['votes', 'least_helpful']).optional()),
});
