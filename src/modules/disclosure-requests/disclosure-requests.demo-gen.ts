import type { Insertable } from 'kysely';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../platform/calendar/index.js';
import { computeClock, consultationLimit, feePaymentLimit, DEFAULT_CORRECTION_DAYS } from './disclosure-requests.clock.js';
import { feeByPage } from './disclosure-requests.fees.js';
import { OUTCOME_CODES, REPLY_DEFAULT_OUTCOME, type ApplicantCategory, type Channel, type ReplyType } from './disclosure-requests.codes.js';
import type { DisclosureConsultationTable, DisclosureDisputeTable, DisclosureEventTable, DisclosureRequestTable } from './disclosure-requests.table.js';
import { DEMO_NAMES, DEMO_ORGANISATIONS, DEMO_REPLIES } from './disclosure-requests.demo-data.js';
import { residentIdFor, creditCodeFor } from './disclosure-requests.demo-ids.js';

// One generated case: its row and the rows that hang off it, all from a seeded generator, with every
// date derived through the same clock the application uses, so the demo's deadlines are consistent.

type Rnd = () => number;
type Event = Omit<Insertable<DisclosureEventTable>, 'requestId'>;

/** A generated case before insertion (the child rows get the request id afterwards). */
export interface DemoCase {
  row: Insertable<DisclosureRequestTable>;
  events: Event[];
  consultations: Array<Omit<Insertable<DisclosureConsultationTable>, 'requestId'>>;
  disputes: Array<Omit<Insertable<DisclosureDisputeTable>, 'requestId'>>;
}

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
function weighted<T extends string>(rnd: Rnd, table: ReadonlyArray<[T, number]>): T {
  const total = table.reduce((n, [, w]) => n + w, 0);
  let x = rnd() * total;
  for (const [v, w] of table) {
    x -= w;
    if (x < 0) {
      return v;
    }
  }
  return table[0]![0];
}
const at = (day: string, hour = 10) => `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
const plusDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

const CATEGORIES: ReadonlyArray<[ApplicantCategory, number]> = [['natural_person', 80], ['business', 9], ['research', 2], ['public_interest', 2], ['legal_service', 5], ['other', 2]];
const CHANNELS: ReadonlyArray<[Channel, number]> = [['online', 60], ['in_person', 15], ['registered_post', 10], ['ordinary_post', 8], ['fax', 7]];
const REPLIES: ReadonlyArray<[ReplyType, number]> = [['disclose', 52], ['already_public', 8], ['not_disclosed', 10], ['not_exist', 14], ['not_this_agency', 6], ['repeated', 5], ['registration_records', 5]];

/** What the generator needs to know about one case. */
export interface CaseSeed {
  serial: number;
  departmentId: number;
  day: string;
  text: [string, string];
  today: string;
  approver: string;
  /** The recurring topic after its proactive publication: answered "already disclosed". */
  alreadyPublic: boolean;
  userId: number | null;
  /** Forces the channel (the demo's newest online applications, still awaiting confirmation). */
  channel?: Channel;
}

/** Generates one case and its history up to today. */
export function generateCase(rnd: Rnd, s: CaseSeed): DemoCase {
  const category = weighted(rnd, CATEGORIES);
  const channel = s.channel ?? weighted(rnd, CHANNELS);
  const person = category === 'natural_person';
  const name = pick(rnd, DEMO_NAMES);
  const events: Event[] = [{ at: at(s.day, 9), action: 'submit', stateFrom: null, stateTo: 'pending', actorName: name, note: channel }];
  const consultations: DemoCase['consultations'] = [];
  const disputes: DemoCase['disputes'] = [];
  const ev = (day: string, action: string, stateTo: string, note = '') => events.push({ at: at(day, 10 + (events.length % 6)), action, stateFrom: null, stateTo, actorName: action === 'submit' ? name : '经办人', note });

  const arrival = { handedInOn: null as string | null, signedForOn: null as string | null, confirmedOn: null as string | null };
  if (channel === 'in_person') {
    arrival.handedInOn = s.day;
  } else if (channel === 'registered_post') {
    arrival.signedForOn = addWorkingDays(s.day, 2);
  } else {
    arrival.confirmedOn = addWorkingDays(s.day, channel === 'online' ? 1 : 2);
  }
  let receivedOn: string | null = arrival.handedInOn ?? arrival.signedForOn ?? arrival.confirmedOn;
  if (receivedOn !== null && receivedOn > s.today) {
    receivedOn = null;
    arrival.confirmedOn = null;
    arrival.signedForOn = null;
  }
  const row: Insertable<DisclosureRequestTable> = {
    trackingNumber: `YS${String(s.serial).padStart(4, '0')}${Array.from({ length: 6 }, () => pick(rnd, [...'23456789ABCDEFGHJKMNPQRSTUVWXYZ'])).join('')}`,
    secretHash: '0'.repeat(64),
    departmentId: s.departmentId,
    userId: s.userId,
    applicantCategory: category,
    applicantName: name,
    organisationName: person ? '' : pick(rnd, DEMO_ORGANISATIONS[category] ?? ['某单位']),
    idNumber: person ? residentIdFor(s.serial) : creditCodeFor(s.serial),
    proofFileId: null,
    phone: `139${String(10_000_000 + ((s.serial * 7919) % 89_999_999)).padStart(8, '0')}`,
    email: rnd() < 0.4 ? `applicant${s.serial}@example.cn` : '',
    infoName: s.text[0],
    infoDescription: s.text[1],
    preferredForm: rnd() < 0.7 ? 'electronic' : 'paper',
    delivery: pick(rnd, ['download', 'email', 'post', 'collect']),
    channel,
    ...arrival,
    receivedOn,
    state: 'pending',
    dueOn: null,
    // Every column is set, so that rows inserted together share one column list.
    infoDocNumber: '',
    address: '',
    correctionRequestedOn: null,
    correctionNote: '',
    correctionDays: null,
    correctedOn: null,
    extensionDays: null,
    extensionApprovedOn: null,
    extensionApprover: null,
    extensionReason: null,
    feeMode: null,
    feePages: null,
    feeAmount: null,
    feeIssuedOn: null,
    feePaidOn: null,
    replyType: null,
    replyText: null,
    replyPlace: null,
    outcome: null,
    outcomeReason: null,
    closedOn: null,
    topicId: null,
    submittedAt: at(s.day, 9),
    updatedAt: at(s.today, 9),
  };
  if (receivedOn === null) {
    return { row, events, consultations, disputes };
  }
  if (arrival.confirmedOn) {
    ev(arrival.confirmedOn, 'confirm_receipt', 'pending');
  }
  let state = 'pending';
  let start = receivedOn;
  const close = (day: string, outcome: string, reason: string | null, action: string, to = 'withdrawn') => {
    Object.assign(row, { outcome, outcomeReason: reason, closedOn: day, state: to });
    ev(day, action, to);
    state = to;
  };

  // 补正: about one in ten, within 7 working days; most are corrected, some lapse.
  // Recent cases get more correction requests, so that the live queue has some awaiting correction.
  if (rnd() < (receivedOn >= plusDays(s.today, -28) ? 0.3 : 0.1)) {
    const requestedOn = addWorkingDays(receivedOn, 1 + Math.floor(rnd() * 5));
    if (requestedOn <= s.today) {
      Object.assign(row, { correctionRequestedOn: requestedOn, correctionNote: '请明确所需信息的名称或文号，并补充身份证明。', correctionDays: DEFAULT_CORRECTION_DAYS });
      ev(requestedOn, 'request_correction', 'awaiting_correction');
      state = 'awaiting_correction';
      const correctedOn = addWorkingDays(requestedOn, 2 + Math.floor(rnd() * 8));
      const limit = addWorkingDays(requestedOn, DEFAULT_CORRECTION_DAYS);
      if (rnd() < 0.75 && correctedOn <= s.today) {
        row.correctedOn = correctedOn;
        ev(correctedOn, 'receive_correction', 'pending');
        state = 'pending';
        start = correctedOn;
      } else if (limit < s.today) {
        close(plusDays(limit, 1), 'other', 'overdue_correction', 'correction_lapsed');
      }
    }
  }
  if (state === 'pending') {
    // Consultations (Art. 32/34) and an extension for the harder cases.
    // Recent cases are consulted more often, so that the live queues show open consultations.
    if (rnd() < (start >= plusDays(s.today, -28) ? 0.35 : 0.09)) {
      const kind = rnd() < 0.6 ? 'third_party' : 'co_agency';
      const sentOn = addWorkingDays(start, 3);
      if (sentOn <= s.today) {
        const answer = addWorkingDays(sentOn, 4 + Math.floor(rnd() * 11));
        // Some never answer: a third party's silence leaves the decision to the office, a co-agency's is consent.
        const answeredOn = answer <= s.today && rnd() < 0.7 ? answer : null;
        consultations.push({ kind, party: kind === 'third_party' ? '相关权利人' : '市自然资源局', sentOn, answeredOn, answer: answeredOn ? '同意公开' : '' });
        ev(sentOn, kind === 'third_party' ? 'consult_third_party' : 'consult_agency', kind === 'third_party' ? 'third_party' : 'co_handling');
        const open = answeredOn === null && consultationLimit(sentOn) >= s.today;
        state = open ? (kind === 'third_party' ? 'third_party' : 'co_handling') : 'pending';
        if (answeredOn) {
          ev(answeredOn, 'answer_consultation', 'pending');
        }
      }
    }
    if (rnd() < 0.02) {
      const issuedOn = addWorkingDays(start, 5);
      if (issuedOn <= s.today) {
        const pages = 60 + Math.floor(rnd() * 200);
        Object.assign(row, { feeMode: 'by_page', feePages: pages, feeAmount: feeByPage(pages), feeIssuedOn: issuedOn });
        ev(issuedOn, 'issue_fee', state);
        const paidOn = addWorkingDays(issuedOn, 3);
        if (rnd() < 0.6 && paidOn <= s.today) {
          row.feePaidOn = paidOn;
          ev(paidOn, 'record_payment', state);
        } else if (feePaymentLimit(issuedOn) < s.today) {
          close(plusDays(feePaymentLimit(issuedOn), 1), 'other', 'unpaid_fee', 'fee_lapsed');
        }
      }
    }
  }
  const facts = () => ({
    receivedOn,
    correction: row.correctionRequestedOn ? { requestedOn: row.correctionRequestedOn, arrivedOn: row.correctedOn ?? null } : null,
    consultations: consultations.map((c) => ({ kind: c.kind as 'third_party' | 'co_agency', sentOn: c.sentOn, answeredOn: c.answeredOn ?? null })),
    fee: row.feeIssuedOn ? { issuedOn: row.feeIssuedOn, paidOn: row.feePaidOn ?? null } : null,
    extension: row.extensionDays && row.extensionApprovedOn ? { days: row.extensionDays, approvedOn: row.extensionApprovedOn, approver: s.approver } : null,
  });
  if (state !== 'withdrawn' && state !== 'awaiting_correction' && rnd() < 0.1) {
    const base = computeClock(facts()).dueOn ?? start;
    const approvedOn = addWorkingDays(start, 17);
    if (approvedOn <= s.today && approvedOn <= base) {
      Object.assign(row, { extensionDays: 20, extensionApprovedOn: approvedOn, extensionApprover: s.approver, extensionReason: '需调取历史档案，工作量较大' });
      ev(approvedOn, 'extend', 'extended', '需调取历史档案，工作量较大');
      if (state === 'pending') {
        state = 'extended';
      }
    }
  }
  const clock = computeClock(facts());
  row.dueOn = clock.dueOn;
  if (state === 'pending' || state === 'extended' || ((state === 'third_party' || state === 'co_handling') && clock.stoppedBy === null)) {
    const span = clock.dueOn ? workingDaysBetween(start, clock.dueOn) : 20;
    // Most answers come in time; about one in fifty is late.
    const replyOn = rnd() < 0.02 && clock.dueOn ? addWorkingDays(clock.dueOn, 2) : addWorkingDays(start, Math.max(1, Math.round(span * (0.25 + rnd() * 0.7))));
    if (replyOn <= s.today) {
      const replyType = s.alreadyPublic ? 'already_public' : weighted(rnd, REPLIES);
      let { outcome, reason } = REPLY_DEFAULT_OUTCOME[replyType];
      if (replyType === 'disclose' && rnd() < 0.2) {
        outcome = 'partly_disclosed';
      }
      if (replyType === 'not_disclosed' || (replyType === 'not_exist' && rnd() < 0.3)) {
        reason = pick(rnd, OUTCOME_CODES[outcome === 'not_disclosed' ? 'not_disclosed' : 'cannot_provide'] as readonly string[]);
      }
      if (replyType === 'repeated' && rnd() < 0.4) {
        reason = pick(rnd, OUTCOME_CODES.not_processed as readonly string[]);
      }
      Object.assign(row, { replyType, replyText: DEMO_REPLIES[replyType], replyPlace: replyType === 'already_public' ? '门户网站 › 征收公开 › 征收信息' : replyType === 'not_this_agency' ? '市自然资源局，电话 0760-88320017' : null });
      close(replyOn, outcome, reason, 'reply', 'answered');
      addAftermath(rnd, s, row, replyOn, ev, disputes);
    }
  }
  row.state = row.state === 'pending' ? state : row.state;
  return { row, events, consultations, disputes };
}

/** Supplementary answers, reviews and lawsuits after some replies. */
function addAftermath(rnd: Rnd, s: CaseSeed, row: Insertable<DisclosureRequestTable>, replyOn: string, ev: (day: string, action: string, to: string, note?: string) => void, disputes: DemoCase['disputes']): void {
  const x = rnd();
  const later = (n: number) => plusDays(replyOn, n);
  if (x < 0.03 && later(10) <= s.today) {
    ev(later(10), 'supplement', 'supplementary', '补充提供相关附件。');
    row.state = 'supplementary';
  } else if (x < 0.075 && later(30) <= s.today) {
    const kind = x < 0.055 ? 'review' : rnd() < 0.6 ? 'litigation_direct' : 'litigation_after_review';
    const filedOn = later(30);
    const decided = plusDays(filedOn, 60) <= s.today;
    const result = decided ? weighted(rnd, [['upheld', 65], ['corrected', 20], ['other', 15]]) : 'pending';
    disputes.push({ kind, filedOn, result, decidedOn: decided ? plusDays(filedOn, 60) : null, note: '' });
    ev(filedOn, kind === 'review' ? 'start_review' : 'start_litigation', kind === 'review' ? 'review' : 'litigation');
    row.state = kind === 'review' ? 'review' : 'litigation';
  }
}

/** Working days from `from` to `to` inclusive of the start, for the request calendar. */
export function workingDaysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) {
    if (isWorkingDay(d)) {
      out.push(d);
    }
  }
  return out;
}
