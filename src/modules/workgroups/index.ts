/** Working groups: one per commitment or thematic, anyone signed in joins or leaves, the public roster of those who consent. */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { workingGroupsPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { workgroupsApi } from './workgroups.api.js';
import { workgroupsMessages } from './workgroups.messages.js';
import { workgroupsOpenData } from './workgroups.opendata.js';
import { workgroupsPolicy } from './workgroups.policy.js';
import { commitmentGroupsSection, workgroupsPages } from './workgroups.routes.js';
import { seedDemoWorkgroups } from './workgroups.seed.js';
import { erasePersonalData } from './workgroups.service.js';
import { workgroupsVisibility } from './workgroups.visibility.js';
import './workgroups.table.js';

export const workgroupsModule = defineModule({
  name: 'workgroups',
  sitemap: (db) => import('./workgroups.sitemap.js').then((m) => m.workgroupsSitemap(db)),
  api: workgroupsApi,
  pages: workgroupsPages,
  messages: workgroupsMessages,
  policy: workgroupsPolicy,
  historyEntityTypes: ['working-group', 'working-group-membership', 'working-group-survey'],
  visibility: workgroupsVisibility,
  openData: workgroupsOpenData,
  sections: [
    commitmentGroupsSection,
    linkItemsSection({ slot: 'planFollow', order: 30, id: 'workgroups.planLinks' }, ({ plan }) => [
      { path: workingGroupsPath(plan), label: 'workgroups.planLink' },
    ]),
  ],
  // Memberships and survey answers of a deleted account (workgroups.service.ts says what stays and why).
  erasePersonalData,
  seed: seedOnDemoPlan(seedDemoWorkgroups),
});

/** What other capabilities use (the co-creation record counts groups and members). */
export { listWorkingGroups } from './workgroups.queries.js';
export { seedDemoWorkgroups } from './workgroups.seed.js';
export type { WorkingGroupKind, WorkingGroupSummary } from './workgroups.model.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof workgroupsMessages.en, string> {}
}
