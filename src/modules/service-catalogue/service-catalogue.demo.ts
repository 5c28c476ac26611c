import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { nowIso } from '../../platform/clock.js';
import { generateCatalogue, type Figures, type GeneratedItem } from './service-catalogue.generate.js';
import { indexItems, searchText } from './service-catalogue.search.js';
import { catalogueChanged } from './service-catalogue.cache.js';
import type { ServiceItemTable } from './service-catalogue.table.js';
import { HOURS } from './service-catalogue.demo-data.js';

// Demo data: the district catalogue of the source (Shenzhen Guangming): 655 published items from 21
// departments, 84 enterprise-related, 105 with no-visit approval, 12 with instant approval. Written
// in bulk without audit entries (they stand for the catalogue as it was found, not staff actions).

/** The source's figures. */
export const SOURCE_FIGURES: Figures = { total: 655, enterprise: 84, noVisit: 105, instant: 12 };

const CHUNK = 300;

function row(it: GeneratedItem, departmentId: number, now: string): Insertable<ServiceItemTable> {
  const bit = (b: boolean) => (b ? 1 : 0);
  return {
    code: it.code,
    parentId: null,
    variant: it.variant,
    name: it.name,
    itemType: it.itemType,
    departmentId,
    implementingBody: '',
    legalBasis: it.legalBasis,
    level: it.level,
    theme: it.theme,
    audience: it.audience,
    caseType: it.caseType,
    visitsNeeded: it.visitsNeeded,
    visitsReason: it.visitsReason,
    onlineDepth: it.onlineDepth,
    statutoryDays: it.statutoryDays,
    promisedDays: it.promisedDays,
    conditions: it.conditions,
    steps: JSON.stringify(it.steps),
    specialSteps: JSON.stringify(it.specialSteps),
    resultType: it.resultType,
    resultName: it.resultName,
    resultSampleFileId: null,
    deliveryMethods: it.deliveryMethods,
    deliveryDays: it.onlineDepth === 'fully_online' ? 0 : 3,
    place: it.place,
    hours: HOURS,
    enquiryPhone: '0755-88211234',
    complaintPhone: '0755-12345',
    feeCharged: bit(it.feeCharged),
    feeBasis: it.feeBasis,
    onlinePayment: bit(it.onlinePayment),
    faq: JSON.stringify(it.faq),
    enterpriseRelated: bit(it.enterpriseRelated),
    noVisit: bit(it.noVisit),
    instantApproval: bit(it.instantApproval),
    selfServiceTerminal: bit(it.selfServiceTerminal),
    status: 'published',
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes generated items in bulk (parents first), their materials and their search index. */
export async function insertGenerated(db: Executor, items: GeneratedItem[], deptIds: Map<string, number>, deptNames: Map<string, string>): Promise<void> {
  const now = nowIso();
  const ids = new Map<string, number>();
  const mains = items.filter((i) => i.parentCode === null);
  const children = items.filter((i) => i.parentCode !== null);
  for (const group of [mains, children]) {
    for (let i = 0; i < group.length; i += CHUNK) {
      const chunk = group.slice(i, i + CHUNK);
      const rows = chunk.map((it) => ({ ...row(it, deptIds.get(it.departmentCode)!, now), implementingBody: deptNames.get(it.departmentCode) ?? '', parentId: it.parentCode === null ? null : ids.get(it.parentCode)! }));
      const inserted = await db.insertInto('serviceItem').values(rows).returning(['id', 'code']).execute();
      for (const r of inserted) {
        ids.set(r.code, r.id);
      }
    }
  }
  const materials = items.flatMap((it) => it.materials.map((m, k) => ({ itemId: ids.get(it.code)!, sortOrder: k + 1, name: m.name, form: m.form, copies: m.copies, required: m.required ? 1 : 0, notes: m.notes, sampleFileId: null, blankFormFileId: null })));
  for (let i = 0; i < materials.length; i += 1000) {
    await db.insertInto('serviceItemMaterial').values(materials.slice(i, i + 1000)).execute();
  }
  catalogueChanged();
  await indexItems(
    db,
    items.map((it) => ({ id: ids.get(it.code)!, text: searchText({ ...it, implementingBody: deptNames.get(it.departmentCode) ?? '' }, it.materials.map((m) => m.name)) })),
  );
}

/** Loads this module's demo data inside the demo transaction. */
export async function loadServiceCatalogueDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const depts = await trx.selectFrom('department').select(['code', 'nameZh']).execute();
  const names = new Map(depts.map((d) => [d.code, d.nameZh]));
  const items = generateCatalogue([...ctx.deptIds.keys()], SOURCE_FIGURES);
  await insertGenerated(trx, items, ctx.deptIds, names);
}
