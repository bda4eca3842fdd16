/** What every request carries through the app, and helpers to read it. */
import type { Context } from 'hono';
import type { Actor } from '../domain/authorization.js';
import type { Lang } from '../domain/localized.js';
import type { Services } from '../services.js';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
    csrfToken: string;
    /** How the actor was identified; bearer-token requests need no CSRF token. */
    authMethod: 'session' | 'bearer' | 'none';
    lang: Lang;
    services: Services;
    requestId: string;
    /** The signed-in person's unread notifications (counted up to a cap), set on page views by a module's pageMiddleware. */
    unreadNotifications?: number;
  };
}

export type AppContext = Context<AppEnv>;

/** What a page view needs to know about the request. */
export interface PageContext {
  lang: Lang;
  actor: Actor | null;
  csrfToken: string;
  /** The path without the language prefix, so the switch can link to the same page in the other language. */
  path: string;
  search: string;
  /** Unread notifications of the signed-in person, when a module counted them for this page (the header shows them). */
  unreadNotifications?: number;
  /**
   * COCREATE_PUBLIC_URL without its trailing slash, for the canonical address and OpenGraph's; never the request's
   * Host, which a cached page would otherwise hand to everyone.
   */
  publicOrigin?: string;
}

export function pageContext(c: AppContext): PageContext {
  const url = new URL(c.req.url);
  const path = sameOriginPath(url.pathname.replace(/^\/en(?=\/|$)/, '') || '/');
  const unread = c.get('unreadNotifications');
  const publicOrigin = c.get('services').config.publicUrl?.replace(/\/$/, '');
  return {
    lang: c.get('lang'),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    path,
    search: url.search,
    ...(unread !== undefined ? { unreadNotifications: unread } : {}),
    ...(publicOrigin ? { publicOrigin } : {}),
  };
}

/**
 * A path that stays on this site: a leading run of slashes or backslashes becomes one slash. Without this, the
 * request `/en//evil.example/x` would give the link `//evil.example/x`, which browsers read as another host.
 */
export function sameOriginPath(path: string): string {
  return path.replace(/^[/\\]+/, '/');
}

/** The site's address for absolute links (feeds): COCREATE_PUBLIC_URL when set, else the request's own origin. */
export function siteOrigin(c: AppContext): string {
  return c.get('services').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
}

/** A site path in the given language: zh-TW at the root, English under /en. Always a same-origin path. */
export function href(lang: Lang, path: string): string {
  const own = sameOriginPath(path);
  if (lang === 'zh-TW') return own;
  return own === '/' ? '/en/' : `/en${own}`;
}

export function langFromPath(pathname: string): Lang {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'zh-TW';
}

/** The API answers in the language asked for by ?lang= or Accept-Language, English otherwise. */
export function apiLang(c: Context): Lang {
  const asked = c.req.query('lang') ?? c.req.header('accept-language') ?? '';
  return /^zh/i.test(asked) ? 'zh-TW' : 'en';
}
