import type { FieldProblem } from '../../http/errors.js';

// The vocabulary of the catalogue (STANDARDS.md §3) and the consistency rules every save obeys,
// whether the item comes from the staff form, the JSON API or an import file.

export const ITEM_TYPES = ['licensing', 'confirmation', 'adjudication', 'benefit', 'award', 'filing', 'other_power', 'public_service'] as const;
export const LEVELS = ['national', 'province', 'city', 'county', 'township', 'village'] as const;
export const AUDIENCES = ['person', 'legal_person', 'both'] as const;
export const CASE_TYPES = ['on_the_spot', 'promise'] as const;
export const ONLINE_DEPTHS = ['none', 'information', 'download', 'online_submission', 'fully_online'] as const;
export const VARIANTS = ['new', 'change', 'renewal', 'cancellation'] as const;
export const STEP_KINDS = ['accept', 'review', 'approve', 'conclude', 'deliver'] as const;
export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy', 'electronic'] as const;
export const STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const FLAGS = ['enterpriseRelated', 'noVisit', 'instantApproval', 'selfServiceTerminal'] as const;

export type Flag = (typeof FLAGS)[number];

/** Online depths that let an applicant at least submit the application online. */
const SUBMITS_ONLINE: readonly string[] = ['online_submission', 'fully_online'];

/** The fields the consistency rules read. */
export interface ConsistencyFields {
  variant: string;
  caseType: string;
  visitsNeeded: number;
  onlineDepth: string;
  statutoryDays: number;
  promisedDays: number;
  feeCharged: boolean;
  feeBasis: string;
  onlinePayment: boolean;
  noVisit: boolean;
  instantApproval: boolean;
}

/** The parent an item names, as far as the hierarchy rules need it. */
export interface ParentRef {
  id: number;
  variant: string;
  parentId: number | null;
}

/**
 * Checks an item against the catalogue's consistency rules; each problem names the field to fix.
 * `parent` is the item named as parent (undefined: none named; null: named but not found).
 */
export function checkConsistency(item: ConsistencyFields, parent?: ParentRef | null, selfId?: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, rule: string) => problems.push({ field, key: `serviceCatalogue.rule.${rule}` as FieldProblem['key'] });
  // 即办件 is decided and concluded at the window the same day; an item concluded the same day is one.
  if (item.caseType === 'on_the_spot' && item.promisedDays !== 0) {
    add('promisedDays', 'on_the_spot_same_day');
  }
  if (item.caseType === 'promise' && item.promisedDays === 0) {
    add('caseType', 'same_day_is_on_the_spot');
  }
  if (item.promisedDays > item.statutoryDays) {
    add('promisedDays', 'promised_over_statutory');
  }
  if (item.onlineDepth === 'fully_online' && item.visitsNeeded !== 0) {
    add('visitsNeeded', 'fully_online_no_visit');
  } else if (item.noVisit && item.visitsNeeded !== 0) {
    add('visitsNeeded', 'no_visit_zero_visits');
  }
  if (item.instantApproval && item.caseType !== 'on_the_spot') {
    add('caseType', 'instant_is_on_the_spot');
  }
  if (item.instantApproval && !SUBMITS_ONLINE.includes(item.onlineDepth)) {
    add('onlineDepth', 'instant_needs_online');
  }
  if (!item.feeCharged && item.onlinePayment) {
    add('onlinePayment', 'no_fee_no_payment');
  }
  if (item.feeCharged && item.feeBasis.trim() === '') {
    add('feeBasis', 'fee_needs_basis');
  }
  problems.push(...checkHierarchy(item.variant, parent, selfId));
  return problems;
}

/** Main item → sub item → business variant: a variant needs a parent that is not itself a variant; a sub item's parent is a main item. */
function checkHierarchy(variant: string, parent: ParentRef | null | undefined, selfId: number | undefined): FieldProblem[] {
  const problem = (rule: string): FieldProblem[] => [{ field: 'parentCode', key: `serviceCatalogue.rule.${rule}` as FieldProblem['key'] }];
  if (parent === null) {
    return problem('parent_not_found');
  }
  if (parent === undefined) {
    return variant !== '' ? problem('variant_needs_parent') : [];
  }
  if (selfId !== undefined && parent.id === selfId) {
    return problem('parent_is_self');
  }
  if (parent.variant !== '') {
    return problem('parent_is_variant');
  }
  // A sub item (no variant) hangs under a main item; a variant may hang under either.
  if (variant === '' && parent.parentId !== null) {
    return problem('sub_under_main');
  }
  return [];
}
