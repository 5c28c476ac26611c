import crypto from 'node:crypto';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { normaliseCreditCode, normaliseResidentId } from '../../platform/identity/index.js';
import { findDepartmentById } from '../departments/index.js';
import { canActInDepartment } from '../accounts/index.js';
import * as repo from './disclosure-requests.repository.js';
import { computeClock, type Clock, type ClockFacts } from './disclosure-requests.clock.js';
import { receiptDate, RECEIPT_FACT } from './disclosure-requests.receipt.js';
import { notifyApplicants } from './disclosure-requests.notify.js';
import { requireAgencyStaff } from './disclosure-requests.policy.js';
import type { ApplicationInput, RegisterInput } from './disclosure-requests.schema.js';
import type { Channel } from './disclosure-requests.codes.js';

/** Letters of a tracking number: no 0/O, 1/I/L, so it can be read out and typed from paper. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh tracking number, e.g. YS7KQ3M9XA2B (YS for 依申请). */
export function newTrackingNumber(): string {
  return 'YS' + Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** The stored form of a secret link's key: only its sha256 is kept. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** Compares a presented key with the stored hash in constant time. */
function secretMatches(secret: string | undefined, hash: string): boolean {
  if (!secret) {
    return false;
  }
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The clock facts of a case row and its consultations. */
export function clockFactsOf(row: repo.RequestRow, consultations: readonly repo.ConsultationRow[]): ClockFacts {
  return {
    receivedOn: row.receivedOn,
    correction: row.correctionRequestedOn ? { requestedOn: row.correctionRequestedOn, arrivedOn: row.correctedOn, correctionDays: row.correctionDays ?? undefined } : null,
    consultations: consultations.map((c) => ({ kind: c.kind === 'co_agency' ? 'co_agency' : 'third_party', sentOn: c.sentOn, answeredOn: c.answeredOn })),
    fee: row.feeIssuedOn ? { issuedOn: row.feeIssuedOn, paidOn: row.feePaidOn } : null,
    extension: row.extensionDays && row.extensionApprovedOn ? { days: row.extensionDays, approvedOn: row.extensionApprovedOn, approver: row.extensionApprover ?? '' } : null,
  };
}

/** A case's clock, read fresh from the database. */
export async function clockOf(db: Executor, row: repo.RequestRow): Promise<Clock> {
  return computeClock(clockFactsOf(row, await repo.consultationsOf(db, row.id)));
}

/** The applicant's ID normalised the way the fee count and duplicates compare it. */
function normalisedId(input: ApplicationInput): string {
  return input.applicantCategory === 'natural_person' ? normaliseResidentId(input.idNumber) : normaliseCreditCode(input.idNumber);
}

interface Arrival {
  channel: Channel;
  handedInOn: string | null;
  signedForOn: string | null;
  confirmedOn: string | null;
}

async function save(trx: Executor, user: CurrentUser | null, input: ApplicationInput, arrival: Arrival, actorName: string) {
  const dept = await findDepartmentById(trx, input.departmentId);
  if (!dept) {
    throw fieldError('departmentId', 'validation.choice');
  }
  let trackingNumber = newTrackingNumber();
  while (await repo.trackingTaken(trx, trackingNumber)) {
    trackingNumber = newTrackingNumber();
  }
  const secret = crypto.randomBytes(18).toString('base64url');
  const receipt = receiptDate(arrival);
  const now = nowIso();
  const id = await repo.insertRequest(trx, {
    trackingNumber,
    secretHash: hashSecret(secret),
    departmentId: input.departmentId,
    userId: user && !['editor', 'reviewer', 'admin'].includes(user.role) ? user.id : null,
    applicantCategory: input.applicantCategory,
    applicantName: input.applicantName,
    organisationName: input.organisationName ?? '',
    idNumber: normalisedId(input),
    proofFileId: null,
    phone: input.phone ?? '',
    email: input.email ?? '',
    address: input.address ?? '',
    infoName: input.infoName,
    infoDocNumber: input.infoDocNumber ?? '',
    infoDescription: input.infoDescription ?? '',
    preferredForm: input.preferredForm,
    delivery: input.delivery,
    ...arrival,
    receivedOn: receipt.ok ? receipt.date : null,
    state: 'pending',
    correctionRequestedOn: null,
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
    dueOn: receipt.ok ? computeClock({ receivedOn: receipt.date }).dueOn : null,
    replyType: null,
    replyText: null,
    replyPlace: null,
    outcome: null,
    outcomeReason: null,
    closedOn: null,
    topicId: null,
    submittedAt: now,
    updatedAt: now,
  });
  await repo.insertEvents(trx, [{ requestId: id, at: now, action: 'submit', stateFrom: null, stateTo: 'pending', actorName, note: arrival.channel }]);
  await notifyApplicants(trx, [{ id, trackingNumber }], 'received');
  return { id, trackingNumber, secret };
}

/** An application sent online: its receipt date waits for the office's confirmation (Art. 31). */
export async function submitOnline(trx: Executor, user: CurrentUser | null, input: ApplicationInput) {
  return save(trx, user, input, { channel: 'online', handedInOn: null, signedForOn: null, confirmedOn: null }, user?.displayName ?? input.applicantName);
}

/** A paper, post or fax application registered by the agency's staff, with the facts of its arrival. */
export async function registerApplication(trx: Executor, actor: Actor, user: CurrentUser | null, input: RegisterInput) {
  const u = requireAgencyStaff(user, input.departmentId);
  const { channel, handedInOn, signedForOn, confirmedOn, ...application } = input;
  const arrival: Arrival = { channel, handedInOn: handedInOn ?? null, signedForOn: signedForOn ?? null, confirmedOn: confirmedOn ?? null };
  // In person and registered post arrive on a known day; without it the receipt date is unknown.
  const needed = RECEIPT_FACT[channel];
  if ((channel === 'in_person' || channel === 'registered_post') && !arrival[needed]) {
    throw fieldError(needed, 'validation.required');
  }
  const r = await save(trx, u, application, arrival, u.displayName);
  await recordAudit(trx, actor, { action: 'disclosure_request.register', entityType: 'disclosure_request', entityId: r.id, after: { trackingNumber: r.trackingNumber, channel } });
  return r;
}

/**
 * A case as its applicant may see it: the signed-in owner, anyone with the secret key of the link,
 * or the agency's staff. Anyone else gets "not found", so tracking numbers cannot be probed.
 */
export async function caseForReader(db: Executor, user: CurrentUser | null, trackingNumber: string, key: string | undefined): Promise<{ row: repo.RequestRow; asStaff: boolean }> {
  const row = await repo.requestByTracking(db, trackingNumber);
  if (!row) {
    throw new AppError('not_found');
  }
  if (user && canActInDepartment(user, row.departmentId)) {
    return { row, asStaff: true };
  }
  if ((user && row.userId === user.id) || secretMatches(key, row.secretHash)) {
    return { row, asStaff: false };
  }
  throw new AppError('not_found');
}

/** Everything a case page shows: the case, its clock and explanation, timeline, consultations, files, disputes. */
export async function caseDetail(db: Executor, row: repo.RequestRow) {
  const [consultations, events, attachments, disputes, department] = await Promise.all([
    repo.consultationsOf(db, row.id),
    repo.eventsOf(db, row.id),
    repo.attachmentsOf(db, row.id),
    repo.disputesOf(db, row.id),
    findDepartmentById(db, row.departmentId),
  ]);
  const clock = computeClock(clockFactsOf(row, consultations));
  return { row, clock, consultations, events, attachments, disputes, department, today: todayInChina() };
}
export type CaseDetail = Awaited<ReturnType<typeof caseDetail>>;

/** A signed-in applicant's own cases. */
export async function myCases(db: Executor, user: CurrentUser | null): Promise<repo.RequestRow[]> {
  if (!user) {
    throw new AppError('unauthenticated');
  }
  return repo.listForUser(db, user.id);
}
