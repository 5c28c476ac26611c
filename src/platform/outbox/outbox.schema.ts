import { z } from 'zod';
import { pageParam } from '../../http/schema-helpers.js';
import { isValidMobile } from '../identity/index.js';
import { EXTERNAL_CHANNELS } from './outbox.service.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

/** An http(s) URL without credentials in it. */
export function isWebhookUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The channel preferences form. */
export const PreferencesSchema = z.strictObject({
  channels: z.preprocess(list, z.array(z.enum(EXTERNAL_CHANNELS)).max(EXTERNAL_CHANNELS.length)),
  email: z.preprocess(blank, z.email({ error: 'validation.email' }).max(200).optional()),
  mobile: z.preprocess(blank, z.string().trim().refine(isValidMobile, { error: 'validation.mobile' }).optional()),
  wechatOpenid: z.preprocess(blank, z.string().trim().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'outbox.prefs.openid_invalid' }).optional()),
  webhookUrl: z.preprocess(blank, z.string().trim().max(500).refine(isWebhookUrl, { error: 'outbox.prefs.url_invalid' }).optional()),
  regenerateSecret: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).optional(),
});

/** Which of the signed-in person's recipients a preferences page is about. */
export const RecipientQuery = z.object({ for: z.preprocess(blank, z.enum(['enterprise', 'user']).optional()) });

/** The inbox page's query. */
export const InboxQuery = z.object({ page: pageParam });
