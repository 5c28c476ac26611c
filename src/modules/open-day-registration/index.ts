import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { STAFF_ROLES, type Executor } from '../../http/context.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';
import { registerRegistrationRecipient } from './open-day-registration.notify.js';
import { openDayRegistrationRoutes } from './open-day-registration.routes.js';
import { openDayRegistrationAdminRoutes } from './open-day-registration.admin-routes.js';
import { markDueNoShows } from './open-day-registration.staff.js';

export { loadOpenDayRegistrationDemo } from './open-day-registration.demo.js';
export { markDueNoShows } from './open-day-registration.staff.js';
export { registrationByCode } from './open-day-registration.lookups.js';

/** The queue of the no-show job. */
export const NO_SHOW_QUEUE = 'open-day-registration.no-shows';

/** Open-day registration (报名): sessions, waitlist, invited guests, check-in, no-shows and attendance. */
export async function registerOpenDayRegistration(app: FastifyInstance): Promise<void> {
  registerRegistrationRecipient();
  app.adminLinks.push({ href: '/admin/open-days/attendance', labelKey: 'registration.attendance', order: 46, roles: STAFF_ROLES });
  await app.register(openDayRegistrationRoutes);
  await app.register(openDayRegistrationAdminRoutes);
}

/**
 * The no-show job for the worker (app.ts merges it like outboxJobs): every 5 minutes, sessions past
 * their start plus the grace period have their remaining confirmed visitors marked no-show, and the
 * places go to the waitlist.
 */
export function openDayRegistrationJobs(deps: { db: Executor; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      [NO_SHOW_QUEUE]: async () => {
        const r = await markDueNoShows(deps.db);
        if (r.sessions > 0) {
          deps.log?.info(r, 'open-day no-shows');
        }
      },
    },
    schedules: [{ queue: NO_SHOW_QUEUE, everyMs: 300_000 }],
  };
}
