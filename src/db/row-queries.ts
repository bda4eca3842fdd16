/**
 * Query pieces the modules' query functions share. Those functions still name their own tables and map the rows;
 * versioned rows have an `id`, a `version` that optimistic locking compares, and an `updated_at`.
 */
import { sql, type Expression, type Kysely, type UpdateObject, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { DbOrTx } from './connection.js';
import type { DB } from './schema.js';

/** The tables whose rows carry an id, a version and the time of their last change. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { id: unknown; version: unknown; updated_at: unknown } ? T : never;
}[keyof DB];

/** The update of one row by id that makes it its next version: the given columns, the version one up, the time of change. */
export function updateVersioned<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  id: number,
  columns: UpdateObject<DB, T>,
): UpdateQueryBuilder<DB, T, T, UpdateResult> {
  // Kysely cannot check column names against a table chosen by a type parameter; every versioned table has these.
  const anyVersioned = db as unknown as Kysely<Record<string, { id: number; version: number; updated_at: Date }>>;
  return anyVersioned
    .updateTable(table as string)
    .set({ ...(columns as object), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id) as unknown as UpdateQueryBuilder<DB, T, T, UpdateResult>;
}

/** The query, locking the rows it reads when the caller is about to change them. */
export const lockedIf = <Q extends { forUpdate(): Q }>(query: Q, forUpdate: boolean): Q => (forUpdate ? query.forUpdate() : query);

/** The first row the query finds, mapped; undefined when it finds none (a lookup by id, slug or code). */
export async function firstRow<R, T>(query: { executeTakeFirst(): Promise<R | undefined> }, map: (row: R) => T): Promise<T | undefined> {
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : map(row);
}

/** The row an insert or update wrote, as stored (with its id, version and defaults), mapped. */
export async function writtenRow<R, T>(query: { returningAll(): { executeTakeFirstOrThrow(): Promise<R> } }, map: (row: R) => T): Promise<T> {
  return map(await query.returningAll().executeTakeFirstOrThrow());
}

/** Rows by id, mapped and keyed by id: each id asked once, in one query, and no query when none is asked. */
export async function byIds<R extends { id: number }, T>(
  ids: readonly number[],
  select: (unique: number[]) => Promise<R[]>,
  map: (row: R) => T,
): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map();
  const rows = await select([...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, map(row)]));
}

/** A row as Postgres's json writes it: times as ISO 8601 text (numeric as a JSON number: select it as text). */
export type JsonRowOf<R> = { [K in keyof R]: R[K] extends Date ? string : R[K] extends Date | null ? string | null : R[K] };

/**
 * The rows of a select, in id order, fetched as one JSON text. PGlite copies and decodes every field of a result on
 * its own: a page of 1,000 rows of 30 columns is 30,000 of each, most of the time an export of wide tables takes.
 * One field per page is one decode and one JSON.parse (ADR 0035). For keyset-paged reads of many wide rows.
 */
export async function rowsAsJson<R extends { id: number }>(db: DbOrTx, query: Expression<R>): Promise<JsonRowOf<R>[]> {
  const { rows } = await sql<{ page: string | null }>`SELECT json_agg(page ORDER BY page.id)::text AS page FROM (${query}) AS page`.execute(db);
  const page = rows[0]?.page;
  return page ? (JSON.parse(page) as JsonRowOf<R>[]) : [];
}

/** Moves a table's id sequence past its largest id, so rows made after an import that kept its ids get new ones. */
export async function movePastIds(db: DbOrTx, table: keyof DB): Promise<void> {
  await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(db);
}

/** The tables that belong to a plan through their `plan_id`. */
export type PlanScopedTable = { [K in keyof DB]: DB[K] extends { plan_id: number } ? K : never }[keyof DB];

/** How many rows a table has, in one plan or (planId null) in all: an open data export's count of an entity. */
export async function countPlanRows(db: DbOrTx, table: PlanScopedTable, planId: number | null): Promise<number> {
  const where = planId === null ? sql`` : sql` WHERE plan_id = ${planId}`;
  const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)}${where}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
