/**
 * Runs many use cases as one database transaction: each one's own transaction (`db.transaction()`) becomes a
 * savepoint inside it, so a failing one still undoes only its own writes, and the whole either commits at once
 * (one flush to disk, not one per use case) or not at all. The demo seeds write through the services this way.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Db } from './connection.js';
import type { DB } from './schema.js';

/** One at a time: a transaction (savepoint) holds the connection until it ends. */
class Turns {
  #tail: Promise<void> = Promise.resolve();
  async take(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return turn;
  }
}

/** The outer transaction's connection, as the inner Kysely sees it. */
class PinnedConnection implements DatabaseConnection {
  constructor(private readonly outer: Kysely<DB>) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.outer.executeQuery(query);
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported inside one transaction');
  }
}

class SavepointDriver implements Driver {
  readonly #turns = new Turns();
  readonly #releases = new Map<DatabaseConnection, () => void>();
  #depth = 0;
  constructor(private readonly connection: PinnedConnection) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#releases.set(this.connection, await this.#turns.take());
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#depth += 1;
    await connection.executeQuery(CompiledQuery.raw(`savepoint use_case_${this.#depth}`));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint use_case_${this.#depth}`));
    this.#depth -= 1;
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint use_case_${this.#depth}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint use_case_${this.#depth}`));
    this.#depth -= 1;
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
    await sql`begin`.execute(outer);
    const inner = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new SavepointDriver(new PinnedConnection(outer)),
        createIntrospector: (k) => new PostgresIntrospector(k),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    try {
      const result = await work(inner);
      await sql`commit`.execute(outer);
      return result;
    } catch (error) {
      await sql`rollback`.execute(outer);
      throw error;
    }
  });
}
