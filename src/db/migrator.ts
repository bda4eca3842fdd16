/**
 * Applies the numbered plain-SQL files in ./migrations once each, in order, on either engine.
 * Landed migrations are frozen; a changed file is refused rather than silently skipped.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './connection.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant shared by all processes migrating the same database.
const MIGRATION_LOCK_ID = 727_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(dir + file, 'utf8');
      return { name: file, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  await database.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`.execute(conn);
    try {
      const rows = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migrations`.execute(conn);
      const done = new Map(rows.rows.map((row) => [row.name, row.checksum]));
      for (const migration of listMigrations(dir)) {
        const landed = done.get(migration.name);
        if (landed !== undefined) {
          if (landed !== migration.checksum) throw new Error(`Migration ${migration.name} was changed after it was applied`);
          continue;
        }
        const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
        // One script: the statements and the bookkeeping row commit together or not at all.
        const script = `BEGIN;\n${migration.sql}\n;INSERT INTO schema_migrations (name, checksum) VALUES (${quoted(migration.name)}, ${quoted(migration.checksum)});\nCOMMIT;`;
        await database.execScript(script);
        applied.push(migration.name);
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.execute(conn);
    }
  });
  return applied;
}
