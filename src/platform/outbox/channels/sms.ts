import crypto from 'node:crypto';
import { GATEWAY_TIMEOUT_MS, jsonReply, UndeliverableError, type ChannelAdapter } from './types.js';

/** SMS gateway settings (Tencent Cloud SMS, API version 2021-01-11). */
export interface SmsConfig {
  url: string | undefined;
  appId: string;
  secretId: string;
  secretKey: string;
  signName: string;
  templateId: string;
  region: string;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const hmac = (key: crypto.BinaryLike, s: string) => crypto.createHmac('sha256', key).update(s).digest();

/**
 * The TC3-HMAC-SHA256 Authorization header of a Tencent Cloud API call: a canonical request over
 * content-type, host and x-tc-action, a string to sign scoped to the UTC date and service, and a key
 * derived from the secret through the date, the service and "tc3_request".
 */
export function tc3Authorization(o: { secretId: string; secretKey: string; host: string; action: string; contentType: string; body: string; timestamp: number; service: string }): string {
  const date = new Date(o.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonical = ['POST', '/', '', `content-type:${o.contentType}\nhost:${o.host}\nx-tc-action:${o.action.toLowerCase()}\n`, signedHeaders, sha256(o.body)].join('\n');
  const scope = `${date}/${o.service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(o.timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${o.secretKey}`, date), o.service), 'tc3_request');
  const signature = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  return `TC3-HMAC-SHA256 Credential=${o.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/** A mainland mobile in E.164 (+86…), as SendSms wants it. */
export function e164(mobile: string): string {
  const m = mobile.replace(/[\s-]/g, '');
  return m.startsWith('+') ? m : `+86${m.replace(/^86(?=1\d{10}$)/, '')}`;
}

// Codes for which a retry cannot help: the number or the template is wrong.
const PERMANENT = /^(InvalidParameterValue\.IncorrectPhoneNumber|FailedOperation\.PhoneNumberInBlacklist|UnsupportedOperation\.ContainDomesticAndInternationalPhoneNumber|FailedOperation\.TemplateIncorrectOrUnapproved|FailedOperation\.SignatureIncorrectOrUnapproved)/;

/**
 * SMS as Tencent Cloud SMS SendSms: POST JSON {PhoneNumberSet, SmsSdkAppId, SignName, TemplateId,
 * TemplateParamSet, SessionContext}. The template takes one parameter, the notification's title; the
 * idempotency key travels in SessionContext (echoed in delivery receipts).
 */
export function smsChannel(cfg: SmsConfig, now: () => Date = () => new Date()): ChannelAdapter {
  return {
    channel: 'sms',
    disabledReason: () => (cfg.url ? null : 'SMS is not configured (SMS_GATEWAY_URL is unset)'),
    async send(m) {
      if (!cfg.url) {
        throw new UndeliverableError('SMS is not configured');
      }
      const body = JSON.stringify({
        PhoneNumberSet: [e164(m.address)],
        SmsSdkAppId: cfg.appId,
        SignName: cfg.signName,
        TemplateId: cfg.templateId,
        TemplateParamSet: [m.title.slice(0, 30)],
        SessionContext: m.idempotencyKey,
      });
      const contentType = 'application/json; charset=utf-8';
      const timestamp = Math.floor(now().getTime() / 1000);
      const host = new URL(cfg.url).host;
      const res = await fetch(cfg.url, {
        method: 'POST',
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        headers: {
          'content-type': contentType,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': cfg.region,
          authorization: tc3Authorization({ secretId: cfg.secretId, secretKey: cfg.secretKey, host, action: 'SendSms', contentType, body, timestamp, service: 'sms' }),
        },
      });
      const reply = await jsonReply(res);
      const r = (reply.Response ?? {}) as { Error?: { Code: string; Message: string }; SendStatusSet?: Array<{ Code: string; Message: string; SerialNo?: string }>; RequestId?: string };
      if (r.Error) {
        throw new Error(`SMS gateway: ${r.Error.Code}: ${r.Error.Message}`);
      }
      if (!res.ok) {
        throw new Error(`SMS gateway: HTTP ${res.status}`);
      }
      const status = r.SendStatusSet?.[0];
      if (!status) {
        throw new Error('SMS gateway: no SendStatusSet in the reply');
      }
      if (status.Code !== 'Ok') {
        const msg = `SMS gateway: ${status.Code}: ${status.Message}`;
        throw PERMANENT.test(status.Code) ? new UndeliverableError(msg) : new Error(msg);
      }
      return status.SerialNo ?? r.RequestId ?? '';
    },
  };
}
