/** JSON API of follows under /api/v1 (a bearer token or the session with its CSRF header), with OpenAPI entries. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, itemsOf, jsonContent, writeSecurity } from '../../web/openapi.js';
import type { Follow } from './notifications.model.js';
import { followOutput, followParams } from './notifications.schemas.js';
import * as service from './notifications.service.js';

const presentFollow = (f: Follow) => ({ targetType: f.targetType, targetId: f.targetId, createdAt: f.createdAt.toISOString() });

const errors = errorResponses({ forbidden: 'Anyone signed in may follow.' });
const tags = ['follows'];

export function notificationsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/follows',
      tags,
      summary: 'What you follow: plans, commitments, working groups, consultations and inputs (newest first)',
      security: writeSecurity,
      responses: { 200: jsonContent(itemsOf(followOutput), 'Your follows'), 401: errors[401] },
    }),
    async (c) => {
      const follows = await service.ownFollows(c.get('services').db, c.get('actor'));
      return c.json({ items: follows.map(presentFollow) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/follows/{type}/{id}',
      tags,
      summary: 'Follow a plan, commitment, working group, consultation or input: you are told when something happens to it (idempotent)',
      security: writeSecurity,
      request: { params: followParams },
      responses: { 200: jsonContent(itemsOf(followOutput), 'Your follows, this one included'), 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const { type, id } = c.req.valid('param');
      await service.followTarget({ db, now }, c.get('actor'), { type, id });
      return c.json({ items: (await service.ownFollows(db, c.get('actor'))).map(presentFollow) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'delete',
      path: '/follows/{type}/{id}',
      tags,
      summary: 'Stop following (idempotent)',
      security: writeSecurity,
      request: { params: followParams },
      responses: { 204: { description: 'Not followed (any more)' }, 400: errors[400], 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const { type, id } = c.req.valid('param');
      await service.unfollowTarget({ db, now }, c.get('actor'), { type, id });
      return c.body(null, 204);
    },
  );
}
