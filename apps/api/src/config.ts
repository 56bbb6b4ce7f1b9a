import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_COST_LOG2 } from './lib/passwords';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A PostgreSQL URL. Without it the app runs on the embedded database kept in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  /** A PostgreSQL read replica (a streaming copy of DATABASE_URL's database): when set, the PMO dashboard reads there. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  DATA_DIR: z
    .string()
    .min(1)
    .default(path.resolve(import.meta.dirname, '../../../.data')),
  /**
   * Attachments go to S3-compatible object storage in this bucket when set (shared by every API process), otherwise
   * to DATA_DIR/files. Credentials come from the standard AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
   */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  /** An S3-compatible server's address (MinIO, Cloudflare R2...); unset for AWS itself. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** The bucket in the URL's path rather than its host name. Unset: on whenever S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: flag.optional(),
  /** The largest file one upload may carry, in bytes (50 MB by default). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_000_000_000)
    .default(50 * 1024 * 1024),
  /**
   * A ClamAV daemon (clamd) that checks every uploaded file, as host or host:port (port 3310 by default). Unset: files
   * are not scanned. While it is set and cannot be reached, uploads are refused rather than kept unchecked.
   */
  CLAMAV_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:]+\](:\d{1,5})?$/, { message: 'must be a host or host:port' })
    .optional(),
  /** All attachments of the organisation together, every version counted, in bytes (20 GB by default). */
  ATTACHMENT_TOTAL_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .default(20 * 1024 * 1024 * 1024),
  /** Fill an empty database with demo teams, boards and three weeks of history. Defaults to on for the embedded database. */
  SEED_DEMO_DATA: flag.optional(),
  /**
   * The demo accounts' password. Unset: demo-password-1 on the embedded database (a machine of one's own), and a
   * random one printed once on PostgreSQL (a server others can reach).
   */
  DEMO_PASSWORD: z.string().min(10).max(200).optional(),
  /**
   * How live updates learn of changes: listen (PostgreSQL LISTEN/NOTIFY, the default with DATABASE_URL) or poll (a
   * light query a few times a second: the embedded database's way, also for an embedded one reached by URL).
   */
  LIVE_UPDATES: z.enum(['listen', 'poll']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * PostgreSQL's JIT compiler for the app's own connections: off unless set. The dashboards' queries cross its cost
   * threshold on large organisations, and compiling took longer than the query it sped up.
   */
  DATABASE_JIT: flag.default(false),
  /** A sign-in ends after this many hours without use (each use extends it)... */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** ...and in any case this many hours after it began. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 30),
  /**
   * scrypt's cost as a power of two. 17 is OWASP's recommendation and the least allowed outside tests; the test
   * suite lowers it to stay quick.
   */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(DEFAULT_COST_LOG2),
  /**
   * The address people open, e.g. https://board.example.com. When it is https the app asks browsers to use HTTPS
   * only (CSP upgrade-insecure-requests) and marks the session cookie Secure. Its origin may send writes, and links
   * in e-mails point to it.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  /** Mark the session cookie Secure. Unset: Secure whenever the request came over HTTPS (PUBLIC_URL or a trusted proxy). */
  COOKIE_SECURE: flag.optional(),
  /**
   * Whose X-Forwarded-* headers to believe: unset or false (nobody: the address is the TCP peer), true (any
   * proxy), a number of proxies in front, or addresses/CIDRs separated by commas.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((v, ctx): boolean | number | string => {
      if (['false', 'no', 'off'].includes(v)) return false;
      if (['true', 'yes', 'on'].includes(v)) return true;
      if (/^\d+$/.test(v)) return Number(v);
      const parts = v.split(',').map((s) => s.trim());
      if (
        parts.every(
          (s) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s) || ['loopback', 'linklocal', 'uniquelocal'].includes(s),
        )
      )
        return parts.join(',');
      ctx.addIssue({
        code: 'custom',
        message: 'must be true, false, a number of proxies, or addresses/CIDRs separated by commas',
      });
      return z.NEVER;
    })
    .default(false),
  /** Other origins allowed to send writes with the session cookie, separated by commas (e.g. http://localhost:5173). */
  ALLOWED_ORIGINS: z
    .string()
    .transform((v, ctx) => {
      const origins = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const o of origins) {
        if (!URL.canParse(o) || new URL(o).origin !== o.replace(/\/$/, ''))
          ctx.addIssue({ code: 'custom', message: `"${o}" is not an origin like https://board.example.com` });
      }
      return origins.map((o) => new URL(o).origin);
    })
    .default([]),
  /** false closes sign-up without an invitation, whatever the admins' sign-up policy says. */
  ALLOW_SIGN_UP: flag.default(true),
  /** How long an invitation link works, in hours. */
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /** Mail server for invitations and notices. Without SMTP_HOST no mail is sent and invitation links are shown to copy. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the start (usually port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: flag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Agile Marketing Board <no-reply@localhost>'),
  /** Sign-in attempts allowed per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** On SIGTERM, how long requests in flight may take to finish before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10 * 60_000)
    .default(10_000),
  /** Changes (POST, PUT, PATCH, DELETE) one signed-in person may make per minute. */
  WRITE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Requests of any kind one API token may make per minute (its writes also count toward WRITE_RATE_LIMIT). */
  TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  /** Card searches one signed-in person may make per minute. */
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Wrong passwords in a row on one account before it is locked for LOGIN_LOCKOUT_MINUTES. */
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Live board streams (server-sent events) one person may hold open at once, and one API process in all. */
  STREAM_LIMIT_PER_PERSON: z.coerce.number().int().min(1).max(100_000).default(10),
  STREAM_LIMIT_PER_PROCESS: z.coerce.number().int().min(1).max(1_000_000).default(5000),
  /** An open stream's access is checked again on every change to it and, in any case, this often (seconds). */
  STREAM_RECHECK_SECONDS: z.coerce.number().int().min(1).max(60).default(60),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** json (one object per line, the default in production) or pretty (readable lines, the default elsewhere). */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** Webhooks to private, loopback and link-local addresses are refused unless this is on (an admin's choice). */
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: flag.default(false),
  /** How long a webhook's receiver has to answer (milliseconds) before the delivery counts as failed. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** How often each API process looks for activity to turn into notifications (it also looks after each write heard of). */
  NOTIFICATION_FAN_OUT_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** How often each API process writes due-date reminders and sends the notification mail that is due. */
  NOTIFICATION_SCHEDULE_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  /** Under NODE_ENV=test the fan-out runs only when a test calls it, unless this is on (process tests). */
  NOTIFICATIONS_IN_TESTS: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of the built web app; served on the same port when it exists. */
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(path.resolve(import.meta.dirname, '../../web/dist')),
});

export type Config = z.infer<typeof configSchema>;

/** Reads settings from the environment; a bad value stops start-up with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema
    .refine((c) => c.NODE_ENV === 'test' || c.PASSWORD_HASH_COST >= DEFAULT_COST_LOG2, {
      path: ['PASSWORD_HASH_COST'],
      message: `must be at least ${DEFAULT_COST_LOG2} outside tests`,
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
