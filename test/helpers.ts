/**
 * Test harness: a real database per test file or test (PGlite, or PostgreSQL when DATABASE_URL is set), copied from
 * the run's snapshots (test/snapshots.ts), the real app answering in-process HTTP, and sign-in through the real forms.
 */
import { createApp, type App } from '../src/app.js';
import type { TestContext as NodeTestContext } from 'node:test';
import { pino, type Logger } from 'pino';
import type { Database } from '../src/db/connection.js';
import { copyTestSnapshot, MIGRATED } from '../src/db/test-database.js';
import type { Role } from '../src/domain/authorization.js';
import { createUser } from '../src/modules/accounts/index.js';
import type { ProxyTrust } from '../src/web/client-address.js';
import { logMailer, type Mailer } from '../src/web/mail.js';
import { PageCache } from '../src/web/page-cache.js';
import { PLAN, preparePlan, type SeededPlanFacts } from './snapshots.js';

export interface TestContext {
  database: Database;
  app: App;
  /** Agency ids of the demo plan by code (NDC, MOI, …). */
  agencies: Map<string, number>;
  planId: number;
  /** The clock the app sees; tests may move it. */
  clock: { now: Date };
  close(): Promise<void>;
}

/**
 * A database of its own (a copy of the demo plan's snapshot, or of the empty one with `seed: false`) and the app
 * over it. Cheap enough (a snapshot copy, no migration or seed) for a test that needs a database nobody else wrote
 * to: call it in the test and close it in `t.after`. `logger` receives the app's log of unhandled errors (without
 * one they go to the console); `mailer` sends the app's e-mail (a test that reads mail passes test/mail-capture.ts's;
 * without one the mail goes to a silent log, so other tests' output is not full of messages nobody reads).
 */
export async function setup(options: { seed?: boolean; logger?: Logger; trustProxy?: ProxyTrust; mailer?: Mailer } = {}): Promise<TestContext> {
  const seed = options.seed !== false;
  const copy = seed ? await copyTestSnapshot(PLAN, preparePlan) : await copyTestSnapshot(MIGRATED, async () => null);
  const { database } = copy;
  const clock = { now: new Date('2026-11-22T08:00:00Z') };
  // The server's page cache, on this database's change events (ADR 0020).
  const pageCache = new PageCache({ changes: database, now: () => clock.now });
  // Reads kept until the next write, as in the server (server.ts): every test of the app runs over it.
  await database.readCache.start(database.db, database);
  const app = createApp({
    services: {
      db: database.db,
      sessionSecret: 'test-secret-0123456789abcdef0123456789',
      secureCookies: false,
      now: () => clock.now,
      config: { publicUrl: undefined },
      trustProxy: options.trustProxy,
      pageCache,
      mailer: options.mailer ?? silentMailer,
    },
    logger: options.logger,
  });
  const facts = seed ? (copy.meta as SeededPlanFacts) : { planId: 0, agencies: [] };
  return { database, app, agencies: new Map(facts.agencies), planId: facts.planId, clock, close: () => database.close() };
}

/**
 * setup() for one test: a database nobody else in the file writes to, closed when the test ends. For a test whose
 * assertions would break if another test's writes were there (counts, lists), or whose writes would break others'.
 */
export async function setupForTest(t: Pick<NodeTestContext, 'after'>, options: Parameters<typeof setup>[0] = {}): Promise<TestContext> {
  const own = await setup(options);
  t.after(() => own.close());
  return own;
}

const silentMailer = logMailer(pino({ level: 'silent' }), 'Cocreate test <no-reply@cocreate.test>');

export const PASSWORD = 'correct horse battery staple';

export async function addUser(ctx: TestContext, email: string, role: Role, agencyCodes: string[] = []): Promise<number> {
  return createUser({ db: ctx.database.db }, 'cli', {
    email,
    displayName: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
    agencyIds: agencyCodes.map((code) => {
      const id = ctx.agencies.get(code);
      if (id === undefined) throw new Error(`no agency ${code}`);
      return id;
    }),
  });
}

/** Cookies as a browser keeps them, enough for our own Set-Cookie headers. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  absorb(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(header) || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** A browser-like client: keeps cookies, reads CSRF tokens from pages, posts forms. */
export class Client {
  readonly jar = new CookieJar();
  csrf = '';
  /** `remoteAddress` plays the socket's peer address, as @hono/node-server reports it, so tests can be many clients. */
  constructor(
    private readonly app: App,
    private readonly options: { remoteAddress?: string } = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.jar.header();
    if (cookie) headers.set('cookie', cookie);
    const env = this.options.remoteAddress ? { incoming: { socket: { remoteAddress: this.options.remoteAddress } } } : undefined;
    const response = await this.app.request(path, { ...init, headers }, env);
    this.jar.absorb(response);
    return response;
  }

  async get(path: string): Promise<Response> {
    const response = await this.request(path);
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      const html = await response.clone().text();
      const match = /name="_csrf" value="([^"]+)"/.exec(html);
      if (match?.[1]) this.csrf = match[1];
    }
    return response;
  }

  async postForm(path: string, fields: Record<string, string | string[]>, withCsrf = true): Promise<Response> {
    const body = new URLSearchParams();
    if (withCsrf) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** JSON to the API with the session's CSRF header. */
  async api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async signIn(email: string, password = PASSWORD): Promise<Response> {
    await this.get('/login');
    const response = await this.postForm('/login', { email, password });
    const session = await this.request('/api/v1/session');
    this.csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    return response;
  }
}

/** A new client signed in as `email` (an account added with the shared PASSWORD). */
export async function signedIn(app: App, email: string): Promise<Client> {
  const client = new Client(app);
  await client.signIn(email);
  return client;
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** An open data export's JSON document (`data.json`) cut down to these tables, some replaced: an import's body. */
export const exportSubset = (doc: Record<string, unknown>, tables: readonly string[], replace: Record<string, unknown[]> = {}): Buffer =>
  Buffer.from(
    JSON.stringify({
      format: doc.format,
      formatVersion: doc.formatVersion,
      scope: doc.scope,
      license: doc.license,
      ...Object.fromEntries(tables.map((name) => [name, replace[name] ?? doc[name]])),
    }),
  );
