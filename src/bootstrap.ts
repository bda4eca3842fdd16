/** Opens the configured database and migrates it: shared by the server and the CLI. */
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/connection.js';
import { migrate } from './db/migrator.js';

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: resolve(config.dataDir, 'pglite') });
}

export async function openAndMigrate(config: Config): Promise<{ database: Database; applied: string[] }> {
  const database = await openConfiguredDatabase(config);
  const applied = await migrate(database);
  return { database, applied };
}
