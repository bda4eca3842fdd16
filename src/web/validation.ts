/** Turns zod issues and domain problems into localized per-field messages. */
import { z } from 'zod';
import type { Lang } from '../domain/localized.js';
import type { FieldProblem } from '../domain/plan.js';
import { ValidationError } from '../errors.js';
import { isMessageKey, t } from './i18n.js';

const zodLocales = { 'zh-TW': z.locales.zhTW().localeError, en: z.locales.en().localeError };

type AnyIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** Our own wording for the common cases; zod's translated wording for the rest. */
export function localizeIssue(issue: AnyIssue, lang: Lang): string {
  // Our schemas name a catalog key as the message of their own checks.
  const message = (issue as { message?: string }).message;
  if (message && isMessageKey(message)) return t(lang, message);
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return t(lang, 'error.required');
  if (issue.code === 'too_big' && issue.origin === 'string') return t(lang, 'error.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return t(lang, 'error.required');
  if (issue.code === 'invalid_format' && issue.format === 'email') return t(lang, 'error.email');
  if (issue.code === 'invalid_format' && issue.format === 'url') return t(lang, 'error.url');
  const localized = zodLocales[lang](issue as z.core.$ZodRawIssue);
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message ?? t(lang, 'error.invalid'));
}

export function zodFieldMessages(issues: readonly AnyIssue[], lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = (issue.path ?? []).map(String).join('.') || '_';
    fields[name] ??= localizeIssue(issue, lang);
  }
  return fields;
}

export function problemMessages(problems: readonly FieldProblem[], lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= t(lang, p.key, p.params);
  return fields;
}

export function fieldMessages(error: ValidationError, lang: Lang): Record<string, string> {
  return { ...error.messages, ...problemMessages(error.problems, lang) };
}

/** Parses with the schema or throws a ValidationError with messages in `lang`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, lang: Lang): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new ValidationError([], zodFieldMessages(result.error.issues, lang));
}
