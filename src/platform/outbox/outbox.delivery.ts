import crypto from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../http/context.js';
import { createMailer } from '../mail/index.js';
import { emailChannel } from './channels/email.js';
import { smsChannel } from './channels/sms.js';
import { UndeliverableError, type ChannelAdapter } from './channels/types.js';
import { wechatChannel } from './channels/wechat.js';
import { webhookChannel } from './channels/webhook.js';
import { earliestSendTime, inQuietHours, QUIET_CHANNELS, retryAt, type QuietHours } from './outbox.schedule.js';
import * as repo from './outbox.repository.js';
import { unsubscribeTokenFor } from './outbox.service.js';

/** What the delivery worker needs; tests pass their own clock and adapters. */
export interface DeliveryDeps {
  db: Executor;
  channels: Record<string, ChannelAdapter>;
  publicUrl: string;
  quiet: QuietHours | null;
  now?: () => Date;
  log?: FastifyBaseLogger;
}

/** The channel adapters of a configuration. */
export function createChannels(config: Config, log?: FastifyBaseLogger, now?: () => Date): Record<string, ChannelAdapter> {
  const sms = config.sms ?? { url: undefined, appId: '', secretId: '', secretKey: '', signName: '', templateId: '', region: 'ap-guangzhou' };
  const wechat = config.wechat ?? { apiBase: 'https://api.weixin.qq.com', appId: '', appSecret: '', templateId: '' };
  return {
    email: emailChannel(createMailer(config, log)),
    sms: smsChannel(sms, now),
    wechat: wechatChannel(wechat, now),
    webhook: webhookChannel(now, { allowPrivate: config.webhookAllowPrivate ?? false }),
  };
}

/** What one round of deliveries did. */
export interface DeliverySummary {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  deferred: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Claims due deliveries and sends each over its channel, outside any transaction (gateways are slow).
 * Success marks it sent; a failure waits 1 min, 5 min, 30 min, 2 h, 12 h, then the delivery is dead;
 * a channel that is not configured, or a permanent refusal, makes it dead at once (staff can retry it
 * after fixing the cause). A delivery due in quiet hours is put back, untried, until they end.
 */
export async function deliverDue(deps: DeliveryDeps, opts: { workerId?: string; limit?: number } = {}): Promise<DeliverySummary> {
  const now = deps.now ?? (() => new Date());
  const workerId = opts.workerId ?? `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  const claimed = await repo.claimDue(deps.db, workerId, now().toISOString(), opts.limit ?? 20);
  const summary: DeliverySummary = { claimed: claimed.length, sent: 0, failed: 0, dead: 0, deferred: 0 };
  for (const d of claimed) {
    const at = now();
    if (QUIET_CHANNELS.includes(d.channel) && inQuietHours(at, deps.quiet)) {
      await repo.finishDelivery(deps.db, d.id, workerId, { status: 'pending', nextAttemptAt: earliestSendTime(at, d.channel, deps.quiet).toISOString(), at: at.toISOString(), untried: true });
      summary.deferred++;
      continue;
    }
    const dead = async (error: string) => {
      await repo.finishDelivery(deps.db, d.id, workerId, { status: 'dead', error, at: now().toISOString() });
      summary.dead++;
    };
    const n = await repo.notificationById(deps.db, d.notificationId);
    const adapter = deps.channels[d.channel];
    const reason = !n ? 'notification not found' : adapter ? adapter.disabledReason() : `unknown channel ${d.channel}`;
    if (!n || !adapter || reason) {
      await dead(reason ?? 'undeliverable');
      continue;
    }
    const recipient = { kind: n.recipientKind, key: n.recipientKey };
    let webhookSecret = '';
    if (d.channel === 'webhook') {
      webhookSecret = (await repo.channelRows(deps.db, recipient)).find((c) => c.channel === 'webhook')?.webhookSecret ?? '';
      if (!webhookSecret) {
        await dead('the recipient has no webhook secret');
        continue;
      }
    }
    const base = deps.publicUrl.replace(/\/$/, '');
    const unsubscribeUrl = d.channel === 'email' ? `${base}/unsubscribe/${await unsubscribeTokenFor(deps.db, recipient, 'email', at)}` : null;
    try {
      const ref = await adapter.send({
        deliveryId: d.id,
        notificationId: n.id,
        idempotencyKey: d.idempotencyKey,
        channel: d.channel,
        address: d.address,
        webhookSecret,
        recipient,
        topic: n.topic,
        title: n.title,
        body: n.body,
        url: n.link ? (n.link.startsWith('/') ? base + n.link : n.link) : '',
        unsubscribeUrl,
        createdAt: n.createdAt,
      });
      await repo.finishDelivery(deps.db, d.id, workerId, { status: 'sent', providerRef: ref, at: now().toISOString() });
      summary.sent++;
    } catch (err) {
      const text = message(err);
      const next = err instanceof UndeliverableError ? null : retryAt(now(), d.attempts, d.channel, deps.quiet);
      deps.log?.warn({ deliveryId: d.id, channel: d.channel, attempts: d.attempts, err: text, dead: next === null }, 'delivery failed');
      if (next) {
        await repo.finishDelivery(deps.db, d.id, workerId, { status: 'failed', error: text, nextAttemptAt: next.toISOString(), at: now().toISOString() });
        summary.failed++;
      } else {
        await dead(text);
      }
    }
  }
  return summary;
}
