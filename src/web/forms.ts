/** Reading HTML form posts into the same shapes the JSON API takes. */
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

/** Error paths such as `links.2.url` belong to the form field `links`. */
export function formFieldOf(path: string): string {
  const cut = path.split('.').findIndex((part) => /^\d+$/.test(part));
  return cut === -1 ? path : path.split('.').slice(0, cut).join('.');
}

export function firstValue(value: unknown): string | undefined {
  if (Array.isArray(value)) return value[0] === undefined ? undefined : String(value[0]);
  return value === undefined ? undefined : String(value);
}
