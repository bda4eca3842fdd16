/** Building blocks of the API's route declarations: JSON bodies and responses, error responses, auth, ids. */
import { z } from '@hono/zod-openapi';
import { errorOutput, recordId, versionField } from './schemas.js';

export const jsonContent = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** The error responses, each with the house error body; `forbidden` says who may, where that helps. */
export function errorResponses(descriptions: { forbidden?: string; conflict?: string } = {}) {
  return {
    400: jsonContent(errorOutput, 'Invalid input; `fields` names each problem.'),
    401: jsonContent(errorOutput, 'Sign-in required.'),
    403: jsonContent(errorOutput, descriptions.forbidden ?? 'Not allowed for this user or agency.'),
    404: jsonContent(errorOutput, 'Not found.'),
    409: jsonContent(errorOutput, descriptions.conflict ?? 'Stale version; `current` holds the stored values.'),
  };
}

/** Writes take a bearer token or the session cookie (with its CSRF header). */
export const writeSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export const idParam = z.object({ id: recordId().openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

export const versionQuery = z.object({ version: versionField.openapi({ param: { name: 'version', in: 'query' } }) });

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
