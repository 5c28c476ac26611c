import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

/** One message to send. */
export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** Extra headers (List-Unsubscribe, an idempotency key …). */
  headers?: Record<string, string>;
}

/** Sends mail through SMTP, or reports that mail is disabled (no SMTP_URL). */
export interface Mailer {
  readonly enabled: boolean;
  /** Sends one message; resolves with the server's message id; throws on failure. */
  send(msg: MailMessage): Promise<string>;
  close(): void;
}

/** A mailer for the configured SMTP server; without a URL every send throws MailDisabledError. */
export function createMailer(opts: { smtpUrl?: string | undefined; mailFrom?: string | undefined }, log?: FastifyBaseLogger): Mailer {
  const from = opts.mailFrom ?? 'Gongkai <noreply@localhost>';
  if (!opts.smtpUrl) {
    log?.info('SMTP_URL is not set: mail is disabled');
    return {
      enabled: false,
      send: () => Promise.reject(new MailDisabledError()),
      close: () => undefined,
    };
  }
  // Short timeouts: a reminder job must not hang on an unreachable server; the job retries later.
  const transport: Transporter = nodemailer.createTransport(opts.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  return {
    enabled: true,
    async send(msg) {
      const info = (await transport.sendMail({ from, to: msg.to.join(', '), subject: msg.subject, text: msg.text, headers: msg.headers })) as { messageId: string };
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

/** Thrown by a mailer that has no SMTP server configured. */
export class MailDisabledError extends Error {
  constructor() {
    super('mail disabled');
  }
}
