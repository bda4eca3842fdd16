/** POST /api/v1/plans/{id}/inputs/import: a CSV of inputs gathered elsewhere, as text/csv or as JSON `{csv, consultationId?}`. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, idParam, jsonContent, writeSecurity } from '../../web/openapi.js';
import { recordId, text } from '../../web/schemas.js';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_LISTED, IMPORT_MAX_ROWS } from './import.js';
import { importInputs } from './import.service.js';

/** The JSON form of the body; the length bounds the text before it is measured in bytes. */
export const importBody = z
  .object({
    csv: text(IMPORT_MAX_BYTES).openapi({ description: `The file’s text: UTF-8, a header row naming the columns (${IMPORT_COLUMNS.join(', ')}).` }),
    consultationId: recordId().optional().openapi({ description: 'Attach every row to this consultation of the plan.' }),
  })
  .strict()
  .openapi('InputImport');

export const importResult = z.object({ imported: z.number().int() }).openapi('InputImportResult');

const consultationQuery = z.object({
  consultation: recordId()
    .optional()
    .openapi({ param: { name: 'consultation', in: 'query' }, description: 'With a text/csv body: the consultation to attach every row to.' }),
});

const importRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/inputs/import',
  tags: ['inputs'],
  summary: `Import inputs gathered elsewhere (JOIN, a meeting’s notes, e-mail) from CSV, all or none: at most ${IMPORT_MAX_ROWS} rows and 2 MB; every problem named by row and column (at most ${IMPORT_MAX_LISTED} listed) (secretariat)`,
  security: writeSecurity,
  request: {
    params: idParam,
    query: consultationQuery,
    body: {
      content: {
        'application/json': { schema: importBody },
        'text/csv': { schema: text().openapi({ description: 'The file as it is (UTF-8, a byte-order mark allowed).' }) },
      },
      // Either type: the JSON body is validated only when it is JSON.
      required: false,
    },
  },
  responses: {
    201: jsonContent(importResult, 'Every row imported'),
    ...errorResponses({ forbidden: 'The secretariat imports.' }),
  },
});

export function importApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(importRoute, async (c) => {
    const { db, now } = c.get('services');
    const planId = c.req.valid('param').id;
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let csv: string;
    let consultationId = c.req.valid('query').consultation;
    if (type.startsWith('application/json')) {
      const body = c.req.valid('json');
      // The text/csv type's schema is a string, but only a JSON body is validated (and it is the object).
      if (typeof body === 'string') throw new Error('unreachable: a JSON body validated as text');
      csv = body.csv;
      consultationId = body.consultationId ?? consultationId;
    } else {
      csv = await c.req.text();
    }
    const result = await importInputs({ db, now }, c.get('actor'), planId, csv, consultationId === undefined ? {} : { consultationId });
    return c.json(result, 201);
  });
}
