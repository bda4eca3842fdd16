/**
 * The demo roster as data: the file passes its checks (a broken one is refused with every problem, naming the file
 * and the path), and the seed writes it through the services — rules, seats, two calls run to their published
 * results — so the roster page shows current seats, one vacancy and past members. Expected values come from the
 * file, never from constants here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { Client, json, setup, type TestContext } from '../../../test/helpers.js';
import { Problems } from '../../web/data-files.js';
import { loadDemoPlan } from '../plans/index.js';
import { latestForumRules, listSeats, rosterView, seedDemoRoster } from './index.js';
import { checkDemoRoster, DEMO_ROSTER_FILE, loadDemoRoster, type DemoRoster } from './roster.seed.js';

const stored = async (): Promise<DemoRoster> => JSON.parse(await readFile(DEMO_ROSTER_FILE.url, 'utf8')) as DemoRoster;

describe('the demo roster file', () => {
  test('passes its checks', async () => {
    const roster = await loadDemoRoster();
    assert.ok(roster.seats.length > 0 && roster.calls.length > 0 && roster.rules.length === 2);
  });

  test('a broken copy is refused with every problem, each naming the file and the path', async () => {
    const plan = await loadDemoPlan();
    const broken = await stored();
    Object.assign(broken.seats[0] ?? {}, { agency: 'NOPE' });
    Object.assign(broken.calls[0] ?? {}, { drawn: ['nobody'] });
    (broken.calls[0]?.ballots ?? [])[0]?.push('stranger');
    const problems = new Problems();
    checkDemoRoster(DEMO_ROSTER_FILE, broken, plan, problems);
    for (const path of ['seats[0].agency', 'calls[0].drawn[0]', 'calls[0].ballots[0][4]'])
      assert.ok(
        problems.lines.some((line) => line.startsWith(`roster/demo/roster.json: ${path}: `)),
        `${path} in\n${problems.lines.join('\n')}`,
      );
    const shapeless = new Problems();
    assert.equal(checkDemoRoster(DEMO_ROSTER_FILE, { ...broken, voters: -1 }, plan, shapeless), undefined);
    assert.ok(shapeless.lines.some((line) => line.startsWith('roster/demo/roster.json: voters: ')));
  });
});

describe('the seeded demo roster', () => {
  let ctx: TestContext;
  let file: DemoRoster;
  before(async () => {
    [file, ctx] = await Promise.all([loadDemoRoster(), setup()]);
    await seedDemoRoster(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  });
  after(() => ctx.close());

  test('the rules’ versions, the latest in force', async () => {
    const latest = await latestForumRules(ctx.database.db, ctx.planId);
    const last = file.rules[file.rules.length - 1];
    assert.deepEqual([latest?.version, latest?.effectiveOn], [file.rules.length, last?.effectiveOn]);
    assert.equal(latest?.publishedAt.toISOString().slice(0, 10), last?.on, 'published on the day the file says');
  });

  test('the roster today: seats by sector, one vacancy, past members with their terms', async () => {
    const seats = await listSeats(ctx.database.db, ctx.planId);
    const view = rosterView(seats, '2026-11-22');
    const government = file.seats.filter((s) => s.sector === 'government');
    assert.equal(view.current.filter((r) => r.seat.sector === 'government' && !r.vacant).length, government.length);
    assert.equal(view.current.filter((r) => r.vacant).length, 1, 'one vacancy');
    const panel = file.calls.find((c) => c.call.method === 'panel');
    assert.equal(view.current.filter((r) => r.seat.sector === 'civil-society' && !r.vacant).length, panel?.choices?.length);
    assert.ok(view.current.some((r) => r.seat.role === 'co-convener' && r.seat.sector === 'civil-society' && r.seat.filledBy === 'panel-selected'));
    const pastFromFile = file.seats.filter((s) => s.endsOn !== undefined && s.endsOn < '2026-11-22').length;
    const election = file.calls.find((c) => c.call.method === 'election');
    assert.equal(view.past.length, pastFromFile + (election?.call.seats ?? 0));
    assert.ok(seats.every((s) => s.isDemo));

    const client = new Client(ctx.app);
    ctx.clock.now = new Date('2026-11-22T08:00:00Z');
    const html = await (await client.get('/en/plans/tw-2021-2024/forum')).text();
    assert.match(html, /Demonstration data/);
    assert.match(html, /Political Deputy Minister of the Interior/);
    assert.equal((html.match(/class="status status-vacant"/g) ?? []).length, 1);
    assert.match(html, /The forum’s rules: version 2/);
    const zh = await (await client.get('/plans/tw-2021-2024/forum')).text();
    assert.match(zh, /出缺/);
    assert.match(zh, /陳雅婷（示範）/);
  });

  test('the 2022 election: its counts are the file’s ballots, its tie was drawn by lot, its turnout published', async () => {
    const calls = (
      await json<{
        items: {
          id: number;
          method: string;
          nominations: { nominee: { displayName: string }; votes: number | null; selected: boolean }[];
          result: { ballotsCast: number; eligibleVoters: number; turnout: number; tieBreak: { rule: string } | null } | null;
        }[];
      }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/calls`))
    ).items;
    const election = calls.find((c) => c.method === 'election');
    const data = file.calls.find((c) => c.call.method === 'election');
    assert.ok(election && data);
    const names = new Map(file.people.map((p) => [p.key, p.displayName]));
    const expected = new Map<string, number>();
    for (const ballot of data.ballots ?? []) for (const k of ballot) expected.set(names.get(k) ?? k, (expected.get(names.get(k) ?? k) ?? 0) + 1);
    assert.deepEqual(new Map(election.nominations.map((n) => [n.nominee.displayName, n.votes])), expected);
    assert.equal(election.result?.ballotsCast, data.ballots?.length);
    assert.equal(election.result?.eligibleVoters, file.people.length + file.voters);
    assert.equal(election.result?.tieBreak?.rule, 'lot');
    assert.ok(election.nominations.some((n) => n.selected && n.nominee.displayName === names.get(data.drawn?.[0] ?? '')));
    assert.ok(calls.every((c) => c.result !== null));
  });

  test('seeding again changes nothing', async () => {
    const before = (await listSeats(ctx.database.db, ctx.planId)).length;
    await seedDemoRoster(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    assert.equal((await listSeats(ctx.database.db, ctx.planId)).length, before);
  });
});
