import { z } from 'zod';
import type { Locale } from '../../platform/i18n/index.js';
import { describeClock } from './disclosure-requests.clock.js';
import type { CaseDetail } from './disclosure-requests.service.js';

/** A case as the API returns it to the applicant or staff (never the secret hash or the ID number). */
export const CaseOut = z.object({
  trackingNumber: z.string(),
  state: z.string(),
  departmentId: z.number(),
  applicantCategory: z.string(),
  infoName: z.string(),
  channel: z.string(),
  receivedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  stoppedBy: z.string().nullable(),
  correctionDueOn: z.string().nullable(),
  deadlineSteps: z.array(z.string()),
  replyType: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  fee: z.object({ mode: z.string(), amount: z.number(), issuedOn: z.string(), paidOn: z.string().nullable() }).nullable(),
  attachments: z.array(z.object({ fileId: z.number(), filename: z.string() })),
  events: z.array(z.object({ at: z.string(), action: z.string(), state: z.string() })),
});

/** Presents a case for the JSON API; the deadline steps are in the caller's language. */
export function presentCase(d: CaseDetail, locale: Locale): z.infer<typeof CaseOut> {
  const r = d.row;
  return {
    trackingNumber: r.trackingNumber,
    state: r.state,
    departmentId: r.departmentId,
    applicantCategory: r.applicantCategory,
    infoName: r.infoName,
    channel: r.channel,
    receivedOn: r.receivedOn,
    dueOn: d.clock.dueOn,
    stoppedBy: d.clock.stoppedBy,
    correctionDueOn: d.clock.correctionDueOn,
    deadlineSteps: describeClock(d.clock, locale === 'en' ? 'en' : 'zh-CN'),
    replyType: r.replyType,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
    closedOn: r.closedOn,
    fee: r.feeMode && r.feeIssuedOn ? { mode: r.feeMode, amount: r.feeAmount ?? 0, issuedOn: r.feeIssuedOn, paidOn: r.feePaidOn } : null,
    attachments: d.attachments,
    events: d.events.map((e) => ({ at: e.at, action: e.action, state: e.stateTo })),
  };
}
