/** The demo data as people will meet it: the board of the current cycle, the progress page, the transferred commitment. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, Client, json, setup, type TestContext } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/index.js';
import { activeInCycle } from '../../domain/monitoring.js';
import { demoCommitments, loadDemoPlan } from '../plans/index.js';
import { loadDemoMonitoring, seedDemoMonitoring } from './monitoring.seed.js';

let ctx: TestContext;
let secretariat: Client;
/** What the demo files say about the last cycle and the transfer (the pages must show it). */
let lastCycle: { missing: string[]; draft: string[] };
let transfer: { number: string; from: string; effectiveOn: string; submitted: number };
/** A commitment whose latest submitted report has a delayed milestone, and the reason given. */
let delayed: { number: string; reason: string };
let cycleCount: number;
let lastCycleStart: string;

before(async () => {
  const plan = await loadDemoPlan();
  const data = await loadDemoMonitoring(plan);
  const last = data.cycles.at(-1);
  assert.ok(last);
  const commitments = demoCommitments(plan).map(({ commitment }) => commitment);
  const reportOf = (number: string) => data.reports.get(number)?.reports.find((r) => r.cycle === last.number);
  lastCycle = {
    missing: commitments
      .filter((c) => activeInCycle(c, last) && !reportOf(c.number))
      .map((c) => c.number)
      .sort(),
    draft: commitments
      .filter((c) => reportOf(c.number) && !reportOf(c.number)?.submitted)
      .map((c) => c.number)
      .sort(),
  };
  const [t] = data.monitoring.transfers;
  const from = commitments.find((c) => c.number === t?.commitment)?.leadAgency;
  assert.ok(t && from, 'the demo has a transfer');
  transfer = {
    number: t.commitment,
    from,
    effectiveOn: t.effectiveOn,
    submitted: data.reports.get(t.commitment)?.reports.filter((r) => r.submitted).length ?? 0,
  };
  const latestDelays = [...data.reports].flatMap(([number, { reports }]) => {
    const latest = reports.filter((r) => r.submitted).at(-1);
    const entry = latest?.milestones.find((e) => e.status === 'delayed' && e.reason?.en);
    return entry?.reason?.en ? [{ number, reason: entry.reason.en }] : [];
  });
  assert.ok(latestDelays[0], 'the demo has a delayed milestone in a latest report');
  delayed = latestDelays[0];
  cycleCount = data.cycles.length;
  lastCycleStart = last.startsOn;
  ctx = await setup();
  await seedDemoMonitoring(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await addUser(ctx, 'sec@example.org', 'secretariat');
  secretariat = new Client(ctx.app);
  await secretariat.signIn('sec@example.org');
});
after(() => ctx.close());

test('the board shows exactly which reports are missing for the current cycle', async () => {
  const cycles = await json<{ items: { number: number; startsOn: string }[]; current: number }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/cycles`));
  assert.equal(cycles.items.length, cycleCount);
  assert.equal(cycles.current, cycleCount, 'after the plan period the last cycle stays current');
  const board = await json<{ rows: { number: string; timing: string }[] }>(await secretariat.request(`/api/v1/plans/${ctx.planId}/board`));
  const numbers = (timing: string) =>
    board.rows
      .filter((r) => r.timing === timing)
      .map((r) => r.number)
      .sort();
  assert.ok(lastCycle.missing.length > 0 && lastCycle.draft.length > 0, 'the demo shows missing and draft reports');
  assert.deepEqual(numbers('missing'), lastCycle.missing);
  assert.deepEqual(numbers('draft'), lastCycle.draft);
  assert.ok(numbers('late').length > 0, 'some reports came in late');
  assert.ok(numbers('on-time').length > 0);

  // The same answer straight from the table, independent of the board's code.
  const { rows } = await ctx.database.db
    .selectFrom('commitments as c')
    .leftJoin('progress_reports as r', (j) =>
      j
        .onRef('r.commitment_id', '=', 'c.id')
        .on('r.cycle_id', '=', (eb) => eb.selectFrom('review_cycles').select('id').where('number', '=', cycleCount).where('plan_id', '=', ctx.planId)),
    )
    .select(['c.number', 'r.id'])
    .where('c.plan_id', '=', ctx.planId)
    .where('c.end_date', '>=', lastCycleStart)
    .execute()
    .then((list) => ({ rows: list }));
  assert.deepEqual(
    rows
      .filter((r) => r.id === null)
      .map((r) => r.number)
      .sort(),
    numbers('missing'),
  );

  const page = await (await secretariat.request('/plans/tw-2021-2024/board')).text();
  for (const number of lastCycle.missing) assert.match(page, new RegExp(`>${number}</a> \\(未提交\\)`));
});

test('delayed milestones carry their reasons on the public pages', async () => {
  const progress = await json<{ commitments: { number: string; health: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/progress`));
  assert.ok(progress.commitments.some((c) => c.health === 'delayed'));
  assert.ok(progress.commitments.some((c) => c.health === 'completed' || c.health === 'on-track'));
  const html = await (await ctx.app.request(`/en/plans/tw-2021-2024/commitments/${delayed.number}`)).text();
  assert.match(html, /mstatus-delayed/);
  assert.ok(html.includes(delayed.reason.slice(0, 40).replaceAll('&', '&amp;')), delayed.reason);
});

test('the transferred commitment: its page names the former lead and its early reports stay', async () => {
  const html = await (await ctx.app.request(`/en/plans/tw-2021-2024/commitments/${transfer.number}`)).text();
  assert.match(html, new RegExp(`Until ${transfer.effectiveOn} led by`));
  assert.match(html, /Ministry of Digital Affairs/);
  const reports = await json<{ items: { cycleNumber: number; agencyId: number }[] }>(
    await ctx.app.request(`/api/v1/commitments/${await idOf(transfer.number)}/reports`),
  );
  assert.equal(reports.items[0]?.agencyId, ctx.agencies.get(transfer.from));
  assert.equal(reports.items.length, transfer.submitted);
});

test('the progress page and feeds render with the demo data', async () => {
  const res = await ctx.app.request('/plans/tw-2021-2024/progress');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /甘特圖/);
  const feed = await (await ctx.app.request('/en/plans/tw-2021-2024/reports.atom')).text();
  assert.equal((feed.match(/<entry>/g) ?? []).length, 50, 'the newest 50');
});

async function idOf(number: string): Promise<number> {
  const list = await json<{ items: { id: number; number: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/commitments?perPage=100`));
  return list.items.find((c) => c.number === number)?.id ?? 0;
}

test('each cycle names the forum meeting that reviewed it', async () => {
  const html = await (await ctx.app.request('/en/plans/tw-2021-2024/cycles')).text();
  const rows = html.match(/<tr[^>]*><th scope="row">Cycle \d+.*?<\/tr>/gs) ?? [];
  assert.equal(rows.length, cycleCount);
  for (const row of rows) assert.match(row, /href="\/en\/plans\/tw-2021-2024\/meetings\/\d+"/);
});
