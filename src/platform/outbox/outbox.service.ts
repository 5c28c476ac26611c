import crypto from 'node:crypto';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { requireRole, requireUser, userContact } from '../../modules/accounts/index.js';
import * as repo from './outbox.repository.js';
import { contactOf, defaultAddress, EXTERNAL_CHANNELS, type ExternalChannel, type Recipient, type RecipientContact } from './outbox.enqueue.js';

export { contactOf, channelTargets, enqueueNotification, enqueueNotifications, registerRecipientResolver, EXTERNAL_CHANNELS } from './outbox.enqueue.js';
export type { ExternalChannel, NotificationInput, Recipient, RecipientContact, RecipientResolver, RecipientBatchResolver } from './outbox.enqueue.js';

// ── recipients' side ──

/** The recipients a signed-in person reads and manages: themselves, and their enterprise if they have one. */
export async function recipientsOf(db: Executor, user: CurrentUser | null): Promise<Array<Recipient & { name: string }>> {
  const u = requireUser(user);
  const c = await userContact(db, u.id);
  const out: Array<Recipient & { name: string }> = [];
  if (c?.creditCode) {
    out.push({ kind: 'enterprise', key: c.creditCode, name: c.name });
  }
  out.push({ kind: 'user', key: String(u.id), name: u.displayName });
  return out;
}

/** A page of the signed-in person's inbox (their own and their enterprise's), with the unread count. */
export async function inbox(db: Executor, user: CurrentUser | null, page: number, pageSize = 20) {
  const recipients = await recipientsOf(db, user);
  const r = await repo.inboxPage(db, recipients, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageCount: Math.max(1, Math.ceil(r.total / pageSize)) };
}

/** Opens one inbox message (marking it read); 404 when it is someone else's. */
export async function openMessage(trx: Executor, user: CurrentUser | null, id: number, now = new Date()) {
  const recipients = await recipientsOf(trx, user);
  const m = await repo.inboxMessage(trx, recipients, id);
  if (!m) {
    throw new AppError('not_found');
  }
  if (!m.readAt) {
    await repo.markRead(trx, id, now.toISOString());
  }
  return m;
}

/** The choices of one recipient, as the preferences page shows them. */
export interface Preferences {
  /** False while the recipient has chosen nothing (defaults apply). */
  custom: boolean;
  contact: RecipientContact | undefined;
  channels: Record<ExternalChannel, { enabled: boolean; address: string; hasSecret: boolean }>;
}

/** A recipient's channel choices (the defaults when they have made none). */
export async function preferences(db: Executor, r: Recipient): Promise<Preferences> {
  const [rows, contact] = await Promise.all([repo.channelRows(db, r), contactOf(db, r)]);
  const channels = {} as Preferences['channels'];
  for (const ch of EXTERNAL_CHANNELS) {
    const row = rows.find((x) => x.channel === ch);
    channels[ch] = {
      enabled: rows.length === 0 ? (ch === 'email' || ch === 'sms') && defaultAddress(ch, contact) !== '' : row?.enabled === 1,
      address: row?.address ?? '',
      hasSecret: (row?.webhookSecret ?? '') !== '',
    };
  }
  return { custom: rows.length > 0, contact, channels };
}

/** What the preferences form sends (validated by its schema). */
export interface PreferencesInput {
  channels: string[];
  email?: string | undefined;
  mobile?: string | undefined;
  wechatOpenid?: string | undefined;
  webhookUrl?: string | undefined;
  regenerateSecret?: boolean | undefined;
}

/** A new webhook secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(32).toString('base64url')}`;
}

/**
 * Saves a recipient's channel choices; a channel needs an address (e-mail and SMS may use the
 * account's). Returns the webhook secret when one was generated: it is shown once.
 */
export async function savePreferences(trx: Executor, actor: Actor, user: CurrentUser | null, r: Recipient, input: PreferencesInput, now = new Date()): Promise<{ webhookSecret: string | null }> {
  await assertOwn(trx, user, r);
  const before = await repo.channelRows(trx, r);
  const contact = await contactOf(trx, r);
  const addresses: Record<ExternalChannel, string> = { email: input.email ?? '', sms: input.mobile ?? '', wechat: input.wechatOpenid ?? '', webhook: input.webhookUrl ?? '' };
  const fieldOf: Record<ExternalChannel, string> = { email: 'email', sms: 'mobile', wechat: 'wechatOpenid', webhook: 'webhookUrl' };
  const problems: FieldProblem[] = [];
  for (const ch of EXTERNAL_CHANNELS) {
    if (input.channels.includes(ch) && !addresses[ch] && !defaultAddress(ch, contact)) {
      problems.push({ field: fieldOf[ch], key: 'outbox.prefs.address_needed' });
    }
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  let shown: string | null = null;
  const at = now.toISOString();
  for (const ch of EXTERNAL_CHANNELS) {
    const old = before.find((x) => x.channel === ch);
    let secret = old?.webhookSecret ?? '';
    if (ch === 'webhook' && input.channels.includes('webhook') && (secret === '' || input.regenerateSecret)) {
      secret = newWebhookSecret();
      shown = secret;
    }
    await repo.upsertChannel(trx, { recipientKind: r.kind, recipientKey: r.key, channel: ch, enabled: input.channels.includes(ch) ? 1 : 0, address: addresses[ch], webhookSecret: secret, updatedAt: at });
  }
  await recordAudit(trx, actor, {
    action: 'notification_preferences.update',
    entityType: 'recipient',
    entityId: `${r.kind}:${r.key}`,
    before: before.map((b) => ({ channel: b.channel, enabled: b.enabled })),
    after: { channels: input.channels, webhookSecretRegenerated: shown !== null },
  });
  return { webhookSecret: shown };
}

/** Turns off the given channels (the inbox stays), fixing the defaults first so that they do not come back. */
async function turnOff(trx: Executor, r: Recipient, channels: readonly string[], at: string): Promise<void> {
  const rows = await repo.channelRows(trx, r);
  const prefs = await preferences(trx, r);
  for (const ch of EXTERNAL_CHANNELS) {
    const row = rows.find((x) => x.channel === ch);
    const enabled = channels.includes(ch) ? 0 : prefs.channels[ch].enabled ? 1 : 0;
    await repo.upsertChannel(trx, { recipientKind: r.kind, recipientKey: r.key, channel: ch, enabled, address: row?.address ?? '', webhookSecret: row?.webhookSecret ?? '', updatedAt: at });
  }
}

/** "Unsubscribe from everything": only the inbox remains. */
export async function unsubscribeAll(trx: Executor, actor: Actor, user: CurrentUser | null, r: Recipient, now = new Date()): Promise<void> {
  await assertOwn(trx, user, r);
  await turnOff(trx, r, EXTERNAL_CHANNELS, now.toISOString());
  await recordAudit(trx, actor, { action: 'notification_preferences.unsubscribe_all', entityType: 'recipient', entityId: `${r.kind}:${r.key}` });
}

async function assertOwn(db: Executor, user: CurrentUser | null, r: Recipient): Promise<void> {
  const mine = await recipientsOf(db, user);
  if (!mine.some((m) => m.kind === r.kind && m.key === r.key)) {
    throw new AppError('forbidden');
  }
}

/** The token behind an unsubscribe link; 404 when unknown. */
export async function unsubscribeToken(db: Executor, token: string) {
  const row = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await repo.findToken(db, token) : undefined;
  if (!row) {
    throw new AppError('not_found');
  }
  return row;
}

/** Unsubscribes through a link (no sign-in: the token is the proof); audited. */
export async function unsubscribeByToken(trx: Executor, actor: Actor, token: string, now = new Date()): Promise<{ channel: string }> {
  const row = await unsubscribeToken(trx, token);
  const at = now.toISOString();
  const r = { kind: row.recipientKind, key: row.recipientKey };
  await turnOff(trx, r, row.channel === 'all' ? EXTERNAL_CHANNELS : [row.channel], at);
  await repo.markTokenUsed(trx, row.id, at);
  await recordAudit(trx, actor, { action: 'notification_preferences.unsubscribe_link', entityType: 'recipient', entityId: `${r.kind}:${r.key}`, after: { channel: row.channel } });
  return { channel: row.channel };
}

/** The unsubscribe link's token for a recipient and channel (created once, reused in every message). */
export function unsubscribeTokenFor(db: Executor, r: Recipient, channel: string, now = new Date()): Promise<string> {
  return repo.tokenFor(db, r, channel, crypto.randomBytes(32).toString('base64url'), now.toISOString());
}

// ── staff ──

/** Counts by channel and status, and the dead letters (admin). */
export async function deliveryOverview(db: Executor, user: CurrentUser | null) {
  requireRole(user, 'admin');
  const [counts, dead] = await Promise.all([repo.deliveryCounts(db), repo.deadDeliveries(db, 100)]);
  return { counts, dead };
}

/** Sends a dead delivery back for another round of attempts (admin; audited). */
export async function retryDelivery(trx: Executor, actor: Actor, user: CurrentUser | null, id: number, now = new Date()): Promise<void> {
  requireRole(user, 'admin');
  const before = await repo.deliveryById(trx, id);
  if (!before || !(await repo.requeueDead(trx, id, now.toISOString()))) {
    throw new AppError('not_found');
  }
  await recordAudit(trx, actor, { action: 'delivery.retry', entityType: 'delivery', entityId: id, before: { status: before.status, attempts: before.attempts, lastError: before.lastError } });
}
