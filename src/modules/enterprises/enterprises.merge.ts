// Merges what the registration file says, what the enterprise declared and what we derive into one
// set of facts, each with its source and date. Pure, so the navigator's bulk load and the profile page
// agree, and the rule "the newer of registration and declaration wins" is tested in one place.
import { toChinaDate } from '../../platform/clock.js';
import type { EnterpriseFacts, FactKey, FactValue } from './enterprises.facts.js';
import { deriveSize } from './enterprises.size.js';

/** The facts an enterprise may declare itself (corrections and additions). */
export const DECLARABLE: readonly FactKey[] = ['employees', 'revenue', 'taxPaid', 'rdRatio', 'registeredCapital', 'town', 'tags'];

/** The registration values the merge needs. */
export interface RegistrationValues {
  id: number;
  creditCode: string;
  name: string;
  enterpriseType: string;
  ownership: string | null;
  industryCode: string;
  size: string | null;
  sizeDerived: number;
  foundedOn: string;
  registeredCapital: number | null;
  town: string | null;
  employees: number | null;
  revenue: number | null;
  taxPaid: number | null;
  rdRatio: number | null;
  tags: string;
  registrationAsOf: string;
}

/** One stored declaration. */
export interface Declaration {
  factKey: string;
  value: string;
  declaredAt: string;
}

const REGISTERED: readonly FactKey[] = ['enterpriseType', 'ownership', 'industryCode', 'foundedOn', 'registeredCapital', 'town', 'employees', 'revenue', 'rdRatio', 'taxPaid'];

/** Merges one enterprise's registration values and declarations (oldest first) into its facts. */
export function mergeFacts(r: RegistrationValues, declarations: readonly Declaration[]): EnterpriseFacts {
  const facts: Partial<Record<FactKey, FactValue>> = {};
  const asOf = r.registrationAsOf;
  for (const key of REGISTERED) {
    const v = r[key as keyof RegistrationValues];
    if (v !== null && v !== undefined) {
      facts[key] = { value: v, source: 'registration', asOf };
    }
  }
  facts.tags = { value: r.tags === '' ? [] : r.tags.split(' '), source: 'registration', asOf };
  if (r.size !== null && r.sizeDerived === 0) {
    facts.size = { value: r.size, source: 'registration', asOf };
  }
  for (const d of declarations) {
    const key = d.factKey as FactKey;
    if (!DECLARABLE.includes(key)) {
      continue;
    }
    const day = toChinaDate(d.declaredAt);
    const current = facts[key];
    // Later declarations come later in the list, so a tie between two declarations goes to the newer.
    if (!current || current.source !== 'registration' || day >= current.asOf) {
      facts[key] = { value: JSON.parse(d.value) as FactValue['value'], source: 'declared', asOf: day };
    }
  }
  if (r.sizeDerived === 1 || r.size === null) {
    const size = deriveSize(facts.industryCode?.value as string | undefined, facts.employees?.value as number | undefined, facts.revenue?.value as number | undefined);
    if (size) {
      const dates = [facts.industryCode?.asOf, facts.employees?.asOf, facts.revenue?.asOf].filter((x): x is string => !!x);
      facts.size = { value: size, source: 'derived', asOf: dates.sort().at(-1) ?? asOf };
    }
  }
  return { enterpriseId: r.id, creditCode: r.creditCode, name: r.name, facts };
}
