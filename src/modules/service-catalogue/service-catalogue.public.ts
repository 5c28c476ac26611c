import type { Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { queryTerms } from '../../platform/search/segment.js';
import * as repo from './service-catalogue.repository.js';
import { ITEM_TYPES, ONLINE_DEPTHS } from './service-catalogue.rules.js';
import type { BrowseFilter } from './service-catalogue.schema.js';
import { cached } from './service-catalogue.cache.js';

// What the public reads: published items only, never a draft or a withdrawn item.

export const PAGE_SIZE = 20;
const PUBLISHED = ['published'] as const;

/** One page of published items under the browse filters and search words, with the facets. */
export function browse(db: Executor, f: BrowseFilter) {
  // Inside a transaction (tests, staff actions) the answer must see the transaction's own writes.
  return db.isTransaction ? browseNow(db, f) : cached(`browse:${JSON.stringify(f)}`, () => browseNow(db, f));
}

async function browseNow(db: Executor, f: BrowseFilter) {
  const terms = f.q ? queryTerms(f.q) : [];
  if (f.q && terms.length === 0) {
    // A query of punctuation only matches nothing rather than everything.
    return { items: [], total: 0, page: 1, pageCount: 1, terms, facets: await repo.facets(db) };
  }
  const r = await repo.listItems(db, { statuses: PUBLISHED, terms, department: f.department, theme: f.theme, audience: f.audience, type: f.type, flag: f.flag }, f.page, PAGE_SIZE, f.q);
  return { ...r, page: f.page, pageCount: Math.max(1, Math.ceil(r.total / PAGE_SIZE)), terms, facets: await repo.facets(db) };
}
export type BrowseResult = Awaited<ReturnType<typeof browseNow>>;

/** A published item with its materials, parent and children (sub items and variants). */
export async function publicItem(db: Executor, code: string) {
  const item = await repo.itemWithDepartment(db, { code });
  if (!item || item.status !== 'published') {
    throw new AppError('not_found');
  }
  const parent = item.parentId === null ? undefined : await repo.itemWithDepartment(db, { id: item.parentId });
  return {
    item,
    materials: await repo.materialsOf(db, item.id),
    parent: parent && parent.status === 'published' ? { code: parent.code, name: parent.name, variant: parent.variant } : undefined,
    children: await repo.childrenOf(db, item.id, PUBLISHED),
  };
}
export type PublicItem = Awaited<ReturnType<typeof publicItem>>;

/** The statistics of the published catalogue: per department and flag, by type and online depth. */
export function statistics(db: Executor) {
  return db.isTransaction ? statisticsNow(db) : cached('statistics', () => statisticsNow(db));
}

async function statisticsNow(db: Executor) {
  const departments = await repo.countsByDepartment(db);
  const sum = (k: 'total' | 'enterpriseRelated' | 'noVisit' | 'instantApproval' | 'selfServiceTerminal' | 'fullyOnline') => departments.reduce((s, d) => s + d[k], 0);
  const byType = await repo.countsBy(db, 'itemType');
  const byDepth = await repo.countsBy(db, 'onlineDepth');
  return {
    totals: {
      total: sum('total'),
      departments: departments.length,
      enterpriseRelated: sum('enterpriseRelated'),
      noVisit: sum('noVisit'),
      instantApproval: sum('instantApproval'),
      selfServiceTerminal: sum('selfServiceTerminal'),
      fullyOnline: sum('fullyOnline'),
    },
    departments,
    byType: ITEM_TYPES.map((t) => ({ key: t, n: byType.get(t) ?? 0 })),
    byOnlineDepth: ONLINE_DEPTHS.map((d) => ({ key: d, n: byDepth.get(d) ?? 0 })),
  };
}
export type Statistics = Awaited<ReturnType<typeof statisticsNow>>;

