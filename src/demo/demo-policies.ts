import type { Actor, CurrentUser, Executor } from '../http/context.js';
import * as policies from '../modules/policies/policies.service.js';
import { DEMO_POLICIES, generatePolicies, type DemoPolicy } from '../modules/policies/policies.demo-data.js';
import { POLICY_THEMES } from '../modules/policies/policies.schema.js';
import { demoPolicyExtras } from './demo-policy-extras.js';

/** How many generated policies join the source's examples, so that facets and paging mean something. */
export const GENERATED_POLICY_COUNT = 120;

/**
 * Files the demo policies through the real service (draft → review → publication), older ones first,
 * so that a replacement finds the policy it replaces and every step is in the audit log.
 */
export async function loadDemoPolicies(trx: Executor, actor: Actor, deptIds: Map<string, number>, editor: CurrentUser, reviewer: CurrentUser): Promise<void> {
  const all: DemoPolicy[] = [...DEMO_POLICIES, ...generatePolicies(GENERATED_POLICY_COUNT, 20191022)];
  all.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn));
  const idsByIndexNo = new Map<string, number>();
  let serial = 0;
  for (const p of all) {
    const departmentId = deptIds.get(p.department) ?? deptIds.get('gov-office')!;
    const input = {
      indexNo: p.indexNo,
      title: p.title,
      docNumber: p.docNumber,
      issuingOrgan: p.issuingOrgan,
      departmentId,
      theme: (POLICY_THEMES as readonly string[]).includes(p.theme) ? (p.theme as (typeof POLICY_THEMES)[number]) : '综合政务',
      keywords: p.keywords.join(' '),
      serviceObject: p.serviceObject,
      writtenOn: p.writtenOn,
      publishedOn: p.publishedOn,
      effectiveOn: p.effectiveOn,
      validity: p.validity,
      validityEndedOn: p.validityEndedOn,
      replacesId: p.replaces ? idsByIndexNo.get(p.replaces) : undefined,
      summary: p.summary,
      body: p.body,
      ...demoPolicyExtras(p, serial++),
    };
    // The demo editor and reviewer act in every department for this load only.
    const inDept = (u: CurrentUser): CurrentUser => ({ ...u, departmentIds: [departmentId] });
    const id = await policies.createPolicy(trx, actor, inDept(editor), input);
    await policies.submitPolicy(trx, actor, inDept(editor), id);
    await policies.publishPolicy(trx, actor, inDept(reviewer), id);
    idsByIndexNo.set(p.indexNo, id);
  }
}
