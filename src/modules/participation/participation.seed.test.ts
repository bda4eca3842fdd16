/**
 * The demo participation, seeded over the demo plan: the closed public consultation with answers in every state
 * (some late, one still waiting), replies, a hidden input with its reason and its reply kept, the internal round on
 * two commitments, and the 46 JOIN-style inputs imported from the CSV.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { daysBetween, isOverdue, RESPONSE_STATES } from '../../domain/participation.js';
import { setup, type TestContext } from '../../../test/helpers.js';
import type { Input } from './participation.model.js';
import * as q from './participation.queries.js';
import { seedDemoParticipation } from './participation.seed.js';

describe('the demo participation', () => {
  let ctx: TestContext;
  let inputs: Input[] = [];

  before(async () => {
    ctx = await setup();
    await seedDemoParticipation(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    const all = await q.listInputs(
      ctx.database.db,
      { planId: ctx.planId, states: ['published', 'internal', 'hidden', 'withdrawn'] },
      { limit: 500, offset: 0 },
    );
    inputs = all.items;
  });
  after(() => ctx.close());

  test('46 inputs imported from the JOIN-style CSV, each with its link, all marked as demo', () => {
    const join = inputs.filter((i) => i.source === 'join');
    assert.equal(join.length, 46);
    assert.ok(join.every((i) => i.sourceUrl?.startsWith('https://join.gov.tw/policies/detail/') && i.authorId === null && i.isDemo));
    assert.ok(join.every((i) => i.submittedAt >= new Date('2019-07-01T00:00:00+08:00') && i.submittedAt < new Date('2020-08-01T00:00:00+08:00')));
    assert.ok(join.some((i) => i.kind === 'proposal'));
    assert.ok(join.some((i) => i.lang === 'en'));
  });

  test('the public consultation: answers in every state, some late, one linked to a milestone’s change, one overdue', async () => {
    const consultations = await q.listConsultations(ctx.database.db, ctx.planId);
    const open = consultations.find((c) => c.audience === 'public');
    assert.ok(open);
    assert.equal(open.opensAt.toISOString(), '2020-08-09T16:00:00.000Z');
    assert.ok(open.question.zh && open.question.en);
    const site = inputs.filter((i) => i.consultationId === open.id);
    assert.ok(site.length >= 12, `${site.length} site inputs`);
    for (const state of RESPONSE_STATES)
      assert.ok(
        site.some((i) => i.response.state === state),
        `a ${state} answer`,
      );
    assert.ok(site.filter((i) => i.response.respondedAt && daysBetween(i.submittedAt, i.response.respondedAt) >= 40).length >= 2, 'some answered late');
    assert.ok(
      site.some((i) => i.response.state === 'partly-adopted' && i.response.changeHistoryId !== null),
      'a change linked',
    );
    assert.ok(site.some((i) => i.response.referredTo.includes('JOIN')) && site.some((i) => i.response.referredTo.includes('青年諮詢委員會')));

    const owed = inputs.filter((i) => i.state === 'published' || i.state === 'internal');
    const overdue = owed.filter((i) => i.response.state === 'pending' && isOverdue(i.submittedAt, new Date()));
    assert.equal(overdue.length, 1, 'one still pending past 30 days');
  });

  test('replies, and one input hidden with its public reason, its reply kept', async () => {
    const hidden = inputs.filter((i) => i.state === 'hidden');
    assert.equal(hidden.length, 1);
    const [one] = hidden;
    assert.ok(one?.moderation.hiddenReason.includes('個人資料'));
    assert.ok(one?.moderation.hiddenAt);
    const replies = await q.repliesTo(
      ctx.database.db,
      inputs.map((i) => i.id),
    );
    assert.equal([...replies.values()].flat().length, 3);
    assert.equal(replies.get(one?.id ?? 0)?.length, 1, 'the hidden input’s reply stays');
  });

  test('the internal round on two commitments: its inputs are internal, and answered', async () => {
    const rounds = (await q.listConsultations(ctx.database.db, ctx.planId)).filter((c) => c.audience === 'internal');
    assert.equal(rounds.length, 2);
    assert.ok(rounds.every((c) => c.targetType === 'commitment'));
    const internal = inputs.filter((i) => i.consultationId !== null && rounds.some((c) => c.id === i.consultationId));
    assert.equal(internal.length, 4);
    assert.ok(internal.every((i) => i.state === 'internal' && i.response.state !== 'pending'));
  });

  test('seeding again adds nothing', async () => {
    await seedDemoParticipation(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
    const again = await q.listInputs(
      ctx.database.db,
      { planId: ctx.planId, states: ['published', 'internal', 'hidden', 'withdrawn'] },
      { limit: 500, offset: 0 },
    );
    assert.equal(again.total, inputs.length);
  });
});
