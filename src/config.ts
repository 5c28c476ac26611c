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
  /** Outgoing mail server, e.g. smtp://127.0.0.1:2525; unset = mail disabled (reminders are recorded, not sent). */
  SMTP_URL: z.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('Gongkai <noreply@localhost>'),
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
  /** Register Node's default process metrics (once per process). */
  processMetrics: boolean;
  /** SMTP server URL; undefined disables mail. */
  smtpUrl?: string | undefined;
  /** Sender address of outgoing mail. */
  mailFrom?: string;
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
    processMetrics: true,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
  };
}
