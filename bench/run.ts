/**
 * `npm run bench [-- --write]`: load-tests the real server with autocannon and, in the same run,
 * a throwaway nginx serving saved copies of the very same responses, then prints absolute figures
 * and ratios (ours / nginx). Ratios are what we compare across runs: both sides share the machine,
 * so a noisy or slow machine moves both. `--write` rewrites "Latest results" in docs/benchmarks.md.
 *
 * Afterwards, unless BENCH_SEARCH=0, it runs the search benchmark (bench/search.ts, same `--write`) as a child process.
 *
 * Environment: BENCH_SECONDS (measured seconds per target, default 8), BENCH_WARMUP_SECONDS
 * (default 2), BENCH_CONNECTIONS (default 10), DATABASE_URL (passed through: the server then uses
 * PostgreSQL instead of a fresh PGlite folder), NGINX (path to the nginx binary, or `none` to skip
 * the reference).
 *
 * Before anything is measured, every target is requested twice with its own headers and must answer
 * 200; a target that names an `X-Page-Cache` outcome must show it on the second request (`hit` for the
 * cached page, `bypass` for the same page asked with `Cache-Control: no-cache`). Otherwise the run fails:
 * a benchmark of the wrong thing is worse than none.
 */
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, isRunning, sleep, waitForExit } from './support.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const resultsStart = '<!-- bench:results:start -->';
const resultsEnd = '<!-- bench:results:end -->';

interface Target {
  name: string;
  path: string;
  /** The saved copy nginx serves; targets with the same path share one file (saved once). */
  file: string;
  /** Request headers sent on every request of this target, to our server and to nginx alike. */
  headers?: Record<string, string>;
  /** The `X-Page-Cache` value the second of two identical requests must carry, checked before measuring. */
  expectCache?: 'hit' | 'bypass';
}

const progressPath = '/plans/tw-2021-2024/progress';

const targets: Target[] = [
  // Pages twice: rendered afresh (as for a signed-in visitor, or the first visitor after a change), then as the
  // in-process page cache serves anonymous visitors while the data is unchanged.
  { name: 'plan page (zh-TW), uncached', path: '/plans/tw-2021-2024', file: 'plan.html', headers: { 'cache-control': 'no-cache' }, expectCache: 'bypass' },
  { name: 'plan page (zh-TW), cached', path: '/plans/tw-2021-2024', file: 'plan.html', expectCache: 'hit' },
  { name: 'commitment page, uncached', path: '/plans/tw-2021-2024/commitments/1-1', file: 'commitment.html', headers: { 'cache-control': 'no-cache' }, expectCache: 'bypass' },
  { name: 'commitment page, cached', path: '/plans/tw-2021-2024/commitments/1-1', file: 'commitment.html', expectCache: 'hit' },
  { name: 'plan API (JSON)', path: '/api/v1/plans/1', file: 'plan.json' },
  { name: 'progress page, uncached', path: progressPath, file: 'progress.html', headers: { 'cache-control': 'no-cache' }, expectCache: 'bypass' },
  { name: 'progress page, cached', path: progressPath, file: 'progress.html', expectCache: 'hit' },
];

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

interface Row {
  target: Target;
  ours: Measurement;
  nginx: Measurement | undefined;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const seconds = positiveNumber('BENCH_SECONDS', 8);
const warmupSeconds = positiveNumber('BENCH_WARMUP_SECONDS', 2);
const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
const write = process.argv.includes('--write');
const engine = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (fresh temporary folder)';

// ---------------------------------------------------------------------------------------------
// Everything we start is recorded here, so that cleanup can stop it on success, error or Ctrl-C.

interface Started {
  tempRoot: string | undefined;
  server: ChildProcess | undefined;
  nginx: ChildProcess | undefined;
  nginxBinary: string | undefined;
  nginxConf: string | undefined;
  nginxPrefix: string | undefined;
  cannon: autocannon.Instance | undefined;
  /** bench/search.ts, run after the HTTP benchmark; it stops what it starts itself when signalled. */
  search: ChildProcess | undefined;
}

const started: Started = {
  tempRoot: undefined,
  server: undefined,
  nginx: undefined,
  nginxBinary: undefined,
  nginxConf: undefined,
  nginxPrefix: undefined,
  cannon: undefined,
  search: undefined,
};



async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (child === undefined || !isRunning(child)) return;
  child.kill(signal);
  if (await waitForExit(child, 5000)) return;
  child.kill('SIGKILL');
  await waitForExit(child, 2000);
}

let cleanedUp = false;
let interrupted = false;
async function cleanup(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  started.cannon?.stop();
  const nginx = started.nginx;
  if (nginx !== undefined && isRunning(nginx)) {
    // Graceful quit through the binary first (as an operator would), then signals by pid.
    if (started.nginxBinary && started.nginxConf && started.nginxPrefix) {
      spawnSync(started.nginxBinary, ['-p', started.nginxPrefix, '-c', started.nginxConf, '-e', path.join(started.nginxPrefix, 'error.log'), '-s', 'quit'], {
        stdio: 'ignore',
        timeout: 5000,
      });
    }
    if (!(await waitForExit(nginx, 3000))) await stopChild(nginx, 'SIGTERM');
  }
  await stopChild(started.server, 'SIGTERM');
  if (started.tempRoot) await rm(started.tempRoot, { recursive: true, force: true });
}

/** Last resort if the process exits without going through cleanup(): synchronous kills and removal. */
process.on('exit', () => {
  for (const child of [started.nginx, started.server, started.search]) {
    if (child !== undefined && isRunning(child)) child.kill('SIGKILL');
  }
  if (started.tempRoot) rmSync(started.tempRoot, { recursive: true, force: true });
});

/** Called before starting anything: once cleanup has begun (Ctrl-C), nothing new may start. */
function ensureNotStopping(): void {
  if (cleanedUp) throw new Error('interrupted');
}

/** Spawns a child that cleanup() will stop; spawn failures surface through `failure()` instead of crashing. */
function spawnTracked(command: string, args: string[], options: Parameters<typeof spawn>[2]): { child: ChildProcess; failure: () => Error | undefined } {
  ensureNotStopping();
  const child = spawn(command, args, options);
  let error: Error | undefined;
  child.on('error', (e) => {
    error = e;
  });
  return { child, failure: () => error };
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    process.stderr.write(`\nbench: ${signal} received, stopping what was started…\n`);
    // The search benchmark gets time to stop its own server and drop its database before it is killed.
    const search = started.search;
    let stopSearch: Promise<void> = Promise.resolve();
    if (search !== undefined && isRunning(search)) {
      search.kill('SIGTERM');
      stopSearch = waitForExit(search, 20_000).then(() => stopChild(search, 'SIGKILL'));
    }
    void Promise.all([cleanup(), stopSearch]).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

// ---------------------------------------------------------------------------------------------



/** Keeps the last few kilobytes of a child's output, for error messages. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    ensureNotStopping();
    if (!isRunning(child)) throw new Error(`${what} exited before it was ready (code ${String((child as ChildProcess).exitCode)}):\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s:\n${output()}`);
}

async function startServer(dataDir: string): Promise<string> {
  const port = await freePort();
  const { child, failure } = spawnTracked(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', COCREATE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.server = child;
  const captured = tail(child);
  const output = () => `${failure()?.message ?? ''}\n${captured()}`.trim();
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`, child, output, 'the server', 60_000);
  return base;
}

function findNginx(): string | undefined {
  if (process.env.NGINX === 'none') return undefined;
  const candidates = [process.env.NGINX, '/usr/sbin/nginx', ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'nginx'))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function nginxVersion(binary: string): string {
  const result = spawnSync(binary, ['-v'], { encoding: 'utf8' });
  return `${result.stderr}${result.stdout}`.trim().replace(/^nginx version:\s*/, '');
}

interface Saved {
  path: string;
  file: string;
  contentType: string;
}

async function startNginx(binary: string, prefix: string, www: string, saved: Saved[]): Promise<string> {
  const port = await freePort();
  const locations = saved
    .map(
      ({ path: urlPath, file, contentType }) => `    location = ${urlPath} {
      default_type "${contentType.replace(/"/g, '')}";
      alias ${path.join(www, file)};
    }`,
    )
    .join('\n');
  const conf = `# Throwaway reference server written by bench/run.ts; removed after the run.
daemon off;
master_process on;
worker_processes 1;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  types { }
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  server_tokens off;
  client_body_temp_path ${path.join(prefix, 'client_body')};
  proxy_temp_path ${path.join(prefix, 'proxy')};
  fastcgi_temp_path ${path.join(prefix, 'fastcgi')};
  uwsgi_temp_path ${path.join(prefix, 'uwsgi')};
  scgi_temp_path ${path.join(prefix, 'scgi')};
  server {
    listen 127.0.0.1:${port};
${locations}
    location / { return 404; }
  }
}
`;
  const confFile = path.join(prefix, 'nginx.conf');
  await writeFile(confFile, conf);
  const errorLog = path.join(prefix, 'error.log');
  const check = spawnSync(binary, ['-t', '-q', '-p', prefix, '-c', confFile, '-e', errorLog], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejected the generated configuration:\n${check.stderr}${check.stdout}`);
  const { child, failure } = spawnTracked(binary, ['-p', prefix, '-c', confFile, '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.nginx = child;
  started.nginxBinary = binary;
  started.nginxConf = confFile;
  started.nginxPrefix = prefix;
  const output = tail(child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}${saved[0]?.path ?? '/'}`, child, () => `${failure()?.message ?? ''}\n${output()}\n${safeRead(errorLog)}`, 'nginx', 10_000);
  return base;
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------

interface Fetched {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One GET with exactly the given headers (plus Host), like autocannon's requests: no Accept-Encoding,
 * so the body is what the load test receives, uncompressed. Bounded by a timeout.
 */
function get(url: string, headers: Record<string, string> = {}, timeoutMs = 15_000): Promise<Fetched> {
  ensureNotStopping();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} took longer than ${timeoutMs / 1000} s`)));
    req.on('error', reject);
    req.end();
  });
}

function describeHeaders(headers: Record<string, string> | undefined): string {
  const entries = Object.entries(headers ?? {});
  return entries.length === 0 ? 'no extra headers' : entries.map(([k, v]) => `${k}: ${v}`).join(', ');
}

/**
 * Requests a target twice with its headers. Both must answer 200, and the second must carry the
 * expected X-Page-Cache value if the target names one. Returns the second response.
 */
async function checkTarget(base: string, target: Target): Promise<Fetched> {
  const url = `${base}${target.path}`;
  const first = await get(url, target.headers);
  const second = await get(url, target.headers);
  for (const [which, response] of [['first', first], ['second', second]] as const) {
    if (response.status !== 200) {
      throw new Error(`${target.name}: the ${which} GET ${target.path} (${describeHeaders(target.headers)}) answered ${response.status}, expected 200 (is the demo data loaded?)`);
    }
  }
  if (target.expectCache !== undefined) {
    const seen = second.headers['x-page-cache'];
    if (seen !== target.expectCache) {
      throw new Error(
        `${target.name}: the second GET ${target.path} (${describeHeaders(target.headers)}) has X-Page-Cache ${seen === undefined ? '(missing)' : `"${String(seen)}"`}, expected "${target.expectCache}"; refusing to benchmark the wrong thing`,
      );
    }
  }
  return second;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function runCannon(
  url: string,
  headers: Record<string, string> | undefined,
  durationSeconds: number,
  onResponse?: (statusCode: number, ms: number) => void,
): Promise<autocannon.Result> {
  ensureNotStopping();
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections, duration: durationSeconds, pipelining: 1, timeout: 10 }, (error: unknown, result: autocannon.Result) => {
      started.cannon = undefined;
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(result);
    });
    started.cannon = instance;
    if (onResponse) instance.on('response', (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime));
  });
}

/**
 * Warm-up run (discarded), then the measured run. Latencies are collected from every 2xx response
 * with sub-millisecond precision: autocannon's own histogram stores whole milliseconds, which
 * would report 0 ms for nginx and make latency ratios meaningless.
 */
async function measure(url: string, headers: Record<string, string> | undefined): Promise<Measurement> {
  await runCannon(url, headers, warmupSeconds);
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const result = await runCannon(url, headers, seconds, (statusCode, ms) => {
    if (statusCode < 200 || statusCode >= 300) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  const sorted = latencies.subarray(0, count).sort();
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requests: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: result.throughput.total,
  };
}

// ---------------------------------------------------------------------------------------------

const fmtRate = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const fmtMs = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');
const fmtRatio = (n: number) => (Number.isFinite(n) ? (n < 0.1 ? n.toFixed(3) : n.toFixed(2)) : '–');

function markdownTable(rows: Row[]): string {
  const withNginx = rows.some((row) => row.nginx !== undefined);
  const lines: string[] = [];
  if (withNginx) {
    lines.push(
      '| target | ours req/s | nginx req/s | req/s ratio (ours/nginx) | ours p50 ms | nginx p50 ms | p50 ratio | ours p99 ms | nginx p99 ms | p99 ratio |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const { target, ours, nginx } of rows) {
      const n = nginx;
      lines.push(
        `| ${target.name} \`${target.path}\` | ${fmtRate(ours.requestsPerSecond)} | ${n ? fmtRate(n.requestsPerSecond) : '–'} | ${n ? fmtRatio(ours.requestsPerSecond / n.requestsPerSecond) : '–'} | ${fmtMs(ours.p50)} | ${n ? fmtMs(n.p50) : '–'} | ${n ? fmtRatio(ours.p50 / n.p50) : '–'} | ${fmtMs(ours.p99)} | ${n ? fmtMs(n.p99) : '–'} | ${n ? fmtRatio(ours.p99 / n.p99) : '–'} |`,
      );
    }
  } else {
    lines.push('| target | ours req/s | ours p50 ms | ours p99 ms |', '|---|---:|---:|---:|');
    for (const { target, ours } of rows) {
      lines.push(`| ${target.name} \`${target.path}\` | ${fmtRate(ours.requestsPerSecond)} | ${fmtMs(ours.p50)} | ${fmtMs(ours.p99)} |`);
    }
  }
  return lines.join('\n');
}

const fmtLoad = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));

function machineInfo(nginx: string | undefined, loadBefore: number | undefined): string[] {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node ${process.version}; database engine: ${engine}; reference: ${nginx ? `${nginx}, 1 worker, static copies of the same responses` : 'skipped (nginx not found, or NGINX=none)'}`,
    `- Load: autocannon, ${connections} connections, ${warmupSeconds} s warm-up then ${seconds} s measured per target and server, all on 127.0.0.1 (load generator, server and nginx share the machine)`,
    // Other work on the machine skews every figure; well above the core count means a busy machine.
    `- Machine load: 1-minute load average ${fmtLoad(loadBefore)} before the run, ${fmtLoad(os.loadavg()[0])} at its end (the run itself keeps the load generator and one server busy)`,
  ];
}

async function writeDocs(section: string): Promise<void> {
  const block = `${resultsStart}\n${section}\n${resultsEnd}`;
  let doc: string;
  try {
    doc = await readFile(docsFile, 'utf8');
  } catch {
    doc = `# Benchmarks\n\nRun \`npm run bench\`; see bench/run.ts.\n\n## Latest results\n\n${block}\n`;
    await mkdir(path.dirname(docsFile), { recursive: true });
    await writeFile(docsFile, doc);
    return;
  }
  const start = doc.indexOf(resultsStart);
  const end = doc.indexOf(resultsEnd);
  if (start !== -1 && end > start) {
    doc = `${doc.slice(0, start)}${block}${doc.slice(end + resultsEnd.length)}`;
  } else {
    const heading = /^## Latest results[^\n]*\n/m.exec(doc);
    if (heading) {
      const bodyStart = heading.index + heading[0].length;
      const next = doc.slice(bodyStart).search(/^## /m);
      const bodyEnd = next === -1 ? doc.length : bodyStart + next;
      doc = `${doc.slice(0, bodyStart)}\n${block}\n\n${doc.slice(bodyEnd)}`.replace(/\n{3,}$/, '\n');
    } else {
      doc = `${doc.trimEnd()}\n\n## Latest results\n\n${block}\n`;
    }
  }
  await writeFile(docsFile, doc);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loadBefore = os.loadavg()[0];
  const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'cocreate-bench-'));
  started.tempRoot = tempRoot;
  const dataDir = path.join(tempRoot, 'data');
  const www = path.join(tempRoot, 'www');
  const nginxPrefix = path.join(tempRoot, 'nginx');
  await mkdir(dataDir);
  await mkdir(www);
  await mkdir(nginxPrefix);
  // nginx workers may run as an unprivileged user (when we are root): let them read the copies.
  await chmod(tempRoot, 0o755);
  await chmod(www, 0o755);

  log(`bench: starting the server (${engine}) …`);
  const ours = await startServer(dataDir);

  // Check every target once (status, and the page cache where it matters), and save each path's body once.
  const saved: Saved[] = [];
  const bodies = new Map<string, Buffer>();
  for (const target of targets) {
    const response = await checkTarget(ours, target);
    const cache = target.expectCache ? `, X-Page-Cache ${target.expectCache} on the second request` : '';
    const known = saved.find((s) => s.path === target.path || s.file === target.file);
    if (known) {
      if (known.path !== target.path || known.file !== target.file) throw new Error(`${target.name}: ${target.path} and ${target.file} must pair up as for ${known.path} → ${known.file}`);
      const first = bodies.get(known.file);
      const same = first !== undefined && first.equals(response.body);
      log(`bench: ${target.path} (${describeHeaders(target.headers)}) → 200, ${response.body.length} bytes${cache}; ${same ? 'same bytes as' : 'differs from'} the saved copy`);
      continue;
    }
    const header = response.headers['content-type'];
    const contentType = header ?? (target.file.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8');
    await writeFile(path.join(www, target.file), response.body, { mode: 0o644 });
    bodies.set(target.file, response.body);
    saved.push({ path: target.path, file: target.file, contentType });
    log(`bench: ${target.path} (${describeHeaders(target.headers)}) → 200, ${response.body.length} bytes, ${contentType}${cache}; saved`);
  }

  const nginxBinary = findNginx();
  let reference: string | undefined;
  let version: string | undefined;
  if (nginxBinary) {
    version = nginxVersion(nginxBinary);
    reference = await startNginx(nginxBinary, nginxPrefix, www, saved);
    for (const { path: urlPath, file } of saved) {
      const [a, b] = await Promise.all([get(`${reference}${urlPath}`), readFile(path.join(www, file))]);
      if (a.status !== 200 || !a.body.equals(b)) throw new Error(`nginx does not serve the saved bytes of ${urlPath} (status ${a.status})`);
    }
    log(`bench: reference nginx ${version} on ${reference}`);
  } else {
    log('bench: nginx is not installed — the reference is skipped (install it with `apt-get install -y nginx-light`); absolute figures only.');
  }

  const rows: Row[] = [];
  for (const target of targets) {
    log(`bench: ${target.name} ${target.path} — ours (${warmupSeconds} s warm-up + ${seconds} s) …`);
    const mine = await measure(`${ours}${target.path}`, target.headers);
    let theirs: Measurement | undefined;
    if (reference) {
      // nginx serves the saved copy for every row of this path, measured again for each row like the others.
      log(`bench: ${target.name} ${target.path} — nginx (${warmupSeconds} s warm-up + ${seconds} s) …`);
      theirs = await measure(`${reference}${target.path}`, target.headers);
    }
    for (const [who, m] of [['ours', mine], ['nginx', theirs]] as const) {
      if (m && (m.non2xx > 0 || m.errors > 0)) log(`bench: warning: ${who} ${target.name} ${target.path}: ${m.non2xx} non-2xx responses, ${m.errors} errors`);
    }
    rows.push({ target, ours: mine, nginx: theirs });
  }

  // Plain summary per target, then the Markdown table.
  const out: string[] = [''];
  for (const { target, ours: o, nginx: n } of rows) {
    out.push(`${target.name} ${target.path}`);
    out.push(`  ours : ${fmtRate(o.requestsPerSecond).padStart(8)} req/s   p50 ${fmtMs(o.p50).padStart(7)} ms   p99 ${fmtMs(o.p99).padStart(7)} ms`);
    if (n) {
      out.push(`  nginx: ${fmtRate(n.requestsPerSecond).padStart(8)} req/s   p50 ${fmtMs(n.p50).padStart(7)} ms   p99 ${fmtMs(n.p99).padStart(7)} ms`);
      out.push(
        `  ratio: throughput ${fmtRatio(o.requestsPerSecond / n.requestsPerSecond)} (ours/nginx), latency p50 ${fmtRatio(o.p50 / n.p50)}×, p99 ${fmtRatio(o.p99 / n.p99)}× (ours/nginx)`,
      );
    }
  }
  // What the page cache buys: the cached row against the uncached row of the same path, ours only.
  for (const hit of rows.filter((row) => row.target.expectCache === 'hit')) {
    const fresh = rows.find((row) => row.target.path === hit.target.path && row.target.expectCache === 'bypass');
    if (!fresh) continue;
    const o = hit.ours;
    const f = fresh.ours;
    out.push(
      '',
      `page cache on ${hit.target.path}: throughput ${fmtRatio(o.requestsPerSecond / f.requestsPerSecond)}× (cached/uncached), latency p50 ${fmtRatio(o.p50 / f.p50)}×, p99 ${fmtRatio(o.p99 / f.p99)}× (cached/uncached)`,
    );
  }
  if (!reference) out.push('', 'Reference skipped: nginx not found (or NGINX=none), so no ratios (absolute figures only).');
  const table = markdownTable(rows);
  const info = machineInfo(version, loadBefore);
  out.push('', table, '', ...info, '');
  process.stdout.write(`${out.join('\n')}\n`);

  if (write) {
    const note = reference
      ? 'Throughput ratio = ours / nginx (higher is better, 1 = as fast as nginx serving a file); latency ratios = ours / nginx (lower is better).'
      : 'Reference skipped: nginx not found (or NGINX=none), so only absolute figures.';
    await writeDocs(`${table}\n\n${note}\n\n${info.join('\n')}`);
    log(`bench: wrote ${path.relative(repoRoot, docsFile)}`);
  }
}

async function run(): Promise<void> {
  try {
    await main();
    await cleanup();
  } catch (error: unknown) {
    if (interrupted) return; // the signal handler finishes the cleanup and exits
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await cleanup();
    process.exitCode = 1;
    return;
  }
  if (process.env.BENCH_SEARCH !== '0' && !interrupted) await runSearchBenchmark();
}

/** The search benchmark (bench/search.ts) as a child process, with the same `--write`; BENCH_SEARCH=0 skips it. */
async function runSearchBenchmark(): Promise<void> {
  process.stderr.write('bench: search benchmark (bench/search.ts; BENCH_SEARCH=0 skips it) …\n');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench', 'search.ts'), ...(write ? ['--write'] : [])], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  started.search = child;
  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`bench: could not start the search benchmark: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  started.search = undefined;
  if (code !== 0 && !interrupted) {
    process.stderr.write(`bench: the search benchmark failed (exit code ${code})\n`);
    process.exitCode = 1;
  }
}

await run();
