import { z } from 'zod';
import type { QaPair } from './interpretations.qa.js';
import type { InterpretationRow } from './interpretations.repository.js';

/** A published interpretation as the API shows it (no author, reviewer or review note). */
export const InterpretationOut = z.object({
  id: z.number(),
  policyId: z.number(),
  policyTitle: z.string(),
  departmentId: z.number(),
  form: z.string(),
  title: z.string(),
  /** Sanitised HTML. */
  body: z.string(),
  qa: z.array(z.object({ question: z.string(), answer: z.string() })),
  mediaUrl: z.string().nullable(),
  transcript: z.string().nullable(),
  interpreter: z.object({ name: z.string(), post: z.string() }),
  publishedOn: z.string().nullable(),
  url: z.string(),
});

/** The public view of an interpretation. */
export function presentInterpretation(i: InterpretationRow, qa: QaPair[], policyTitle: string): z.infer<typeof InterpretationOut> {
  return {
    id: i.id,
    policyId: i.policyId,
    policyTitle,
    departmentId: i.departmentId,
    form: i.form,
    title: i.title,
    body: i.body,
    qa,
    mediaUrl: i.mediaUrl || null,
    transcript: i.transcript || null,
    interpreter: { name: i.interpreterName, post: i.interpreterPost },
    publishedOn: i.publishedOn,
    url: `/interpretations/${i.id}`,
  };
}

/** The feedback results as JSON (staff only). */
export const FeedbackSummaryOut = z.object({
  helpfulness: z.array(z.object({ id: z.number(), title: z.string(), form: z.string(), policyId: z.number(), policyTitle: z.string(), yes: z.number(), no: z.number(), total: z.number(), yesPercent: z.number() })),
  comments: z.array(z.object({ id: z.number(), interpretationId: z.number(), title: z.string(), helpful: z.boolean(), comment: z.string(), createdAt: z.string() })),
  survey: z.object({
    total: z.number(),
    groups: z.array(
      z.object({
        respondentType: z.string(),
        total: z.number(),
        forms: z.array(z.object({ form: z.string(), count: z.number(), percent: z.number() })),
        graphicNecessary: z.object({ yes: z.number(), no: z.number(), yesPercent: z.number() }),
      }),
    ),
  }),
});
