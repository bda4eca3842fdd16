/**
 * Adoption and change control (ADR 0031): a plan's adoption freezes its official text as version 1; afterwards a
 * change of an adopted commitment's or milestone's substance is a proposed amendment the forum decides, and the
 * amendments a decision applies make the next version; the secretariat's editorial corrections are labelled. It
 * provides plans' `changeControl`, so plans imports nothing of it.
 */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { amendmentsApi } from './amendments.api.js';
import { amendmentsMessages } from './amendments.messages.js';
import { commitmentChangesPath, planChangesPath, versionsPath } from './amendments.paths.js';
import { amendmentsPolicy } from './amendments.policy.js';
import { eraseNames } from './amendments.queries.js';
import { amendmentsPages } from './amendments.routes.js';
import { seedDemoAmendments } from './amendments.seed.js';
import { changeControl } from './amendments.service.js';
import { amendmentsVisibility } from './amendments.visibility.js';
import './amendments.table.js';

export const amendmentsModule = defineModule({
  name: 'amendments',
  api: amendmentsApi,
  pages: amendmentsPages,
  messages: amendmentsMessages,
  policy: amendmentsPolicy,
  visibility: amendmentsVisibility,
  provides: { changeControl },
  erasePersonalData: eraseNames,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 15, id: 'amendments.planLinks' }, ({ plan }) => [
      { path: planChangesPath(plan), label: 'amendments.changes.link' },
      { path: versionsPath(plan), label: 'amendments.versions.link' },
    ]),
    linkItemsSection({ slot: 'commitmentLinks', order: 10, id: 'amendments.commitmentLink' }, ({ plan, commitment }) => [
      { path: commitmentChangesPath(plan, commitment), label: 'amendments.changes.link' },
    ]),
  ],
  // After the forum's seed: the mid-term amendment is decided at one of its plenaries.
  seed: seedOnDemoPlan(seedDemoAmendments),
});

export { snapshotOf, changesSinceAdoption, compareVersions } from './amendments.service.js';
export { seedDemoAmendments } from './amendments.seed.js';
export { amendmentsPolicy, maySeeAmendment } from './amendments.policy.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof amendmentsMessages.en, string> {}
}
