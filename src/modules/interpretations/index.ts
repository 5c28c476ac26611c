import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES, type Executor } from '../../http/context.js';
import * as repo from './interpretations.repository.js';
import { interpretationsRoutes } from './interpretations.routes.js';
import './interpretations.hooks.js';

/** 解读（全文通解、要点、问答、名词解释、音视频）及其反馈. */
export async function registerInterpretations(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/interpretations', labelKey: 'nav.interpretations', order: 12 });
  app.adminLinks.push({ href: '/admin/interpretations', labelKey: 'interpretations.manage', order: 20, roles: STAFF_ROLES });
  app.adminLinks.push({ href: '/admin/interpretations/feedback', labelKey: 'interpretations.results.link', order: 21, roles: STAFF_ROLES });
  await app.register(interpretationsRoutes);
}

/**
 * For each policy, the day its first interpretation was published (the assessment compares it with the
 * policy's own publication day). Policies with no published interpretation are absent from the map.
 */
export function firstInterpretationDates(db: Executor, policyIds: number[]): Promise<Map<number, string>> {
  return repo.firstPublishedOn(db, policyIds);
}
