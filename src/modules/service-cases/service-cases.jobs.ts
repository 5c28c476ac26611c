import type { Executor } from '../../http/context.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import * as repo from './service-cases.repository.js';
import * as rr from './service-cases.ratings-repository.js';
import { remindStaff } from './service-cases.notify.js';
import { RUNNING_STATUSES } from './service-cases.status.js';

/** The job's queue name. */
export const DEADLINE_QUEUE = 'service-cases-deadlines';

/** Working days before the due date when the department's staff are reminded. */
export const REMIND_DAYS = 1;

/**
 * One pass of the deadline job: reminds the deciding department's staff of running cases due within
 * REMIND_DAYS working days (once per case and due date), flags cases past their due date and bad
 * ratings whose follow-up is late. Safe to run any number of times.
 */
export async function runDeadlineJob(db: Executor, today = todayInChina()): Promise<{ reminded: number; overdueCases: number; overdueFollowUps: number }> {
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const due = await repo.casesToRemind(trx, RUNNING_STATUSES, today, addWorkingDays(today, REMIND_DAYS));
    const staff = await repo.staffOfDepartments(trx, [...new Set(due.map((c) => c.departmentId))]);
    const reminders = due.flatMap((c) => staff.filter((s) => s.departmentId === c.departmentId).map((s) => ({ userId: s.id, caseId: c.id, caseNumber: c.caseNumber, dueOn: c.dueOn! })));
    const reminded = await remindStaff(trx, reminders);
    for (const c of due) {
      await repo.updateCase(trx, c.id, { reminderSentFor: c.dueOn });
    }
    const overdueCases = await repo.flagOverdue(trx, RUNNING_STATUSES, today, at);
    const overdueFollowUps = await rr.flagOverdueFollowUps(trx, today, at);
    return { reminded, overdueCases, overdueFollowUps };
  });
}
