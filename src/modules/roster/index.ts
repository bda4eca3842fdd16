/**
 * The forum's roster (issue #11): seats with sector, role and term (and the forum roles they grant), the forum's
 * rules as dated versions, and open nominations to civil-society seats decided by a secret-ballot election or a
 * named panel. One forum per plan for now (ADR 0026).
 */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { forumRosterPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { rosterApi } from './roster.api.js';
import { rosterMessages } from './roster.messages.js';
import { rosterOpenData } from './roster.opendata.js';
import { rosterPolicy } from './roster.policy.js';
import { rosterPages } from './roster.routes.js';
import { seedDemoRoster } from './roster.seed.js';
import { erasePersonalData } from './roster.service.js';
import { rosterVisibility } from './roster.visibility.js';
import './roster.table.js';

export const rosterModule = defineModule({
  name: 'roster',
  sitemap: (db) => import('./roster.sitemap.js').then((m) => m.rosterSitemap(db)),
  api: rosterApi,
  pages: rosterPages,
  messages: rosterMessages,
  policy: rosterPolicy,
  historyEntityTypes: ['seat', 'forum-rules', 'nomination-call', 'nomination'],
  visibility: rosterVisibility,
  openData: rosterOpenData,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 25, id: 'roster.planLinks' }, ({ plan }) => [{ path: forumRosterPath(plan), label: 'roster.planLink' }]),
  ],
  erasePersonalData,
  seed: seedOnDemoPlan(seedDemoRoster),
});

/** For the co-creation record: the latest version of a plan's forum rules (its number, the day it took effect, when published). */
export { latestForumRules } from './roster.service.js';
/** The forum's seats of a plan, past and present, and where each stands on a day (vacant, past). */
export { listSeats } from './roster.queries.js';
export { rosterView, type RosterView, type Seat } from './roster.model.js';
export { seedDemoRoster } from './roster.seed.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof rosterMessages.en, string> {}
}
