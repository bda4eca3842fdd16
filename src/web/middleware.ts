/** Request-wide concerns: who is asking, CSRF, and turning errors into responses. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { Actor } from '../domain/authorization.js';
import type { Db } from '../db/connection.js';
import { AppError, ConflictError, RateLimitedError, ValidationError } from '../errors.js';
import { apiLang, langFromPath, type AppEnv } from './context.js';
import { readForm } from './forms.js';
import { t } from './i18n.js';
import { fromDatabaseError, fromHttpException } from './input-errors.js';
import { hasForbiddenCharacter } from './schemas.js';
import { fieldMessages } from './validation.js';

export const SESSION_COOKIE = 'cocreate_session';
export const CSRF_COOKIE = 'cocreate_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a read-scoped API token may do. */
const READ_METHODS = new Set(['GET', 'HEAD']);

export const isApiPath = (path: string) => path.startsWith('/api/');

export interface IdentityDeps {
  db: Db;
  sessionSecret: string;
  now: () => Date;
}

/** How a request's credentials name an actor; the accounts module provides it through its manifest. */
export interface IdentityProvider {
  /** The actor of a valid API token and the token's scope; none if it is unknown, expired or revoked. */
  actorForApiToken(deps: IdentityDeps, token: string): Promise<{ actor: Actor; scope: 'read' | 'write' } | undefined>;
  /** The actor and CSRF token of a live session. */
  actorForSession(deps: IdentityDeps, token: string): Promise<{ actor: Actor; csrfToken: string } | undefined>;
}

const newToken = () => randomBytes(32).toString('base64url');

/** Identifies the actor from a bearer token or the session cookie, and the CSRF token that goes with it. */
export function authenticate(identity: IdentityProvider): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const services = c.get('services');
    const deps = { db: services.db, sessionSecret: services.sessionSecret, now: services.now };
    c.set('actor', null);
    c.set('authMethod', 'none');
    c.set('lang', isApiPath(c.req.path) ? apiLang(c) : langFromPath(c.req.path));
    const authorization = c.req.header('authorization');
    // Tokens are for the API only: on pages (the token page among them) a bearer header counts for nothing, so a
    // token can never mint another and revoking a leaked one is final.
    if (authorization?.startsWith('Bearer ') && isApiPath(c.req.path)) {
      const found = await identity.actorForApiToken(deps, authorization.slice('Bearer '.length).trim());
      if (!found) throw new AppError(401, 'error.tokenInvalid');
      // A read-scoped token reads: any other method is refused before a route runs, whatever its user may do (ADR 0034).
      if (found.scope === 'read' && !READ_METHODS.has(c.req.method)) throw new AppError(403, 'tokens.error.readOnly', { scope: found.scope });
      const actor = found.actor;
      c.set('actor', actor);
      c.set('authMethod', 'bearer');
      c.set('csrfToken', '');
      return next();
    }
    const sessionToken = getCookie(c, SESSION_COOKIE);
    const session = sessionToken ? await identity.actorForSession(deps, sessionToken) : undefined;
    if (session) {
      c.set('actor', session.actor);
      c.set('authMethod', 'session');
      c.set('csrfToken', session.csrfToken);
    } else {
      // Anonymous forms (sign-in) use a double-submit token kept in its own cookie.
      c.set('csrfToken', getCookie(c, CSRF_COOKIE) ?? newToken());
    }
    return next();
  };
}

/** Pages with a form for anonymous visitors store the token they embed. */
export function rememberAnonymousCsrf(c: Context<AppEnv>): void {
  if (c.get('authMethod') !== 'none' || getCookie(c, CSRF_COOKIE) === c.get('csrfToken')) return;
  setCookie(c, CSRF_COOKIE, c.get('csrfToken'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('services').secureCookies,
  });
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Every state-changing request made with cookies must carry the token (form field `_csrf` or header X-CSRF-Token).
 * The cheap checks come first: with no token to compare against, or one in the header, no body is read; a form is
 * read only after bodyLimits() has bounded its size and field count (ADR 0017).
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get('authMethod') === 'bearer') return next();
    // An API request with neither token nor session carries no credential a forged request could ride on: the route
    // answers it (401 sign-in required for a write), rather than a CSRF refusal that says nothing useful.
    if (c.get('authMethod') === 'none' && isApiPath(c.req.path)) return next();
    const expected = c.get('authMethod') === 'session' ? c.get('csrfToken') : (getCookie(c, CSRF_COOKIE) ?? '');
    if (expected === '') throw new AppError(403, 'error.csrf');
    let sent = c.req.header('x-csrf-token');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!sent && (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))) {
      const body = await readForm(c);
      sent = typeof body._csrf === 'string' ? body._csrf : undefined;
    }
    if (!sent || !sameToken(sent, expected)) throw new AppError(403, 'error.csrf');
    return next();
  };
}

export interface ApiErrorBody {
  error: string;
  fields?: Record<string, string>;
  current?: unknown;
}

/** The JSON body for an error in the API's format: `{error, fields: {name: message}}`. */
export function apiErrorBody(error: AppError, lang: 'zh-TW' | 'en'): ApiErrorBody {
  if (error instanceof ValidationError) {
    const fields = fieldMessages(error, lang);
    return { error: t(lang, 'error.invalid'), fields };
  }
  if (error instanceof ConflictError) return { error: t(lang, error.key), current: error.current };
  return { error: t(lang, error.key, error.params) };
}

/** Our errors as they are; the framework's and the database's input errors as the 4xx they deserve; else undefined (500). */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) return fromHttpException(error);
  if (error instanceof SyntaxError) return new AppError(400, 'error.badJson');
  if (error instanceof URIError) return new AppError(400, 'error.addressCharacter');
  const fromDatabase = fromDatabaseError(error);
  if (fromDatabase) return Object.assign(fromDatabase, { cause: error });
  return undefined;
}

/**
 * Paths and query strings must decode to text the database can hold: malformed %-escapes, bytes that are not UTF-8
 * (such as an encoded lone surrogate, %ED%A0%80) and NUL are refused with 400 before any route reads them.
 */
export function requireCleanAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const [path = '', query = ''] = url
      .slice(pathStart)
      .split('#', 1)[0]!
      .split(/\?(.*)/s);
    const fields: Record<string, string> = {};
    if (!decodesCleanly(path)) fields.path = t(c.get('lang'), 'error.addressCharacter');
    for (const pair of query.split('&')) {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      if (decodesCleanly(name) && decodesCleanly(value)) continue;
      fields[decodesCleanly(name) ? decodeURIComponent(name.replace(/\+/g, ' ')) : 'query'] = t(c.get('lang'), 'error.addressCharacter');
    }
    if (Object.keys(fields).length > 0) throw new ValidationError([], fields);
    return next();
  };
}

function decodesCleanly(encoded: string): boolean {
  try {
    return !hasForbiddenCharacter(decodeURIComponent(encoded.replace(/\+/g, ' ')));
  } catch {
    return false;
  }
}

export function retryAfter(error: AppError): Record<string, string> {
  return error instanceof RateLimitedError ? { 'Retry-After': String(error.retryAfterSeconds) } : {};
}
