import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { htmlToText, toSafeHtml } from '../../platform/html/sanitize.js';
import { canActInDepartment, requireDepartment, requireRole, requireUser } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import { policyBrief, reindexPolicy, type PolicyPublishedEvent } from '../policies/index.js';
import * as repo from './interpretations.repository.js';
import { parseQa } from './interpretations.qa.js';
import { MEDIA_FORMS, TEXT_FORMS, type InterpretationInput } from './interpretations.schema.js';

type Row = repo.InterpretationRow;

/** What a user may do to an interpretation in its current state (drives the service and the buttons). */
export function interpretationActions(user: CurrentUser | null, i: { status: string; departmentId: number; authorId: number | null }) {
  const inDept = canActInDepartment(user, i.departmentId);
  const editor = inDept && (user?.role === 'editor' || user?.role === 'admin');
  const reviewer = inDept && (user?.role === 'reviewer' || user?.role === 'admin');
  // Four eyes, for everyone including the general office: whoever last wrote it does not approve it.
  const notOwn = i.authorId !== user?.id;
  const editable = i.status === 'draft' || i.status === 'rejected' || i.status === 'withdrawn';
  return {
    edit: editor && editable,
    submit: editor && editable,
    approve: reviewer && i.status === 'in_review' && notOwn,
    reject: reviewer && (i.status === 'in_review' || i.status === 'approved'),
    withdraw: reviewer && i.status === 'published',
  };
}

/** An interpretation by id, or not_found. */
export async function load(db: Executor, id: number): Promise<Row> {
  const row = await repo.findById(db, id);
  if (!row) {
    throw new AppError('not_found');
  }
  return row;
}

/** The stored columns of an input: the body sanitised, the parts that do not belong to its form dropped. */
function contentOf(input: InterpretationInput) {
  const media = (MEDIA_FORMS as readonly string[]).includes(input.form);
  const text = (TEXT_FORMS as readonly string[]).includes(input.form);
  return {
    form: input.form,
    title: input.title,
    // A media or Q&A form may still carry an introduction.
    body: input.body ? toSafeHtml(input.body) : '',
    mediaUrl: media ? (input.mediaUrl ?? '') : '',
    transcript: media ? (input.transcript ?? '') : '',
    interpreterName: input.interpreterName,
    interpreterPost: input.interpreterPost,
    pairs: input.form === 'qa' ? parseQa(input.qa ?? '').pairs : [],
    text,
  };
}

/**
 * The department that interprets: the policy's own (谁起草谁解读); only the general office may name
 * another. The user must be able to act in it.
 */
async function departmentFor(trx: Executor, user: CurrentUser, input: InterpretationInput): Promise<number> {
  const policy = await policyBrief(trx, input.policyId);
  if (!policy) {
    throw fieldError('policyId', 'validation.choice');
  }
  const departmentId = input.departmentId ?? policy.departmentId;
  if (departmentId !== policy.departmentId && user.role !== 'admin') {
    throw fieldError('departmentId', 'interpretations.validation.own_department');
  }
  if (!(await findDepartmentById(trx, departmentId))) {
    throw fieldError('departmentId', 'validation.choice');
  }
  if (!canActInDepartment(user, departmentId)) {
    throw fieldError('policyId', 'validation.not_your_department');
  }
  return departmentId;
}

function auditView(i: Row) {
  const { body: _b, transcript: _t, createdAt: _c, updatedAt: _u, ...rest } = i;
  return rest;
}

/** An editor files a new interpretation as a draft. */
export async function createInterpretation(trx: Executor, actor: Actor, user: CurrentUser | null, input: InterpretationInput): Promise<number> {
  const u = requireRole(user, 'editor', 'admin');
  const departmentId = await departmentFor(trx, u, input);
  const { pairs, text: _text, ...content } = contentOf(input);
  const now = nowIso();
  const id = await repo.insert(trx, { ...content, policyId: input.policyId, departmentId, status: 'draft', reviewNote: '', authorId: u.id, reviewerId: null, publishedOn: null, createdAt: now, updatedAt: now });
  await repo.replaceQa(trx, id, pairs);
  await recordAudit(trx, actor, { action: 'interpretation.create', entityType: 'interpretation', entityId: id, after: { ...auditView(await load(trx, id)), qa: pairs.length } });
  return id;
}

/** An editor changes a draft (or one sent back or withdrawn). */
export async function updateInterpretation(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: InterpretationInput): Promise<void> {
  const u = requireUser(user);
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  if (!interpretationActions(u, before).edit) {
    throw new AppError('invalid_state', {}, [], 'interpretations.cannot_edit');
  }
  const departmentId = await departmentFor(trx, u, input);
  const { pairs, text: _text, ...content } = contentOf(input);
  if (!(await repo.updateIf(trx, id, before.status, { ...content, policyId: input.policyId, departmentId, status: 'draft', authorId: u.id, updatedAt: nowIso() }))) {
    throw new AppError('conflict');
  }
  await repo.replaceQa(trx, id, pairs);
  await recordAudit(trx, actor, { action: 'interpretation.update', entityType: 'interpretation', entityId: id, before: auditView(before), after: { ...auditView(await load(trx, id)), qa: pairs.length } });
}

type Action = 'submit' | 'approve' | 'reject' | 'withdraw';

async function transition(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, action: Action, opts: { note?: string; today?: string } = {}): Promise<Row> {
  const u = requireUser(user);
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  if (!interpretationActions(u, before)[action]) {
    throw new AppError('invalid_state', {}, [], action === 'approve' && before.authorId === u.id && before.status === 'in_review' ? 'portal.no_self_approval' : 'portal.cannot_transition');
  }
  const now = nowIso();
  let patch: Parameters<typeof repo.updateIf>[3];
  let reindex = false;
  if (action === 'submit') {
    patch = { status: 'in_review', reviewNote: '', updatedAt: now };
  } else if (action === 'reject') {
    patch = { status: 'rejected', reviewNote: opts.note ?? '', updatedAt: now };
  } else if (action === 'withdraw') {
    patch = { status: 'withdrawn', reviewNote: opts.note ?? '', publishedOn: null, updatedAt: now };
    reindex = true;
  } else {
    // Released together with the policy: a published policy's interpretation goes out today; otherwise
    // it waits (approved) and the policy's publication hook releases it with the policy's date.
    const policy = await policyBrief(trx, before.policyId);
    const live = policy?.status === 'published';
    patch = live
      ? { status: 'published', reviewNote: '', reviewerId: u.id, publishedOn: opts.today ?? todayInChina(), updatedAt: now }
      : { status: 'approved', reviewNote: '', reviewerId: u.id, updatedAt: now };
    reindex = live;
  }
  if (!(await repo.updateIf(trx, id, before.status, patch))) {
    throw new AppError('conflict');
  }
  if (reindex) {
    // Words of a published interpretation are found by the policy search; the index row commits with it.
    await reindexPolicy(trx, before.policyId);
  }
  const after = await load(trx, id);
  await recordAudit(trx, actor, { action: `interpretation.${action}`, entityType: 'interpretation', entityId: id, before: { status: before.status }, after: { status: after.status, publishedOn: after.publishedOn, note: opts.note || undefined } });
  return after;
}

/** An editor sends a draft to review. */
export const submitInterpretation = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'submit');
/**
 * A reviewer (not the author) approves: published today when the policy is public, else held until it
 * is. `today` lets the demo loader replay history; routes never pass it.
 */
export const approveInterpretation = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, today?: string) => transition(trx, actor, user, id, 'approve', { today });
/** A reviewer sends it back with a note. */
export const rejectInterpretation = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, note: string) => transition(trx, actor, user, id, 'reject', { note });
/** A reviewer takes a published interpretation offline. */
export const withdrawInterpretation = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'withdraw');

/**
 * The policy library's publication hook: every approved interpretation of the policy goes out with it,
 * dated the policy's publication day, in the same transaction.
 */
export async function releaseWithPolicy(trx: Executor, actor: Actor, event: PolicyPublishedEvent): Promise<void> {
  const waiting = await repo.ofPolicy(trx, event.policyId, ['approved']);
  if (waiting.length === 0) {
    return;
  }
  for (const i of waiting) {
    if (!(await repo.updateIf(trx, i.id, 'approved', { status: 'published', publishedOn: event.publishedOn, updatedAt: nowIso() }))) {
      throw new AppError('conflict');
    }
    await recordAudit(trx, actor, { action: 'interpretation.publish_with_policy', entityType: 'interpretation', entityId: i.id, before: { status: 'approved' }, after: { status: 'published', publishedOn: event.publishedOn } });
  }
  await reindexPolicy(trx, event.policyId);
}

/** The searchable text a policy gains from its published interpretations (titles, bodies, Q&A, transcripts). */
export async function policySearchText(db: Executor, policyId: number): Promise<string> {
  const rows = await repo.ofPolicy(db, policyId, ['published']);
  if (rows.length === 0) {
    return '';
  }
  const qa = await repo.qaOfMany(
    db,
    rows.map((r) => r.id),
  );
  return rows
    .map((r) =>
      [r.title, r.interpreterName, htmlToText(r.body), r.transcript, ...(qa.get(r.id) ?? []).flatMap((p) => [p.question, p.answer])].filter(Boolean).join('\n'),
    )
    .join('\n');
}

/** Staff list scoped to the user's departments. */
export async function listStaffInterpretations(db: Executor, user: CurrentUser | null, status: string | undefined, page: number, pageSize = 30) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const r = await repo.listStaff(db, u.role === 'admin' ? null : u.departmentIds, status, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}

/** An interpretation for its department's staff, with its Q&A and what they may do. */
export async function getInterpretationForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const row = await load(db, id);
  requireDepartment(u, row.departmentId);
  const [qa, policy] = await Promise.all([repo.qaOf(db, id), policyBrief(db, row.policyId)]);
  return { interpretation: row, qa, policy, actions: interpretationActions(u, row) };
}

/** A published interpretation with its Q&A and its (published) policy. */
export async function getPublicInterpretation(db: Executor, id: number) {
  const row = await load(db, id);
  if (row.status !== 'published') {
    throw new AppError('not_found');
  }
  const [qa, policy, department] = await Promise.all([repo.qaOf(db, id), policyBrief(db, row.policyId), findDepartmentById(db, row.departmentId)]);
  if (!policy || policy.status !== 'published') {
    throw new AppError('not_found');
  }
  return { interpretation: row, qa, policy, department };
}

/** A policy's published interpretations with their Q&A (an unpublished policy has none to show). */
export async function publicInterpretationsOf(db: Executor, policyId: number) {
  const policy = await policyBrief(db, policyId);
  if (!policy || policy.status !== 'published') {
    throw new AppError('not_found');
  }
  const rows = await repo.ofPolicy(db, policyId, ['published']);
  const qa = await repo.qaOfMany(
    db,
    rows.map((r) => r.id),
  );
  return { policy, rows, qa };
}

/** The public list: published interpretations, newest first, with their policies' titles. */
export async function listPublicInterpretations(db: Executor, form: string | undefined, page: number, pageSize = 20) {
  const r = await repo.listPublished(db, form, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}
