import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { ArticleTable, PortalColumnTable } from '../../db/database.js';

export type ColumnRow = Selectable<PortalColumnTable>;
export type ArticleRow = Selectable<ArticleTable>;

// ---- columns ----

/** Every column, in tree order (parents sort before children by sortOrder then id). */
export async function allColumns(db: Executor): Promise<ColumnRow[]> {
  return db.selectFrom('portalColumn').selectAll().orderBy('sortOrder').orderBy('id').execute();
}

/** A column by slug. */
export async function columnBySlug(db: Executor, slug: string): Promise<ColumnRow | undefined> {
  return db.selectFrom('portalColumn').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** A column by id. */
export async function columnById(db: Executor, id: number): Promise<ColumnRow | undefined> {
  return db.selectFrom('portalColumn').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a column. */
export async function insertColumn(db: Executor, row: Insertable<PortalColumnTable>): Promise<number> {
  return (await db.insertInto('portalColumn').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a column. */
export async function updateColumn(db: Executor, id: number, patch: Updateable<PortalColumnTable>): Promise<void> {
  await db.updateTable('portalColumn').set(patch).where('id', '=', id).execute();
}

/** Deletes a column. */
export async function deleteColumn(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('portalColumn').where('id', '=', id).execute();
}

/** How many sub-columns and articles a column holds (a column is deleted only when empty). */
export async function columnUsage(db: Executor, id: number): Promise<{ children: number; articles: number }> {
  const [c, a] = await Promise.all([
    db.selectFrom('portalColumn').select((eb) => eb.fn.countAll<number>().as('n')).where('parentId', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('article').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => eb.or([eb('columnId', '=', id), eb('publicColumnId', '=', id)])).executeTakeFirstOrThrow(),
  ]);
  return { children: Number(c.n), articles: Number(a.n) };
}

// ---- articles ----

/** An article's working copy. */
export async function articleById(db: Executor, id: number): Promise<ArticleRow | undefined> {
  return db.selectFrom('article').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an article. */
export async function insertArticle(db: Executor, row: Insertable<ArticleTable>): Promise<number> {
  return (await db.insertInto('article').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Updates an article only if it is still in the expected state: two reviewers acting at once cannot
 * both publish. Returns false when the state had changed.
 */
export async function updateArticleIf(db: Executor, id: number, expected: { status: string; updatedAt?: string }, patch: Updateable<ArticleTable>): Promise<boolean> {
  let q = db.updateTable('article').set(patch).where('id', '=', id).where('status', '=', expected.status);
  if (expected.updatedAt) {
    q = q.where('updatedAt', '=', expected.updatedAt);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Updates an article unconditionally. */
export async function updateArticle(db: Executor, id: number, patch: Updateable<ArticleTable>): Promise<void> {
  await db.updateTable('article').set(patch).where('id', '=', id).execute();
}

/** Inserts a published version. */
export async function insertVersion(
  db: Executor,
  v: { articleId: number; version: number; title: string; summary: string; bodyHtml: string; authorId: number | null; reviewerId: number | null; publishedAt: string },
): Promise<void> {
  await db.insertInto('articleVersion').values(v).execute();
}

/** Every published version of an article, newest first. */
export async function versionsOf(db: Executor, articleId: number) {
  return db
    .selectFrom('articleVersion')
    .leftJoin('user as reviewer', 'reviewer.id', 'articleVersion.reviewerId')
    .select(['articleVersion.version', 'articleVersion.title', 'articleVersion.publishedAt', 'reviewer.displayName as reviewerName'])
    .where('articleId', '=', articleId)
    .orderBy('version', 'desc')
    .execute();
}

/** One published version. */
export async function version(db: Executor, articleId: number, v: number) {
  return db.selectFrom('articleVersion').selectAll().where('articleId', '=', articleId).where('version', '=', v).executeTakeFirst();
}

/** The public listing row: the published title and dates (copied onto the article at approval). */
const publicSelect = ['id', 'publicTitle', 'publicSummary', 'publicColumnId', 'publicDepartmentId', 'firstPublishedAt', 'lastPublishedAt'] as const;

type PublicRow = { id: number; title: string; summary: string; columnId: number; departmentId: number; firstPublishedAt: string | null; lastPublishedAt: string | null };

function toPublic(r: { id: number; publicTitle: string | null; publicSummary: string | null; publicColumnId: number | null; publicDepartmentId: number | null; firstPublishedAt: string | null; lastPublishedAt: string | null }): PublicRow {
  return { id: r.id, title: r.publicTitle ?? '', summary: r.publicSummary ?? '', columnId: r.publicColumnId ?? 0, departmentId: r.publicDepartmentId ?? 0, firstPublishedAt: r.firstPublishedAt, lastPublishedAt: r.lastPublishedAt };
}

/** Published articles, newest first, optionally within some columns; with the total. */
export async function publicArticles(db: Executor, columnIds: number[] | null, limit: number, offset: number): Promise<{ rows: PublicRow[]; total: number }> {
  let base = db.selectFrom('article').where('lastPublishedAt', 'is not', null);
  if (columnIds) {
    if (columnIds.length === 0) {
      return { rows: [], total: 0 };
    }
    base = base.where('publicColumnId', 'in', columnIds);
  }
  // Both queries are answered from the (publicColumnId, lastPublishedAt, id) and (lastPublishedAt, id) indexes.
  const [rows, count] = await Promise.all([
    base.select(publicSelect).orderBy('lastPublishedAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toPublic), total: Number(count.n) };
}

/** The newest published articles within some columns (home page sections), without counting. */
export async function latestInColumns(db: Executor, columnIds: number[] | null, limit: number): Promise<PublicRow[]> {
  let q = db.selectFrom('article').where('lastPublishedAt', 'is not', null);
  if (columnIds) {
    if (columnIds.length === 0) {
      return [];
    }
    q = q.where('publicColumnId', 'in', columnIds);
  }
  const rows = await q.select(publicSelect).orderBy('lastPublishedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toPublic);
}

/** Staff list: working copies in some departments (null = all), optionally by status. */
export async function staffArticles(db: Executor, departmentIds: number[] | null, status: string | undefined, limit: number, offset: number) {
  let base = db.selectFrom('article');
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return { rows: [], total: 0 };
    }
    base = base.where('departmentId', 'in', departmentIds);
  }
  if (status) {
    base = base.where('status', '=', status);
  }
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'title', 'status', 'columnId', 'departmentId', 'publishedVersion', 'lastPublishedAt', 'updatedAt'])
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Counts per status in some departments, for the staff dashboard. */
export async function statusCounts(db: Executor, departmentIds: number[] | null): Promise<Record<string, number>> {
  let q = db.selectFrom('article').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status');
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return {};
    }
    q = q.where('departmentId', 'in', departmentIds);
  }
  const rows = await q.execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Attachments of an article. */
export async function attachmentsOf(db: Executor, articleId: number) {
  return db
    .selectFrom('articleAttachment')
    .innerJoin('file', 'file.id', 'articleAttachment.fileId')
    .select(['file.id', 'file.filename', 'file.mimeType', 'file.size'])
    .where('articleAttachment.articleId', '=', articleId)
    .orderBy('articleAttachment.sortOrder')
    .orderBy('file.id')
    .execute();
}

/** Links a stored file to an article. */
export async function attach(db: Executor, articleId: number, fileId: number): Promise<void> {
  await db.insertInto('articleAttachment').values({ articleId, fileId, sortOrder: fileId }).execute();
}

/** Records the working copy's attachments as those of a newly published version. */
export async function snapshotAttachments(db: Executor, articleId: number, version: number): Promise<void> {
  const rows = await db.selectFrom('articleAttachment').select(['fileId', 'sortOrder']).where('articleId', '=', articleId).execute();
  if (rows.length > 0) {
    await db
      .insertInto('articleVersionAttachment')
      .values(rows.map((r) => ({ articleId, version, fileId: r.fileId, sortOrder: r.sortOrder })))
      .execute();
  }
}

/** The attachments a published version went out with. */
export async function versionAttachments(db: Executor, articleId: number, version: number) {
  return db
    .selectFrom('articleVersionAttachment')
    .innerJoin('file', 'file.id', 'articleVersionAttachment.fileId')
    .select(['file.id', 'file.filename', 'file.mimeType', 'file.size'])
    .where('articleVersionAttachment.articleId', '=', articleId)
    .where('articleVersionAttachment.version', '=', version)
    .orderBy('articleVersionAttachment.sortOrder')
    .orderBy('file.id')
    .execute();
}

/** The article a file belongs to (its working copy or one of its versions), with whether a public version carries it. */
export async function articleOfFile(db: Executor, fileId: number): Promise<{ departmentId: number; isPublic: boolean } | undefined> {
  const published = await db
    .selectFrom('articleVersionAttachment')
    .innerJoin('article', 'article.id', 'articleVersionAttachment.articleId')
    .select(['article.departmentId', 'article.lastPublishedAt'])
    .where('articleVersionAttachment.fileId', '=', fileId)
    .orderBy('article.lastPublishedAt', 'desc')
    .executeTakeFirst();
  if (published) {
    return { departmentId: published.departmentId, isPublic: published.lastPublishedAt !== null };
  }
  const draft = await db
    .selectFrom('articleAttachment')
    .innerJoin('article', 'article.id', 'articleAttachment.articleId')
    .select(['article.departmentId'])
    .where('articleAttachment.fileId', '=', fileId)
    .executeTakeFirst();
  return draft ? { departmentId: draft.departmentId, isPublic: false } : undefined;
}

/** True when some published version still lists the file (so it must be kept). */
export async function fileInVersions(db: Executor, fileId: number): Promise<boolean> {
  return (await db.selectFrom('articleVersionAttachment').select('fileId').where('fileId', '=', fileId).executeTakeFirst()) !== undefined;
}

/** Unlinks a file from an article. */
export async function detach(db: Executor, articleId: number, fileId: number): Promise<boolean> {
  const r = await db.deleteFrom('articleAttachment').where('articleId', '=', articleId).where('fileId', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
