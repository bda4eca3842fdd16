/**
 * The public page cache (ADR 0020, after ADR 0009). Anonymous visitors of the plan, commitment and progress pages get
 * a copy rendered once: its body, a strong ETag, and gzip and brotli variants made once on first demand, with the
 * headers the full response had. A hit touches no database and hashes nothing; in a server it is answered in the
 * node:http request listener before Hono sees the request (server.ts), and in tests by the first middleware.
 *
 * Entries are dropped by change events (db/change-events.ts): the database announces every committed write to a table
 * public pages show, naming the plan when the row has one, so a write to plan A drops A's pages and leaves B's. A
 * response rendered before a change but finishing after its event is not kept (generation counter). The key holds
 * the (Taipei) day, since deadlines turn reports "missing" and charts draw a today line.
 *
 * Kept only: GET responses with status 200 rendered for an anonymous visitor who did not ask for a fresh copy
 * (`Cache-Control: no-cache`, which the benchmarks use to measure renders), marked neither private nor no-store
 * (web/visibility.ts), with no Set-Cookie and no CSRF token in the body. Signed-in visitors see edit links and drafts
 * and always get a fresh render. Hits carry a fresh X-Request-Id (or the client's, as hono/request-id accepts it).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { ChangeEvent, ChangeFeed } from '../db/change-events.js';
import { taipeiDay } from '../domain/monitoring.js';
import type { AppContext, AppEnv } from './context.js';
import { SESSION_COOKIE } from './middleware.js';
import { isShareable } from './visibility.js';

type Encoding = 'identity' | 'gzip' | 'br';
/** The plan whose content a page shows, or 'any' when unknown: then every change drops it. */
type Tag = number | 'any';

/** Bytes on an ordinary (not shared) ArrayBuffer, as zlib returns them and Response accepts them. */
type Bytes = NonSharedBuffer;

interface Variant {
  body: Bytes;
  etag: string;
}

interface Entry {
  key: string;
  tag: Tag;
  /** The cache's generation when the render began: a change heard after it means the body may be stale. */
  started: number;
  identity: Bytes;
  hash: string;
  compressible: boolean;
  variants: Partial<Record<Encoding, Variant>>;
  /** The route's own response headers (Content-Type, …), which a 304 made by hono/etag on a miss no longer has. */
  routeHeaders: [string, string][];
  /** The full response's headers, as [name, value, …], without those that differ per response or per variant. */
  headers: string[];
  /** Per variant: everything writeHead needs but the request id. */
  heads: Partial<Record<Encoding, string[]>>;
  notModifiedHeads: Partial<Record<Encoding, string[]>>;
  bytes: number;
}

export interface CachedReply {
  status: 200 | 304;
  /** [name, value, …] for writeHead; the caller adds X-Request-Id. */
  headers: string[];
  body: Bytes | null;
}

export interface PageCacheOptions {
  changes: ChangeFeed;
  now: () => Date;
  maxEntries?: number;
  /** Bodies and their compressed variants together. */
  maxBytes?: number;
}

/** Headers that belong to one response or one variant; each reply sets its own. */
const PER_RESPONSE_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'etag',
  'x-page-cache',
  'x-request-id',
  'date',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'set-cookie',
]);
/** What a 304 repeats of the 200 (RFC 9110 15.4.5); hono/etag keeps the same. */
const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'content-location', 'expires', 'vary']);
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|xml|xhtml\+xml|atom\+xml|javascript)|image\/svg\+xml)/i;
/** Below this, compression saves too little to matter (hono/compress uses the same threshold). */
const COMPRESS_THRESHOLD = 1024;
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=`);
const REQUEST_ID = /^[\w\-=]{1,255}$/;

export class PageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => Date;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #unsubscribe: () => void;
  readonly #encodings = new Map<string, Encoding>();
  #bytes = 0;
  #live = false;
  #generation = 0;
  #everythingChangedAt = 0;
  readonly #planChangedAt = new Map<number, number>();
  #day = '';
  #dayEndsAt = 0;

  constructor(options: PageCacheOptions) {
    this.#now = options.now;
    this.#maxEntries = options.maxEntries ?? 500;
    this.#maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.#unsubscribe = options.changes.onChange((event) => this.#heard(event));
  }

  /** Whether changes are being heard; while not, nothing is served or kept. */
  get live(): boolean {
    return this.#live;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  close(): void {
    this.#unsubscribe();
    this.#clear();
    this.#live = false;
  }

  /**
   * The cached answer to a request, or undefined when the app must handle it. `url` is the path and query string as
   * sent; `header` reads a request header by its lower-case name.
   */
  lookup(method: string | undefined, url: string | undefined, header: (name: string) => string | undefined): CachedReply | undefined {
    if ((method !== 'GET' && method !== 'HEAD') || !this.#live || this.#entries.size === 0 || !url || url[0] !== '/') return undefined;
    if (wantsFreshCopy(header('cache-control'))) return undefined;
    const cookie = header('cookie');
    if (cookie && SESSION_COOKIE_PATTERN.test(cookie)) return undefined;
    const key = this.#key(url);
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    const encoding = entry.compressible ? this.#encodingFor(header('accept-encoding')) : 'identity';
    const ifNoneMatch = header('if-none-match');
    if (ifNoneMatch && matchesEntry(entry, ifNoneMatch)) return { status: 304, headers: this.#notModifiedHead(entry, encoding), body: null };
    const variant = this.#variant(entry, encoding);
    return { status: 200, headers: this.#head(entry, encoding, variant), body: variant.body };
  }

  /** The fast path (server.ts): answers a hit completely and returns true, or returns false and writes nothing. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    const headers = req.headers;
    const reply = this.lookup(req.method, req.url, (name) => single(headers, name));
    if (!reply) return false;
    res.writeHead(reply.status, [...reply.headers, 'x-request-id', requestIdFor(single(headers, 'x-request-id'))]);
    res.end(reply.status === 200 && req.method === 'GET' ? reply.body : undefined);
    return true;
  }

  /** Step one of keeping a miss (the route's middleware): the body as rendered, tagged, not served to others yet. */
  prepare(url: string, tag: Tag, started: number, body: Bytes, routeHeaders: Headers): Entry {
    const contentType = routeHeaders.get('content-type') ?? '';
    const ownHeaders: [string, string][] = [];
    routeHeaders.forEach((value, name) => ownHeaders.push([name, value]));
    return {
      key: this.#key(url),
      tag,
      started,
      identity: body,
      hash: createHash('sha256').update(body).digest('base64url').slice(0, 27),
      compressible: body.length >= COMPRESS_THRESHOLD && COMPRESSIBLE.test(contentType),
      variants: {},
      routeHeaders: ownHeaders,
      headers: [],
      heads: {},
      notModifiedHeads: {},
      bytes: body.length,
    };
  }

  /** The variant a request gets of a prepared entry (the miss is answered with it too, so hits and misses agree). */
  variantFor(entry: Entry, acceptEncoding: string | undefined): { encoding: Encoding; body: Bytes; etag: string } {
    const encoding = entry.compressible ? this.#encodingFor(acceptEncoding) : 'identity';
    return { encoding, ...this.#variant(entry, encoding) };
  }

  /**
   * Step two (the first middleware, once every other one has set its headers): keep the entry with the full
   * response's headers, unless a change was heard since its render began or the final response is not shareable.
   * A revalidating client's miss ends as hono/etag's 304 (same body, same validator); it is kept too, or pages that
   * everyone revalidates would never be cached again after a change.
   */
  commit(entry: Entry, response: Response): boolean {
    const { status } = response;
    const revalidated = status === 304 && Object.values(entry.variants).some((v) => v.etag === response.headers.get('etag'));
    if (!this.#live || (status !== 200 && !revalidated) || !isShareable(response) || response.headers.has('set-cookie')) return false;
    // A render that began yesterday (Taipei) may show yesterday's deadlines; its key would never be asked for again.
    if (this.#changedSince(entry.tag, entry.started) || !entry.key.startsWith(`${this.#day}|`)) return false;
    // The route's headers, overridden by what the middlewares around it set.
    const merged = new Map<string, string>(entry.routeHeaders);
    response.headers.forEach((value, name) => merged.set(name, value));
    const headers: string[] = [];
    let vary = '';
    for (const [name, value] of merged) {
      if (PER_RESPONSE_HEADERS.has(name)) continue;
      if (name === 'vary') vary = value;
      else headers.push(name, value);
    }
    // Variants are chosen by Accept-Encoding, so shared caches must know.
    if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    headers.push('vary', vary);
    entry.headers = headers;
    entry.heads = {};
    entry.notModifiedHeads = {};
    const previous = this.#entries.get(entry.key);
    if (previous) this.#remove(previous);
    this.#entries.set(entry.key, entry);
    this.#bytes += entry.bytes;
    this.#evict();
    return this.#entries.get(entry.key) === entry;
  }

  #key(url: string): string {
    const now = this.#now().getTime();
    if (now >= this.#dayEndsAt || now < this.#dayEndsAt - 86_400_000) {
      const day = taipeiDay(new Date(now));
      // Yesterday's pages may show yesterday's deadlines; none is served again.
      if (day !== this.#day && this.#day !== '') this.#clear();
      this.#day = day;
      // Taipei keeps UTC+8 all year: its day ends at 16:00 UTC.
      this.#dayEndsAt = Date.parse(`${day}T16:00:00Z`);
    }
    return `${this.#day}|${url}`;
  }

  #heard(event: ChangeEvent): void {
    this.#generation++;
    if (event.kind === 'listening' || event.planId === null) {
      // Not listening, or listening again after a gap, or a change any page may show (an agency): drop everything.
      if (event.kind === 'listening') this.#live = event.listening;
      this.#everythingChangedAt = this.#generation;
      this.#clear();
      return;
    }
    this.#planChangedAt.set(event.planId, this.#generation);
    for (const entry of this.#entries.values()) if (entry.tag === event.planId || entry.tag === 'any') this.#remove(entry);
  }

  #changedSince(tag: Tag, started: number): boolean {
    if (this.#everythingChangedAt > started) return true;
    if (tag === 'any') return this.#generation > started;
    return (this.#planChangedAt.get(tag) ?? 0) > started;
  }

  #variant(entry: Entry, encoding: Encoding): Variant {
    const existing = entry.variants[encoding];
    if (existing) return existing;
    const body =
      encoding === 'gzip'
        ? gzipSync(entry.identity, { level: 6 })
        : encoding === 'br'
          ? brotliCompressSync(entry.identity, {
              params: {
                [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
                [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
                [zlibConstants.BROTLI_PARAM_SIZE_HINT]: entry.identity.length,
              },
            })
          : entry.identity;
    // Each coding is its own representation, so each gets its own strong validator (RFC 9110 8.8.3).
    const variant = { body, etag: encoding === 'identity' ? `"${entry.hash}"` : `"${entry.hash}-${encoding}"` };
    entry.variants[encoding] = variant;
    if (encoding !== 'identity') {
      entry.bytes += body.length;
      if (this.#entries.get(entry.key) === entry) {
        this.#bytes += body.length;
        this.#evict(entry);
      }
    }
    return variant;
  }

  #head(entry: Entry, encoding: Encoding, variant: Variant): string[] {
    let head = entry.heads[encoding];
    if (!head) {
      head = [...entry.headers, 'content-length', String(variant.body.length), 'etag', variant.etag, 'x-page-cache', 'hit'];
      if (encoding !== 'identity') head.push('content-encoding', encoding);
      entry.heads[encoding] = head;
    }
    return head;
  }

  #notModifiedHead(entry: Entry, encoding: Encoding): string[] {
    let head = entry.notModifiedHeads[encoding];
    if (!head) {
      head = ['etag', this.#variant(entry, encoding).etag, 'x-page-cache', 'hit'];
      for (let i = 0; i < entry.headers.length; i += 2) if (NOT_MODIFIED_HEADERS.has(entry.headers[i]!)) head.push(entry.headers[i]!, entry.headers[i + 1]!);
      entry.notModifiedHeads[encoding] = head;
    }
    return head;
  }

  #encodingFor(acceptEncoding: string | undefined): Encoding {
    if (!acceptEncoding) return 'identity';
    let encoding = this.#encodings.get(acceptEncoding);
    if (encoding === undefined) {
      encoding = preferredEncoding(acceptEncoding);
      // Clients send a handful of distinct values; a bounded memo keeps parsing off the hot path.
      if (this.#encodings.size < 64) this.#encodings.set(acceptEncoding, encoding);
    }
    return encoding;
  }

  #remove(entry: Entry): void {
    if (this.#entries.get(entry.key) !== entry) return;
    this.#entries.delete(entry.key);
    this.#bytes -= entry.bytes;
  }

  /** Oldest first, until within both bounds; `keep` (an entry growing a variant while being served) goes last. */
  #evict(keep?: Entry): void {
    for (const entry of this.#entries.values()) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) return;
      if (entry !== keep) this.#remove(entry);
    }
    if (keep && this.#bytes > this.#maxBytes) this.#remove(keep);
  }

  #clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** br or gzip by the client's q-values (br on a tie: it is smaller), else the body as it is. */
export function preferredEncoding(acceptEncoding: string): Encoding {
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') q = Number(value);
    }
    if (!Number.isFinite(q)) q = 0;
    if (coding === 'br') br = q;
    else if (coding === 'gzip' || coding === 'x-gzip') gzip = q;
    else if (coding === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzipQ = gzip ?? any ?? 0;
  if (brQ > 0 && brQ >= gzipQ) return 'br';
  return gzipQ > 0 ? 'gzip' : 'identity';
}

function matchesEntry(entry: Entry, ifNoneMatch: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  // Weak comparison (RFC 9110 13.1.2): W/ does not matter; any coding of this body is a current copy.
  for (const tag of ifNoneMatch.match(/"[^"]*"/g) ?? []) {
    const opaque = tag.slice(1, -1);
    if (opaque === entry.hash || opaque === `${entry.hash}-gzip` || opaque === `${entry.hash}-br`) return true;
  }
  return false;
}

function wantsFreshCopy(cacheControl: string | undefined): boolean {
  return cacheControl !== undefined && /no-cache/i.test(cacheControl);
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function requestIdFor(sent: string | undefined): string {
  return sent && REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Path and query string of a request URL, as the key uses them. */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

/**
 * The server's request listener (server.ts): a cached public page is answered before Hono builds a request object,
 * so a hit is a map lookup and a write of bytes kept ready; everything else goes to the app.
 */
export function withPageCache(cache: PageCache, app: (req: IncomingMessage, res: ServerResponse) => unknown): RequestListener {
  return (req, res) => {
    if (!cache.answer(req, res)) void app(req, res);
  };
}

const planTags = new WeakMap<Request, Tag>();
const prepared = new WeakMap<Request, Entry>();

/** Routes say which plan a page shows, so a change to another plan leaves it cached (plans.lookups.ts). */
export function tagPageWithPlan(c: AppContext, planId: number): void {
  const previous = planTags.get(c.req.raw);
  planTags.set(c.req.raw, previous === undefined || previous === planId ? planId : 'any');
}

/**
 * The first middleware (app.tsx, after the services are set): answers hits before authentication or anything else
 * runs, and once the response is complete keeps what the route's `pageCache()` prepared.
 */
export function servePageCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('services').pageCache;
    if (!cache) return next();
    const reply = cache.lookup(c.req.method, pathAndQuery(c.req.url), (name) => c.req.header(name));
    if (reply) {
      const headers: Record<string, string> = {};
      for (let i = 0; i < reply.headers.length; i += 2) headers[reply.headers[i]!] = reply.headers[i + 1]!;
      // c.body keeps the headers set before (hono/request-id's X-Request-Id).
      if (reply.status === 304 || !reply.body || c.req.method !== 'GET') return c.body(null, reply.status, headers);
      return c.body(reply.body, 200, headers);
    }
    await next();
    const entry = prepared.get(c.req.raw);
    if (entry) cache.commit(entry, c.res);
  };
}

/** Marks a page route as cacheable for anonymous visitors; the response it renders is prepared for keeping. */
export function pageCache(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cache = c.get('services').pageCache;
    if (!cache?.live || c.get('actor') || wantsFreshCopy(c.req.header('cache-control')) || c.req.method !== 'GET') {
      await next();
      c.header('X-Page-Cache', 'bypass');
      return;
    }
    const started = cache.generation;
    await next();
    const res = c.res;
    if (res.status !== 200 || !isShareable(res) || res.headers.has('set-cookie')) return;
    const body = Buffer.from(await res.arrayBuffer());
    // Nothing per visitor may be replayed to others: a page carrying a CSRF token is not kept.
    const csrf = c.get('csrfToken');
    const perVisitor = (csrf !== '' && body.includes(csrf)) || body.includes('name="_csrf"');
    const entry = cache.prepare(pathAndQuery(c.req.url), planTags.get(c.req.raw) ?? 'any', started, body, res.headers);
    if (!perVisitor) prepared.set(c.req.raw, entry);
    // Answered with the same variant and validator a hit would give, so hono/compress and hono/etag do no work.
    const variant = perVisitor ? { encoding: 'identity' as const, body, etag: '' } : cache.variantFor(entry, c.req.header('accept-encoding'));
    const headers = new Headers(res.headers);
    headers.set('content-length', String(variant.body.length));
    if (variant.etag) headers.set('etag', variant.etag);
    if (variant.encoding !== 'identity') headers.set('content-encoding', variant.encoding);
    headers.set('x-page-cache', perVisitor ? 'bypass' : 'miss');
    if (!perVisitor) headers.append('vary', 'Accept-Encoding');
    c.res = undefined;
    c.res = new Response(variant.body, { status: 200, headers });
  };
}
