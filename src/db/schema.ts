/**
 * The database's Kysely types. Each module declares its own tables in `src/modules/<module>/<module>.table.ts`,
 * written to match its migrations, and adds them to `DB` by declaration merging, so this layer names no module.
 */
import type { ColumnType } from 'kysely';
import type { Localized } from '../domain/localized.js';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;
export type LocalizedColumn = Json<Localized>;

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/** Every table: the migrator's own here, the modules' added from their `*.table.ts`. */
export interface DB {
  schema_migrations: SchemaMigrationsTable;
}
