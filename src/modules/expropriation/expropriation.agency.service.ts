import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { AGENCY_DOCUMENTS } from './expropriation.agency.js';
import * as arepo from './expropriation.agency.repository.js';
import { requireProjectStaff } from './expropriation.policy.js';
import * as repo from './expropriation.repository.js';
import type { AgencyCaseInput, AgencyStepInput } from './expropriation.schema.js';
import { getProject } from './expropriation.service.js';

// Agency-service cases: opened when a household hands in its one set of materials; staff record each
// document fetched from another department, a home visit for special groups, completion and the call-back.

/** A case with its documents (staff of the project's department). */
export async function agencyCase(db: Executor, user: CurrentUser | null, projectId: number, caseId: number) {
  requireProjectStaff(user, await getProject(db, projectId));
  const c = await arepo.caseById(db, caseId);
  if (!c || c.projectId !== projectId) {
    throw notFound();
  }
  const [documents, household] = await Promise.all([arepo.documentsOf(db, caseId), repo.householdById(db, c.householdId)]);
  return { ...c, householdNumber: household?.number ?? '', documents };
}

/** The latest cases of a project (staff of its department). */
export async function agencyCases(db: Executor, user: CurrentUser | null, projectId: number) {
  const project = await getProject(db, projectId);
  requireProjectStaff(user, project);
  return { project, cases: await arepo.casesOf(db, projectId) };
}

/** Opens a case for a household: the standard documents are requested the day the materials came in. */
export async function openAgencyCase(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, input: AgencyCaseInput): Promise<number> {
  requireProjectStaff(user, await getProject(trx, projectId));
  const h = await repo.householdByNumber(trx, projectId, input.householdNumber);
  if (!h) {
    throw fieldError('householdNumber', 'expropriation.household_unknown');
  }
  const id = await arepo.insertCase(trx, { projectId, householdId: h.id, submittedOn: input.submittedOn, completedOn: null, specialGroup: input.specialGroup ?? null, homeVisitOn: null, satisfaction: null, callbackOn: null, callbackNote: '', createdAt: nowIso() });
  const wanted = AGENCY_DOCUMENTS.filter((d) => input.documents.includes(d.kind));
  await arepo.insertDocuments(trx, wanted.map((d) => ({ caseId: id, kind: d.kind, department: d.department, requestedOn: input.submittedOn })));
  await recordAudit(trx, actor, { action: 'expropriation.agency.open', entityType: 'expropriationAgencyCase', entityId: id, after: input });
  return id;
}

/** Records one step of a case: a document received, a home visit scheduled, completion, or the call-back. */
export async function recordAgencyStep(trx: Executor, user: CurrentUser | null, actor: Actor, projectId: number, caseId: number, step: AgencyStepInput): Promise<void> {
  const c = await agencyCase(trx, user, projectId, caseId);
  if (step.on < c.submittedOn) {
    throw fieldError('on', 'expropriation.before_submission');
  }
  switch (step.step) {
    case 'document':
      if (!(await arepo.receiveDocument(trx, caseId, step.documentId ?? 0, step.on))) {
        throw fieldError('documentId', 'validation.choice');
      }
      break;
    case 'home_visit':
      if (!c.specialGroup) {
        throw fieldError('step', 'expropriation.visit_special_only');
      }
      await arepo.updateCase(trx, caseId, { homeVisitOn: step.on });
      break;
    case 'complete':
      if (c.documents.some((d) => d.receivedOn === null)) {
        throw new AppError('invalid_state', {}, [{ field: 'step', key: 'expropriation.documents_missing' }]);
      }
      await arepo.updateCase(trx, caseId, { completedOn: step.on });
      break;
    case 'callback':
      if (!c.completedOn) {
        throw new AppError('invalid_state', {}, [{ field: 'step', key: 'expropriation.callback_after_completion' }]);
      }
      if (step.satisfaction === undefined) {
        throw fieldError('satisfaction', 'validation.required');
      }
      await arepo.updateCase(trx, caseId, { callbackOn: step.on, satisfaction: step.satisfaction, callbackNote: step.note ?? '' });
      break;
  }
  await recordAudit(trx, actor, { action: `expropriation.agency.${step.step}`, entityType: 'expropriationAgencyCase', entityId: caseId, after: step });
}
