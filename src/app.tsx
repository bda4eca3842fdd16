/** Composition root: builds the Hono app from the modules. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { ValidationError } from './errors.js';
import { modules as defaultModules } from './modules/index.js';
import type { Services } from './services.js';
import { identityOf, registerModules, sitemapOf, type ModuleManifest } from './web/module.js';
import { renderRobots, renderSitemap } from './web/sitemap.js';
import { RESTRICTED_CACHE_CONTROL } from './web/visibility.js';
import { href, pageContext, siteOrigin, type AppEnv } from './web/context.js';
import { t } from './web/i18n.js';
import { Layout } from './web/layout.js';
import { bodyLimits } from './web/body-limits.js';
import { servePageCache } from './web/page-cache.js';
import { etagOfRenderedHtml } from './web/rendered-etag.js';
import { declareLastModified, notModifiedSince } from './web/conditional-get.js';
import { openReadCors } from './web/cors.js';
import { apiErrorBody, authenticate, csrfProtection, isApiPath, requireCleanAddress, retryAfter, toAppError } from './web/middleware.js';
import { fieldMessages, zodFieldMessages } from './web/validation.js';

const stylesheet = readFileSync(new URL('./web/app.css', import.meta.url), 'utf8');

function ErrorPage(props: { ctx: ReturnType<typeof pageContext>; status: number; message: string }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={`${props.status} · ${t(lang, 'error.title')}`}>
      <h1>{t(lang, 'error.title')}</h1>
      <p role="alert">{props.message}</p>
      {props.status === 401 ? (
        <p>
          <a href={href(lang, `/login?next=${encodeURIComponent(href(lang, props.ctx.path))}`)}>{t(lang, 'nav.signIn')}</a>
        </p>
      ) : null}
      <p>
        <a href={href(lang, '/')}>{t(lang, 'error.back')}</a>
      </p>
    </Layout>
  );
}

export interface AppOptions {
  services: Services;
  logger?: Logger;
  /** The capabilities to mount; src/modules/index.ts by default (a test may add one). */
  modules?: readonly ModuleManifest[];
}

export function createApp({ services, logger, modules = defaultModules }: AppOptions) {
  // Messages, authorization rules, visibility policies and page sections, as each module declares them (ADR 0019).
  registerModules(modules);
  const app = new Hono<AppEnv>({ strict: false });

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('lang', 'zh-TW');
    c.set('actor', null);
    c.set('authMethod', 'none');
    c.set('csrfToken', '');
    await next();
  });
  // If-Modified-Since against the Last-Modified the answer declares, cached page or fresh render alike (ADR 0034).
  app.use('*', notModifiedSince());
  // Scripts on any site may read the open API and data (GET, HEAD), never write to it (ADR 0034).
  app.use('*', openReadCors());
  // Cached public pages are answered here, before any other work; misses are kept once complete (ADR 0020).
  app.use('*', servePageCache());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use('*', compress());
  // The same SHA-1 as hono's default, hashed in this thread: WebCrypto's asynchronous digest took a tenth of a render.
  app.use(
    '*',
    etag({
      generateDigest: (body) => {
        const digest = createHash('sha1').update(body).digest();
        return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
      },
    }),
  );

  app.use('*', etagOfRenderedHtml());

  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(stylesheet, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  // For search engines: every module's public pages in both languages (web/sitemap.ts), and where to find them.
  app.get('/sitemap.xml', async (c) => {
    c.header('Cache-Control', 'public, max-age=600');
    return c.body(renderSitemap(siteOrigin(c), await sitemapOf(services.db, modules)), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });
  app.get('/robots.txt', (c) => c.text(renderRobots(siteOrigin(c))));

  app.use('*', authenticate(identityOf(modules)));
  // The time of the last change heard, on anonymous reads: before any route reads the database (ADR 0034).
  app.use('*', declareLastModified());
  // Before any route or query reads the path or query string (ADR 0016).
  app.use('*', requireCleanAddress());
  // Before anything reads a body: a limit per route, and a bounded number of form fields (ADR 0017).
  app.use('*', bodyLimits());
  // A module's exempt POST routes (RFC 8058 one-click unsubscribe: the credential is the secret in the path, the
  // route ignores the session, and a mail client posts with no cookie or token) skip the check; nothing else does.
  const csrf = csrfProtection();
  const csrfExempt = modules.flatMap((m) => m.csrfExemptPosts ?? []);
  const csrfUnlessExempt: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method === 'POST' && csrfExempt.some((pattern) => pattern.test(c.req.path))) return next();
    return csrf(c, next);
  };
  app.use('*', csrfUnlessExempt);
  app.use('*', async (c, next) => {
    await next();
    // Pages differ by who is signed in; never let a shared cache mix them. What is rendered for a signed-in person
    // may show what the public may not see (drafts, embargoed words, the board), so no cache keeps it at all.
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', c.get('actor') ? RESTRICTED_CACHE_CONTROL : 'no-cache');
    c.header('Vary', 'Cookie, Authorization, Accept-Language', { append: true });
  });

  // ---- JSON API ----
  const api = new OpenAPIHono<AppEnv>({
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.get('lang');
        const input = 'data' in result ? result.data : undefined;
        return c.json({ error: t(lang, 'error.invalid'), fields: zodFieldMessages(result.error.issues, lang, input) }, 400);
      }
      return undefined;
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/tokens' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'cocreate_session',
    description: 'The browser session; writes also need the X-CSRF-Token header from GET /api/v1/session',
  });
  registerApiRoutes(api, modules);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Cocreate API',
      version: '1.0.0',
      description: 'Open-government action plans: plans, areas, commitments, milestones, agencies. Errors: `{error, fields}`; stale versions: 409.',
    },
    servers: [{ url: '/api/v1' }],
  });
  app.route('/api/v1', api);

  // ---- pages: zh-TW at the root, English under /en ----
  // Per-request variables for the page frame (the unread notifications in the header), before any page route.
  for (const module of modules) {
    const middleware = module.pageMiddleware;
    if (!middleware) continue;
    const pagesOnly: MiddlewareHandler<AppEnv> = async (c, next) => (isApiPath(c.req.path) ? next() : middleware(c, next));
    app.use('*', pagesOnly);
  }
  for (const prefix of ['/en', '/']) {
    for (const module of modules) if (module.pages) app.route(prefix, module.pages());
  }

  app.notFound((c) => {
    const lang = c.get('lang');
    if (isApiPath(c.req.path)) return c.json({ error: t(lang, 'error.notFound') }, 404);
    return c.html(<ErrorPage ctx={pageContext(c)} status={404} message={t(lang, 'error.notFound')} />, 404);
  });

  app.onError((error, c) => {
    const lang = c.get('lang') ?? 'zh-TW';
    const appError = toAppError(error);
    // A database refusal mapped to 4xx means some input got past its schema: answer 4xx, but keep it visible.
    if (appError?.cause) (logger ?? console).warn({ err: appError.cause, requestId: c.get('requestId'), path: c.req.path }, 'input refused by the database');
    if (!appError) {
      (logger ?? console).error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
      if (isApiPath(c.req.path)) return c.json({ error: t(lang, 'error.server') }, 500);
      return c.html(<ErrorPage ctx={pageContext(c)} status={500} message={t(lang, 'error.server')} />, 500);
    }
    for (const [name, value] of Object.entries(retryAfter(appError))) c.header(name, value);
    if (isApiPath(c.req.path)) return c.json(apiErrorBody(appError, lang), appError.status);
    const message = appError instanceof ValidationError ? Object.values(fieldMessages(appError, lang)).join(' ') : '';
    return c.html(<ErrorPage ctx={pageContext(c)} status={appError.status} message={message || t(lang, appError.key, appError.params)} />, appError.status);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

/** Every module's API routes, in one place: the app mounts them, and tests walk their request schemas. */
export function registerApiRoutes(api: OpenAPIHono<AppEnv>, list: readonly ModuleManifest[] = defaultModules): void {
  for (const module of list) module.api?.(api);
}
