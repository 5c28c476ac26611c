import type { Executor } from '../../http/context.js';
import { enqueueNotifications, registerRecipientResolver, type NotificationInput, type RecipientContact } from '../../platform/outbox/index.js';
import { translate, type MessageKey } from '../../platform/i18n/index.js';

/** The outbox recipient kind of a walk-in applicant (no account): the key is the case id. */
export const WALK_IN_KIND = 'service-case';

registerRecipientResolver(WALK_IN_KIND, async (db, key): Promise<RecipientContact | undefined> => {
  const id = Number(key);
  if (!Number.isSafeInteger(id)) {
    return undefined;
  }
  const r = await db.selectFrom('serviceCase').select(['applicantName', 'applicantMobile']).where('id', '=', id).executeTakeFirst();
  return r && r.applicantMobile ? { name: r.applicantName, mobile: r.applicantMobile } : undefined;
});

/** The part of a case a notice needs. */
export interface NoticeCase {
  id: number;
  caseNumber: string;
  applicantUserId: number | null;
  itemName: string;
}

/**
 * Tells the applicant that their case reached a step, in the caller's transaction: an account holder
 * in their inbox (and channels), a walk-in applicant by SMS. One notice per case and step (dedupe key).
 */
export async function notifyApplicant(trx: Executor, c: NoticeCase, step: string, params: Record<string, string | number> = {}): Promise<void> {
  const key = `serviceCases.notice.${step}` as MessageKey;
  const p = { number: c.caseNumber, item: c.itemName, ...params };
  const input: NotificationInput = {
    recipient: c.applicantUserId !== null ? { kind: 'user', key: String(c.applicantUserId) } : { kind: WALK_IN_KIND, key: String(c.id) },
    dedupeKey: `service-case:${c.id}:${step}`,
    topic: 'service-case',
    title: translate('zh-CN', 'serviceCases.notice.title', p),
    body: `${translate('zh-CN', key, p)}\n\n${translate('en', key, p)}`,
    link: `/my/cases/${c.caseNumber}`,
  };
  await enqueueNotifications(trx, [input]);
}

/** Reminds staff (by user id) that cases are about to pass their due date; one notice per case, due date and person. */
export async function remindStaff(trx: Executor, reminders: Array<{ userId: number; caseId: number; caseNumber: string; dueOn: string }>): Promise<number> {
  if (reminders.length === 0) {
    return 0;
  }
  const inputs = reminders.map((r) => {
    const p = { number: r.caseNumber, due: r.dueOn };
    return {
      recipient: { kind: 'user', key: String(r.userId) },
      dedupeKey: `service-case-due:${r.caseId}:${r.dueOn}:${r.userId}`,
      topic: 'service-case',
      title: translate('zh-CN', 'serviceCases.reminder.title', p),
      body: `${translate('zh-CN', 'serviceCases.reminder.body', p)}\n\n${translate('en', 'serviceCases.reminder.body', p)}`,
      link: `/admin/services/cases/${r.caseNumber}`,
    };
  });
  const r = await enqueueNotifications(trx, inputs);
  return r.filter((x) => x.created).length;
}
