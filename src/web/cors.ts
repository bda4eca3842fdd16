/**
 * Cross-origin reads (ADR 0034): anyone's page may read the open API and the open data with a script. GET and HEAD of
 * /api/v1/* and /data/* answer `Access-Control-Allow-Origin: *`, never with credentials (a browser then sends no
 * cookie, so what comes back is what the public may read, or what a bearer token the script holds may read). A
 * preflight for any other method gets no allowance at all, so browsers refuse cross-site writes before sending them;
 * same-site writes keep their CSRF check (ADR 0006).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './context.js';

const READ_METHODS = new Set(['GET', 'HEAD']);
/** The validators and the next page's link, which a script needs to read (CORS hides other headers). */
export const EXPOSED_HEADERS = ['ETag', 'Last-Modified', 'Link', 'Content-Disposition', 'X-Request-Id'];

/** The API, and the open data's downloads in either language's tree (not the /data page itself, a page like any). */
export const isOpenReadPath = (path: string) => path.startsWith('/api/v1/') || path === '/api/v1' || path.startsWith('/data/') || path.startsWith('/en/data/');

export function openReadCors(): MiddlewareHandler<AppEnv> {
  const allow = cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD'],
    // Authorization lets a script read with a token it holds; the validators let it revalidate what it keeps.
    allowHeaders: ['Authorization', 'Accept-Language', 'If-None-Match', 'If-Modified-Since'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    credentials: false,
  });
  return async (c, next) => {
    if (!isOpenReadPath(c.req.path)) return next();
    if (c.req.method === 'OPTIONS') {
      const asked = (c.req.header('access-control-request-method') ?? '').toUpperCase();
      // A preflight for a write: answered, with nothing allowed. The browser never sends the request itself.
      if (!READ_METHODS.has(asked)) return c.body(null, 204);
      return allow(c, next);
    }
    if (!READ_METHODS.has(c.req.method)) return next();
    await allow(c, next);
    // Again on the final response: a route or the page cache may have built it afresh, without the headers set before.
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(','));
  };
}
