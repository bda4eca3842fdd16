/** The open-data page and its downloads (ADR 0030): the site's and each plan's files, the JSON Schema. */
import { SCHEMA_PATH } from '../../web/open-data.js';

export const dataPagePath = '/data';
/** The secretariat's import form. */
export const dataImportPath = '/data/import';
export const dataSchemaPath = SCHEMA_PATH;

/** A scope's files: the whole site's, or one plan's. */
export type DataScopeRef = { site: true } | { slug: string };

export const dataScopePath = (scope: DataScopeRef) => ('site' in scope ? '/data/site' : `/data/plans/${scope.slug}`);
export const dataFilePath = (scope: DataScopeRef, file: 'data.json' | 'data.ods' | 'data.zip' | 'README.md' | 'LICENSE.txt') =>
  `${dataScopePath(scope)}/${file}`;
export const dataCsvPath = (scope: DataScopeRef, table: string, bom = false) => `${dataScopePath(scope)}/${bom ? 'csv-bom' : 'csv'}/${table}.csv`;
