/**
 * Exports of the site or of one plan (ADR 0030), built from the entities every listed module declares, and kept
 * until the data changes; the import over the same entities.
 */
import type { Db } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import type { Lang } from '../../domain/localized.js';
import { t } from '../../web/i18n.js';
import { openDataEntities, SCHEMA_PATH, type OpenDataEntity, type OpenDataScope } from '../../web/open-data.js';
import type { PageCache } from '../../web/page-cache.js';
import { buildExport, type BuiltExport, type ExportOptions } from './opendata.build.js';
import { ExportCache } from './opendata.cache.js';
import { importOpenData, type ImportSource, type ImportSummary } from './opendata.import.js';
import { dataLicense } from './opendata.license.js';

/**
 * The entities of the modules the app lists, in write order. The list includes this module, so it is loaded when
 * first needed rather than imported (which would make the two wait on each other).
 */
export async function registeredEntities(): Promise<OpenDataEntity[]> {
  const { modules } = await import('../index.js');
  return openDataEntities(modules);
}

/** The JSON Schema's address: absolute when the site's public address is configured. */
export const schemaUrl = (publicUrl: string | undefined): string => `${publicUrl?.replace(/\/$/, '') ?? ''}${SCHEMA_PATH}`;

export interface ExportRequest {
  scope: OpenDataScope;
  planSlug: string | null;
  publicUrl?: string;
  onProgress?: ExportOptions['onProgress'];
  batchSize?: number;
}

/** Writes an export into `dir`: the site's (`planId` null) or a plan's. */
export async function writeExport(db: Db, dir: string, request: ExportRequest): Promise<BuiltExport> {
  return buildExport(db, await registeredEntities(), request.scope, dir, {
    license: dataLicense(),
    schemaUrl: schemaUrl(request.publicUrl),
    planSlug: request.planSlug,
    siteName: t('en', 'site.name'),
    onProgress: request.onProgress,
    batchSize: request.batchSize,
  });
}

/**
 * The whole site's export into `dir`, streamed batch by batch: what `cocreate export` writes and the benchmark
 * measures (a site of 12,000 commitments and milestones and 17,000 inputs: under 10 s and 250 MB).
 */
export function exportSite(db: Db, dir: string, options: Omit<ExportRequest, 'scope' | 'planSlug'> = {}): Promise<BuiltExport> {
  return writeExport(db, dir, { ...options, scope: { planId: null }, planSlug: null });
}

const caches = new WeakMap<Db, ExportCache>();

/** The scope's export as last built, rebuilt when a change event has been heard since (the page cache's generation). */
export function cachedExport(services: { db: Db; pageCache?: PageCache; config: { publicUrl?: string } }, request: ExportRequest): Promise<BuiltExport> {
  let cache = caches.get(services.db);
  if (!cache) {
    cache = new ExportCache();
    caches.set(services.db, cache);
  }
  const generation = services.pageCache?.live ? services.pageCache.generation : undefined;
  const key = request.scope.planId === null ? 'site' : `plan:${request.scope.planId}`;
  return cache.get(key, generation, (dir) => writeExport(services.db, dir, { ...request, publicUrl: services.config.publicUrl }));
}

/** Imports an export's file (the secretariat and administrators only; all checked, then all written, or nothing). */
export async function importData(
  services: { db: Db },
  actor: Actor | null,
  lang: Lang,
  source: ImportSource,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  return importOpenData(services, actor, lang, await registeredEntities(), source, onProgress);
}
