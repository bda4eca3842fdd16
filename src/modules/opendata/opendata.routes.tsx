/**
 * The open-data page (/data, /en/data), the JSON Schema, and the downloads: each scope's files as last built
 * (opendata.cache.ts), streamed from disk with their own ETag, so hono/etag neither hashes nor buffers them, and 304
 * when the client has them.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../web/context.js';
import { pageContext } from '../../web/context.js';
import { jsonSchemaOf } from '../../web/open-data.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { can } from '../../domain/authorization.js';
import { BODY_LIMITS } from '../../web/body-limits.js';
import { requirePermission } from '../../web/form-handler.js';
import { parseFormBody } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import type { FieldErrors } from '../../web/ui/index.js';
import { planQueries } from '../plans/index.js';
import type { BuiltFile } from './opendata.build.js';
import { dataLicense } from './opendata.license.js';
import { importSourceOf, type ImportSummary } from './opendata.import.js';
import { dataImportPath } from './opendata.paths.js';
import { cachedExport, importData, registeredEntities, schemaUrl } from './opendata.service.js';
import { DataPage } from './views/data.js';
import { ImportPage } from './views/import.js';
import { createHash } from 'node:crypto';

const TYPES: Record<string, string> = {
  'data.json': 'application/json; charset=utf-8',
  'data.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  'data.zip': 'application/zip',
  'README.md': 'text/markdown; charset=utf-8',
  'LICENSE.txt': 'text/plain; charset=utf-8',
};

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Whether If-None-Match names this ETag (or is *). */
function matches(c: AppContext, etag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header.trim() === '*' || (header.match(/"[^"]*"/g) ?? []).some((tag) => tag === etag);
}

/** A built file as the answer: 304 when the client has it, else streamed from disk (a BOM first when asked). */
function serve(c: AppContext, file: BuiltFile, type: string, downloadName: string, bom = false): Response {
  const etag = bom ? `${file.etag.slice(0, -1)}-bom"` : file.etag;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'public, no-cache' };
  if (matches(c, etag)) return c.body(null, 304, headers);
  const stream = Readable.from(
    (async function* () {
      if (bom) yield BOM;
      yield* createReadStream(file.path);
    })(),
  );
  return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
    ...headers,
    'Content-Type': type,
    'Content-Length': String(file.size + (bom ? BOM.length : 0)),
    'Content-Disposition': `${type.startsWith('application/json') || type.startsWith('text/markdown') || type.startsWith('text/plain') ? 'inline' : 'attachment'}; filename="${downloadName}"`,
  });
}

async function scopeOf(c: AppContext): Promise<{ scope: { planId: number | null }; planSlug: string | null; name: string }> {
  const slug = c.req.param('slug');
  if (slug === undefined) return { scope: { planId: null }, planSlug: null, name: 'site' };
  const plan = await planQueries.findPlanBySlug(c.get('services').db, slug);
  if (!plan) throw new NotFoundError();
  return { scope: { planId: plan.id }, planSlug: plan.slug, name: plan.slug };
}

async function download(c: AppContext, name: string, csv?: { bom: boolean }): Promise<Response> {
  const { scope, planSlug, name: scopeName } = await scopeOf(c);
  const key = csv ? `csv/${name}` : name;
  if (csv ? !(await registeredEntities()).some((e) => `${e.name}.csv` === name) : !(name in TYPES)) throw new NotFoundError();
  const files = await cachedExport(c.get('services'), { scope, planSlug });
  const file = files.get(csv ? `csv/${name}` : key);
  if (!file) throw new NotFoundError();
  const type = csv ? 'text/csv; charset=utf-8' : (TYPES[name] ?? 'application/octet-stream');
  return serve(c, file, type, `cocreate-${scopeName}-${name.replace('/', '-')}`, csv?.bom ?? false);
}

let schemaCache: { url: string; body: string; etag: string } | undefined;

export function opendataPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/data', async (c) => {
    const plans = await planQueries.listPlans(c.get('services').db);
    return c.html(
      <DataPage
        ctx={pageContext(c)}
        plans={plans}
        entities={await registeredEntities()}
        license={dataLicense()}
        canImport={can(c.get('actor'), 'opendata.import')}
      />,
    );
  });

  // The secretariat's import form: the file as the API takes it, the problems listed by file, sheet, row and column.
  const renderImport = async (
    c: AppContext,
    state: { table: string; errors: FieldErrors; problems: readonly string[]; summary?: ImportSummary },
    status: 200 | 400,
  ) =>
    c.html(
      <ImportPage ctx={pageContext(c)} entities={await registeredEntities()} maxMegabytes={Math.floor(BODY_LIMITS.upload / (1024 * 1024))} {...state} />,
      status,
    );
  app.get(dataImportPath, async (c) => {
    requirePermission(c, 'opendata.import');
    return renderImport(c, { table: '', errors: {}, problems: [] }, 200);
  });
  app.post(dataImportPath, async (c) => {
    requirePermission(c, 'opendata.import');
    const lang = c.get('lang');
    const body = await parseFormBody(c);
    const table = typeof body.table === 'string' ? body.table.trim().slice(0, 40) : '';
    const file = [body.file].flat().find((f): f is File => f instanceof File && f.size > 0);
    if (!file) return renderImport(c, { table, errors: { file: t(lang, 'opendata.import.noFile') }, problems: [] }, 400);
    const source = importSourceOf(file.name, new Uint8Array(await file.arrayBuffer()), table || undefined);
    try {
      const summary = await importData(c.get('services'), c.get('actor'), lang, source);
      return renderImport(c, { table: '', errors: {}, problems: [], summary }, 200);
    } catch (error) {
      if (!(error instanceof ValidationError) || error.status !== 400) throw error;
      const problems = Object.values(error.messages);
      return renderImport(c, { table, errors: { file: t(lang, 'opendata.import.refused', { count: problems.length }) }, problems }, 400);
    }
  });

  app.get('/data/schema/v1.json', async (c) => {
    const url = schemaUrl(c.get('services').config.publicUrl);
    if (schemaCache?.url !== url) {
      const body = `${JSON.stringify(jsonSchemaOf(await registeredEntities(), url), null, 2)}\n`;
      schemaCache = { url, body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
    }
    const headers = { ETag: schemaCache.etag, 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' };
    if (matches(c, schemaCache.etag)) return c.body(null, 304, headers);
    return c.body(schemaCache.body, 200, { ...headers, 'Content-Type': 'application/schema+json; charset=utf-8' });
  });

  for (const prefix of ['/data/site', '/data/plans/:slug']) {
    app.get(`${prefix}/csv/:file`, (c) => download(c, c.req.param('file'), { bom: false }));
    app.get(`${prefix}/csv-bom/:file`, (c) => download(c, c.req.param('file'), { bom: true }));
    app.get(`${prefix}/:file`, (c) => download(c, c.req.param('file')));
  }
  return app;
}
