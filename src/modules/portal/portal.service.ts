import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { toSafeHtml } from '../../platform/html/sanitize.js';
import { checkUpload, cleanFilename, deleteFile, storeFile } from '../../platform/files/index.js';
import { canActInDepartment, requireDepartment, requireRole, requireUser } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import * as repo from './portal.repository.js';
import type { ArticleInput, ArticleStatus, ColumnInput } from './portal.schema.js';

// ---------------------------------------------------------------- columns

/** A column with its sub-columns. */
export interface ColumnNode extends repo.ColumnRow {
  children: ColumnNode[];
  depth: number;
}

/** Builds the column tree from flat rows (roots first, each level in sort order). */
export function buildTree(rows: repo.ColumnRow[]): ColumnNode[] {
  const nodes = new Map<number, ColumnNode>(rows.map((r) => [r.id, { ...r, children: [], depth: 0 }]));
  const roots: ColumnNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId !== null ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const setDepth = (list: ColumnNode[], depth: number) => {
    for (const n of list) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The tree flattened depth-first (for select menus and the admin list). */
export function flattenTree(roots: ColumnNode[]): ColumnNode[] {
  return roots.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The ids of a column and all its descendants. */
export function subtreeIds(node: ColumnNode): number[] {
  return [node.id, ...node.children.flatMap(subtreeIds)];
}

/** The chain of columns from the root down to the given one. */
export function pathTo(rows: repo.ColumnRow[], id: number): repo.ColumnRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: repo.ColumnRow[] = [];
  let cur = byId.get(id);
  while (cur && out.length < 50) {
    out.unshift(cur);
    cur = cur.parentId !== null ? byId.get(cur.parentId) : undefined;
  }
  return out;
}

/** The whole column tree. */
export async function columnTree(db: Executor): Promise<ColumnNode[]> {
  return buildTree(await repo.allColumns(db));
}

function columnRow(input: ColumnInput) {
  return {
    slug: input.slug,
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? '',
    descriptionZh: input.descriptionZh ?? '',
    descriptionEn: input.descriptionEn ?? '',
    parentId: input.parentId ?? null,
    sortOrder: input.sortOrder,
  };
}

async function checkParent(trx: Executor, id: number | null, parentId: number | undefined): Promise<void> {
  if (parentId === undefined) {
    return;
  }
  const rows = await repo.allColumns(trx);
  if (!rows.some((r) => r.id === parentId)) {
    throw fieldError('parentId', 'validation.choice');
  }
  // Moving a column under itself or its own descendant would cut the branch off the tree.
  if (id !== null && pathTo(rows, parentId).some((r) => r.id === id)) {
    throw fieldError('parentId', 'validation.column_cycle');
  }
}

/** The general office adds a column. */
export async function createColumn(trx: Executor, actor: Actor, user: CurrentUser | null, input: ColumnInput): Promise<number> {
  requireRole(user, 'admin');
  if (await repo.columnBySlug(trx, input.slug)) {
    throw fieldError('slug', 'validation.code_taken');
  }
  await checkParent(trx, null, input.parentId);
  const now = nowIso();
  const id = await repo.insertColumn(trx, { ...columnRow(input), createdAt: now, updatedAt: now });
  await recordAudit(trx, actor, { action: 'column.create', entityType: 'column', entityId: id, after: columnRow(input) });
  return id;
}

/** The general office renames, moves or reorders a column. */
export async function updateColumn(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: ColumnInput): Promise<void> {
  requireRole(user, 'admin');
  const before = await repo.columnById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  const clash = await repo.columnBySlug(trx, input.slug);
  if (clash && clash.id !== id) {
    throw fieldError('slug', 'validation.code_taken');
  }
  await checkParent(trx, id, input.parentId);
  await repo.updateColumn(trx, id, { ...columnRow(input), updatedAt: nowIso() });
  const { createdAt: _c, updatedAt: _u, ...b } = before;
  await recordAudit(trx, actor, { action: 'column.update', entityType: 'column', entityId: id, before: b, after: columnRow(input) });
}

/** The general office deletes an empty column. */
export async function deleteColumn(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<void> {
  requireRole(user, 'admin');
  const before = await repo.columnById(trx, id);
  if (!before) {
    throw new AppError('not_found');
  }
  const usage = await repo.columnUsage(trx, id);
  if (usage.children > 0 || usage.articles > 0) {
    throw new AppError('invalid_state', usage, [], 'portal.column_not_empty');
  }
  await repo.deleteColumn(trx, id);
  await recordAudit(trx, actor, { action: 'column.delete', entityType: 'column', entityId: id, before });
}

// ---------------------------------------------------------------- articles

/** What each role may do to an article in a given state (used by the service and to show buttons). */
export function allowedActions(user: CurrentUser | null, a: { status: string; departmentId: number; authorId: number | null; lastPublishedAt: string | null }) {
  const inDept = canActInDepartment(user, a.departmentId);
  const editor = inDept && (user?.role === 'editor' || user?.role === 'admin');
  const reviewer = inDept && (user?.role === 'reviewer' || user?.role === 'admin');
  const status = a.status as ArticleStatus;
  const editable = status === 'draft' || status === 'rejected' || status === 'published' || status === 'withdrawn';
  // Four eyes: a reviewer does not approve their own text (the general office may).
  const notOwn = user?.role === 'admin' || a.authorId !== user?.id;
  return {
    edit: editor && editable,
    submit: editor && (status === 'draft' || status === 'rejected'),
    approve: reviewer && status === 'in_review' && notOwn,
    reject: reviewer && status === 'in_review',
    withdraw: reviewer && a.lastPublishedAt !== null,
    attach: editor && status !== 'in_review',
  };
}

async function loadArticle(db: Executor, id: number): Promise<repo.ArticleRow> {
  const a = await repo.articleById(db, id);
  if (!a) {
    throw new AppError('not_found');
  }
  return a;
}

async function checkPlacement(trx: Executor, user: CurrentUser, input: ArticleInput): Promise<void> {
  if (!(await repo.columnById(trx, input.columnId))) {
    throw fieldError('columnId', 'validation.choice');
  }
  if (!(await findDepartmentById(trx, input.departmentId))) {
    throw fieldError('departmentId', 'validation.choice');
  }
  if (!canActInDepartment(user, input.departmentId)) {
    throw fieldError('departmentId', 'validation.not_your_department');
  }
}

function auditView(a: repo.ArticleRow) {
  return { status: a.status, title: a.title, summary: a.summary, columnId: a.columnId, departmentId: a.departmentId, bodyHtml: a.bodyHtml, publishedVersion: a.publishedVersion };
}

/** An editor starts a draft in one of their departments. */
export async function createArticle(trx: Executor, actor: Actor, user: CurrentUser | null, input: ArticleInput): Promise<number> {
  const u = requireRole(user, 'editor', 'admin');
  await checkPlacement(trx, u, input);
  const now = nowIso();
  const id = await repo.insertArticle(trx, {
    columnId: input.columnId,
    departmentId: input.departmentId,
    status: 'draft',
    title: input.title,
    summary: input.summary ?? '',
    bodyHtml: toSafeHtml(input.body),
    authorId: u.id,
    reviewNote: '',
    publishedVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
  await recordAudit(trx, actor, { action: 'article.create', entityType: 'article', entityId: id, after: auditView(await loadArticle(trx, id)) });
  return id;
}

/**
 * An editor changes the working copy. Editing a published article starts a new draft; the public keeps
 * seeing the last published version until the new one is approved.
 */
export async function updateArticle(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: ArticleInput): Promise<void> {
  const u = requireUser(user);
  const before = await loadArticle(trx, id);
  requireDepartment(u, before.departmentId);
  if (!allowedActions(u, before).edit) {
    throw new AppError('invalid_state', {}, [], 'portal.cannot_edit');
  }
  await checkPlacement(trx, u, input);
  const ok = await repo.updateArticleIf(trx, id, { status: before.status, updatedAt: before.updatedAt }, {
    columnId: input.columnId,
    departmentId: input.departmentId,
    title: input.title,
    summary: input.summary ?? '',
    bodyHtml: toSafeHtml(input.body),
    status: 'draft',
    authorId: u.id,
    updatedAt: nowIso(),
  });
  if (!ok) {
    throw new AppError('conflict');
  }
  await recordAudit(trx, actor, { action: 'article.update', entityType: 'article', entityId: id, before: auditView(before), after: auditView(await loadArticle(trx, id)) });
}

async function transition(
  trx: Executor,
  actor: Actor,
  user: CurrentUser | null,
  id: number,
  action: 'submit' | 'approve' | 'reject' | 'withdraw',
  note = '',
): Promise<repo.ArticleRow> {
  const u = requireUser(user);
  const before = await loadArticle(trx, id);
  requireDepartment(u, before.departmentId);
  if (!allowedActions(u, before)[action]) {
    throw new AppError('invalid_state', {}, [], action === 'approve' && before.authorId === u.id ? 'portal.no_self_approval' : 'portal.cannot_transition');
  }
  const now = nowIso();
  let patch: Parameters<typeof repo.updateArticle>[2];
  switch (action) {
    case 'submit':
      patch = { status: 'in_review', reviewNote: '', updatedAt: now };
      break;
    case 'reject':
      patch = { status: 'rejected', reviewNote: note, updatedAt: now };
      break;
    case 'withdraw':
      patch = { status: 'withdrawn', lastPublishedAt: null, updatedAt: now };
      break;
    case 'approve': {
      // Publishing keeps every version: the new one is added, none is overwritten.
      const version = before.publishedVersion + 1;
      await repo.insertVersion(trx, {
        articleId: id,
        version,
        title: before.title,
        summary: before.summary,
        bodyHtml: before.bodyHtml,
        authorId: before.authorId,
        reviewerId: u.id,
        publishedAt: now,
      });
      await repo.snapshotAttachments(trx, id, version);
      patch = { status: 'published', publishedVersion: version, publicTitle: before.title, publicSummary: before.summary, publicColumnId: before.columnId, publicDepartmentId: before.departmentId, firstPublishedAt: before.firstPublishedAt ?? now, lastPublishedAt: now, reviewNote: '', updatedAt: now };
      break;
    }
  }
  if (!(await repo.updateArticleIf(trx, id, { status: before.status }, patch))) {
    throw new AppError('conflict');
  }
  const after = await loadArticle(trx, id);
  await recordAudit(trx, actor, { action: `article.${action}`, entityType: 'article', entityId: id, before: { status: before.status }, after: { status: after.status, publishedVersion: after.publishedVersion, note: note || undefined } });
  return after;
}

/** An editor sends a draft to review. */
export const submitArticle = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'submit');
/** A reviewer approves: the working copy becomes the next published version. */
export const approveArticle = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'approve');
/** A reviewer sends the draft back with a note. */
export const rejectArticle = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, note: string) => transition(trx, actor, user, id, 'reject', note);
/** A reviewer takes a published article off the public site (its versions stay on record). */
export const withdrawArticle = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'withdraw');

/** An article's working copy for staff of its department. */
export async function getArticleForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const a = await loadArticle(db, id);
  requireDepartment(u, a.departmentId);
  return { article: a, attachments: await repo.attachmentsOf(db, id), versions: await repo.versionsOf(db, id), actions: allowedActions(u, a) };
}

/** Staff article list, scoped to the user's departments. */
export async function listStaffArticles(db: Executor, user: CurrentUser | null, status: string | undefined, page: number, pageSize = 30) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const depts = u.role === 'admin' ? null : u.departmentIds;
  const r = await repo.staffArticles(db, depts, status, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}

/** Counts per status in the user's departments. */
export async function dashboardCounts(db: Executor, user: CurrentUser | null) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  return repo.statusCounts(db, u.role === 'admin' ? null : u.departmentIds);
}

/** A change to a published article's attachments makes its working copy a draft that needs review again. */
async function markChanged(trx: Executor, a: repo.ArticleRow): Promise<void> {
  await repo.updateArticle(trx, a.id, { status: a.status === 'published' ? 'draft' : a.status, updatedAt: nowIso() });
}

/** An editor attaches an uploaded file (type and size checked) to an article. */
export async function addAttachment(
  trx: Executor,
  actor: Actor,
  user: CurrentUser | null,
  id: number,
  upload: { filename: string; content: Buffer; truncated: boolean },
  maxBytes: number,
): Promise<number> {
  const u = requireUser(user);
  const a = await loadArticle(trx, id);
  requireDepartment(u, a.departmentId);
  if (!allowedActions(u, a).attach) {
    throw new AppError('invalid_state', {}, [], 'portal.cannot_edit');
  }
  if (upload.truncated) {
    throw new AppError('payload_too_large', {}, [{ field: 'file', key: 'validation.file_size', params: { max: Math.round(maxBytes / 1024 / 1024) } }]);
  }
  const filename = cleanFilename(upload.filename);
  const { mimeType } = checkUpload(filename, upload.content, maxBytes);
  const fileId = await storeFile(trx, { filename, mimeType, content: upload.content, uploadedBy: u.id });
  await repo.attach(trx, id, fileId);
  await markChanged(trx, a);
  await recordAudit(trx, actor, { action: 'article.attach', entityType: 'article', entityId: id, after: { fileId, filename, size: upload.content.length, mimeType } });
  return fileId;
}

/** An editor removes an attachment. */
export async function removeAttachment(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, fileId: number): Promise<void> {
  const u = requireUser(user);
  const a = await loadArticle(trx, id);
  requireDepartment(u, a.departmentId);
  if (!allowedActions(u, a).attach) {
    throw new AppError('invalid_state', {}, [], 'portal.cannot_edit');
  }
  if (!(await repo.detach(trx, id, fileId))) {
    throw new AppError('not_found');
  }
  await markChanged(trx, a);
  // A file that went out with a published version stays, so that version stays complete.
  if (!(await repo.fileInVersions(trx, fileId))) {
    await deleteFile(trx, fileId);
  }
  await recordAudit(trx, actor, { action: 'article.detach', entityType: 'article', entityId: id, before: { fileId } });
}

/** May this user download this file? Public when a published version of an article online carries it; otherwise staff of its department. */
export async function canReadFile(db: Executor, user: CurrentUser | null, fileId: number): Promise<boolean> {
  const owner = await repo.articleOfFile(db, fileId);
  if (!owner) {
    return false;
  }
  return owner.isPublic || canActInDepartment(user, owner.departmentId);
}

// ---------------------------------------------------------------- public reading

/** A published article as the public reads it: its newest published version. */
export async function getPublicArticle(db: Executor, id: number, versionNo?: number) {
  const a = await loadArticle(db, id);
  if (a.lastPublishedAt === null) {
    throw new AppError('not_found');
  }
  const v = await repo.version(db, id, versionNo ?? a.publishedVersion);
  if (!v) {
    throw new AppError('not_found');
  }
  const [attachments, versions, department, columns] = await Promise.all([
    repo.versionAttachments(db, id, v.version),
    repo.versionsOf(db, id),
    findDepartmentById(db, a.publicDepartmentId ?? a.departmentId),
    repo.allColumns(db),
  ]);
  return { article: a, version: v, attachments, versions, department, columnPath: pathTo(columns, a.publicColumnId ?? a.columnId), isLatest: v.version === a.publishedVersion };
}

/** A column page: the column, its sub-columns and the published articles in it and below it. */
export async function getColumnPage(db: Executor, slug: string, page: number, pageSize = 20) {
  const rows = await repo.allColumns(db);
  const col = rows.find((r) => r.slug === slug);
  if (!col) {
    throw new AppError('not_found');
  }
  const node = flattenTree(buildTree(rows)).find((n) => n.id === col.id)!;
  const r = await repo.publicArticles(db, subtreeIds(node), pageSize, (page - 1) * pageSize);
  return { column: node, path: pathTo(rows, col.id), ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}

/** The home page: each top-level column with its newest items, and the newest items overall. */
export async function getHome(db: Executor, perSection = 6) {
  const tree = await columnTree(db);
  const sections = await Promise.all(tree.map(async (col) => ({ column: col, items: await repo.latestInColumns(db, subtreeIds(col), perSection) })));
  const latest = await repo.latestInColumns(db, null, 8);
  return { sections, latest };
}

/** Published articles for the API, optionally within one column's subtree. */
export async function listPublicArticles(db: Executor, columnSlug: string | undefined, page: number, pageSize = 20) {
  let ids: number[] | null = null;
  if (columnSlug) {
    const rows = await repo.allColumns(db);
    const node = flattenTree(buildTree(rows)).find((n) => n.slug === columnSlug);
    if (!node) {
      throw new AppError('not_found');
    }
    ids = subtreeIds(node);
  }
  const r = await repo.publicArticles(db, ids, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}
