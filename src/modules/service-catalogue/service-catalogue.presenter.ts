import { z } from 'zod';
import { jsonList, type Faq, type SpecialStep, type Step } from './service-catalogue.compact.js';
import type { ListRow } from './service-catalogue.repository.js';
import type { PublicItem } from './service-catalogue.public.js';
import { itemUrl } from './service-catalogue.components.js';

// What the JSON API gives of items: only published items reach these, and never file contents.

const flags = (r: { enterpriseRelated: number; noVisit: number; instantApproval: number; selfServiceTerminal: number }) => ({
  enterpriseRelated: r.enterpriseRelated === 1,
  noVisit: r.noVisit === 1,
  instantApproval: r.instantApproval === 1,
  selfServiceTerminal: r.selfServiceTerminal === 1,
});
const FlagsOut = z.object({ enterpriseRelated: z.boolean(), noVisit: z.boolean(), instantApproval: z.boolean(), selfServiceTerminal: z.boolean() });

export const ListItemOut = z.object({
  code: z.string(),
  name: z.string(),
  variant: z.string(),
  itemType: z.string(),
  department: z.object({ id: z.number(), nameZh: z.string(), nameEn: z.string() }),
  theme: z.string(),
  audience: z.string(),
  caseType: z.string(),
  onlineDepth: z.string(),
  promisedDays: z.number(),
  visitsNeeded: z.number(),
  flags: FlagsOut,
  url: z.string(),
});

/** An item in a list. */
export function presentListItem(r: ListRow): z.infer<typeof ListItemOut> {
  return {
    code: r.code,
    name: r.name,
    variant: r.variant,
    itemType: r.itemType,
    department: { id: r.departmentId, nameZh: r.departmentZh, nameEn: r.departmentEn },
    theme: r.theme,
    audience: r.audience,
    caseType: r.caseType,
    onlineDepth: r.onlineDepth,
    promisedDays: r.promisedDays,
    visitsNeeded: r.visitsNeeded,
    flags: flags(r),
    url: itemUrl(r.code),
  };
}

/** A published item's whole guide. */
export function presentItem(d: PublicItem) {
  const it = d.item;
  const file = (id: number | null, name: string) => (id === null ? null : `/services/files/${id}/${encodeURIComponent(name)}`);
  return {
    code: it.code,
    name: it.name,
    variant: it.variant,
    parent: d.parent ? { code: d.parent.code, name: d.parent.name } : null,
    children: d.children.map((c) => ({ code: c.code, name: c.name, variant: c.variant })),
    itemType: it.itemType,
    department: { id: it.departmentId, code: it.departmentCode, nameZh: it.departmentZh, nameEn: it.departmentEn },
    implementingBody: it.implementingBody,
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
    materials: d.materials.map((m) => ({ name: m.name, form: m.form, copies: m.copies, required: m.required === 1, notes: m.notes, sampleUrl: file(m.sampleFileId, `${m.name}-sample`), blankFormUrl: file(m.blankFormFileId, `${m.name}-form`) })),
    steps: jsonList<Step>(it.steps),
    specialSteps: jsonList<SpecialStep>(it.specialSteps),
    result: { type: it.resultType, name: it.resultName, sampleUrl: file(it.resultSampleFileId, `${it.resultName || it.code}-sample`) },
    delivery: { methods: it.deliveryMethods, days: it.deliveryDays },
    place: it.place,
    hours: it.hours,
    enquiryPhone: it.enquiryPhone,
    complaintPhone: it.complaintPhone,
    fee: { charged: it.feeCharged === 1, basis: it.feeBasis, onlinePayment: it.onlinePayment === 1 },
    faq: jsonList<Faq>(it.faq),
    flags: flags(it),
    updatedAt: it.updatedAt,
    url: itemUrl(it.code),
    whereUrl: `${itemUrl(it.code)}/where`,
    applyUrl: `${itemUrl(it.code)}/apply`,
  };
}
