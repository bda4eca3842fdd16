/**
 * One connection factory: PGlite (file-backed or in memory) by default, PostgreSQL when a URL is given.
 * Both get the same type parsing: dates stay 'YYYY-MM-DD' strings and numerics stay exact strings.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type Db = Kysely<DB>;
export type DbOrTx = Kysely<DB> | Transaction<DB>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs a multi-statement SQL script (migrations) in one round trip; a failed script's transaction is rolled back. */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;
const keepText = (value: string) => value;

export type ConnectionOptions =
  | { engine: 'pglite'; dataDir?: string | undefined } // undefined: in memory
  | { engine: 'postgres'; url: string; maxConnections?: number };

export async function openDatabase(options: ConnectionOptions): Promise<Database> {
  if (options.engine === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create(options.dataDir ?? 'memory://', {
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
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
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
        await db.destroy();
        await pglite.close();
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
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection can die (server restart, a dropped test database); pg then emits 'error' on the pool,
  // which would crash the process without a listener. The pool discards that client and the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
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
      await db.destroy();
    },
  };
}

/** JSON for a jsonb column: always serialized by us, so arrays are not mistaken for Postgres arrays. */
export function jsonb(value: unknown) {
  return JSON.stringify(value);
}
