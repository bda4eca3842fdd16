/** Sign-in and sign-out pages, and the API's token endpoint. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { UnauthenticatedError, ValidationError } from '../../errors.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { firstValue, readForm } from '../../web/forms.js';
import { CSRF_COOKIE, SESSION_COOKIE, rememberAnonymousCsrf } from '../../web/middleware.js';
import { fieldMessages } from '../../web/validation.js';
import { errorOutput } from '../plans/plans.schemas.js';
import { createApiToken, signIn, signOut } from './accounts.service.js';
import { SignInPage } from './accounts.views.js';

/** Only same-site paths, so the sign-in form cannot bounce a user to another site. */
const safeNext = (next: string | undefined, fallback: string) => (next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : fallback);

export function clientKey(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

const deps = (c: AppContext) => {
  const s = c.get('services');
  return { db: s.db, sessionSecret: s.sessionSecret, now: s.now };
};

export function accountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get('/login', (c) => {
    rememberAnonymousCsrf(c);
    const lang = c.get('lang');
    return c.html(<SignInPage ctx={pageContext(c)} email="" next={safeNext(c.req.query('next'), href(lang, '/'))} errors={{}} />);
  });

  app.post('/login', async (c) => {
    const lang = c.get('lang');
    const body = await readForm(c);
    const email = (firstValue(body.email) ?? '').trim();
    const next = safeNext(firstValue(body.next), href(lang, '/'));
    try {
      const result = await signIn(deps(c), email, firstValue(body.password) ?? '', clientKey(c));
      const secure = c.get('services').secureCookies;
      setCookie(c, SESSION_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'Lax', path: '/', secure, expires: result.expiresAt });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      rememberAnonymousCsrf(c);
      return c.html(<SignInPage ctx={pageContext(c)} email={email} next={next} errors={fieldMessages(error, lang)} />, 400);
    }
  });

  app.post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOut(deps(c), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(href(c.get('lang'), '/'), 303);
  });

  return app;
}

export function accountApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['accounts'],
      summary: 'Who is signed in, and the CSRF token to send as X-CSRF-Token with cookie-authenticated writes',
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                user: z.object({ id: z.number().int(), displayName: z.string(), role: z.string(), agencyIds: z.array(z.number().int()) }).nullable(),
                csrfToken: z.string(),
              }),
            },
          },
          description: 'The current session',
        },
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      return c.json({ user: actor ? { id: actor.id, displayName: actor.displayName, role: actor.role, agencyIds: [...actor.agencyIds] } : null, csrfToken: c.get('csrfToken') }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['accounts'],
      summary: 'Create a bearer token for the signed-in user (shown once)',
      security: [{ cookieAuth: [] }, { bearerAuth: [] }] as Record<string, string[]>[],
      request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().trim().min(1).max(100) }) } }, required: true } },
      responses: {
        201: { content: { 'application/json': { schema: z.object({ id: z.number().int(), token: z.string() }) } }, description: 'The token; use as `Authorization: Bearer <token>`' },
        400: { content: { 'application/json': { schema: errorOutput } }, description: 'Invalid input' },
        401: { content: { 'application/json': { schema: errorOutput } }, description: 'Sign-in required' },
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      if (!actor) throw new UnauthenticatedError();
      return c.json(await createApiToken(deps(c), actor, c.req.valid('json').name), 201);
    },
  );
}
