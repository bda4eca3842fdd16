/** Building blocks of the API's route declarations: JSON bodies and responses, error responses, auth, ids. */
import { createRoute, z } from '@hono/zod-openapi';
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

// ---- route declarations for the shapes every module repeats ----

export type ErrorResponses = ReturnType<typeof errorResponses>;
type JsonResponse = ReturnType<typeof jsonContent>;

/** The house answer for a list: `{ items: [...] }`. */
export const itemsOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) });

/** What a route says about itself in the document, beside its group's tags. */
interface RouteText<P extends string> {
  path: P;
  summary: string;
}

/**
 * Declarations for the routes of one tag: they share the tag and their module's error responses, so each names only its
 * own path, summary, body and answer. What they return is createRoute's, so handlers stay typed by the schemas.
 */
export function routeGroup(tags: string[], errors: ErrorResponses) {
  // In this order: the document lists an operation's fields as the route declares them.
  const described = <P extends string>({ path, summary }: RouteText<P>) => ({ path, tags, summary });

  /** A write to the record named by id with a JSON body: `ok` (keyed by its status) or any of the module's errors. */
  const write = <M extends 'post' | 'put' | 'patch', P extends string, B extends z.ZodTypeAny, R extends Partial<Record<200 | 201, JsonResponse>>>(
    text: RouteText<P> & { method: M },
    body: B,
    ok: R,
  ) =>
    createRoute({
      method: text.method,
      ...described(text),
      security: writeSecurity,
      request: { params: idParam, ...jsonBody(body) },
      responses: { ...ok, ...errors },
    });

  return {
    /** A read of a whole collection: `ok` (200). */
    list: <P extends string, R extends JsonResponse>(text: RouteText<P>, ok: R) => createRoute({ method: 'get', ...described(text), responses: { 200: ok } }),

    /** A read of the record named by id: `ok` (200), or 404. */
    readById: <P extends string, R extends JsonResponse>(text: RouteText<P>, ok: R) =>
      createRoute({ method: 'get', ...described(text), request: { params: idParam }, responses: { 200: ok, 404: errors[404] } }),

    /** Adds a record that stands on its own: `created` (201); no parent to miss and nothing stale yet, so no 404 or 409. */
    add: <P extends string, B extends z.ZodTypeAny, R extends JsonResponse>(text: RouteText<P>, body: B, created: R) =>
      createRoute({
        method: 'post',
        ...described(text),
        security: writeSecurity,
        request: jsonBody(body),
        responses: { 201: created, 400: errors[400], 401: errors[401], 403: errors[403] },
      }),

    /** Adds a record under the one named by id: `created` (201); nothing is stale yet, so no 409. */
    addUnder: <P extends string, B extends z.ZodTypeAny, R extends JsonResponse>(text: RouteText<P>, body: B, created: R) =>
      createRoute({
        method: 'post',
        ...described(text),
        security: writeSecurity,
        request: { params: idParam, ...jsonBody(body) },
        responses: { 201: created, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
      }),

    write,

    /** The usual edit: PATCH the record named by id, answered with the record as `output` describes it. */
    update: <P extends string, B extends z.ZodTypeAny, O extends z.ZodTypeAny>(text: RouteText<P>, patch: B, output: O) =>
      write({ method: 'patch', ...text }, patch, { 200: jsonContent(output, 'Updated') }),

    /** Deletes the record named by id at the version the client edited: 204 or any of the module's errors. */
    delete: <P extends string>(text: RouteText<P>) =>
      createRoute({
        method: 'delete',
        ...described(text),
        security: writeSecurity,
        request: { params: idParam, query: versionQuery },
        responses: { 204: { description: 'Deleted' }, ...errors },
      }),
  };
}

export type RouteGroup = ReturnType<typeof routeGroup>;
