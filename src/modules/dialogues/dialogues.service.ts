import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { canActInDepartment, requireDepartment, requireRole } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import { policyBriefByIndexNo, policyBriefs, type PolicyBrief } from '../policies/index.js';
import * as repo from './dialogues.repository.js';
import { parseGuests, policyIndexLines, type GuestInput } from './dialogues.guests.js';
import { acceptsQuestions, dialoguePhase } from './dialogues.phase.js';
import type { AnswerInput, DialogueInput, QuestionInput } from './dialogues.schema.js';

/** Public list page size. */
export const PAGE_SIZE = 10;
/** What the public sees of a question: approved ones wait for an answer, answered ones carry it. */
export const PUBLIC_QUESTION_STATUSES = ['approved', 'answered'] as const;
/** The display name of an asker who gave none. */
export const DEFAULT_ASKER = '网友';

async function load(db: Executor, id: number): Promise<repo.DialogueRow> {
  const d = await repo.findById(db, id);
  if (!d) {
    throw new AppError('not_found');
  }
  return d;
}

/** Staff of the dialogue's department (or the general office) only. */
async function loadForStaff(db: Executor, user: CurrentUser | null, id: number): Promise<{ u: CurrentUser; d: repo.DialogueRow }> {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const d = await load(db, id);
  requireDepartment(u, d.departmentId);
  return { u, d };
}

/** Reads guests and linked policies line by line; every problem is reported on its field at once. */
async function checkInput(trx: Executor, user: CurrentUser, input: DialogueInput): Promise<{ guests: GuestInput[]; policyIds: number[] }> {
  const problems: FieldProblem[] = [];
  if (!(await findDepartmentById(trx, input.departmentId))) {
    problems.push({ field: 'departmentId', key: 'validation.choice' });
  } else if (!canActInDepartment(user, input.departmentId)) {
    problems.push({ field: 'departmentId', key: 'validation.not_your_department' });
  }
  const { guests, problem } = parseGuests(input.guests);
  if (problem) {
    problems.push({ field: 'guests', key: problem.key, params: problem.params });
  }
  const policyIds: number[] = [];
  for (const { line, indexNo } of policyIndexLines(input.policies)) {
    const brief = await policyBriefByIndexNo(trx, indexNo);
    if (!brief) {
      problems.push({ field: 'policies', key: 'dialogues.policy_unknown', params: { line, indexNo } });
      break;
    }
    policyIds.push(brief.id);
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  return { guests, policyIds };
}

function rowOf(input: DialogueInput) {
  return {
    departmentId: input.departmentId,
    topic: input.topic,
    description: input.description ?? '',
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    videoUrl: input.videoUrl ?? '',
    replayUrl: input.replayUrl ?? '',
    summary: input.summary ?? '',
    transcript: input.transcript ?? '',
  };
}

function auditView(d: repo.DialogueRow, guests: GuestInput[], policyIds: number[]) {
  const { transcript, createdAt: _c, updatedAt: _u, ...rest } = d;
  return { ...rest, transcriptLength: transcript.length, guests, policyIds };
}

/** Staff file a new dialogue as a draft, with its guests and linked policies. */
export async function createDialogue(trx: Executor, actor: Actor, user: CurrentUser | null, input: DialogueInput): Promise<number> {
  const u = requireRole(user, 'editor', 'admin');
  const { guests, policyIds } = await checkInput(trx, u, input);
  const now = nowIso();
  const id = await repo.insert(trx, { ...rowOf(input), status: 'draft', authorId: u.id, publishedAt: null, createdAt: now, updatedAt: now });
  await repo.replaceGuests(trx, id, guests);
  await repo.replacePolicies(trx, id, policyIds);
  await recordAudit(trx, actor, { action: 'dialogue.create', entityType: 'dialogue', entityId: id, after: auditView(await load(trx, id), guests, policyIds) });
  return id;
}

/** Staff edit a dialogue (before, during or after it: the transcript and replay are added afterwards). */
export async function updateDialogue(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: DialogueInput): Promise<void> {
  const u = requireRole(user, 'editor', 'admin');
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  const { guests, policyIds } = await checkInput(trx, u, input);
  const oldGuests = ((await repo.guestsOf(trx, [id])).get(id) ?? []).map((g) => ({ name: g.name, post: g.post }));
  const oldPolicies = await repo.policyIdsOf(trx, id);
  await repo.update(trx, id, { ...rowOf(input), updatedAt: nowIso() });
  await repo.replaceGuests(trx, id, guests);
  await repo.replacePolicies(trx, id, policyIds);
  await recordAudit(trx, actor, { action: 'dialogue.update', entityType: 'dialogue', entityId: id, before: auditView(before, oldGuests, oldPolicies), after: auditView(await load(trx, id), guests, policyIds) });
}

/** Makes a draft public (draft → scheduled): the page, the question form and the list entry appear. */
export async function publishDialogue(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  const { d } = await loadForStaff(trx, user, id);
  const at = nowIso();
  if (!(await repo.updateIf(trx, id, 'draft', { status: 'scheduled', publishedAt: at, updatedAt: at }))) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, { action: 'dialogue.publish', entityType: 'dialogue', entityId: id, before: { status: d.status }, after: { status: 'scheduled', publishedAt: at } });
}

/** A dialogue with everything staff see: guests, linked policies (any status) and every question. */
export async function getDialogueForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const { d } = await loadForStaff(db, user, id);
  const guests = (await repo.guestsOf(db, [id])).get(id) ?? [];
  const policies = await orderedBriefs(db, await repo.policyIdsOf(db, id));
  const questions = await repo.questionsOf(db, id, ['pending', 'approved', 'answered', 'rejected']);
  return { dialogue: d, guests, policies, questions, phase: dialoguePhase(d) };
}

/** The dialogues a staff member may manage, with their pending question counts. */
export async function listStaffDialogues(db: Executor, user: CurrentUser | null) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const rows = await repo.staffList(db, u.role === 'admin' ? null : u.departmentIds);
  return rows.map((r) => ({ ...r, pending: Number(r.pending ?? 0), phase: dialoguePhase(r) }));
}

async function orderedBriefs(db: Executor, ids: number[]): Promise<PolicyBrief[]> {
  const byId = new Map((await policyBriefs(db, ids)).map((b) => [b.id, b]));
  return ids.map((i) => byId.get(i)).filter((b): b is PolicyBrief => b !== undefined);
}

/** The public sends a question before or during the dialogue; it waits for moderation. */
export async function submitQuestion(trx: Executor, dialogueId: number, input: QuestionInput, now: string = nowIso()): Promise<number> {
  const d = await repo.findById(trx, dialogueId);
  if (!d || d.status !== 'scheduled') {
    throw new AppError('not_found');
  }
  if (!acceptsQuestions(d, now)) {
    throw new AppError('invalid_state', {}, [], 'dialogues.questions_closed');
  }
  return repo.insertQuestion(trx, {
    dialogueId,
    askerName: input.askerName ?? DEFAULT_ASKER,
    contact: input.contact ?? '',
    body: input.body,
    submittedAt: now,
    status: 'pending',
    rejectReason: '',
    answer: '',
    answeredByName: '',
    answeredByPost: '',
    answeredAt: null,
    moderatorId: null,
  });
}

async function loadQuestion(db: Executor, user: CurrentUser | null, dialogueId: number, questionId: number) {
  const { u, d } = await loadForStaff(db, user, dialogueId);
  const q = await repo.findQuestion(db, dialogueId, questionId);
  if (!q) {
    throw new AppError('not_found');
  }
  return { u, d, q };
}

/** A moderator lets a pending question be seen (it then waits for a guest's answer). */
export async function approveQuestion(trx: Executor, actor: Actor, user: CurrentUser | null, dialogueId: number, questionId: number): Promise<void> {
  const { u, q } = await loadQuestion(trx, user, dialogueId, questionId);
  if (!(await repo.updateQuestionIf(trx, questionId, ['pending'], { status: 'approved', moderatorId: u.id }))) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, { action: 'dialogue.question.approve', entityType: 'dialogue_question', entityId: questionId, before: { status: q.status }, after: { status: 'approved', dialogueId } });
}

/** A moderator rejects a question with a reason; it is never shown publicly. */
export async function rejectQuestion(trx: Executor, actor: Actor, user: CurrentUser | null, dialogueId: number, questionId: number, reason: string): Promise<void> {
  const { u, q } = await loadQuestion(trx, user, dialogueId, questionId);
  if (!(await repo.updateQuestionIf(trx, questionId, ['pending', 'approved'], { status: 'rejected', rejectReason: reason, moderatorId: u.id }))) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, { action: 'dialogue.question.reject', entityType: 'dialogue_question', entityId: questionId, before: { status: q.status }, after: { status: 'rejected', reason, dialogueId } });
}

/** A guest's answer is published under the guest's name (approving the question if it was pending). */
export async function answerQuestion(trx: Executor, actor: Actor, user: CurrentUser | null, dialogueId: number, questionId: number, input: AnswerInput, now: string = nowIso()): Promise<void> {
  const { u, q } = await loadQuestion(trx, user, dialogueId, questionId);
  const guest = ((await repo.guestsOf(trx, [dialogueId])).get(dialogueId) ?? [])[input.guest];
  if (!guest) {
    throw new AppError('validation_failed', {}, [{ field: 'guest', key: 'validation.choice' }]);
  }
  const patch = { status: 'answered', answer: input.answer, answeredByName: guest.name, answeredByPost: guest.post, answeredAt: now, moderatorId: u.id };
  if (!(await repo.updateQuestionIf(trx, questionId, ['pending', 'approved', 'answered'], patch))) {
    throw new AppError('invalid_state');
  }
  await recordAudit(trx, actor, {
    action: 'dialogue.question.answer',
    entityType: 'dialogue_question',
    entityId: questionId,
    before: { status: q.status, answer: q.answer || undefined },
    after: { status: 'answered', answer: input.answer, guest: guest.name, dialogueId },
  });
}

/** A public dialogue page: drafts do not exist for the public; only published linked policies and visible questions. */
export async function getPublicDialogue(db: Executor, id: number, now: string = nowIso()) {
  const d = await repo.findById(db, id);
  if (!d || d.status !== 'scheduled') {
    throw new AppError('not_found');
  }
  const guests = (await repo.guestsOf(db, [id])).get(id) ?? [];
  const policies = (await orderedBriefs(db, await repo.policyIdsOf(db, id))).filter((p) => p.status === 'published');
  const questions = await repo.questionsOf(db, id, PUBLIC_QUESTION_STATUSES);
  const department = await findDepartmentById(db, d.departmentId);
  return { dialogue: d, department, guests, policies, questions, phase: dialoguePhase(d, now) };
}

/** One page of public dialogues (upcoming and live first, then the archive), with their guests. */
export async function listPublicDialogues(db: Executor, page: number, now: string = nowIso()) {
  const { rows, total } = await repo.publicPage(db, now, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const guests = await repo.guestsOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, guests: guests.get(r.id) ?? [], phase: dialoguePhase(r, now) })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** Public dialogues about a policy, for the policy page. */
export async function dialoguesForPolicy(db: Executor, policyId: number, now: string = nowIso()) {
  return (await repo.publicForPolicy(db, policyId)).map((r) => ({ ...r, phase: dialoguePhase(r, now) }));
}
