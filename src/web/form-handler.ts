/** Shared plumbing of HTML form routes: permission gates, form submission with re-shown errors, typed values. */
import type { z } from 'zod';
import { can, type Action, type ResourceOwnership } from '../domain/authorization.js';
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { FieldErrors } from './components.js';
import { href, type AppContext } from './context.js';
import { formFieldOf, nestForm, readForm, type PostedForm } from './forms.js';
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

/** How a form page is shown: fresh, or again after a post with the messages (400) or someone else's newer version (409). */
export interface FormState {
  errors: FieldErrors;
  conflict: boolean;
  status: 200 | 400 | 409;
}

/** A form shown for the first time. */
export const freshForm: FormState = { errors: {}, conflict: false, status: 200 };

/** What a form post does, apart from how its form is shown again. */
export interface FormSubmission<S extends z.ZodType, R> {
  schema: S;
  toInput?: (body: PostedForm) => PostedForm;
  /** Which form field an error path belongs to (default: the field before the first list index). */
  fieldOf?: (path: string) => string;
  run: (input: z.infer<S>) => Promise<R>;
  redirectTo: (result: R) => string;
}

/** The form shown again after a refused post; `body` is the form as posted (nested, before `toInput`), as it was typed. */
export interface RefusedForm extends FormState {
  body: PostedForm;
  submitted: PostedForm;
  status: 400 | 409;
}

/**
 * Runs a form submission: parse, call the service, redirect on success; on a 400 or 409 show the form again
 * with the messages beside the fields (and on 409 the current stored values).
 */
export async function handleForm<S extends z.ZodType, R>(
  c: AppContext,
  opts: FormSubmission<S, R> & { render: (state: RefusedForm) => Promise<Response> },
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

/** A module's form for one kind of stored record (its <x>.forms.ts), as the posts that show it again use it. */
export interface RecordForm<Stored, Values> {
  values: (stored: Stored) => Values;
  /** A post shown again: what was typed, over what the form showed. */
  posted: (body: PostedForm, shown: Values) => Values;
  /** The post as the service's input, where the two differ. */
  input?: (body: PostedForm) => PostedForm;
  /** Which form field an error path belongs to, where not the default. */
  fieldOf?: (path: string) => string;
}

/** The edit form of a stored record, for the posts (save, delete) that may have to show it again. */
export interface EditFormPage<Stored, Values> {
  form: RecordForm<Stored, Values>;
  /** The record as stored now: a refused post shows the form on it (after a conflict it is someone else's version). */
  reload: () => Promise<Stored>;
  render: (stored: Stored, values: Values, state: FormState) => Promise<Response>;
}

/** An edit form's post: saved, or shown again with the stored values after a conflict, else with what was posted over them. */
export function handleEditForm<S extends z.ZodType, R, Stored, Values>(
  c: AppContext,
  opts: EditFormPage<Stored, Values> & Omit<FormSubmission<S, R>, 'toInput' | 'fieldOf'>,
): Promise<Response> {
  const { form, reload, render, ...submission } = opts;
  return handleForm(c, {
    ...submission,
    toInput: form.input,
    fieldOf: form.fieldOf,
    render: async (state) => {
      const stored = await reload();
      const shown = form.values(stored);
      return render(stored, state.conflict ? shown : form.posted(state.body, shown), state);
    },
  });
}

/**
 * A delete form's post (on the edit page): deleted, or the edit form shown again on the record as stored now. A stale
 * version is a 409; a delete the service refuses for a reason (a ValidationError) shows it beside `reasonField`, and
 * without one goes to the error page.
 */
export async function handleDelete<Stored, Values>(
  c: AppContext,
  opts: EditFormPage<Stored, Values> & { run: (version: number) => Promise<void>; redirectTo: string; reasonField?: string },
): Promise<Response> {
  const lang = c.get('lang');
  const version = await versionFromForm(c);
  try {
    await opts.run(version);
  } catch (error) {
    let state: FormState;
    if (error instanceof ConflictError) state = { errors: {}, conflict: true, status: 409 };
    else if (error instanceof ValidationError && opts.reasonField !== undefined)
      state = { errors: { [opts.reasonField]: Object.values(fieldMessages(error, lang))[0] ?? '' }, conflict: false, status: 400 };
    else throw error;
    const stored = await opts.reload();
    return opts.render(stored, opts.form.values(stored), state);
  }
  return c.redirect(href(lang, opts.redirectTo), 303);
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
