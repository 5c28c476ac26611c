import { z } from 'zod';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { requiredText } from '../../http/schema-helpers.js';
import { msg } from '../../http/validate.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { requireDepartment, requireRole } from '../accounts/index.js';
import * as policies from './policies.repository.js';
import { load } from './policies.service.js';
import { alignArticles, diffWords, parseAnchors, type AlignedRow, type ArticleChangeKind, type DiffSegment } from './policies.compare.js';
import * as repo from './policies.compare.repository.js';

// The comparison page and the editor's notes: who may write notes, which anchors a note may name, and
// where on the page each note sits.

const ANCHOR = /^(tiao|duan)-\d{1,5}(-\d{1,3})?$/;

/** A list of article anchors from checkboxes (repeated field), a typed list, or a JSON array. */
const anchorList = z.preprocess(
  (v): unknown => (v === undefined || v === '' ? [] : typeof v === 'string' ? parseAnchors(v) : v),
  // Checked on the whole list so that the problem is reported on the field, not on "newAnchors.3".
  z
    .array(z.string().trim())
    .max(200)
    .refine((xs) => xs.every((x) => ANCHOR.test(x)), msg('validation.format')),
);

/** An editor's change note as a form or the API sends it. */
export const ChangeNoteSchema = z.strictObject({
  /** The headline after 变化N：, e.g. 市级统筹力度更大了. */
  title: requiredText(60),
  /** What changed and why, in plain words. */
  body: requiredText(3000),
  /** Articles of the new policy the note explains. */
  newAnchors: anchorList,
  /** Articles of the old policy it explains (for removed ones). */
  oldAnchors: anchorList,
});
export type ChangeNoteInput = z.output<typeof ChangeNoteSchema>;

/** The comparison page's query: ?only=changes hides the unchanged articles. */
export const CompareQuery = z.object({ only: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['changes']).optional()) });

const noteView = (n: repo.ChangeNoteRow) => ({ policyId: n.policyId, seq: n.seq, title: n.title, body: n.body, newAnchors: n.newAnchors, oldAnchors: n.oldAnchors });

/** The policy whose notes a staff member reads or writes, after the role and department checks. */
async function staffPolicy(db: Executor, user: CurrentUser | null, policyId: number, write: boolean) {
  const u = write ? requireRole(user, 'editor', 'admin') : requireRole(user, 'editor', 'reviewer', 'admin');
  const p = await load(db, policyId);
  requireDepartment(u, p.departmentId);
  return { u, p };
}

/** A policy with a predecessor: notes only make sense there. */
function predecessorOf(p: policies.PolicyRow): number {
  if (p.replacesId === null) {
    throw new AppError('invalid_state', {}, [], 'compare.no_predecessor');
  }
  return p.replacesId;
}

/** Every anchor a note names must be an article of its side; problems name the field and anchor. */
async function checkAnchors(db: Executor, p: policies.PolicyRow, oldId: number, input: ChangeNoteInput): Promise<{ newAnchors: string; oldAnchors: string }> {
  const [newArticles, oldArticles] = await Promise.all([policies.articlesOf(db, p.id), policies.articlesOf(db, oldId)]);
  const problems: FieldProblem[] = [];
  const check = (field: 'newAnchors' | 'oldAnchors', anchors: string[], known: Set<string>) => {
    const unknown = anchors.filter((a) => !known.has(a));
    if (unknown.length > 0) {
      problems.push({ field, key: field === 'newAnchors' ? 'compare.anchor_not_in_new' : 'compare.anchor_not_in_old', params: { anchors: unknown.join(' ') } });
    }
  };
  const newAnchors = [...new Set(input.newAnchors)];
  const oldAnchors = [...new Set(input.oldAnchors)];
  check('newAnchors', newAnchors, new Set(newArticles.map((a) => a.anchor)));
  check('oldAnchors', oldAnchors, new Set(oldArticles.map((a) => a.anchor)));
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  return { newAnchors: newAnchors.join(' '), oldAnchors: oldAnchors.join(' ') };
}

/** A policy's notes with what the staff page needs to write them: both texts' articles. */
export async function getChangeNotesForStaff(db: Executor, user: CurrentUser | null, policyId: number) {
  const { u, p } = await staffPolicy(db, user, policyId, false);
  const old = p.replacesId === null ? undefined : await policies.findById(db, p.replacesId);
  const [notes, newArticles, oldArticles] = await Promise.all([repo.notesOf(db, p.id), policies.articlesOf(db, p.id), old ? policies.articlesOf(db, old.id) : Promise.resolve([])]);
  return { policy: p, old, notes, newArticles, oldArticles, canEdit: u.role === 'editor' || u.role === 'admin' };
}

/** One note for its edit form. */
export async function getChangeNoteForStaff(db: Executor, user: CurrentUser | null, policyId: number, noteId: number) {
  const s = await getChangeNotesForStaff(db, user, policyId);
  const note = s.notes.find((n) => n.id === noteId);
  if (!note) {
    throw new AppError('not_found');
  }
  return { ...s, note };
}

/** An editor of the policy's department adds a note at the end (in any status of the policy). */
export async function createChangeNote(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, input: ChangeNoteInput): Promise<number> {
  const { u, p } = await staffPolicy(trx, user, policyId, true);
  const anchors = await checkAnchors(trx, p, predecessorOf(p), input);
  const now = nowIso();
  const id = await repo.insertNote(trx, { policyId, seq: await repo.nextSeq(trx, policyId), title: input.title, body: input.body, ...anchors, authorId: u.id, createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'policy_change_note.create', entityType: 'policy_change_note', entityId: id, after: noteView((await repo.findNote(trx, policyId, id))!) });
  return id;
}

async function loadNote(db: Executor, policyId: number, noteId: number): Promise<repo.ChangeNoteRow> {
  const n = await repo.findNote(db, policyId, noteId);
  if (!n) {
    throw new AppError('not_found');
  }
  return n;
}

/** An editor changes a note's text or the articles it explains. */
export async function updateChangeNote(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, noteId: number, input: ChangeNoteInput): Promise<void> {
  const { u, p } = await staffPolicy(trx, user, policyId, true);
  const before = await loadNote(trx, policyId, noteId);
  const anchors = await checkAnchors(trx, p, predecessorOf(p), input);
  await repo.updateNote(trx, noteId, { title: input.title, body: input.body, ...anchors, authorId: u.id, updatedAt: nowIso() });
  await recordAudit(trx, actor, { action: 'policy_change_note.update', entityType: 'policy_change_note', entityId: noteId, before: noteView(before), after: noteView(await loadNote(trx, policyId, noteId)) });
}

/** An editor deletes a note; the later ones move up a number. */
export async function deleteChangeNote(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, noteId: number): Promise<void> {
  await staffPolicy(trx, user, policyId, true);
  const before = await loadNote(trx, policyId, noteId);
  await repo.deleteNote(trx, noteId);
  await repo.renumber(trx, (await repo.notesOf(trx, policyId)).map((n) => n.id), nowIso());
  await recordAudit(trx, actor, { action: 'policy_change_note.delete', entityType: 'policy_change_note', entityId: noteId, before: noteView(before) });
}

/** An editor moves a note one place up or down (变化二 becomes 变化一 and the other way round). */
export async function moveChangeNote(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, noteId: number, direction: 'up' | 'down'): Promise<void> {
  await staffPolicy(trx, user, policyId, true);
  await loadNote(trx, policyId, noteId);
  const ids = (await repo.notesOf(trx, policyId)).map((n) => n.id);
  const k = ids.indexOf(noteId);
  const other = direction === 'up' ? k - 1 : k + 1;
  if (other < 0 || other >= ids.length) {
    return; // Already first or last: nothing to do, nothing to record.
  }
  [ids[k], ids[other]] = [ids[other]!, ids[k]!];
  await repo.renumber(trx, ids, nowIso());
  await recordAudit(trx, actor, { action: 'policy_change_note.move', entityType: 'policy_change_note', entityId: noteId, before: { seq: k + 1 }, after: { seq: other + 1, direction } });
}

/** One side of a comparison row. */
export interface CompareArticle {
  anchor: string;
  number: number;
  text: string;
  /** True when the text has 第X条 articles (anchors tiao-N), false for numbered paragraphs. */
  numbered: boolean;
}

/** A row of the comparison with its word diff and the notes placed beside it. */
export interface CompareRow extends AlignedRow<CompareArticle> {
  /** Word diff of a changed pair; null otherwise. */
  diff: DiffSegment[] | null;
  /** Notes shown beside this row (the first visible row each note explains). */
  notes: number[];
  /** Notes placed at an earlier row that also explain this one. */
  seeAlso: number[];
}

/** A note as the comparison shows it. */
export interface CompareNote {
  seq: number;
  title: string;
  body: string;
  newAnchors: string[];
  oldAnchors: string[];
  /** Where the note sits: a row index, or null for the notes shown above the table. */
  row: number | null;
}

const side = (a: policies.PolicyArticleRow | undefined): CompareArticle | undefined => (a ? { anchor: a.anchor, number: a.number, text: a.text, numbered: a.anchor.startsWith('tiao-') } : undefined);

/** Places each note beside the first row it explains; a note whose articles are all hidden goes above the table. */
export function placeNotes(rows: Array<Pick<CompareRow, 'old' | 'new' | 'notes' | 'seeAlso'>>, notes: Array<Omit<CompareNote, 'row'>>): CompareNote[] {
  return notes.map((n) => {
    let placed: number | null = null;
    rows.forEach((r, k) => {
      const hit = (r.new !== undefined && n.newAnchors.includes(r.new.anchor)) || (r.old !== undefined && n.oldAnchors.includes(r.old.anchor));
      if (!hit) {
        return;
      }
      if (placed === null) {
        placed = k;
        r.notes.push(n.seq);
      } else {
        r.seeAlso.push(n.seq);
      }
    });
    return { ...n, row: placed };
  });
}

/**
 * The public comparison of a published policy with the published policy it replaces: rows aligned
 * article by article, counts, and the editor's notes. Not found when either is not published.
 */
export async function getComparison(db: Executor, policyId: number, onlyChanges: boolean) {
  const p = await load(db, policyId);
  if (p.status !== 'published' || p.replacesId === null) {
    throw new AppError('not_found');
  }
  const old = await policies.findById(db, p.replacesId);
  if (!old || old.status !== 'published') {
    throw new AppError('not_found');
  }
  const [newArticles, oldArticles, noteRows] = await Promise.all([policies.articlesOf(db, p.id), policies.articlesOf(db, old.id), repo.notesOf(db, p.id)]);
  const aligned = alignArticles(oldArticles.map((a) => side(a)!), newArticles.map((a) => side(a)!));
  const counts: Record<ArticleChangeKind, number> = { same: 0, changed: 0, moved: 0, added: 0, removed: 0 };
  for (const r of aligned) {
    counts[r.kind] += 1;
  }
  // "Moved" counts every pair whose place changed, changed in wording or not.
  const summary = { ...counts, moved: aligned.filter((r) => r.moved).length, total: aligned.length };
  const rows: CompareRow[] = aligned
    .filter((r) => !onlyChanges || r.kind !== 'same')
    .map((r) => ({ ...r, diff: r.kind === 'changed' ? diffWords(r.old!.text, r.new!.text) : null, notes: [], seeAlso: [] }));
  const notes = placeNotes(
    rows,
    noteRows.map((n) => ({ seq: n.seq, title: n.title, body: n.body, newAnchors: parseAnchors(n.newAnchors), oldAnchors: parseAnchors(n.oldAnchors) })),
  );
  return { policy: p, old, rows, summary, notes, onlyChanges };
}

export type Comparison = Awaited<ReturnType<typeof getComparison>>;
