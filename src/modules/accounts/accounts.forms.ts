/**
 * The account pages' forms, each as a codec: its empty values, the posted form → the typed input the service takes,
 * and the values a form shows again after a refusal (strings as typed; a password is never shown again).
 */
import type { Lang } from '../../domain/localized.js';
import { ValidationError } from '../../errors.js';
import { firstValue, type FormBody } from '../../web/forms.js';
import { hasForbiddenCharacter } from '../../web/schemas.js';
import { parseOrThrow } from '../../web/validation.js';
import { tokenInput, type TokenInput } from './accounts.schemas.js';
import { TOKEN_DEFAULT_DAYS, TOKEN_DEFAULT_SCOPE } from './accounts.service.js';

// ------------------------------------------------------------------ sign-in

export interface SignInValues {
  email: string;
  /** Where to go once signed in: a path on this site. */
  next: string;
}

/** Only same-site paths, so the sign-in form cannot bounce a user to another site. */
export const safeNext = (next: string | undefined, fallback: string) => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : fallback);

export const signInValuesFromForm = (body: FormBody, fallbackNext: string): SignInValues => ({
  email: (firstValue(body.email) ?? '').trim(),
  next: safeNext(firstValue(body.next), fallbackNext),
});

/** The e-mail and password as the service takes them; the shared text rule first, so nothing unreadable reaches the database. */
export function signInInput(values: SignInValues, body: FormBody): { email: string; password: string } {
  const input = { email: values.email, password: firstValue(body.password) ?? '' };
  const unreadable = (['email', 'password'] as const).filter((field) => hasForbiddenCharacter(input[field]));
  if (unreadable.length > 0) throw new ValidationError(unreadable.map((field) => ({ field, key: 'error.character' })));
  return input;
}

// ------------------------------------------------------------------ a new API token

export interface TokenValues {
  name: string;
  /** Days until it stops working, as the select sends it. */
  expiresInDays: string;
  /** 'read' or 'write', as the select sends it; the schema refuses anything else. */
  scope: string;
}

export const emptyTokenValues = (): TokenValues => ({ name: '', expiresInDays: String(TOKEN_DEFAULT_DAYS), scope: TOKEN_DEFAULT_SCOPE });

export const tokenValuesFromForm = (body: FormBody): TokenValues => ({
  name: firstValue(body.name) ?? '',
  expiresInDays: firstValue(body.expiresInDays) ?? '',
  // A form without the field (an older page) gets the default; an empty or unknown value is refused by the schema.
  scope: firstValue(body.scope) ?? TOKEN_DEFAULT_SCOPE,
});

/** The same schema as the API's, so the form and the API refuse the same things with the same messages. */
export const tokenFormInput = (values: TokenValues, lang: Lang): TokenInput => parseOrThrow(tokenInput, values, lang);
