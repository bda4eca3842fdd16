/** API tokens: names, expiry, last use, listing and revocation, by API and by page, through real HTTP. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, setup, signedIn, type TestContext } from '../../../test/helpers.js';

let ctx: TestContext;
let alice: Client;
let bob: Client;
let admin: Client;
let aliceId: number;
let bobId: number;

before(async () => {
  ctx = await setup({ seed: false });
  aliceId = await addUser(ctx, 'alice@example.org', 'public');
  bobId = await addUser(ctx, 'bob@example.org', 'secretariat');
  await addUser(ctx, 'admin@example.org', 'admin');
  alice = await signedIn(ctx.app, 'alice@example.org');
  bob = await signedIn(ctx.app, 'bob@example.org');
  admin = await signedIn(ctx.app, 'admin@example.org');
});
after(() => ctx.close());

interface Token {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: string;
  scope: 'read' | 'write';
}

const DAY = 24 * 3600 * 1000;

async function create(client: Client, body: Record<string, unknown>): Promise<Token & { token: string }> {
  const res = await client.api('POST', '/api/v1/tokens', body);
  assert.equal(res.status, 201, await res.clone().text());
  return json(res);
}

const bearer = (token: string, path = '/api/v1/session', init: RequestInit = {}) =>
  ctx.app.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

async function withClock<T>(offsetMs: number, run: () => Promise<T>): Promise<T> {
  const saved = ctx.clock.now;
  ctx.clock.now = new Date(saved.getTime() + offsetMs);
  try {
    return await run();
  } finally {
    ctx.clock.now = saved;
  }
}

const tokensOf = async (client: Client, query = '') => json<{ items: Token[] }>(await client.request(`/api/v1/tokens${query}`));

describe('creating and expiry', () => {
  test('a named token lasts 90 days by default and then answers 401', async () => {
    const created = await create(alice, { name: 'nightly export' });
    assert.equal(created.name, 'nightly export');
    assert.match(created.token, /^cct_/);
    assert.equal(created.expiresAt, new Date(ctx.clock.now.getTime() + 90 * DAY).toISOString());
    assert.equal(created.status, 'active');
    assert.equal((await bearer(created.token)).status, 200);
    await withClock(90 * DAY - 1000, async () => assert.equal((await bearer(created.token)).status, 200));
    await withClock(90 * DAY, async () => {
      const expired = await bearer(created.token);
      assert.equal(expired.status, 401);
      assert.match((await json<{ error: string }>(expired)).error, /expired/);
      const later = await signedIn(ctx.app, 'alice@example.org'); // the first session has expired too
      const listed = (await tokensOf(later)).items.find((t) => t.id === created.id);
      assert.equal(listed?.status, 'expired');
    });
  });

  test('expiresInDays: 1 to 365, whole numbers only', async () => {
    const year = await create(alice, { name: 'yearly', expiresInDays: 365 });
    assert.equal(year.expiresAt, new Date(ctx.clock.now.getTime() + 365 * DAY).toISOString());
    for (const expiresInDays of [0, 366, 1.5, true, '', [], 'ten']) {
      const res = await alice.api('POST', '/api/v1/tokens', { name: 'bad', expiresInDays });
      assert.equal(res.status, 400, JSON.stringify(expiresInDays));
      assert.ok((await json<{ fields: Record<string, string> }>(res)).fields.expiresInDays);
    }
    assert.equal((await alice.api('POST', '/api/v1/tokens', { name: '  ' })).status, 400);
  });

  test('only as stored as an HMAC, never the token itself', async () => {
    const created = await create(alice, { name: 'hashed' });
    const row = await ctx.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', created.id).executeTakeFirstOrThrow();
    assert.match(row.token_hash, /^[0-9a-f]{64}$/);
    assert.notEqual(row.token_hash, created.token);
  });

  test('a token cannot make more tokens, so revoking a leaked one is final', async () => {
    const created = await create(alice, { name: 'parent', scope: 'write' });
    const res = await bearer(created.token, '/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'child' }),
    });
    assert.equal(res.status, 403);
    // Nor through the token page: a bearer header counts for nothing outside the API.
    const before = await ctx.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const page = await bearer(created.token, '/account/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=child&expiresInDays=365',
    });
    assert.equal(page.status, 403, 'refused as an anonymous post without a CSRF token');
    assert.doesNotMatch(await page.text(), /cct_/);
    const after = await ctx.database.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});

describe('last use', () => {
  test('recorded on use, at most once a minute', async () => {
    const created = await create(alice, { name: 'last use' });
    const lastUsed = async () => (await tokensOf(alice)).items.find((t) => t.id === created.id)?.lastUsedAt;
    assert.equal(await lastUsed(), null);
    const first = ctx.clock.now.toISOString();
    await bearer(created.token);
    assert.equal(await lastUsed(), first);
    await withClock(30_000, async () => {
      await bearer(created.token);
      assert.equal(await lastUsed(), first, 'no write within the minute');
    });
    await withClock(61_000, async () => {
      await bearer(created.token);
      assert.equal(await lastUsed(), new Date(ctx.clock.now.getTime()).toISOString());
    });
  });
});

describe('listing and revoking', () => {
  test("each user lists only their own tokens; an admin lists one user's or everyone's", async () => {
    const mine = await create(alice, { name: 'alice list' });
    const theirs = await create(bob, { name: 'bob list' });
    const aliceList = (await tokensOf(alice)).items;
    assert.ok(aliceList.some((t) => t.id === mine.id));
    assert.ok(aliceList.every((t) => t.userId === aliceId));
    assert.ok(
      aliceList.every((t) => !('token' in t)),
      'the secret is never listed',
    );
    assert.equal((await alice.request(`/api/v1/tokens?userId=${bobId}`)).status, 403);
    assert.equal((await alice.request('/api/v1/tokens?userId=all')).status, 403);
    assert.equal((await alice.request(`/api/v1/tokens?userId=${aliceId}`)).status, 200);
    const bobsByAdmin = (await tokensOf(admin, `?userId=${bobId}`)).items;
    assert.ok(bobsByAdmin.some((t) => t.id === theirs.id) && bobsByAdmin.every((t) => t.userId === bobId));
    const all = (await tokensOf(admin, '?userId=all')).items;
    assert.ok(all.some((t) => t.id === mine.id) && all.some((t) => t.id === theirs.id));
    assert.equal((await ctx.app.request('/api/v1/tokens')).status, 401);
  });

  test('the owner revokes: 204, the token answers 401 at once, the list says revoked', async () => {
    const created = await create(alice, { name: 'to revoke' });
    assert.equal((await alice.api('DELETE', `/api/v1/tokens/${created.id}`)).status, 204);
    assert.equal((await bearer(created.token)).status, 401);
    const listed = (await tokensOf(alice)).items.find((t) => t.id === created.id);
    assert.equal(listed?.status, 'revoked');
    assert.equal(listed?.revokedAt, ctx.clock.now.toISOString());
    assert.equal((await alice.api('DELETE', `/api/v1/tokens/${created.id}`)).status, 204, 'revoking again changes nothing');
  });

  test('a token may revoke itself', async () => {
    const created = await create(alice, { name: 'self', scope: 'write' });
    assert.equal((await bearer(created.token, `/api/v1/tokens/${created.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await bearer(created.token)).status, 401);
  });

  test('another user cannot revoke mine (404, as if it did not exist); it keeps working', async () => {
    const created = await create(alice, { name: 'not yours' });
    assert.equal((await bob.api('DELETE', `/api/v1/tokens/${created.id}`)).status, 404);
    assert.equal((await bob.api('DELETE', '/api/v1/tokens/999999')).status, 404);
    assert.equal((await bearer(created.token)).status, 200);
  });

  // Who may do what with Alice's tokens: each cell is a real request, and a refusal must change nothing. The owner's
  // own tokens are rows too: a read-scoped one lists and is refused any write; a write-scoped one may revoke.
  type Who = 'anonymous' | 'owner' | 'other user' | 'admin' | "owner's read token" | "owner's write token";
  type Op = 'list' | 'revoke' | 'create';
  const statuses: Record<Who, Partial<Record<Op, number>>> = {
    anonymous: { list: 401, revoke: 401, create: 401 },
    owner: { list: 200, revoke: 204, create: 201 },
    'other user': { list: 403, revoke: 404 },
    admin: { list: 200, revoke: 204 },
    "owner's read token": { list: 200, revoke: 403, create: 403 },
    "owner's write token": { list: 200, revoke: 204, create: 403 },
  };
  const matrix = (Object.keys(statuses) as Who[]).flatMap((who) =>
    (Object.entries(statuses[who]) as [Op, number][]).map(([op, expect]) => ({ who, op, expect })),
  );
  for (const row of matrix) {
    test(`matrix: ${row.who} ${row.op} → ${row.expect}`, async () => {
      const target = await create(alice, { name: `matrix ${row.who} ${row.op}` });
      const client = row.who === 'owner' ? alice : row.who === 'other user' ? bob : row.who === 'admin' ? admin : new Client(ctx.app);
      const scoped = row.who === "owner's read token" ? 'read' : row.who === "owner's write token" ? 'write' : undefined;
      const own = scoped ? (await create(alice, { name: `matrix ${scoped} credential`, scope: scoped })).token : undefined;
      const res = own
        ? row.op === 'list'
          ? await bearer(own, `/api/v1/tokens?userId=${aliceId}`)
          : row.op === 'revoke'
            ? await bearer(own, `/api/v1/tokens/${target.id}`, { method: 'DELETE' })
            : await bearer(own, '/api/v1/tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'child' }) })
        : row.op === 'list'
          ? await client.request(`/api/v1/tokens?userId=${aliceId}`)
          : row.op === 'revoke'
            ? await client.api('DELETE', `/api/v1/tokens/${target.id}`)
            : await client.api('POST', '/api/v1/tokens', { name: 'made in the matrix' });
      assert.equal(res.status, row.expect, await res.clone().text());
      const stillWorks = (await bearer(target.token)).status === 200;
      assert.equal(stillWorks, !(row.op === 'revoke' && row.expect === 204));
    });
  }
});

describe('the token page', () => {
  test('signed out: 401 with a sign-in link', async () => {
    const res = await ctx.app.request('/account/tokens');
    assert.equal(res.status, 401);
    assert.match(await res.text(), /href="\/login\?next=/);
  });

  test('the header links to "My account", which links to it; create shows the token once, uncached; it works; revoke by form', async () => {
    const page = await alice.get('/en/account/tokens');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    const html = await page.text();
    assert.match(html, /<a href="\/en\/account">My account<\/a> <span>\(Signed in as alice\)<\/span>/);
    assert.match(await (await alice.get('/en/account')).text(), /<a href="\/en\/account\/tokens">API tokens<\/a>/);
    assert.match(html, /<h1>API tokens<\/h1>/);
    const made = await alice.postForm('/en/account/tokens', { name: 'from the page', expiresInDays: '30' });
    assert.equal(made.status, 200);
    assert.equal(made.headers.get('cache-control'), 'private, no-store');
    const madeHtml = await made.text();
    const token = /id="new-token"[^>]*value="(cct_[^"]+)"|value="(cct_[^"]+)"[^>]*id="new-token"/.exec(madeHtml);
    const secret = token?.[1] ?? token?.[2];
    assert.ok(secret, 'the new token is on the page');
    assert.equal((await bearer(secret)).status, 200);
    const listed = (await tokensOf(alice)).items.find((t) => t.name === 'from the page');
    assert.equal(listed?.expiresAt, new Date(ctx.clock.now.getTime() + 30 * DAY).toISOString());
    assert.ok(!(await (await alice.get('/en/account/tokens')).text()).includes(secret), 'shown once only');
    const refused = await alice.postForm(`/en/account/tokens/${listed?.id}/revoke`, {}, false);
    assert.equal(refused.status, 403, 'the revoke form needs its CSRF token');
    assert.equal((await bearer(secret)).status, 200);
    const revoked = await alice.postForm(`/en/account/tokens/${listed?.id}/revoke`, {});
    assert.equal(revoked.status, 303);
    assert.equal(revoked.headers.get('location'), '/en/account/tokens');
    assert.equal((await bearer(secret)).status, 401);
  });

  test('in Chinese, with messages beside the fields when the input is wrong', async () => {
    const res = await alice.postForm('/account/tokens', { name: '', expiresInDays: '999' });
    assert.equal(res.status, 400);
    const html = await res.text();
    for (const expected of ['<html lang="zh-TW"', '<h1>API 權杖</h1>', '請選擇 1 到 365 天', '此欄位為必填', 'aria-invalid="true"'])
      assert.ok(html.includes(expected), expected);
  });

  test("another user's token cannot be revoked from the page either", async () => {
    const created = await create(bob, { name: 'bob page' });
    assert.equal((await alice.postForm(`/account/tokens/${created.id}/revoke`, {})).status, 404);
    assert.equal((await bearer(created.token)).status, 200);
  });
});

describe('scopes', () => {
  const patchPlan = (token: string, lang = 'en') =>
    bearer(token, '/api/v1/plans/999999', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'accept-language': lang },
      body: JSON.stringify({ version: 1 }),
    });

  test('a new token reads only unless asked; the list and the answer say its scope', async () => {
    const plain = await create(alice, { name: 'default scope' });
    assert.equal(plain.scope, 'read');
    const writer = await create(alice, { name: 'writer', scope: 'write' });
    assert.equal(writer.scope, 'write');
    const listed = (await tokensOf(alice)).items;
    assert.equal(listed.find((t) => t.id === plain.id)?.scope, 'read');
    assert.equal(listed.find((t) => t.id === writer.id)?.scope, 'write');
    const stored = await ctx.database.db.selectFrom('api_tokens').select('scope').where('id', '=', plain.id).executeTakeFirstOrThrow();
    assert.equal(stored.scope, 'read');
  });

  test('scope: read or write only, else 400 naming the field', async () => {
    for (const scope of ['admin', '', 'READ', 1, null, ['read']]) {
      const res = await alice.api('POST', '/api/v1/tokens', { name: 'bad scope', scope });
      assert.equal(res.status, 400, JSON.stringify(scope));
      assert.ok((await json<{ fields: Record<string, string> }>(res)).fields.scope, JSON.stringify(scope));
    }
  });

  test('a read token may GET and HEAD; any other method is 403 naming the scope, in both languages, and writes nothing', async () => {
    const reader = await create(alice, { name: 'reader' });
    assert.equal((await bearer(reader.token, '/api/v1/session')).status, 200);
    assert.equal((await bearer(reader.token, '/api/v1/tokens')).status, 200);
    assert.equal((await bearer(reader.token, '/api/v1/session', { method: 'HEAD' })).status, 200);
    const en = await patchPlan(reader.token);
    assert.equal(en.status, 403);
    assert.match((await json<{ error: string }>(en)).error, /read scope: it may only read/);
    const zh = await patchPlan(reader.token, 'zh-TW');
    assert.equal(zh.status, 403);
    assert.match((await json<{ error: string }>(zh)).error, /權限範圍為「read」/);
    // Its own revocation is a write too: refused, and the token keeps working.
    const revoke = await bearer(reader.token, `/api/v1/tokens/${reader.id}`, { method: 'DELETE' });
    assert.equal(revoke.status, 403);
    assert.equal((await bearer(reader.token)).status, 200);
    assert.equal((await tokensOf(alice)).items.find((t) => t.id === reader.id)?.status, 'active');
    // A write token passes the scope check and reaches the route: 404, no such token.
    const writer = await create(alice, { name: 'writer 2', scope: 'write' });
    assert.equal((await bearer(writer.token, '/api/v1/tokens/999999', { method: 'DELETE' })).status, 404);
  });

  test('tokens made before scopes existed keep writing (the migration made them write)', async () => {
    const migration = await import('node:fs/promises').then((fs) => fs.readFile(new URL('../../db/migrations/0018_token_scopes.sql', import.meta.url), 'utf8'));
    assert.match(migration, /ADD COLUMN scope text NOT NULL DEFAULT 'write'/);
    // A row written without a scope, as an old one was, is refused now: every new token states its scope.
    await assert.rejects(
      ctx.database.db
        .insertInto('api_tokens')
        .values({ user_id: aliceId, token_hash: 'x'.repeat(64), name: 'no scope', created_at: ctx.clock.now, expires_at: ctx.clock.now } as never)
        .execute(),
    );
  });

  test('the token page offers the scope, read by default, and makes a write token when asked', async () => {
    const page = await (await alice.get('/en/account/tokens')).text();
    assert.match(page, /<select[^>]*name="scope"/);
    assert.match(page, /<option value="read" selected[^>]*>Read only/);
    const made = await alice.postForm('/en/account/tokens', { name: 'page writer', expiresInDays: '30', scope: 'write' });
    assert.equal(made.status, 200);
    assert.equal((await tokensOf(alice)).items.find((t) => t.name === 'page writer')?.scope, 'write');
    const bad = await alice.postForm('/account/tokens', { name: 'page bad', expiresInDays: '30', scope: 'root' });
    assert.equal(bad.status, 400);
    assert.ok((await bad.text()).includes('請選擇唯讀（read）或讀寫（write）'));
    assert.equal(
      (await tokensOf(alice)).items.find((t) => t.name === 'page bad'),
      undefined,
    );
  });
});
