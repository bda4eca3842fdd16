/** Process and port helpers the benchmarks share; each benchmark stops what it starts, by pid. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function isRunning(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.pid !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Resolves true once the child has exited, false if it is still running after `ms`. */
export function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** A free loopback port, found by letting the system pick one and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('could not read the probe port'));
        return;
      }
      probe.close(() => resolve(address.port));
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident set size of a process as `ps` reports it, in MB (1024 × 1024 bytes); undefined if it is gone. */
export function rssMegabytes(pid: number): number | undefined {
  const result = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kilobytes = Number(result.stdout.trim());
  return result.status === 0 && Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes / 1024 : undefined;
}

/**
 * package.json's start and prestart scripts as words, checked to be plain `node <arguments>` with the start script
 * running dist/server.js: the benchmarks start Node with the same V8 settings as `npm start` (docs/benchmarks.md).
 */
export function startScripts(repoRoot: string): { start: string[]; prestart: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = (scripts?.start ?? '').trim().split(/\s+/);
  const prestart = (scripts?.prestart ?? '').trim().split(/\s+/);
  const plainNode = (command: string[]) => command[0] === 'node' && !command.some((w) => /["'$`;&|<>]/.test(w));
  if (!plainNode(start) || !start.includes('dist/server.js') || !plainNode(prestart)) {
    throw new Error(
      `package.json's prestart and start scripts are not "node <arguments>" running dist/server.js (they are "${scripts?.prestart ?? ''}" and "${scripts?.start ?? ''}"): the bench would not measure what npm start runs`,
    );
  }
  return { start, prestart };
}

/** The Node options of `npm start` (what comes before dist/server.js in its start script). */
export const startNodeOptions = (repoRoot: string): string[] => {
  const { start } = startScripts(repoRoot);
  return start.slice(1, start.indexOf('dist/server.js'));
};
