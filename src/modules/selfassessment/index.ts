/**
 * The government's yearly self-assessment (issue #13, item 10; ADR 0036): per commitment, its status as the
 * government states it (prefilled from the monitoring) and a narrative; a public comment period before the
 * independent reviewers' work, whose comments are inputs the secretariat answers (they count in the government's
 * response figures); then published, never changed. Its comments reach participation through the
 * `selfAssessmentTargets` provision, so neither module imports the other's internals.
 */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { selfAssessmentApi } from './selfassessment.api.js';
import { selfAssessmentMessages } from './selfassessment.messages.js';
import { selfAssessmentOpenData } from './selfassessment.opendata.js';
import { planSelfAssessmentsPath } from './selfassessment.paths.js';
import { selfAssessmentPolicy } from './selfassessment.policy.js';
import { selfAssessmentPages } from './selfassessment.routes.js';
import { seedDemoSelfAssessment } from './selfassessment.seed.js';
import { selfAssessmentTargets } from './selfassessment.targets.js';
import { selfAssessmentVisibility } from './selfassessment.visibility.js';
import './selfassessment.table.js';

export const selfAssessmentModule = defineModule({
  name: 'selfassessment',
  api: selfAssessmentApi,
  pages: selfAssessmentPages,
  messages: selfAssessmentMessages,
  policy: selfAssessmentPolicy,
  historyEntityTypes: ['selfAssessment', 'selfAssessmentEntry'],
  visibility: selfAssessmentVisibility,
  openData: selfAssessmentOpenData,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 47, id: 'selfAssessment.planLink' }, ({ plan }) => [
      { path: planSelfAssessmentsPath(plan), label: 'selfAssessment.planLink' },
    ]),
  ],
  provides: { selfAssessmentTargets },
  seed: seedOnDemoPlan(seedDemoSelfAssessment),
});

export { seedDemoSelfAssessment } from './selfassessment.seed.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof selfAssessmentMessages.en, string> {}
}
