/**
 * ETag and Last-Modified with 304 on reads (ADR 0034), over real HTTP against a real database (PGlite, or PostgreSQL
 * with DATABASE_URL): validators on API reads and pages, cached or not; a committed write moves Last-Modified; signed-in
 * answers are private and validated by their ETag only; streamed downloads pass through unbuffered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { modules } from '../src/modules/index.js';
import { defineModule } from '../src/web/module.js';
import type { AppEnv } from '../src/web/context.js';
import { addUser, json, signedIn, setup, type TestContext } from './helpers.js';

let ctx: TestContext;
let slug: string;

before(async () => {
  ctx = await setup();
  const plans = await json<{ items: { slug: string }[] }>(await ctx.app.request('/api/v1/plans'));
  slug = plans.items[0]!.slug;
});
after(() => ctx.close());

const later = (seconds: number) => {
  ctx.clock.now = new Date(ctx.clock.now.getTime() + seconds * 1000);
};
const get = (path: string, headers: Record<string, string> = {}) => ctx.app.request(path, { headers });
/** A committed write to a table public pages show, as any process might make it: its trigger announces it. */
const write = () => sql`UPDATE agencies SET code = code`.execute(ctx.database.db);

describe('Last-Modified and If-Modified-Since', () => {
  test('an API read and a page give ETag and Last-Modified; both validators give 304; a write gives 200 and a later Last-Modified', async () => {
    later(5);
    for (const path of ['/api/v1/plans', `/en/plans/${slug}`, `/plans/${slug}`]) {
      await get(path); // the first request after a pause may be the one that notices earlier changes
      later(2);
      const first = await get(path);
      assert.equal(first.status, 200, path);
      const etag = first.headers.get('etag');
      const modified = first.headers.get('last-modified');
      assert.ok(etag, `${path}: ETag`);
      assert.ok(modified, `${path}: Last-Modified`);
      assert.ok(Date.parse(modified) <= ctx.clock.now.getTime(), 'never in the future');
      const byTag = await get(path, { 'if-none-match': etag });
      assert.equal(byTag.status, 304, `${path}: If-None-Match`);
      const byDate = await get(path, { 'if-modified-since': modified });
      assert.equal(byDate.status, 304, `${path}: If-Modified-Since`);
      assert.equal(byDate.headers.get('etag'), etag, 'the 304 names the validator');
      assert.equal(await byDate.text(), '');
      const older = new Date(Date.parse(modified) - 1000).toUTCString();
      assert.equal((await get(path, { 'if-modified-since': older })).status, 200, `${path}: an older copy is sent again`);

      await write();
      // Within the same second as the write: no 304 by date, and no Last-Modified that could be in the future.
      const sameSecond = await get(path, { 'if-modified-since': modified });
      assert.equal(sameSecond.status, 200, `${path}: after a write`);
      later(2);
      const after = await get(path, { 'if-modified-since': modified });
      assert.equal(after.status, 200, `${path}: after a write, a second later`);
      const moved = after.headers.get('last-modified');
      assert.ok(moved && Date.parse(moved) > Date.parse(modified), `${path}: ${moved} later than ${modified}`);
      assert.equal((await get(path, { 'if-modified-since': moved })).status, 304);
    }
  });

  test('a page kept by the page cache answers If-Modified-Since with 304 too', async () => {
    later(3);
    await get(`/en/plans/${slug}`);
    later(2);
    const miss = await get(`/en/plans/${slug}`);
    const hit = await get(`/en/plans/${slug}`);
    assert.equal(hit.headers.get('x-page-cache'), 'hit');
    const modified = hit.headers.get('last-modified');
    assert.ok(modified);
    assert.equal(modified, miss.headers.get('last-modified'));
    const revalidated = await get(`/en/plans/${slug}`, { 'if-modified-since': modified });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('x-page-cache'), 'hit');
  });

  test('If-None-Match takes precedence: a stale tag with a current date is 200', async () => {
    later(3);
    await get('/api/v1/plans');
    later(2);
    const first = await get('/api/v1/plans');
    const modified = first.headers.get('last-modified')!;
    const res = await get('/api/v1/plans', { 'if-none-match': '"stale"', 'if-modified-since': modified });
    assert.equal(res.status, 200);
  });

  test('a bad If-Modified-Since is ignored', async () => {
    for (const value of ['yesterday', '', 'Wed, 99 Foo 2026 25:61:00 GMT'])
      assert.equal((await get('/api/v1/plans', { 'if-modified-since': value })).status, 200);
  });

  test('signed in: private, varies by cookie, no Last-Modified, If-Modified-Since never answered 304; the ETag still is', async () => {
    await addUser(ctx, 'lm-secretariat@example.org', 'secretariat');
    const secretariat = await signedIn(ctx.app, 'lm-secretariat@example.org');
    later(3);
    for (const path of [`/en/plans/${slug}`, '/api/v1/plans']) {
      const page = await secretariat.request(path);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('last-modified'), null, path);
      assert.match(page.headers.get('cache-control') ?? '', /private/);
      assert.match(page.headers.get('vary') ?? '', /Cookie/);
      const since = new Date(ctx.clock.now.getTime() + 3600_000).toUTCString();
      assert.equal((await secretariat.request(path, { headers: { 'if-modified-since': since } })).status, 200, path);
      const etag = page.headers.get('etag');
      assert.ok(etag);
      if (path.startsWith('/api')) assert.equal((await secretariat.request(path, { headers: { 'if-none-match': etag } })).status, 304);
    }
  });
});

describe('streamed downloads', () => {
  test('a stream with its own ETag is neither buffered nor hashed by any middleware; If-None-Match and If-Modified-Since still give 304', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let pulls = 0;
    const streaming = defineModule({
      name: 'streaming-test',
      pages: () =>
        new Hono<AppEnv>().get('/data/stream.csv', (c) => {
          const body = new ReadableStream<Uint8Array>({
            async pull(controller) {
              pulls++;
              if (pulls === 1) return controller.enqueue(new TextEncoder().encode('a,b\n'));
              await released;
              controller.enqueue(new TextEncoder().encode('1,2\n'));
              controller.close();
            },
          });
          return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', etag: '"export-v1"' });
        }),
    });
    const app = createApp({
      services: {
        db: ctx.database.db,
        sessionSecret: 'test-secret-0123456789abcdef0123456789',
        secureCookies: false,
        now: () => ctx.clock.now,
        config: { publicUrl: undefined },
      },
      modules: [...modules, streaming],
    });
    const timeout = new Promise<'buffered'>((resolve) => setTimeout(() => resolve('buffered'), 2000));
    const answered = await Promise.race([app.request('/data/stream.csv'), timeout]);
    assert.notEqual(answered, 'buffered', 'the response came before the stream ended');
    const res = answered as Response;
    assert.equal(res.headers.get('etag'), '"export-v1"');
    release();
    assert.equal(await res.text(), 'a,b\n1,2\n');
    assert.equal((await app.request('/data/stream.csv', { headers: { 'if-none-match': '"export-v1"' } })).status, 304);
  });
});
