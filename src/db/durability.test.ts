/**
 * Durable mode (ADR 0014) really reaches the disk: PGlite's own start-up turns fsync off and its Node file system has
 * no fsync, so this checks our replacement is called at each commit, and that the default mode stays without it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, pgliteFsyncCount } from './connection.js';

const folder = mkdtempSync(join(tmpdir(), 'cocreate-durability-'));
after(() => rmSync(folder, { recursive: true, force: true }));

async function commitsAndFsyncs(fsync: boolean) {
  const database = await openDatabase({ engine: 'pglite', dataDir: join(folder, fsync ? 'on' : 'off'), fsync });
  try {
    const setting = (await sql<{ fsync: string }>`SHOW fsync`.execute(database.db)).rows[0]?.fsync;
    const method = (await sql<{ wal_sync_method: string }>`SHOW wal_sync_method`.execute(database.db)).rows[0]?.wal_sync_method;
    await sql`CREATE TABLE t (id serial PRIMARY KEY)`.execute(database.db);
    const before = pgliteFsyncCount();
    for (let i = 0; i < 5; i++) await database.db.transaction().execute((trx) => sql`INSERT INTO t DEFAULT VALUES`.execute(trx));
    return { setting, method, fsyncs: pgliteFsyncCount() - before };
  } finally {
    await database.close();
  }
}

test('with fsync on, every commit asks the operating system to flush the write-ahead log', async () => {
  const on = await commitsAndFsyncs(true);
  assert.equal(on.setting, 'on');
  assert.equal(on.method, 'fsync', 'fdatasync is a no-op in the WASM runtime');
  assert.ok(on.fsyncs >= 5, `${on.fsyncs} fsyncs for 5 commits`);
});

test('with fsync off, nothing is flushed', async () => {
  const off = await commitsAndFsyncs(false);
  assert.equal(off.setting, 'off');
  assert.equal(off.fsyncs, 0);
});
