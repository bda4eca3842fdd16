/** The demo data as people will meet it: the board of the current cycle, the progress page, the transferred 1-2. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, Client, json, setup, type TestContext } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/forum.seed.js';
import { DEMO_TRANSFER, DEMO_UNREPORTED_LAST_CYCLE, seedDemoMonitoring } from './monitoring.seed.js';

let ctx: TestContext;
let secretariat: Client;

before(async () => {
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
  assert.equal(cycles.items.length, 10);
  assert.equal(cycles.current, 10, 'after the plan period the last cycle stays current');
  const board = await json<{ rows: { number: string; timing: string }[] }>(await secretariat.request(`/api/v1/plans/${ctx.planId}/board`));
  const numbers = (timing: string) => board.rows.filter((r) => r.timing === timing).map((r) => r.number).sort();
  assert.deepEqual(numbers('missing'), [...DEMO_UNREPORTED_LAST_CYCLE.missing].sort());
  assert.deepEqual(numbers('draft'), [...DEMO_UNREPORTED_LAST_CYCLE.draft].sort());
  assert.ok(numbers('late').length > 0, 'some reports came in late');
  assert.ok(numbers('on-time').length > 0);

  // The same answer straight from the table, independent of the board's code.
  const { rows } = await ctx.database.db
    .selectFrom('commitments as c')
    .leftJoin('progress_reports as r', (j) => j.onRef('r.commitment_id', '=', 'c.id').on('r.cycle_id', '=', (eb) => eb.selectFrom('review_cycles').select('id').where('number', '=', 10).where('plan_id', '=', ctx.planId)))
    .select(['c.number', 'r.id'])
    .where('c.plan_id', '=', ctx.planId)
    .where('c.end_date', '>=', '2024-01-01')
    .execute()
    .then((list) => ({ rows: list }));
  assert.deepEqual(rows.filter((r) => r.id === null).map((r) => r.number).sort(), numbers('missing'));

  const page = await (await secretariat.request('/plans/tw-2021-2024/board')).text();
  for (const number of DEMO_UNREPORTED_LAST_CYCLE.missing) assert.match(page, new RegExp(`>${number}</a> \\(未提交\\)`));
});

test('delayed milestones carry their reasons on the public pages', async () => {
  const progress = await json<{ commitments: { number: string; health: string }[] }>(await ctx.app.request(`/api/v1/plans/${ctx.planId}/progress`));
  assert.ok(progress.commitments.some((c) => c.health === 'delayed'));
  assert.ok(progress.commitments.some((c) => c.health === 'completed' || c.health === 'on-track'));
  const html = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/4-3')).text();
  assert.match(html, /mstatus-delayed/);
  assert.match(html, /Legislative Yuan/);
});

test('1-2 was transferred: its page names the former lead and its early reports stay', async () => {
  const html = await (await ctx.app.request('/en/plans/tw-2021-2024/commitments/1-2')).text();
  assert.match(html, new RegExp(`Until ${DEMO_TRANSFER.effectiveOn} led by`));
  assert.match(html, /Ministry of Digital Affairs/);
  const reports = await json<{ items: { cycleNumber: number; agencyId: number }[] }>(await ctx.app.request(`/api/v1/commitments/${await idOf('1-2')}/reports`));
  assert.equal(reports.items[0]?.agencyId, ctx.agencies.get(DEMO_TRANSFER.from));
  assert.ok(reports.items.length >= 9);
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
  assert.equal(rows.length, 10);
  for (const row of rows) assert.match(row, /href="\/en\/plans\/tw-2021-2024\/meetings\/\d+"/);
});
