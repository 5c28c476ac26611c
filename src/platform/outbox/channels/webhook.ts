import crypto from 'node:crypto';
import dns from 'node:dns/promises';
import net from 'node:net';
import { GATEWAY_TIMEOUT_MS, UndeliverableError, type ChannelAdapter, type OutgoingMessage } from './types.js';

// Addresses a webhook may not reach: the portal's own machine and network (SSRF), unless allowed.
const PRIVATE = new net.BlockList();
for (const [prefix, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  PRIVATE.addSubnet(prefix, bits, 'ipv6');
}

/** True for loopback, private, link-local and other non-public addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) {
    return PRIVATE.check(mapped, 'ipv4');
  }
  return net.isIPv6(ip) ? PRIVATE.check(ip, 'ipv6') : PRIVATE.check(ip, 'ipv4');
}

async function assertPublic(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  if (bad) {
    throw new UndeliverableError(`webhook: ${host} resolves to a private address (${bad}); set WEBHOOK_ALLOW_PRIVATE=true to allow`);
  }
}

/** The signature header value: sha256=<hex HMAC-SHA256 of "timestamp.body" under the recipient's secret>. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The JSON a webhook receives (the same on every retry; only the timestamp header changes). */
export function webhookBody(m: OutgoingMessage): string {
  return JSON.stringify({
    id: m.idempotencyKey,
    event: m.topic,
    createdAt: m.createdAt,
    recipient: m.recipient,
    notification: { id: m.notificationId, topic: m.topic, title: m.title, body: m.body, url: m.url },
  });
}

/**
 * Webhooks: POST JSON with X-Gongkai-Event, X-Gongkai-Delivery (the idempotency key),
 * X-Gongkai-Timestamp and X-Gongkai-Signature; any 2xx is delivered. Redirects are not followed
 * (a receiver moves by changing its URL in its preferences). Addresses on the portal's own network
 * are refused unless allowed (a recipient must not make the server call its neighbours).
 */
export function webhookChannel(now: () => Date = () => new Date(), opts: { allowPrivate?: boolean } = {}): ChannelAdapter {
  return {
    channel: 'webhook',
    disabledReason: () => null,
    async send(m) {
      if (!opts.allowPrivate) {
        await assertPublic(m.address);
      }
      const body = webhookBody(m);
      const timestamp = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(m.address, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Gongkai-Webhook/1',
          'x-gongkai-event': m.topic,
          'x-gongkai-delivery': m.idempotencyKey,
          'x-gongkai-timestamp': timestamp,
          'x-gongkai-signature': webhookSignature(m.webhookSecret, timestamp, body),
        },
      });
      await res.body?.cancel();
      if (res.status < 200 || res.status > 299) {
        throw new Error(`webhook: HTTP ${res.status}`);
      }
      return `HTTP ${res.status}`;
    },
  };
}
