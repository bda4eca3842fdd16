#!/usr/bin/env node
// Runs every *.test.ts(x) under the given folders (default: src and test), or the given files, with node's test runner and tsx.
// Node 20's --test takes no globs, so the files are listed here. Before them, the run's database snapshots (a migrated
// database, and one with the demo plan seeded) are built once from the current migrations and seed (test/snapshots.ts);
// each test file copies them instead of migrating and seeding its own, and they are removed when the run ends.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
/** Runs node's test runner on the files, echoing its output as it comes and adding up its closing counts. */
const run = async (label, list, concurrency) => {
  if (list.length === 0) return 0;
  console.log(`Running ${list.length} ${label} against ${engine}`);
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...list], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', COCREATE_TEST_SNAPSHOTS: manifest },
  });
  const closed = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  for await (const line of createInterface({ input: child.stdout })) {
    console.log(line);
    const count = /^ℹ (pass|fail|skipped) (\d+)$/.exec(line);
    if (count) totals[count[1]] += Number(count[2]);
  }
  return (await closed) ?? 1;
};
// Ctrl-C reaches the test processes too; once they have stopped, the snapshots are removed and nothing more runs.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});
const status = await run('test files', others, 2);
const timingStatus = interrupted ? 130 : await run('timing test files, alone', timing, 1);
try {
  execFileSync(process.execPath, [...snapshotScript, 'drop', manifest], { stdio: 'inherit' });
} finally {
  rmSync(snapshotDir, { recursive: true, force: true });
}
console.log(`test files: ${status === 0 ? 'passed' : 'failed'}; timing test files: ${timing.length === 0 ? 'none' : timingStatus === 0 ? 'passed' : 'failed'}`);
// One closing line for both runs, in the plain form CI summaries read.
console.log(`all tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped`);
process.exit(status || timingStatus);
