import type { Mailer, MailMessage } from '../../mail/index.js';
import { translate } from '../../i18n/index.js';
import type { ChannelAdapter, OutgoingMessage } from './types.js';

/** The text of a notification e-mail: the message, its link and the unsubscribe link. */
export function emailText(m: OutgoingMessage): string {
  const t = (k: string, p?: Record<string, string>) => translate('zh-CN', k, p);
  return [m.body, '', ...(m.url ? [`${t('outbox.mail.open')}${m.url}`, ''] : []), '--', t('outbox.mail.footer'), ...(m.unsubscribeUrl ? [`${t('outbox.mail.unsubscribe')}${m.unsubscribeUrl}`] : [])].join('\n');
}

/**
 * E-mail through the portal's mailer. The message carries List-Unsubscribe (RFC 2369) and its
 * idempotency key in X-Gongkai-Delivery; the mailer passes headers on when it supports them.
 */
export function emailChannel(mailer: Mailer): ChannelAdapter {
  return {
    channel: 'email',
    disabledReason: () => (mailer.enabled ? null : 'e-mail is not configured (SMTP_URL is unset)'),
    async send(m) {
      const msg: MailMessage & { headers: Record<string, string> } = {
        to: [m.address],
        subject: m.title,
        text: emailText(m),
        headers: { 'X-Gongkai-Delivery': m.idempotencyKey, ...(m.unsubscribeUrl ? { 'List-Unsubscribe': `<${m.unsubscribeUrl}>` } : {}) },
      };
      return mailer.send(msg);
    },
  };
}
