import { z } from 'zod';
import { maskResidentId } from '../../platform/identity/index.js';
import type { CaseView } from './service-cases.read.js';

// What the JSON API returns: never raw rows. Applicants see their own case in full except the
// staff's names; staff see the applicant's ID number masked.

export const CaseSummaryOut = z.object({ caseNumber: z.string(), itemName: z.string(), status: z.string(), dueOn: z.string().nullable(), submittedAt: z.string(), url: z.string() });

export const CaseOut = z.object({
  caseNumber: z.string(),
  item: z.object({ code: z.string(), name: z.string() }),
  status: z.string(),
  applicantKind: z.string(),
  applicantName: z.string(),
  applicantIdNumber: z.string(),
  channel: z.string(),
  instant: z.boolean(),
  submittedAt: z.string(),
  acceptedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  promisedDays: z.number(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  correctionItems: z.array(z.string()),
  decisionNote: z.string(),
  result: z.string(),
  deliveryMethod: z.string().nullable(),
  events: z.array(z.object({ action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), at: z.string(), note: z.string() })),
  ratings: z.array(z.object({ channel: z.string(), level: z.number(), comment: z.string(), ratedOn: z.string() })),
  availableActions: z.array(z.string()),
});

/** A case as the API shows it, to its applicant or to staff (ID number masked for staff). */
export function presentCase(v: CaseView, forStaff: boolean): z.infer<typeof CaseOut> {
  const c = v.c;
  return {
    caseNumber: c.caseNumber,
    item: { code: v.item.code, name: v.item.name },
    status: c.status,
    applicantKind: c.applicantKind,
    applicantName: c.applicantName,
    applicantIdNumber: forStaff && c.applicantKind === 'person' ? maskResidentId(c.applicantIdNumber) : c.applicantIdNumber,
    channel: c.channel,
    instant: c.instant === 1,
    submittedAt: c.submittedAt,
    acceptedOn: c.acceptedOn,
    dueOn: c.dueOn,
    promisedDays: c.promisedDays,
    data: v.data,
    correctionItems: v.correctionItems,
    decisionNote: c.decisionNote,
    result: c.result,
    deliveryMethod: c.deliveryMethod,
    events: v.events.map((e) => ({ action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, at: e.at, note: e.note })),
    ratings: v.ratings.map((r) => ({ channel: r.channel, level: r.level, comment: r.comment, ratedOn: r.ratedOn })),
    availableActions: v.actions,
  };
}
