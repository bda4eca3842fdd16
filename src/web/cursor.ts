/**
 * Cursor pagination for the API's long lists (ADR 0034): `?limit=&cursor=`, keyset rather than offset, so a page costs
 * the same however deep it is and rows written meanwhile neither repeat nor vanish from a walk. The cursor is opaque to
 * clients: base64url of `{"l": list, "k": key}`, the key being the sort values of the last row sent; a cursor that does
 * not decode, belongs to another list or holds a key of the wrong shape is refused with 400 naming `cursor`. The
 * answer keeps the list's page fields and adds `next` (null on the last page), and a `Link: <…>; rel="next"` header.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ValidationError } from '../errors.js';
import { registerMessages } from './i18n.js';
import { text, wholeNumber } from './schemas.js';

const en = {
  'cursor.error.cursor': 'This is not a cursor this list gave (a "next" value): start again without it.',
  'cursor.error.limit': 'Choose a limit from 1 to {max}.',
};
const zhTW: Record<keyof typeof en, string> = {
  'cursor.error.cursor': '此游標（cursor）並非本清單提供的「next」值：請不帶游標重新開始。',
  'cursor.error.limit': '請將數量上限（limit）設為 1 到 {max}。',
};
registerMessages('cursor', { en, zhTW });

declare module './i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof en, string> {}
}

/** The most rows a page may hold, whatever the list. */
export const CURSOR_LIMIT_MAX = 200;

/** The query fields a cursor-paginated list adds. */
export const cursorQueryFields = (defaultLimit: number) => ({
  limit: wholeNumber(z.number().int().min(1, { message: 'cursor.error.limit' }).max(CURSOR_LIMIT_MAX, { message: 'cursor.error.limit' }))
    .optional()
    .openapi({
      param: { name: 'limit', in: 'query' },
      type: 'integer',
      minimum: 1,
      maximum: CURSOR_LIMIT_MAX,
      description: `Rows a page (default ${defaultLimit}, at most ${CURSOR_LIMIT_MAX}). With it or with \`cursor\`, the list is walked by cursor and \`page\` is ignored.`,
    }),
  cursor: text(1000)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'Where to go on: the `next` of the previous answer (opaque). Leave it out for the first page.',
    }),
});

/** The `next` field of a cursor walk's answer (absent when the list is read by page number). */
export const nextField = z
  .string()
  .nullable()
  .openapi({ description: 'The cursor of the next page (send it as `cursor`, with the same filters), or null on the last page; also in the Link header.' });

export type CursorKey = readonly (string | number)[];

export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify({ l: list, k: key }), 'utf8').toString('base64url');
}

/**
 * The key a cursor holds, checked against the list and the key's shape (a zod tuple); a ValidationError on `cursor`
 * otherwise, never a 500.
 */
export function decodeCursor<T extends z.ZodTypeAny>(list: string, cursor: string, key: T): z.infer<T> {
  const refuse = () => new ValidationError([{ field: 'cursor', key: 'cursor.error.cursor' }]);
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw refuse();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (typeof value !== 'object' || value === null || (value as { l?: unknown }).l !== list) throw refuse();
  const parsed = key.safeParse((value as { k?: unknown }).k);
  if (!parsed.success) throw refuse();
  return parsed.data;
}

/** The request's own address with `cursor` set to the next one (and the other parameters as sent), for the Link header. */
export function nextLink(c: Context, next: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('cursor', next);
  url.searchParams.delete('page');
  return `${url.pathname}${url.search}`;
}

/** Sets `Link: <…>; rel="next"` when there is a next page. */
export function linkNext(c: Context, next: string | null): void {
  if (next !== null) c.header('Link', `<${nextLink(c, next)}>; rel="next"`);
}
