/** Reading HTML form posts into the same shapes the JSON API takes. */
import { TRANSLATION_STATUSES, type Localized } from '../domain/localized.js';
import { AppError } from '../errors.js';
import type { AppContext } from './context.js';

export type FormBody = Record<string, string | string[]>;

/** The form with its files; a body that claims to be a form but is not one (a broken multipart boundary) is a 400. */
export async function parseFormBody(c: AppContext) {
  try {
    return await c.req.parseBody({ all: true });
  } catch (error) {
    throw error instanceof TypeError ? new AppError(400, 'error.badRequest') : error;
  }
}

/** Parsed once per request (the CSRF check reads it too); files are ignored here. */
export async function readForm(c: AppContext): Promise<FormBody> {
  const body = await parseFormBody(c);
  const out: FormBody = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
    else if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** `title.zh` → { title: { zh } }; the CSRF token is dropped. */
export function nestForm(body: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}

/** A multi-valued field (checkboxes carry a hidden empty value so "none checked" is still sent). */
export function listValue(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map(String).filter((v) => v.trim() !== '');
}

/** A links textarea, one "title https://…" a line (or just the address), as the API's list; the schema checks each address. */
export function linksFromText(text: string): { title: string; url: string }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf(' ');
      return at === -1 ? { title: '', url: line } : { title: line.slice(0, at).trim(), url: line.slice(at + 1) };
    });
}

/** Links as that textarea shows them. */
export const linksToText = (links: readonly { title: string; url: string }[]): string => links.map((l) => `${l.title} ${l.url}`.trim()).join('\n');

/** Error paths such as `links.2.url` belong to the form field `links`. */
export function formFieldOf(path: string): string {
  const cut = path.split('.').findIndex((part) => /^\d+$/.test(part));
  return cut === -1 ? path : path.split('.').slice(0, cut).join('.');
}

/** The first text a field posted; a nested group (`title` of `title.zh`) is not text. */
export function firstValue(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

// Reading a posted form back into the values a form shows (each module's <x>.forms.ts `posted`): what was typed
// is kept even where it does not parse, and a field the form did not send keeps what the form showed.

/** A posted form, nested (`title.zh` is `title: { zh }`), as `handleForm` reads it. */
export type PostedForm = Record<string, unknown>;

export const postedText = (posted: unknown, fallback: string): string => firstValue(posted) ?? fallback;

export const postedRecord = (posted: unknown): PostedForm =>
  typeof posted === 'object' && posted !== null && !Array.isArray(posted) ? (posted as PostedForm) : {};

/** A checkbox group as posted (without the hidden empty value), or what the form showed when it was not sent. */
export const postedList = (posted: unknown, fallback: readonly string[]): string[] => listValue(posted) ?? [...fallback];

/** Both sides and the status of a localized field as posted, each falling back to what the form showed. */
export function postedLocalized(posted: unknown, fallback: Localized): Localized {
  const fields = postedRecord(posted);
  const status = TRANSLATION_STATUSES.find((s) => s === firstValue(fields.status)) ?? fallback.status;
  return { zh: postedText(fields.zh, fallback.zh), en: postedText(fields.en, fallback.en), status };
}

const isLocalized = (value: object): value is Localized => 'zh' in value && 'en' in value && 'status' in value;

/**
 * A post shown again, by the shape of the values the form showed: text fields, checkbox lists, localized pairs
 * and nested groups (`contact.email`) take what was posted, anything not posted keeps what was shown, and the
 * version stays the one shown. For forms whose values are the text their controls hold (<x>.forms.ts).
 */
export function postedValues<T extends object>(body: PostedForm, shown: T): T {
  const entries = Object.entries(shown) as [string, unknown][];
  const out: Record<string, unknown> = Object.fromEntries(entries);
  for (const [key, value] of entries) {
    if (key === 'version') continue;
    const posted = body[key];
    if (typeof value === 'string') out[key] = postedText(posted, value);
    else if (Array.isArray(value))
      out[key] = postedList(
        posted,
        value.filter((item): item is string => typeof item === 'string'),
      );
    else if (value !== null && typeof value === 'object')
      out[key] = isLocalized(value) ? postedLocalized(posted, value) : postedValues(postedRecord(posted), value);
  }
  return out as T;
}

/** An optional id as a select shows it: empty for none. */
export const idText = (id: number | null): string => (id === null || id === 0 ? '' : String(id));
