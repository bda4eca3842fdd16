/** Opens the configured database and migrates it: shared by the server and the CLI. */
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrate } from './db/migrator.js';
import { refreshPlannerStatistics } from './db/planner-statistics.js';

/** The embedded database's directory; it is locked by whoever opens it (ADR 0015). */
export const pgliteDataDir = (config: Pick<Config, 'dataDir'>): string => resolve(config.dataDir, 'pglite');

/**
 * `holder` names the opener in the data-directory lock (`server`, `cli import-transcript`), so a process refused by
 * the lock can say who holds it. Throws DataDirectoryLockedError, before reading the database, when it is held.
 */
export async function openConfiguredDatabase(config: Config, holder: string): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: pgliteDataDir(config), fsync: config.fsync, lockHolder: holder });
}

export async function openAndMigrate(config: Config, holder: string): Promise<{ database: Database; applied: string[] }> {
  const database = await openConfiguredDatabase(config, holder);
  try {
    const applied = await migrate(database);
    // PGlite has no autovacuum: what changed since the last run (another process's writes included) is analysed.
    await refreshPlannerStatistics(database);
    return { database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
