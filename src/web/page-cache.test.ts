/**
 * The public page cache (ADR 0020) against a real database and the real app: hits and misses, validators and
 * codings, invalidation by the database's change events (through our services and behind their back, in SQL), who
 * bypasses it, what is never kept, the race between a render and a change, its bounds, and the node:http fast path.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { addUser, Client, setup, type TestContext } from '../../test/helpers.js';
import { createApp, type App } from '../app.js';
import type { AppEnv } from './context.js';
import { PageCache, pageCache, preferredEncoding, servePageCache, tagPageWithPlan, withPageCache } from './page-cache.js';
import { RESTRICTED_CACHE_CONTROL } from './visibility.js';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const PLAN_A = '/plans/tw-2021-2024';
const PLAN_B = '/plans/tw-cache-b';

let ctx: TestContext;
let cache: PageCache;
let app: App;

/** On PostgreSQL a cache keeps nothing until its LISTEN connection is up (ADR 0020): wait for it, up to 5 s. */
async function untilLive(cache: PageCache): Promise<void> {
  for (let i = 0; i < 250 && !cache.live; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(cache.live, 'the page cache hears change events');
}

/** The app's services over this file's database and clock, with the given page cache. */
const servicesWith = (pageCache: PageCache) => ({
  db: ctx.database.db,
  sessionSecret: SECRET,
  secureCookies: false,
  now: () => ctx.clock.now,
  config: { publicUrl: undefined },
  pageCache,
});

/** The app as the server composes it, with a cache this file can look into. */
function appWith(pageCacheOptions: { maxEntries?: number; maxBytes?: number } = {}): { app: App; cache: PageCache } {
  const own = new PageCache({ changes: ctx.database, now: () => ctx.clock.now, ...pageCacheOptions });
  return { app: createApp({ services: servicesWith(own) }), cache: own };
}

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const state = (res: Response) => res.headers.get('x-page-cache');

/** Headers that are the same for every answer of one page (not the request id, not the cache's verdict). */
function stableHeaders(res: Response): Record<string, string> {
  const stable: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!['x-request-id', 'x-page-cache', 'date'].includes(name)) stable[name] = value;
  });
  return stable;
}

/** A GET with exactly these headers. */
function plainGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  ctx = await setup();
  ({ app, cache } = appWith());
  await untilLive(cache);
  // A second plan, written straight to the table: the cache must keep the two apart.
  await sql`INSERT INTO action_plans (slug, member_id, title, period_start, period_end, status, introduction, efforts_to_date, development_process, commitments_intro)
    SELECT 'tw-cache-b', member_id, title, period_start, period_end, status, introduction, efforts_to_date, development_process, commitments_intro
    FROM action_plans WHERE id = ${ctx.planId}`.execute(ctx.database.db);
});
after(async () => {
  cache.close();
  await ctx.close();
});

describe('hits and misses', () => {
  test('the second anonymous request is a hit with the same body and the same headers', async () => {
    // A page no other test asks for, so that the first request is a miss whatever ran before.
    const path = `${PLAN_A}/commitments/1-3`;
    const first = await get(path);
    assert.equal(first.status, 200);
    assert.equal(state(first), 'miss');
    const second = await get(path);
    assert.equal(state(second), 'hit');
    assert.equal(await second.text(), await first.text());
    assert.deepEqual(stableHeaders(second), stableHeaders(first));
    // What the full response carried: the security headers, the type, the caching rules, a validator.
    assert.match(second.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(second.headers.get('content-type'), 'text/html; charset=UTF-8');
    assert.equal(second.headers.get('cache-control'), 'no-cache');
    assert.match(second.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.match(second.headers.get('vary') ?? '', /Cookie/);
    assert.match(second.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.match(second.headers.get('x-request-id') ?? '', /^[\w-]+$/);
    assert.notEqual(second.headers.get('x-request-id'), first.headers.get('x-request-id'));
  });

  test('If-None-Match with any coding’s validator is answered 304 with no body; a stale validator gets the page', async () => {
    const path = `${PLAN_A}/progress`;
    const identity = await get(path);
    const gzip = await get(path, { 'accept-encoding': 'gzip' });
    const br = await get(path, { 'accept-encoding': 'br' });
    for (const res of [identity, gzip, br]) {
      const etag = res.headers.get('etag') ?? '';
      const revalidated = await get(path, { 'if-none-match': etag });
      assert.equal(revalidated.status, 304, etag);
      assert.equal(state(revalidated), 'hit');
      assert.equal(await revalidated.text(), '');
      assert.equal(revalidated.headers.get('cache-control'), 'no-cache');
      // A weak comparison, as RFC 9110 asks of If-None-Match.
      assert.equal((await get(path, { 'if-none-match': `"other", W/${etag}` })).status, 304);
    }
    const stale = await get(path, { 'if-none-match': '"not-this-page"' });
    assert.equal(stale.status, 200);
    assert.equal(await stale.text(), await identity.text());
  });

  test('a revalidation that misses (the page was dropped, its content unchanged) is a 304, and the page is kept again', async () => {
    const path = `${PLAN_A}/commitments/1-2`;
    const first = await get(path);
    const etag = first.headers.get('etag') ?? '';
    await sql`UPDATE action_plans SET title = title WHERE id = ${ctx.planId}`.execute(ctx.database.db);
    const revalidated = await get(path, { 'if-none-match': etag });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), etag, 'the same body has the same validator');
    const next = await get(path);
    assert.equal(state(next), 'hit');
    assert.deepEqual(stableHeaders(next), stableHeaders(first));
  });

  test('gzip and brotli variants decode to the same body, each with its own validator', async () => {
    const path = PLAN_A;
    const identity = await get(path);
    const body = Buffer.from(await identity.arrayBuffer());
    const gzip = await get(path, { 'accept-encoding': 'gzip, deflate' });
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    assert.equal(br.headers.get('content-encoding'), 'br');
    // app.request hands back the bytes as sent; decode them ourselves.
    const gzipBytes = Buffer.from(await gzip.arrayBuffer());
    const brBytes = Buffer.from(await br.arrayBuffer());
    assert.ok(gzipBytes.length < body.length / 2 && brBytes.length < body.length / 2, 'compressed');
    assert.deepEqual(gunzipSync(gzipBytes), body);
    assert.deepEqual(brotliDecompressSync(brBytes), body);
    assert.equal(Number(br.headers.get('content-length')), brBytes.length);
    const tags = new Set([identity, gzip, br].map((r) => r.headers.get('etag')));
    assert.equal(tags.size, 3, 'one strong validator per coding');
  });

  test('the coding follows the client’s preferences', () => {
    const cases: [acceptEncoding: string, coding: string][] = [
      ['gzip, deflate, br', 'br'],
      ['br;q=0.5, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', 'identity'],
      ['*', 'br'],
      ['identity', 'identity'],
      ['deflate', 'identity'],
    ];
    for (const [acceptEncoding, coding] of cases) assert.equal(preferredEncoding(acceptEncoding), coding, acceptEncoding);
  });

  test('a new day in Taipei renders the page again', async () => {
    const path = `${PLAN_A}?area=1`;
    await get(path);
    assert.equal(state(await get(path)), 'hit');
    const saved = ctx.clock.now;
    try {
      ctx.clock.now = new Date(saved.getTime() + 24 * 3600_000);
      assert.equal(state(await get(path)), 'miss');
    } finally {
      ctx.clock.now = saved;
    }
  });
});

describe('who gets a cached page', () => {
  test('a signed-in visitor bypasses the cache, and what they see is not kept for others', async () => {
    await addUser(ctx, 'cache-admin@example.org', 'admin');
    const admin = new Client(app);
    await admin.signIn('cache-admin@example.org');
    const path = `${PLAN_A}/commitments/2-1`;
    const anonymous = await get(path);
    assert.equal(state(anonymous), 'miss');
    const signedIn = await admin.request(path);
    assert.equal(state(signedIn), 'bypass');
    assert.match(await signedIn.text(), /cache-admin/, 'rendered for them');
    assert.equal(signedIn.headers.get('cache-control'), RESTRICTED_CACHE_CONTROL);
    const again = await get(path);
    assert.equal(state(again), 'hit');
    assert.doesNotMatch(await again.text(), /cache-admin/);
  });

  test('Cache-Control: no-cache asks for a fresh render', async () => {
    await get(PLAN_A);
    const fresh = await get(PLAN_A, { 'cache-control': 'no-cache' });
    assert.equal(state(fresh), 'bypass');
    assert.equal(fresh.status, 200);
  });

  test('a rendered page’s validator is the SHA-1 of its bytes, and answers If-None-Match with a 304; a 404 has none', async () => {
    for (const path of [PLAN_A, `/en${PLAN_A}`, `${PLAN_A}/commitments/1-1`]) {
      const fresh = await get(path, { 'cache-control': 'no-cache' });
      const body = Buffer.from(await fresh.arrayBuffer());
      assert.equal(fresh.headers.get('etag'), `"${createHash('sha1').update(body).digest('hex')}"`, path);
      const again = await get(path, { 'cache-control': 'no-cache', 'if-none-match': fresh.headers.get('etag') ?? '' });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
    }
    const missing = await get(`${PLAN_A}/commitments/99-9`, { 'cache-control': 'no-cache' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('etag'), null);
  });
});

describe('invalidation by change events', () => {
  test('a write to plan A through the API drops A’s pages and keeps plan B’s', async () => {
    await addUser(ctx, 'cache-writer@example.org', 'admin');
    const admin = new Client(app);
    await admin.signIn('cache-writer@example.org');
    const pages = [PLAN_A, `${PLAN_A}/progress`, `${PLAN_A}/commitments/1-1`, PLAN_B];
    for (const path of pages) await get(path);
    for (const path of pages) assert.equal(state(await get(path)), 'hit', path);
    const created = await admin.api('POST', `/api/v1/plans/${ctx.planId}/areas`, { position: 9, title: { zh: '快取測試領域', en: 'Cache test area' } });
    assert.equal(created.status, 201);
    for (const path of pages.slice(0, 3)) assert.equal(state(await get(path)), 'miss', path);
    assert.equal(state(await get(PLAN_B)), 'hit', 'another plan’s page stays cached');
  });

  test('a change made in SQL, not through our services, drops the page and the new text shows', async () => {
    const path = `${PLAN_A}/commitments/1-1`;
    await get(path);
    assert.equal(state(await get(path)), 'hit');
    await sql`UPDATE commitments SET title = ${JSON.stringify({ zh: '直接在資料庫改的標題', en: 'A title changed in SQL', status: 'reviewed' })}::jsonb
      WHERE plan_id = ${ctx.planId} AND number = '1-1'`.execute(ctx.database.db);
    const after = await get(path);
    assert.equal(state(after), 'miss');
    assert.match(await after.text(), /直接在資料庫改的標題/);
  });

  test('a change to a row that reaches its plan through another table (a milestone) drops that plan’s pages only', async () => {
    await get(`${PLAN_A}/progress`);
    await get(PLAN_B);
    const changed = await sql`UPDATE milestones SET position = position WHERE id = (
      SELECT m.id FROM milestones m JOIN commitments c ON c.id = m.commitment_id WHERE c.plan_id = ${ctx.planId} LIMIT 1)`.execute(ctx.database.db);
    assert.equal(Number(changed.numAffectedRows), 1);
    assert.equal(state(await get(`${PLAN_A}/progress`)), 'miss');
    assert.equal(state(await get(PLAN_B)), 'hit');
  });

  test('a change no plan owns (an agency renamed) drops every page', async () => {
    await get(PLAN_A);
    await get(PLAN_B);
    await sql`UPDATE agencies SET name = name WHERE id = (SELECT min(id) FROM agencies)`.execute(ctx.database.db);
    assert.equal(state(await get(PLAN_A)), 'miss');
    assert.equal(state(await get(PLAN_B)), 'miss');
  });

  test('a rolled-back write drops nothing', async () => {
    await get(PLAN_B);
    await ctx.database.db
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE action_plans SET title = title WHERE slug = 'tw-cache-b'`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.equal(state(await get(PLAN_B)), 'hit');
  });
});

/**
 * A small app with the real middleware around routes that misbehave on purpose: the cache's refusals are about
 * responses our pages do not give today, and must hold for the pages modules add later.
 */
describe('what is never kept', () => {
  let gate: Promise<void> = Promise.resolve();
  const probe = new Hono<AppEnv>();
  before(() => {
    const services = servicesWith(cache);
    probe.use('*', async (c, next) => {
      c.set('services', services);
      c.set('actor', null);
      c.set('csrfToken', 'per-visitor-token-123');
      await next();
    });
    probe.use('*', servePageCache());
    const page = '<!doctype html><p>' + 'x'.repeat(2000) + '</p>';
    probe.get('/no-store', pageCache(), (c) => c.html(page, 200, { 'Cache-Control': RESTRICTED_CACHE_CONTROL }));
    probe.get('/cookie', pageCache(), (c) => c.html(page, 200, { 'Set-Cookie': 'a=b' }));
    probe.get('/csrf-field', pageCache(), (c) => c.html(`${page}<input type="hidden" name="_csrf" value="t">`));
    probe.get('/csrf-token', pageCache(), (c) => c.html(`${page}<meta content="per-visitor-token-123">`));
    probe.get('/not-found', pageCache(), (c) => c.html(page, 404));
    probe.get('/slow/:plan', pageCache(), async (c) => {
      tagPageWithPlan(c, Number(c.req.param('plan')));
      const rendered = page;
      await gate;
      return c.html(rendered);
    });
  });

  test('a private or no-store response, one that sets a cookie, one with a CSRF token, a 404', async () => {
    for (const path of ['/no-store', '/cookie', '/csrf-field', '/csrf-token', '/not-found']) {
      await probe.request(path);
      const second = await probe.request(path);
      assert.notEqual(state(second), 'hit', path);
      assert.equal(
        cache.lookup('GET', path, () => undefined),
        undefined,
        path,
      );
    }
  });

  test('a page rendered before a change to its plan and finished after the change’s event is not kept', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const path = `/slow/${ctx.planId}`;
    const pending = probe.request(path);
    // The render has read what it shows; now the plan changes and its event arrives before the render finishes.
    await sql`UPDATE action_plans SET title = title WHERE id = ${ctx.planId}`.execute(ctx.database.db);
    open();
    assert.equal(state(await pending), 'miss');
    assert.equal(state(await probe.request(path)), 'miss', 'the stale render was not kept');
    assert.equal(state(await probe.request(path)), 'hit', 'the fresh one was');
  });

  test('a change to another plan during the render does not stop it being kept', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const otherPlan = await sql<{ id: number }>`SELECT id FROM action_plans WHERE slug = 'tw-cache-b'`.execute(ctx.database.db);
    const path = `/slow/${ctx.planId}?other`;
    const pending = probe.request(path);
    await sql`UPDATE action_plans SET title = title WHERE id = ${otherPlan.rows[0]!.id}`.execute(ctx.database.db);
    open();
    assert.equal(state(await pending), 'miss');
    assert.equal(state(await probe.request(path)), 'hit');
  });
});

describe('bounds', () => {
  test('never more entries or bytes than allowed; the least recently used go first', async () => {
    const small = appWith({ maxEntries: 3 });
    await untilLive(small.cache);
    const paths = [1, 2, 3, 4].map((area) => `${PLAN_A}?area=${area}`);
    for (const path of paths) await small.app.request(path);
    assert.equal(small.cache.size, 3);
    assert.equal(
      small.cache.lookup('GET', paths[0], () => undefined),
      undefined,
      'the oldest was dropped',
    );
    assert.ok(small.cache.lookup('GET', paths[3], () => undefined));
    small.cache.close();

    const page = Buffer.from(await (await get(PLAN_A)).arrayBuffer()).length;
    const tight = appWith({ maxBytes: Math.floor(page * 2.5) });
    await untilLive(tight.cache);
    for (const path of paths) await tight.app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    assert.ok(tight.cache.bytes <= page * 2.5, `${tight.cache.bytes} bytes kept`);
    assert.ok(tight.cache.size >= 1);
    tight.cache.close();
  });
});

describe('the node:http fast path', () => {
  let server: Server;
  let base: string;
  before(async () => {
    server = createServer(withPageCache(cache, getRequestListener(app.fetch)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a hit over real HTTP carries what the full response carried, in every coding, and 304s', async () => {
    const path = `${PLAN_A}/commitments/3-1`;
    const miss = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(state(miss), 'miss');
    const body = await miss.text();
    const hit = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(state(hit), 'hit');
    assert.equal(await hit.text(), body);
    assert.deepEqual(stableHeaders(hit), stableHeaders(miss));
    assert.match(hit.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal((await fetch(base + path, { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id'), 'trace-42');
    // fetch decodes the codings itself.
    for (const coding of ['gzip', 'br']) {
      const res = await fetch(base + path, { headers: { 'accept-encoding': coding } });
      assert.equal(res.headers.get('content-encoding'), coding);
      assert.equal(await res.text(), body);
    }
    const head = await fetch(base + path, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    assert.equal(state(head), 'hit');
    assert.equal(head.headers.get('content-length'), String(Buffer.byteLength(body)));
    assert.equal(await head.text(), '');
    // fetch() adds Cache-Control: no-cache to a request with a validator (the Fetch standard); a browser revalidating
    // its copy does not, so this one goes through node:http.
    const notModified = await plainGet(base + path, { 'if-none-match': hit.headers.get('etag') ?? '' });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.headers['x-page-cache'], 'hit');
    assert.equal(notModified.body, '');
  });

  test('a session cookie or Cache-Control: no-cache goes to the app', async () => {
    const path = `${PLAN_A}/commitments/3-2`; // not 3-1, which the test above needs to find uncached
    await fetch(base + path);
    assert.equal(state(await fetch(base + path, { headers: { cookie: 'theme=dark' } })), 'hit', 'other cookies do not matter');
    assert.equal(
      state(await fetch(base + path, { headers: { cookie: 'theme=dark; cocreate_session=not-a-session' } })),
      'miss',
      'the app looked, found no session, and rendered',
    );
    assert.equal(state(await fetch(base + path, { headers: { 'cache-control': 'no-cache' } })), 'bypass');
  });
});
