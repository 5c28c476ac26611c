/** One message on its way out over one channel, with everything an adapter needs. */
export interface OutgoingMessage {
  deliveryId: number;
  notificationId: number;
  /** Stable across retries: receivers drop a second copy with the same key. */
  idempotencyKey: string;
  channel: string;
  /** E-mail address, mobile, openid or URL. */
  address: string;
  /** The recipient's webhook HMAC key ('' for other channels). */
  webhookSecret: string;
  recipient: { kind: string; key: string };
  topic: string;
  title: string;
  body: string;
  /** Absolute link to the portal page ('' when the notification has none). */
  url: string;
  /** Absolute one-click unsubscribe link (e-mail only). */
  unsubscribeUrl: string | null;
  createdAt: string;
}

/** A delivery channel (邮件、短信、微信模板消息、Webhook). */
export interface ChannelAdapter {
  readonly channel: string;
  /** Why the channel cannot send (not configured), or null when it can. */
  disabledReason(): string | null;
  /** Sends one message; resolves with the gateway's reference; throws on failure. */
  send(m: OutgoingMessage): Promise<string>;
}

/** A failure that retrying cannot cure (bad address, channel not configured): the delivery goes dead at once. */
export class UndeliverableError extends Error {}

/** Ten seconds for any gateway: a hung gateway must not hold the worker; the delivery is retried. */
export const GATEWAY_TIMEOUT_MS = 10_000;

/** Reads a gateway's reply as JSON, naming the status when it is not JSON. */
export async function jsonReply(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`HTTP ${res.status}: not JSON: ${text.slice(0, 200)}`);
  }
}
