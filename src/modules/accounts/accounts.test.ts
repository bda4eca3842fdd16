/** Sign-in, sessions, sign-in limits, the client behind a proxy, and demo accounts, through real HTTP against a real database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { addUser, Client, json, PASSWORD, setup, type TestContext } from '../../../test/helpers.js';
import { seedDemo } from '../../seed.js';
import { compileProxyTrust, parseTrustProxy, type ProxyTrust } from '../../web/client-address.js';
import { createUser } from './accounts.service.js';

let ctx: TestContext;
before(async () => {
  ctx = await setup();
  await addUser(ctx, 'sec@example.org', 'secretariat');
});
after(() => ctx.close());

describe('sign-in', () => {
  test('right password: a session cookie (HttpOnly, SameSite) and the user in /api/v1/session', async () => {
    const client = new Client(ctx.app);
    const res = await client.signIn('SEC@example.org');
    assert.equal(res.status, 303);
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('cocreate_session='));
    assert.ok(cookie && /HttpOnly/i.test(cookie) && /SameSite=Lax/i.test(cookie));
    const session = await json<{ user: { role: string } | null }>(await client.request('/api/v1/session'));
    assert.equal(session.user?.role, 'secretariat');
  });

  test('wrong password: the form again with a message, in the page language', async () => {
    const client = new Client(ctx.app);
    await client.get('/en/login');
    const res = await client.postForm('/en/login', { email: 'sec@example.org', password: 'wrong password!' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /The e-mail or password is not correct/);
  });

  test('the sign-in form itself needs its CSRF token', async () => {
    const client = new Client(ctx.app);
    await client.get('/login');
    const res = await client.postForm('/login', { email: 'sec@example.org', password: PASSWORD }, false);
    assert.equal(res.status, 403);
  });

  test('a next= pointing to another site is ignored', async () => {
    const client = new Client(ctx.app);
    await client.get('/login');
    const res = await client.postForm('/login', { email: 'sec@example.org', password: PASSWORD, next: '//evil.example/' });
    assert.equal(res.headers.get('location'), '/');
  });

  test('sign-out ends the session on the server', async () => {
    const client = new Client(ctx.app);
    await client.signIn('sec@example.org');
    const stolenCookie = client.jar.header();
    const out = await client.postForm('/logout', {});
    assert.equal(out.status, 303);
    const replay = await ctx.app.request('/api/v1/session', { headers: { cookie: stolenCookie } });
    assert.equal((await json<{ user: unknown }>(replay)).user, null);
  });

  test('sessions expire', async () => {
    const client = new Client(ctx.app);
    await client.signIn('sec@example.org');
    const saved = ctx.clock.now;
    ctx.clock.now = new Date(saved.getTime() + 15 * 24 * 3600 * 1000);
    try {
      assert.equal((await json<{ user: unknown }>(await client.request('/api/v1/session'))).user, null);
    } finally {
      ctx.clock.now = saved;
    }
  });

  test('password hashes are argon2id, never the password', async () => {
    const row = await ctx.database.db.selectFrom('users').select('password_hash').where('email', '=', 'sec@example.org').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(!row.password_hash.includes(PASSWORD));
  });
});

describe('sign-in limits: slow the guessing client down, never lock the account', () => {
  const wrong = (client: Client, email: string, i: number) => client.postForm('/login', { email, password: `guess-${i}` });
  const at = async (client: Client) => {
    await client.get('/login');
    return client;
  };

  test('five failures from one client: that client waits (429, Retry-After), another client signs in', async () => {
    await addUser(ctx, 'target@example.org', 'public');
    const attacker = await at(new Client(ctx.app, { remoteAddress: '198.51.100.10' }));
    for (let i = 0; i < 5; i++) assert.equal((await wrong(attacker, 'target@example.org', i)).status, 400);
    // Even the right password waits: the client may not learn whether its guess was right.
    const limited = await attacker.postForm('/login', { email: 'target@example.org', password: PASSWORD });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.match(await limited.text(), /嘗試次數過多，請於 30 秒後再試/);
    const owner = await at(new Client(ctx.app, { remoteAddress: '203.0.113.20' }));
    assert.equal((await owner.postForm('/login', { email: 'target@example.org', password: PASSWORD })).status, 303);
  });

  test('the wait doubles with each further failure, and a wait is not a failure', async () => {
    await addUser(ctx, 'doubling@example.org', 'public');
    const attacker = await at(new Client(ctx.app, { remoteAddress: '198.51.100.11' }));
    for (let i = 0; i < 5; i++) await wrong(attacker, 'doubling@example.org', i);
    for (let i = 0; i < 3; i++) assert.equal((await wrong(attacker, 'doubling@example.org', 10 + i)).headers.get('retry-after'), '30');
    const saved = ctx.clock.now;
    try {
      ctx.clock.now = new Date(saved.getTime() + 30_000);
      assert.equal((await wrong(attacker, 'doubling@example.org', 20)).status, 400, 'allowed once the wait has passed');
      assert.equal((await wrong(attacker, 'doubling@example.org', 21)).headers.get('retry-after'), '60');
      ctx.clock.now = new Date(saved.getTime() + 90_000);
      assert.equal((await attacker.postForm('/login', { email: 'doubling@example.org', password: PASSWORD })).status, 303);
    } finally {
      ctx.clock.now = saved;
    }
  });

  test('a success starts the (account, client) count again', async () => {
    await addUser(ctx, 'typo@example.org', 'public');
    const person = await at(new Client(ctx.app, { remoteAddress: '198.51.100.12' }));
    for (let i = 0; i < 4; i++) await wrong(person, 'typo@example.org', i);
    assert.equal((await person.postForm('/login', { email: 'typo@example.org', password: PASSWORD })).status, 303);
    const again = await at(new Client(ctx.app, { remoteAddress: '198.51.100.12' }));
    for (let i = 0; i < 5; i++) assert.equal((await wrong(again, 'typo@example.org', i)).status, 400);
    assert.equal((await wrong(again, 'typo@example.org', 9)).status, 429);
  });

  test('one client spraying many accounts is stopped; other clients are not', async () => {
    await addUser(ctx, 'sprayed@example.org', 'public');
    const sprayer = await at(new Client(ctx.app, { remoteAddress: '198.51.100.13' }));
    for (let i = 0; i < 20; i++) assert.equal((await wrong(sprayer, `nobody-${i}@example.org`, i)).status, 400);
    const stopped = await sprayer.postForm('/login', { email: 'sprayed@example.org', password: PASSWORD });
    assert.equal(stopped.status, 429);
    assert.equal(stopped.headers.get('retry-after'), '60');
    const other = await at(new Client(ctx.app, { remoteAddress: '198.51.100.14' }));
    assert.equal((await other.postForm('/login', { email: 'sprayed@example.org', password: PASSWORD })).status, 303);
  });

  test('parallel guesses from one client cannot slip past the count', async () => {
    await addUser(ctx, 'parallel@example.org', 'public');
    const attacker = await at(new Client(ctx.app, { remoteAddress: '198.51.100.15' }));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => wrong(attacker, 'parallel@example.org', i)));
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array<number>(5).fill(400), ...Array<number>(7).fill(429)]);
  });

  test('guessed at from many clients, the account is slowed but the right password still signs in', async () => {
    await addUser(ctx, 'besieged@example.org', 'public');
    for (let c = 0; c < 10; c++) {
      const client = await at(new Client(ctx.app, { remoteAddress: `192.0.2.${c + 1}` }));
      for (let i = 0; i < 5; i++) assert.equal((await wrong(client, 'besieged@example.org', i)).status, 400);
    }
    const owner = await at(new Client(ctx.app, { remoteAddress: '192.0.2.200' }));
    const started = performance.now();
    assert.equal((await owner.postForm('/login', { email: 'besieged@example.org', password: PASSWORD })).status, 303);
    assert.ok(performance.now() - started >= 950, 'the fixed slowdown applies');
  });

  test('only failures are stored, under the client and the account', async () => {
    await addUser(ctx, 'stored@example.org', 'public');
    const guesser = await at(new Client(ctx.app, { remoteAddress: '198.51.100.30' }));
    for (let i = 0; i < 5; i++) assert.equal((await wrong(guesser, 'stored@example.org', i)).status, 400);
    const owner = await at(new Client(ctx.app, { remoteAddress: '203.0.113.30' }));
    assert.equal((await owner.postForm('/login', { email: 'stored@example.org', password: PASSWORD })).status, 303);
    const rows = await ctx.database.db.selectFrom('sign_in_failures').select(['key', 'failures']).where('key', 'like', '%stored@example.org').execute();
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.failures]));
    assert.equal(byKey['pair:198.51.100.30 stored@example.org'], 5);
    assert.equal(byKey['pair:203.0.113.30 stored@example.org'], undefined, "the owner's success left no pair count");
    assert.equal(byKey['account:stored@example.org'], 5);
    const ownerRows = await ctx.database.db.selectFrom('sign_in_failures').select('key').where('key', 'like', '%203.0.113.30%').execute();
    assert.deepEqual(ownerRows, [], 'a client that only succeeded leaves no row');
  });
});

describe('the client behind a reverse proxy (TRUST_PROXY)', () => {
  /** Five failures from one forwarded address, then the right password from another, over real HTTP. */
  async function probe(trustProxy: ProxyTrust | undefined, forged: string): Promise<{ otherAddress: number; forgedChain: number }> {
    const local = await setup({ seed: false, trustProxy });
    const server = serve({ fetch: local.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      await createUser({ db: local.database.db }, 'cli', {
        email: 'proxied@example.org',
        displayName: 'proxied',
        password: PASSWORD,
        role: 'public',
        agencyIds: [],
      });
      const post = (password: string, forwardedFor: string) =>
        fetch(`http://127.0.0.1:${port}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'cocreate_csrf=test-token', 'x-forwarded-for': forwardedFor },
          body: new URLSearchParams({ _csrf: 'test-token', email: 'proxied@example.org', password }),
        });
      for (let i = 0; i < 5; i++) assert.equal((await post(`guess-${i}`, '203.0.113.1')).status, 400);
      const otherAddress = (await post(PASSWORD, '203.0.113.2')).status;
      // A client may write anything left of what the proxy appended: the right-most untrusted entry counts.
      const forgedChain = (await post(PASSWORD, forged)).status;
      return { otherAddress, forgedChain };
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await local.close();
    }
  }

  test("without TRUST_PROXY, X-Forwarded-For is ignored: every request is the socket's address", async () => {
    const result = await probe(undefined, '203.0.113.3');
    assert.equal(result.otherAddress, 429);
    assert.equal(result.forgedChain, 429);
  });

  test('from a trusted proxy, the forwarded client is counted, and a forged left-hand entry changes nothing', async () => {
    const result = await probe(compileProxyTrust(parseTrustProxy('loopback')), '203.0.113.9, 203.0.113.1');
    assert.equal(result.otherAddress, 303);
    assert.equal(result.forgedChain, 429);
  });
});

describe('demo accounts', () => {
  test('one per role, random passwords that work and are stored only hashed', async () => {
    const fresh = await setup({ seed: false });
    try {
      const accounts = await seedDemo(fresh.database.db);
      // One per role, and a participant who translates the English edition (issue #14).
      assert.deepEqual(accounts.map((a) => a.role).sort(), ['admin', 'agency-officer', 'public', 'public', 'secretariat']);
      assert.equal(new Set(accounts.map((a) => a.password)).size, 5);
      const translator = accounts.find((a) => a.email === 'translator@demo.cocreate.tw');
      assert.ok(translator);
      const translating = new Client(fresh.app);
      await translating.signIn(translator.email, translator.password);
      const session = (await (await translating.request('/api/v1/session')).json()) as { user: { grants: unknown[] } };
      assert.deepEqual(session.user.grants, [{ role: 'translator', scope: 'site', scopeId: null }]);
      const officer = accounts.find((a) => a.role === 'agency-officer');
      assert.ok(officer);
      const client = new Client(fresh.app);
      assert.equal((await client.signIn(officer.email, officer.password)).status, 303);
      const rows = await fresh.database.db.selectFrom('users').select('password_hash').execute();
      for (const a of accounts) assert.ok(rows.every((r) => !r.password_hash.includes(a.password)));
    } finally {
      await fresh.close();
    }
  });
});
