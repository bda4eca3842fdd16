/**
 * The import of an export (ADR 0030): the JSON document, one table's CSV, or the ZIP (its data.json, else its CSVs).
 * Everything is read and checked first, as a whole: each row against its columns' schemas, the entities' own checks,
 * ids that appear twice, and every reference (in the file or already on the site). One problem refuses the whole
 * import, and each is told as "file, row 7, column Milestone End: …" (rows numbered as a spreadsheet shows them, the
 * header being row 1; in JSON, the n-th item of the table). Then every row is created or updated by id in one
 * transaction, the changes filed in the history under the importing person.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { Db } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import type { Lang } from '../../domain/localized.js';
import { ValidationError } from '../../errors.js';
import { problemMessage, t, type MessageKey } from '../../web/i18n.js';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  ROW_BATCH,
  changedRows,
  headersOf,
  rowSchema,
  valueFromCells,
  type OpenDataColumn,
  type OpenDataEntity,
  type OpenDataRow,
} from '../../web/open-data.js';
import { authorize, signedIn } from '../../web/service-helpers.js';
import { localizeIssue } from '../../web/validation.js';

/** What is imported: a JSON document, one table's CSV (its table named, or read from the file name), or the ZIP. */
export type ImportSource =
  | { kind: 'json'; bytes: Uint8Array; fileName?: string }
  | { kind: 'csv'; bytes: Uint8Array; fileName?: string; table?: string }
  | { kind: 'zip'; bytes: Uint8Array; fileName?: string };

export interface ImportSummary {
  /** Per table: rows in the file, created, updated (the others were already as the file says). */
  tables: { name: string; rows: number; created: number; updated: number }[];
}

/** The most problems one refusal lists (then how many more). */
export const MAX_IMPORT_PROBLEMS = 100;

interface TableRows {
  entity: OpenDataEntity;
  file: string;
  /** csv: cells by header; json: the items as given. */
  source: 'csv' | 'json';
  rows: unknown[];
  /** The row number people see for rows[i]. */
  rowNumber: (index: number) => number;
}

class Problems {
  readonly lines: { key: string; message: string }[] = [];
  constructor(readonly lang: Lang) {}
  file(file: string, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.lines.push({ key: `${file}`, message: t(this.lang, 'opendata.import.fileProblem', { file, message: t(this.lang, key, params) }) });
  }
  cell(file: string, row: number, column: string, message: string): void {
    this.lines.push({ key: `${file}:${row}:${column}`, message: t(this.lang, 'opendata.import.cellProblem', { file, row, column, message }) });
  }
  throwIfAny(): void {
    if (this.lines.length === 0) return;
    const messages: Record<string, string> = {};
    for (const { key, message } of this.lines.slice(0, MAX_IMPORT_PROBLEMS)) messages[key] ??= message;
    if (this.lines.length > MAX_IMPORT_PROBLEMS)
      messages['_more'] = t(this.lang, 'opendata.import.moreProblems', { count: this.lines.length - MAX_IMPORT_PROBLEMS });
    throw new ValidationError([], messages);
  }
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function tablesFromJson(entities: readonly OpenDataEntity[], file: string, bytes: Uint8Array, problems: Problems): TableRows[] {
  const text = decodeUtf8(bytes);
  if (text === null) {
    problems.file(file, 'opendata.import.notUtf8');
    return [];
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    problems.file(file, 'opendata.import.unreadable', { reason: (error as Error).message });
    return [];
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    problems.file(file, 'opendata.import.notExport');
    return [];
  }
  const record = doc as Record<string, unknown>;
  if (record.format !== FORMAT_NAME || record.formatVersion !== FORMAT_VERSION) {
    problems.file(file, 'opendata.import.notExport');
    return [];
  }
  const known = new Set(['$schema', 'format', 'formatVersion', 'scope', 'license']);
  const tables: TableRows[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (known.has(name)) continue;
    const entity = entities.find((e) => e.name === name);
    if (!entity) problems.file(file, 'opendata.import.unknownTable', { name });
    else if (!Array.isArray(value)) problems.file(file, 'opendata.import.notTable', { name });
    else tables.push({ entity, file: `${file} ${name}`, source: 'json', rows: value, rowNumber: (i) => i + 1 });
  }
  return tables;
}

function tableFromCsv(entities: readonly OpenDataEntity[], file: string, table: string | undefined, bytes: Uint8Array, problems: Problems): TableRows[] {
  const name = table ?? /([a-z-]+)\.csv$/i.exec(file)?.[1];
  const entity = entities.find((e) => e.name === name);
  if (!entity) {
    problems.file(file, 'opendata.import.unknownTable', { name: name ?? '' });
    return [];
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    problems.file(file, 'opendata.import.notUtf8');
    return [];
  }
  let records: string[][];
  try {
    const parsed: string[][] = parseCsv(text, { bom: true, relax_column_count: false, skip_empty_lines: true });
    records = parsed;
  } catch (error) {
    problems.file(file, 'opendata.import.unreadable', { reason: (error as Error).message });
    return [];
  }
  const [header, ...body] = records;
  if (!header) {
    problems.file(file, 'opendata.import.empty');
    return [];
  }
  // Where each column's cells are: by header name (any order; derived columns may be left out).
  const at = new Map(header.map((h, i) => [h.trim(), i]));
  const known = new Set(entity.columns.flatMap(headersOf));
  for (const h of header) if (!known.has(h.trim())) problems.file(file, 'opendata.import.unknownColumn', { column: h });
  const places: { column: OpenDataColumn; indexes: number[] }[] = [];
  for (const column of entity.columns) {
    if (column.derived) continue;
    const indexes = headersOf(column).map((h) => at.get(h) ?? -1);
    const missing = headersOf(column).filter((_, i) => indexes[i] === -1);
    for (const h of missing) problems.file(file, 'opendata.import.missingColumn', { column: h });
    places.push({ column, indexes });
  }
  const rows = body.map((cells) => {
    const row: Record<string, unknown> = {};
    for (const { column, indexes } of places)
      row[column.key] = valueFromCells(
        column,
        indexes.map((i) => cells[i] ?? ''),
      );
    return row;
  });
  return [{ entity, file, source: 'csv', rows, rowNumber: (i) => i + 2 }];
}

function tablesFromZip(entities: readonly OpenDataEntity[], file: string, bytes: Uint8Array, problems: Problems): TableRows[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name === 'data.json' || /^csv\/[A-Za-z-]+\.csv$/.test(f.name) });
  } catch (error) {
    problems.file(file, 'opendata.import.unreadable', { reason: (error as Error).message });
    return [];
  }
  const json = entries['data.json'];
  if (json) return tablesFromJson(entities, `${file}/data.json`, json, problems);
  const csvs = Object.entries(entries).filter(([name]) => name.startsWith('csv/'));
  if (csvs.length === 0) problems.file(file, 'opendata.import.empty');
  return csvs.flatMap(([name, content]) => tableFromCsv(entities, `${file}/${name}`, undefined, content, problems));
}

/** A column's label in a message: its header in a CSV (the side of a localized pair), its key in JSON. */
function columnLabel(table: TableRows, path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? '');
  if (table.source === 'json') return path.map(String).join('.');
  const column = table.entity.columns.find((c) => c.key === key);
  if (!column) return key;
  const headers = headersOf(column);
  const side = column.type === 'localized' ? ['zh', 'en', 'status'].indexOf(String(path[1])) : 0;
  return headers[Math.max(side, 0)] ?? column.name;
}

/** Every row of every table checked; the valid rows by table, or the problems thrown as one ValidationError. */
async function checkTables(
  db: Db,
  entities: readonly OpenDataEntity[],
  tables: readonly TableRows[],
  problems: Problems,
): Promise<Map<OpenDataEntity, OpenDataRow[]>> {
  const checked = new Map<OpenDataEntity, OpenDataRow[]>();
  const idsInFile = new Map<string, Set<number>>();
  for (const table of tables) {
    const schema = rowSchema(table.entity);
    const rows = checked.get(table.entity) ?? [];
    const ids = idsInFile.get(table.entity.name) ?? new Set<number>();
    table.rows.forEach((input, index) => {
      const result = schema.safeParse(input);
      const row = table.rowNumber(index);
      if (!result.success) {
        for (const issue of result.error.issues) problems.cell(table.file, row, columnLabel(table, issue.path), localizeIssue(issue, problems.lang, input));
        return;
      }
      const value = result.data as OpenDataRow;
      for (const p of table.entity.check?.(value) ?? [])
        problems.cell(table.file, row, columnLabel(table, [p.field]), problemMessage(problems.lang, p.key, p.params));
      const id = value.id as number;
      if (ids.has(id)) problems.cell(table.file, row, columnLabel(table, ['id']), t(problems.lang, 'opendata.import.duplicateId'));
      ids.add(id);
      rows.push(value);
    });
    checked.set(table.entity, rows);
    idsInFile.set(table.entity.name, ids);
  }
  // References: to a row of the file, or to one already stored.
  for (const table of tables) {
    for (const column of table.entity.columns) {
      if (!column.references || column.derived) continue;
      const target = entities.find((e) => e.name === column.references);
      const references = column.references;
      const inFile = idsInFile.get(references);
      const wanted = new Map<number, number[]>();
      table.rows.forEach((input, index) => {
        const value = (input as Record<string, unknown>)[column.key];
        const ids = Array.isArray(value) ? value : [value];
        for (const id of ids) if (typeof id === 'number' && !inFile?.has(id)) wanted.set(id, [...(wanted.get(id) ?? []), index]);
      });
      if (wanted.size === 0) continue;
      const stored = new Set<number>();
      const ids = [...wanted.keys()];
      for (let i = 0; target && i < ids.length; i += ROW_BATCH) for (const id of (await target.byIds(db, ids.slice(i, i + ROW_BATCH))).keys()) stored.add(id);
      for (const [id, indexes] of wanted)
        if (!stored.has(id))
          for (const index of indexes)
            problems.cell(
              table.file,
              table.rowNumber(index),
              columnLabel(table, [column.key]),
              t(problems.lang, 'opendata.import.missingReference', { table: references, id }),
            );
    }
  }
  problems.throwIfAny();
  return checked;
}

/**
 * Imports an export: only the secretariat and administrators may (403, before anything is read); all of it is
 * checked before any write (400 with every problem), then written in one transaction.
 */
export async function importOpenData(
  services: { db: Db },
  actor: Actor | null,
  lang: Lang,
  entities: readonly OpenDataEntity[],
  source: ImportSource,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const by = signedIn(actor);
  authorize(by, 'opendata.import');
  const problems = new Problems(lang);
  const file = source.fileName ?? (source.kind === 'json' ? 'data.json' : source.kind === 'zip' ? 'data.zip' : `${source.table ?? 'data'}.csv`);
  const tables =
    source.kind === 'json'
      ? tablesFromJson(entities, file, source.bytes, problems)
      : source.kind === 'csv'
        ? tableFromCsv(entities, file, source.table, source.bytes, problems)
        : tablesFromZip(entities, file, source.bytes, problems);
  problems.throwIfAny();
  if (tables.every((table) => table.rows.length === 0)) {
    problems.file(file, 'opendata.import.empty');
    problems.throwIfAny();
  }
  const checked = await checkTables(services.db, entities, tables, problems);
  const ordered = entities.filter((e) => checked.has(e));
  return services.db.transaction().execute(async (trx) => {
    const summary: ImportSummary = { tables: [] };
    const total = ordered.reduce((sum, entity) => sum + (checked.get(entity)?.length ?? 0), 0);
    let done = 0;
    for (const entity of ordered) {
      const rows = checked.get(entity) ?? [];
      const before = new Map<number, OpenDataRow>();
      for (let i = 0; i < rows.length; i += ROW_BATCH)
        for (const [id, row] of await entity.byIds(
          trx,
          rows.slice(i, i + ROW_BATCH).map((r) => r.id as number),
        ))
          before.set(id, row);
      const changes = changedRows(entity.columns, rows, before);
      await entity.write(trx, rows, before, by);
      done += rows.length;
      onProgress?.(done, total);
      summary.tables.push({
        name: entity.name,
        rows: rows.length,
        created: changes.filter((c) => !c.before).length,
        updated: changes.filter((c) => c.before).length,
      });
    }
    return summary;
  });
}
