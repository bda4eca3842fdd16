/**
 * The forum as open data (ADR 0030): meetings, resolutions and their decisions go out in the site's export and come
 * back by import — into an empty database, byte for byte (JSON and CSV), filed in the history, ids past the imported
 * ones — and an import with a bad row is refused whole, naming the row and the column.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../domain/system-actor.js';
import { setup, setupForTest, type TestContext, exportSubset } from '../../../test/helpers.js';
import { exportSite, importData } from '../opendata/index.js';
import { seedDemoForum } from './index.js';

const admin = systemActor('forum open-data test', 'admin');
/** The forum's entities and those they reference (the plan's): a file of these alone imports into an empty database. */
const PLAN_TABLES = ['agencies', 'plans', 'areas', 'commitments', 'milestones'];
const FORUM_TABLES = ['meetings', 'resolutions', 'resolutionDecisions'];

let ctx: TestContext;
let work: string;
let doc: Record<string, unknown>;

before(async () => {
  ctx = await setup();
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  work = await mkdtemp(join(tmpdir(), 'forum-opendata-'));
  await exportSite(ctx.database.db, join(work, 'first'));
  doc = JSON.parse(await readFile(join(work, 'first', 'data.json'), 'utf8')) as Record<string, unknown>;
});
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

/** The export's JSON document with only these tables. */
const only = (tables: readonly string[], replace: Record<string, unknown[]> = {}): Buffer => exportSubset(doc, tables, replace);

const rows = (name: string): Record<string, unknown>[] => doc[name] as Record<string, unknown>[];

describe('forum open data', () => {
  test('the export holds every meeting, resolution and decision, with the tracking status', async () => {
    const count = async (table: 'forum_meetings' | 'resolutions' | 'resolution_decisions') =>
      Number(
        (
          await ctx.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(rows('meetings').length, await count('forum_meetings'));
    assert.ok(rows('meetings').length > 0);
    assert.equal(rows('resolutions').length, await count('resolutions'));
    assert.equal(rows('resolutionDecisions').length, await count('resolution_decisions'));
    assert.ok(rows('resolutions').some((r) => r.status === 'closed') && rows('resolutions').some((r) => r.status === 'keep-tracking'));
    const csv = await readFile(join(work, 'first', 'csv', 'resolutions.csv'), 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /^Resolution ID,Action Plan ID,Meeting ID,Resolution Number,Resolution \(zh-TW\)/);
  });

  test('export → import into an empty database → export: the same bytes, in the history, ids past the imported ones', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const summary = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...FORUM_TABLES]) });
    for (const name of FORUM_TABLES) assert.equal(summary.tables.find((s) => s.name === name)?.created, rows(name).length, name);
    const second = join(work, 'second');
    await exportSite(empty.database.db, second);
    for (const name of [...PLAN_TABLES, ...FORUM_TABLES]) {
      const [a, b] = await Promise.all([readFile(join(work, 'first', 'csv', `${name}.csv`)), readFile(join(second, 'csv', `${name}.csv`))]);
      assert.ok(a.equals(b), `${name}.csv is byte-identical`);
    }
    const again = JSON.parse(await readFile(join(second, 'data.json'), 'utf8')) as Record<string, unknown>;
    for (const name of FORUM_TABLES) assert.deepEqual(again[name], doc[name], name);

    const history = await empty.database.db.selectFrom('history').select(['entity_type', 'action', 'actor_name']).execute();
    assert.equal(history.filter((h) => h.entity_type === 'meeting' && h.action === 'create').length, rows('meetings').length);
    assert.equal(history.filter((h) => h.entity_type === 'resolution' && h.action === 'decide').length, rows('resolutionDecisions').length);
    assert.ok(history.every((h) => h.actor_name === 'forum open-data test'));

    const maxId = Math.max(...rows('meetings').map((m) => m.id as number));
    const next = await empty.database.db
      .insertInto('forum_meetings')
      .values({ plan_id: ctx.planId, held_on: '2026-01-01', kind: 'plenary', title: '{"zh":"新","en":"New","status":"reviewed"}', agenda: '{}', minutes: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(next.id > maxId);

    // Again: nothing changes, nothing is recorded.
    const repeat = await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...FORUM_TABLES]) });
    assert.ok(repeat.tables.every((s) => s.created === 0 && s.updated === 0));
  });

  test('the meetings CSV imports back into the same bytes (json, bool and enum cells)', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only(PLAN_TABLES) });
    const csv = await readFile(join(work, 'first', 'csv', 'meetings.csv'));
    await importData({ db: empty.database.db }, admin, 'en', { kind: 'csv', bytes: csv, fileName: 'meetings.csv' });
    const third = join(work, 'third');
    await exportSite(empty.database.db, third);
    assert.ok(csv.equals(await readFile(join(third, 'csv', 'meetings.csv'))));
  });

  test('a bad row is refused whole, naming the row and the column; nothing is written', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const meetings = rows('meetings').map((m, i) =>
      i === 1 ? { ...m, attendanceGovernment: (m.attendanceGovernment as number) + 1, attendanceByGroup: { government: 1 } } : m,
    );
    const decisions = rows('resolutionDecisions').map((d, i) => (i === 0 ? { ...d, meetingId: 987654 } : d));
    const resolutions = rows('resolutions').map((r, i) => (i === 2 ? { ...r, status: 'pending' } : r));
    await assert.rejects(
      importData({ db: empty.database.db }, admin, 'en', {
        kind: 'json',
        bytes: only([...PLAN_TABLES, ...FORUM_TABLES], { meetings, resolutions, resolutionDecisions: decisions }),
      }),
      (e: Error & { messages?: Record<string, string> }) => {
        const text = JSON.stringify(e.messages);
        assert.match(text, /meetings, row 2, column attendanceByGroup/);
        assert.match(text, /resolutions, row 3, column status/);
        assert.match(text, /resolutionDecisions, row 1, column meetingId: No row of meetings has the ID 987654/);
        return true;
      },
    );
    const left = await empty.database.db
      .selectFrom('forum_meetings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(left.n), 0);
  });
});
