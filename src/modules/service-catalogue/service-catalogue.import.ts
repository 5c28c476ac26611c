import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { issueToProblem } from '../../http/validate.js';
import { recordAudit } from '../../platform/audit/index.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';
import { listAllDepartments } from '../departments/index.js';
import * as repo from './service-catalogue.repository.js';
import { COLUMNS, columnTitle, enumCode, type Column, type SourceRow } from './service-catalogue.columns.js';
import { ItemFormSchema, fromFormParts, type ItemInput } from './service-catalogue.schema.js';
import { itemColumns, itemProblems, writeItem } from './service-catalogue.service.js';
import type { ParentRef } from './service-catalogue.rules.js';

// Import of a catalogue file: every row is checked first (schema, compact lists, consistency rules,
// parents in the database or the same file, the importer's departments); only a file without a single
// problem is written, in one transaction, upserting by code, parents before their children.

export const MAX_ROWS = 5000;

/** One problem of the report: the file's row number, the column's header and the reason. */
export interface ImportProblem {
  row: number;
  column: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

interface Checked {
  row: number;
  input: ItemInput;
}

const columnOf = (field: string): string => {
  const f = field.split('.')[0]!;
  const c = (f === 'departmentId' ? 'department' : f) as Column;
  return (COLUMNS as readonly string[]).includes(c) ? columnTitle(c) : f;
};

async function departmentResolver(db: Executor) {
  const all = await listAllDepartments(db);
  const byKey = new Map<string, number>();
  for (const d of all) {
    byKey.set(d.code, d.id);
    byKey.set(d.nameZh, d.id);
  }
  return (text: string | undefined) => (text ? byKey.get(text.trim()) : undefined);
}

/** Checks one row's own content; returns the item or its problems. */
function checkRow(r: SourceRow, deptId: number | undefined): { input?: ItemInput; problems: ImportProblem[] } {
  const raw: Record<string, string | undefined> = { ...r.raw };
  for (const c of ['variant', 'itemType', 'level', 'audience', 'caseType', 'onlineDepth', 'status'] as const) {
    raw[c] = enumCode(c, raw[c] ?? '');
  }
  const problems: ImportProblem[] = [];
  if (deptId === undefined) {
    problems.push({ row: r.row, column: columnTitle('department'), key: (r.raw.department ?? '') === '' ? 'validation.required' : 'serviceCatalogue.problem.department' });
  }
  const parsed = ItemFormSchema.safeParse({ ...raw, departmentId: deptId ?? 1 });
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map(issueToProblem).map((p) => ({ row: r.row, column: columnOf(p.field), key: p.key, params: p.params })));
    return { problems };
  }
  const lists = fromFormParts(parsed.data);
  problems.push(...lists.problems.map((p) => ({ row: r.row, column: columnOf(p.field), key: p.key, params: p.params })));
  return lists.input && problems.length === 0 ? { input: lists.input, problems } : { problems };
}

/** Checks every row and, when all pass, writes them all; otherwise writes nothing and returns the report. */
export async function importItems(trx: Executor, actor: Actor, user: CurrentUser | null, rows: AsyncIterable<SourceRow>) {
  requireRole(user, 'editor', 'reviewer', 'admin');
  const dept = await departmentResolver(trx);
  const problems: ImportProblem[] = [];
  const checked: Checked[] = [];
  const seen = new Map<string, number>();
  for await (const r of rows) {
    if (checked.length + problems.length >= MAX_ROWS) {
      problems.push({ row: r.row, column: '', key: 'serviceCatalogue.problem.too_many_rows', params: { max: MAX_ROWS } });
      break;
    }
    const c = checkRow(r, dept(r.raw.department));
    problems.push(...c.problems);
    if (c.input) {
      if (seen.has(c.input.code)) {
        problems.push({ row: r.row, column: columnTitle('code'), key: 'serviceCatalogue.problem.duplicate_code' });
      }
      seen.set(c.input.code, r.row);
      checked.push({ row: r.row, input: c.input });
    }
  }
  const codes = [...new Set(checked.flatMap((c) => [c.input.code, ...(c.input.parentCode ? [c.input.parentCode] : [])]))];
  const existing = new Map((await repo.itemsByCodes(trx, codes)).map((e) => [e.code, e]));
  const inFile = new Map(checked.map((c, i) => [c.input.code, { c, fakeId: -(i + 1) }]));
  const parentRef = (code: string | undefined): ParentRef | null | undefined => {
    if (code === undefined) {
      return undefined;
    }
    const f = inFile.get(code);
    if (f) {
      return { id: existing.get(code)?.id ?? f.fakeId, variant: f.c.input.variant, parentId: f.c.input.parentCode ? 0 : null };
    }
    return existing.get(code) ?? null;
  };
  for (const c of checked) {
    const before = existing.get(c.input.code);
    const selfId = before?.id ?? inFile.get(c.input.code)!.fakeId;
    if (!canActInDepartment(user, c.input.departmentId) || (before && !canActInDepartment(user, before.departmentId))) {
      problems.push({ row: c.row, column: columnTitle('department'), key: 'serviceCatalogue.not_your_department' });
    }
    for (const p of itemProblems(c.input, parentRef(c.input.parentCode), selfId, undefined)) {
      problems.push({ row: c.row, column: columnOf(p.field), key: p.key, params: p.params });
    }
  }
  if (problems.length > 0) {
    return { problems: problems.sort((a, b) => a.row - b.row), created: 0, updated: 0 };
  }
  return { problems, ...(await writeAll(trx, actor, checked, existing)) };
}

/** Writes checked rows, parents first, and audits each item. */
async function writeAll(trx: Executor, actor: Actor, checked: Checked[], existing: Map<string, { id: number }>) {
  const byCode = new Map(checked.map((c) => [c.input.code, c]));
  const depth = (c: Checked, n = 0): number => (c.input.parentCode && byCode.has(c.input.parentCode) && n < 3 ? depth(byCode.get(c.input.parentCode)!, n + 1) + 1 : 0);
  const ordered = [...checked].sort((a, b) => depth(a) - depth(b));
  const ids = new Map<string, number>();
  let created = 0;
  let updated = 0;
  for (const c of ordered) {
    const before = existing.get(c.input.code) ? await trx.selectFrom('serviceItem').selectAll().where('code', '=', c.input.code).executeTakeFirst() : undefined;
    const parentCode = c.input.parentCode;
    const parentId = parentCode ? (ids.get(parentCode) ?? existing.get(parentCode)?.id ?? null) : null;
    const id = await writeItem(trx, c.input, parentId, before);
    ids.set(c.input.code, id);
    if (before) {
      updated++;
    } else {
      created++;
    }
    await recordAudit(trx, actor, { action: before ? 'service_item.import_update' : 'service_item.import_create', entityType: 'service_item', entityId: id, before: before ?? undefined, after: { ...itemColumns(c.input), parentCode: parentCode ?? null } });
  }
  return { created, updated };
}
