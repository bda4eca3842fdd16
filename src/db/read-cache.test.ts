/**
 * The read cache (db/read-cache.ts) on a real database (PGlite, or PostgreSQL with DATABASE_URL): what it keeps,
 * what it never keeps, and that a committed write is seen by the next read. test/read-cache.test.ts checks pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { ChangeFeed } from './change-events.js';
import type { Database } from './connection.js';
import { inOneTransaction } from './one-transaction.js';
import { createTestDatabase } from './test-database.js';

let database: Database;

const agencyName = async (code: string) => (await database.db.selectFrom('agencies').select('name').where('code', '=', code).executeTakeFirst())?.name;

/** Hits and misses of one step. */
async function counted<T>(step: () => Promise<T>): Promise<{ value: T; hits: number; misses: number }> {
  const { hits, misses } = database.readCache;
  const value = await step();
  return { value, hits: database.readCache.hits - hits, misses: database.readCache.misses - misses };
}

before(async () => {
  database = await createTestDatabase();
  await database.db
    .insertInto('agencies')
    .values({ code: 'NDC', name: JSON.stringify({ zh: '國發會', en: 'NDC', status: 'reviewed' }) })
    .execute();
  await database.readCache.start(database.db, database);
  // PostgreSQL's listening connection comes up in the background; the cache keeps nothing until it is heard.
  for (let i = 0; i < 100 && !database.readCache.live; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(database.readCache.live, 'the cache hears the change events');
});
after(() => database.close());

describe('the read cache', () => {
  test('a repeated read is answered from memory, and a committed write is seen by the next read', async () => {
    const first = await counted(() => agencyName('NDC'));
    const second = await counted(() => agencyName('NDC'));
    assert.deepEqual(second.value, first.value);
    assert.equal(second.hits, 1, 'the second read was kept');
    await database.db
      .updateTable('agencies')
      .set({ name: JSON.stringify({ zh: '國家發展委員會', en: 'NDC', status: 'reviewed' }) })
      .where('code', '=', 'NDC')
      .execute();
    const third = await counted(() => agencyName('NDC'));
    assert.equal(third.hits, 0, 'the write emptied the cache');
    assert.deepEqual(third.value, { zh: '國家發展委員會', en: 'NDC', status: 'reviewed' });
  });

  test('this process’s own write empties the cache as it commits, before its change event can arrive', async (t) => {
    // The events come with the COMMIT's reply (ADR 0020), but the cache must not depend on it: here every event
    // reaches it half a second late, and the writer's next read must still see the write.
    database.readCache.stop();
    const late: ChangeFeed = { onChange: (listener) => database.onChange((event) => void setTimeout(() => listener(event), 500)) };
    await database.readCache.start(database.db, late);
    for (let i = 0; i < 100 && !database.readCache.live; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    t.after(async () => {
      database.readCache.stop();
      await database.readCache.start(database.db, database);
      for (let i = 0; i < 100 && !database.readCache.live; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const rename = (zh: string) => ({ name: JSON.stringify({ zh, en: 'NDC', status: 'reviewed' }) });
    await agencyName('NDC');
    assert.equal((await counted(() => agencyName('NDC'))).hits, 1);
    await database.db.updateTable('agencies').set(rename('國發會 A')).where('code', '=', 'NDC').execute();
    assert.equal(database.readCache.size, 0, 'a write outside a transaction');
    assert.equal((await agencyName('NDC'))?.zh, '國發會 A');
    await agencyName('NDC');
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('agencies').set(rename('國發會 B')).where('code', '=', 'NDC').execute();
    });
    assert.equal(database.readCache.size, 0, 'a write in a transaction, at its commit');
    assert.equal((await agencyName('NDC'))?.zh, '國發會 B');
    await agencyName('NDC');
    await inOneTransaction(database.db, async (db) => {
      await db.updateTable('agencies').set(rename('國家發展委員會')).where('code', '=', 'NDC').execute();
    });
    assert.equal(database.readCache.size, 0, 'a write in a transaction opened with SQL, at its COMMIT');
    assert.equal((await agencyName('NDC'))?.zh, '國家發展委員會');
  });

  test('a caller changing what it got changes nothing for the next caller', async () => {
    const mine = await agencyName('NDC');
    assert.ok(mine);
    mine.zh = 'changed in memory';
    const next = await counted(() => agencyName('NDC'));
    assert.equal(next.hits, 1);
    assert.equal(next.value?.zh, '國家發展委員會');
  });

  test('reads inside a transaction are never answered from memory, and see the transaction’s own writes', async () => {
    await agencyName('NDC');
    await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('agencies').set({ code: 'NDC2' }).where('code', '=', 'NDC').execute();
        const inside = await trx.selectFrom('agencies').select('code').execute();
        assert.deepEqual(
          inside.map((r) => r.code),
          ['NDC2'],
        );
        throw new Error('roll back');
      })
      .catch((error: unknown) => assert.match(String(error), /roll back/));
    const after = await counted(() => database.db.selectFrom('agencies').select('code').execute());
    assert.deepEqual(
      after.value.map((r) => r.code),
      ['NDC'],
    );
    // A transaction opened with SQL (db/one-transaction.ts) counts too.
    await inOneTransaction(database.db, async (db) => {
      await db.updateTable('agencies').set({ code: 'NDC3' }).where('code', '=', 'NDC').execute();
      const seen = await db.selectFrom('agencies').select('code').execute();
      assert.deepEqual(
        seen.map((r) => r.code),
        ['NDC3'],
      );
      await db.updateTable('agencies').set({ code: 'NDC' }).where('code', '=', 'NDC3').execute();
    });
  });

  test('reads of tables without change events, of volatile functions, and locking reads are never kept', async () => {
    await database.db.insertInto('sign_in_failures').values({ key: 'client:a', failures: 1, last_failure_at: new Date() }).execute();
    const counters = () => database.db.selectFrom('sign_in_failures').select('key').execute();
    await counters();
    assert.equal((await counted(counters)).hits, 0, 'sign-in counters announce no changes: their reads are not kept');
    const clock = () => sql<{ t: Date }>`SELECT now() AS t FROM agencies`.execute(database.db);
    await clock();
    assert.equal((await counted(clock)).hits, 0, 'now() is not kept');
    const lock = () => sql`SELECT id FROM agencies FOR UPDATE`.execute(database.db);
    await lock();
    assert.equal((await counted(lock)).hits, 0, 'a locking read is not kept');
    const joined = () =>
      database.db.selectFrom('agencies').innerJoin('user_agencies', 'user_agencies.agency_id', 'agencies.id').select('agencies.code').execute();
    await joined();
    assert.equal((await counted(joined)).hits, 0, 'a join with a table without events is not kept');
  });

  test('stopped, it keeps nothing', async () => {
    database.readCache.stop();
    try {
      await agencyName('NDC');
      assert.equal((await counted(() => agencyName('NDC'))).hits, 0);
    } finally {
      await database.readCache.start(database.db, database);
    }
  });
});
