import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { STAFF_ROLES, type Executor } from '../../http/context.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';
import { DEADLINE_QUEUE, runDeadlineJob } from './service-cases.jobs.js';
import { serviceCasesPublicRoutes } from './service-cases.routes.js';
import { serviceCasesApiRoutes } from './service-cases.api-routes.js';
import { serviceCasesAdminRoutes } from './service-cases.admin-routes.js';
import { serviceRatingsRoutes } from './service-cases.ratings-routes.js';
// Registers the outbox recipient kind of walk-in applicants.
import './service-cases.notify.js';

export { loadServiceCasesDemo } from './service-cases.demo.js';

/** 一窗式 cases: window acceptance, corrections, back-office decision, delivery, instant approval, ratings (好差评) and follow-up. */
export async function registerServiceCases(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/services/cases', labelKey: 'serviceCases.manage', order: 47, roles: STAFF_ROLES });
  app.adminLinks.push({ href: '/admin/services/ratings', labelKey: 'serviceCases.ratings_manage', order: 47.5, roles: STAFF_ROLES });
  await app.register(serviceCasesPublicRoutes);
  await app.register(serviceCasesApiRoutes);
  await app.register(serviceCasesAdminRoutes);
  await app.register(serviceRatingsRoutes);
}

/**
 * This module's background job (app.ts merges it like outboxJobs): hourly, staff are reminded of
 * cases about to be late (once per case and due date), and late cases and follow-ups are flagged.
 */
export function serviceCasesJobs(deps: { db: Executor; config: Config; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [DEADLINE_QUEUE]: async () => {
        const r = await runDeadlineJob(deps.db);
        if (r.reminded + r.overdueCases + r.overdueFollowUps > 0) {
          deps.log?.info(r, 'service-case deadlines');
        }
      },
    },
    schedules: [{ queue: DEADLINE_QUEUE, everyMs: 3600_000 }],
  };
}
