/**
 * One connection factory: PGlite (file-backed or in memory) by default, PostgreSQL when a URL is given.
 * Both get the same type parsing: dates stay 'YYYY-MM-DD' strings and numerics stay exact strings.
 */
import { fsyncSync, mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { CHANGE_CHANNEL, ChangeBus, type ChangeFeed } from './change-events.js';
import { lockDataDirectory } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { ReadCache } from './read-cache.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type DbOrTx = Kysely<DB> | Transaction<DB>;
export type Engine = 'pglite' | 'postgres';

/** `onChange`: committed writes to the tables public pages show, from this and every other process (ADR 0020). */
export interface Database extends ChangeFeed {
  db: Db;
  engine: Engine;
  /** Runs a multi-statement SQL script (migrations) in one round trip; a failed script's transaction is rolled back. */
  execScript(script: string): Promise<void>;
  /** PGlite only: the whole data directory as a tarball, which `loadDataDir` opens again (test snapshots: db/test-database.ts). */
  dumpDataDir?(): Promise<Blob>;
  /** Reads kept until the next committed write; passes everything through until started (server.ts, db/read-cache.ts). */
  readCache: ReadCache;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;
const keepText = (value: string) => value;

export type ConnectionOptions =
  | {
      engine: 'pglite';
      /** undefined: in memory. A directory is locked for this process until close() (ADR 0015). */
      dataDir?: string | undefined;
      /** Flush the write-ahead log to disk at each commit (ADR 0014); default false. */
      fsync?: boolean | undefined;
      /** Who holds the lock, as a refusal names it: `server`, `cli import-transcript`. */
      lockHolder?: string | undefined;
      /** In memory only: start from this dumped data directory (`dumpDataDir`) instead of an empty cluster. */
      loadDataDir?: Blob | undefined;
    }
  | { engine: 'postgres'; url: string; maxConnections?: number };

export async function openDatabase(options: ConnectionOptions): Promise<Database> {
  if (options.engine === 'pglite') {
    const { dataDir } = options;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    // Before PGlite reads a byte: a second process must not even open the files (ADR 0015).
    const lock = dataDir ? lockDataDirectory(dataDir, options.lockHolder ?? 'cocreate') : undefined;
    const pglite = await PGlite.create({
      ...(dataDir
        ? { fs: options.fsync ? new FsyncingNodeFS(dataDir) : new NodeFS(dataDir) }
        : { dataDir: 'memory://', ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) }),
      startParams: dataDir && options.fsync ? FSYNC_START_PARAMS : START_PARAMS,
      parsers: {
        [pgliteTypes.DATE]: keepText,
        [pgliteTypes.NUMERIC]: keepText,
        [pgliteTypes.INT8]: (value: string) => Number(value),
        // PGlite's own bytea codec converts hex one character pair at a time in JS; Buffer does it natively, which
        // matters for search posting blocks and evidence files (ADR 0012).
        [pgliteTypes.BYTEA]: (value: string) => Buffer.from(value.slice(2), 'hex'),
      },
      serializers: {
        [pgliteTypes.BYTEA]: (value: unknown) => {
          if (!(value instanceof Uint8Array)) throw new TypeError('bytea parameters must be a Uint8Array');
          return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
        },
      },
    }).catch((error: unknown) => {
      lock?.release();
      throw error;
    });
    const readCache = new ReadCache();
    const db = new Kysely<DB>({ dialect: readCache.wrap(new PGliteDialect(pglite)) });
    // One session: it hears its own notifications, delivered with the COMMIT's reply, before that query resolves.
    const changes = new ChangeBus();
    const stopNotifications = pglite.onNotification((channel, payload) => {
      if (channel === CHANGE_CHANNEL) changes.publishPayload(payload);
    });
    await pglite.exec(`LISTEN ${CHANGE_CHANNEL}`);
    changes.setListening(true);
    return {
      db,
      engine: 'pglite',
      readCache,
      dumpDataDir: () => pglite.dumpDataDir('none'),
      onChange: (listener) => changes.onChange(listener),
      execScript: async (script) => {
        try {
          await pglite.exec(script);
        } catch (error) {
          // A script that opened a transaction and failed leaves it aborted; end it on the same session.
          await pglite.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      },
      close: async () => {
        readCache.stop();
        changes.close();
        stopNotifications();
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  }
  const typeParsers: Record<number, (value: string) => unknown> = {
    [DATE_OID]: keepText,
    [NUMERIC_OID]: keepText,
    [INT8_OID]: (value: string) => Number(value),
  };
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        typeParsers[oid] ?? (pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can die (server restart, a dropped test database); pg then emits 'error' on the pool,
  // which would crash the process without a listener. The pool discards that client and the next query reconnects.
  pool.on('error', () => undefined);
  const readCache = new ReadCache();
  const db = new Kysely<DB>({ dialect: readCache.wrap(new PostgresDialect({ pool })) });
  const changes = listenForChanges(options.url, pool);
  return {
    db,
    engine: 'postgres',
    readCache,
    onChange: (listener) => changes.bus.onChange(listener),
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // Roll back on the same connection before it goes back to the pool.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      readCache.stop();
      await changes.close();
      await db.destroy();
    },
  };
}

/**
 * Change events on PostgreSQL (ADR 0020), started by the first subscriber. One dedicated connection LISTENs and hears
 * every process's commits (reconnecting after a loss, which the bus reports so caches drop everything meanwhile).
 * Pool connections LISTEN too, for their own writes only: PostgreSQL hands a session its own notifications before
 * the COMMIT's reply, so this process's caches drop a page before the write's caller can ask for it again.
 */
function listenForChanges(url: string, pool: pg.Pool): { bus: ChangeBus; close(): Promise<void> } {
  let closed = false;
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const poolBackends = new Set<number>();
  const listeningClients = new WeakSet<pg.PoolClient>();

  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (listener === client) listener = undefined;
      client.end().catch(() => undefined);
      bus.setListening(false);
      if (!closed && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          void connect();
        }, 1000);
        retry.unref();
      }
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      // The pool connection that wrote it has already published it.
      if (message.channel !== CHANGE_CHANNEL || poolBackends.has(message.processId)) return;
      bus.publishPayload(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    listener = client;
    bus.setListening(true);
  };

  const bus = new ChangeBus(() => {
    void connect();
    pool.on('acquire', (client) => {
      if (listeningClients.has(client)) return;
      listeningClients.add(client);
      // Queued ahead of the query the client was acquired for.
      const backend = (client as unknown as { processID: number | null }).processID;
      client
        .query(`LISTEN ${CHANGE_CHANNEL}`)
        .then(() => {
          if (backend !== null) poolBackends.add(backend);
        })
        .catch(() => undefined);
      client.on('notification', (message) => {
        if (message.channel === CHANGE_CHANNEL && message.processId === backend) bus.publishPayload(message.payload ?? '');
      });
    });
    pool.on('remove', (client) => {
      const backend = (client as unknown as { processID: number | null }).processID;
      if (backend !== null) poolBackends.delete(backend);
    });
  });

  return {
    bus,
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      bus.close();
      await listener?.end().catch(() => undefined);
    },
  };
}

/**
 * Postgres's memory lives in PGlite's WebAssembly heap, which grows but never gives memory back. At the default
 * 128 MB of shared buffers PGlite took about 250 MB of the server's RSS, for a database of a few tens of MB; 16 MB
 * keeps the demo's working set (and a plan's) in buffers, and pages beyond it come from the operating system's file
 * cache. A capped maintenance_work_mem keeps an index build (migrations, the search index) from growing the heap for
 * good. (Issue #10's memory targets; docs/benchmarks.md has the figures.)
 */
const MEMORY_PARAMS = ['-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB'];
const START_PARAMS = [...PGlite.defaultStartParams, ...MEMORY_PARAMS];

/**
 * PGlite starts Postgres with `-F` (fsync off), and its Node file system has no fsync at all: Postgres's fsync()
 * calls return without reaching the disk, and fdatasync() is a no-op in the WASM runtime. Durable mode (ADR 0014)
 * therefore gives the file system an fsync that calls the operating system's, drops `-F`, and has the WAL flushed
 * with fsync() rather than fdatasync().
 */
const FSYNC_START_PARAMS = [...START_PARAMS.filter((param) => param !== '-F'), '-c', 'wal_sync_method=fsync'];

interface EmscriptenStream {
  nfd?: number;
  node: { mode: number };
}
const S_IFDIR = 0o040000;
let fsyncCalls = 0;

/** How many fsyncs durable PGlite databases in this process have asked the operating system for (a test checks it grows). */
export const pgliteFsyncCount = (): number => fsyncCalls;
const EIO = 29; // Emscripten's errno numbering

type EmscriptenOptions = Parameters<NodeFS['init']>[1];
type EmscriptenModule = Parameters<NonNullable<EmscriptenOptions['preRun']>[number]>[0];

class FsyncingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: EmscriptenOptions) {
    const addFsync = (mod: EmscriptenModule) => {
      const nodefs = (mod as unknown as { NODEFS: { stream_ops: Record<string, unknown> } }).NODEFS;
      nodefs.stream_ops.fsync = (stream: EmscriptenStream) => {
        if (stream.nfd === undefined) return 0;
        try {
          fsyncSync(stream.nfd);
          fsyncCalls++;
          return 0;
        } catch (error) {
          // Some systems refuse fsync on a directory; Postgres only needs it where it works. A file must be synced.
          if ((stream.node.mode & S_IFDIR) === S_IFDIR) return 0;
          process.emitWarning(`fsync failed: ${error instanceof Error ? error.message : String(error)}`);
          return EIO;
        }
      };
    };
    return super.init(pg, { ...opts, preRun: [...(opts.preRun ?? []), addFsync] });
  }
}

/** JSON for a jsonb column: always serialized by us, so arrays are not mistaken for Postgres arrays. */
export function jsonb(value: unknown) {
  return JSON.stringify(value);
}
