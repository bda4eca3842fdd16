#!/usr/bin/env node
// Runs every *.test.ts(x) under the given folders (default: src and test), or the given files: each file in its own
// process with tsx and node's test runner (spec reporter), as many at a time as the machine has cores
// (COCREATE_TEST_CONCURRENCY overrides), the longest first. Before them, the run's database snapshots (a migrated
// database, and one with the demo plan seeded) are built once from the current migrations and seed (test/snapshots.ts);
// each test file copies them instead of migrating and seeding its own, and they are removed when the run ends.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src', 'test'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.test\.tsx?$/.test(name)) files.push(path);
  }
};
for (const root of roots) {
  if (statSync(root).isDirectory()) walk(root);
  else files.push(root);
}
files.sort();
const engine = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (in memory)';
// Tests that assert response times (the acceptance states them) run after the others, one file at a time, so
// that the test files running beside them do not take the cores their server needs. Their names end in .timing.test.ts.
const timing = files.filter((file) => /\.timing\.test\.tsx?$/.test(file));
const others = files.filter((file) => !timing.includes(file));
const snapshotDir = mkdtempSync(join(tmpdir(), 'cocreate-test-snapshots-'));
const snapshotScript = ['--import', 'tsx', fileURLToPath(new URL('../test/snapshots.ts', import.meta.url))];
const started = Date.now();
let manifest;
try {
  manifest = execFileSync(process.execPath, [...snapshotScript, 'build', snapshotDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
} catch {
  rmSync(snapshotDir, { recursive: true, force: true });
  console.error('could not build the test database snapshots');
  process.exit(1);
}
console.log(`Database snapshots built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const totals = { pass: 0, fail: 0, skipped: 0 };
// How long each file took last time (kept under node_modules/.cache): the longest start first, so that no long file
// starts last while the other slots are idle. A file with no record anywhere is placed by a guess: the fuzz, then
// the browser tests, then the tests that start processes lead, then larger files.
const timesPath = fileURLToPath(new URL('../node_modules/.cache/cocreate-test-times.json', import.meta.url));
// scripts/test-times.json, kept in the repository, orders a fresh clone's first run (CI's); it is only a hint.
const readTimes = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
};
const lastTimes = { ...readTimes(fileURLToPath(new URL('./test-times.json', import.meta.url))), ...readTimes(timesPath) };
const usuallyLong = [/fuzz/, /e2e/, /data-lock|cli|visibility/];
const rank = (file) => {
  const index = usuallyLong.findIndex((pattern) => pattern.test(file));
  return index < 0 ? 0 : usuallyLong.length - index;
};
const expected = (file) => lastTimes[file] ?? rank(file) * 1e6 + statSync(file).size;
const times = {};
/**
 * Runs the files, `concurrency` at a time, each in its own process with node's spec reporter (as `node --test` would,
 * but the runner knows each file's time). A file's output is printed whole when it ends; the closing counts are added.
 */
const run = async (label, list, concurrency) => {
  if (list.length === 0) return 0;
  console.log(`Running ${list.length} ${label} against ${engine}, ${concurrency} at a time`);
  const queue = [...list].sort((a, b) => expected(b) - expected(a));
  let status = 0;
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined && !interrupted; file = queue.shift()) {
      const began = Date.now();
      const child = spawn(process.execPath, ['--import', 'tsx', '--test-reporter=spec', file], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', COCREATE_TEST_SNAPSHOTS: manifest },
      });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      const code = await new Promise((resolve) => child.on('close', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))));
      times[file] = Date.now() - began;
      const text = Buffer.concat(output).toString('utf8');
      let counted = false;
      for (const line of text.split('\n')) {
        const count = /^ℹ (pass|fail|skipped) (\d+)$/.exec(line);
        if (count) {
          totals[count[1]] += Number(count[2]);
          counted = true;
        }
      }
      // A file that crashed before its tests reported counts as one failure.
      if (code !== 0 && !counted) totals.fail += 1;
      if (code !== 0) status = 1;
      console.log(`\n${code === 0 ? '✔' : '✖'} ${file} (${(times[file] / 1000).toFixed(1)} s)`);
      process.stdout.write(text);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, list.length) }, worker));
  return interrupted ? 130 : status;
};
// Ctrl-C reaches the test processes too; once they have stopped, the snapshots are removed and nothing more runs.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});
const concurrency = Number(process.env.COCREATE_TEST_CONCURRENCY) || os.availableParallelism();
const status = await run('test files', others, concurrency);
const timingStatus = interrupted ? 130 : await run('timing test files, alone', timing, 1);
try {
  mkdirSync(join(timesPath, '..'), { recursive: true });
  writeFileSync(timesPath, JSON.stringify({ ...lastTimes, ...times }, null, 1));
} catch {
  // Only an ordering hint.
}
try {
  execFileSync(process.execPath, [...snapshotScript, 'drop', manifest], { stdio: 'inherit' });
} finally {
  rmSync(snapshotDir, { recursive: true, force: true });
}
console.log(`test files: ${status === 0 ? 'passed' : 'failed'}; timing test files: ${timing.length === 0 ? 'none' : timingStatus === 0 ? 'passed' : 'failed'}`);
// One closing line for both runs, in the plain form CI summaries read.
console.log(`all tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(status || timingStatus);
