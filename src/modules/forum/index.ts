/** The forum (推動小組): its meetings, the reports it reviewed, and its resolutions followed up until closed. */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { meetingsPath, resolutionsPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { forumApi } from './forum.api.js';
import { forumMessages } from './forum.messages.js';
import { forumOpenData } from './forum.opendata.js';
import { forumPolicy } from './forum.policy.js';
import { forumPages } from './forum.routes.js';
import { seedDemoForum } from './forum.seed.js';
import { forumVisibility } from './forum.visibility.js';
import './forum.table.js';

export const forumModule = defineModule({
  name: 'forum',
  sitemap: (db) => import('./forum.sitemap.js').then((m) => m.forumSitemap(db)),
  api: forumApi,
  pages: forumPages,
  messages: forumMessages,
  policy: forumPolicy,
  historyEntityTypes: ['meeting', 'resolution'],
  visibility: forumVisibility,
  openData: forumOpenData,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 20, id: 'forum.planLinks' }, ({ plan }) => [
      { path: meetingsPath(plan), label: 'plan.linkMeetings' },
      { path: resolutionsPath(plan), label: 'plan.linkResolutions' },
    ]),
  ],
  seed: seedOnDemoPlan(seedDemoForum),
});

export * as forumQueries from './forum.queries.js';
export { seedDemoForum } from './forum.seed.js';
export { findMeetingById, findMeetingsByIds, listMeetings, listMeetingTotals, type MeetingTotals } from './forum.queries.js';
// The co-creation seed records the 2019–2020 meetings as the secretariat would, through the forum's use cases.
export { createMeeting, updateMeeting } from './forum.service.js';
// The amendments seed records the mid-term review's resolution as the secretariat would.
export { createResolution } from './forum.service.js';
export { meetingInput, type MeetingInput } from './forum.schemas.js';
export { forumPolicy } from './forum.policy.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof forumMessages.en, string> {}
}
