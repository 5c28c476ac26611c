import type { Executor } from '../../http/context.js';
import * as repo from './service-catalogue.repository.js';
import { formatFaq, formatMaterials, formatSpecialSteps, formatSteps, jsonList, type Faq, type Material, type SpecialStep, type Step } from './service-catalogue.compact.js';
import { FLAGS } from './service-catalogue.rules.js';

/** A stored item as the staff form's values: lists in compact text, flags as the checked boxes. */
export async function formValues(db: Executor, item: repo.ItemRow): Promise<Record<string, string | string[]>> {
  const materials = await repo.materialsOf(db, item.id);
  const parent = item.parentId === null ? undefined : (await repo.codesByIds(db, [item.parentId])).get(item.parentId);
  return {
    code: item.code,
    parentCode: parent ?? '',
    variant: item.variant,
    name: item.name,
    itemType: item.itemType,
    departmentId: String(item.departmentId),
    implementingBody: item.implementingBody,
    legalBasis: item.legalBasis,
    level: item.level,
    theme: item.theme,
    audience: item.audience,
    caseType: item.caseType,
    visitsNeeded: String(item.visitsNeeded),
    visitsReason: item.visitsReason,
    onlineDepth: item.onlineDepth,
    statutoryDays: String(item.statutoryDays),
    promisedDays: String(item.promisedDays),
    conditions: item.conditions,
    materials: formatMaterials(materials.map((m) => ({ ...m, form: m.form as Material['form'] }))),
    steps: formatSteps(jsonList<Step>(item.steps)),
    specialSteps: formatSpecialSteps(jsonList<SpecialStep>(item.specialSteps)),
    resultType: item.resultType,
    resultName: item.resultName,
    deliveryMethods: item.deliveryMethods,
    deliveryDays: item.deliveryDays === null ? '' : String(item.deliveryDays),
    place: item.place,
    hours: item.hours,
    enquiryPhone: item.enquiryPhone,
    complaintPhone: item.complaintPhone,
    feeCharged: String(item.feeCharged),
    feeBasis: item.feeBasis,
    onlinePayment: String(item.onlinePayment),
    faq: formatFaq(jsonList<Faq>(item.faq)),
    flags: FLAGS.filter((f) => item[f] === 1),
    status: item.status,
  };
}
