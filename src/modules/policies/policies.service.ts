import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { fileMeta } from '../../platform/files/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { canActInDepartment, requireDepartment, requireRole, requireUser } from '../accounts/index.js';
import { findDepartmentById } from '../departments/index.js';
import * as repo from './policies.repository.js';
import type { PolicyInput, PolicyListFilter, ValidityInput } from './policies.schema.js';
import { parsePolicyText } from './policies.structure.js';
import { cardFromInput, missingCardSections, parseCard, serializeCard } from './policies.card.js';
import { parseTerms } from './policies.terms.js';
import { INTERPRETATION_REQUIRED_CATEGORIES } from './policies.schema.js';
import { facetColumns, indexPolicy, rankedIds } from './policies.search.js';
import { FacetIndex, RankCache } from './policies.facets.js';
import { extraSearchText, runPublishedHooks, runValidityHooks } from './policies.hooks.js';
import { queryTerms, snippet } from '../../platform/search/segment.js';

/** What a user may do to a policy in its current state (drives the service and the buttons). */
export function policyActions(user: CurrentUser | null, p: { status: string; departmentId: number; authorId: number | null }) {
  const inDept = canActInDepartment(user, p.departmentId);
  const editor = inDept && (user?.role === 'editor' || user?.role === 'admin');
  const reviewer = inDept && (user?.role === 'reviewer' || user?.role === 'admin');
  // Four eyes: the last editor does not publish their own text (the general office may).
  const notOwn = user?.role === 'admin' || p.authorId !== user?.id;
  return {
    edit: editor && (p.status === 'draft' || p.status === 'rejected'),
    submit: editor && (p.status === 'draft' || p.status === 'rejected'),
    publish: reviewer && p.status === 'in_review' && notOwn,
    reject: reviewer && p.status === 'in_review',
    changeValidity: reviewer && p.status === 'published',
  };
}

/** Reads the card and terms fields; bad lines are reported on their fields, all at once. */
function extrasOf(input: PolicyInput) {
  const { card, problems } = cardFromInput(input);
  const { terms, problem } = parseTerms(input.terms);
  const fields: FieldProblem[] = problems.map((p) => ({ field: p.field, key: p.key, params: p.params }));
  if (problem) {
    fields.push({ field: 'terms', key: problem.key, params: problem.params });
  }
  if (fields.length > 0) {
    throw new AppError('validation_failed', {}, fields);
  }
  return { card: serializeCard(card), terms };
}

function rowOf(input: PolicyInput) {
  const { preamble, articles } = parsePolicyText(input.body);
  const { card, terms } = extrasOf(input);
  return {
    terms,
    row: {
      indexNo: input.indexNo,
      title: input.title,
      docNumber: input.docNumber ?? '',
      issuingOrgan: input.issuingOrgan,
      departmentId: input.departmentId,
      theme: input.theme,
      keywords: input.keywords ?? '',
      serviceObject: input.serviceObject ?? '',
      writtenOn: input.writtenOn,
      publishedOn: input.publishedOn ?? null,
      effectiveOn: input.effectiveOn ?? null,
      validity: input.validity,
      validityEndedOn: input.validity === 'valid' ? null : (input.validityEndedOn ?? null),
      replacesId: input.replacesId ?? null,
      summary: input.summary ?? '',
      body: input.body,
      preamble,
      category: input.category,
      card,
    },
    articles,
  };
}

async function checkInput(trx: Executor, user: CurrentUser, input: PolicyInput, id: number | null): Promise<void> {
  const clash = await repo.findByIndexNo(trx, input.indexNo);
  if (clash && clash.id !== id) {
    throw fieldError('indexNo', 'validation.code_taken');
  }
  if (!(await findDepartmentById(trx, input.departmentId))) {
    throw fieldError('departmentId', 'validation.choice');
  }
  if (!canActInDepartment(user, input.departmentId)) {
    throw fieldError('departmentId', 'validation.not_your_department');
  }
  if (input.replacesId !== undefined) {
    const old = await repo.findById(trx, input.replacesId);
    if (!old || old.id === id || old.status !== 'published') {
      throw fieldError('replacesId', 'validation.choice');
    }
  }
}

function auditView(p: repo.PolicyRow) {
  const { body: _b, preamble: _p, createdAt: _c, updatedAt: _u, ...rest } = p;
  return rest;
}

/** A policy by id, or not_found. */
export async function load(db: Executor, id: number): Promise<repo.PolicyRow> {
  const p = await repo.findById(db, id);
  if (!p) {
    throw new AppError('not_found');
  }
  return p;
}

/** An editor files a new policy as a draft; its text is split into chapters and articles. */
export async function createPolicy(trx: Executor, actor: Actor, user: CurrentUser | null, input: PolicyInput): Promise<number> {
  const u = requireRole(user, 'editor', 'admin');
  await checkInput(trx, u, input, null);
  const { row, articles, terms } = rowOf(input);
  const now = nowIso();
  const id = await repo.insert(trx, { ...row, status: 'draft', reviewNote: '', authorId: u.id, reviewerId: null, createdAt: now, updatedAt: now });
  await repo.replaceArticles(trx, id, articles);
  await repo.replaceTerms(trx, id, terms);
  await recordAudit(trx, actor, { action: 'policy.create', entityType: 'policy', entityId: id, after: { ...auditView(await load(trx, id)), articles: articles.length, terms } });
  return id;
}

/** An editor changes a draft (or a policy sent back). */
export async function updatePolicy(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: PolicyInput): Promise<void> {
  const u = requireUser(user);
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  if (!policyActions(u, before).edit) {
    throw new AppError('invalid_state', {}, [], 'policies.cannot_edit');
  }
  await checkInput(trx, u, input, id);
  const { row, articles, terms } = rowOf(input);
  if (!(await repo.updateIf(trx, id, before.status, { ...row, status: 'draft', authorId: u.id, updatedAt: nowIso() }))) {
    throw new AppError('conflict');
  }
  const termsBefore = await repo.termsOf(trx, id);
  await repo.replaceArticles(trx, id, articles);
  await repo.replaceTerms(trx, id, terms);
  await recordAudit(trx, actor, { action: 'policy.update', entityType: 'policy', entityId: id, before: { ...auditView(before), terms: termsBefore }, after: { ...auditView(await load(trx, id)), articles: articles.length, terms } });
}

async function transition(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, action: 'submit' | 'publish' | 'reject', note = ''): Promise<repo.PolicyRow> {
  const u = requireUser(user);
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  if (!policyActions(u, before)[action]) {
    throw new AppError('invalid_state', {}, [], action === 'publish' && before.authorId === u.id ? 'portal.no_self_approval' : 'portal.cannot_transition');
  }
  if (action !== 'reject') {
    requireThreeVersions(before);
  }
  const now = nowIso();
  const patch =
    action === 'submit'
      ? { status: 'in_review', reviewNote: '', updatedAt: now }
      : action === 'reject'
        ? { status: 'rejected', reviewNote: note, updatedAt: now }
        : { status: 'published', reviewNote: '', reviewerId: u.id, publishedOn: before.publishedOn ?? todayInChina(), updatedAt: now };
  if (!(await repo.updateIf(trx, id, before.status, patch))) {
    throw new AppError('conflict');
  }
  if (action === 'publish') {
    // Only what is published is searchable; the index row commits with the publication.
    await reindexPolicy(trx, id);
    await runPublishedHooks(trx, actor, { policyId: id, departmentId: before.departmentId, publishedOn: before.publishedOn ?? todayInChina() });
  }
  if (action === 'publish' && before.replacesId !== null) {
    await retireReplaced(trx, actor, before.replacesId, before.effectiveOn ?? before.publishedOn ?? todayInChina());
  }
  const after = await load(trx, id);
  await recordAudit(trx, actor, { action: `policy.${action}`, entityType: 'policy', entityId: id, before: { status: before.status }, after: { status: after.status, publishedOn: after.publishedOn, note: note || undefined } });
  return after;
}

/**
 * What a policy still lacks of its three versions (原文版 + 摘要版 + 图解版): only categories that must be
 * interpreted require them. The graphic is the uploaded image or a card with its required sections.
 */
export function missingVersions(p: Pick<repo.PolicyRow, 'category' | 'summary' | 'card' | 'graphicFileId'>): Array<'summary' | 'graphic'> {
  if (!(INTERPRETATION_REQUIRED_CATEGORIES as readonly string[]).includes(p.category)) {
    return [];
  }
  const missing: Array<'summary' | 'graphic'> = [];
  if (p.summary.trim() === '') {
    missing.push('summary');
  }
  if (p.graphicFileId === null && missingCardSections(parseCard(p.card)).length > 0) {
    missing.push('graphic');
  }
  return missing;
}

/** The three versions go out together: a policy that must have them cannot be sent on without them. */
function requireThreeVersions(p: repo.PolicyRow): void {
  const missing = missingVersions(p);
  if (missing.length > 0) {
    throw new AppError('invalid_state', {}, [], missing.length === 2 ? 'policies.needs_summary_and_graphic' : missing[0] === 'summary' ? 'policies.needs_summary' : 'policies.needs_graphic');
  }
}

/** Publishing a policy that replaces another marks the old one repealed from the new one's effective date. */
async function retireReplaced(trx: Executor, actor: Actor, oldId: number, endedOn: string): Promise<void> {
  const old = await repo.findById(trx, oldId);
  if (!old || old.validity !== 'valid') {
    return;
  }
  await repo.updateIf(trx, oldId, old.status, { validity: 'repealed', validityEndedOn: endedOn, updatedAt: nowIso() });
  await repo.bumpSearchVersion(trx);
  await runValidityHooks(trx, oldId);
  await recordAudit(trx, actor, { action: 'policy.validity', entityType: 'policy', entityId: oldId, before: { validity: old.validity }, after: { validity: 'repealed', validityEndedOn: endedOn, reason: 'replaced' } });
}

/**
 * Rebuilds a published policy's search entry from its text and every registered provider's extra text
 * (published interpretations, for one). Does nothing for a policy that is not published.
 */
export async function reindexPolicy(trx: Executor, id: number): Promise<void> {
  const p = await repo.findById(trx, id);
  if (!p || p.status !== 'published') {
    return;
  }
  const extra = await extraSearchText(trx, id);
  await repo.bumpSearchVersion(trx);
  await indexPolicy(trx, id, `${p.title}\n${p.docNumber}\n${p.keywords}\n${p.summary}\n${p.body}\n${extra}`);
}

/** An editor sends a draft to review. */
export const submitPolicy = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'submit');
/** A reviewer publishes; a policy that replaces another retires it. */
export const publishPolicy = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number) => transition(trx, actor, user, id, 'publish');
/** A reviewer sends the draft back with a note. */
export const rejectPolicy = (trx: Executor, actor: Actor, user: CurrentUser | null, id: number, note: string) => transition(trx, actor, user, id, 'reject', note);

/** A reviewer records that a published policy expired, was repealed or amended (or is valid again). */
export async function changeValidity(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, input: ValidityInput): Promise<void> {
  const u = requireUser(user);
  const before = await load(trx, id);
  requireDepartment(u, before.departmentId);
  if (!policyActions(u, before).changeValidity) {
    throw new AppError('invalid_state', {}, [], 'portal.cannot_transition');
  }
  if (input.validity !== 'valid' && !input.validityEndedOn) {
    throw fieldError('validityEndedOn', 'validation.required');
  }
  const endedOn = input.validity === 'valid' ? null : (input.validityEndedOn ?? null);
  if (!(await repo.updateIf(trx, id, 'published', { validity: input.validity, validityEndedOn: endedOn, updatedAt: nowIso() }))) {
    throw new AppError('conflict');
  }
  await repo.bumpSearchVersion(trx);
  await runValidityHooks(trx, id);
  await recordAudit(trx, actor, { action: 'policy.validity', entityType: 'policy', entityId: id, before: { validity: before.validity, validityEndedOn: before.validityEndedOn }, after: { validity: input.validity, validityEndedOn: endedOn } });
}

/** A published policy with its articles, department, predecessor and successor. */
export async function getPublicPolicy(db: Executor, id: number) {
  const p = await load(db, id);
  if (p.status !== 'published') {
    throw new AppError('not_found');
  }
  const [terms, attachments, articles, department, successor, replaces] = await Promise.all([
    repo.termsOf(db, id),
    repo.attachmentsOf(db, id),
    repo.articlesOf(db, id),
    findDepartmentById(db, p.departmentId),
    repo.successorOf(db, id),
    p.replacesId !== null ? repo.titles(db, [p.replacesId]).then((r) => r.find((x) => x.status === 'published')) : Promise.resolve(undefined),
  ]);
  return { policy: p, articles, department, successor, replaces, terms, attachments };
}

const facetCache = new WeakMap<object, FacetIndex>();
const rankCaches = new WeakMap<object, RankCache>();
const rankCache = (db: Executor): RankCache => {
  let c = rankCaches.get(db);
  if (!c) {
    c = new RankCache();
    rankCaches.set(db, c);
  }
  return c;
};

/**
 * The facet index of the published library, rebuilt when the search version moved. Inside a
 * transaction it is built fresh (the transaction may see changes nobody else sees yet).
 */
export async function facetIndex(db: Executor): Promise<FacetIndex> {
  const version = await repo.searchVersion(db);
  const cached = db.isTransaction ? undefined : facetCache.get(db);
  if (cached && cached.version === version) {
    return cached;
  }
  const index = new FacetIndex(await facetColumns(db), version);
  if (!db.isTransaction) {
    facetCache.set(db, index);
  }
  return index;
}

/**
 * The public library: a page of policies (searched when there is a query) with facet counts and
 * snippets. The database finds and ranks the matches; the facet index filters and counts them.
 */
export async function listPolicies(db: Executor, f: PolicyListFilter, pageSize = 20) {
  const terms = f.q ? queryTerms(f.q) : [];
  const offset = (f.page - 1) * pageSize;
  const empty = { theme: [], organ: [], validity: [], department: [], year: [] };
  // A query with no searchable word (only punctuation, say) matches nothing rather than everything.
  if (f.q && terms.length === 0) {
    return { rows: [], total: 0, facets: empty, terms, snippets: new Map<number, ReturnType<typeof snippet>>(), page: f.page, pageCount: 1 };
  }
  const index = await facetIndex(db);
  const filter = { theme: f.theme, organ: f.organ, year: f.year, validity: f.validity, department: f.department };
  // Inside a transaction the ranking is not cached (it may see writes nobody else sees yet).
  const ranked = terms.length === 0 ? undefined : db.isTransaction ? await rankedIds(db, terms) : await rankCache(db).get(index.version, terms, () => rankedIds(db, terms));
  const selection = index.selection(JSON.stringify([terms, filter]), () => (ranked ? index.select(filter, ranked) : index.select(filter)));
  const selected = selection.positions;
  let pageIds: number[];
  if (ranked && f.sort !== 'date') {
    const keep = selection.has;
    pageIds = [];
    for (let i = 0, skipped = 0; i < ranked.length && pageIds.length < pageSize; i++) {
      const id = ranked[i]!;
      if (keep(id) && skipped++ >= offset) {
        pageIds.push(id);
      }
    }
  } else {
    pageIds = index.idsAt(selected.subarray(offset, offset + pageSize));
  }
  const rows = await repo.listByIds(db, pageIds);
  const snippets = new Map<number, ReturnType<typeof snippet>>();
  if (terms.length > 0) {
    for (const [id, text] of await repo.bodies(db, pageIds)) {
      snippets.set(id, snippet(text, terms));
    }
  }
  const total = selected.length;
  return { rows, total, facets: selection.counts, terms, snippets, page: f.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Staff list scoped to the user's departments. */
export async function listStaffPolicies(db: Executor, user: CurrentUser | null, status: string | undefined, page: number, pageSize = 30) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const r = await repo.listStaff(db, u.role === 'admin' ? null : u.departmentIds, status, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}

/** A policy for its department's staff. */
export async function getPolicyForStaff(db: Executor, user: CurrentUser | null, id: number) {
  const u = requireRole(user, 'editor', 'reviewer', 'admin');
  const p = await load(db, id);
  requireDepartment(u, p.departmentId);
  const [articles, terms, attachments, graphicFile] = await Promise.all([repo.articlesOf(db, id), repo.termsOf(db, id), repo.attachmentsOf(db, id), p.graphicFileId === null ? undefined : fileMeta(db, p.graphicFileId)]);
  return { policy: p, articles, terms, attachments, graphicFile, actions: policyActions(u, p), missingVersions: missingVersions(p) };
}

/** Published policies an editor may name as replaced. */
export async function replaceablePolicies(db: Executor) {
  return repo.newestPublished(db, 500);
}
