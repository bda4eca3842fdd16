/**
 * One writer per embedded database (ADR 0015), with real processes: a server holds its data directory; a second
 * server and a CLI import refuse without opening the database; nothing half-written remains; the lock goes with
 * the process however it ends (Ctrl+C, kill -9). Every process started here is stopped by its pid.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openConfiguredDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { DataDirectoryLockedError, lockDataDirectory, lockFileFor, readLockHolder } from '../src/db/data-dir-lock.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'test/fixtures/transcripts/meeting.md');
const started = new Set<ChildProcess>();
const folders: string[] = [];

after(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'cocreate-lock-'));
  folders.push(folder);
  return folder;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(script: 'src/server.ts' | 'src/cli.ts', args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', COCREATE_DEMO: 'false', LOG_LEVEL: 'info', HOST: '127.0.0.1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startServer(dataDir: string): Promise<Run & { port: number }> {
  const port = await freePort();
  const server = run('src/server.ts', [], { COCREATE_DATA_DIR: dataDir, PORT: String(port) });
  await until('the server to answer /healthz', async () => {
    if (server.child.exitCode !== null) throw new Error(`the server exited: ${server.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    return ok ? true : undefined;
  });
  return { ...server, port };
}

test('while a server holds the data directory, a second server and a CLI import refuse; nothing is half-written', { timeout: 300_000 }, async () => {
  const dataDir = tempDataDir();
  const server = await startServer(dataDir);
  const pid = server.child.pid as number;

  const second = run('src/server.ts', [], { COCREATE_DATA_DIR: dataDir, PORT: String(await freePort()) });
  assert.equal(await second.exited, 3, second.output());
  assert.match(second.output(), new RegExp(`already open in the Cocreate server \\(pid ${pid},`));
  assert.match(second.output(), /this server did not start/);
  assert.doesNotMatch(second.output(), /database ready/, 'refused before opening the database');

  const importing = run('src/cli.ts', ['import-transcript', fixture], { COCREATE_DATA_DIR: dataDir });
  assert.equal(await importing.exited, 3, importing.output());
  assert.match(importing.output(), new RegExp(`is open in the Cocreate server \\(pid ${pid},.*nothing was changed`));
  assert.match(importing.output(), /POST \/api\/v1\/transcripts/);

  const page = await fetch(`http://127.0.0.1:${server.port}/en/transcripts`);
  assert.equal(page.status, 200, 'the server is unharmed');

  server.child.kill('SIGINT');
  assert.equal(await server.exited, 0, server.output());

  // The lock went with the server: the same import now runs, and the database holds it whole.
  const retried = run('src/cli.ts', ['import-transcript', fixture], { COCREATE_DATA_DIR: dataDir });
  assert.equal(await retried.exited, 0, retried.output());
  const database = await openDatabase({ engine: 'pglite', dataDir: join(dataDir, 'pglite') });
  try {
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(database.db)).rows[0]?.n);
    assert.equal(await count(sql`SELECT count(*) AS n FROM transcripts`), 1, 'only the import after the server stopped');
    assert.ok((await count(sql`SELECT count(*) AS n FROM speeches`)) > 0);
    assert.equal(
      await count(sql`SELECT count(*) AS n FROM speeches s LEFT JOIN transcripts t ON t.id = s.transcript_id WHERE t.id IS NULL`),
      0,
      'no speech without its transcript',
    );
    assert.equal(
      await count(sql`SELECT count(*) AS n FROM transcript_sections s LEFT JOIN transcripts t ON t.id = s.transcript_id WHERE t.id IS NULL`),
      0,
      'no section without its transcript',
    );
    assert.equal(
      await count(sql`SELECT count(*) AS n FROM speeches s LEFT JOIN speakers p ON p.id = s.speaker_id WHERE s.speaker_id IS NOT NULL AND p.id IS NULL`),
      0,
      'no speech of a missing speaker',
    );
  } finally {
    await database.close();
  }
});

test('a lock left by a process killed with kill -9 does not block the next start', { timeout: 120_000 }, async () => {
  const dataDir = tempDataDir();
  const server = run('src/server.ts', [], { COCREATE_DATA_DIR: dataDir, PORT: String(await freePort()) });
  const lockFile = lockFileFor(join(dataDir, 'pglite'));
  // The server locks before it opens the database, so it can be killed as soon as its note is in the lock file.
  await until('the server to take the lock', () => (readLockHolder(lockFile)?.pid === server.child.pid ? true : undefined));
  assert.throws(() => lockDataDirectory(join(dataDir, 'pglite'), 'test'), DataDirectoryLockedError, 'held while the server lives');
  server.child.kill('SIGKILL');
  await server.exited;
  const lock = lockDataDirectory(join(dataDir, 'pglite'), 'test');
  assert.equal(readLockHolder(lockFile)?.pid, process.pid);
  lock.release();
});

test('a held directory is refused before PGlite reads or creates anything in it', async () => {
  const dataDir = join(tempDataDir(), 'pglite');
  const held = lockDataDirectory(dataDir, 'server');
  try {
    await assert.rejects(openDatabase({ engine: 'pglite', dataDir }), (error: unknown) => {
      assert.ok(error instanceof DataDirectoryLockedError);
      assert.equal(error.holder?.pid, process.pid);
      assert.equal(error.holder?.role, 'server');
      return true;
    });
    assert.deepEqual(readdirSync(dataDir), [], 'the database directory was not touched');
  } finally {
    held.release();
  }
  const database = await openDatabase({ engine: 'pglite', dataDir });
  await database.close();
  assert.ok(readdirSync(dataDir).includes('PG_VERSION'), 'opens once the lock is free');
});

test(
  'with DATABASE_URL nothing is locked: PostgreSQL serves the server and the commands together',
  { skip: !process.env.DATABASE_URL && 'no DATABASE_URL' },
  async () => {
    const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, COCREATE_DATA_DIR: tempDataDir() });
    const first = await openConfiguredDatabase(config, 'server');
    try {
      const second = await openConfiguredDatabase(config, 'cli import-transcript');
      try {
        const answers = await Promise.all([first, second].map((d) => sql<{ one: number }>`SELECT 1 AS one`.execute(d.db)));
        assert.deepEqual(
          answers.map((a) => a.rows[0]?.one),
          [1, 1],
        );
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
    assert.deepEqual(readdirSync(config.dataDir), [], 'no lock file, no PGlite directory');
  },
);
