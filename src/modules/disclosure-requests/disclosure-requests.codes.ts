// The fixed vocabularies of on-request disclosure (STANDARDS.md §1). Values are stable English codes;
// the Chinese and English labels live in the message catalogue under disclosureRequests.<group>.<code>.

/** Applicant categories: the columns of the annual report's applications table. */
export const APPLICANT_CATEGORIES = ['natural_person', 'business', 'research', 'public_interest', 'legal_service', 'other'] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

/** How an application reached the office; decides the receipt date (Art. 31). */
export const CHANNELS = ['online', 'in_person', 'registered_post', 'ordinary_post', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Preferred form of the information (Art. 29). */
export const FORMS = ['paper', 'electronic'] as const;
/** Preferred way of delivery (Art. 29). */
export const DELIVERIES = ['post', 'email', 'collect', 'download'] as const;

/** Outcome codes of the annual report (国办公开办函〔2021〕30号), each with its sub-reasons, exactly as listed. */
export const OUTCOME_CODES = {
  disclosed: [],
  partly_disclosed: [],
  not_disclosed: ['state_secret', 'prohibited_by_law', 'three_safeties', 'third_party_rights', 'internal_affairs', 'process_info', 'enforcement_files', 'query_matters'],
  cannot_provide: ['not_held', 'needs_creation', 'unclear_after_correction'],
  not_processed: ['petition', 'repeated', 'publications', 'excessive', 'confirm_reissue'],
  other: ['overdue_correction', 'unpaid_fee', 'other'],
} as const satisfies Record<string, readonly string[]>;
export type OutcomeCode = keyof typeof OUTCOME_CODES;
export const OUTCOMES = Object.keys(OUTCOME_CODES) as OutcomeCode[];
/** Every sub-reason code, across outcomes (they are unique). */
export const OUTCOME_REASONS = Object.values(OUTCOME_CODES).flat() as string[];

/** The annual report's outcome rows in order: an outcome alone or outcome/sub-reason. */
export const OUTCOME_ROWS: ReadonlyArray<{ outcome: OutcomeCode; reason: string | null }> = OUTCOMES.flatMap((o): Array<{ outcome: OutcomeCode; reason: string | null }> => {
  const reasons = OUTCOME_CODES[o] as readonly string[];
  return reasons.length === 0 ? [{ outcome: o, reason: null }] : reasons.map((r) => ({ outcome: o, reason: r }));
});

/** Whether a sub-reason belongs to an outcome (outcomes with sub-reasons require one). */
export function isValidOutcome(outcome: OutcomeCode, reason: string | null | undefined): boolean {
  const reasons = OUTCOME_CODES[outcome] as readonly string[];
  return reasons.length === 0 ? !reason : reason !== null && reason !== undefined && reasons.includes(reason);
}

/** Reply types to the applicant (Art. 36). */
export const REPLY_TYPES = ['already_public', 'disclose', 'not_disclosed', 'not_exist', 'not_this_agency', 'repeated', 'registration_records'] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

/** The outcome an Art. 36 reply type usually records (staff may pick another where the type allows). */
export const REPLY_DEFAULT_OUTCOME: Record<ReplyType, { outcome: OutcomeCode; reason: string | null }> = {
  already_public: { outcome: 'disclosed', reason: null },
  disclose: { outcome: 'disclosed', reason: null },
  not_disclosed: { outcome: 'not_disclosed', reason: 'third_party_rights' },
  not_exist: { outcome: 'cannot_provide', reason: 'not_held' },
  not_this_agency: { outcome: 'cannot_provide', reason: 'not_held' },
  repeated: { outcome: 'not_processed', reason: 'repeated' },
  registration_records: { outcome: 'other', reason: 'other' },
};

/** Kinds of dispute after a reply, and their results (annual report table 4). */
export const DISPUTE_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type DisputeKind = (typeof DISPUTE_KINDS)[number];
export const DISPUTE_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type DisputeResult = (typeof DISPUTE_RESULTS)[number];

/** How a fee is charged: by request or by page, never both (国办函〔2020〕109号). */
export const FEE_MODES = ['by_request', 'by_page'] as const;
export type FeeMode = (typeof FEE_MODES)[number];
