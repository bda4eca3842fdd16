/** What the routes need from the outside world, built once in the composition root. */
import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { ProxyTrust } from './web/client-address.js';
import type { Mailer } from './web/mail.js';
import type { PageCache } from './web/page-cache.js';

export interface Services {
  db: Db;
  sessionSecret: string;
  secureCookies: boolean;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  config: Pick<Config, 'publicUrl'>;
  /** Which proxies' X-Forwarded-For names the client (TRUST_PROXY); unset trusts none. */
  trustProxy?: ProxyTrust;
  /** Public pages kept for anonymous visitors, dropped by change events (ADR 0020); unset caches nothing. */
  pageCache?: PageCache;
  /** Outgoing e-mail (confirmation and reset links); unset, messages go to a log of their own (web/mail.ts). */
  mailer?: Mailer;
}
