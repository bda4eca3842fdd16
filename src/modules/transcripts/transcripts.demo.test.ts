/** The demo transcript: imported from its Markdown, linked to the forum meeting, published, searchable. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { json, setup, type TestContext } from '../../../test/helpers.js';
import { seedDemoForum } from '../forum/index.js';
import { seedDemoMonitoring } from '../monitoring/index.js';
import { seedDemoTranscripts } from './transcripts.seed.js';

let ctx: TestContext;

before(async () => {
  ctx = await setup();
  await seedDemoMonitoring(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoForum(ctx.database.db, { planId: ctx.planId, agencyIds: ctx.agencies });
  await seedDemoTranscripts(ctx.database.db, { planId: ctx.planId });
});
after(() => ctx.close());

test('the demo transcript is published, linked to its meeting and searchable', async () => {
  const list = await json<{ items: { id: number; meetingId: number | null; publishedAt: string | null; heldOn: string }[] }>(
    await ctx.app.request('/api/v1/transcripts'),
  );
  assert.equal(list.items.length, 1);
  const [t] = list.items;
  assert.ok(t?.publishedAt);
  assert.equal(t?.heldOn, '2021-05-30');
  assert.ok(t?.meetingId, 'linked to the plenary held that day');
  const hits = await json<{ count: number }>(await ctx.app.request(`/api/v1/search/speeches?q=${encodeURIComponent('資訊公開')}`));
  assert.equal(hits.count, 2);
  const speakers = await json<{ items: { name: string; aliases: string[] }[] }>(await ctx.app.request('/api/v1/speakers'));
  const lin = speakers.items.find((s) => s.name === '林佳蓉');
  assert.deepEqual(lin?.aliases, ['林佳蓉委員'], 'the ASCII-colon turn found the same speaker');
});
