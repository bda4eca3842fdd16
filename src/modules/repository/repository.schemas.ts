/** Input and output of the repository: a document (API, forms and OpenAPI alike), its list, and the MR 2.2 figure. */
import { z } from '@hono/zod-openapi';
import { clearable, isoDate, localizedInput, localizedOutput, recordId, text, versionField, webUrl } from '../../web/schemas.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES } from './repository.model.js';

const documentFields = {
  kind: z.enum(DOCUMENT_KINDS, { message: 'repository.error.kind' }),
  language: z.enum(DOCUMENT_LANGUAGES, { message: 'repository.error.language' }),
  date: isoDate.openapi({ description: 'The document’s own date (the meeting’s, the publication’s).' }),
  title: localizedInput(500),
  description: localizedInput(5000).optional(),
  planId: clearable(recordId('repository.error.unknownPlan'))
    .optional()
    .openapi({ type: ['integer', 'null'] }),
  meetingId: clearable(recordId('repository.error.unknownMeeting'))
    .optional()
    .openapi({ type: ['integer', 'null'] }),
  commitmentId: clearable(recordId('repository.error.unknownCommitment'))
    .optional()
    .openapi({ type: ['integer', 'null'] }),
  url: clearable(webUrl())
    .optional()
    .openapi({ type: ['string', 'null'], format: 'uri', description: 'A link (http or https); a document is a link or a file, never both.' }),
};

export const documentInput = z.object(documentFields).openapi('DocumentInput');
export type DocumentInput = z.infer<typeof documentInput>;

export const documentPatch = z
  .object({
    ...documentFields,
    kind: documentFields.kind.optional(),
    language: documentFields.language.optional(),
    date: isoDate.optional(),
    title: localizedInput(500).optional(),
  })
  .extend({ version: versionField })
  .openapi('DocumentPatch');
export type DocumentPatch = z.infer<typeof documentPatch>;

/** The multipart upload: the file and the document's fields, named as the page's form names them (`title.zh`). */
export const documentUpload = z
  .object({
    file: z.any().openapi({ type: 'string', format: 'binary' }),
    kind: text(40),
    language: text(40),
    date: text(40),
    'title.zh': text(500).optional(),
    'title.en': text(500).optional(),
    'description.zh': text(5000).optional(),
    'description.en': text(5000).optional(),
    planId: text(20).optional(),
    meetingId: text(20).optional(),
    commitmentId: text(20).optional(),
  })
  .openapi('DocumentUpload');

export const documentOutput = z
  .object({
    id: z.number().int(),
    planId: z.number().int().nullable(),
    meetingId: z.number().int().nullable(),
    commitmentId: z.number().int().nullable(),
    kind: z.enum(DOCUMENT_KINDS),
    language: z.enum(DOCUMENT_LANGUAGES),
    date: z.string().openapi({ format: 'date' }),
    title: localizedOutput,
    description: localizedOutput,
    url: z.string().openapi({ description: 'The link, or the address of the file kept here.' }),
    file: z.object({ name: z.string(), mediaType: z.string(), byteSize: z.number().int(), sha256: z.string() }).nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    addedAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Document');

export const updatesOutput = z
  .object({
    lastUpdate: z.string().nullable().openapi({ format: 'date', description: 'The last day a document was added or changed (Taiwan time).' }),
    daysInPastYear: z.number().int().openapi({ description: 'Distinct days in the past year on which documents were added or changed.' }),
    since: z.string().openapi({ format: 'date', description: 'The first day of that year.' }),
    met: z.boolean().openapi({ description: 'Updated at least twice in the past year (OGP minimum requirement 2.2).' }),
  })
  .openapi('RepositoryUpdates');

export const documentListOutput = z
  .object({ items: z.array(documentOutput), total: z.number().int(), page: z.number().int(), perPage: z.number().int(), updates: updatesOutput })
  .openapi('DocumentList');

export const documentQuery = z.object({
  kind: z
    .enum(DOCUMENT_KINDS, { message: 'repository.error.kind' })
    .optional()
    .openapi({ param: { name: 'kind', in: 'query' } }),
  language: z
    .enum(DOCUMENT_LANGUAGES, { message: 'repository.error.language' })
    .optional()
    .openapi({ param: { name: 'language', in: 'query' } }),
  page: recordId('error.invalid')
    .optional()
    .openapi({ param: { name: 'page', in: 'query' } }),
});
export type DocumentQuery = z.infer<typeof documentQuery>;

export const DOCUMENTS_PAGE_SIZE = 50;
