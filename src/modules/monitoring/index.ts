/** Monitoring: review cycles, progress reports, roll-ups, the secretariat's board, transfers and feeds. */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { cyclesPath, progressPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { monitoringApi } from './monitoring.api.js';
import { monitoringMessages } from './monitoring.messages.js';
import { monitoringOpenData } from './monitoring.opendata.js';
import { monitoringPolicy } from './monitoring.policy.js';
import { commitmentMonitoring, monitoringPages } from './monitoring.routes.js';
import { seedDemoMonitoring } from './monitoring.seed.js';
import { monitoringVisibility } from './monitoring.visibility.js';
import './monitoring.table.js';
import { eraseAuthorName, listLatestReportedStatuses } from './monitoring.queries.js';

export const monitoringModule = defineModule({
  name: 'monitoring',
  api: monitoringApi,
  pages: monitoringPages,
  messages: monitoringMessages,
  policy: monitoringPolicy,
  historyEntityTypes: ['cycle', 'report'],
  visibility: monitoringVisibility,
  openData: monitoringOpenData,
  sections: [
    { slot: 'commitment', order: 10, id: 'monitoring.progress', render: commitmentMonitoring },
    linkItemsSection({ slot: 'planFollow', order: 10, id: 'monitoring.planLinks' }, ({ plan }) => [
      { path: progressPath(plan), label: 'plan.linkProgress' },
      { path: cyclesPath(plan), label: 'plan.linkCycles' },
    ]),
  ],
  // The public status of a commitment follows its latest submitted report (domain/public-status.ts).
  provides: { latestReported: listLatestReportedStatuses },
  seed: seedOnDemoPlan(seedDemoMonitoring),
  erasePersonalData: eraseAuthorName,
});

export * as monitoringQueries from './monitoring.queries.js';
export { seedDemoMonitoring } from './monitoring.seed.js';
export type { CycleRef, ReportRef } from './monitoring.queries.js';
export type { BoardPageData } from './monitoring.routes.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof monitoringMessages.en, string> {}
}
