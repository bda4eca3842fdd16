/**
 * The forum's demo texts as data: the file passes its checks (a broken one is refused with every problem, naming
 * the file and the path), and the record the seed lays out takes its texts from the file and is written through
 * the services with its history. Expected values come from the file, never from constants here.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setup, type TestContext } from '../../../test/helpers.js';
import { Problems } from '../../web/data-files.js';
import { loadDemoPlan, type DemoPlan } from '../plans/index.js';
import { checkDemoForum, DEMO_FORUM_FILE, loadDemoForum, seedDemoForum, type DemoForum } from './forum.seed.js';

const stored = async (): Promise<DemoForum> => JSON.parse(await readFile(DEMO_FORUM_FILE.url, 'utf8')) as DemoForum;

describe('the demo forum file', () => {
  let plan: DemoPlan;
  before(async () => {
    plan = await loadDemoPlan();
  });

  test('passes its checks', async () => {
    const forum = await loadDemoForum();
    assert.ok(forum.resolutions.length > 0 && forum.topics.length > 0);
  });

  test('a broken copy is refused with every problem, each naming the file and the path', async () => {
    const broken = await stored();
    broken.plenary.title = { zh: '第{number}次會議{room}', en: 'Meeting {number}' };
    broken.topics = [];
    const problems = new Problems();
    assert.equal(checkDemoForum(DEMO_FORUM_FILE, broken, plan, problems), undefined);
    for (const path of ['plenary.title', 'topics'])
      assert.ok(
        problems.lines.some((line) => line.startsWith(`forum/demo/forum.json: ${path}: `)),
        `${path} in\n${problems.lines.join('\n')}`,
      );

    const inconsistent = await stored();
    Object.assign(inconsistent.resolutions[0] ?? {}, { owner: 'NOPE' });
    Object.assign(inconsistent.workingGroups[0] ?? {}, { commitment: '9-9' });
    const more = new Problems();
    checkDemoForum(DEMO_FORUM_FILE, inconsistent, plan, more);
    for (const path of ['resolutions[0].owner', 'workingGroups[0].commitment'])
      assert.ok(
        more.lines.some((line) => line.startsWith(`forum/demo/forum.json: ${path}: `)),
        `${path} in\n${more.lines.join('\n')}`,
      );
  });
});

describe('the seeded demo forum, on a plan without review cycles', () => {
  let ctx: TestContext;
  let forum: DemoForum;
  before(async () => {
    [forum, ctx] = await Promise.all([loadDemoForum(), setup()]);
    await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  });
  after(() => ctx.close());

  test('takes its texts from the file, marked as demo', async () => {
    const db = ctx.database.db;
    const meetings = await db.selectFrom('forum_meetings').selectAll().where('plan_id', '=', ctx.planId).orderBy('held_on').execute();
    const groups = meetings.filter((m) => m.kind === 'working-group');
    assert.equal(groups.length, forum.workingGroups.length);
    for (const g of forum.workingGroups)
      assert.ok(
        groups.some((m) => m.title.zh.includes(g.commitment) && m.title.zh.includes(g.topic.zh ?? '')),
        g.commitment,
      );
    const plenaries = meetings.filter((m) => m.kind === 'plenary');
    assert.ok(plenaries.length > 0);
    for (const [k, m] of plenaries.entries()) {
      assert.equal(m.title.zh, (forum.plenary.title.zh ?? '').replace('{number}', String(forum.plenary.firstNumber + k)));
      const [government, civilSociety, other] = [forum.plenary.attendance.government, forum.plenary.attendance.civilSociety, forum.plenary.attendance.other];
      assert.ok(m.attendance_government >= government[0] && m.attendance_government <= government[1]);
      assert.ok(m.attendance_civil_society >= civilSociety[0] && m.attendance_civil_society <= civilSociety[1]);
      assert.ok(m.attendance_other >= other[0] && m.attendance_other <= other[1]);
    }
    assert.ok(meetings.every((m) => m.is_demo && m.title.status === 'reviewed'));

    const resolutions = await db.selectFrom('resolutions').selectAll().where('plan_id', '=', ctx.planId).orderBy('id').execute();
    assert.ok(resolutions.length > 0);
    // Taken in turn from the file's list, each owned by the agency it names.
    for (const [i, r] of resolutions.entries()) {
      const expected = forum.resolutions[i % forum.resolutions.length];
      assert.equal(r.body.zh, expected?.body.zh);
      assert.equal(r.owner_agency_id, ctx.agencies.get(expected?.owner ?? ''));
      assert.ok(r.is_demo);
    }
  });

  test('is recorded in the history as the file’s secretariat wrote it, linked to no account', async () => {
    const rows = await ctx.database.db
      .selectFrom('history')
      .select(['entity_type', 'action', 'actor_id', 'actor_name'])
      .where('entity_type', 'in', ['meeting', 'resolution'])
      .execute();
    const meetings = await ctx.database.db.selectFrom('forum_meetings').select('id').where('plan_id', '=', ctx.planId).execute();
    assert.equal(rows.filter((r) => r.entity_type === 'meeting' && r.action === 'create').length, meetings.length);
    assert.ok(
      rows.some((r) => r.entity_type === 'resolution' && r.action === 'decide'),
      'follow-up decisions',
    );
    for (const r of rows) assert.deepEqual([r.actor_id, r.actor_name], [null, forum.secretariat]);
  });
});
