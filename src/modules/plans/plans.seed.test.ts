/**
 * The demo plan as data: its file passes the checks users' input goes through (a broken one is refused with every
 * problem, naming the file and the path), and the seeded database holds what the file says, entered through the
 * services with their history. Expected values come from the file, never from constants here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setup, type TestContext } from '../../../test/helpers.js';
import { DataFileError, Problems } from '../../web/data-files.js';
import * as q from './plans.queries.js';
import { checkDemoPlan, DEMO_PLAN_FILE, demoCommitments, loadDemoPlan, type DemoPlan } from './plans.seed.js';

/** The file as stored, to break copies of it. */
const stored = async (): Promise<DemoPlan> => JSON.parse(await readFile(DEMO_PLAN_FILE.url, 'utf8')) as DemoPlan;

describe('the demo plan file', () => {
  test('passes its checks', async () => {
    const plan = await loadDemoPlan();
    assert.ok(demoCommitments(plan).length > 0);
    assert.ok(plan.agencies.length > 0);
  });

  test('a malformed copy is refused with every problem, each naming the file and the path', async () => {
    const broken = await stored();
    const [area0, area1] = broken.areas;
    const first = area0?.commitments[0];
    const milestone = area1?.commitments[0]?.milestones[0];
    assert.ok(first && milestone);
    milestone.endDate = '2031-02-30';
    // An OGP ID is no field of the demo data (Taiwan is not a member): an invented one is refused.
    Object.assign(first, { ogpId: 'TW0001' });
    Object.assign(broken.plan, { status: 'finished' });
    const problems = new Problems();
    assert.equal(checkDemoPlan(DEMO_PLAN_FILE, broken, problems), undefined);
    const at = (path: string, word = '') => problems.lines.some((line) => line.startsWith(`plans/demo/tw-2021-2024.json: ${path}: `) && line.includes(word));
    assert.ok(at('areas[1].commitments[0].milestones[0].endDate'), problems.lines.join('\n'));
    assert.ok(at('areas[0].commitments[0]', 'ogpId'), problems.lines.join('\n'));
    assert.ok(at('plan.status'), problems.lines.join('\n'));
    assert.equal(problems.lines.length, 3, problems.lines.join('\n'));
    assert.throws(() => problems.throwIfAny(), DataFileError);
  });

  test('a well-formed but inconsistent copy is refused: unknown agencies, a number twice, dates', async () => {
    const broken = await stored();
    const [c0, c1] = broken.areas[0]?.commitments ?? [];
    assert.ok(c0 && c1);
    c1.leadAgency = 'NOPE';
    c1.coAgencies = [c0.leadAgency, 'ALSO-NOPE'];
    c0.coAgencies = [c0.leadAgency];
    c1.number = c0.number;
    broken.plan.periodEnd = '2020-01-01';
    const problems = new Problems();
    assert.ok(checkDemoPlan(DEMO_PLAN_FILE, broken, problems), 'the shape is right');
    for (const path of [
      'areas[0].commitments[1].leadAgency',
      'areas[0].commitments[1].coAgencies[1]',
      'areas[0].commitments[0].coAgencies[0]',
      'areas[0].commitments[1].number',
      'plan.periodEnd',
      'areas[0].commitments[0].endDate',
    ])
      assert.ok(
        problems.lines.some((line) => line.startsWith(`plans/demo/tw-2021-2024.json: ${path}: `)),
        `${path} in ${problems.lines.join('\n')}`,
      );
  });
});

describe('the seeded demo plan', () => {
  let ctx: TestContext;
  let file: DemoPlan;
  before(async () => {
    ctx = await setup();
    file = await loadDemoPlan();
  });
  after(() => ctx.close());

  test('holds the plan, its areas, commitments and milestones as the file says, marked as demo', async () => {
    const plan = await q.findPlanById(ctx.database.db, ctx.planId);
    assert.ok(plan);
    assert.deepEqual(
      [plan.slug, plan.title.zh, plan.title.en, plan.periodStart, plan.periodEnd, plan.status, plan.isDemo],
      [file.plan.slug, file.plan.title.zh, file.plan.title.en, file.plan.periodStart, file.plan.periodEnd, file.plan.status, true],
    );
    const areas = await q.listAreas(ctx.database.db, plan.id);
    assert.deepEqual(
      areas.map((a) => [a.position, a.title.zh, a.title.en]),
      file.areas.map((a, i) => [i + 1, a.title.zh, a.title.en]),
    );

    const agencies = await ctx.database.db.selectFrom('agencies').select(['id', 'code', 'name', 'is_demo']).execute();
    const codeOf = new Map(agencies.map((a) => [a.id, a.code]));
    for (const a of file.agencies) {
      const stored = agencies.find((x) => x.code === a.code);
      assert.deepEqual([stored?.name.zh, stored?.name.en, stored?.is_demo, ctx.agencies.get(a.code)], [a.name.zh, a.name.en, a.isDemo, stored?.id], a.code);
    }

    const { items } = await q.listCommitments(ctx.database.db, { planId: plan.id });
    const expected = demoCommitments(file).map(({ commitment }) => commitment);
    assert.deepEqual(items.map((c) => c.number).sort(), expected.map((c) => c.number).sort());
    for (const c of expected) {
      const stored = items.find((x) => x.number === c.number);
      assert.ok(stored, c.number);
      assert.equal(stored.ogpId, null, 'no invented OGP ID');
      assert.ok(stored.isDemo);
      assert.deepEqual(
        [
          stored.title,
          stored.startDate,
          stored.endDate,
          codeOf.get(stored.leadAgencyId),
          stored.coAgencyIds.map((id) => codeOf.get(id)),
          stored.status,
          stored.origin,
        ],
        [{ ...c.title, status: 'reviewed' }, c.startDate, c.endDate, c.leadAgency, c.coAgencies, c.status, c.origin],
        c.number,
      );
      const amount = (value: string | null | undefined) => (value ? Number(value) : null);
      assert.deepEqual(
        [stored.contact, stored.links, stored.ogpValues, stored.sdgTargets, amount(stored.budgetAmount), stored.budgetCurrency],
        [c.contact, c.links, c.ogpValues, c.sdgTargets, amount(c.budgetAmount), c.budgetCurrency ?? null],
        c.number,
      );
      assert.equal(stored.description.en, c.description?.en);
      const milestones = await q.listMilestones(ctx.database.db, stored.id);
      assert.deepEqual(
        milestones.map((m) => [m.position, m.deliverable.zh, m.target.en, m.startDate, m.endDate]),
        c.milestones.map((m, i) => [i + 1, m.deliverable.zh, m.target?.en, m.startDate, m.endDate]),
        c.number,
      );
    }
  });

  test('was entered through the services: history names the file’s editor, linked to no account', async () => {
    const rows = await ctx.database.db.selectFrom('history').select(['entity_type', 'action', 'actor_id', 'actor_name']).execute();
    const count = (type: string, action: string) => rows.filter((r) => r.entity_type === type && r.action === action).length;
    const commitments = demoCommitments(file).map(({ commitment }) => commitment);
    assert.equal(count('plan', 'create'), 1);
    // Created as a draft and moved on to its status, as the secretariat would.
    assert.ok(file.plan.status === 'drafting' || count('plan', 'update') > 0);
    assert.equal(count('area', 'create'), file.areas.length);
    assert.equal(count('commitment', 'create'), commitments.length);
    assert.equal(
      count('milestone', 'create'),
      commitments.reduce((n, c) => n + c.milestones.length, 0),
    );
    assert.equal(count('agency', 'create'), file.agencies.length);
    for (const r of rows) assert.deepEqual([r.actor_id, r.actor_name], [null, file.editor]);
  });
});
