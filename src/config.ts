/** Configuration from the environment, validated once at boot (README lists every variable). */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxySetting } from './web/client-address.js';

/** The sender of e-mail when MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Cocreate <no-reply@localhost>';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  COCREATE_DATA_DIR: z.string().min(1).default('./data'),
  COCREATE_FSYNC: booleanFlag.default(true),
  COCREATE_READ_CACHE: booleanFlag.default(true),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  COCREATE_DEMO: booleanFlag.default(true),
  COCREATE_PUBLIC_URL: z.string().url().optional(),
  COCREATE_SECURE_COOKIES: booleanFlag.optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `${error instanceof Error ? error.message : String(error)} (a comma-separated list of proxy addresses or CIDR ranges, or a hop count)`,
        });
        return z.NEVER;
      }
    }),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default(DEFAULT_MAIL_FROM),
  OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded database flushes each commit to disk (ADR 0014); ignored with DATABASE_URL. */
  fsync: boolean;
  /** Reads kept in memory until the next committed write (db/read-cache.ts); off only to measure or to rule it out. */
  readCache: boolean;
  /** Keys the session-token hashes; a random one means sessions end with the process. */
  sessionSecret: string;
  sessionSecretIsEphemeral: boolean;
  loadDemoData: boolean;
  publicUrl: string | undefined;
  secureCookies: boolean;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** Proxies whose X-Forwarded-For names the client (sign-in limits); none by default. */
  trustProxy: TrustProxySetting;
  /** Where e-mail goes out (web/mail.ts); unset, messages are written to the log instead. */
  smtpUrl: string | undefined;
  /** The sender of every e-mail. */
  mailFrom: string;
  /** Whether this process sends the outbox's mail (ADR 0028); off, the mail waits in the database for a process that does. */
  outboxWorker: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.COCREATE_DATA_DIR,
    fsync: c.COCREATE_FSYNC,
    readCache: c.COCREATE_READ_CACHE,
    sessionSecret: c.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionSecretIsEphemeral: c.SESSION_SECRET === undefined,
    loadDemoData: c.COCREATE_DEMO,
    publicUrl: c.COCREATE_PUBLIC_URL,
    secureCookies: c.COCREATE_SECURE_COOKIES ?? c.COCREATE_PUBLIC_URL?.startsWith('https://') ?? false,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    outboxWorker: c.OUTBOX_WORKER === 'on',
  };
}
