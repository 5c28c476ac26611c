import type { Executor } from '../../http/context.js';
import { todayInChina } from '../../platform/clock.js';
import { enqueueNotification } from '../../platform/outbox/index.js';
import { loadEnterpriseFacts } from '../enterprises/index.js';
import { policyBriefs } from '../policies/index.js';
import { daysLeft } from './navigator.guide.js';
import { matchAll, metEnterprises } from './navigator.match.js';
import * as repo from './navigator.repository.js';

// Once a day: every policy is matched again on the new reference date, so a condition that has just
// become true ("成立满 2 年" on the founding anniversary) pushes the policy on that very day; and
// enterprises that qualify are reminded before an application window closes.

/** How many days before a window closes the reminder goes out. */
export const DEADLINE_REMINDER_DAYS = 7;
const LAST_RUN_KEY = 'navigator.daily_last_run';

/** Reminds every enterprise that qualifies for a policy whose window closes within the reminder period (once per window). */
export async function remindDeadlines(trx: Executor, today = todayInChina()): Promise<number> {
  const guides = await repo.guidesClosingSoon(trx, today, DEADLINE_REMINDER_DAYS);
  let sent = 0;
  for (const g of guides) {
    const [policy] = await policyBriefs(trx, [g.policyId]);
    const metIds = await metEnterprises(trx, g.policyId);
    if (!policy || metIds.length === 0) {
      continue;
    }
    for (const e of await loadEnterpriseFacts(trx, { ids: metIds })) {
      const r = await enqueueNotification(trx, {
        recipient: { kind: 'enterprise', key: e.creditCode },
        dedupeKey: `policy-deadline:${e.creditCode}:${g.policyId}:${g.applyUntil}`,
        topic: 'policy-deadline',
        title: `申报即将截止：${policy.title}`,
        body: `贵单位符合《${policy.title}》的适用条件，申报将于 ${g.applyUntil} 截止（还有 ${daysLeft(g.applyUntil!, today)} 天）。`,
        link: `/navigator#policy-${g.policyId}`,
      });
      sent += r.created ? 1 : 0;
    }
  }
  return sent;
}

/** The daily run; does nothing when today's has been done (the job may fire several times a day). */
export async function dailyRun(trx: Executor, today = todayInChina()): Promise<{ ran: boolean; met: number; reminders: number }> {
  if ((await repo.readSetting(trx, LAST_RUN_KEY)) === today) {
    return { ran: false, met: 0, reminders: 0 };
  }
  const s = await matchAll(trx, today);
  const reminders = await remindDeadlines(trx, today);
  await repo.writeSetting(trx, LAST_RUN_KEY, today);
  return { ran: true, met: s.met, reminders };
}
