import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';
import { dailyRun } from './navigator.daily.js';
import { expandPushBatches } from './navigator.push.js';
import { AppError } from '../../http/errors.js';
import { onEnterprisesChanged } from '../enterprises/index.js';
import { onPolicyPublished, onPolicyValidityChanged } from '../policies/index.js';
import { matchEnterprises, matchPolicy } from './navigator.match.js';
import { navigatorRoutes } from './navigator.routes.js';
import { navigatorEditorRoutes } from './navigator.editor-routes.js';
import { failingExamples } from './navigator.service.js';

// A policy whose worked examples fail is not published; a published one is matched at once, in the
// publishing transaction. Changed enterprises are re-matched in the transaction that changed them.
onPolicyPublished('navigator', async (trx, _actor, ev) => {
  if ((await failingExamples(trx, ev.policyId)).length > 0) {
    throw new AppError('invalid_state', {}, [], 'navigator.examples_failing');
  }
  await matchPolicy(trx, ev.policyId);
});
// An expired or repealed policy leaves every enterprise's list; valid again, it is matched again.
onPolicyValidityChanged('navigator', async (trx, policyId) => {
  await matchPolicy(trx, policyId);
});
onEnterprisesChanged('navigator', async (trx, ids) => {
  await matchEnterprises(trx, ids);
});

/** 惠企政策导航: eligibility rules, matching, near misses and the enterprise's own list. */
export async function registerNavigator(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/navigator', labelKey: 'nav.navigator', order: 16 });
  await app.register(navigatorRoutes);
  await app.register(async (scoped) => {
    navigatorEditorRoutes(scoped);
  });
}

export { matchAll, matchEnterprises, matchPolicy, metEnterprises, storedMatchesOf } from './navigator.match.js';
export { dropDirectoryCache } from './navigator.facts-cache.js';
export { expandPushBatches, INLINE_PUSH_LIMIT } from './navigator.push.js';
export { dailyRun, remindDeadlines } from './navigator.daily.js';
export { saveRule, addExample, previewRule, ruleEditorData } from './navigator.service.js';

/** The daily re-match and deadline reminders, for the worker (app.ts merges them in). */
export function navigatorJobs(deps: { db: Kysely<Database>; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return {
    handlers: {
      'navigator.daily': async () => {
        const r = await deps.db.transaction().execute((trx) => dailyRun(trx));
        if (r.ran) {
          deps.log?.info(r, 'navigator daily re-match');
        }
      },
      'navigator.push': async () => {
        const slices = await expandPushBatches(deps.db);
        if (slices > 0) {
          deps.log?.info({ slices }, 'navigator push batch written out');
        }
      },
    },
    // Hourly; the run itself happens once per Beijing day. Push batches are written out within seconds.
    schedules: [
      { queue: 'navigator.daily', everyMs: 3600_000 },
      { queue: 'navigator.push', everyMs: 5_000 },
    ],
  };
}
