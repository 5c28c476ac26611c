import { departmentEditorEmails } from '../accounts/index.js';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { translate } from '../../platform/i18n/index.js';
import type { Mailer } from '../../platform/mail/index.js';
import { requireRole } from '../accounts/index.js';
import * as repo from './interpretation-plans.repository.js';
import { getEntry, timetableLines, type TimetableLine } from './interpretation-plans.service.js';

/** Default: remind when an entry falls due within this many working days. */
export const DEFAULT_REMINDER_WINDOW = 3;

function message(line: TimetableLine, baseUrl: string) {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('zh-CN', k, p);
  const forms = line.entry.forms
    .split(',')
    .map((f) => t(`plans.form.${f}` as 'plans.form.full'))
    .join('、');
  return {
    subject: t('plans.mail.subject', { title: line.title, due: line.due }),
    text: [
      t('plans.mail.intro'),
      '',
      `${t('plans.policy')}：${line.title}`,
      `${t('plans.due')}：${line.due}`,
      `${t('plans.forms')}：${forms}`,
      `${t('plans.interpreter')}：${line.entry.interpreterName}（${line.entry.interpreterPost}）`,
      '',
      `${baseUrl.replace(/\/$/, '')}/admin/interpretation-plans/${line.entry.id}`,
    ].join('\n'),
  };
}

/** Sends one claimed reminder and records what became of it (sent, mail disabled, no recipients, failed). */
async function deliver(db: Executor, mailer: Mailer, reminderId: number, line: TimetableLine, baseUrl: string): Promise<string> {
  const to = await departmentEditorEmails(db, line.entry.departmentId);
  let outcome = 'sent';
  let detail = '';
  if (!mailer.enabled) {
    outcome = 'mail_disabled';
  } else if (to.length === 0) {
    outcome = 'no_recipients';
  } else {
    try {
      const m = message(line, baseUrl);
      detail = await mailer.send({ to, subject: m.subject, text: m.text });
    } catch (err) {
      outcome = 'failed';
      detail = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    }
  }
  await repo.finishReminder(db, reminderId, { outcome, recipients: to.join(', '), detail, updatedAt: nowIso() });
  return outcome;
}

/**
 * The scheduled job: for every filed entry not yet interpreted and due within `window` working days,
 * one reminder per entry and due day. The unique key is claimed before the mail goes out, so two
 * workers (or two runs) never send the same reminder twice; a failed send is recorded, not retried.
 */
export async function sendDueReminders(db: Executor, mailer: Mailer, opts: { baseUrl: string; today?: string; window?: number }): Promise<{ claimed: number; outcomes: string[] }> {
  const today = opts.today ?? todayInChina();
  const horizon = addWorkingDays(today, opts.window ?? DEFAULT_REMINDER_WINDOW);
  const lines = await timetableLines(db, { entries: await repo.filedEntries(db) }, today);
  const outcomes: string[] = [];
  for (const line of lines) {
    if (line.status !== 'planned' || line.due < today || line.due > horizon) {
      continue;
    }
    const now = nowIso();
    const id = await repo.claimReminder(db, { entryId: line.entry.id, dueOn: line.due, dedupeKey: `auto:${line.entry.id}:${line.due}`, outcome: 'sending', recipients: '', detail: '', createdAt: now, updatedAt: now });
    if (id !== undefined) {
      outcomes.push(await deliver(db, mailer, id, line, opts.baseUrl));
    }
  }
  return { claimed: outcomes.length, outcomes };
}

/** The general office's "send reminder now": claimed and audited in the transaction, sent after it. */
export async function claimManualReminder(trx: Executor, actor: Actor, user: CurrentUser | null, id: number): Promise<{ reminderId: number; line: TimetableLine }> {
  const u = requireRole(user, 'admin');
  const { entry } = await getEntry(trx, u, id);
  const [line] = await timetableLines(trx, { entries: [entry] }, todayInChina());
  if (!line) {
    throw new AppError('not_found');
  }
  const now = nowIso();
  const reminderId = await repo.claimReminder(trx, { entryId: id, dueOn: line.due, dedupeKey: `manual:${id}:${now}:${actor.requestId}`, outcome: 'sending', recipients: '', detail: '', createdAt: now, updatedAt: now });
  if (reminderId === undefined) {
    throw new AppError('conflict');
  }
  await recordAudit(trx, actor, { action: 'interpretation_plan.remind', entityType: 'interpretation_plan_entry', entityId: id, after: { dueOn: line.due } });
  return { reminderId, line };
}

/** Sends a claimed manual reminder (outside the transaction: mail is slow). */
export function sendManualReminder(db: Executor, mailer: Mailer, claimed: { reminderId: number; line: TimetableLine }, baseUrl: string): Promise<string> {
  return deliver(db, mailer, claimed.reminderId, claimed.line, baseUrl);
}
