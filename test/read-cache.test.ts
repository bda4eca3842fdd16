/**
 * Pages over the read cache (src/db/read-cache.ts), through the real app: a page rendered again comes from kept reads,
 * and after an edit through the API the next render shows the edit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, setup, type TestContext } from './helpers.js';

let ctx: TestContext;

describe('pages over the read cache', () => {
  before(async () => {
    ctx = await setup();
    await ctx.database.readCache.start(ctx.database.db, ctx.database);
    for (let i = 0; i < 100 && !ctx.database.readCache.live; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  after(() => ctx.close());

  test('a page rendered again comes from kept reads; after an edit through the API it shows the edit', async () => {
    const page = '/plans/tw-2021-2024';
    const fresh = { headers: { 'cache-control': 'no-cache' } };
    await (await ctx.app.request(page, fresh)).text();
    const { hits } = ctx.database.readCache;
    const again = await (await ctx.app.request(page, fresh)).text();
    assert.ok(ctx.database.readCache.hits > hits, 'the second render used kept reads');
    assert.ok(!again.includes('Renamed by the read-cache test'));

    await addUser(ctx, 'sec@example.org', 'secretariat');
    const secretariat = new Client(ctx.app);
    await secretariat.signIn('sec@example.org');
    const plan = (await (await ctx.app.request(`/api/v1/plans/${ctx.planId}`)).json()) as { version: number };
    const edit = await secretariat.api('PATCH', `/api/v1/plans/${ctx.planId}`, { version: plan.version, title: { en: 'Renamed by the read-cache test' } });
    assert.equal(edit.status, 200, await edit.clone().text());
    const after = await (await ctx.app.request(`/en${page}`, fresh)).text();
    assert.ok(after.includes('Renamed by the read-cache test'), 'the next render shows the edit');
  });
});
