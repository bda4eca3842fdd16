/** Sign-in and sign-out pages, the API-token page, and the API's session and token endpoints. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SCOPE_KINDS, SCOPED_ROLES, type Actor } from '../../domain/authorization.js';
import { ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { clientAddress } from '../../web/client-address.js';
import type { FieldErrors } from '../../web/ui/index.js';
import { href, pageContext, type AppContext, type AppEnv } from '../../web/context.js';
import { positiveInt } from '../../web/form-handler.js';
import { readForm } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import { CSRF_COOKIE, SESSION_COOKIE, rememberAnonymousCsrf } from '../../web/middleware.js';
import { errorResponses, idParam, jsonBody, jsonContent, writeSecurity } from '../../web/openapi.js';
import { homePath, loginPath, logoutPath, tokensPath } from '../../web/paths.js';
import { fieldMessages } from '../../web/validation.js';
import {
  emptyTokenValues,
  safeNext,
  signInInput,
  signInValuesFromForm,
  tokenFormInput,
  tokenValuesFromForm,
  type SignInValues,
  type TokenValues,
} from './accounts.forms.js';
import type { ApiTokenRecord } from './accounts.queries.js';
import { createdTokenOutput, tokenInput, tokenListQuery, tokenOutput } from './accounts.schemas.js';
import {
  createApiToken,
  EmailUnconfirmedError,
  listApiTokens,
  revokeApiToken,
  signIn,
  signOut,
  TOKEN_DEFAULT_DAYS,
  TOKEN_DEFAULT_SCOPE,
  TOKEN_MAX_DAYS,
  tokenStatus,
} from './accounts.service.js';
import { SignInPage, type SignInNotice } from './views/sign-in.js';
import { TokensPage } from './views/tokens.js';

const deps = (c: AppContext) => {
  const s = c.get('services');
  return { db: s.db, sessionSecret: s.sessionSecret, now: s.now };
};

export function accountPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  app.get(loginPath, (c) => {
    rememberAnonymousCsrf(c);
    const lang = c.get('lang');
    const values: SignInValues = { email: '', next: safeNext(c.req.query('next'), href(lang, homePath)) };
    const asked = c.req.query('notice');
    const notice: SignInNotice | undefined = asked === 'confirmed' || asked === 'reset' ? asked : undefined;
    return c.html(<SignInPage ctx={pageContext(c)} values={values} errors={{}} notice={notice} />);
  });

  app.post(loginPath, async (c) => {
    const lang = c.get('lang');
    const body = await readForm(c);
    const values = signInValuesFromForm(body, href(lang, homePath));
    try {
      const { email, password } = signInInput(values, body);
      const result = await signIn(deps(c), email, password, clientAddress(c));
      const secure = c.get('services').secureCookies;
      setCookie(c, SESSION_COOKIE, result.sessionToken, { httpOnly: true, sameSite: 'Lax', path: '/', secure, expires: result.expiresAt });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.redirect(values.next, 303);
    } catch (error) {
      rememberAnonymousCsrf(c);
      // Too many failures from this client: the form again with the wait, so the person knows when to retry.
      if (error instanceof RateLimitedError) {
        c.header('Retry-After', String(error.retryAfterSeconds));
        const errors = { password: t(lang, error.key, error.params) };
        return c.html(<SignInPage ctx={pageContext(c)} values={values} errors={errors} />, 429);
      }
      // The password was right: say the address awaits confirmation, and offer a new link.
      if (error instanceof EmailUnconfirmedError)
        return c.html(<SignInPage ctx={pageContext(c)} values={values} errors={{}} unconfirmedEmail={error.email} />, 403);
      if (!(error instanceof ValidationError)) throw error;
      return c.html(<SignInPage ctx={pageContext(c)} values={values} errors={fieldMessages(error, lang)} />, 400);
    }
  });

  app.post(logoutPath, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await signOut(deps(c), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect(href(c.get('lang'), homePath), 303);
  });

  const signedIn = (c: AppContext): Actor => {
    const actor = c.get('actor');
    if (!actor) throw new UnauthenticatedError();
    return actor;
  };

  const showTokens = async (
    c: AppContext,
    actor: Actor,
    state: { created?: { name: string; token: string }; values?: TokenValues; errors?: FieldErrors; status?: 200 | 400 },
  ) => {
    const now = c.get('services').now();
    const tokens = (await listApiTokens(deps(c), actor, actor.id)).map((token) => ({ ...token, status: tokenStatus(token, now) }));
    // The list names the user's scripts, and a new token is in the page: never keep it in any cache.
    c.header('Cache-Control', 'private, no-store');
    return c.html(
      <TokensPage
        ctx={pageContext(c)}
        tokens={tokens}
        created={state.created}
        values={state.values ?? emptyTokenValues()}
        errors={state.errors ?? {}}
        maxDays={TOKEN_MAX_DAYS}
      />,
      state.status ?? 200,
    );
  };

  app.get(tokensPath, (c) => showTokens(c, signedIn(c), {}));

  app.post(tokensPath, async (c) => {
    const actor = signedIn(c);
    const values = tokenValuesFromForm(await readForm(c));
    try {
      const created = await createApiToken(deps(c), actor, tokenFormInput(values, c.get('lang')));
      return await showTokens(c, actor, { created: { name: created.record.name, token: created.token } });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showTokens(c, actor, { values, errors: fieldMessages(error, c.get('lang')), status: 400 });
    }
  });

  app.post(`${tokensPath}/:id/revoke`, async (c) => {
    const actor = signedIn(c);
    const id = positiveInt(c.req.param('id'));
    if (id === undefined) throw new NotFoundError();
    await revokeApiToken(deps(c), actor, id);
    return c.redirect(href(c.get('lang'), tokensPath), 303);
  });

  return app;
}

const presentToken = (token: ApiTokenRecord, now: Date) => ({
  id: token.id,
  userId: token.userId,
  userName: token.userName,
  name: token.name,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
  status: tokenStatus(token, now),
  scope: token.scope,
});

export function accountApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['accounts'],
      summary: 'Who is signed in (with the scoped roles they hold today), and the CSRF token to send as X-CSRF-Token with cookie-authenticated writes',
      responses: {
        200: {
          content: {
            'application/json': {
              schema: z.object({
                user: z
                  .object({
                    id: z.number().int(),
                    displayName: z.string(),
                    role: z.string(),
                    agencyIds: z.array(z.number().int()),
                    grants: z.array(z.object({ role: z.enum(SCOPED_ROLES), scope: z.enum(SCOPE_KINDS), scopeId: z.number().int().nullable() })),
                  })
                  .nullable(),
                csrfToken: z.string(),
              }),
            },
          },
          description: 'The current session',
        },
      },
    }),
    (c) => {
      const actor = c.get('actor');
      return c.json(
        {
          user: actor
            ? {
                id: actor.id,
                displayName: actor.displayName,
                role: actor.role,
                agencyIds: [...actor.agencyIds],
                grants: (actor.grants ?? []).map((g) => ({ role: g.role, scope: g.scope, scopeId: g.scopeId })),
              }
            : null,
          csrfToken: c.get('csrfToken'),
        },
        200,
      );
    },
  );
  const errors = errorResponses({ forbidden: "Only admins see or revoke other users' tokens; tokens are created from a signed-in session." });
  api.openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['accounts'],
      summary: "Your API tokens (active, expired and revoked), newest first; admins may ask for one user's or everyone's",
      security: writeSecurity,
      request: { query: tokenListQuery },
      responses: {
        200: jsonContent(z.object({ items: z.array(tokenOutput) }), 'The tokens (never the secrets)'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const now = c.get('services').now();
      const tokens = await listApiTokens(deps(c), c.get('actor'), c.req.valid('query').userId);
      return c.json({ items: tokens.map((token) => presentToken(token, now)) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['accounts'],
      summary: `Create a named bearer token for the signed-in user, valid for expiresInDays (default ${TOKEN_DEFAULT_DAYS}, at most ${TOKEN_MAX_DAYS}); the secret is shown once`,
      description: `Needs a browser session (cookie and X-CSRF-Token): a token cannot make more tokens, so revoking a leaked one is final. The scope is \`${TOKEN_DEFAULT_SCOPE}\` unless asked: a \`read\` token may only GET and HEAD, any other method with it is refused with 403.`,
      security: [{ cookieAuth: [] }],
      request: jsonBody(tokenInput),
      responses: {
        201: jsonContent(createdTokenOutput, 'The token; use as `Authorization: Bearer <token>`'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = c.get('actor');
      if (!actor) throw new UnauthenticatedError();
      if (c.get('authMethod') !== 'session') throw new ForbiddenError('tokens.error.sessionOnly');
      const created = await createApiToken(deps(c), actor, c.req.valid('json'));
      return c.json({ ...presentToken(created.record, c.get('services').now()), token: created.token }, 201);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['accounts'],
      summary: 'Revoke a token (its owner or an admin); it stops working at once. Revoking again changes nothing',
      security: writeSecurity,
      request: { params: idParam },
      responses: { 204: { description: 'Revoked' }, 400: errors[400], 401: errors[401], 404: errors[404] },
    }),
    async (c) => {
      await revokeApiToken(deps(c), c.get('actor'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
