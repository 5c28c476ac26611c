import type { Executor } from '../../http/context.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { todayInChina } from '../../platform/clock.js';
import { translate } from '../../platform/i18n/index.js';
import { enqueueNotifications, registerRecipientResolver, type NotificationInput } from '../../platform/outbox/index.js';
import { departmentEditorEmails } from '../accounts/index.js';
import * as repo from './disclosure-requests.repository.js';
import { clockOf } from './disclosure-requests.service.js';
import { lapse } from './disclosure-requests.actions.js';
import { feePaymentLimit } from './disclosure-requests.clock.js';
import { OPEN_STATES } from './disclosure-requests.status.js';

/** Remind the agency when an answer falls due within this many working days. */
export const REMINDER_WINDOW = 3;

/** The outbox recipient kind of an agency's case handler, keyed by e-mail address. */
const STAFF_KIND = 'disclosure-staff';
registerRecipientResolver(STAFF_KIND, async (_db, key) => (key.includes('@') ? { name: key, email: key } : undefined));

/**
 * Reminds the agency's editors of cases due within 3 working days or overdue: one notification per
 * case, due day, kind and address ever (the dedupe key), so the job may run any number of times.
 */
export async function sendReminders(db: Executor, today = todayInChina()): Promise<number> {
  const horizon = addWorkingDays(today, REMINDER_WINDOW);
  const cases = await repo.openDueBy(db, undefined, OPEN_STATES, horizon);
  const emails = new Map<number, string[]>();
  const inputs: NotificationInput[] = [];
  for (const c of cases) {
    const due = c.dueOn ?? '';
    const kind = due < today ? 'overdue' : 'due_soon';
    if (!emails.has(c.departmentId)) {
      emails.set(c.departmentId, await departmentEditorEmails(db, c.departmentId));
    }
    const p = { number: c.trackingNumber, dueOn: due };
    for (const email of emails.get(c.departmentId) ?? []) {
      inputs.push({
        recipient: { kind: STAFF_KIND, key: email },
        dedupeKey: `disclosure-reminder:${c.id}:${due}:${kind}:${email}`,
        topic: 'disclosure-reminder',
        title: translate('zh-CN', `disclosureRequests.reminder.${kind}`, p),
        body: `${translate('zh-CN', `disclosureRequests.reminder.${kind}`, p)}\n\n${translate('en', `disclosureRequests.reminder.${kind}`, p)}`,
        link: `/admin/disclosure-requests/${c.id}`,
      });
    }
  }
  if (inputs.length === 0) {
    return 0;
  }
  const r = await db.transaction().execute((trx) => enqueueNotifications(trx, inputs));
  return r.filter((x) => x.created).length;
}

/**
 * Closes cases whose correction was not made in time (其他处理/逾期不补正) or whose fee was not paid
 * in time (其他处理/逾期未缴费), each in its own transaction, the day after the limit.
 */
export async function closeLapsed(db: Executor, today = todayInChina()): Promise<number> {
  let closed = 0;
  for (const row of await repo.inState(db, ['awaiting_correction'])) {
    const clock = await clockOf(db, row);
    if (clock.correctionDueOn !== null && clock.correctionDueOn < today) {
      await db.transaction().execute((trx) => lapse(trx, row, 'correction', today));
      closed += 1;
    }
  }
  for (const row of await repo.unpaidFees(db)) {
    if (row.feeIssuedOn !== null && feePaymentLimit(row.feeIssuedOn) < today && OPEN_STATES.includes(row.state as (typeof OPEN_STATES)[number])) {
      await db.transaction().execute((trx) => lapse(trx, row, 'fee', today));
      closed += 1;
    }
  }
  return closed;
}
