/**
 * The ETag of a rendered page, computed from the HTML string the route hands to `c.html`. Left to hono/etag (which
 * still answers If-None-Match, and hashes every other body: JSON, CSV, feeds), a page is read back from its Response
 * as a stream: node-server's light response becomes a full web Response, teed, read in chunks and hashed, about a
 * tenth of an uncached render. The validator is the one hono/etag makes: the quoted hex SHA-1 of the bytes sent.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';

/** `c.html` as this file calls it: the HTML, then the status or init and headers as the route gave them. */
type Render = (html: string, ...rest: unknown[]) => Response;

/** A page's HTML as hono would send it, or undefined when hono must finish it (a Suspense or ErrorBoundary callback). */
async function finishedHtml(body: unknown): Promise<string | undefined> {
  let value = body;
  // A JSX element renders by toString(), to a string or a promise of one (async components), as in hono's c.html.
  while (typeof value === 'object' && value !== null && !(value instanceof String)) {
    value = await (value instanceof Promise ? value : (value as { toString(): unknown }).toString());
  }
  const callbacks = value instanceof String ? (value as { callbacks?: unknown[] }).callbacks : undefined;
  if (callbacks && callbacks.length > 0) return undefined;
  return String(value);
}

export function etagOfRenderedHtml(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const render = c.html;
      c.html = async (body: unknown, ...rest: unknown[]) => {
        const html = await finishedHtml(body);
        if (html === undefined) return (render as (body: unknown, ...rest: unknown[]) => Response | Promise<Response>)(body, ...rest);
        const response = (render as Render)(html, ...rest);
        // As hono/etag: success answers only.
        if (response.ok) response.headers.set('ETag', `"${createHash('sha1').update(html).digest('hex')}"`);
        return response;
      };
    }
    await next();
  };
}
