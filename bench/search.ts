/**
 * `node --import tsx bench/search.ts [--write]` (also the second half of `npm run bench`): speech search at scale.
 *
 * Generates a deterministic corpus of realistic Chinese meeting speeches (default 200,000, about 90 MB), loads it
 * into a fresh database the way a bulk import would (index terms computed per speech, the search indexes dropped
 * during the load and built afterwards), then starts the real server on that database and asks the HTTP search
 * endpoint `GET /api/v1/search/speeches?q=…&perPage=20` 240 queries of 2–4 characters, one at a time. The same
 * queries are answered by `rg -c -F` scanning the same text (one speech per line) as the reference, in the same run,
 * and every count is checked against rg's.
 *
 * Engines: PGlite (a fresh temporary folder) always, unless BENCH_PGLITE=0; PostgreSQL as well when DATABASE_URL is
 * set: a throwaway database is created on that server and dropped at the end.
 *
 * Environment: BENCH_SPEECHES (corpus size, default 200000), BENCH_SEARCH_TIMEOUT_MINUTES (the whole run stops
 * itself after this long, default 45), RG (path to ripgrep, default `rg` on PATH), DATABASE_URL, BENCH_PGLITE.
 * `--write` replaces the text between the bench:search markers in docs/benchmarks.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import http from 'node:http';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection.js';
import { migrate } from '../src/db/migrator.js';
import { COUNT_CAP, searchSpeeches } from '../src/modules/transcripts/index.js';
import { rebuildSearchIndex } from '../src/modules/transcripts/index.js';
import { makeCorpus, makeQueries, type Corpus } from './search-corpus.js';
import { freePort, isRunning, sleep, waitForExit } from './support.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const markerStart = '<!-- bench:search:start -->';
const markerEnd = '<!-- bench:search:end -->';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const speechCount = positiveInteger('BENCH_SPEECHES', 200_000);
const timeoutMinutes = positiveInteger('BENCH_SEARCH_TIMEOUT_MINUTES', 45);
const write = process.argv.includes('--write');
const postgresUrl = process.env.DATABASE_URL || undefined;
const runPglite = process.env.BENCH_PGLITE !== '0';
const PER_PAGE = 20;
const WARMUP_ROUNDS = 10;
const P95_TARGET_MS = 20;
const RATIO_TARGET = 3;
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// What we start, so cleanup can stop it on success, error, timeout or a signal.

interface Started {
  tempRoot: string | undefined;
  server: ChildProcess | undefined;
  databases: Database[];
  /** Throwaway PostgreSQL databases: [admin URL, name]. */
  pgDatabases: { adminUrl: string; name: string }[];
}
const started: Started = { tempRoot: undefined, server: undefined, databases: [], pgDatabases: [] };
let stopping = false;

async function stopServer(): Promise<void> {
  keepAlive.destroy();
  const child = started.server;
  started.server = undefined;
  if (!isRunning(child)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, 8000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 2000);
}

async function dropPgDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

let cleanedUp = false;
async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  stopping = true;
  await stopServer();
  for (const database of started.databases.splice(0)) await database.close().catch(() => undefined);
  for (const { adminUrl, name } of started.pgDatabases.splice(0)) {
    await dropPgDatabase(adminUrl, name).catch((error: unknown) => log(`bench:search: could not drop database ${name}: ${String(error)}`));
  }
  if (started.tempRoot) await rm(started.tempRoot, { recursive: true, force: true });
}

process.on('exit', () => {
  if (isRunning(started.server)) started.server.kill('SIGKILL');
  if (started.tempRoot) rmSync(started.tempRoot, { recursive: true, force: true });
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    log(`\nbench:search: ${signal} received, stopping what was started…`);
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

function ensureNotStopping(): void {
  if (stopping) throw new Error('stopping');
}

// ---------------------------------------------------------------------------------------------
// Loading.

interface LoadFigures {
  engine: string;
  importSeconds: number;
  indexSeconds: number;
  postingsSeconds: number;
  analyzeSeconds: number;
  databaseBytes: number;
  dataDirBytes: number | undefined;
  postingsBytes: number;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await dirSize(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

const BATCH = 2000;

async function load(database: Database, corpus: Corpus, engine: string): Promise<LoadFigures> {
  const { db } = database;
  await migrate(database);
  // As a bulk import would: drop the speech indexes, load, then build them once.
  await sql`DROP INDEX IF EXISTS speeches_speaker_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS speeches_transcript_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS speeches_public_order_idx`.execute(db);

  const importStart = performance.now();
  for (let i = 0; i < corpus.names.length; i++) {
    const name = corpus.names[i] ?? '';
    await sql`INSERT INTO speakers (id, slug, name, affiliation, colour) VALUES (${i + 1}, ${`speaker-${i + 1}`}, ${name}, ${JSON.stringify({ 'zh-TW': '民間委員' })}::jsonb, '#336699')`.execute(
      db,
    );
  }
  const transcriptRows = corpus.transcripts;
  for (let i = 0; i < transcriptRows.length; i += 500) {
    const chunk = transcriptRows.slice(i, i + 500);
    await sql`INSERT INTO transcripts (id, slug, title, held_on, language, publish_at, counted_with_calendar, published_at, embargo_working_days)
      SELECT id, slug, title, held_on, 'zh-TW', held_on + interval '14 days', true, held_on + interval '14 days', 10
      FROM unnest(${chunk.map((_, k) => i + k + 1)}::int[], ${chunk.map((t) => t.slug)}::text[], ${chunk.map((t) => t.title)}::text[], ${chunk.map((t) => t.heldOn)}::date[])
        AS x(id, slug, title, held_on)`.execute(db);
  }
  for (let i = 0; i < corpus.speeches.length; i += BATCH) {
    ensureNotStopping();
    const chunk = corpus.speeches.slice(i, i + BATCH);
    await sql`INSERT INTO speeches (transcript_id, held_on, position, speaker_id, kind, body, is_public)
      SELECT transcript_id, held_on, position, speaker_id, 'speech', body, true
      FROM unnest(${chunk.map((s) => s.transcript)}::int[], ${chunk.map((s) => corpus.transcripts[s.transcript - 1]?.heldOn ?? '2021-01-01')}::date[],
        ${chunk.map((s) => s.position)}::int[], ${chunk.map((s) => s.speaker)}::int[],
        ${chunk.map((s) => s.body)}::text[]) AS x(transcript_id, held_on, position, speaker_id, body)`.execute(db);
    if ((i / BATCH) % 20 === 19) log(`bench:search: ${engine}: ${(i + chunk.length).toLocaleString('en-US')} speeches loaded …`);
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  await sql`SELECT setval(pg_get_serial_sequence('speakers', 'id'), (SELECT max(id) FROM speakers))`.execute(db);
  await sql`SELECT setval(pg_get_serial_sequence('transcripts', 'id'), (SELECT max(id) FROM transcripts))`.execute(db);

  log(`bench:search: ${engine}: building indexes …`);
  const indexStart = performance.now();
  await sql`CREATE INDEX speeches_transcript_idx ON speeches (transcript_id, position)`.execute(db);
  await sql`CREATE INDEX speeches_speaker_idx ON speeches (speaker_id, id) WHERE is_public`.execute(db);
  await sql`CREATE INDEX speeches_public_order_idx ON speeches (held_on DESC, transcript_id DESC, position) WHERE is_public`.execute(db);
  // The search index proper: every speech tokenized in JS and its terms' posting lists written in blocks.
  const postingsStart = performance.now();
  await rebuildSearchIndex(db);
  const postingsSeconds = (performance.now() - postingsStart) / 1000;
  const indexSeconds = (performance.now() - indexStart) / 1000;

  const analyzeStart = performance.now();
  await sql`VACUUM ANALYZE`.execute(db);
  const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
  const size = await sql<{ n: number }>`SELECT pg_database_size(current_database())::bigint AS n`.execute(db);
  const postingsSize = await sql<{ n: number }>`SELECT pg_total_relation_size('speech_postings')::bigint AS n`.execute(db);
  return {
    engine,
    importSeconds,
    indexSeconds,
    postingsSeconds,
    analyzeSeconds,
    databaseBytes: Number(size.rows[0]?.n ?? 0),
    dataDirBytes: undefined,
    postingsBytes: Number(postingsSize.rows[0]?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
}
function summarize(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

async function startServer(env: Record<string, string>): Promise<string> {
  ensureNotStopping();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', COCREATE_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.server = child;
  let output = '';
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    ensureNotStopping();
    if (spawnError || !isRunning(child))
      throw new Error(`the server exited before it was ready (${spawnError?.message ?? `code ${String(child.exitCode)}`}):\n${output}`);
    try {
      const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server was not ready within 120 s:\n${output}`);
}

interface HttpAnswer {
  ms: number;
  count: number;
  capped: boolean;
  items: number;
}

interface SearchBody {
  items: unknown[];
  count: number;
  countCapped: boolean;
}
function isSearchBody(value: unknown): value is SearchBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.items) && typeof v.count === 'number' && typeof v.countCapped === 'boolean';
}

/**
 * One kept-alive connection, as a browser or a script reuses one: Node's fetch (undici) adds about a millisecond per
 * request at p50 and several at p95 on this 2-core machine, which would measure the client rather than the server.
 */
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function httpGet(url: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: keepAlive, timeout: 30_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}

async function ask(base: string, q: string): Promise<HttpAnswer> {
  ensureNotStopping();
  const url = `${base}/api/v1/search/speeches?q=${encodeURIComponent(q)}&perPage=${PER_PAGE}`;
  const start = performance.now();
  const { status, text } = await httpGet(url);
  const ms = performance.now() - start;
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${text.slice(0, 300)}`);
  const body: unknown = JSON.parse(text);
  if (!isSearchBody(body)) throw new Error(`GET ${url}: unexpected body ${text.slice(0, 300)}`);
  return { ms, count: body.count, capped: body.countCapped, items: body.items.length };
}

interface EngineResult {
  load: LoadFigures;
  inProcess: Latency;
  http: Latency;
  httpAgain: Latency;
  answers: HttpAnswer[];
  mismatches: string[];
}

function checkCounts(queries: string[], answers: HttpAnswer[], rgCounts: number[] | undefined): string[] {
  const problems: string[] = [];
  queries.forEach((q, i) => {
    const a = answers[i];
    if (!a) return;
    if (a.items !== Math.min(PER_PAGE, a.count)) problems.push(`${q}: ${a.items} items for a count of ${a.count}`);
    const expected = rgCounts?.[i];
    if (expected === undefined) return;
    const ok = expected > COUNT_CAP ? a.capped && a.count === COUNT_CAP : !a.capped && a.count === expected;
    if (!ok) problems.push(`${q}: ours ${a.count}${a.capped ? '+' : ''}, rg ${expected}`);
  });
  return problems;
}

async function benchEngine(
  engine: 'pglite' | 'postgres',
  corpus: Corpus,
  queries: { warmup: string[]; measured: string[] },
  tempRoot: string,
  rgCounts: number[] | undefined,
): Promise<EngineResult> {
  let database: Database;
  let serverEnv: Record<string, string>;
  let dataDir: string | undefined;
  let label: string;
  if (engine === 'pglite') {
    const root = path.join(tempRoot, 'data');
    dataDir = path.join(root, 'pglite'); // where the server looks for it (src/bootstrap.ts)
    await mkdir(root, { recursive: true });
    database = await openDatabase({ engine: 'pglite', dataDir });
    serverEnv = { COCREATE_DATA_DIR: root, DATABASE_URL: '' };
    label = 'PGlite';
  } else {
    if (!postgresUrl) throw new Error('DATABASE_URL is not set');
    const name = `cocreate_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 5000 });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    started.pgDatabases.push({ adminUrl: postgresUrl, name });
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 2 });
    serverEnv = { DATABASE_URL: url.toString(), COCREATE_DATA_DIR: path.join(tempRoot, 'unused') };
    const version = await sql<{ v: string }>`SHOW server_version`.execute(database.db);
    label = `PostgreSQL ${version.rows[0]?.v ?? ''}`.trim();
  }
  started.databases.push(database);
  log(`bench:search: ${label}: loading ${corpus.speeches.length.toLocaleString('en-US')} speeches …`);
  const figures = await load(database, corpus, label);

  // The query alone, in this process (no HTTP, no JSON): shows how much of the latency is the database's.
  for (const q of queries.warmup) await searchSpeeches(database.db, { q, limit: PER_PAGE, offset: 0 });
  const direct: number[] = [];
  for (const q of queries.measured) {
    ensureNotStopping();
    const start = performance.now();
    await searchSpeeches(database.db, { q, limit: PER_PAGE, offset: 0 });
    direct.push(performance.now() - start);
  }
  await database.close();
  started.databases = started.databases.filter((d) => d !== database);
  if (dataDir !== undefined) figures.dataDirBytes = await dirSize(dataDir);

  log(`bench:search: ${label}: starting the server …`);
  const base = await startServer(serverEnv);
  // A fresh server process runs PGlite's WebAssembly cold: V8 optimizes its hot functions only after they have run
  // for a while, as on any long-running server. The warm-up queries are sent WARMUP_ROUNDS times (never measured).
  for (let round = 0; round < WARMUP_ROUNDS; round++) for (const q of queries.warmup) await ask(base, q);
  const answers: HttpAnswer[] = [];
  for (const q of queries.measured) answers.push(await ask(base, q));
  // The same queries once more: what a server that has been running a while answers (its blocks in shared buffers,
  // its code optimized). Reported beside the first pass; the targets are judged on the first.
  const again: number[] = [];
  for (const q of queries.measured) again.push((await ask(base, q)).ms);
  await stopServer();
  if (engine === 'postgres') {
    const last = started.pgDatabases.pop();
    if (last) await dropPgDatabase(last.adminUrl, last.name);
  }
  return {
    load: figures,
    inProcess: summarize(direct),
    http: summarize(answers.map((a) => a.ms)),
    httpAgain: summarize(again),
    answers,
    mismatches: checkCounts(queries.measured, answers, rgCounts),
  };
}

// ---------------------------------------------------------------------------------------------
// The reference: ripgrep over the same text, one speech per line.

function findRg(): string | undefined {
  const candidate = process.env.RG || 'rg';
  const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 5000 });
  return probe.status === 0 ? candidate : undefined;
}

function rgCount(rg: string, term: string, file: string): { ms: number; count: number } {
  const start = performance.now();
  const result = spawnSync(rg, ['--no-config', '-c', '-F', '--', term, file], { encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - start;
  if (result.status === 1) return { ms, count: 0 };
  if (result.status !== 0) throw new Error(`rg failed for ${term}: ${result.stderr || result.error?.message || `status ${String(result.status)}`}`);
  return { ms, count: Number(result.stdout.trim()) };
}

// ---------------------------------------------------------------------------------------------
// Output.

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');
const fmtS = (n: number) => `${n.toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function writeDocs(section: string): Promise<void> {
  const block = `${markerStart}\n${section}\n${markerEnd}`;
  let doc = await readFile(docsFile, 'utf8');
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start !== -1 && end > start) doc = `${doc.slice(0, start)}${block}${doc.slice(end + markerEnd.length)}`;
  else doc = `${doc.trimEnd()}\n\n## Search at scale: latest results\n\n${block}\n`;
  await writeFile(docsFile, doc);
}

async function main(): Promise<void> {
  const runStart = performance.now();
  const loadBefore = os.loadavg()[0];
  const engines: ('pglite' | 'postgres')[] = [...(runPglite ? (['pglite'] as const) : []), ...(postgresUrl ? (['postgres'] as const) : [])];
  if (engines.length === 0) throw new Error('nothing to measure: BENCH_PGLITE=0 and no DATABASE_URL');

  log(`bench:search: generating ${speechCount.toLocaleString('en-US')} speeches …`);
  const genStart = performance.now();
  const corpus = makeCorpus(speechCount);
  const queries = makeQueries(corpus);
  const genSeconds = (performance.now() - genStart) / 1000;
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'cocreate-bench-search-'));
  started.tempRoot = tempRoot;
  const corpusFile = path.join(tempRoot, 'corpus.txt');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(corpusFile);
    out.on('error', reject);
    out.on('finish', resolve);
    for (const s of corpus.speeches) out.write(`${s.body}\n`);
    out.end();
  });
  log(
    `bench:search: ${corpus.speeches.length.toLocaleString('en-US')} speeches, ${mb(corpus.bytes)}, ${corpus.transcripts.length} transcripts, ${corpus.names.length} speakers (${genSeconds.toFixed(1)} s)`,
  );

  // Reference first: its counts are what every engine's answers are checked against.
  let rg = findRg();
  if (!rg && process.getuid?.() === 0) {
    log('bench:search: rg not found; trying apt-get install -y ripgrep …');
    spawnSync('apt-get', ['install', '-y', 'ripgrep'], { stdio: 'ignore', timeout: 180_000 });
    rg = findRg();
  }
  let rgLatency: Latency | undefined;
  let rgCounts: number[] | undefined;
  let rgVersion = '';
  if (rg) {
    rgVersion = spawnSync(rg, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
    for (const q of queries.warmup) rgCount(rg, q, corpusFile); // and the file is in the page cache
    const times: number[] = [];
    rgCounts = [];
    for (const q of queries.measured) {
      ensureNotStopping();
      const r = rgCount(rg, q, corpusFile);
      times.push(r.ms);
      rgCounts.push(r.count);
    }
    rgLatency = summarize(times);
    log(`bench:search: ${rgVersion}: p50 ${fmtMs(rgLatency.p50)} ms, p95 ${fmtMs(rgLatency.p95)} ms`);
  } else {
    log('bench:search: ripgrep (rg) not found: the reference is skipped (Debian: apt-get install -y ripgrep)');
  }

  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await benchEngine(engine, corpus, queries, tempRoot, rgCounts));

  // Report.
  const counts = results[0]?.answers ?? [];
  const capped = counts.filter((a) => a.capped).length;
  const none = counts.filter((a) => a.count === 0).length;
  const meanCount = counts.reduce((sum, a) => sum + a.count, 0) / Math.max(1, counts.length);
  const lengths = [2, 3, 4].map((n) => `${queries.measured.filter((q) => [...q].length === n).length}×${n}`).join(', ');
  const table: string[] = [
    '| engine | import | index build (postings) | database size | search p50 ms | search p95 ms | second pass p50 / p95 ms | query alone p50 / p95 ms | rg p50 / p95 ms | rg p95 ÷ ours p95 | p95 ≤ 20 ms | ≥ 3× rg | counts = rg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|',
  ];
  for (const r of results) {
    const l = r.load;
    const ratio = rgLatency ? rgLatency.p95 / r.http.p95 : Number.NaN;
    const size = l.dataDirBytes === undefined ? mb(l.databaseBytes) : `${mb(l.databaseBytes)} (folder ${mb(l.dataDirBytes)})`;
    table.push(
      `| ${l.engine} | ${int(corpus.speeches.length / l.importSeconds)} speeches/s, ${(corpus.bytes / 1e6 / l.importSeconds).toFixed(1)} MB/s (${fmtS(l.importSeconds)}) | ${fmtS(l.indexSeconds)} (${fmtS(l.postingsSeconds)}; ${mb(l.postingsBytes)}) | ${size} | ${fmtMs(r.http.p50)} | ${fmtMs(r.http.p95)} | ${fmtMs(r.httpAgain.p50)} / ${fmtMs(r.httpAgain.p95)} | ${fmtMs(r.inProcess.p50)} / ${fmtMs(r.inProcess.p95)} | ${rgLatency ? `${fmtMs(rgLatency.p50)} / ${fmtMs(rgLatency.p95)}` : 'skipped'} | ${Number.isFinite(ratio) ? ratio.toFixed(1) : '–'} | ${r.http.p95 <= P95_TARGET_MS ? 'met' : '**not met**'} | ${!rgLatency ? '–' : ratio >= RATIO_TARGET ? 'met' : '**not met**'} | ${rgCounts ? (r.mismatches.length === 0 ? `yes (${queries.measured.length}/${queries.measured.length})` : `**${r.mismatches.length} differ**`) : '–'} |`,
    );
  }
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const minutes = (performance.now() - runStart) / 60_000;
  const notes = [
    `- Corpus: ${int(corpus.speeches.length)} generated speeches (${mb(corpus.bytes)} of UTF-8 text, ${int(corpus.bytes / corpus.speeches.length)} bytes each on average), ${int(corpus.transcripts.length)} published transcripts, ${corpus.names.length} speakers; deterministic (seeded), so every run searches the same text.`,
    `- Queries: ${queries.measured.length} (${lengths} characters; names, vocabulary, agency names, local place names (the rare tail), ${queries.measured.filter((q) => /^[A-Z]+$/.test(q)).length} Latin acronyms, random pieces of speeches), each \`GET /api/v1/search/speeches?q=…&perPage=${PER_PAGE}\` one at a time after ${queries.warmup.length} warm-up queries sent ${WARMUP_ROUNDS} times each (a fresh server's WebAssembly is still cold); top ${PER_PAGE} and the count (exact up to ${int(COUNT_CAP)}): ${capped} capped at ${int(COUNT_CAP)}, ${none} with no result, ${int(meanCount)} on average.`,
    `- Import: speakers, transcripts and speeches inserted in batches of ${int(BATCH)} with the speech indexes dropped; then the B-tree indexes are built, the search index is rebuilt from the speeches (\`rebuildSearchIndex\`: every body tokenized in JS, posting lists written in blocks; its time and total size, table and primary key, in brackets), and \`VACUUM ANALYZE\` runs (${results.map((r) => `${fmtS(r.load.analyzeSeconds)} on ${r.load.engine}`).join(', ')}).`,
    `- "second pass": the same ${queries.measured.length} queries sent again to the same server right after the first pass, as a server that has run a while answers them (posting blocks in shared buffers, code optimized); the targets are judged on the first pass.`,
    `- "query alone": \`searchSpeeches\` called in the benchmark process on the same database before the server starts (no HTTP, no JSON), to show how much of the latency is the database's.`,
    `- Reference: ${rgLatency ? `${rgVersion}, \`rg --no-config -c -F -- TERM corpus.txt\` over the same text (one speech per line, in the page cache), one process per query, wall time including its start-up` : 'skipped (ripgrep not installed)'}. Every count of ours is checked against rg's: equal below ${int(COUNT_CAP)}, capped above it.`,
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; run time ${minutes.toFixed(1)} min.`,
    `- Machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()}); Node ${process.version}; 1-minute load average ${(loadBefore ?? 0).toFixed(2)} before the run, ${(os.loadavg()[0] ?? 0).toFixed(2)} at its end.`,
  ];
  // Where the time goes: latency by how many speeches match, and the slowest queries.
  const byCount = (r: EngineResult): string =>
    (
      [
        ['under 100 matches', (n: number, c: boolean) => !c && n < 100],
        ['100–1,000', (n: number, c: boolean) => !c && n >= 100],
        ['over 1,000 (capped)', (_n: number, c: boolean) => c],
      ] as const
    )
      .map(([name, test]) => {
        const ms = r.answers.filter((a) => test(a.count, a.capped)).map((a) => a.ms);
        const l = summarize(ms);
        return `${name} ${ms.length} queries, p50 ${fmtMs(l.p50)} / p95 ${fmtMs(l.p95)} ms`;
      })
      .join('; ');
  const slowest = (r: EngineResult): string =>
    r.answers
      .map((a, i) => ({ a, q: queries.measured[i] ?? '' }))
      .sort((x, y) => y.a.ms - x.a.ms)
      .slice(0, 5)
      .map(({ a, q }) => `${q} ${fmtMs(a.ms)} ms (${a.capped ? `${int(COUNT_CAP)}+` : int(a.count)})`)
      .join(', ');
  const verdicts: string[] = [];
  for (const r of results) {
    const ratio = rgLatency ? rgLatency.p95 / r.http.p95 : Number.NaN;
    verdicts.push(
      `- ${r.load.engine}: p95 ${fmtMs(r.http.p95)} ms (target ≤ ${P95_TARGET_MS} ms: ${r.http.p95 <= P95_TARGET_MS ? 'met' : 'not met'})${rgLatency ? `; ${ratio.toFixed(1)}× faster than rg at p95 (target ≥ ${RATIO_TARGET}×: ${ratio >= RATIO_TARGET ? 'met' : 'not met'})` : ''}; by count: ${byCount(r)}; slowest: ${slowest(r)}.${r.mismatches.length > 0 ? ` Counts that differ from rg: ${r.mismatches.slice(0, 10).join('; ')}.` : ''}`,
    );
  }
  const section = [table.join('\n'), '', ...verdicts, '', ...notes].join('\n');
  process.stdout.write(`\n${section}\n\n`);
  if (write) {
    await writeDocs(section);
    log(`bench:search: wrote ${path.relative(repoRoot, docsFile)}`);
  }
  if (results.some((r) => r.mismatches.length > 0)) {
    for (const r of results) for (const m of r.mismatches) log(`bench:search: ${r.load.engine}: count differs: ${m}`);
    process.exitCode = 1;
  }
}

async function run(): Promise<void> {
  const deadline = setTimeout(() => {
    log(`bench:search: still running after ${timeoutMinutes} min (BENCH_SEARCH_TIMEOUT_MINUTES): stopping`);
    void cleanup().finally(() => process.exit(1));
  }, timeoutMinutes * 60_000);
  deadline.unref();
  try {
    await main();
    await cleanup();
  } catch (error: unknown) {
    if (interrupted || stopping) return;
    log(`bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup();
    process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
  }
}

await run();
