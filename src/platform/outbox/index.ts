import crypto from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../http/context.js';
import type { JobHandler, Schedule } from '../jobs/index.js';
import { createChannels, deliverDue } from './outbox.delivery.js';
import { outboxRoutes } from './outbox.routes.js';

/** The queue of the delivery job. */
export const DELIVERY_QUEUE = 'outbox.deliver';

/** The inbox pages, channel preferences and staff views of deliveries. */
export async function registerOutbox(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/deliveries', labelKey: 'outbox.admin.title', order: 90, roles: ['admin'] });
  await app.register(outboxRoutes);
}

/**
 * The delivery worker: app.ts merges the handler and schedule into its worker. Every 30 s the job
 * drains due deliveries in batches (claimed row by row, so several instances share the work).
 */
export function outboxJobs(deps: { db: Executor; config: Config; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  const channels = createChannels(deps.config, deps.log);
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  return {
    handlers: {
      [DELIVERY_QUEUE]: async () => {
        for (let round = 0; round < 10; round++) {
          const r = await deliverDue({ db: deps.db, channels, publicUrl: deps.config.publicUrl, quiet: deps.config.quietHours ?? null, log: deps.log }, { workerId, limit: 20 });
          if (r.claimed > 0) {
            deps.log?.info({ ...r }, 'outbox deliveries');
          }
          if (r.claimed < 20) {
            break;
          }
        }
      },
    },
    schedules: [{ queue: DELIVERY_QUEUE, everyMs: 30_000 }],
  };
}

export { enqueueNotification, enqueueNotifications, registerRecipientResolver, channelTargets, EXTERNAL_CHANNELS } from './outbox.enqueue.js';
export type { NotificationInput, Recipient, RecipientContact, RecipientResolver, RecipientBatchResolver, ExternalChannel } from './outbox.enqueue.js';
export { deliverDue, createChannels, type DeliveryDeps, type DeliverySummary } from './outbox.delivery.js';
export { webhookSignature } from './channels/webhook.js';
export { loadOutboxDemo } from './outbox.demo.js';
