/**
 * What a request body may cost, decided per route before anything reads it (ADR 0017).
 *
 * Every route gets the standard limit, enough for any form or JSON body people write by hand. A few routes carry
 * long text by design (meeting minutes, speech corrections, progress reports with many milestones) and get more; only
 * the evidence upload, the transcript import and the import of inputs (CSV), which carry files, get the largest.
 * Multipart bodies are accepted only on those. A form is refused when it has more fields than any of our forms has, counted on the raw bytes before
 * it is parsed: parsing 500,000 tiny fields took over a second of the one thread everybody shares (issue #9).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EVIDENCE_MAX_BYTES } from '../domain/monitoring.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './context.js';

const KiB = 1024;
const MiB = 1024 * KiB;

export const BODY_LIMITS = {
  /** Forms and JSON. */
  standard: 256 * KiB,
  /** Routes whose fields hold long text: 100,000 characters of Chinese is 900 KB once form-encoded. */
  longText: 2 * MiB,
  /** One evidence file or one transcript, with the form around it. */
  upload: EVIDENCE_MAX_BYTES + 256 * KiB,
} as const;

export type BodyLimitTier = keyof typeof BODY_LIMITS;

/** More fields than the largest form has (a report with 100 milestones has about 620). */
export const MAX_FORM_FIELDS = 1000;
/** More parts than an upload form has. */
export const MAX_MULTIPART_PARTS = 50;

type Method = 'POST' | 'PUT' | 'PATCH';

/** The routes allowed more than the standard limit; pages are listed without their /en prefix. */
const LARGER_BODIES: { method: Method; path: string; tier: Exclude<BodyLimitTier, 'standard'> }[] = [
  { method: 'POST', path: '/api/v1/reports/:id/files', tier: 'upload' },
  { method: 'POST', path: '/plans/:slug/commitments/:number/reports/:reportId/evidence', tier: 'upload' },
  { method: 'POST', path: '/api/v1/transcripts', tier: 'upload' },
  { method: 'POST', path: '/transcripts/import', tier: 'upload' },
  // The import of inputs: a CSV of up to 2 MB, uploaded (the page's file field) or as the body (the API).
  { method: 'POST', path: '/api/v1/plans/:id/inputs/import', tier: 'upload' },
  { method: 'POST', path: '/plans/:slug/inputs/import', tier: 'upload' },
  // The document repository: a file of up to 5 MB with the document's fields (issue #14).
  { method: 'POST', path: '/api/v1/documents/files', tier: 'upload' },
  { method: 'POST', path: '/documents/new', tier: 'upload' },
  // The open data import (issue #14): a data.json, data.zip or one table's CSV; larger sites import with `cocreate import`.
  { method: 'POST', path: '/api/v1/data/import', tier: 'upload' },
  { method: 'POST', path: '/data/import', tier: 'upload' },
  // The English of a plan's or a commitment's texts, up to 20,000 characters each (issue #14).
  { method: 'PATCH', path: '/api/v1/plans/:id/translation', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/commitments/:id/translation', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/translations/:entity/:id', tier: 'longText' },
  // A plan or a commitment has several fields of up to 20,000 characters each (about 1.7 MB form-encoded at most).
  { method: 'POST', path: '/api/v1/plans', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/plans/:id', tier: 'longText' },
  { method: 'POST', path: '/plans/new', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/edit', tier: 'longText' },
  { method: 'POST', path: '/api/v1/plans/:id/commitments', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/commitments/:id', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/commitments/new', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/commitments/:number/edit', tier: 'longText' },
  { method: 'POST', path: '/api/v1/plans/:id/meetings', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/meetings/:id', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/meetings/new', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/meetings/:id/edit', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/speeches/:id', tier: 'longText' },
  { method: 'POST', path: '/transcripts/:slug/speeches/:id/edit', tier: 'longText' },
  { method: 'POST', path: '/api/v1/commitments/:id/reports', tier: 'longText' },
  { method: 'PATCH', path: '/api/v1/reports/:id', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/commitments/:number/reports/new', tier: 'longText' },
  { method: 'POST', path: '/plans/:slug/commitments/:number/reports/:reportId/edit', tier: 'longText' },
];

const compiled = LARGER_BODIES.map((route) => ({
  ...route,
  pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}));

/** The limit that applies to a request: by method and path, the language prefix of pages ignored. */
export function bodyLimitTier(method: string, path: string): BodyLimitTier {
  const bare = path.startsWith('/api/') ? path : path.replace(/^\/en(?=\/)/, '');
  return compiled.find((route) => route.method === method && route.pattern.test(bare))?.tier ?? 'standard';
}

const megabytes = (bytes: number) => `${Math.round((bytes / MiB) * 100) / 100} MB`;
const kilobytes = (bytes: number) => `${Math.round(bytes / KiB)} KB`;
const sizeLabel = (bytes: number) => (bytes >= MiB ? megabytes(bytes) : kilobytes(bytes));

const limiters = Object.fromEntries(
  (Object.keys(BODY_LIMITS) as BodyLimitTier[]).map((tier) => [
    tier,
    bodyLimit({
      maxSize: BODY_LIMITS[tier],
      onError: () => {
        throw new AppError(413, 'error.bodyTooLarge', { max: sizeLabel(BODY_LIMITS[tier]) });
      },
    }),
  ]),
) as Record<BodyLimitTier, MiddlewareHandler>;

/** Occurrences of `needle` in `bytes`, stopping once there are more than `atMost`. */
function countOf(bytes: Buffer, needle: Buffer, atMost: number): number {
  let count = 0;
  for (let at = bytes.indexOf(needle); at !== -1 && count <= atMost; at = bytes.indexOf(needle, at + needle.length)) count++;
  return count;
}

const AMPERSAND = Buffer.from('&');

/**
 * Applies the route's size limit, then, for forms, the field limit, on the raw bytes: a form-encoded body has one
 * field more than it has `&`s; a multipart body one part fewer than it has boundary lines. Hono keeps the bytes read
 * here, so the form is parsed later (CSRF check, route) without reading the body again.
 */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.req.raw.body) return next();
    const tier = bodyLimitTier(c.req.method, c.req.path);
    return limiters[tier](c, async () => {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (type.startsWith('multipart/form-data')) {
        if (tier !== 'upload') throw new AppError(415, 'error.unsupportedMediaType');
        const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(c.req.header('content-type') ?? '');
        const delimiter = boundary?.[1] ?? boundary?.[2];
        if (!delimiter) throw new AppError(415, 'error.unsupportedMediaType');
        const bytes = Buffer.from(await c.req.arrayBuffer());
        if (countOf(bytes, Buffer.from(`--${delimiter}`), MAX_MULTIPART_PARTS + 1) - 1 > MAX_MULTIPART_PARTS) {
          throw new AppError(413, 'error.tooManyFields', { max: MAX_MULTIPART_PARTS });
        }
      } else if (type.startsWith('application/x-www-form-urlencoded')) {
        const bytes = Buffer.from(await c.req.arrayBuffer());
        if (countOf(bytes, AMPERSAND, MAX_FORM_FIELDS) + 1 > MAX_FORM_FIELDS) throw new AppError(413, 'error.tooManyFields', { max: MAX_FORM_FIELDS });
      }
      await next();
    });
  };
}
