import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './connection.js';
import { keepPlannerStatistics, refreshPlannerStatistics } from './planner-statistics.js';
import { createTestDatabase } from './test-database.js';

let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const rowEstimate = async (table: string): Promise<number> =>
  (await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`.execute(database.db)).rows[0]!.n;

const addAgencies = (from: number, to: number) =>
  sql`INSERT INTO agencies (code, name)
      SELECT 'PS' || g, jsonb_build_object('zh', '機關' || g, 'en', 'Agency ' || g, 'status', 'reviewed')
      FROM generate_series(${from}::int, ${to}::int) g`.execute(database.db);

test('on PGlite, tables that grew are vacuumed and analysed, once; on PostgreSQL its own autovacuum is left to it', async () => {
  await addAgencies(1, 3000);
  if (database.engine !== 'pglite') {
    assert.deepEqual(await refreshPlannerStatistics(database), []);
    return;
  }
  assert.ok((await rowEstimate('agencies')) < 0, 'never analysed before');
  const done = await refreshPlannerStatistics(database);
  assert.ok(done.includes('agencies'), `agencies analysed: ${done.join(', ')}`);
  assert.equal(await rowEstimate('agencies'), 3000);
  assert.deepEqual(await refreshPlannerStatistics(database), [], 'nothing drifted since');
  await addAgencies(3001, 3100);
  assert.deepEqual(await refreshPlannerStatistics(database), [], 'a small change waits');
  await addAgencies(3101, 6000);
  assert.deepEqual(await refreshPlannerStatistics(database), ['agencies']);
  assert.equal(await rowEstimate('agencies'), 6000);
});

test('in the server, a committed write is followed by a refresh after the delay', { skip: !process.env.DATABASE_URL ? false : 'PGlite only' }, async () => {
  const failures: unknown[] = [];
  const stop = keepPlannerStatistics(database, (error) => failures.push(error), 20);
  try {
    await addAgencies(6001, 12_000);
    for (let i = 0; i < 100 && (await rowEstimate('agencies')) !== 12_000; i++) await sleep(20);
    assert.equal(await rowEstimate('agencies'), 12_000);
    assert.deepEqual(failures, []);
  } finally {
    await stop();
  }
});
