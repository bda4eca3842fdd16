/**
 * Writes an export (ADR 0030) into a directory, streaming: the entities are read in keyset-paged batches, and each
 * batch goes at once to the JSON document, the entity's CSV and the ODS's content.xml (deflated as it comes), so memory holds one batch whatever the size of the data. Then the README, the LICENSE, the JSON Schema and a
 * ZIP of everything. Each file's SHA-1 is computed as it is written: it is the file's ETag.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import type { DbOrTx } from '../../db/connection.js';
import { toCsv } from '../../web/csv.js';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  ODS_CONTENT_END,
  ODS_CONTENT_START,
  ODS_MANIFEST,
  ODS_MIMETYPE,
  ODS_SHEET_END,
  ROW_BATCH,
  cellTexts,
  headerRow,
  jsonSchemaOf,
  jsonValue,
  odsRow,
  odsSheetStart,
  protectApostrophes,
  type OpenDataEntity,
  type OpenDataRow,
  type OpenDataScope,
} from '../../web/open-data.js';
import { licenseText, type DataLicense } from './opendata.license.js';
import { readmeText } from './opendata.readme.js';

/** One file of an export: where it is, its ETag (quoted SHA-1), its size. */
export interface BuiltFile {
  path: string;
  etag: string;
  size: number;
}

export interface ExportOptions {
  license: DataLicense;
  /** The JSON Schema's address, written as the document's `$schema`. */
  schemaUrl: string;
  /** The plan's slug, or null for the whole site. */
  planSlug: string | null;
  siteName: string;
  /** Rows done of the total, after each batch (the CLI's progress bar). */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

/** The files of an export, by name: data.json, data.ods, csv/<entity>.csv, README.md, LICENSE.txt, schema.json, data.zip. */
export type BuiltExport = Map<string, BuiltFile>;

/** Fixed times inside the ZIP and ODS archives, so the same data gives the same bytes (and the same ETag). */
const ARCHIVE_TIME = new Date(2000, 0, 1);

/**
 * Room in each stream for a batch or two (Node's default is 16 KB): zlib and the disk take a batch on libuv's thread
 * pool while the next one is read and formatted, instead of the export waiting for each 16 KB to drain.
 */
const ROOM = { highWaterMark: 1024 * 1024 } as const;
const DEFLATE_ROOM = { ...ROOM, chunkSize: 64 * 1024 } as const;

/** A file's DEFLATE stream, with the CRC-32 and the size of what went in: a ZIP entry ready to be copied. */
interface DeflatedFile {
  path: string;
  crc: number;
  size: number;
}

/**
 * The DEFLATE stream of a file, written beside it as the file is written: zlib compresses on libuv's thread pool while
 * the next batch is read and formatted, and the ZIP is then assembled by copying (ADR 0030).
 */
class DeflatedCopy {
  readonly #deflate: DeflateRaw = createDeflateRaw({ level: 4, ...DEFLATE_ROOM });
  readonly #written: Promise<void>;
  #crc = 0;
  #size = 0;
  constructor(readonly path: string) {
    this.#written = pipeline(this.#deflate, createWriteStream(path, ROOM));
    // A failure surfaces through feed() and close(); this keeps it from being reported as unhandled meanwhile.
    this.#written.catch(() => undefined);
  }
  async feed(chunk: Uint8Array): Promise<void> {
    this.#crc = crc32(chunk, this.#crc);
    this.#size += chunk.length;
    if (!this.#deflate.write(chunk)) await Promise.race([once(this.#deflate, 'drain'), this.#written]);
  }
  async close(): Promise<DeflatedFile> {
    this.#deflate.end();
    await this.#written;
    return { path: this.path, crc: this.#crc, size: this.#size };
  }
}

/** A file written in order, hashed as it goes, waiting when the disk is behind; and deflated beside it, if asked. */
class FileSink {
  readonly #stream: WriteStream;
  readonly #hash: Hash = createHash('sha1');
  #size = 0;
  constructor(
    readonly path: string,
    readonly copy?: DeflatedCopy,
  ) {
    this.#stream = createWriteStream(path, ROOM);
  }
  /** Writes without waiting (fflate's callbacks are synchronous); `drained()` waits for the disk. */
  push(chunk: Uint8Array): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    this.#stream.write(chunk);
  }
  async drained(): Promise<void> {
    if (this.#stream.writableNeedDrain) await once(this.#stream, 'drain');
  }
  async write(chunk: string | Uint8Array): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.push(bytes);
    await this.copy?.feed(bytes);
    await this.drained();
  }
  async close(): Promise<BuiltFile> {
    this.#stream.end();
    await finished(this.#stream);
    return { path: this.path, etag: `"${this.#hash.digest('hex')}"`, size: this.#size };
  }
}

/**
 * An archive entry deflated by Node's zlib rather than fflate's JavaScript deflate: the same DEFLATE stream in a
 * fifth of the time, on libuv's thread pool, so the next batch is read and formatted meanwhile. fflate's Zip still
 * writes the archive around it (the entry's sizes and CRC in its data descriptor).
 */
class NativeDeflateEntry extends ZipPassThrough {
  readonly #deflate: DeflateRaw;
  #crc = 0;
  #listening = false;
  #failure: Error | null = null;
  constructor(name: string, level: number) {
    super(name);
    this.compression = 8;
    this.#deflate = createDeflateRaw({ level, ...DEFLATE_ROOM });
  }
  override push(): never {
    throw new Error('NativeDeflateEntry takes its bytes through feed()');
  }
  /** Takes source bytes; resolves once zlib has room for more, or, with `final`, once the entry is written whole. */
  async feed(chunk: Uint8Array, final: boolean): Promise<void> {
    if (!this.#listening) {
      // Zip.add sets `ondata`; it is there by the first feed.
      this.#deflate.on('data', (data: Buffer) => this.ondata(null, new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.length), false));
      this.#deflate.on('error', (error: Error) => (this.#failure = error));
      this.#listening = true;
    }
    if (this.#failure) throw this.#failure;
    this.#crc = crc32(chunk, this.#crc);
    this.size += chunk.length;
    const room = chunk.length === 0 || this.#deflate.write(chunk);
    if (final) {
      this.crc = this.#crc;
      this.#deflate.end();
      await once(this.#deflate, 'end');
      this.ondata(null, new Uint8Array(0), true);
    } else if (!room) await once(this.#deflate, 'drain');
  }
}

/** An archive (ODS or ZIP) written by fflate into a file, entry by entry. */
class ArchiveSink {
  readonly #zip: Zip;
  #failure: Error | null = null;
  constructor(readonly file: FileSink) {
    this.#zip = new Zip((error, chunk) => {
      if (error) this.#failure = error;
      else file.push(chunk);
    });
  }
  stored(name: string): ZipPassThrough {
    const entry = new ZipPassThrough(name);
    entry.mtime = ARCHIVE_TIME;
    this.#zip.add(entry);
    return entry;
  }
  deflated(name: string, level: 1 | 4 | 6 = 6): NativeDeflateEntry {
    const entry = new NativeDeflateEntry(name, level);
    entry.mtime = ARCHIVE_TIME;
    this.#zip.add(entry);
    return entry;
  }
  /** An entry whose DEFLATE stream is already made: its bytes are copied, with its CRC and size. */
  async copyDeflated(name: string, deflated: DeflatedFile): Promise<void> {
    const entry = new ZipPassThrough(name);
    entry.mtime = ARCHIVE_TIME;
    entry.compression = 8;
    this.#zip.add(entry);
    for await (const chunk of createReadStream(deflated.path)) {
      const bytes = chunk as Buffer;
      entry.ondata(null, new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), false);
      await this.file.drained();
    }
    entry.size = deflated.size;
    entry.crc = deflated.crc;
    entry.ondata(null, new Uint8Array(0), true);
    if (this.#failure) throw this.#failure;
  }
  async put(entry: ZipPassThrough, chunk: Uint8Array, final = false): Promise<void> {
    if (entry instanceof NativeDeflateEntry) await entry.feed(chunk, final);
    else entry.push(chunk, final);
    if (this.#failure) throw this.#failure;
    await this.file.drained();
  }
  async close(): Promise<BuiltFile> {
    this.#zip.end();
    if (this.#failure) throw this.#failure;
    return this.file.close();
  }
}

/** Text gathered into chunks of about 64 KB before it goes to an archive entry (fewer, larger deflate calls). */
class Chunker {
  #parts: string[] = [];
  #length = 0;
  constructor(
    readonly archive: ArchiveSink,
    readonly entry: NativeDeflateEntry,
  ) {}
  async add(text: string): Promise<void> {
    this.#parts.push(text);
    this.#length += text.length;
    if (this.#length > 65_536) await this.flush();
  }
  async flush(final = false): Promise<void> {
    const text = this.#parts.join('');
    this.#parts = [];
    this.#length = 0;
    if (text !== '' || final) await this.archive.put(this.entry, Buffer.from(text), final);
  }
}

/**
 * Batches are bounded by bytes as well as by rows: a page of wide rows (commitments run to 5 KB each) grows the
 * embedded database's heap, which never shrinks, and the JavaScript heap with it. An entity's first batch is small;
 * the next ones hold about BATCH_BYTES of JSON, at most `batchSize` rows.
 */
const FIRST_BATCH = 100;
const BATCH_BYTES = 512 * 1024;
const nextBatch = (rows: number, jsonChars: number, batchSize: number): number =>
  Math.min(batchSize, Math.max(10, Math.floor((BATCH_BYTES * rows) / Math.max(jsonChars, 1))));

/** A row as the JSON document has it: every column in order. */
function jsonRow(entity: OpenDataEntity, row: OpenDataRow): string {
  const ordered: OpenDataRow = {};
  for (const c of entity.columns) ordered[c.key] = jsonValue(c, row[c.key] ?? null);
  return JSON.stringify(ordered);
}

/** A row's CSV cells: whole numbers as numbers, texts protected so that the import can undo the formula escaping. */
function csvCells(entity: OpenDataEntity, row: OpenDataRow): (string | number)[] {
  const cells: (string | number)[] = [];
  for (const c of entity.columns) {
    const value = row[c.key] ?? null;
    if (c.type === 'int' && typeof value === 'number') cells.push(value);
    else for (const text of cellTexts(c, value)) cells.push(protectApostrophes(text));
  }
  return cells;
}

/** Writes the scope's export into `dir` (created if need be) and answers its files. */
export async function buildExport(
  db: DbOrTx,
  entities: readonly OpenDataEntity[],
  scope: OpenDataScope,
  dir: string,
  options: ExportOptions,
): Promise<BuiltExport> {
  await mkdir(join(dir, 'csv'), { recursive: true });
  // The text files' DEFLATE streams, made as they are written, until the ZIP has copied them.
  const parts = await mkdtemp(join(dir, '.zip-parts-'));
  try {
    return await writeExport(db, entities, scope, dir, parts, options);
  } finally {
    await rm(parts, { recursive: true, force: true });
  }
}

async function writeExport(
  db: DbOrTx,
  entities: readonly OpenDataEntity[],
  scope: OpenDataScope,
  dir: string,
  parts: string,
  options: ExportOptions,
): Promise<BuiltExport> {
  const files: BuiltExport = new Map();
  const deflated = new Map<string, DeflatedFile>();
  let partNumber = 0;
  const textFile = (name: string) => new FileSink(join(dir, name), new DeflatedCopy(join(parts, `${++partNumber}.deflate`)));
  const finish = async (name: string, sink: FileSink) => {
    files.set(name, await sink.close());
    if (sink.copy) deflated.set(name, await sink.copy.close());
  };
  const batchSize = options.batchSize ?? ROW_BATCH;
  const total = options.onProgress ? (await Promise.all(entities.map((e) => e.count(db, scope)))).reduce((a, b) => a + b, 0) : 0;
  let done = 0;

  const json = textFile('data.json');
  await json.write(
    `{\n  "$schema": ${JSON.stringify(options.schemaUrl)},\n  "format": "${FORMAT_NAME}",\n  "formatVersion": ${FORMAT_VERSION},\n` +
      `  "scope": ${JSON.stringify({ plan: options.planSlug })},\n  "license": ${JSON.stringify({ name: options.license.name, url: options.license.url })}`,
  );
  const ods = new ArchiveSink(new FileSink(join(dir, 'data.ods')));
  await ods.put(ods.stored('mimetype'), strToU8(ODS_MIMETYPE), true);
  await ods.put(ods.deflated('META-INF/manifest.xml'), strToU8(ODS_MANIFEST), true);
  const content = new Chunker(ods, ods.deflated('content.xml', 4));
  await content.add(ODS_CONTENT_START);

  for (const entity of entities) {
    const csvName = `csv/${entity.name}.csv`;
    const csv = textFile(csvName);
    await csv.write(toCsv([headerRow(entity)]));
    await json.write(`,\n  ${JSON.stringify(entity.name)}: [`);
    await content.add(odsSheetStart(entity.name, headerRow(entity)));
    let afterId = 0;
    let first = true;
    let limit = Math.min(batchSize, FIRST_BATCH);
    for (;;) {
      const rows = await entity.read(db, scope, afterId, limit);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]!.id as number;
      const text = rows.map((row, i) => `${first && i === 0 ? '' : ','}\n    ${jsonRow(entity, row)}`).join('');
      await json.write(text);
      first = false;
      await csv.write(toCsv(rows.map((row) => csvCells(entity, row))));
      for (const row of rows) await content.add(odsRow(entity.columns, row));
      done += rows.length;
      options.onProgress?.(done, total);
      if (rows.length < limit) break;
      limit = nextBatch(rows.length, text.length, batchSize);
    }
    await json.write(first ? ']' : '\n  ]');
    await content.add(ODS_SHEET_END);
    await finish(csvName, csv);
  }
  await json.write('\n}\n');
  await finish('data.json', json);
  await content.add(ODS_CONTENT_END);
  await content.flush(true);
  files.set('data.ods', await ods.close());

  const small: [string, string][] = [
    ['README.md', readmeText(entities, options)],
    ['LICENSE.txt', licenseText(options.license, options.siteName)],
    ['schema.json', `${JSON.stringify(jsonSchemaOf(entities, options.schemaUrl), null, 2)}\n`],
  ];
  for (const [name, text] of small) {
    const sink = textFile(name);
    await sink.write(text);
    await finish(name, sink);
  }

  // The ZIP of all of it: the text files' DEFLATE streams copied, the ODS (already deflated) stored.
  const zip = new ArchiveSink(new FileSink(join(dir, 'data.zip')));
  for (const [name, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const copy = deflated.get(name);
    if (copy) {
      await zip.copyDeflated(name, copy);
      continue;
    }
    const entry = zip.stored(name);
    for await (const chunk of createReadStream(file.path)) await zip.put(entry, chunk as Buffer);
    await zip.put(entry, new Uint8Array(0), true);
  }
  files.set('data.zip', await zip.close());
  options.onProgress?.(total, total);
  return files;
}
