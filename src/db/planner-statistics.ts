/**
 * The embedded database's autovacuum (ADR 0035). PGlite runs Postgres as one backend: no autovacuum launcher, and
 * no cumulative statistics either (pg_stat_user_tables stays at zero), so nothing would ever VACUUM or ANALYZE.
 * Without statistics the planner guesses; on a site of 17,000 inputs it read the whole inputs table and sorted it for
 * each page of 100 rows, 30 ms where an index scan takes 1. So tables whose size has drifted from what the last
 * VACUUM or ANALYZE recorded in pg_class (the only bookkeeping that survives a restart) are vacuumed and analysed:
 * when the database is opened and, in the server, after writes. PostgreSQL has its own autovacuum and is left alone.
 */
import { sql } from 'kysely';
import type { Database, Db } from './connection.js';

/**
 * Tables of the current schema that hold rows but were never analysed, or whose pages have grown or shrunk by more
 * than a tenth (and 8 pages) since. Autovacuum's own threshold is 10 % of the rows changed plus 50.
 */
async function driftedTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
      AND pg_relation_size(c.oid) > 0
      AND (c.reltuples < 0
        OR abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > 8 + c.relpages / 10)
    ORDER BY c.relname`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * VACUUM (ANALYZE) of each drifted table, one statement per table so that requests interleave with them; answers the
 * tables done. A no-op on PostgreSQL.
 */
export async function refreshPlannerStatistics(database: Pick<Database, 'db' | 'engine'>): Promise<string[]> {
  if (database.engine !== 'pglite') return [];
  const tables = await driftedTables(database.db);
  for (const table of tables) await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(database.db);
  return tables;
}

/**
 * In a long-running process on PGlite: after a committed write, waits `delayMs` (a burst of writes is one check) and
 * refreshes what drifted. Answers a function that stops it and resolves once a refresh under way has ended.
 */
export function keepPlannerStatistics(database: Database, onError: (error: unknown) => void, delayMs = 60_000): () => Promise<void> {
  if (database.engine !== 'pglite') return () => Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const stopListening = database.onChange((event) => {
    if (event.kind !== 'change' || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = running.then(async () => void (await refreshPlannerStatistics(database))).catch(onError);
    }, delayMs);
    timer.unref();
  });
  return () => {
    stopListening();
    if (timer) clearTimeout(timer);
    return running;
  };
}
