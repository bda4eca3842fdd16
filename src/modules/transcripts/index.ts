/** Transcripts: verbatim meeting records with an embargo for self-correction, search, and exports. */
import { defineModule } from '../../web/module.js';
import { transcriptApi } from './transcripts.api.js';
import { transcriptMessages } from './transcripts.messages.js';
import { transcriptsOpenData } from './transcripts.opendata.js';
import { transcriptsPolicy } from './transcripts.policy.js';
import { transcriptPages } from './transcripts.routes.js';
import { seedDemoTranscripts } from './transcripts.seed.js';
import { transcriptsSitemap } from './transcripts.sitemap.js';
import { transcriptsVisibility } from './transcripts.visibility.js';
import './transcripts.table.js';
import { unlinkAccount } from './transcripts.queries.js';

export const transcriptsModule = defineModule({
  name: 'transcripts',
  api: transcriptApi,
  pages: transcriptPages,
  messages: transcriptMessages,
  policy: transcriptsPolicy,
  visibility: transcriptsVisibility,
  openData: transcriptsOpenData,
  sitemap: transcriptsSitemap,
  historyEntityTypes: ['transcript', 'speaker'],
  seed: async (db, context) => {
    if (context.planId === undefined) return;
    await seedDemoTranscripts(db, { planId: context.planId });
  },
  erasePersonalData: unlinkAccount,
});
export * as transcriptQueries from './transcripts.queries.js';
export { COUNT_CAP, searchSpeeches } from './transcripts.search.js';
export { indexMissingTranscripts, rebuildSearchIndex } from './transcripts.search-index.js';
export { TRANSCRIPT_MARKDOWN_MAX, importTranscript, publishDueTranscripts } from './transcripts.service.js';
export { calendarRange, upsertCalendar } from './calendar.queries.js';
export { SPEECHES_PER_PAGE } from './transcripts.paging.js';
export { seedDemoTranscripts } from './transcripts.seed.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof transcriptMessages.en, string> {}
}
