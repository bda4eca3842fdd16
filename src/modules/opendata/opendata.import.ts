/**
 * The import of an export (ADR 0030): the JSON document, one table's CSV, the ODS spreadsheet (one sheet per table),
 * or the ZIP (its data.json, else its CSVs).
 * Everything is read and checked first, as a whole: each row against its columns' schemas, the entities' own checks,
 * ids that appear twice, and every reference (in the file or already on the site). One problem refuses the whole
 * import, and each is told as "file, row 7, column Milestone End: …" (rows numbered as a spreadsheet shows them, the
 * header being row 1; in an ODS, "data.ods, sheet milestones, row 7, …"; in JSON, the n-th item of the table).
 * Archives (the ZIP, the ODS) are read within limits: an entry that unpacks beyond MAX_UNPACKED_BYTES, or sheets
 * beyond MAX_SHEET_ROWS rows or MAX_SHEET_CELLS cells, refuse the file before anything large is allocated. Then every row is created or updated by id in one
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
  ODS_MIMETYPE,
  ROW_BATCH,
  changedRows,
  headersOf,
  protectApostrophes,
  rowSchema,
  valueFromCells,
  type OpenDataColumn,
  type OpenDataEntity,
  type OpenDataRow,
} from '../../web/open-data.js';
import { authorize, signedIn } from '../../web/service-helpers.js';
import { localizeIssue } from '../../web/validation.js';
import { OdsError, columnLetter, readSheets, type SheetLimits } from './opendata.ods.js';

/**
 * What is imported: a JSON document, one table's CSV (its table named, or read from the file name), the ODS, or the
 * ZIP. A "zip" that is an ODS (its `mimetype` entry says so) is read as the ODS.
 */
export type ImportSource =
  | { kind: 'json'; bytes: Uint8Array; fileName?: string }
  | { kind: 'csv'; bytes: Uint8Array; fileName?: string; table?: string }
  | { kind: 'ods'; bytes: Uint8Array; fileName?: string }
  | { kind: 'zip'; bytes: Uint8Array; fileName?: string };

export interface ImportSummary {
  /** Per table: rows in the file, created, updated (the others were already as the file says). */
  tables: { name: string; rows: number; created: number; updated: number }[];
}

/** The most problems one refusal lists (then how many more). */
export const MAX_IMPORT_PROBLEMS = 100;

const MiB = 1024 * 1024;
/**
 * The most one entry of an archive (the ZIP's data.json or a CSV, the ODS's content.xml) may unpack to: refused from
 * the size the archive declares, and never inflated beyond it. An export of a site at Decidim's scale has a
 * content.xml of about 60 MB.
 */
export const MAX_UNPACKED_BYTES = 128 * MiB;
/** The most filled rows, in all sheets of an ODS (a spreadsheet's own limit). */
export const MAX_SHEET_ROWS = 1_048_576;
/** The most cells kept, in all sheets of an ODS (repeated cells counted as many times as they repeat). */
export const MAX_SHEET_CELLS = 10_000_000;
const SHEET_LIMITS: SheetLimits = { rows: MAX_SHEET_ROWS, cells: MAX_SHEET_CELLS, cellText: 200_000, columns: 16_384 };

/** Where rows come from, as a message names it: a file, and in an ODS its sheet. */
interface Place {
  file: string;
  sheet?: string;
}

interface TableRows extends Place {
  entity: OpenDataEntity;
  /** cells: CSV or ODS, cells by header; json: the items as given. */
  source: 'cells' | 'json';
  rows: unknown[];
  /** The row number people see for rows[i]. */
  rowNumber: (index: number) => number;
}

class Problems {
  readonly lines: { key: string; message: string }[] = [];
  constructor(readonly lang: Lang) {}
  file(place: string | Place, key: MessageKey, params: Record<string, string | number> = {}): void {
    const { file, sheet } = typeof place === 'string' ? { file: place, sheet: undefined } : place;
    const message = t(this.lang, key, params);
    this.lines.push(
      sheet === undefined
        ? { key: file, message: t(this.lang, 'opendata.import.fileProblem', { file, message }) }
        : { key: `${file}:${sheet}`, message: t(this.lang, 'opendata.import.sheetProblem', { file, sheet, message }) },
    );
  }
  cell(place: Place, row: number, column: string, message: string): void {
    const { file, sheet } = place;
    this.lines.push(
      sheet === undefined
        ? { key: `${file}:${row}:${column}`, message: t(this.lang, 'opendata.import.cellProblem', { file, row, column, message }) }
        : { key: `${file}:${sheet}:${row}:${column}`, message: t(this.lang, 'opendata.import.sheetCellProblem', { file, sheet, row, column, message }) },
    );
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

/**
 * One table's rows from its cells (a CSV's records, an ODS sheet's rows): the header names the columns (any order;
 * derived columns may be left out), each cell is read as the column's value for its schema to check.
 */
function tableFromCells(
  entity: OpenDataEntity,
  place: Place,
  header: readonly string[],
  body: readonly { number: number; cells: readonly string[] }[],
  problems: Problems,
): TableRows {
  const at = new Map(header.map((h, i) => [h.trim(), i]));
  const known = new Set(entity.columns.flatMap(headersOf));
  for (const h of header) if (!known.has(h.trim())) problems.file(place, 'opendata.import.unknownColumn', { column: h });
  const places: { column: OpenDataColumn; indexes: number[] }[] = [];
  for (const column of entity.columns) {
    if (column.derived) continue;
    const indexes = headersOf(column).map((h) => at.get(h) ?? -1);
    const missing = headersOf(column).filter((_, i) => indexes[i] === -1);
    for (const h of missing) problems.file(place, 'opendata.import.missingColumn', { column: h });
    places.push({ column, indexes });
  }
  const rows = body.map(({ cells }) => {
    const row: Record<string, unknown> = {};
    for (const { column, indexes } of places)
      row[column.key] = valueFromCells(
        column,
        indexes.map((i) => cells[i] ?? ''),
      );
    return row;
  });
  return { entity, ...place, source: 'cells', rows, rowNumber: (i) => body[i]?.number ?? i + 2 };
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
  return [
    tableFromCells(
      entity,
      { file },
      header,
      body.map((cells, i) => ({ number: i + 2, cells })),
      problems,
    ),
  ];
}

/**
 * The entries of an archive that `wanted` names, each refused (with nothing inflated) when it declares more than
 * MAX_UNPACKED_BYTES, or when the wanted entries together do; null when the archive is refused.
 */
function unpack(file: string, bytes: Uint8Array, wanted: (name: string) => boolean, problems: Problems): Record<string, Uint8Array> | null {
  let total = 0;
  let tooLarge: string | null = null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name) || tooLarge !== null) return false;
        total += f.originalSize;
        // fflate inflates into a buffer of the declared size: an entry that lies about it comes out cut short.
        if (f.originalSize > MAX_UNPACKED_BYTES || total > MAX_UNPACKED_BYTES) tooLarge = f.name;
        return tooLarge === null;
      },
    });
  } catch (error) {
    problems.file(file, 'opendata.import.unreadable', { reason: (error as Error).message });
    return null;
  }
  if (tooLarge !== null) {
    problems.file(file, 'opendata.import.tooLarge', { name: tooLarge, max: MAX_UNPACKED_BYTES / MiB });
    return null;
  }
  return entries;
}

/** Whether an archive's entries are an ODS spreadsheet's (its `mimetype` entry names the format). */
const isOds = (entries: Record<string, Uint8Array>): boolean =>
  entries.mimetype !== undefined && new TextDecoder().decode(entries.mimetype).trim() === ODS_MIMETYPE;

/** Which entries the import reads of a ZIP or an ODS. */
const ARCHIVE_ENTRIES = (name: string): boolean => name === 'mimetype' || name === 'content.xml' || name === 'data.json' || /^csv\/[A-Za-z-]+\.csv$/.test(name);

/** The tables of an ODS: one sheet per table, named as the table; the first filled row of a sheet is its header. */
function tablesFromOds(entities: readonly OpenDataEntity[], file: string, entries: Record<string, Uint8Array>, problems: Problems): TableRows[] {
  const content = entries['content.xml'];
  if (!content) {
    problems.file(file, 'opendata.import.notOds');
    return [];
  }
  const xml = decodeUtf8(content);
  if (xml === null) {
    problems.file(file, 'opendata.import.notUtf8');
    return [];
  }
  let sheets;
  try {
    sheets = readSheets(xml, SHEET_LIMITS);
  } catch (error) {
    if (!(error instanceof OdsError)) throw error;
    problems.file(file, error.key, error.params);
    return [];
  }
  const tables: TableRows[] = [];
  for (const sheet of sheets) {
    // An empty sheet (one LibreOffice adds, or a table without rows) says nothing.
    const [header, ...body] = sheet.rows;
    if (!header) continue;
    const place = { file, sheet: sheet.name };
    const entity = entities.find((e) => e.name === sheet.name);
    if (!entity) {
      problems.file(place, 'opendata.import.unknownTable', { name: sheet.name });
      continue;
    }
    const width = header.cells.length;
    for (const row of body)
      for (let i = width; i < row.cells.length; i++)
        if (row.cells[i] !== '') problems.cell(place, row.number, columnLetter(i), t(problems.lang, 'opendata.import.extraCell'));
    // The CSV's formula guard is not in the ODS: protected here so the shared reading takes it off again, and every
    // text comes back as it was.
    const protectedBody = body.map((row) => ({ number: row.number, cells: row.cells.map(protectApostrophes) }));
    tables.push(tableFromCells(entity, place, header.cells, protectedBody, problems));
  }
  return tables;
}

function tablesFromZip(entities: readonly OpenDataEntity[], file: string, entries: Record<string, Uint8Array>, problems: Problems): TableRows[] {
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
        for (const issue of result.error.issues) problems.cell(table, row, columnLabel(table, issue.path), localizeIssue(issue, problems.lang, input));
        return;
      }
      const value = result.data as OpenDataRow;
      for (const p of table.entity.check?.(value) ?? [])
        problems.cell(table, row, columnLabel(table, [p.field]), problemMessage(problems.lang, p.key, p.params));
      const id = value.id as number;
      if (ids.has(id)) problems.cell(table, row, columnLabel(table, ['id']), t(problems.lang, 'opendata.import.duplicateId'));
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
              table,
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
 * What an uploaded file is, by its name (.ods, .json, .zip, .csv), else by its first bytes (an archive is a ZIP,
 * and an ODS when its mimetype entry says so; `{` starts a JSON document; anything else is read as a CSV).
 */
export function importSourceOf(name: string, bytes: Uint8Array, table?: string): ImportSource {
  const fileName = (name.split(/[\\/]/).pop() ?? '').slice(-100) || undefined;
  const extension = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'ods' || extension === 'json' || extension === 'zip') return { kind: extension, bytes, fileName };
  if (extension === 'csv') return { kind: 'csv', bytes, fileName, table };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { kind: 'zip', bytes, fileName };
  const first = new TextDecoder()
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (first.startsWith('{')) return { kind: 'json', bytes, fileName };
  return { kind: 'csv', bytes, fileName, table };
}

const fileNameOf = (source: ImportSource): string => source.fileName ?? (source.kind === 'csv' ? `${source.table ?? 'data'}.csv` : `data.${source.kind}`);

/** The tables a file holds, by its kind (and, for an archive, by what it holds: an ODS or an export's ZIP). */
function readTables(entities: readonly OpenDataEntity[], source: ImportSource, problems: Problems): TableRows[] {
  if (source.kind === 'json') return tablesFromJson(entities, fileNameOf(source), source.bytes, problems);
  if (source.kind === 'csv') return tableFromCsv(entities, fileNameOf(source), source.table, source.bytes, problems);
  const entries = unpack(fileNameOf(source), source.bytes, ARCHIVE_ENTRIES, problems);
  if (!entries) return [];
  if (source.kind === 'ods' || isOds(entries)) return tablesFromOds(entities, source.fileName ?? 'data.ods', entries, problems);
  return tablesFromZip(entities, fileNameOf(source), entries, problems);
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
  const tables = readTables(entities, source, problems);
  problems.throwIfAny();
  const file = fileNameOf(source);
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
