/** Shared plumbing of HTML form routes: permission gates, form submission with re-shown errors, typed values. */
import type { z } from 'zod';
import { can, type Action, type ResourceOwnership } from '../domain/authorization.js';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { FieldErrors } from './components.js';
import { href, type AppContext } from './context.js';
import { formFieldOf, nestForm, readForm } from './forms.js';
import { fromDatabaseError } from './input-errors.js';
import { fieldMessages, parseOrThrow } from './validation.js';

export const positiveInt = (value: string | undefined): number | undefined => {
  if (value === undefined || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
};

/** The `version` a delete or action form carries (0 when missing, which the service's version check refuses). */
export async function versionFromForm(c: AppContext): Promise<number> {
  const body = await readForm(c);
  return positiveInt(typeof body.version === 'string' ? body.version : undefined) ?? 0;
}

/** Edit forms are shown only to those the service would let save them: 401 signed out, 403 otherwise. */
export function requirePermission(c: AppContext, action: Action, ownership: ResourceOwnership = {}): void {
  const actor = c.get('actor');
  if (!can(actor, action, ownership)) throw actor ? new ForbiddenError() : new UnauthenticatedError();
}

/**
 * Runs a form submission: parse, call the service, redirect on success; on a 400 or 409 show the form again
 * with the messages beside the fields (and on 409 the current stored values).
 */
export async function handleForm<S extends z.ZodType, R>(
  c: AppContext,
  opts: {
    schema: S;
    toInput?: (body: Record<string, unknown>) => Record<string, unknown>;
    /** Which form field an error path belongs to (default: the field before the first list index). */
    fieldOf?: (path: string) => string;
    run: (input: z.infer<S>) => Promise<R>;
    redirectTo: (result: R) => string;
    /** `body` is the form as posted (nested, before `toInput`), for showing the form again as it was typed. */
    render: (state: {
      body: Record<string, unknown>;
      submitted: Record<string, unknown>;
      errors: FieldErrors;
      conflict: boolean;
      status: 400 | 409;
    }) => Promise<Response>;
  },
): Promise<Response> {
  const lang = c.get('lang');
  const body = nestForm(await readForm(c));
  const submitted = (opts.toInput ?? ((b) => b))(body);
  try {
    const input = parseOrThrow(opts.schema, submitted, lang);
    const result = await opts.run(input);
    return c.redirect(href(lang, opts.redirectTo(result)), 303);
  } catch (thrown) {
    // A database refusal caused by the input (a duplicate, a value out of range) is a field message too.
    const error = fromDatabaseError(thrown) ?? thrown;
    if (error instanceof ValidationError) {
      const errors: FieldErrors = {};
      for (const [path, message] of Object.entries(fieldMessages(error, lang))) errors[(opts.fieldOf ?? formFieldOf)(path)] ??= message;
      return opts.render({ body, submitted, errors, conflict: false, status: 400 });
    }
    if (error instanceof ConflictError) return opts.render({ body, submitted, errors: {}, conflict: true, status: 409 });
    throw error;
  }
}

/** Submitted form values over stored ones, so a re-shown form keeps what the user typed. */
export function overlay<T extends object>(base: T, submitted: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(submitted)) {
    if (key === 'version' || value === undefined) continue;
    const current = out[key];
    if (current && typeof current === 'object' && !Array.isArray(current) && value && typeof value === 'object' && !Array.isArray(value))
      out[key] = { ...current, ...value };
    else if (Array.isArray(current) && typeof current[0] === 'number' && Array.isArray(value)) out[key] = value.map(Number);
    else if (typeof current === 'number' && typeof value === 'string') out[key] = value === '' ? 0 : Number(value) || current;
    else out[key] = value;
  }
  return out as T;
}
