/**
 * Runs many use cases as one database transaction, committed at once (one flush to disk, not one per use case) or
 * not at all. Each use case's own transaction (`db.transaction()`) joins the outer one rather than nesting as a
 * savepoint: hundreds of savepoints would make PostgreSQL track as many subtransactions, which slows every read.
 * So one failed use case fails the whole: if it rolled back, nothing is committed, even if `work` carried on.
 * The demo seeds write through the services this way.
 */
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Db } from './connection.js';
import { Mutex } from './mutex.js';
import type { DB } from './schema.js';

/** The outer transaction's connection, as the inner Kysely sees it. */
class PinnedConnection implements DatabaseConnection {
  constructor(private readonly outer: Kysely<DB>) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.outer.executeQuery(query) as Promise<QueryResult<R>>;
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported inside one transaction');
  }
}

/** Use cases' transactions are parts of the outer one: begin and commit say nothing; a rollback spoils the whole. */
class JoiningDriver implements Driver {
  /** One at a time: a use case's transaction holds the connection until it ends. */
  readonly #turns = new Mutex();
  readonly #releases = new Map<DatabaseConnection, () => void>();
  failed = false;
  constructor(private readonly connection: PinnedConnection) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#releases.set(this.connection, await this.#turns.lock());
    return this.connection;
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  rollbackTransaction(): Promise<void> {
    this.failed = true;
    return Promise.resolve();
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
    return Promise.resolve();
  }
  async destroy(): Promise<void> {}
}

/** Calls `work` with a database whose writes all belong to one transaction, committed when `work` returns. */
export async function inOneTransaction<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (outer) => {
    const driver = new JoiningDriver(new PinnedConnection(outer));
    const inner = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => driver,
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    await sql`begin`.execute(outer);
    try {
      const result = await work(inner);
      if (driver.failed) throw new Error('A use case failed inside the transaction; nothing was committed');
      await sql`commit`.execute(outer);
      return result;
    } catch (error) {
      await sql`rollback`.execute(outer);
      throw error;
    }
  });
}
