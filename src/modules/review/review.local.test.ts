/**
 * OGP Local's end-of-commitment assessment through real HTTP against a real database: the demo city's Local
 * Monitoring Body (one assessment published, one due, then overdue); an assessment is of one commitment of a local
 * plan only, on the current scales, once per commitment; its ratings join the open table.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addUser, Client, json, setupForTest, signedIn } from '../../../test/helpers.js';
import { DEMO_CITY_PLAN } from './review.local-seed.js';
import { seedDemoReview } from './review.seed.js';

type Engagement = { id: number; title: { en: string }; reports: { id: number; kind: string; state: string; commitmentId: number | null }[] };
type Report = { id: number; kind: string; commitmentId: number | null; units: { commitmentIds: number[] }[] };
type ErrorBody = { error: string; fields?: Record<string, string> };
const DAY = 24 * 3600 * 1000;

describe('OGP Local: the end-of-commitment assessment', () => {
  test('the demo city’s Local Monitoring Body: 1-1 assessed and published, 1-2 due a month after it ended, then overdue', async (t) => {
    const ctx = await setupForTest(t);
    await seedDemoReview(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    const anonymous = new Client(ctx.app);
    const { items } = await json<{ items: Engagement[] }>(await anonymous.get('/api/v1/review-engagements'));
    const lmb = items.find((e) => e.title.en === 'Demo City Local Monitoring Body');
    assert.ok(lmb, 'the demo city’s engagement');
    assert.deepEqual(
      lmb.reports.map((r) => [r.kind, r.state]),
      [['end-of-commitment', 'published']],
    );
    const page = await (await anonymous.get(`/en/reviews/engagements/${lmb.id}`)).text();
    assert.match(page, /End-of-commitment assessments/);
    assert.match(page, /1-1 Open the city council’s meeting records[\s\S]*?Published/);
    assert.match(page, /1-2 Participatory budgeting in every district[\s\S]*?2026-10-31[\s\S]*?2026-11-30/, 'ends, and is due a month later');
    assert.match(page, /1-2 Participatory budgeting[\s\S]*?<strong>Due<\/strong>/);
    ctx.clock.now = new Date(ctx.clock.now.getTime() + 10 * DAY);
    const later = await (await anonymous.get(`/reviews/engagements/${lmb.id}`)).text();
    assert.match(later, /1-2 參與式預算擴及各區[\s\S]*?<strong>逾期未評估<\/strong>/);
    // The national engagement's page has no such table: its plan is not a local one.
    const national = items.find((e) => e !== lmb);
    assert.doesNotMatch(await (await anonymous.get(`/en/reviews/engagements/${national?.id}`)).text(), /End-of-commitment assessments/);
    // Its ratings join the open table, with the kind's name.
    const ratings = await json<{ items: Record<string, string | number>[] }>(await anonymous.get('/api/v1/review-ratings'));
    const row = ratings.items.find((r) => r['Report Kind'] === 'End-of-Commitment Assessment');
    assert.deepEqual([row?.['Commitment Unique Identifier'], row?.['Completion']], [`${DEMO_CITY_PLAN}/1-1`, 'Complete']);
  });

  test('of one commitment of a local plan, on the current scales, once', async (t) => {
    const ctx = await setupForTest(t);
    await seedDemoReview(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    await addUser(ctx, 'sec@example.tw', 'secretariat');
    const memberId = await addUser(ctx, 'member@example.tw', 'public');
    const secretariat = await signedIn(ctx.app, 'sec@example.tw');
    const anonymous = new Client(ctx.app);
    const plans = await json<{ items: { id: number; slug: string }[] }>(await anonymous.get('/api/v1/plans'));
    const city = plans.items.find((p) => p.slug === DEMO_CITY_PLAN) ?? { id: 0 };
    const cityCommitments = await json<{ items: { id: number; number: string }[] }>(await anonymous.get(`/api/v1/plans/${city.id}/commitments`));
    const second = cityCommitments.items.find((c) => c.number === '1-2');
    const nationalCommitments = await json<{ items: { id: number }[] }>(await anonymous.get(`/api/v1/plans/${ctx.planId}/commitments`));
    const engagement = await json<{ id: number }>(
      await secretariat.api('POST', '/api/v1/review-engagements', {
        title: { zh: '監督小組', en: 'Monitoring body' },
        periodStart: '2024-07-01',
        periodEnd: '2027-06-30',
        planIds: [city.id, ctx.planId],
      }),
    );
    await secretariat.api('POST', `/api/v1/review-engagements/${engagement.id}/reviewers`, { userId: memberId, role: 'local-monitoring-body' });
    const member = await signedIn(ctx.app, 'member@example.tw');
    const start = (body: Record<string, unknown>) =>
      member.api(
        'POST',
        `/api/v1/review-engagements/${engagement.id}/reports`,
        { title: { zh: '完成評估', en: 'End-of-Commitment Assessment' }, ...body },
        { 'accept-language': 'en' },
      );

    const national = await start({ planId: ctx.planId, kind: 'end-of-commitment', commitmentId: nationalCommitments.items[0]?.id });
    assert.equal(national.status, 400);
    assert.match((await json<ErrorBody>(national)).fields?.kind ?? '', /only of a local government’s plan/);
    const commitmentOnApr = await start({ planId: city.id, kind: 'action-plan-review', commitmentId: second?.id });
    assert.equal(commitmentOnApr.status, 400);
    assert.match((await json<ErrorBody>(commitmentOnApr)).fields?.commitmentId ?? '', /of the whole plan/);
    const otherPlans = await start({ planId: city.id, kind: 'end-of-commitment', commitmentId: nationalCommitments.items[0]?.id });
    assert.equal(otherPlans.status, 400, 'a commitment of another plan');
    assert.ok((await json<ErrorBody>(otherPlans)).fields?.commitmentId);
    const legacy = await start({ planId: city.id, kind: 'end-of-commitment', commitmentId: second?.id, scaleSet: 'legacy' });
    assert.equal(legacy.status, 400);
    assert.match((await json<ErrorBody>(legacy)).fields?.scaleSet ?? '', /current scales/);

    const created = await start({ planId: city.id, kind: 'end-of-commitment', commitmentId: second?.id });
    assert.equal(created.status, 201, await created.clone().text());
    const report = await json<Report>(created);
    assert.equal(report.commitmentId, second?.id);
    assert.deepEqual(
      report.units.map((u) => u.commitmentIds),
      [[second?.id]],
      'one unit: its commitment',
    );
    const again = await start({ planId: city.id, kind: 'end-of-commitment', commitmentId: second?.id });
    assert.equal(again.status, 400, 'once per commitment');
    const unit = (await json<{ units: { id: number; version: number }[] }>(await member.get(`/api/v1/reviews/${report.id}`))).units[0];
    const design = await member.api('PATCH', `/api/v1/review-units/${unit?.id}`, { version: unit?.version, ratings: { potential: 'modest' } });
    assert.equal(design.status, 400, 'it rates results, not design');
    const rated = await member.api('PATCH', `/api/v1/review-units/${unit?.id}`, {
      version: unit?.version,
      ratings: { completion: 'limited', earlyResults: 'no-notable' },
    });
    assert.equal(rated.status, 200, await rated.clone().text());
  });
});
