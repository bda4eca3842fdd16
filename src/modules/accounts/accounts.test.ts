/** Sign-in, sessions, rate limits and demo accounts through real HTTP against a real database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Client, json, PASSWORD, setup, type TestContext } from '../../../test/helpers.js';
import { seedDemo } from '../../seed.js';

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

describe('rate limits', () => {
  test('after 5 failed attempts for one address: 429 with Retry-After, even with the right password', async () => {
    await addUser(ctx, 'target@example.org', 'public');
    const client = new Client(ctx.app);
    await client.get('/login');
    for (let i = 0; i < 5; i++) assert.equal((await client.postForm('/login', { email: 'target@example.org', password: `guess-${i}` })).status, 400);
    const limited = await client.postForm('/login', { email: 'target@example.org', password: PASSWORD });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.match(await limited.text(), /嘗試次數過多/);
    // The window passes and the right password works again.
    const saved = ctx.clock.now;
    ctx.clock.now = new Date(saved.getTime() + 16 * 60 * 1000);
    try {
      assert.equal((await client.postForm('/login', { email: 'target@example.org', password: PASSWORD })).status, 303);
    } finally {
      ctx.clock.now = saved;
    }
  });
});

describe('demo accounts', () => {
  test('one per role, random passwords that work and are stored only hashed', async () => {
    const fresh = await setup({ seed: false });
    try {
      const accounts = await seedDemo(fresh.database.db);
      assert.deepEqual(accounts.map((a) => a.role).sort(), ['admin', 'agency-officer', 'public', 'secretariat']);
      assert.equal(new Set(accounts.map((a) => a.password)).size, 4);
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
