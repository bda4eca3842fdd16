/**
 * The open data export at Decidim's scale (issue #14): a generated site (bench/export-site.ts: 12,000 commitments and
 * milestones, 17,000 inputs) exported whole (JSON, CSV, ODS, README, LICENSE, schema and the ZIP of them) as
 * `cocreate export` does, in a process of its own, timed, with its peak resident memory (getrusage's maxrss). Targets:
 * under 10 s and under 250 MB. Decidim reports about 15 minutes and 1.5 GB for that volume.
 *
 * Per engine (PGlite in a fresh temporary data directory, unless BENCH_PGLITE=0; PostgreSQL when DATABASE_URL is set,
 * in a throwaway database): one child process migrates and generates the site; another (bench/export-child.mjs) opens
 * it and exports, from the compiled JavaScript and with the Node flags of `npm start`, as the server builds the
 * downloads of /data. On PGlite the database lives in the exporting process, so its memory counts.
 *
 * `npm run bench` runs this after the other benchmarks (BENCH_EXPORT=0 skips it); `node --import tsx bench/export.ts
 * [--write]` runs it alone. `--write` replaces the text between the bench:export markers in docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startNodeOptions } from './support.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const markerStart = '<!-- bench:export:start -->';
const markerEnd = '<!-- bench:export:end -->';
const TARGET_SECONDS = 10;
const TARGET_MB = 250;
const CHILD_TIMEOUT_MS = 10 * 60_000;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** What the exporting child (bench/export-child.mjs) prints as its last line. */
interface ExportFigures {
  seconds: number;
  peakMb: number;
  openedMb: number;
  rows: number;
  files: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// The generating child: migrates the database the environment names and fills it.

async function openDatabase(holder: string) {
  const { openAndMigrate } = await import('../src/bootstrap.js');
  const { loadConfig } = await import('../src/config.js');
  const config = loadConfig({ ...process.env, SESSION_SECRET: 'bench-export-'.padEnd(40, 'x'), COCREATE_DEMO: 'false' });
  return (await openAndMigrate(config, holder)).database;
}

async function generateChild(): Promise<void> {
  const { generateSite } = await import('./export-site.js');
  const { refreshPlannerStatistics } = await import('../src/db/planner-statistics.js');
  const database = await openDatabase('bench-export-generate');
  try {
    await generateSite(database.db);
    // As the server keeps them after writes: the exporting process finds the statistics current (PGlite).
    await refreshPlannerStatistics(database);
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The parent.

/** A child process: `generate` (this file, through tsx) or `export` (bench/export-child.mjs, compiled JavaScript). */
function runChild(args: string[], env: Record<string, string>): Promise<string> {
  const command =
    args[0] === 'export'
      ? [...startNodeOptions(repoRoot), path.join(repoRoot, 'bench', 'export-child.mjs'), ...args.slice(1)]
      : ['--import', 'tsx', fileURLToPath(import.meta.url), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`bench:export: ${args[0]} ended with ${signal ?? `exit code ${code}`}`));
    });
  });
}

interface EngineFigures extends ExportFigures {
  label: string;
  generateSeconds: number;
}

async function benchEngine(engine: 'pglite' | 'postgres', tempRoot: string): Promise<EngineFigures> {
  let env: Record<string, string>;
  let label: string;
  let drop: (() => Promise<void>) | undefined;
  if (engine === 'pglite') {
    env = { COCREATE_DATA_DIR: path.join(tempRoot, 'data'), DATABASE_URL: '' };
    label = 'PGlite (file data directory; the database in the exporting process)';
  } else {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const name = `cocreate_bench_export_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      label = `PostgreSQL ${(await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? ''} (throwaway database)`;
    } finally {
      await admin.end();
    }
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    };
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), COCREATE_DATA_DIR: path.join(tempRoot, 'unused') };
  }
  try {
    log(`bench:export: ${label}: generating the site …`);
    const generateStart = performance.now();
    await runChild(['generate'], env);
    const generateSeconds = (performance.now() - generateStart) / 1000;
    log(`bench:export: ${label}: exporting …`);
    const out = await runChild(['export', path.join(tempRoot, `out-${engine}`)], env);
    const figures = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ExportFigures;
    return { ...figures, label, generateSeconds };
  } finally {
    await drop?.();
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function report(results: EngineFigures[], minutes: number): string {
  const lines = [
    '| engine | rows exported | time | peak RSS | data.zip | data.json | data.ods |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${int(r.rows)} | ${r.seconds.toFixed(1)} s | ${int(r.peakMb)} MB | ${megabytes(r.files['data.zip'] ?? 0)} | ${megabytes(r.files['data.json'] ?? 0)} | ${megabytes(r.files['data.ods'] ?? 0)} |`,
    ),
    '',
    ...results.map(
      (r) =>
        `- ${r.label}: ${r.seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s): ${r.seconds < TARGET_SECONDS ? 'met' : 'NOT met'}; ` +
        `peak ${int(r.peakMb)} MB (target < ${TARGET_MB} MB): ${r.peakMb < TARGET_MB ? 'met' : 'NOT met'}; ` +
        `${int(r.openedMb)} MB before the export began (Node, the app's modules${r.label.startsWith('PGlite') ? ', the embedded database' : ''}); ` +
        `the site was generated in ${r.generateSeconds.toFixed(1)} s.`,
    ),
    '',
    `Run on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
      `load ${os.loadavg()[0]?.toFixed(2)} at the end; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${minutes.toFixed(1)} minutes.`,
  ];
  return lines.join('\n');
}

async function writeDocs(section: string): Promise<void> {
  const block = `${markerStart}\n${section}\n${markerEnd}`;
  let doc = await readFile(docsFile, 'utf8');
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start !== -1 && end > start) doc = `${doc.slice(0, start)}${block}${doc.slice(end + markerEnd.length)}`;
  else doc = `${doc.trimEnd()}\n\n## Open data export at Decidim's scale: latest results\n\n${block}\n`;
  await writeFile(docsFile, doc);
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/build.mjs ended with exit code ${code}`))));
  });
}

async function main(): Promise<void> {
  const began = Date.now();
  const engines = [...(process.env.BENCH_PGLITE !== '0' ? (['pglite'] as const) : []), ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  if (engines.length === 0) throw new Error('nothing to measure: BENCH_PGLITE=0 and no DATABASE_URL');
  log('bench:export: compiling src/ to dist/ (scripts/build.mjs), as npm start does …');
  await runBuild();
  const results: EngineFigures[] = [];
  for (const engine of engines) {
    const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'cocreate-bench-export-'));
    try {
      results.push(await benchEngine(engine, tempRoot));
    } finally {
      await rm(tempRoot, { recursive: true, force: true });
    }
  }
  const text = report(results, (Date.now() - began) / 60_000);
  process.stdout.write(`\n${text}\n`);
  if (process.argv.includes('--write')) await writeDocs(text);
}

const [mode] = process.argv.slice(2);
try {
  if (mode === 'generate') await generateChild();
  else await main();
} catch (error: unknown) {
  log(`bench:export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
