/** Turns zod issues and domain problems into localized per-field messages. */
import { z } from 'zod';
import type { Lang } from '../domain/localized.js';
import type { FieldProblem } from '../domain/plan.js';
import { ValidationError } from '../errors.js';
import { isMessageKey, problemMessage, t } from './i18n.js';

const zodLocales = { 'zh-TW': z.locales.zhTW().localeError, en: z.locales.en().localeError };

type AnyIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** The value at an issue's path in what was parsed (zod leaves the input out of its final issues). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Our own wording for the common cases; zod's translated wording for the rest. With `input` (what was parsed), a
 * wrong type is told apart from a missing value.
 */
export function localizeIssue(issue: AnyIssue, lang: Lang, input?: unknown): string {
  // Our schemas name a catalog key as the message of their own checks.
  const message = (issue as { message?: string }).message;
  if (message && isMessageKey(message)) return t(lang, message);
  const given = 'input' in issue ? issue.input : input === undefined ? undefined : valueAt(input, issue.path ?? []);
  if (issue.code === 'invalid_type' && given === undefined) return t(lang, 'error.required');
  if (issue.code === 'too_big' && issue.origin === 'string') return t(lang, 'error.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return t(lang, 'error.required');
  if (issue.code === 'invalid_format' && issue.format === 'email') return t(lang, 'error.email');
  if (issue.code === 'invalid_format' && issue.format === 'url') return t(lang, 'error.url');
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return t(lang, 'error.wholeNumber');
  const localized = zodLocales[lang](issue as z.core.$ZodRawIssue);
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message ?? t(lang, 'error.invalid'));
}

export function zodFieldMessages(issues: readonly AnyIssue[], lang: Lang, input?: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = (issue.path ?? []).map(String).join('.') || '_';
    fields[name] ??= localizeIssue(issue, lang, input);
  }
  return fields;
}

export function problemMessages(problems: readonly FieldProblem[], lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= problemMessage(lang, p.key, p.params);
  return fields;
}

export function fieldMessages(error: ValidationError, lang: Lang): Record<string, string> {
  return { ...error.messages, ...problemMessages(error.problems, lang) };
}

/** Parses with the schema or throws a ValidationError with messages in `lang`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, lang: Lang): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ValidationError([], zodFieldMessages(result.error.issues, lang, data));
}
