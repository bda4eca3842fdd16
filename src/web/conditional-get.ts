/**
 * Last-Modified and If-Modified-Since (ADR 0034). ETags come from the body (hono/etag, rendered-etag.ts, the page
 * cache); Last-Modified is the time of the last committed change the process has heard of, from the database's change
 * events (ADR 0020), which the page cache counts in its generation.
 *
 * Why it is never stale:
 * - A response declares L = (the second of the last change heard before its render began) + 1, at least the start
 *   of the Taipei day (pages show deadlines and "today"). L is the second after that change, so a second change
 *   within the same second still moves L; and L is sent only once it is in the past (RFC 9110 8.8.2.1), else the
 *   response has no Last-Modified (the ETag still validates it).
 * - If-Modified-Since: D is answered 304 only when the response that would be sent now declares L ≤ D. Any change
 *   heard after a copy was rendered makes the L of later responses greater than that copy's L, since a copy's L is
 *   never later than its render. A page kept by the page cache declares the L of its render; the cache drops it on a
 *   change to what it shows, so an older copy compared against it was rendered after the last change it shows too.
 * - Changes are heard only while the page cache listens; before the first event is counted, after a gap in
 *   listening, or with no page cache, the time of the first request that notices is taken as the last change (later
 *   than the truth, so never stale). Another server process's write is heard when its notification arrives; until
 *   then this process's reads (the read cache, ADR 0022) do not show it either, so Last-Modified is exactly as fresh
 *   as the body it goes with.
 * - Only anonymous responses get Last-Modified. A signed-in page shows tables no event covers (one's notifications,
 *   tokens, follows), so a signed-in or token-authenticated read is validated by its ETag alone, and is private.
 * - The 304 is never made from a response that sets a cookie (an anonymous form's CSRF token), nor when the request
 *   also sends If-None-Match (which takes precedence, RFC 9110 13.2.2).
 * Neither middleware reads a body: streamed downloads pass through as streams.
 */
import type { MiddlewareHandler } from 'hono';
import { taipeiDay } from '../domain/monitoring.js';
import type { AppEnv } from './context.js';
import type { PageCache } from './page-cache.js';

interface Heard {
  /** The page cache's generation last seen: each change event it heard adds one. */
  generation: number;
  /** When a change was last noticed (ms); never earlier than the change. */
  at: number;
}

const heardBy = new WeakMap<PageCache, Heard>();

/** Milliseconds of the Taipei day's start (UTC+8 all year). */
const taipeiDayStart = (now: Date) => Date.parse(`${taipeiDay(now)}T00:00:00+08:00`);

/** The Last-Modified a response rendered now may declare (ms, a whole second), or undefined if none may be. */
export function lastModifiedNow(cache: PageCache | undefined, now: Date): number | undefined {
  if (!cache?.live) {
    if (cache) heardBy.delete(cache);
    return undefined;
  }
  const nowMs = now.getTime();
  let heard = heardBy.get(cache);
  if (!heard || heard.generation !== cache.generation) {
    heard = { generation: cache.generation, at: nowMs };
    heardBy.set(cache, heard);
  }
  const modified = Math.max((Math.floor(heard.at / 1000) + 1) * 1000, taipeiDayStart(now));
  return modified <= nowMs ? modified : undefined;
}

/** Sets Last-Modified on anonymous 200 answers to GET and HEAD (after authentication, around the routes). */
export function declareLastModified(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const read = c.req.method === 'GET' || c.req.method === 'HEAD';
    // Taken before the render reads anything: a change heard during it moves later responses' L, not this one's.
    const modified = read ? lastModifiedNow(c.get('services').pageCache, c.get('services').now()) : undefined;
    await next();
    if (modified === undefined || c.get('actor') || c.res.status !== 200 || c.res.headers.has('last-modified')) return;
    c.res.headers.set('Last-Modified', new Date(modified).toUTCString());
  };
}

/** What a 304 repeats of the 200 (RFC 9110 15.4.5), and what says where it came from. */
const KEPT_ON_304 = /^(?:cache-control|content-location|date|etag|expires|vary|last-modified|x-request-id|x-page-cache|access-control-.*)$/;

/**
 * Answers If-Modified-Since with 304 when the response about to be sent declares a Last-Modified no later than it.
 * The first middleware after the services, so a page-cache hit is answered the same way as a fresh render (in the
 * server, hits answered before Hono (withPageCache) do not pass here: they answer If-None-Match only).
 */
export function notModifiedSince(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Before the page cache looks: a change heard after this cannot be older than what a hit shows.
    const declared = lastModifiedNow(c.get('services').pageCache, c.get('services').now());
    await next();
    const res = c.res;
    // A page kept from a render in the second of a change has no Last-Modified; a hit is current, so it gets the
    // one a render now would declare (every change it shows was heard before this request began).
    if (res.status === 200 && declared !== undefined && res.headers.get('x-page-cache') === 'hit' && !res.headers.has('last-modified'))
      res.headers.set('Last-Modified', new Date(declared).toUTCString());
    const since = c.req.header('if-modified-since');
    if (!since || c.req.header('if-none-match') !== undefined) return;
    const modified = res.headers.get('last-modified');
    if (res.status !== 200 || !modified || res.headers.has('set-cookie')) return;
    const sinceMs = Date.parse(since);
    const modifiedMs = Date.parse(modified);
    if (!Number.isFinite(sinceMs) || !Number.isFinite(modifiedMs) || modifiedMs > sinceMs) return;
    const headers = new Headers();
    res.headers.forEach((value, name) => {
      if (KEPT_ON_304.test(name)) headers.set(name, value);
    });
    await res.body?.cancel();
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers });
  };
}
