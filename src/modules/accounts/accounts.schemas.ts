/** Input and output shapes of API tokens: one schema serves the API, the token page's form and OpenAPI. */
import { z } from '@hono/zod-openapi';
import { recordId, text, wholeNumber } from '../../web/schemas.js';
import { TOKEN_DEFAULT_DAYS, TOKEN_DEFAULT_SCOPE, TOKEN_MAX_DAYS, TOKEN_SCOPES } from './accounts.service.js';

/** 'read' may only GET and HEAD; 'write' may do whatever its user may (ADR 0034). */
export const tokenScope = z.enum(TOKEN_SCOPES, { message: 'tokens.error.scope' });

export const tokenInput = z.object({
  name: text(100).trim().min(1, { message: 'error.required' }).openapi({ description: 'What the token is for, e.g. the script using it.' }),
  expiresInDays: wholeNumber(z.number().int().min(1, { message: 'tokens.error.days' }).max(TOKEN_MAX_DAYS, { message: 'tokens.error.days' }))
    .optional()
    .openapi({
      type: 'integer',
      minimum: 1,
      maximum: TOKEN_MAX_DAYS,
      description: `Days until it stops working (default ${TOKEN_DEFAULT_DAYS}, at most ${TOKEN_MAX_DAYS}).`,
    }),
  scope: tokenScope.optional().openapi({
    description: `What it may do: \`read\` (GET and HEAD only) or \`write\` (whatever your account may). Default \`${TOKEN_DEFAULT_SCOPE}\`.`,
  }),
});
export type TokenInput = z.infer<typeof tokenInput>;

export const tokenOutput = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    userName: z.string(),
    name: z.string(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time', description: 'Recorded to the minute.' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
    status: z.enum(['active', 'expired', 'revoked']),
    scope: tokenScope.openapi({ description: '`read`: GET and HEAD only; `write`: whatever its user may.' }),
  })
  .openapi('ApiToken');

export const createdTokenOutput = tokenOutput
  .extend({ token: z.string().openapi({ description: 'Shown only in this answer: send it as `Authorization: Bearer <token>`.' }) })
  .openapi('CreatedApiToken');

export const tokenListQuery = z.object({
  userId: z
    .union([z.literal('all'), recordId()])
    .optional()
    .openapi({
      param: { name: 'userId', in: 'query' },
      description: "Admins only: one user's tokens (an id), or `all`. Others see their own tokens.",
      type: 'string',
    }),
});
