/**
 * Change events (ADR 0020) on a real database: every table either raises them or is named private; each write names
 * the plan it belongs to, however far the row is from it; events come after commit and never for a rollback; on
 * PostgreSQL another connection hears them, and a lost listening connection is reported and restored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { setup, type TestContext } from '../../test/helpers.js';
import { parseChangePayload, PRIVATE_TABLES, type ChangeEvent } from './change-events.js';
import { openDatabase, type Database } from './connection.js';

let ctx: TestContext;
let heard: ChangeEvent[] = [];
let stop: () => void;

/** The changes heard while `write` ran (own writes are heard before the write's promise resolves). */
async function changesOf(write: () => Promise<unknown>): Promise<{ table: string; planId: number | null }[]> {
  heard = [];
  await write();
  return heard.flatMap((e) => (e.kind === 'change' ? [{ table: e.table, planId: e.planId }] : []));
}

before(async () => {
  ctx = await setup();
  stop = ctx.database.onChange((event) => heard.push(event));
});
after(async () => {
  stop();
  await ctx.close();
});

test('every table raises change events or is named private, and every private name is a table', async () => {
  // The kinds of write (tgtype bits: INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32) whose triggers send change events.
  const tables = await sql<{ name: string; events: number }>`
    SELECT c.relname AS name, coalesce((
      SELECT bit_or(t.tgtype::integer) & 60 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE t.tgrelid = c.oid AND p.proname = 'cocreate_changes_' || c.relname AND NOT t.tgisinternal
    ), 0) AS events
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r'
    ORDER BY 1`.execute(ctx.database.db);
  const names = tables.rows.map((t) => t.name);
  for (const table of tables.rows) {
    if (table.name in PRIVATE_TABLES) assert.equal(table.events, 0, `${table.name} is named private but notifies`);
    else assert.equal(table.events, 60, `${table.name}: SELECT cocreate_watch('${table.name}', …) in its migration, or name it in PRIVATE_TABLES`);
  }
  for (const name of Object.keys(PRIVATE_TABLES)) assert.ok(names.includes(name), `PRIVATE_TABLES names ${name}, which is no table`);
  assert.ok(names.length > 20, 'the schema was read');
});

describe('what a change names', () => {
  test('a row with a plan id, a plan itself, and rows reached through one or two other tables', async () => {
    const planId = ctx.planId;
    const commitment = await sql<{
      id: number;
      lead_agency_id: number;
    }>`SELECT id, lead_agency_id FROM commitments WHERE plan_id = ${planId} ORDER BY id LIMIT 1`.execute(ctx.database.db);
    const { id: commitmentId, lead_agency_id: agencyId } = commitment.rows[0]!;
    const milestone = await sql<{ id: number }>`SELECT id FROM milestones WHERE commitment_id = ${commitmentId} LIMIT 1`.execute(ctx.database.db);
    const empty = JSON.stringify({ zh: '', en: '', status: 'missing' });

    assert.deepEqual(await changesOf(() => sql`UPDATE areas SET position = position WHERE plan_id = ${planId} AND position = 1`.execute(ctx.database.db)), [
      { table: 'areas', planId },
    ]);
    assert.deepEqual(await changesOf(() => sql`UPDATE action_plans SET title = title WHERE id = ${planId}`.execute(ctx.database.db)), [
      { table: 'action_plans', planId },
    ]);
    assert.deepEqual(await changesOf(() => sql`UPDATE milestones SET position = position WHERE id = ${milestone.rows[0]!.id}`.execute(ctx.database.db)), [
      { table: 'milestones', planId },
    ]);

    const changes = await changesOf(() =>
      ctx.database.db.transaction().execute(async (trx) => {
        const cycle = await sql<{ id: number }>`INSERT INTO review_cycles (plan_id, number, starts_on, ends_on, report_due)
          VALUES (${planId}, 99, '2022-01-01', '2022-04-30', '2022-05-14') RETURNING id`.execute(trx);
        const report = await sql<{
          id: number;
        }>`INSERT INTO progress_reports (commitment_id, cycle_id, agency_id, achievements, participation, problems, next_steps, budget_note, author_name)
          VALUES (${commitmentId}, ${cycle.rows[0]!.id}, ${agencyId}, ${empty}::jsonb, ${empty}::jsonb, ${empty}::jsonb, ${empty}::jsonb, ${empty}::jsonb, 'test') RETURNING id`.execute(
          trx,
        );
        await sql`INSERT INTO milestone_progress (report_id, milestone_id, status, percent, reason)
          VALUES (${report.rows[0]!.id}, ${milestone.rows[0]!.id}, 'in-progress', 50, ${empty}::jsonb)`.execute(trx);
      }),
    );
    // One event per table: PostgreSQL folds identical notifications within a transaction.
    assert.deepEqual(
      changes.sort((a, b) => a.table.localeCompare(b.table)),
      [
        { table: 'milestone_progress', planId },
        { table: 'progress_reports', planId },
        { table: 'review_cycles', planId },
      ],
    );
    assert.deepEqual(await changesOf(() => sql`DELETE FROM milestone_progress WHERE milestone_id = ${milestone.rows[0]!.id}`.execute(ctx.database.db)), [
      { table: 'milestone_progress', planId },
    ]);
  });

  test('what no plan owns names none; a row moved between plans names both; a statement that changed nothing, nothing', async () => {
    assert.deepEqual(await changesOf(() => sql`UPDATE agencies SET name = name WHERE id = (SELECT min(id) FROM agencies)`.execute(ctx.database.db)), [
      { table: 'agencies', planId: null },
    ]);
    assert.deepEqual(await changesOf(() => sql`TRUNCATE office_calendar`.execute(ctx.database.db)), [{ table: 'office_calendar', planId: null }]);
    assert.deepEqual(await changesOf(() => sql`UPDATE areas SET position = position WHERE id < 0`.execute(ctx.database.db)), []);
    const other = await sql<{
      id: number;
    }>`INSERT INTO action_plans (slug, member_id, title, period_start, period_end, introduction, efforts_to_date, development_process, commitments_intro)
      SELECT 'tw-events-b', member_id, title, period_start, period_end, introduction, efforts_to_date, development_process, commitments_intro
      FROM action_plans WHERE id = ${ctx.planId} RETURNING id`.execute(ctx.database.db);
    const otherId = other.rows[0]!.id;
    const transcript = await changesOf(() =>
      sql`INSERT INTO transcripts (slug, title, held_on, language, plan_id, publish_at, counted_with_calendar)
        VALUES ('events-t', 'T', '2022-01-01', 'zh-TW', ${ctx.planId}, now(), false)`.execute(ctx.database.db),
    );
    assert.deepEqual(transcript, [{ table: 'transcripts', planId: ctx.planId }]);
    const moved = await changesOf(() => sql`UPDATE transcripts SET plan_id = ${otherId} WHERE slug = 'events-t'`.execute(ctx.database.db));
    assert.deepEqual(moved.map((c) => c.planId).sort(), [ctx.planId, otherId].sort());
  });

  test('events come once the transaction commits, and never for one rolled back', async () => {
    heard = [];
    await ctx.database.db.transaction().execute(async (trx) => {
      await sql`UPDATE areas SET position = position WHERE plan_id = ${ctx.planId}`.execute(trx);
      assert.deepEqual(heard, [], 'nothing before commit');
    });
    assert.equal(heard.length, 1);
    const rolledBack = await changesOf(() =>
      ctx.database.db
        .transaction()
        .execute(async (trx) => {
          await sql`UPDATE areas SET position = position WHERE plan_id = ${ctx.planId}`.execute(trx);
          throw new Error('roll back');
        })
        .catch(() => undefined),
    );
    assert.deepEqual(rolledBack, []);
  });

  test('a payload that is not ours reads as a change to everything', () => {
    assert.deepEqual(parseChangePayload('{"table":"areas","plan":7}'), { table: 'areas', planId: 7 });
    assert.deepEqual(parseChangePayload('{"table":"agencies","plan":null}'), { table: 'agencies', planId: null });
    assert.equal(parseChangePayload('not json'), undefined);
    assert.equal(parseChangePayload('{"plan":7}'), undefined);
  });
});

describe('across connections (PostgreSQL)', { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL' }, () => {
  let other: Database;
  const otherHeard: ChangeEvent[] = [];
  before(async () => {
    // A second, independent Database on the same PostgreSQL database: what another app process would open.
    const name = (await sql<{ db: string }>`SELECT current_database() AS db`.execute(ctx.database.db)).rows[0]!.db;
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${name}`;
    other = await openDatabase({ engine: 'postgres', url: url.toString(), maxConnections: 2 });
    other.onChange((event) => otherHeard.push(event));
    await until(() => otherHeard.some((e) => e.kind === 'listening' && e.listening));
  });
  after(() => other.close());

  const until = async (done: () => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!done()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  test('a commit on one is heard by the other', async () => {
    otherHeard.length = 0;
    await sql`UPDATE areas SET position = position WHERE plan_id = ${ctx.planId} AND position = 1`.execute(ctx.database.db);
    await until(() => otherHeard.some((e) => e.kind === 'change' && e.table === 'areas' && e.planId === ctx.planId));
  });

  test('a lost listening connection is reported, restored, and then hears again', async () => {
    otherHeard.length = 0;
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query = 'LISTEN cocreate_changes' AND state = 'idle'`.execute(ctx.database.db);
    await until(() => otherHeard.some((e) => e.kind === 'listening' && !e.listening));
    await until(() => otherHeard.some((e) => e.kind === 'listening' && e.listening));
    await sql`UPDATE agencies SET name = name WHERE id = (SELECT min(id) FROM agencies)`.execute(ctx.database.db);
    await until(() => otherHeard.some((e) => e.kind === 'change' && e.table === 'agencies'));
  });
});
