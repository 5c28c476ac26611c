import { z } from 'zod';

/** Environment variables, parsed once; every setting has a default that runs the embedded portal. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `sqlite:<path>` (default) or `postgres://…`. */
  DATABASE_URL: z.string().default('sqlite:./data/gongkai.db'),
  /** When set, rate limits are shared through Redis across app instances. */
  REDIS_URL: z.string().optional(),
  /** Fill an empty database with the demo data set on start. */
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to true behind HTTPS so that cookies carry the Secure flag. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  SESSION_HOURS: z.coerce.number().positive().default(8),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  /** Run background workers in this process (turn off for web-only instances). */
  WORKERS: z.enum(['true', 'false']).default('true'),
  PUBLIC_URL: z.string().default('http://localhost:3000'),
  /** Set to true behind a reverse proxy so that X-Forwarded-For gives the client's address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Open-day registration attempts per person (client address + mobile) per minute. */
  OPEN_DAY_REGISTRATION_RATE_MAX: z.coerce.number().int().positive().default(5),
  /** Working days within which every bad service rating (差评) must be followed up (local rule: 5–15). */
  RATING_FOLLOW_UP_DAYS: z.coerce.number().int().min(1).max(30).default(10),
  /** Working days an applicant has to correct a disclosure request before it counts as withdrawn. */
  DISCLOSURE_CORRECTION_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** Outgoing mail server, e.g. smtp://127.0.0.1:2525; unset = mail disabled (reminders are recorded, not sent). */
  SMTP_URL: z.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('Gongkai <noreply@localhost>'),
  /** SMS gateway endpoint (Tencent Cloud SMS SendSms shape, TC3-HMAC-SHA256 signed); unset = SMS disabled. */
  SMS_GATEWAY_URL: z.string().optional(),
  SMS_APP_ID: z.string().default(''),
  SMS_SECRET_ID: z.string().default(''),
  SMS_SECRET_KEY: z.string().default(''),
  SMS_SIGN_NAME: z.string().default(''),
  SMS_TEMPLATE_ID: z.string().default(''),
  /** Region sent in X-TC-Region. */
  SMS_REGION: z.string().default('ap-guangzhou'),
  /** WeChat Official Account API; template messages are disabled while WECHAT_APP_ID is unset. */
  WECHAT_API_BASE: z.string().default('https://api.weixin.qq.com'),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  WECHAT_TEMPLATE_ID: z.string().default(''),
  /** No SMS, WeChat or e-mail in these Beijing hours, "start-end" (22-8 = 22:00 to 08:00); "" = none. */
  QUIET_HOURS: z.string().regex(/^$|^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/).default('22-8'),
  /** Let webhooks reach private and loopback addresses (tests, or receivers on the same network). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
});

/** The application's configuration, typed and complete. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | undefined;
  demoData: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  uploadMaxBytes: number;
  workers: boolean;
  publicUrl: string;
  /** Trust X-Forwarded-For (only behind a reverse proxy, or clients could pick their own rate-limit key). */
  trustProxy: boolean;
  /** Key prefix of the shared rate-limit counters in Redis. */
  rateLimitNamespace: string;
  /** Open-day registration attempts per person (client address + mobile) per minute. */
  openDayRegistrationRateMax?: number;
  /** Working days within which every bad service rating must be followed up. */
  ratingFollowUpDays: number;
  /** Working days an applicant has to correct a disclosure request (逾期不补正 after that). */
  disclosureCorrectionDays: number;
  /** Register Node's default process metrics (once per process). */
  processMetrics: boolean;
  /** SMTP server URL; undefined disables mail. */
  smtpUrl?: string | undefined;
  /** Sender address of outgoing mail. */
  mailFrom?: string;
  /** SMS gateway (Tencent Cloud SMS shape); url undefined disables SMS. */
  sms?: { url: string | undefined; appId: string; secretId: string; secretKey: string; signName: string; templateId: string; region: string };
  /** WeChat Official Account template messages; appId '' disables them. */
  wechat?: { apiBase: string; appId: string; appSecret: string; templateId: string };
  /** Quiet hours in Beijing time [start, end); null = none. */
  quietHours?: { start: number; end: number } | null;
  /** Webhooks may reach private addresses (off by default: SSRF). */
  webhookAllowPrivate?: boolean;
}

/** Reads the configuration from an environment (process.env by default); throws naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    demoData: e.DEMO_DATA === 'true',
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    sessionHours: e.SESSION_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    workers: e.WORKERS === 'true',
    publicUrl: e.PUBLIC_URL,
    trustProxy: e.TRUST_PROXY === 'true',
    rateLimitNamespace: 'gongkai-rl:',
    openDayRegistrationRateMax: e.OPEN_DAY_REGISTRATION_RATE_MAX,
    ratingFollowUpDays: e.RATING_FOLLOW_UP_DAYS,
    disclosureCorrectionDays: e.DISCLOSURE_CORRECTION_DAYS,
    processMetrics: true,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms: { url: e.SMS_GATEWAY_URL, appId: e.SMS_APP_ID, secretId: e.SMS_SECRET_ID, secretKey: e.SMS_SECRET_KEY, signName: e.SMS_SIGN_NAME, templateId: e.SMS_TEMPLATE_ID, region: e.SMS_REGION },
    wechat: { apiBase: e.WECHAT_API_BASE, appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, templateId: e.WECHAT_TEMPLATE_ID },
    quietHours: e.QUIET_HOURS === '' ? null : { start: Number(e.QUIET_HOURS.split('-')[0]), end: Number(e.QUIET_HOURS.split('-')[1]) },
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true',
  };
}
