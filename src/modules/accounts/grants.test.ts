/** Scoped roles as the admin gives them: the moderator's role for the site or one plan, by page and by API, refused to others. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';
import { insertGrant } from './accounts.queries.js';

let ctx: TestContext;
let admin: Client;
let secretariat: Client;
let participant: Client;
let participantId: number;

before(async () => {
  ctx = await setup();
  await addUser(ctx, 'admin@example.org', 'admin');
  await addUser(ctx, 'sec@example.org', 'secretariat');
  participantId = await addUser(ctx, 'mod@example.org', 'public');
  admin = await signedIn(ctx.app, 'admin@example.org');
  secretariat = await signedIn(ctx.app, 'sec@example.org');
  participant = await signedIn(ctx.app, 'mod@example.org');
});
after(() => ctx.close());

interface Grant {
  id: number;
  userId: number;
  role: string;
  scope: string;
  scopeId: number | null;
  source: string;
}

const grantsIn = async (client: Client) =>
  (await json<{ user: { grants: { role: string; scope: string; scopeId: number | null }[] } | null }>(await client.request('/api/v1/session'))).user?.grants;

const storedGrants = () =>
  ctx.database.db.selectFrom('role_grants').select(['id', 'role', 'scope', 'scope_id', 'source']).where('user_id', '=', participantId).execute();

describe('by API', () => {
  test('the admin gives a moderator role for one plan; giving it again is the same grant; /api/v1/session shows it; taking it back ends it', async () => {
    const res = await admin.api('POST', `/api/v1/users/${participantId}/grants`, { role: 'moderator', scope: 'plan', scopeId: ctx.planId });
    assert.equal(res.status, 201, await res.clone().text());
    const grant = await json<Grant>(res);
    assert.deepEqual([grant.userId, grant.role, grant.scope, grant.scopeId, grant.source], [participantId, 'moderator', 'plan', ctx.planId, 'admin']);
    const again = await json<Grant>(
      await admin.api('POST', `/api/v1/users/${participantId}/grants`, { role: 'moderator', scope: 'plan', scopeId: ctx.planId }),
    );
    assert.equal(again.id, grant.id);
    assert.equal((await storedGrants()).length, 1);

    // The actor is read per request: the participant's own session shows the role at once.
    assert.deepEqual(await grantsIn(participant), [{ role: 'moderator', scope: 'plan', scopeId: ctx.planId }]);
    const listed = await json<{ items: Grant[] }>(await admin.request(`/api/v1/users/${participantId}/grants`));
    assert.deepEqual(
      listed.items.map((g) => g.id),
      [grant.id],
    );

    assert.equal((await admin.api('DELETE', `/api/v1/users/${participantId}/grants/${grant.id}`)).status, 204);
    assert.deepEqual(await grantsIn(participant), []);
    assert.equal((await admin.api('DELETE', `/api/v1/users/${participantId}/grants/${grant.id}`)).status, 404, 'taken back once');
  });

  test('others are refused: 401 signed out, 403 for the secretariat and participants, and nothing is written', async () => {
    const body = { role: 'moderator', scope: 'site' };
    assert.equal((await new Client(ctx.app).api('POST', `/api/v1/users/${participantId}/grants`, body)).status, 401);
    assert.equal((await secretariat.api('POST', `/api/v1/users/${participantId}/grants`, body)).status, 403);
    assert.equal((await participant.api('POST', `/api/v1/users/${participantId}/grants`, body)).status, 403, 'not even for oneself');
    assert.equal((await secretariat.request(`/api/v1/users/${participantId}/grants`)).status, 403);
    assert.deepEqual(await storedGrants(), []);
    const given = await json<Grant>(await admin.api('POST', `/api/v1/users/${participantId}/grants`, body));
    assert.equal((await secretariat.api('DELETE', `/api/v1/users/${participantId}/grants/${given.id}`)).status, 403);
    assert.equal((await storedGrants()).length, 1);
    await admin.api('DELETE', `/api/v1/users/${participantId}/grants/${given.id}`);
  });

  test('bad grants: a field message in the language asked for; unknown accounts and grants of others are 404', async () => {
    const post = (body: unknown, query = '') => admin.api('POST', `/api/v1/users/${participantId}/grants${query}`, body);
    const fields = async (res: Response) => {
      assert.equal(res.status, 400);
      return (await json<{ fields: Record<string, string> }>(res)).fields;
    };
    assert.equal((await fields(await post({ role: 'moderator', scope: 'plan' }))).scopeId, 'Choose an existing plan.');
    assert.equal((await fields(await post({ role: 'moderator', scope: 'plan', scopeId: 999_999 }, '?lang=zh-TW'))).scopeId, '請選擇既有的方案。');
    assert.equal((await fields(await post({ role: 'moderator', scope: 'site', scopeId: ctx.planId }))).scopeId, 'A role for the whole site names no plan.');
    assert.match((await fields(await post({ role: 'forum-member', scope: 'site' }))).role ?? '', /moderator role only/);
    assert.match((await fields(await post({ role: 'moderator', scope: 'working-group', scopeId: 1 }))).scope ?? '', /whole site or one plan/);
    assert.deepEqual(await storedGrants(), []);

    assert.equal((await admin.api('POST', '/api/v1/users/999999/grants', { role: 'moderator', scope: 'site' })).status, 404);
    const otherId = await addUser(ctx, 'other@example.org', 'public');
    const othersGrant = await json<Grant>(await admin.api('POST', `/api/v1/users/${otherId}/grants`, { role: 'moderator', scope: 'site' }));
    assert.equal((await admin.api('DELETE', `/api/v1/users/${participantId}/grants/${othersGrant.id}`)).status, 404, 'the grant belongs to another account');
  });

  test('a role a seat gave is listed with its source and cannot be taken back here', async () => {
    await insertGrant(ctx.database.db, participantId, { role: 'forum-member', scope: 'plan', scopeId: ctx.planId }, 'seat:1', {
      startsOn: '2020-01-01',
      endsOn: null,
    });
    const listed = await json<{ items: Grant[] }>(await admin.request(`/api/v1/users/${participantId}/grants`));
    const seat = listed.items.find((g) => g.source === 'seat:1');
    assert.ok(seat);
    const refused = await admin.api('DELETE', `/api/v1/users/${participantId}/grants/${seat.id}`);
    assert.equal(refused.status, 400);
    assert.match((await json<{ fields: Record<string, string> }>(refused)).fields.grantId ?? '', /forum seat or a working group/);
    assert.deepEqual(await grantsIn(participant), [{ role: 'forum-member', scope: 'plan', scopeId: ctx.planId }]);
    await ctx.database.db.deleteFrom('role_grants').where('source', '=', 'seat:1').execute();
  });
});

describe('by page', () => {
  test('the admin finds the account by address, gives the role for the whole site, sees it listed, and takes it back', async () => {
    const found = await admin.get('/account/users?email=MOD@example.org');
    assert.equal(found.status, 200);
    const page = await found.text();
    assert.match(page, /mod 擔任的角色/);
    assert.match(page, /除帳號角色外，此帳號沒有其他角色/);

    const given = await admin.postForm(`/account/users/${participantId}/grants`, { scope: 'site', scopeId: String(ctx.planId) });
    assert.equal(given.status, 303);
    assert.equal(given.headers.get('location'), '/account/users?email=mod%40example.org');
    assert.deepEqual(await grantsIn(participant), [{ role: 'moderator', scope: 'site', scopeId: null }], 'the plan chosen is ignored for the whole site');
    const listed = await (await admin.get('/en/account/users?email=mod@example.org')).text();
    assert.match(listed, /<th scope="row">Moderator<\/th><td>the whole site<\/td><td>the administrator<\/td>/);
    assert.match(await (await participant.get('/en/account')).text(), /Moderator · the whole site/, 'the person sees it on their account page');

    const bad = await admin.postForm(`/en/account/users/${participantId}/grants`, { scope: 'plan', scopeId: '' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /Choose an existing plan/);

    const grant = (await storedGrants())[0];
    assert.ok(grant);
    const revoked = await admin.postForm(`/account/users/${participantId}/grants/${grant.id}/revoke`, {});
    assert.equal(revoked.status, 303);
    assert.deepEqual(await storedGrants(), []);
  });

  test('an address nobody has is said so; the page is the admin’s only', async () => {
    assert.match(await (await admin.get('/en/account/users?email=nobody@example.org')).text(), /No account has the address nobody@example.org/);
    assert.equal((await secretariat.get('/account/users')).status, 403);
    assert.equal((await new Client(ctx.app).get('/account/users')).status, 401);
    assert.equal((await secretariat.postForm(`/account/users/${participantId}/grants`, { scope: 'site' })).status, 403);
    assert.deepEqual(await storedGrants(), []);
  });
});
