/** JSON API of the document repository under /api/v1: lists (site, plan) with the MR 2.2 figure, one document, add (link or file), edit, delete. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { AppContext, AppEnv } from '../../web/context.js';
import { nestForm, parseFormBody } from '../../web/forms.js';
import { errorResponses, idParam, jsonContent, routeGroup } from '../../web/openapi.js';
import { errorOutput } from '../../web/schemas.js';
import { parseOrThrow } from '../../web/validation.js';
import { planQueries } from '../plans/index.js';
import type { RepositoryDocument } from './repository.model.js';
import { documentFilePath } from './repository.paths.js';
import * as q from './repository.queries.js';
import {
  documentInput,
  documentListOutput,
  documentOutput,
  documentPatch,
  documentQuery,
  documentUpload,
  DOCUMENTS_PAGE_SIZE,
  updatesOutput,
  type DocumentQuery,
} from './repository.schemas.js';
import * as service from './repository.service.js';

export const presentDocument = (d: RepositoryDocument) => ({
  id: d.id,
  planId: d.planId,
  meetingId: d.meetingId,
  commitmentId: d.commitmentId,
  kind: d.kind,
  language: d.language,
  date: d.date,
  title: d.title,
  description: d.description,
  url: d.url ?? documentFilePath(d),
  file: d.file,
  isDemo: d.isDemo,
  version: d.version,
  addedAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

const depsOf = (c: AppContext): service.RepositoryDeps => ({ db: c.get('services').db, now: c.get('services').now });

const errors = errorResponses({ forbidden: 'The secretariat and the administrator keep the repository.' });
const documents = routeGroup(['documents'], errors);

async function listBody(c: AppContext, planId: number | undefined, query: DocumentQuery) {
  const { db, now } = c.get('services');
  const page = query.page ?? 1;
  const [list, updates] = await Promise.all([
    q.listDocuments(db, { planId, kind: query.kind, language: query.language }, { limit: DOCUMENTS_PAGE_SIZE, offset: (page - 1) * DOCUMENTS_PAGE_SIZE }),
    service.updatesOf(db, planId, now()),
  ]);
  return { items: list.items.map(presentDocument), total: list.total, page, perPage: DOCUMENTS_PAGE_SIZE, updates };
}

/** The multipart upload's fields as the JSON input takes them (`title.zh` → `title: { zh }`), and its file. */
async function uploadOf(c: AppContext) {
  const body = await parseFormBody(c);
  const file = body.file;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string' && key !== '_csrf') fields[key] = value;
  const input = parseOrThrow(documentInput, nestForm(fields), c.get('lang'));
  if (!(file instanceof File)) throw new ValidationError([{ field: 'file', key: 'repository.error.fileOrLink' }]);
  return { input: { ...input, url: null }, file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

export function repositoryApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/documents',
      tags: ['documents'],
      summary:
        'Every document of the repository, newest first (50 a page), with when the repository was last updated and whether it was updated at least twice in the past year (MR 2.2)',
      request: { query: documentQuery },
      responses: { 200: jsonContent(documentListOutput, 'The documents'), 400: errors[400] },
    }),
    async (c) => c.json(await listBody(c, undefined, c.req.valid('query')), 200),
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/documents',
      tags: ['documents'],
      summary: 'A plan’s documents, newest first (50 a page), with the plan’s MR 2.2 figure',
      request: { params: idParam, query: documentQuery },
      responses: { 200: jsonContent(documentListOutput, 'The documents'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const plan = await planQueries.findPlanById(c.get('services').db, c.req.valid('param').id);
      if (!plan) throw new NotFoundError();
      return c.json(await listBody(c, plan.id, c.req.valid('query')), 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/repository-updates',
      tags: ['documents'],
      summary: 'When a plan’s documents were last updated, and whether at least twice in the past year (OGP minimum requirement 2.2)',
      request: { params: idParam },
      responses: { 200: jsonContent(updatesOutput, 'The figure'), 404: errors[404] },
    }),
    async (c) => {
      const { db, now } = c.get('services');
      const plan = await planQueries.findPlanById(db, c.req.valid('param').id);
      if (!plan) throw new NotFoundError();
      return c.json(await service.updatesOf(db, plan.id, now()), 200);
    },
  );
  api.openapi(documents.readById({ path: '/documents/{id}', summary: 'One document' }, jsonContent(documentOutput, 'The document')), async (c) => {
    const d = await q.findDocumentById(c.get('services').db, c.req.valid('param').id);
    if (!d) throw new NotFoundError();
    return c.json(presentDocument(d), 200);
  });
  api.openapi(
    documents.add(
      { path: '/documents', summary: 'Add a document as a link (http or https); a plan, meeting and commitment may be named' },
      documentInput,
      jsonContent(documentOutput, 'Added'),
    ),
    async (c) => c.json(presentDocument(await service.addDocument(depsOf(c), c.get('actor'), c.req.valid('json'))), 201),
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/documents/files',
      tags: ['documents'],
      summary:
        'Add a document as an uploaded file (PDF, images, CSV, text, ODF or OOXML; at most 5 MB), with its fields as form fields (`title.zh`, `title.en`, …)',
      security: [{ bearerAuth: [] }, { cookieAuth: [] }],
      request: { body: { content: { 'multipart/form-data': { schema: documentUpload } }, required: true } },
      responses: {
        201: jsonContent(documentOutput, 'Added'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        413: jsonContent(errorOutput, 'The upload is larger than allowed'),
      },
    }),
    async (c) => {
      // Refused before the body is read when the actor may not add documents.
      service.assertMayManage(c.get('actor'));
      const { input, file } = await uploadOf(c);
      return c.json(presentDocument(await service.addDocument(depsOf(c), c.get('actor'), input, file)), 201);
    },
  );
  api.openapi(
    documents.update({ path: '/documents/{id}', summary: 'Change what is said of a document; a file stays as it is' }, documentPatch, documentOutput),
    async (c) => c.json(presentDocument(await service.updateDocument(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  api.openapi(documents.delete({ path: '/documents/{id}', summary: 'Delete a document (its history stays)' }), async (c) => {
    await service.deleteDocument(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
}
