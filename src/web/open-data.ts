/**
 * Open data (ADR 0030): the entities modules publish for export and accept back by import, described once as data.
 * A module lists its entities in its manifest (`openData`); each entity has columns (a JSON key, an export name that
 * follows OGP's commitment data where one exists, a type, a description in both languages), a keyset-paged reader of
 * what the public may see, and a writer that creates or updates rows by id. The exporters (JSON, CSV, ODS, README,
 * JSON Schema) and the importer (JSON, CSV) are driven by these tables alone, so a later capability adds its entities
 * without touching them. Nothing here imports a module.
 */
import { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../db/connection.js';
import type { Actor } from '../domain/authorization.js';
import { TRANSLATION_STATUSES, type Lang, type Localized } from '../domain/localized.js';
import type { FieldProblem } from '../domain/plan.js';
import { isoDate, text } from './schemas.js';

/** Both languages of a description. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * What a column holds. `localized` is a {zh, en, status} pair: three columns in CSV and ODS. `list` is a list of
 * `items` (joined with "; " in a cell). `decimal` is exact text (money). `json` is a structured value with its own
 * schema, written as JSON text in a cell.
 */
export type ColumnType = 'int' | 'decimal' | 'text' | 'date' | 'enum' | 'bool' | 'localized' | 'list' | 'json';

export type CellValue = string | number | boolean | null | Localized | readonly (string | number)[] | { readonly [key: string]: unknown } | readonly unknown[];
export type OpenDataRow = Record<string, CellValue>;

export interface OpenDataColumn {
  /** The key in JSON and in the history; camelCase as in the API. */
  key: string;
  /** The header in CSV and ODS (localized columns add " (zh-TW)", " (en)", " (status)"). */
  name: string;
  type: ColumnType;
  /** An enum's values, or a list's when its items are an enum. */
  values?: readonly string[];
  /** A list's items. */
  items?: 'int' | 'text' | 'enum';
  /** Empty (null) allowed. */
  nullable?: boolean;
  /** Longest text, in characters. */
  max?: number;
  /** The entity whose id this column holds (an int, or a list of ints): an import checks that it exists. */
  references?: string;
  /** Computed on export from other rows (a name beside its id); ignored by an import. */
  derived?: boolean;
  /** A `json` column's schema (its import check; its JSON Schema is generated from it). */
  schema?: z.ZodType;
  description: Bilingual;
}

/** What a column may say beyond its key, export name, type and description. */
export type ColumnExtras = Partial<Omit<OpenDataColumn, 'key' | 'name' | 'type' | 'description'>>;

/** A column: its key, its export name, its type, what it holds in English and in Chinese, and the rest. */
export const column = (key: string, name: string, type: OpenDataColumn['type'], en: string, zh: string, extra: ColumnExtras = {}): OpenDataColumn => ({
  key,
  name,
  type,
  description: { en, zh },
  ...extra,
});

/** A plan's data, or the whole site's. */
export interface OpenDataScope {
  planId: number | null;
}

/** A cell that cannot be imported: the row as a spreadsheet numbers it (the header is row 1), the column, the message. */
export interface CellProblem {
  entity: string;
  row: number;
  column: string;
  message: string;
}

/** Who imports, and the rows of the whole import (for checks across entities), by entity and id. */
export interface ImportContext {
  actor: Actor;
  lang: Lang;
}

export interface OpenDataEntity {
  /** File and sheet name, JSON property: `commitments`. */
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** Order in the files and of the writes: referenced entities first. */
  order: number;
  /** The first column is the id (`id`, an int), the key of create-or-update. */
  columns: readonly OpenDataColumn[];
  /** How many rows an export of the scope has (for progress). */
  count(db: DbOrTx, scope: OpenDataScope): Promise<number>;
  /** The public rows of the scope after `afterId`, ordered by id, at most `limit` (keyset paging: memory stays flat). */
  read(db: DbOrTx, scope: OpenDataScope, afterId: number, limit: number): Promise<OpenDataRow[]>;
  /** The stored rows with these ids, as exported (the before side of the history; what a reference may point to). */
  byIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, OpenDataRow>>;
  /** Checks of one valid row that the columns cannot express (a start before its end), each naming its column's key. */
  check?(row: OpenDataRow): FieldProblem[];
  /**
   * Creates or updates the rows by id (the caller's transaction; rows already checked, derived columns left out),
   * files each change in the history as `actor`, and moves the id sequence past the ids written.
   */
  write(trx: DbOrTx, rows: readonly OpenDataRow[], before: ReadonlyMap<number, OpenDataRow>, actor: Actor): Promise<void>;
}

export const ROW_BATCH = 1000;

// ---- columns as cells ----

/** The header cells of a column: one, or three for a localized pair. */
export function headersOf(column: OpenDataColumn): string[] {
  return column.type === 'localized' ? [`${column.name} (zh-TW)`, `${column.name} (en)`, `${column.name} (status)`] : [column.name];
}

export const headerRow = (entity: OpenDataEntity): string[] => entity.columns.flatMap(headersOf);

const LIST_SEPARATOR = '; ';

/** A cell as text: what CSV and ODS show. Nulls are empty; lists are joined with "; "; json is JSON text. */
export function cellTexts(column: OpenDataColumn, value: CellValue): string[] {
  if (column.type === 'localized') {
    // An absent pair of a nullable column is three empty cells, which the import reads back as absent.
    if ((value === null || value === undefined) && column.nullable) return ['', '', ''];
    const pair = (value ?? { zh: '', en: '', status: 'missing' }) as Localized;
    return [pair.zh, pair.en, pair.status];
  }
  if (value === null || value === undefined) return [''];
  if (column.type === 'list') return [(value as readonly (string | number)[]).map(String).join(LIST_SEPARATOR)];
  if (column.type === 'json' || typeof value === 'object') return [JSON.stringify(value)];
  return [String(value)];
}

/** The cells a spreadsheet reads: types for ODS (numbers and dates as such). */
export type SheetCell = { kind: 'string'; value: string } | { kind: 'float'; value: number } | { kind: 'date'; value: string };

/**
 * Text that a spreadsheet would run as a formula is neutralised by the CSV writer with a leading `'` (web/csv.ts).
 * So that an import can undo exactly that, a text that already starts with `'` before such a character gets one
 * more: the import takes one `'` off any cell of that form, and every text comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
export const protectApostrophes = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value) ? `'${value}` : value);
export const unescapeFormula = (value: string): string => (value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value);

// ---- import: cells and JSON values through one schema per column ----

const itemSchema = (column: OpenDataColumn): z.ZodType => {
  if (column.items === 'int') return z.number().int().positive().max(2_147_483_647);
  if (column.items === 'enum') return z.enum(column.values as [string, ...string[]]);
  return text(column.max ?? 300)
    .trim()
    .min(1);
};

/** The schema of one column's value in JSON (and, once parsed from its cells, in CSV). */
export function columnSchema(column: OpenDataColumn): z.ZodType {
  let base: z.ZodType;
  switch (column.type) {
    case 'int':
      base = z
        .number()
        .int()
        .min(column.key === 'id' || column.references ? 1 : -2_147_483_648)
        .max(2_147_483_647);
      break;
    case 'decimal':
      base = z.string().regex(/^-?\d{1,16}\.\d{2}$/, { message: 'error.amount' });
      break;
    case 'text':
      base = text(column.max ?? 20_000);
      break;
    case 'date':
      base = isoDate;
      break;
    case 'enum':
      base = z.enum(column.values as [string, ...string[]]);
      break;
    case 'bool':
      base = z.boolean();
      break;
    case 'localized':
      base = z.object({ zh: text(column.max ?? 20_000), en: text(column.max ?? 20_000), status: z.enum(TRANSLATION_STATUSES) }).strict();
      break;
    case 'list':
      base = z.array(itemSchema(column)).max(1000);
      break;
    case 'json':
      base = column.schema ?? z.unknown();
      break;
  }
  return column.nullable ? base.nullable() : base;
}

/** A row's schema: every column present (derived ones optional and ignored), nothing else. */
export function rowSchema(entity: OpenDataEntity): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const column of entity.columns) shape[column.key] = column.derived ? z.unknown().optional() : columnSchema(column);
  return z.object(shape).strict();
}

const INT = /^-?\d{1,10}$/;

/** The JSON value of a CSV cell (or cells, for a localized column), for the column's schema to check. */
export function valueFromCells(column: OpenDataColumn, cells: readonly string[]): unknown {
  const [first = ''] = cells;
  if (column.type === 'localized') {
    // A nullable pair that is absent is three empty cells (a present pair always has its status).
    if (column.nullable && cells.every((c) => c === '')) return null;
    return { zh: unescapeFormula(cells[0] ?? ''), en: unescapeFormula(cells[1] ?? ''), status: cells[2] ?? '' };
  }
  const cell = unescapeFormula(first);
  if (cell === '' && column.nullable) return null;
  switch (column.type) {
    case 'int':
      return INT.test(cell) ? Number(cell) : cell === '' ? undefined : cell;
    case 'bool':
      return cell === 'true' ? true : cell === 'false' ? false : cell;
    case 'list':
      return cell === '' ? [] : cell.split(';').map((item) => (column.items === 'int' && INT.test(item.trim()) ? Number(item.trim()) : item.trim()));
    case 'json':
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        return Symbol.for('invalid json');
      }
    default:
      return cell;
  }
}

// ---- the JSON Schema of the JSON document, generated from the columns ----

export const SCHEMA_PATH = '/data/schema/v1.json';
export const FORMAT_NAME = 'cocreate-open-data';
export const FORMAT_VERSION = 1;

function columnJsonSchema(column: OpenDataColumn): Record<string, unknown> {
  const description = `${column.name}. ${column.description.en} / ${column.description.zh}`;
  if (column.derived) return { description: `${description} (derived; ignored on import)`, readOnly: true };
  const generated = z.toJSONSchema(columnSchema(column), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete generated.$schema;
  return { ...generated, description };
}

/** The JSON Schema (draft 2020-12) of the export's JSON document: one array per entity, each row's columns. */
export function jsonSchemaOf(entities: readonly OpenDataEntity[], id: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    $schema: { type: 'string' },
    format: { const: FORMAT_NAME },
    formatVersion: { const: FORMAT_VERSION },
    scope: {
      type: 'object',
      properties: { plan: { type: ['string', 'null'], description: 'The plan’s slug, or null for the whole site.' } },
      required: ['plan'],
      additionalProperties: false,
    },
    license: {
      type: 'object',
      properties: { name: { type: 'string' }, url: { type: 'string' } },
      required: ['name', 'url'],
      additionalProperties: false,
    },
  };
  for (const entity of entities) {
    const columns: Record<string, unknown> = {};
    for (const column of entity.columns) columns[column.key] = columnJsonSchema(column);
    properties[entity.name] = {
      description: `${entity.title.en}: ${entity.description.en} / ${entity.title.zh}：${entity.description.zh}`,
      type: 'array',
      items: { type: 'object', properties: columns, required: entity.columns.filter((c) => !c.derived).map((c) => c.key), additionalProperties: false },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: 'Cocreate open data',
    description: 'Open-government action plans as open data; the same document imports back (ADR 0030).',
    type: 'object',
    properties,
    required: ['format', 'formatVersion', 'scope', 'license', ...entities.map((e) => e.name)],
    additionalProperties: false,
  };
}

// ---- ODS (OpenDocument spreadsheet): content.xml written row by row ----

const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * What only the slow path handles: markup characters, control characters, U+FFFE/U+FFFF and surrogates (lone ones
 * are invalid; pairs are checked by the slow path's /u expression). Most cells have none: tens of megabytes of an
 * export skip both replacements.
 */
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
export const xmlEscape = (value: string): string =>
  !XML_SPECIAL.test(value)
    ? value
    : value.replace(XML_INVALID, '').replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));

/** A paragraph's text with ODF's whitespace kept: runs of spaces as <text:s/>, tabs as <text:tab/>. */
function odfParagraph(line: string): string {
  const escaped = xmlEscape(line);
  if (!escaped.includes('\t') && !escaped.includes('  ') && !escaped.startsWith(' ')) return `<text:p>${escaped}</text:p>`;
  const kept = escaped
    .replace(/\t/g, '<text:tab/>')
    .replace(/ {2,}/g, (run) => ` <text:s text:c="${run.length - 1}"/>`)
    .replace(/^ /, '<text:s/>');
  return `<text:p>${kept}</text:p>`;
}

export function odsCell(cell: SheetCell): string {
  switch (cell.kind) {
    case 'float':
      return `<table:table-cell office:value-type="float" office:value="${cell.value}"><text:p>${cell.value}</text:p></table:table-cell>`;
    case 'date':
      return `<table:table-cell table:style-name="date" office:value-type="date" office:date-value="${cell.value}"><text:p>${cell.value}</text:p></table:table-cell>`;
    case 'string':
      if (cell.value === '') return '<table:table-cell/>';
      if (!cell.value.includes('\n') && !cell.value.includes('\r'))
        return `<table:table-cell office:value-type="string">${odfParagraph(cell.value)}</table:table-cell>`;
      return `<table:table-cell office:value-type="string">${cell.value.replace(/\r\n?/g, '\n').split('\n').map(odfParagraph).join('')}</table:table-cell>`;
  }
}

/** A row of the entity as a table row: whole numbers and dates typed as such, every other cell as text. */
export function odsRow(columns: readonly OpenDataColumn[], row: OpenDataRow): string {
  let xml = '<table:table-row>';
  for (const column of columns) {
    const value = row[column.key] ?? null;
    if (column.type === 'int' && typeof value === 'number') xml += odsCell({ kind: 'float', value });
    else if (column.type === 'date' && typeof value === 'string') xml += odsCell({ kind: 'date', value });
    else for (const text of cellTexts(column, value)) xml += odsCell({ kind: 'string', value: text });
  }
  return `${xml}</table:table-row>\n`;
}

export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export const ODS_CONTENT_START =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">\n' +
  '<office:automatic-styles>' +
  '<number:date-style style:name="iso-date"><number:year number:style="long"/><number:text>-</number:text>' +
  '<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>' +
  '<style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="iso-date"/>' +
  '<style:style style:name="header" style:family="table-cell" style:parent-style-name="Default"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '</office:automatic-styles>\n<office:body><office:spreadsheet>\n';

export const odsSheetStart = (name: string, headers: readonly string[]): string =>
  `<table:table table:name="${xmlEscape(name)}"><table:table-header-rows><table:table-row>${headers
    .map((h) => `<table:table-cell table:style-name="header" office:value-type="string"><text:p>${xmlEscape(h)}</text:p></table:table-cell>`)
    .join('')}</table:table-row></table:table-header-rows>\n`;

export const ODS_SHEET_END = '</table:table>\n';
export const ODS_CONTENT_END = '</office:spreadsheet></office:body></office:document-content>\n';

export const ODS_MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n' +
  ` <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${ODS_MIMETYPE}"/>\n` +
  ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n' +
  '</manifest:manifest>\n';

// ---- the registry: entities from the modules' manifests ----

/** The entities of the listed modules, in their order (referenced entities first); a name used twice is an error. */
export function openDataEntities(list: readonly { name: string; openData?: readonly OpenDataEntity[] }[]): OpenDataEntity[] {
  const entities = list.flatMap((m) => m.openData ?? []);
  const names = new Set<string>();
  for (const entity of entities) {
    if (names.has(entity.name)) throw new Error(`Open-data entity "${entity.name}" is declared twice`);
    names.add(entity.name);
  }
  return entities.sort((a, b) => a.order - b.order);
}

// ---- import: what changes ----

/** A row without its derived columns: what is stored, and what the history compares. */
export function storedPart(columns: readonly OpenDataColumn[], row: OpenDataRow): OpenDataRow {
  const out: OpenDataRow = {};
  for (const column of columns) if (!column.derived) out[column.key] = row[column.key] ?? null;
  return out;
}

/** JSON with every object's keys sorted: jsonb keeps keys in its own order, a parsed file in the file's. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A column's value as the JSON document writes it: a localized pair always as {zh, en, status}. */
export function jsonValue(column: OpenDataColumn, value: CellValue): CellValue {
  if (column.type !== 'localized' || value === null) return value;
  const pair = value as Localized;
  return { zh: pair.zh, en: pair.en, status: pair.status };
}

/** Each imported row that is new or differs from what is stored, with the stored one (undefined when new). */
export function changedRows(
  columns: readonly OpenDataColumn[],
  rows: readonly OpenDataRow[],
  before: ReadonlyMap<number, OpenDataRow>,
): { row: OpenDataRow; before: OpenDataRow | undefined }[] {
  const changed: { row: OpenDataRow; before: OpenDataRow | undefined }[] = [];
  for (const row of rows) {
    const after = storedPart(columns, row);
    const stored = before.get(row.id as number);
    const previous = stored && storedPart(columns, stored);
    if (!previous || canonicalJson(previous) !== canonicalJson(after)) changed.push({ row: after, before: previous });
  }
  return changed;
}

/** Typed reads of a checked row's cells (the row schema has already accepted them). */
export const cell = {
  int: (row: OpenDataRow, key: string): number => row[key] as number,
  intOrNull: (row: OpenDataRow, key: string): number | null => (row[key] as number | null) ?? null,
  text: (row: OpenDataRow, key: string): string => row[key] as string,
  textOrNull: (row: OpenDataRow, key: string): string | null => (row[key] as string | null) ?? null,
  localized: (row: OpenDataRow, key: string): Localized => row[key] as Localized,
  ints: (row: OpenDataRow, key: string): number[] => [...(row[key] as readonly number[])],
  texts: (row: OpenDataRow, key: string): string[] => [...(row[key] as readonly string[])],
};

// ---- rows with a comment period (a review's report, a self-assessment) ----

/** An instant as exported: ISO 8601 in UTC to the millisecond. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The columns among `keys` whose value is neither null nor an exported instant. */
export const instantProblems = (row: OpenDataRow, keys: readonly string[]): FieldProblem[] =>
  keys
    .filter((k) => {
      const value = row[k];
      return value !== null && !(typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)));
    })
    .map((field) => ({ field, key: 'error.invalid' }));

/**
 * A public row of something with a comment period (state comment or published): its instants, a publication day
 * exactly when published, a comment period that opened and closes later when in comment, as the tables require.
 */
export function commentPeriodProblems(row: OpenDataRow): FieldProblem[] {
  const problems = instantProblems(row, ['commentOpensAt', 'commentClosesAt', 'publishedAt']);
  if ((row.state === 'published') !== (row.publishedAt !== null)) problems.push({ field: 'publishedAt', key: 'error.invalid' });
  if (row.state === 'comment' && row.commentOpensAt === null) problems.push({ field: 'commentOpensAt', key: 'error.required' });
  if (row.state === 'comment' && row.commentClosesAt === null) problems.push({ field: 'commentClosesAt', key: 'error.required' });
  if (row.commentOpensAt !== null && row.commentClosesAt !== null && Date.parse(row.commentClosesAt as string) <= Date.parse(row.commentOpensAt as string))
    problems.push({ field: 'commentClosesAt', key: 'error.endBeforeStart' });
  return problems;
}
