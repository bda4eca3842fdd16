/**
 * Input schemas every module builds on (ADR 0016): text that the database can store as sent, whole numbers that
 * only come from numbers or digit strings, real dates, web addresses, sums of money, and the version of an edit. API
 * bodies, path and query parameters and HTML forms all go through these, so one rule holds at every edge.
 */
import { z } from '@hono/zod-openapi';
import { TRANSLATION_STATUSES } from '../domain/localized.js';

/**
 * NUL (PostgreSQL cannot store it in text) and unpaired UTF-16 surrogates (UTF-8 cannot encode them; the driver
 * would silently store U+FFFD). With the `u` flag a well-formed pair is one code point, so emoji pass.
 */
const FORBIDDEN_CHARACTER = /[\u0000\p{Cs}]/u;

export const hasForbiddenCharacter = (value: string): boolean => FORBIDDEN_CHARACTER.test(value);

/** The base of every string input: refuses forbidden characters before any other check runs. */
export const text = (max?: number) => {
  const base = z.string().refine((value) => !hasForbiddenCharacter(value), { message: 'error.character', abort: true });
  return max === undefined ? base : base.max(max);
};

const isRealDate = (value: string) => {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

export const isoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'error.date' })
  .refine(isRealDate, { message: 'error.date' })
  .openapi({ format: 'date', example: '2021-01-01' });

export const localizedInput = (max = 20_000) =>
  z
    .object({
      zh: text(max),
      en: text(max),
      status: z.enum(TRANSLATION_STATUSES).optional(),
    })
    .partial()
    .openapi({
      description: 'Text in Traditional Chinese and English; status describes the translation (missing / draft / reviewed).',
    });

/** An empty string, which forms and some API clients send for an optional field, means none: services see null. */
export const emptyToNull = z.literal('').transform(() => null);

/** A value that may be cleared: empty (from a form) or null both mean none. */
export const clearable = <T extends z.ZodType>(value: T) => z.union([emptyToNull, z.null(), value]);

const DIGITS = /^\s*-?\d{1,15}\s*$/;

/**
 * A whole number: a JSON number, or a string of digits as forms and query strings send it — nothing else
 * (`true`, `[]`, `""`, `"0x10"` and `"1e3"` are refused rather than coerced). `inner` carries the range and messages;
 * the OpenAPI document shows it as an integer.
 */
export const wholeNumber = (inner: z.ZodNumber = z.number().int()) =>
  z.preprocess((value) => (typeof value === 'string' && DIGITS.test(value) ? Number(value) : value), inner);

/** The largest value of PostgreSQL's `integer`, which every id and counter column uses. */
export const INT4_MAX = 2_147_483_647;

/** A row id (positive, within PostgreSQL's `integer`). */
export const recordId = (message?: string) => wholeNumber(z.number({ message }).int({ message }).positive({ message }).max(INT4_MAX, { message }));

export const versionField = recordId('error.version').openapi({ description: 'The version being edited (409 if stale).' });

/** Updates: any subset of the fields plus the version they were made from. */
export const withVersion = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => schema.partial().extend({ version: versionField });

/**
 * A web address: http(s) only, with a host; `mailto:` too where a person may be the link's target. Parsed with the
 * WHATWG URL parser, so `javascript:`, `data:` and look-alikes such as `https:evil` are refused.
 */
export const webUrl = (options: { mailto?: boolean } = {}) =>
  text()
    .trim()
    .max(2000)
    .refine((value) => isWebUrl(value, options), { message: options.mailto ? 'error.urlOrMailto' : 'error.url' })
    .openapi({ format: 'uri', example: 'https://example.org/' });

export function isWebUrl(value: string, options: { mailto?: boolean } = {}): boolean {
  if (/\s/.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname !== '' && /^https?:\/\/[^/\s]/i.test(value);
  return options.mailto === true && url.protocol === 'mailto:' && /^mailto:[^@\s]+@[^@\s]+$/i.test(value);
}

/** A sum of money, exact to the cent: kept as text, and within the numeric(18, 2) columns that store it. */
export const moneyAmount = text()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,2})?$/, { message: 'error.amount' });

/** An ISO 4217 currency code, such as TWD. */
export const currencyCode = text()
  .trim()
  .regex(/^[A-Z]{3}$/, { message: 'error.currency' });

// ---- shapes every module's API shares ----

export const errorOutput = z
  .object({
    error: z.string().openapi({ description: 'What went wrong, in the language asked for (?lang= or Accept-Language).' }),
    fields: z.record(z.string(), z.string()).optional().openapi({ description: 'Per-field messages for 400 responses.' }),
    current: z.unknown().optional().openapi({ description: 'The stored values, on 409 Conflict.' }),
  })
  .openapi('Error');

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), perPage: z.number().int() }).openapi(name);

export const localizedOutput = z.object({ zh: z.string(), en: z.string(), status: z.enum(TRANSLATION_STATUSES) }).openapi('Localized');

/** A related link: a web page, or an e-mail address to write to. */
export const linkInput = z.object({
  title: text().trim().max(300),
  url: webUrl({ mailto: true }),
});
export const linkOutput = z.object({ title: z.string(), url: z.string() });

/**
 * How the output of a record that may be demo data and has a page of its own ends: the demo flag, the version an edit
 * sends back, and the page's address.
 */
export const recordMeta = { isDemo: z.boolean(), version: z.number().int(), url: z.string() };
