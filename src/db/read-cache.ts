/**
 * Results of reads kept in memory until the next committed write (issue #10: renders that skip the page cache, as
 * every signed-in visitor's do, still read the same rows again and again). It sits in the database driver, under
 * every query function: a statement is answered from memory only if it
 *   - is a plain SELECT sent outside a transaction (inside one, a transaction sees its own writes; a BEGIN sent as
 *     SQL counts too),
 *   - locks nothing and calls no volatile function (now(), random(), nextval(), pg_notify(), …) and none of ours,
 *   - reads only tables that announce their changes (db/change-events.ts), as EXPLAIN names them, once per statement,
 *   - has only text, number and boolean parameters, and returned plain data (text, numbers, booleans, dates, JSON),
 *     copied for each caller.
 * Any change event empties it, whichever table and plan it names, and so does a write of this process as it commits
 * (its event comes with the COMMIT's reply, ADR 0020, but the writer's next page must show the write whatever the
 * timing of events); while the events are not heard (a lost
 * LISTEN connection, or before start()) nothing is kept, as in the page cache (ADR 0020). A read that began before a
 * change and finished after its event is not kept. Bounded in entries and in characters.
 *
 * The counting plugin of the query budgets (test/query-budget.ts) sits above the driver: budgets count statements
 * sent by the code, kept or not.
 */
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, type TransactionSettings } from 'kysely';
import type { ChangeFeed } from './change-events.js';

/** Functions whose result changes between two calls with the same arguments, or that do something. */
const VOLATILE =
  /\b(now|current_date|current_time|current_timestamp|localtime|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|age|random|setseed|gen_random_uuid|uuid_generate_\w+|nextval|currval|setval|lastval|pg_notify|pg_advisory\w*|pg_try_advisory\w*|pg_sleep\w*|txid_\w+|pg_current_\w+|set_config|current_setting|pg_backend_pid|inet_client_\w+|pg_stat_\w+)\b/i;
const LOCKING = /\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i;
const WRITES = /\b(insert|update|delete|merge|truncate|copy|call|do)\b/i;
const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end|abort)\b/i;
/** Plan nodes that read something other than a table. */
const OPAQUE_NODES = new Set(['Function Scan', 'Table Function Scan', 'Foreign Scan', 'Custom Scan', 'Named Tuplestore Scan', 'ModifyTable', 'LockRows']);
/** Distinct statement texts judged before the verdicts start afresh (lists of ids make many texts). */
const MAX_VERDICTS = 5000;

export interface ReadCacheOptions {
  maxEntries?: number;
  /** Characters of text kept, summed over all entries (about 2 bytes each). */
  maxChars?: number;
}

interface Entry {
  result: QueryResult<unknown>;
  chars: number;
}

type Verdict = 'cacheable' | 'not cacheable';

export class ReadCache {
  readonly #maxEntries: number;
  readonly #maxChars: number;
  readonly #entries = new Map<string, Entry>();
  /** Per statement text: whether it may be kept, decided once (the EXPLAIN is sent once per text). */
  readonly #verdicts = new Map<string, Verdict | Promise<Verdict>>();
  #chars = 0;
  #generation = 0;
  #listening = false;
  #started = false;
  #notifying = new Set<string>();
  #ours: RegExp | undefined;
  #unsubscribe: (() => void) | undefined;
  /** Hits and misses since start, for tests and the bench's log. */
  hits = 0;
  misses = 0;

  constructor(options: ReadCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#maxChars = options.maxChars ?? 4_000_000;
  }

  get live(): boolean {
    return this.#started && this.#listening;
  }

  /** The dialect whose driver consults this cache; until start() it passes everything through. */
  wrap(dialect: Dialect): Dialect {
    return {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => new CachingDriver(dialect.createDriver(), this),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => dialect.createQueryCompiler(),
    };
  }

  /**
   * Starts keeping reads: learns which tables announce their changes and which functions are ours (after the
   * migrations), and listens. `db` is the Kysely instance over the wrapped dialect (its catalog reads are not kept).
   */
  async start(db: { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> }, changes: ChangeFeed): Promise<void> {
    if (this.#started) return;
    // The tables with all four change triggers of db/migrations/0008_change_events.sql.
    const tables = await db.executeQuery<{ relname: string }>(
      CompiledQuery.raw(`SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE t.tgname IN ('cocreate_inserted', 'cocreate_updated', 'cocreate_deleted', 'cocreate_truncated')
        GROUP BY c.relname HAVING count(DISTINCT t.tgname) = 4`),
    );
    const functions = await db.executeQuery<{ proname: string }>(
      CompiledQuery.raw(
        `SELECT DISTINCT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`,
      ),
    );
    this.#notifying = new Set(tables.rows.map((r) => r.relname));
    const names = functions.rows.map((r) => r.proname.replace(/[^a-z0-9_]/gi, '')).filter(Boolean);
    this.#ours = names.length > 0 ? new RegExp(`\\b(${names.join('|')})\\s*\\(`, 'i') : undefined;
    this.#started = true;
    this.#unsubscribe = changes.onChange((event) => {
      if (event.kind === 'listening') this.#listening = event.listening;
      this.clear();
    });
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#started = false;
    this.clear();
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
    this.#chars = 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Runs `query` on `connection`, or answers it from memory. */
  async execute<R>(connection: DatabaseConnection, query: CompiledQuery, inTransaction: boolean): Promise<QueryResult<R>> {
    if (!this.live || inTransaction || !isSelect(query)) return connection.executeQuery<R>(query);
    const key = keyOf(query);
    if (key === undefined) return connection.executeQuery<R>(query);
    const hit = this.#entries.get(key);
    if (hit) {
      // Most recently used last, so eviction takes the oldest.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      this.hits++;
      return copyResult(hit.result) as QueryResult<R>;
    }
    const generation = this.#generation;
    if ((await this.#verdict(connection, query)) !== 'cacheable') return connection.executeQuery<R>(query);
    const result = await connection.executeQuery<R>(query);
    this.misses++;
    // A change heard while it ran may have come before or after the rows were read: not kept.
    if (generation !== this.#generation || !this.live) return result;
    const chars = plainChars(result.rows);
    if (chars === undefined || chars > this.#maxChars / 4) return result;
    this.#entries.set(key, { result: copyResult(result), chars });
    this.#chars += chars;
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#chars <= this.#maxChars) break;
      this.#entries.delete(oldest);
      this.#chars -= entry.chars;
    }
    return result;
  }

  #verdict(connection: DatabaseConnection, query: CompiledQuery): Verdict | Promise<Verdict> {
    const known = this.#verdicts.get(query.sql);
    if (known !== undefined) return known;
    if (this.#verdicts.size >= MAX_VERDICTS) this.#verdicts.clear();
    const pending = this.#judge(connection, query).then(
      (verdict) => {
        this.#verdicts.set(query.sql, verdict);
        return verdict;
      },
      (): Verdict => {
        // An EXPLAIN that fails decides nothing for good; the statement runs as it is.
        this.#verdicts.delete(query.sql);
        return 'not cacheable';
      },
    );
    this.#verdicts.set(query.sql, pending);
    return pending;
  }

  async #judge(connection: DatabaseConnection, query: CompiledQuery): Promise<Verdict> {
    const text = query.sql;
    if (LOCKING.test(text) || VOLATILE.test(text) || this.#ours?.test(text) || (query.query.kind !== 'SelectQueryNode' && WRITES.test(text)))
      return 'not cacheable';
    const plan = await connection.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${text}`, [...query.parameters]));
    const relations = new Set<string>();
    let opaque = false;
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) {
        for (const item of value) walk(item);
        return;
      }
      if (typeof value !== 'object' || value === null) return;
      const node = value as Record<string, unknown>;
      if (typeof node['Node Type'] === 'string' && OPAQUE_NODES.has(node['Node Type'])) opaque = true;
      if (typeof node['Relation Name'] === 'string') relations.add(node['Relation Name']);
      for (const child of Object.values(node)) walk(child);
    };
    // The plan comes back as one row with one column, as JSON text or already parsed, depending on the driver.
    for (const row of plan.rows) for (const cell of Object.values(row)) walk(typeof cell === 'string' ? (JSON.parse(cell) as unknown) : cell);
    if (opaque || relations.size === 0) return 'not cacheable';
    for (const relation of relations) if (!this.#notifying.has(relation)) return 'not cacheable';
    return 'cacheable';
  }
}

/** Whether a statement may change rows: anything but a SELECT, and raw SQL naming a write (WITH … INSERT included). */
function mayWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return false;
  if (kind === 'RawNode') return WRITES.test(query.sql);
  return true;
}

function isSelect(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return true;
  return kind === 'RawNode' && /^\s*(select|with)\b/i.test(query.sql);
}

/**
 * The statement and its parameters, if they are all plain values. A timestamp parameter is almost always "now" (dates
 * travel as 'YYYY-MM-DD' text here): such a read would never be asked twice, so it is not kept.
 */
function keyOf(query: CompiledQuery): string | undefined {
  for (const parameter of query.parameters) {
    if (parameter !== null && typeof parameter !== 'string' && typeof parameter !== 'number' && typeof parameter !== 'boolean') return undefined;
  }
  return `${query.sql}\u0000${JSON.stringify(query.parameters)}`;
}

/** Characters of text in rows of plain data, or undefined if anything else is in them (bytes, class instances). */
function plainChars(value: unknown, depth = 0): number | undefined {
  if (depth > 32) return undefined;
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return value.length + 1;
  if (value instanceof Date) return 8;
  if (Array.isArray(value)) {
    let sum = 1;
    for (const item of value) {
      const chars = plainChars(item, depth + 1);
      if (chars === undefined) return undefined;
      sum += chars;
    }
    return sum;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let sum = 1;
    for (const [name, item] of Object.entries(value)) {
      const chars = plainChars(item, depth + 1);
      if (chars === undefined) return undefined;
      sum += chars + name.length;
    }
    return sum;
  }
  return undefined;
}

/** A deep copy of plain data (what plainChars accepted): each caller may change what it gets. */
function copy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  const out: Record<string, unknown> = {};
  // Plain objects only (plainChars checked their prototype), so for…in sees their own keys alone.
  for (const name in value) out[name] = copy((value as Record<string, unknown>)[name]);
  return out;
}

function copyResult<R>(result: QueryResult<R>): QueryResult<R> {
  return { ...result, rows: copy(result.rows) as R[] };
}

/** Connections as the cache sees them: whether a transaction is open on each. */
class CachingConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly cache: ReadCache,
  ) {}

  /** A statement of the open transaction may have written: its commit empties the cache. */
  wrote = false;

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (query.query.kind === 'RawNode') {
      // A transaction opened or closed with SQL (db/one-transaction.ts does), not through the driver.
      if (BEGINS.test(query.sql)) {
        this.inTransaction = true;
        this.wrote = false;
      } else if (ENDS.test(query.sql)) {
        const result = await this.inner.executeQuery<R>(query);
        this.endTransaction();
        return result;
      }
    }
    const result = await this.cache.execute<R>(this.inner, query, this.inTransaction);
    if (mayWrite(query)) {
      if (this.inTransaction) this.wrote = true;
      else this.cache.clear();
    }
    return result;
  }

  /**
   * After COMMIT or ROLLBACK. This process's own write empties the cache at once, without waiting for its change
   * event: the writer's next page must show the write, however the events are delivered.
   */
  endTransaction(): void {
    if (this.wrote) this.cache.clear();
    this.inTransaction = false;
    this.wrote = false;
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

const unwrap = (connection: DatabaseConnection) => (connection as CachingConnection).inner;

class CachingDriver implements Driver {
  readonly #wrappers = new WeakMap<DatabaseConnection, CachingConnection>();
  // Kysely asks whether a driver has these at all: present exactly when the wrapped driver's are.
  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  constructor(
    private readonly inner: Driver,
    private readonly cache: ReadCache,
  ) {
    if (inner.savepoint) this.savepoint = (connection, name, compile) => inner.savepoint!(unwrap(connection), name, compile);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = (connection, name, compile) => inner.rollbackToSavepoint!(unwrap(connection), name, compile);
    if (inner.releaseSavepoint) this.releaseSavepoint = (connection, name, compile) => inner.releaseSavepoint!(unwrap(connection), name, compile);
  }

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapper = this.#wrappers.get(connection);
    if (!wrapper) {
      wrapper = new CachingConnection(connection, this.cache);
      this.#wrappers.set(connection, wrapper);
    }
    return wrapper;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const wrapper = connection as CachingConnection;
    wrapper.inTransaction = true;
    wrapper.wrote = false;
    await this.inner.beginTransaction(wrapper.inner, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed COMMIT may still have committed (a lost reply): the cache is emptied either way.
    return this.#ending(connection, (inner) => this.inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#ending(connection, (inner) => this.inner.rollbackTransaction(inner));
  }

  async #ending(connection: DatabaseConnection, end: (inner: DatabaseConnection) => Promise<void>): Promise<void> {
    const wrapper = connection as CachingConnection;
    try {
      await end(wrapper.inner);
    } finally {
      wrapper.endTransaction();
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(unwrap(connection));
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
