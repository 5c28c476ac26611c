import { toChinaDateTime } from '../../clock.js';
import { translate } from '../../i18n/index.js';
import { GATEWAY_TIMEOUT_MS, jsonReply, UndeliverableError, type ChannelAdapter } from './types.js';

/** WeChat Official Account settings. */
export interface WeChatConfig {
  apiBase: string;
  appId: string;
  appSecret: string;
  templateId: string;
}

// 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired: fetch a new token once.
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
// 40003 invalid openid, 43004 the user does not follow the account: retrying cannot help.
const PERMANENT = new Set([40003, 43004, 40037]);

/**
 * WeChat template messages (模板消息): an access_token from /cgi-bin/token, cached until five minutes
 * before it expires, then /cgi-bin/message/template/send. client_msg_id carries the idempotency key
 * (WeChat sends one message per openid and client_msg_id).
 */
export function wechatChannel(cfg: WeChatConfig, now: () => Date = () => new Date()): ChannelAdapter & { resetToken(): void } {
  let cached: { token: string; expiresAt: number } | null = null;
  const base = cfg.apiBase.replace(/\/$/, '');

  async function token(fresh: boolean): Promise<string> {
    if (!fresh && cached && cached.expiresAt > now().getTime()) {
      return cached.token;
    }
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret });
    const res = await fetch(`${base}/cgi-bin/token?${q.toString()}`, { redirect: 'error', signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS) });
    const r = (await jsonReply(res)) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!r.access_token) {
      throw new Error(`WeChat token: ${r.errcode ?? res.status}: ${r.errmsg ?? 'no access_token'}`);
    }
    cached = { token: r.access_token, expiresAt: now().getTime() + Math.max(0, (r.expires_in ?? 7200) - 300) * 1000 };
    return cached.token;
  }

  return {
    channel: 'wechat',
    resetToken: () => {
      cached = null;
    },
    disabledReason: () => (cfg.appId && cfg.appSecret && cfg.templateId ? null : 'WeChat is not configured (WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_TEMPLATE_ID)'),
    async send(m) {
      const t = (k: string) => translate('zh-CN', k);
      const body = JSON.stringify({
        touser: m.address,
        template_id: cfg.templateId,
        url: m.url,
        client_msg_id: m.idempotencyKey,
        data: {
          first: { value: t('outbox.wechat.first') },
          keyword1: { value: m.title.slice(0, 100) },
          keyword2: { value: toChinaDateTime(m.createdAt) },
          remark: { value: m.body.slice(0, 180) },
        },
      });
      for (let round = 0; ; round++) {
        const access = await token(round > 0);
        const res = await fetch(`${base}/cgi-bin/message/template/send?access_token=${encodeURIComponent(access)}`, {
          method: 'POST',
          body,
          redirect: 'error',
          headers: { 'content-type': 'application/json' },
          signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
        });
        const r = (await jsonReply(res)) as { errcode?: number; errmsg?: string; msgid?: number | string };
        if (r.errcode === 0 || (r.errcode === undefined && r.msgid !== undefined)) {
          return String(r.msgid ?? '');
        }
        if (round === 0 && r.errcode !== undefined && TOKEN_ERRORS.has(r.errcode)) {
          cached = null;
          continue;
        }
        const msg = `WeChat: ${r.errcode ?? res.status}: ${r.errmsg ?? ''}`;
        throw r.errcode !== undefined && PERMANENT.has(r.errcode) ? new UndeliverableError(msg) : new Error(msg);
      }
    },
  };
}
