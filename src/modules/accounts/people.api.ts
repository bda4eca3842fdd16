/** The JSON API of one's own profile (read, edit, delete the account) and of the roles the admin gives. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { clientAddress } from '../../web/client-address.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { SESSION_COOKIE } from '../../web/middleware.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, writeSecurity } from '../../web/openapi.js';
import { errorOutput } from '../../web/schemas.js';
import type { GrantRecord, Profile } from './people.queries.js';
import { grantInput, grantOutput, grantParams, passwordConfirmation, profileOutput, profilePatch } from './people.schemas.js';
import { deleteOwnAccount, getOwnProfile, grantRole, listGrants, revokeGrant, updateOwnProfile } from './people.service.js';

const deps = (c: AppContext) => {
  const s = c.get('services');
  return { db: s.db, sessionSecret: s.sessionSecret, now: s.now };
};

// ---- presenters

/** The owner's own view: the only answer that carries the e-mail address. */
const presentProfile = (p: Profile) => ({
  id: p.id,
  email: p.email,
  emailConfirmed: p.emailConfirmedAt !== null,
  displayName: p.displayName,
  role: p.role,
  organisation: p.organisation,
  stakeholderGroup: p.stakeholderGroup,
  region: p.region,
  profilePublic: p.profilePublic,
});

const presentGrant = (g: GrantRecord) => ({
  id: g.id,
  userId: g.userId,
  role: g.role,
  scope: g.scope,
  scopeId: g.scopeId,
  source: g.source,
  startsOn: g.startsOn,
  endsOn: g.endsOn,
  grantedAt: g.grantedAt.toISOString(),
});

export function peopleApi(api: OpenAPIHono<AppEnv>): void {
  const errors = errorResponses({ forbidden: 'Only the administrator gives and takes back roles.' });
  const tooMany = jsonContent(errorOutput, 'Too many wrong passwords from this client: Retry-After says when to try again.');

  api.openapi(
    createRoute({
      method: 'get',
      path: '/profile',
      tags: ['accounts'],
      summary: 'Your own profile, with your e-mail address (shown to you only)',
      security: writeSecurity,
      responses: { 200: jsonContent(profileOutput, 'Your profile'), 401: errors[401] },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.json(presentProfile(await getOwnProfile(deps(c), c.get('actor'))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/profile',
      tags: ['accounts'],
      summary: 'Change your display name, organisation, stakeholder group, region, or whether the profile is public',
      security: writeSecurity,
      request: jsonBody(profilePatch),
      responses: { 200: jsonContent(profileOutput, 'Your profile as saved'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, no-store');
      return c.json(presentProfile(await updateOwnProfile(deps(c), c.get('actor'), c.req.valid('json'))), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/profile',
      tags: ['accounts'],
      summary: 'Delete your account, confirmed with your password',
      description:
        'Removes your personal data (address, name, profile, password, sessions, tokens, roles) in one transaction; what you contributed in public stays, attributed to a former participant (see /privacy). Wrong passwords count as failed sign-ins.',
      security: writeSecurity,
      request: jsonBody(passwordConfirmation),
      responses: { 204: { description: 'Deleted; you are signed out' }, 400: errors[400], 401: errors[401], 429: tooMany },
    }),
    async (c) => {
      await deleteOwnAccount(deps(c), c.get('actor'), c.req.valid('json').password, clientAddress(c));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}/grants',
      tags: ['accounts'],
      summary: "An account's scoped roles, whatever gave them (administrator only)",
      security: writeSecurity,
      request: { params: idParam },
      responses: { 200: jsonContent(itemsOf(grantOutput), 'The grants'), 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const grants = await listGrants(deps(c), c.get('actor'), c.req.valid('param').id);
      return c.json({ items: grants.map(presentGrant) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/grants',
      tags: ['accounts'],
      summary: "Give an account the moderator's role, for the whole site or one plan (administrator only); giving it again changes nothing",
      security: writeSecurity,
      request: { params: idParam, ...jsonBody(grantInput) },
      responses: { 201: jsonContent(grantOutput, 'The grant'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const grant = await grantRole(deps(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(presentGrant(grant), 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/grants/{grantId}',
      tags: ['accounts'],
      summary: 'Take back a role the administrator gave (roles from a seat or a working group end there: 400)',
      security: writeSecurity,
      request: { params: grantParams },
      responses: { 204: { description: 'Taken back' }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const { id, grantId } = c.req.valid('param');
      await revokeGrant(deps(c), c.get('actor'), id, grantId);
      return c.body(null, 204);
    },
  );
}
