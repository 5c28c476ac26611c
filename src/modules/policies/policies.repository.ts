import crypto from 'node:crypto';
import { type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { PolicyArticleTable, PolicyTable } from '../../db/database.js';
import type { PolicyTerm } from './policies.terms.js';
import type { PolicyArticle } from './policies.structure.js';

export type PolicyRow = Selectable<PolicyTable>;
export type PolicyArticleRow = Selectable<PolicyArticleTable>;

/** A policy by id. */
export async function findById(db: Executor, id: number): Promise<PolicyRow | undefined> {
  return db.selectFrom('policy').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A policy by its index number. */
export async function findByIndexNo(db: Executor, indexNo: string): Promise<PolicyRow | undefined> {
  return db.selectFrom('policy').selectAll().where('indexNo', '=', indexNo).executeTakeFirst();
}

/** Inserts a policy. */
export async function insert(db: Executor, row: Insertable<PolicyTable>): Promise<number> {
  return (await db.insertInto('policy').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a policy only if it is still in the expected state; false when it was not. */
export async function updateIf(db: Executor, id: number, expectedStatus: string, patch: Updateable<PolicyTable>): Promise<boolean> {
  const r = await db.updateTable('policy').set(patch).where('id', '=', id).where('status', '=', expectedStatus).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Replaces a policy's parsed articles. */
export async function replaceArticles(db: Executor, policyId: number, articles: PolicyArticle[]): Promise<void> {
  await db.deleteFrom('policyArticle').where('policyId', '=', policyId).execute();
  for (let i = 0; i < articles.length; i += 200) {
    await db
      .insertInto('policyArticle')
      .values(articles.slice(i, i + 200).map((a) => ({ policyId, seq: a.seq, number: a.number, anchor: a.anchor, chapterNumber: a.chapterNumber, chapterTitle: a.chapterTitle, text: a.text })))
      .execute();
  }
}

/** A policy's articles in order. */
export async function articlesOf(db: Executor, policyId: number): Promise<PolicyArticleRow[]> {
  return db.selectFrom('policyArticle').selectAll().where('policyId', '=', policyId).orderBy('seq').execute();
}

/** The published policy that names this one as the policy it replaces. */
export async function successorOf(db: Executor, id: number) {
  return db.selectFrom('policy').select(['id', 'title', 'docNumber']).where('replacesId', '=', id).where('status', '=', 'published').orderBy('publishedOn', 'desc').executeTakeFirst();
}

/** Short references (id, title) for a set of policies. */
export async function titles(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('policy').select(['id', 'title', 'docNumber', 'status']).where('id', 'in', ids).execute();
}

const listColumns = ['id', 'indexNo', 'title', 'docNumber', 'issuingOrgan', 'departmentId', 'theme', 'writtenOn', 'publishedOn', 'effectiveOn', 'validity', 'validityEndedOn', 'updatedAt'] as const;

/** The newest published policies (for choosing the policy a new one replaces). */
export async function newestPublished(db: Executor, limit: number) {
  return db.selectFrom('policy').select(listColumns).where('status', '=', 'published').orderBy('publishedOn', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The text of some policies (for search snippets). */
export async function bodies(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('policy').select(['id', 'summary', 'body']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `${r.summary}\n${r.body}`]));
}

/** Recently published or changed policies, for the feeds. */
export async function recentlyChanged(db: Executor, limit: number) {
  return db.selectFrom('policy').select([...listColumns, 'summary']).where('status', '=', 'published').orderBy('updatedAt', 'desc').limit(limit).execute();
}

/** Staff list: policies in some departments (null = all). */
export async function listStaff(db: Executor, departmentIds: number[] | null, status: string | undefined, limit: number, offset: number) {
  let q = db.selectFrom('policy');
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return { rows: [], total: 0 };
    }
    q = q.where('departmentId', 'in', departmentIds);
  }
  if (status) {
    q = q.where('status', '=', status);
  }
  const [rows, count] = await Promise.all([
    q.select(['id', 'title', 'status', 'docNumber', 'validity', 'updatedAt']).orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Brief references to policies, for other modules (plans, dialogues, assessment). */
export async function briefs(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  return db.selectFrom('policy').select(briefColumns).where('id', 'in', ids).execute();
}

const briefColumns = ['id', 'indexNo', 'title', 'docNumber', 'departmentId', 'status', 'category', 'writtenOn', 'publishedOn', 'validity'] as const;

/** Published policies, optionally of some departments and published within [from, to], oldest first. */
export async function publishedBriefs(db: Executor, opts: { departmentIds?: number[]; from?: string; to?: string; categories?: readonly string[] }) {
  let q = db.selectFrom('policy').select(briefColumns).where('status', '=', 'published');
  if (opts.departmentIds) {
    if (opts.departmentIds.length === 0) {
      return [];
    }
    q = q.where('departmentId', 'in', opts.departmentIds);
  }
  if (opts.categories) {
    q = q.where('category', 'in', [...opts.categories]);
  }
  if (opts.from) {
    q = q.where('publishedOn', '>=', opts.from);
  }
  if (opts.to) {
    q = q.where('publishedOn', '<=', opts.to);
  }
  return q.orderBy('publishedOn').orderBy('id').execute();
}

/** Replaces a policy's glossary terms. */
export async function replaceTerms(db: Executor, policyId: number, terms: PolicyTerm[]): Promise<void> {
  await db.deleteFrom('policyTerm').where('policyId', '=', policyId).execute();
  if (terms.length > 0) {
    await db
      .insertInto('policyTerm')
      .values(terms.map((t, i) => ({ policyId, seq: i + 1, term: t.term, definition: t.definition })))
      .execute();
  }
}

/** A policy's glossary terms in order. */
export async function termsOf(db: Executor, policyId: number): Promise<PolicyTerm[]> {
  return db.selectFrom('policyTerm').select(['term', 'definition']).where('policyId', '=', policyId).orderBy('seq').execute();
}

/** A policy's attachments (metadata only), in order. */
export async function attachmentsOf(db: Executor, policyId: number) {
  return db
    .selectFrom('policyAttachment')
    .innerJoin('file', 'file.id', 'policyAttachment.fileId')
    .select(['policyAttachment.id', 'policyAttachment.fileId', 'policyAttachment.title', 'file.filename', 'file.mimeType', 'file.size'])
    .where('policyAttachment.policyId', '=', policyId)
    .orderBy('policyAttachment.seq')
    .execute();
}

/** Adds an attachment at the end of a policy's list. */
export async function addAttachment(db: Executor, policyId: number, fileId: number, title: string): Promise<number> {
  const last = await db.selectFrom('policyAttachment').select((eb) => eb.fn.max<number>('seq').as('m')).where('policyId', '=', policyId).executeTakeFirst();
  const r = await db
    .insertInto('policyAttachment')
    .values({ policyId, fileId, title, seq: Number(last?.m ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Removes an attachment; returns its file id (undefined when it was not this policy's). */
export async function removeAttachment(db: Executor, policyId: number, attachmentId: number): Promise<number | undefined> {
  const row = await db.selectFrom('policyAttachment').select('fileId').where('id', '=', attachmentId).where('policyId', '=', policyId).executeTakeFirst();
  if (!row) {
    return undefined;
  }
  await db.deleteFrom('policyAttachment').where('id', '=', attachmentId).execute();
  return row.fileId;
}

/** Sets or clears the uploaded graphic. */
export async function setGraphic(db: Executor, policyId: number, fileId: number | null, alt: string, updatedAt: string): Promise<void> {
  await db.updateTable('policy').set({ graphicFileId: fileId, graphicAlt: alt, updatedAt }).where('id', '=', policyId).execute();
}

const SEARCH_VERSION_KEY = 'policies.search_version';

/** The library's search version: changes whenever what the public list shows or counts changes. */
export async function searchVersion(db: Executor): Promise<string> {
  const r = await db.selectFrom('setting').select('value').where('key', '=', SEARCH_VERSION_KEY).executeTakeFirst();
  return r?.value ?? '';
}

/** Gives the library a new search version (a random token, so concurrent writers never collide on a counter). */
export async function bumpSearchVersion(db: Executor): Promise<void> {
  const value = crypto.randomUUID();
  const r = await db.updateTable('setting').set({ value }).where('key', '=', SEARCH_VERSION_KEY).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) {
    await db.insertInto('setting').values({ key: SEARCH_VERSION_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
}

/** List rows of some policies, in the order of the ids given. */
export async function listByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('policy').select(listColumns).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => r !== undefined);
}

/** Brief references to the policies of some departments (null = all), any status, newest first (for pickers). */
export async function departmentBriefs(db: Executor, departmentIds: number[] | null, limit: number) {
  let q = db.selectFrom('policy').select(briefColumns);
  if (departmentIds) {
    if (departmentIds.length === 0) {
      return [];
    }
    q = q.where('departmentId', 'in', departmentIds);
  }
  return q.orderBy('id', 'desc').limit(limit).execute();
}
