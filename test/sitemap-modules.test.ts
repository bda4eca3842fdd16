/**
 * The forum, working groups, roster and public input in /sitemap.xml (ADR 0034): their public pages in both languages,
 * and nothing anyone may not read (an internal, hidden or withdrawn input).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemoForum } from '../src/modules/forum/index.js';
import { seedDemoMonitoring } from '../src/modules/monitoring/index.js';
import { seedDemoParticipation } from '../src/modules/participation/index.js';
import { seedDemoRoster } from '../src/modules/roster/index.js';
import { seedDemoWorkgroups } from '../src/modules/workgroups/index.js';
import { setup, type TestContext } from './helpers.js';

let ctx: TestContext;
let body: string;
const base = 'http://localhost/plans/tw-2021-2024';

before(async () => {
  ctx = await setup();
  ctx.clock.now = new Date('2022-06-15T02:00:00Z');
  const { db } = ctx.database;
  const demo = { planId: ctx.planId, agencyIds: ctx.agencies };
  await seedDemoMonitoring(db, demo);
  await seedDemoForum(db, demo);
  await seedDemoRoster(db, demo);
  await seedDemoWorkgroups(db, demo);
  await seedDemoParticipation(db, demo);
  const res = await ctx.app.request('http://localhost/sitemap.xml');
  assert.equal(res.status, 200);
  body = await res.text();
});
after(() => ctx.close());

const listed = (path: string) =>
  body.includes(`<loc>${path}</loc>`) && body.includes(`<loc>${path.replace('http://localhost/', 'http://localhost/en/')}</loc>`);

describe('/sitemap.xml: the forum, working groups, roster and public input', () => {
  test('meetings, resolutions, working groups, the roster, its rules and calls, consultations, in both languages', async () => {
    const { db } = ctx.database;
    const meetings = await db.selectFrom('forum_meetings').select('id').where('plan_id', '=', ctx.planId).execute();
    const groups = await db.selectFrom('working_groups').select('slug').where('plan_id', '=', ctx.planId).execute();
    const calls = await db.selectFrom('nomination_calls').select('id').where('plan_id', '=', ctx.planId).execute();
    const consultations = await db.selectFrom('consultations').select('id').where('plan_id', '=', ctx.planId).execute();
    for (const [what, rows] of [
      ['meetings', meetings],
      ['groups', groups],
      ['calls', calls],
      ['consultations', consultations],
    ] as const)
      assert.ok(rows.length > 0, `the demo has ${what}`);
    for (const path of [
      '/meetings',
      '/resolutions',
      '/working-groups',
      '/forum',
      '/forum/rules',
      '/forum/calls',
      '/inputs',
      '/inputs/figures',
      '/consultations',
    ])
      assert.ok(listed(`${base}${path}`), path);
    for (const { id } of meetings) assert.ok(listed(`${base}/meetings/${id}`), `meeting ${id}`);
    for (const { slug } of groups) assert.ok(listed(`${base}/working-groups/${slug}`), `group ${slug}`);
    for (const { id } of calls) assert.ok(listed(`${base}/forum/calls/${id}`), `call ${id}`);
    for (const { id } of consultations) assert.ok(listed(`${base}/consultations/${id}`), `consultation ${id}`);
  });

  test('published inputs only: an internal, hidden or withdrawn one is not listed; every listed page answers 200 anonymously', async () => {
    const inputs = await ctx.database.db.selectFrom('inputs').select(['id', 'state']).where('plan_id', '=', ctx.planId).execute();
    const published = inputs.filter((i) => i.state === 'published');
    const others = inputs.filter((i) => i.state !== 'published');
    assert.ok(published.length > 0 && others.length > 0, 'the demo has both');
    for (const { id } of published) assert.ok(listed(`${base}/inputs/${id}`), `published input ${id}`);
    for (const { id, state } of others) assert.ok(!body.includes(`/inputs/${id}</loc>`), `${state} input ${id} is not listed`);
    const locs = [...body.matchAll(/<loc>http:\/\/localhost([^<]+)<\/loc>/g)].map((m) => m[1]!).filter((p) => !p.includes('/commitments/'));
    for (const path of locs.filter((p) => /\/(meetings|working-groups|forum|inputs|consultations)/.test(p)).slice(0, 60)) {
      const res = await ctx.app.request(path.replaceAll('&amp;', '&'));
      assert.equal(res.status, 200, path);
    }
  });
});
