/**
 * wrk (Debian package `wrk`) as the load generator: a C program with its own event loop per thread, so unlike a load
 * generator written in Node it is not the bottleneck against nginx or a bare node:http server on a small machine.
 * A Lua `done` hook prints the figures as one JSON line; percentiles come from wrk's own histogram (microseconds).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface WrkOptions {
  url: string;
  headers?: Record<string, string> | undefined;
  threads: number;
  connections: number;
  seconds: number;
  /** The Lua script that prints the figures (writeWrkScript). */
  script: string;
  /** Called with the child, so that the caller can stop it on Ctrl-C. */
  onStart?: (child: ChildProcess) => void;
}

export interface WrkResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  bytes: number;
  /** Responses with a status of 400 or more (wrk counts them as errors). */
  badStatus: number;
  /** Connect, read, write and timeout errors. */
  socketErrors: number;
  p50: number;
  p99: number;
  max: number;
}

const MARKER = 'BENCH-WRK ';

const LUA = `-- Written by bench/wrk.ts: prints the run's figures as one JSON line.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('${MARKER}{"requests":%d,"duration_us":%d,"bytes":%d,"status":%d,"socket":%d,"p50_us":%.1f,"p99_us":%.1f,"max_us":%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;

/** The script that reports the figures; `requests` (Lua defining wrk's `request` hook) makes each request itself. */
export async function writeWrkScript(dir: string, requests = '', name = 'report.lua'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `${requests}\n${LUA}`);
  return file;
}

/** The wrk binary (WRK, else on PATH), or undefined; the caller refuses to run without it. */
export function findWrk(): { binary: string; version: string } | undefined {
  const binary = process.env.WRK || 'wrk';
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.error) return undefined;
  // `wrk --version` prints its banner and usage, and exits 1.
  const version = /wrk\s+(\S+)/.exec(`${probe.stdout}${probe.stderr}`)?.[1] ?? 'unknown version';
  return { binary, version };
}

export function runWrk(binary: string, options: WrkOptions): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    options.script,
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    options.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    options.onStart?.(child);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(MARKER));
      if (code !== 0 || line === undefined) {
        reject(new Error(`wrk ${args.join(' ')} ended with ${signal ?? `code ${String(code)}`}:\n${out.trim()}`));
        return;
      }
      const raw = JSON.parse(line.slice(MARKER.length)) as {
        requests: number;
        duration_us: number;
        bytes: number;
        status: number;
        socket: number;
        p50_us: number;
        p99_us: number;
        max_us: number;
      };
      const seconds = raw.duration_us / 1e6;
      resolve({
        requests: raw.requests,
        seconds,
        requestsPerSecond: raw.requests / seconds,
        bytes: raw.bytes,
        badStatus: raw.status,
        socketErrors: raw.socket,
        p50: raw.p50_us / 1000,
        p99: raw.p99_us / 1000,
        max: raw.max_us / 1000,
      });
    });
  });
}
