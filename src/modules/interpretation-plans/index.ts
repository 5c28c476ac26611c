import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import { STAFF_ROLES, type Executor } from '../../http/context.js';
import { createMailer } from '../../platform/mail/index.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';
import { interpretationPlanRoutes } from './interpretation-plans.routes.js';
import { assessmentRoutes } from './assessment.routes.js';
import { sendDueReminders } from './interpretation-plans.reminders.js';

/** The queue of the reminder job. */
export const REMINDER_QUEUE = 'interpretation-plans.remind';

/** 解读计划备案与解读考核: the citywide timetable, reminders and the assessment. */
export async function registerInterpretationPlans(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/interpretation-plans', labelKey: 'plans.title', order: 40, roles: STAFF_ROLES });
  app.adminLinks.push({ href: '/admin/assessment', labelKey: 'assessment.title', order: 41, roles: STAFF_ROLES });
  const mailer = createMailer(app.config, app.log);
  app.addHook('onClose', async () => mailer.close());
  await app.register(interpretationPlanRoutes(mailer));
  await app.register(assessmentRoutes);
}

/**
 * The reminder job for the worker: app.ts spreads `handlers` into its handlers and `schedules` into
 * its schedules. Hourly is enough: each entry gets one reminder per due date whatever the frequency.
 */
export function interpretationPlanJobs(deps: { db: Executor; config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const mailer = createMailer(deps.config, deps.log);
  return {
    handlers: {
      [REMINDER_QUEUE]: async () => {
        const r = await sendDueReminders(deps.db, mailer, { baseUrl: deps.config.publicUrl });
        deps.log?.info({ reminders: r.claimed, outcomes: r.outcomes }, 'interpretation plan reminders');
      },
    },
    schedules: [{ queue: REMINDER_QUEUE, everyMs: 3600_000 }],
  };
}

export { sendDueReminders } from './interpretation-plans.reminders.js';
export { allowedWorkingDays } from './interpretation-plans.service.js';
