import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { userContact } from '../../modules/accounts/index.js';
import { publishedPolicyBriefs } from '../../modules/policies/index.js';
import * as repo from './outbox.repository.js';
import { enqueueNotification } from './outbox.service.js';

/**
 * A few inbox messages for the demo enterprise (recipient: its credit code) and its user, written
 * through enqueueNotification like real pushes; the oldest is already read. The demo enterprise
 * keeps the inbox only, so that a portal without SMS or mail configured does not fill the dead letters.
 */
export async function loadOutboxDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const user = ctx.users.get('enterprise');
  const contact = user ? await userContact(trx, user.id) : undefined;
  if (!user || !contact?.creditCode) {
    return;
  }
  const enterprise = { kind: 'enterprise', key: contact.creditCode };
  const at = new Date().toISOString();
  for (const r of [enterprise, { kind: 'user', key: String(user.id) }]) {
    for (const channel of ['email', 'sms', 'wechat', 'webhook']) {
      await repo.upsertChannel(trx, { recipientKind: r.kind, recipientKey: r.key, channel, enabled: 0, address: '', webhookSecret: '', updatedAt: at });
    }
  }
  const policies = (await publishedPolicyBriefs(trx, {})).slice(-3);
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3600_000);
  const ids: number[] = [];
  for (const [i, p] of policies.entries()) {
    const r = await enqueueNotification(
      trx,
      {
        recipient: enterprise,
        // Not 'policy-match': the navigator decides matches; the demo only announces new policies.
        dedupeKey: `policy-published:${contact.creditCode}:${p.id}`,
        topic: 'policy-published',
        title: `新政策发布：《${p.title}》`,
        body: `本市发布了《${p.title}》，可能与贵企业有关。\n请查看政策原文、解读和申报指南；符合条件的，可按指南办理。`,
        link: `/policies/${p.id}`,
      },
      { now: hoursAgo(72 - i * 30) },
    );
    ids.push(r.notificationId);
  }
  await enqueueNotification(
    trx,
    {
      recipient: { kind: 'user', key: String(user.id) },
      dedupeKey: `demo:welcome:${user.id}`,
      topic: 'account',
      title: '欢迎使用惠企政策主动推送',
      body: '新的政策与贵企业匹配时，我们会在站内信中通知您。您可以在“消息推送设置”中选择短信、电子邮件、微信或 Webhook 接收推送。',
      link: '/account/notifications',
    },
    { now: hoursAgo(96) },
  );
  // The oldest policy message has been read.
  const first = ids[0];
  if (first !== undefined) {
    await repo.markNotificationRead(trx, first, hoursAgo(60).toISOString());
  }
}
