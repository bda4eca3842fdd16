/**
 * Counting the SQL statements one request sends: the app is built over the test database's own Kysely instance with
 * a counting plugin added (`db.withPlugin`), so every query the routes, services and query functions send — through
 * the query builder, `sql` templates or inside a transaction — passes through it on its way to the real database.
 * Nothing is replaced: the plugin only records each statement's SQL and hands the query on unchanged.
 * Transaction control (BEGIN, COMMIT) is the driver's and is not counted.
 */
import {
  PostgresQueryCompiler,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { createApp, type App } from '../src/app.js';
import type { Database } from '../src/db/connection.js';
import { PageCache } from '../src/web/page-cache.js';

export class QueryCounter implements KyselyPlugin {
  readonly #compiler = new PostgresQueryCompiler();
  #statements: string[] = [];

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    // Compiled here only to name the statement in a failure message; the query sent is the node, unchanged.
    this.#statements.push(this.#compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }

  /** The statements sent since the last call, and a fresh start. */
  take(): string[] {
    const statements = this.#statements;
    this.#statements = [];
    return statements;
  }
}

export interface CountedApp {
  app: App;
  counter: QueryCounter;
}

/** The real app over `database`, every query of it counted; its page cache is real too, as in the server. */
export function countedApp(database: Database, now: () => Date): CountedApp {
  const counter = new QueryCounter();
  const app = createApp({
    services: {
      db: database.db.withPlugin(counter),
      sessionSecret: 'test-secret-0123456789abcdef0123456789',
      secureCookies: false,
      now,
      config: { publicUrl: undefined },
      pageCache: new PageCache({ changes: database, now }),
    },
  });
  return { app, counter };
}

export interface Counted {
  status: number;
  body: string;
  statements: string[];
}

/**
 * One request and the statements it sent. Pages are asked with `Cache-Control: no-cache`, as the bench's uncached
 * rows are, so the page cache steps aside and the page is rendered.
 */
export async function countQueries(counted: CountedApp, path: string, init: RequestInit = {}): Promise<Counted> {
  counted.counter.take();
  const headers = new Headers(init.headers);
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
  const response = await counted.app.request(path, { ...init, headers });
  const body = await response.text();
  return { status: response.status, body, statements: counted.counter.take() };
}

/** The statements, numbered, one a line, shortened: for an assertion's message. */
export function describeStatements(statements: string[]): string {
  return statements.map((s, i) => `${String(i + 1).padStart(3)}. ${s.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n');
}
