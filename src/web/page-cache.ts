/**
 * A small in-process cache of rendered public pages. Every change to plan content writes a history row in
 * the same transaction, so the newest history id is the data's version: a cached page is served only while
 * that id is unchanged, and only on the (Taipei) day it was rendered, since deadlines turn reports "missing" and
 * charts draw a today line. Signed-in visitors see edit links and drafts, so they always get a fresh render, and a
 * response marked private or no-store (a restricted view, web/visibility.ts) is never kept.
 */
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { DbOrTx } from '../db/connection.js';
import { taipeiDay } from '../domain/monitoring.js';
import type { AppEnv } from './context.js';
import { isShareable } from './visibility.js';

interface Entry {
  version: number;
  body: string;
  contentType: string;
}

export async function dataVersion(db: DbOrTx): Promise<number> {
  const row = await sql<{ v: number | null }>`SELECT max(id) AS v FROM history`.execute(db);
  return row.rows[0]?.v ?? 0;
}

export function pageCache(options: { maxEntries?: number } = {}): MiddlewareHandler<AppEnv> {
  const maxEntries = options.maxEntries ?? 200;
  const entries = new Map<string, Entry>();
  return async (c, next) => {
    // A client asking for a fresh copy (Cache-Control: no-cache) gets one; benchmarks measure both paths this way.
    if (c.get('actor') || /no-cache/i.test(c.req.header('cache-control') ?? '')) {
      await next();
      c.header('X-Page-Cache', 'bypass');
      return;
    }
    const url = new URL(c.req.url);
    const key = `${c.get('lang')}|${taipeiDay(c.get('services').now())}|${url.pathname}${url.search}`;
    const version = await dataVersion(c.get('services').db);
    const hit = entries.get(key);
    if (hit && hit.version === version) {
      // Refresh its place so the map's order approximates least-recently-used.
      entries.delete(key);
      entries.set(key, hit);
      return c.body(hit.body, 200, { 'Content-Type': hit.contentType, 'X-Page-Cache': 'hit' });
    }
    await next();
    // Only what everyone may see is kept for everyone (web/visibility.ts).
    if (c.res.status !== 200 || !isShareable(c.res)) return;
    const body = await c.res.clone().text();
    entries.set(key, { version, body, contentType: c.res.headers.get('content-type') ?? 'text/html; charset=UTF-8' });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    c.header('X-Page-Cache', 'miss');
  };
}
