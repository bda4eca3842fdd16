/**
 * Open data (ADR 0030): the site's and each plan's public data as JSON (with a JSON Schema), CSV, ODS, a README and
 * a licence, zipped; rebuilt when the data changes; and the import of the same files. The entities come from every
 * module's manifest (`openData`), so a later capability's entities join the files without a change here.
 */
import { defineModule } from '../../web/module.js';
import { opendataApi } from './opendata.api.js';
import { opendataMessages } from './opendata.messages.js';
import { opendataPolicy } from './opendata.policy.js';
import { opendataPages } from './opendata.routes.js';

export const opendataModule = defineModule({
  name: 'opendata',
  api: opendataApi,
  pages: opendataPages,
  messages: opendataMessages,
  policy: opendataPolicy,
  sitemap: async () => [{ path: '/data' }],
});

/** For the CLI and the benchmark: the site's export into a directory, a plan's, and the import of a file. */
export { exportSite, importData, registeredEntities, writeExport } from './opendata.service.js';
export type { BuiltExport, BuiltFile } from './opendata.build.js';
export type { ImportSource, ImportSummary } from './opendata.import.js';
export { dataPagePath } from './opendata.paths.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof opendataMessages.en, string> {}
}
