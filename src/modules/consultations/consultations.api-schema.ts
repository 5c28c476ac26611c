import { z } from 'zod';

// Response schemas of the JSON API (they appear in OpenAPI at /api/docs).

const Listed = z.object({ id: z.number(), title: z.string(), kind: z.string(), seq: z.number(), opensOn: z.string(), closesOn: z.string(), state: z.string(), daysLeft: z.number() });
/** GET /api/v1/consultations */
export const ApiList = z.object({ open: z.array(Listed), upcoming: z.array(Listed), closed: z.array(Listed) });

const Draft = z.object({ id: z.number(), title: z.string(), kind: z.string(), department: z.string(), summary: z.string(), contact: z.string(), url: z.string() });
const Round = z.object({ seq: z.number(), opensOn: z.string(), closesOn: z.string(), state: z.string(), shortenedReason: z.string(), changeNote: z.string(), reportPublishedAt: z.string().nullable(), reportUrl: z.string().nullable() });
const Comment = z.object({ id: z.number(), commenter: z.string(), source: z.string(), content: z.string(), createdAt: z.string(), decision: z.string().nullable(), reason: z.string() });
const Article = z.object({ id: z.number(), number: z.number(), chapter: z.string(), heading: z.string(), body: z.string(), former: z.array(z.number()), comments: z.array(Comment), earlierComments: z.number() });

/** GET /api/v1/consultations/:id */
export const ApiDraft = z.object({ draft: Draft, rounds: z.array(Round.extend({ comments: z.number() })), round: Round, articles: z.array(Article), general: z.array(Comment) });

/** POST /api/v1/consultations/:id/rounds/:seq/comments */
export const ApiComment = z.object({ id: z.number(), status: z.literal('pending'), url: z.string() });

const Counts = z.object({ adopted: z.number(), partly: z.number(), not_adopted: z.number() });
/** GET /api/v1/consultations/:id/rounds/:seq/report */
export const ApiReport = z.object({
  draft: Draft,
  round: Round,
  summary: z.string(),
  total: z.number(),
  fromEvents: z.number(),
  undecided: z.number(),
  counts: Counts,
  byArticle: z.array(z.object({ number: z.number().nullable(), heading: z.string(), total: z.number(), counts: Counts })),
  comments: z.array(z.object({ id: z.number(), articleNumber: z.number().nullable(), articleHeading: z.string(), source: z.string(), eventTitle: z.string(), commenter: z.string(), content: z.string(), decision: z.string().nullable(), reason: z.string(), groupId: z.number().nullable() })),
  events: z.array(z.object({ id: z.number(), kind: z.string(), title: z.string(), heldOn: z.string(), participants: z.string() })),
});
