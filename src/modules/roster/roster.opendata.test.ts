/**
 * The forum's members as open data (ADR 0030): every seat as the public roster shows it (the holder by the name the
 * page shows, never an account id or an e-mail address) and the calls for nominations (a result's counts only once
 * published), back into an empty database byte for byte — names without accounts, no forum role handed out — filed in
 * the history, ids past the imported ones; a bad row is refused whole, naming the row and the column.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../domain/system-actor.js';
import { setup, setupForTest, type TestContext, exportSubset } from '../../../test/helpers.js';
import { exportSite, importData } from '../opendata/index.js';
import { callColumns, seatColumns } from './roster.opendata.js';
import { seedDemoRoster } from './index.js';

const admin = systemActor('roster open-data test', 'admin');
const PLAN_TABLES = ['agencies', 'plans', 'areas', 'commitments', 'milestones'];
const TABLES = ['nominationCalls', 'forumSeats'];
const LIVE_BALLOTS = 7731;

let ctx: TestContext;
let work: string;
let doc: Record<string, unknown>;
let unpublishedCall: number;

before(
  async () => {
    ctx = await setup();
    await seedDemoRoster(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    // An election under way: its ballots are counted as they are cast, and not public until the result.
    const call = await ctx.database.db
      .insertInto('nomination_calls')
      .values({
        plan_id: ctx.planId,
        title: JSON.stringify({ zh: '進行中的選舉', en: 'An election under way', status: 'reviewed' }),
        seats: 2,
        eligibility: JSON.stringify({ zh: '民間', en: 'Civil society', status: 'reviewed' }),
        nominations_open_on: '2026-10-01',
        nominations_close_on: '2026-10-20',
        term_starts_on: '2027-01-01',
        term_ends_on: '2028-12-31',
        method: 'election',
        voting_opens_on: '2026-11-01',
        voting_closes_on: '2026-12-01',
        tie_rule: 'lot',
        panel: JSON.stringify({ zh: '', en: '', status: 'missing' }),
        ballots_cast: LIVE_BALLOTS,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    unpublishedCall = call.id;
    work = await mkdtemp(join(tmpdir(), 'roster-opendata-'));
    await exportSite(ctx.database.db, join(work, 'first'));
    doc = JSON.parse(await readFile(join(work, 'first', 'data.json'), 'utf8')) as Record<string, unknown>;
  },
  { timeout: 60_000 },
);
after(async () => {
  await ctx.close();
  await rm(work, { recursive: true, force: true });
});

const only = (tables: readonly string[], replace: Record<string, unknown[]> = {}): Buffer => exportSubset(doc, tables, replace);
const rows = (name: string): Record<string, unknown>[] => doc[name] as Record<string, unknown>[];
const count = async (db: TestContext['database']['db'], table: 'forum_seats' | 'nomination_calls' | 'role_grants') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('forum members open data', { timeout: 60_000 }, () => {
  test('every seat and call, as the roster shows them: holders by name, counts only with the published result', async () => {
    const db = ctx.database.db;
    assert.equal(rows('forumSeats').length, await count(db, 'forum_seats'));
    assert.equal(rows('nominationCalls').length, await count(db, 'nomination_calls'));
    const held = await db.selectFrom('forum_seats as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.id', 'u.display_name']).execute();
    assert.ok(held.length > 0);
    for (const seat of held)
      assert.deepEqual(rows('forumSeats').find((s) => s.id === seat.id)?.holderName, { zh: seat.display_name, en: seat.display_name, status: 'reviewed' });
    assert.ok(rows('forumSeats').some((s) => s.filledBy === 'elected' && s.callId !== null));
    assert.ok(rows('forumSeats').some((s) => s.replacesSeatId !== null));
    const live = rows('nominationCalls').find((c) => c.id === unpublishedCall);
    assert.equal(live?.ballotsCast, null);
    assert.ok(rows('nominationCalls').some((c) => c.resultPublishedAt !== null && typeof c.ballotsCast === 'number'));
    const csv = await readFile(join(work, 'first', 'csv', 'forumSeats.csv'), 'utf8');
    assert.match(csv.split('\n')[0] ?? '', /^Seat ID,Action Plan ID,Sector,Forum Role,Term Start,Term End,Member Name \(zh-TW\)/);
  });

  test('no account id, no e-mail address, no nomination: not a column, not in any file', async () => {
    for (const c of [...seatColumns, ...callColumns]) {
      assert.doesNotMatch(c.key, /user|account|e-?mail|nominee|nominator|nomination(?!s)|statement/i, c.key);
      assert.doesNotMatch(c.name, /user|account|e-?mail/i, c.name);
    }
    const emails = (await ctx.database.db.selectFrom('users').select('email').execute()).map((u) => u.email);
    assert.ok(emails.length > 2);
    const files = ['data.json', ...(await readdir(join(work, 'first', 'csv'))).map((f) => join('csv', f))];
    for (const name of files) {
      const text = await readFile(join(work, 'first', name), 'utf8');
      for (const email of emails) assert.ok(!text.includes(email), `${name} holds ${email}`);
      assert.ok(!text.includes(String(LIVE_BALLOTS)), `${name} holds the ballots counted before the result`);
    }
    for (const seat of rows('forumSeats'))
      assert.deepEqual(
        Object.keys(seat),
        seatColumns.map((c) => c.key),
      );
  });

  test('export → import into an empty database → export: the same bytes, names without accounts, in the history', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const db = empty.database.db;
    const grants = await count(db, 'role_grants');
    const summary = await importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...TABLES]) });
    for (const name of TABLES) assert.equal(summary.tables.find((s) => s.name === name)?.created, rows(name).length, name);
    const second = join(work, 'second');
    await exportSite(db, second);
    for (const name of [...PLAN_TABLES, ...TABLES]) {
      const [a, b] = await Promise.all([readFile(join(work, 'first', 'csv', `${name}.csv`)), readFile(join(second, 'csv', `${name}.csv`))]);
      assert.ok(a.equals(b), `${name}.csv is byte-identical`);
    }
    const again = JSON.parse(await readFile(join(second, 'data.json'), 'utf8')) as Record<string, unknown>;
    for (const name of TABLES) assert.deepEqual(again[name], doc[name], name);

    const seats = await db.selectFrom('forum_seats').select(['user_id', 'nomination_id']).execute();
    assert.ok(seats.every((s) => s.user_id === null && s.nomination_id === null));
    assert.equal(await count(db, 'role_grants'), grants, 'no forum role is handed out to nobody');

    const history = await db.selectFrom('history').select(['entity_type', 'action', 'actor_name', 'commitment_id']).execute();
    assert.equal(history.filter((h) => h.entity_type === 'seat' && h.action === 'create').length, rows('forumSeats').length);
    assert.equal(history.filter((h) => h.entity_type === 'nomination-call' && h.action === 'create').length, rows('nominationCalls').length);
    const mine = history.filter((h) => h.entity_type === 'seat' || h.entity_type === 'nomination-call');
    assert.ok(mine.every((h) => h.actor_name === 'roster open-data test' && h.commitment_id === null));

    const maxId = Math.max(...rows('forumSeats').map((s) => s.id as number));
    const next = await db
      .insertInto('forum_seats')
      .values({
        plan_id: ctx.planId,
        sector: 'other',
        role: 'member',
        starts_on: '2027-01-01',
        holder_name: '{"zh":"新","en":"New","status":"reviewed"}',
        filled_by: 'appointed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(next.id > maxId);

    const repeat = await importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...TABLES]) });
    assert.ok(repeat.tables.every((s) => s.created === 0 && s.updated === 0));
  });

  test('the CSVs import back into the same bytes; an update keeps a seat’s account, whose forum role follows the term', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    await importData({ db: empty.database.db }, admin, 'en', { kind: 'json', bytes: only(PLAN_TABLES) });
    const third = join(work, 'third');
    for (const name of TABLES) {
      const csv = await readFile(join(work, 'first', 'csv', `${name}.csv`));
      await importData({ db: empty.database.db }, admin, 'en', { kind: 'csv', bytes: csv, fileName: `${name}.csv` });
    }
    await exportSite(empty.database.db, third);
    for (const name of TABLES)
      assert.ok((await readFile(join(work, 'first', 'csv', `${name}.csv`))).equals(await readFile(join(third, 'csv', `${name}.csv`))), name);

    // Into the site it came from: a seat held by an account gets a new end of term.
    const db = ctx.database.db;
    const seat = await db
      .selectFrom('forum_seats')
      .select(['id', 'user_id', 'ends_on'])
      .where('user_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const changed = rows('forumSeats').map((s) => (s.id === seat.id ? { ...s, endsOn: '2030-12-31' } : s));
    const summary = await importData({ db }, admin, 'en', { kind: 'json', bytes: only(['forumSeats'], { forumSeats: changed }) });
    assert.equal(summary.tables[0]?.updated, 1);
    const after = await db.selectFrom('forum_seats').select(['user_id', 'ends_on', 'version']).where('id', '=', seat.id).executeTakeFirstOrThrow();
    assert.equal(after.user_id, seat.user_id);
    assert.equal(after.ends_on, '2030-12-31');
    const grant = await db.selectFrom('role_grants').select(['ends_on', 'user_id']).where('source', '=', `seat:${seat.id}`).executeTakeFirstOrThrow();
    assert.equal(grant.user_id, seat.user_id);
    assert.equal(grant.ends_on, '2030-12-31');
  });

  test('a bad row is refused whole, naming the row and the column; nothing is written', async (t) => {
    const empty = await setupForTest(t, { seed: false });
    const db = empty.database.db;
    const seats = rows('forumSeats');
    const government = seats.findIndex((s, i) => i > 0 && s.sector === 'government');
    const elected = seats.findIndex((s, i) => i > 0 && i !== government && s.filledBy === 'elected');
    const bad = seats.map((s, i) =>
      i === 0
        ? { ...s, startsOn: '2024-01-01', endsOn: '2023-12-31' }
        : i === government
          ? { ...s, agencyId: null }
          : i === elected
            ? { ...s, callId: null }
            : s,
    );
    const calls = rows('nominationCalls').map((c) => (c.id === unpublishedCall ? { ...c, ballotsCast: 3 } : c));
    const live = rows('nominationCalls').findIndex((c) => c.id === unpublishedCall) + 1;
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, ...TABLES], { forumSeats: bad, nominationCalls: calls }) }),
      (e: Error & { messages?: Record<string, string> }) => {
        const text = JSON.stringify(e.messages);
        assert.match(text, /forumSeats, row 1, column endsOn/);
        assert.match(text, new RegExp(`forumSeats, row ${government + 1}, column agencyId`));
        assert.match(text, new RegExp(`forumSeats, row ${elected + 1}, column callId`));
        assert.match(text, new RegExp(`nominationCalls, row ${live}, column ballotsCast`));
        return true;
      },
    );
    // In a CSV, the column is named by its header.
    const csv = (await readFile(join(work, 'first', 'csv', 'forumSeats.csv'), 'utf8')).split('\n');
    // Seat ID, Action Plan ID, Sector, Forum Role (no commas in them), then Term Start and Term End.
    const line = (csv[1] ?? '').replace(/^(\d+,\d+,[a-z-]+,[a-z-]+,)[^,]*,[^,]*,/, '$12099-01-01,2098-01-01,');
    assert.notEqual(line, csv[1]);
    await importData({ db }, admin, 'en', { kind: 'json', bytes: only([...PLAN_TABLES, 'nominationCalls']) });
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'csv', bytes: Buffer.from([csv[0], line, ...csv.slice(2)].join('\n')), fileName: 'forumSeats.csv' }),
      (e: Error & { messages?: Record<string, string> }) => {
        assert.match(JSON.stringify(e.messages), /forumSeats.csv, row 2, column Term End/);
        return true;
      },
    );
    // Two seats continuing the same seat.
    const continuing = seats.find((s) => s.replacesSeatId !== null);
    const other = seats.findIndex((s) => s.replacesSeatId === null && s.id !== continuing?.replacesSeatId);
    const twice = seats.map((s, i) => (i === other ? { ...s, replacesSeatId: continuing?.replacesSeatId ?? null } : s));
    await assert.rejects(
      importData({ db }, admin, 'en', { kind: 'json', bytes: only(['forumSeats'], { forumSeats: twice }) }),
      (e: Error & { problems?: { field: string; key: string }[] }) => {
        assert.ok(e.problems?.some((p) => p.key === 'roster.error.replacesSeat'));
        return true;
      },
    );
    assert.equal(await count(db, 'forum_seats'), 0);
  });
});
