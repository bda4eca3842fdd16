/**
 * POST /api/v1/data/import: an export's file back in (ADR 0030): the JSON document, one table's CSV (`?table=`), the
 * ODS spreadsheet, or the ZIP (an archive sent as application/zip or application/octet-stream that is an ODS, by its
 * `mimetype` entry, is read as the ODS). The secretariat and administrators only; all checked before anything is
 * written, every problem named by file, sheet, row and column; then all written in one transaction.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, jsonContent, writeSecurity } from '../../web/openapi.js';
import { text } from '../../web/schemas.js';
import { AppError } from '../../errors.js';
import { ODS_MIMETYPE } from '../../web/open-data.js';
import { authorize } from '../../web/service-helpers.js';
import type { ImportSource } from './opendata.import.js';
import { importData } from './opendata.service.js';

export const importResult = z
  .object({
    tables: z.array(
      z.object({
        name: z.string(),
        rows: z.number().int().openapi({ description: 'Rows in the file' }),
        created: z.number().int(),
        updated: z.number().int().openapi({ description: 'Rows that differed from the stored ones; the others were left as they were' }),
      }),
    ),
  })
  .openapi('OpenDataImportResult');

const importQuery = z.object({
  table: text(40)
    .regex(/^[a-z-]+$/)
    .optional()
    .openapi({ param: { name: 'table', in: 'query' }, description: 'With a text/csv body: the table the CSV holds (e.g. milestones).' }),
});

const importRoute = createRoute({
  method: 'post',
  path: '/data/import',
  tags: ['open data'],
  summary:
    'Import an export (JSON, the ODS, one table’s CSV, or the ZIP): rows created or updated by ID, all or none; problems named by row and column (secretariat)',
  security: writeSecurity,
  request: {
    query: importQuery,
    body: {
      content: {
        'application/json': { schema: z.object({}).passthrough().openapi({ description: 'The JSON document of an export (see /data/schema/v1.json).' }) },
        'text/csv': { schema: text().openapi({ description: 'One table’s CSV as exported (UTF-8; a byte-order mark allowed).' }) },
        [ODS_MIMETYPE]: {
          schema: z.any().openapi({
            type: 'string',
            format: 'binary',
            description: 'The ODS spreadsheet of an export (one sheet per table), as exported or saved again by a spreadsheet program.',
          }),
        },
        'application/zip': { schema: z.any().openapi({ type: 'string', format: 'binary', description: 'The ZIP of an export (or its ODS).' }) },
        'application/octet-stream': {
          schema: z.any().openapi({ type: 'string', format: 'binary', description: 'A ZIP or an ODS, told apart by what the archive holds.' }),
        },
      },
      required: false,
    },
  },
  responses: {
    200: jsonContent(importResult, 'Imported'),
    ...errorResponses({ forbidden: 'The secretariat imports.' }),
  },
});

export function opendataApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(importRoute, async (c) => {
    // Who may is decided before the body is read.
    authorize(c.get('actor'), 'opendata.import');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const kind: ImportSource['kind'] | null = type.startsWith('application/json')
      ? 'json'
      : type.startsWith('text/csv')
        ? 'csv'
        : type.startsWith(ODS_MIMETYPE)
          ? 'ods'
          : type.startsWith('application/zip') || type.startsWith('application/octet-stream')
            ? 'zip'
            : null;
    if (kind === null) throw new AppError(415, 'error.unsupportedMediaType');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const table = c.req.valid('query').table;
    const source: ImportSource = kind === 'csv' ? { kind, bytes, table } : { kind, bytes };
    const summary = await importData(c.get('services'), c.get('actor'), c.get('lang'), source);
    return c.json(summary, 200);
  });
}
