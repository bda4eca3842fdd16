import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from './connection.js';
import { listMigrations, migrate } from './migrator.js';
import { createTestDatabase } from './test-database.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('migrations apply once; a second run applies nothing', async () => {
  assert.deepEqual(await migrate(database), []);
  const rows = await database.db.selectFrom('schema_migrations').select('name').execute();
  assert.deepEqual(
    rows.map((r) => r.name),
    listMigrations().map((m) => m.name),
  );
});

test('a landed migration that was edited is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cocreate-migrations-'));
  try {
    for (const m of listMigrations()) writeFileSync(join(dir, m.name), m.sql);
    const first = listMigrations()[0];
    assert.ok(first);
    writeFileSync(join(dir, first.name), `${readFileSync(join(dir, first.name), 'utf8')}\n-- edited`);
    await assert.rejects(migrate(database, `${dir}/`), /was changed after it was applied/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failing migration leaves nothing behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cocreate-migrations-'));
  try {
    for (const m of listMigrations()) writeFileSync(join(dir, m.name), m.sql);
    writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();');
    await assert.rejects(migrate(database, `${dir}/`));
    const exists = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`.execute(database.db);
    assert.equal(exists.rows[0]?.n, 0);
    const applied = await database.db.selectFrom('schema_migrations').select('name').where('name', '=', '9999_broken.sql').execute();
    assert.equal(applied.length, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dates and numerics come back as exact strings on this engine', async () => {
  const r = await sql<{ d: string; n: string }>`select '2024-05-31'::date as d, 12345678901234.56::numeric as n`.execute(database.db);
  assert.deepEqual(r.rows[0], { d: '2024-05-31', n: '12345678901234.56' });
});

test('configuration is validated with a message naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET/);
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.dataDir, './data');
  assert.equal(config.sessionSecretIsEphemeral, true);
});

test('PGlite runs with small buffers, in memory and in a durable data directory alike', async () => {
  // The default 128 MB of shared buffers cost ~250 MB of the server's RSS (issue #10, docs/benchmarks.md).
  const dir = mkdtempSync(join(tmpdir(), 'cocreate-pglite-settings-'));
  const memory = await openDatabase({ engine: 'pglite' });
  const durable = await openDatabase({ engine: 'pglite', dataDir: join(dir, 'pglite'), fsync: true });
  try {
    for (const [which, db] of [
      ['in memory', memory],
      ['durable', durable],
    ] as const) {
      const shown = await sql<{ buffers: string; maintenance: string; fsync: string }>`
        select current_setting('shared_buffers') as buffers, current_setting('maintenance_work_mem') as maintenance, current_setting('fsync') as fsync`.execute(
        db.db,
      );
      assert.deepEqual(shown.rows[0], { buffers: '16MB', maintenance: '16MB', fsync: which === 'durable' ? 'on' : 'off' }, which);
    }
  } finally {
    await memory.close();
    await durable.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
