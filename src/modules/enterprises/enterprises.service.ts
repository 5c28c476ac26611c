// The enterprise directory's services: authorise first, then read or write through the repository.
import type { Readable } from 'node:stream';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { isStaff, requireRole, requireUser, userContact } from '../accounts/index.js';
import { ENTERPRISE_TAGS, type EnterpriseFacts, type FactKey } from './enterprises.facts.js';
import { runEnterprisesChanged } from './enterprises.hooks.js';
import { importEnterprises, type ImportFormat, type ImportReport } from './enterprises.import.js';
import { DECLARABLE, mergeFacts, type Declaration } from './enterprises.merge.js';
import * as repo from './enterprises.repository.js';
import type { DeclarationInput, EnterpriseListQuery } from './enterprises.schema.js';

/** Rows per query of the bulk facts load. */
export const FACTS_BATCH = 10_000;
/** Rows per page of the staff lists. */
export const PAGE_SIZE = 20;

function requireStaff(user: CurrentUser | null): CurrentUser {
  const u = requireUser(user);
  if (!isStaff(u)) {
    throw new AppError('forbidden');
  }
  return u;
}

function groupDeclarations(rows: Array<Declaration & { enterpriseId: number }>): Map<number, Declaration[]> {
  const out = new Map<number, Declaration[]>();
  for (const d of rows) {
    let list = out.get(d.enterpriseId);
    if (!list) {
      list = [];
      out.set(d.enterpriseId, list);
    }
    list.push(d);
  }
  return out;
}

/**
 * Facts of enterprises by id or keyset page (`afterId`, `limit`), ordered by id: two queries per
 * page (enterprises, then the declarations of that id range), never one per enterprise.
 */
export async function loadEnterpriseFacts(db: Executor, opts: { ids?: number[]; afterId?: number; limit?: number }): Promise<EnterpriseFacts[]> {
  if (opts.ids) {
    const out: EnterpriseFacts[] = [];
    const ids = [...new Set(opts.ids)].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += FACTS_BATCH) {
      const chunk = ids.slice(i, i + FACTS_BATCH);
      out.push(...(await factsPage(db, { ids: chunk, limit: chunk.length })));
    }
    return opts.limit !== undefined ? out.slice(0, opts.limit) : out;
  }
  return factsPage(db, { afterId: opts.afterId, limit: Math.min(opts.limit ?? FACTS_BATCH, 100_000) });
}

async function factsPage(db: Executor, opts: { ids?: number[]; afterId?: number; limit: number }): Promise<EnterpriseFacts[]> {
  const rows = await repo.factRows(db, opts);
  if (rows.length === 0) {
    return [];
  }
  const decls = groupDeclarations(await repo.declarationsFor(db, opts.ids ? { ids: opts.ids } : { from: rows[0]!.id, to: rows.at(-1)!.id }));
  return rows.map((r) => mergeFacts(r, decls.get(r.id) ?? []));
}

/** The enterprise a user account speaks for (by the account's credit code), or undefined. */
export async function enterpriseForUser(db: Executor, user: { id: number; creditCode?: string | null } | null) {
  if (!user) {
    return undefined;
  }
  const code = user.creditCode !== undefined ? user.creditCode : ((await userContact(db, user.id))?.creditCode ?? null);
  return code ? repo.findByCreditCode(db, code) : undefined;
}

/** Staff list of enterprises with search, filters and paging. */
export async function listEnterprises(db: Executor, user: CurrentUser | null, f: EnterpriseListQuery) {
  requireStaff(user);
  const r = await repo.search(db, f, PAGE_SIZE, (f.page - 1) * PAGE_SIZE);
  return { ...r, page: f.page, pageCount: Math.max(1, Math.ceil(r.total / PAGE_SIZE)), towns: await repo.towns(db) };
}

/** One enterprise for staff: its registration values, merged facts and declaration history. */
export async function getEnterpriseForStaff(db: Executor, user: CurrentUser | null, id: number) {
  requireStaff(user);
  return enterpriseDetail(db, id);
}

async function enterpriseDetail(db: Executor, id: number) {
  const enterprise = await repo.findById(db, id);
  if (!enterprise) {
    throw notFound();
  }
  const declarations = await repo.declarationsFor(db, { ids: [id] });
  return { enterprise, facts: mergeFacts(enterprise, declarations), declarations: declarations.slice().reverse() };
}

/** The signed-in enterprise's own profile; not found when no enterprise carries its credit code. */
export async function myEnterprise(db: Executor, user: CurrentUser | null) {
  const u = requireRole(user, 'enterprise');
  const e = await enterpriseForUser(db, u);
  if (!e) {
    throw notFound();
  }
  return enterpriseDetail(db, e.id);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * An enterprise corrects or adds facts about itself. Only values that differ from what is known
 * now are stored (as declarations dated today); the change is audited and the hooks re-match it.
 */
export async function declareFacts(trx: Executor, actor: Actor, user: CurrentUser | null, input: DeclarationInput): Promise<FactKey[]> {
  const u = requireRole(user, 'enterprise');
  const e = await enterpriseForUser(trx, u);
  if (!e) {
    throw notFound();
  }
  const { facts } = await enterpriseDetail(trx, e.id);
  const now = nowIso();
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const rows: Array<{ enterpriseId: number; factKey: string; value: string; declaredAt: string; userId: number | null }> = [];
  for (const key of DECLARABLE) {
    const given = input[key as keyof DeclarationInput];
    // Tags are kept in catalogue order, so that the same set compares equal however it was ticked.
    const v = Array.isArray(given) ? ENTERPRISE_TAGS.filter((x) => given.includes(x)) : given;
    if (v === undefined) {
      continue;
    }
    const current = facts.facts[key]?.value;
    if (same(current ?? null, v)) {
      continue;
    }
    before[key] = current ?? null;
    after[key] = v;
    rows.push({ enterpriseId: e.id, factKey: key, value: JSON.stringify(v), declaredAt: now, userId: u.id });
  }
  if (rows.length === 0) {
    return [];
  }
  await repo.insertDeclarations(trx, rows);
  await recordAudit(trx, actor, { action: 'enterprise.declare', entityType: 'enterprise', entityId: e.id, before, after });
  await runEnterprisesChanged(trx, [e.id]);
  return rows.map((r) => r.factKey as FactKey);
}

/** An admin imports a registration file (see importEnterprises). */
export async function importForAdmin(db: Executor, actor: Actor, user: CurrentUser | null, source: Readable, format: ImportFormat, fileName: string, asOf?: string): Promise<ImportReport> {
  requireRole(user, 'admin');
  return importEnterprises(db, source, format, { fileName, asOf, actor });
}

/** Past import reports (admin). */
export async function listImports(db: Executor, user: CurrentUser | null, page: number) {
  requireRole(user, 'admin');
  const r = await repo.listImports(db, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / PAGE_SIZE)) };
}

/** One import report with its stored refused rows (admin). */
export async function getImport(db: Executor, user: CurrentUser | null, id: number) {
  requireRole(user, 'admin');
  const report = await repo.findImport(db, id);
  if (!report) {
    throw notFound();
  }
  const refusals = (await repo.refusalsOf(db, id)).map((r) => ({ line: r.line, creditCode: r.creditCode, problems: JSON.parse(r.problems) as ImportReport['refusals'][number]['problems'], raw: JSON.parse(r.raw) as ImportReport['refusals'][number]['raw'] }));
  return { report, refusals };
}
