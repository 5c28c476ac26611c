import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../http/context.js';
import { STAFF_ROLES } from '../../http/context.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';
import { disclosurePublicRoutes } from './disclosure-requests.routes.js';
import { disclosureAdminRoutes } from './disclosure-requests.admin-routes.js';
import { disclosureReportRoutes } from './disclosure-requests.report-routes.js';
import { disclosureTopicRoutes } from './disclosure-requests.topic-routes.js';
import { closeLapsed, sendReminders } from './disclosure-requests.jobs.js';
// Registers the outbox recipient kind 'disclosure-request' (the applicant's contact).
import './disclosure-requests.notify.js';

export { loadDisclosureRequestsDemo } from './disclosure-requests.demo.js';

/** The queue of the daily job: close lapsed corrections and fees, then remind agencies of due cases. */
export const DEADLINE_QUEUE = 'disclosure-requests.deadlines';

/** 依申请公开: applications, the statutory clock, replies, fees, the annual-report tables and requests turned into proactive disclosure. */
export async function registerDisclosureRequests(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/disclosure-requests', labelKey: 'nav.disclosure_requests', order: 21 });
  app.adminLinks.push({ href: '/admin/disclosure-requests', labelKey: 'disclosureRequests.staff_title', order: 47, roles: STAFF_ROLES });
  await app.register(disclosurePublicRoutes);
  await app.register(disclosureAdminRoutes);
  await app.register(disclosureReportRoutes);
  await app.register(disclosureTopicRoutes);
}

/** This module's background jobs (app.ts merges them like outboxJobs): hourly, idempotent. */
export function disclosureRequestsJobs(deps: { db: Executor; config: Config; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [DEADLINE_QUEUE]: async () => {
        const closed = await closeLapsed(deps.db);
        const reminded = await sendReminders(deps.db);
        if (closed + reminded > 0) {
          deps.log?.info({ closed, reminded }, 'disclosure-request deadlines');
        }
      },
    },
    schedules: [{ queue: DEADLINE_QUEUE, everyMs: 3_600_000 }],
  };
}
