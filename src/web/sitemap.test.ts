/** sitemap.xml and robots.txt: every public page in both languages with its alternates; the page head's links. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setup, type TestContext } from '../../test/helpers.js';
import { MAX_SITEMAP_PAGES, renderSitemap } from './sitemap.js';

describe('renderSitemap', () => {
  test('each page twice (zh-TW at the root, en under /en), each with both editions and x-default as alternates', () => {
    const out = renderSitemap('https://ogp.example.tw', [{ path: '/plans/p', lastModified: new Date('2026-05-01T10:00:00Z') }]);
    const urls = out.match(/<url>.*?<\/url>/g) ?? [];
    assert.equal(urls.length, 2);
    assert.match(urls[0], /<loc>https:\/\/ogp\.example\.tw\/plans\/p<\/loc><lastmod>2026-05-01<\/lastmod>/);
    assert.match(urls[1]!, /<loc>https:\/\/ogp\.example\.tw\/en\/plans\/p<\/loc>/);
    for (const url of urls) {
      assert.match(url, /hreflang="zh-TW" href="https:\/\/ogp\.example\.tw\/plans\/p"/);
      assert.match(url, /hreflang="en" href="https:\/\/ogp\.example\.tw\/en\/plans\/p"/);
      assert.match(url, /hreflang="x-default" href="https:\/\/ogp\.example\.tw\/plans\/p"/);
    }
  });

  test('escapes what XML must not hold raw, lists a page once, and stops at one file’s worth', () => {
    const out = renderSitemap('http://h', [{ path: '/a?x=1&y=<2>' }, { path: '/a?x=1&y=<2>' }]);
    assert.equal((out.match(/<url>/g) ?? []).length, 2);
    assert.ok(out.includes('/a?x=1&amp;y=&lt;2&gt;'));
    assert.ok(!out.includes('&y=<'));
    const many = Array.from({ length: MAX_SITEMAP_PAGES + 10 }, (_, i) => ({ path: `/p/${i}` }));
    assert.equal((renderSitemap('http://h', many).match(/<url>/g) ?? []).length, 2 * MAX_SITEMAP_PAGES);
  });
});

describe('GET /sitemap.xml, /robots.txt and the page head', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await setup();
  });
  after(() => ctx.close());

  test('the demo plan, its progress, every commitment and every agency, in both languages', async () => {
    const res = await ctx.app.request('http://localhost/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
    const body = await res.text();
    const commitments = await ctx.database.db.selectFrom('commitments').select('number').where('plan_id', '=', ctx.planId).execute();
    assert.ok(commitments.length > 10);
    for (const { number } of commitments) {
      assert.ok(body.includes(`<loc>http://localhost/plans/tw-2021-2024/commitments/${number}</loc>`), number);
      assert.ok(body.includes(`<loc>http://localhost/en/plans/tw-2021-2024/commitments/${number}</loc>`), number);
    }
    for (const path of ['/', '/plans/tw-2021-2024', '/plans/tw-2021-2024/progress', '/agencies', '/transcripts'])
      assert.ok(body.includes(`<loc>http://localhost${path === '/' ? '/' : path}</loc>`), path);
    const code = [...ctx.agencies.keys()][0]!;
    assert.ok(body.includes(`<loc>http://localhost/en/agencies/${code}</loc>`));
  });

  test('robots.txt names the sitemap', async () => {
    const body = await (await ctx.app.request('http://localhost/robots.txt')).text();
    assert.match(body, /^Sitemap: http:\/\/localhost\/sitemap\.xml$/m);
  });

  test('a page names its canonical address, both editions, and its OpenGraph title and locale', async () => {
    const html = await (await ctx.app.request('/en/plans/tw-2021-2024')).text();
    assert.match(html, /<link rel="canonical" href="\/en\/plans\/tw-2021-2024"/);
    assert.match(html, /<link rel="alternate" hreflang="zh-TW" href="\/plans\/tw-2021-2024"/);
    assert.match(html, /<link rel="alternate" hreflang="en" href="\/en\/plans\/tw-2021-2024"/);
    assert.match(html, /<meta property="og:locale" content="en_US"/);
    assert.match(html, /<meta property="og:title" content="[^"]+"/);
    // No configured public address: no absolute og:url made from the request's Host (a cached page would spread it).
    assert.doesNotMatch(html, /og:url/);
  });
});
