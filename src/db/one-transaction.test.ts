/** Many use cases as one transaction: all of it commits, or — when the work fails, or one use case did — none of it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonb, type Db } from './connection.js';
import { inOneTransaction } from './one-transaction.js';
import { createTestDatabase } from './test-database.js';

const addMember = (db: Db, code: string) =>
  db
    .insertInto('members')
    .values({ code, kind: 'national', name: jsonb({ zh: code, en: code, status: 'reviewed' }) })
    .execute();
const codes = async (db: Db) => (await db.selectFrom('members').select('code').orderBy('code').execute()).map((m) => m.code);

test('the use cases’ writes, inside their own transactions or not, commit together', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  const result = await inOneTransaction(database.db, async (db) => {
    await db.transaction().execute((trx) => addMember(trx, 'AA'));
    await addMember(db, 'BB');
    // Reads inside see the writes before the commit.
    return codes(db);
  });
  assert.deepEqual(result, ['AA', 'BB']);
  assert.deepEqual(await codes(database.db), ['AA', 'BB']);
});

test('a use case that failed fails the whole, even if the work carried on', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  await assert.rejects(
    inOneTransaction(database.db, async (db) => {
      await addMember(db, 'AA');
      await db
        .transaction()
        .execute(async (trx) => {
          await addMember(trx, 'BB');
          throw new Error('refused');
        })
        .catch(() => undefined);
      await addMember(db, 'CC');
    }),
    /nothing was committed/,
  );
  assert.deepEqual(await codes(database.db), []);
});

test('an error in the work rolls back everything written before it', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  await assert.rejects(
    inOneTransaction(database.db, async (db) => {
      await db.transaction().execute((trx) => addMember(trx, 'AA'));
      throw new Error('the file was broken');
    }),
    /the file was broken/,
  );
  assert.deepEqual(await codes(database.db), []);
  // The database is usable afterwards.
  await addMember(database.db, 'DD');
  assert.deepEqual(await codes(database.db), ['DD']);
});
