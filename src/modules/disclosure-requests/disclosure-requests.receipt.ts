import type { Channel } from './disclosure-requests.codes.js';

/** The facts about an application's arrival that the receipt date depends on. */
export interface ArrivalFacts {
  channel: Channel;
  /** In person: the day the application was handed in. */
  handedInOn?: string | null;
  /** Registered post: the day the office signed for it. */
  signedForOn?: string | null;
  /** Ordinary post, online, fax: the day the office confirmed with the applicant. */
  confirmedOn?: string | null;
}

/** Which fact each channel needs, named like the form field that carries it. */
export const RECEIPT_FACT: Record<Channel, 'handedInOn' | 'signedForOn' | 'confirmedOn'> = {
  in_person: 'handedInOn',
  registered_post: 'signedForOn',
  ordinary_post: 'confirmedOn',
  online: 'confirmedOn',
  fax: 'confirmedOn',
};

/** The receipt date, or the field still missing before the clock can start. */
export type ReceiptDate = { ok: true; date: string } | { ok: false; missing: 'handedInOn' | 'signedForOn' | 'confirmedOn' };

/**
 * The receipt date under Art. 31: in person — the day handed in; registered post — the day signed
 * for; ordinary post — the day the office confirms with the applicant; online or fax — the day both
 * sides confirm, i.e. the office's confirmation (the applicant confirmed by sending).
 */
export function receiptDate(facts: ArrivalFacts): ReceiptDate {
  const field = RECEIPT_FACT[facts.channel];
  const date = facts[field];
  return date ? { ok: true, date } : { ok: false, missing: field };
}
