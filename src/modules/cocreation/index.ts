/** Co-creation: a plan's phases published in advance, and the co-creation record computed from the records. */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { coCreationPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { cocreationApi } from './cocreation.api.js';
import { cocreationMessages } from './cocreation.messages.js';
import { cocreationPolicy } from './cocreation.policy.js';
import { cocreationPages, developmentFiguresSection } from './cocreation.routes.js';
import { seedDemoCocreation } from './cocreation.seed.js';
import { cocreationVisibility } from './cocreation.visibility.js';
import './cocreation.table.js';
import type { DbOrTx } from '../../db/connection.js';
import type { Finding } from '../../domain/cocreation.js';
import type { ActionPlan } from '../../domain/plan.js';
import { coCreationOverview } from './cocreation.service.js';

/** The checklist of a plan's co-creation minimum requirements as of `now`, from its records. */
export type CocreationChecklistSource = (db: DbOrTx, plan: Pick<ActionPlan, 'id' | 'periodStart' | 'periodEnd'>, now: Date) => Promise<Finding[]>;

declare module '../../web/module.js' {
  interface Provisions {
    /** What the co-creation record says of each minimum requirement (the review's prefilled assessment). */
    cocreationChecklist: CocreationChecklistSource;
  }
}

const cocreationChecklist: CocreationChecklistSource = async (db, plan, now) => (await coCreationOverview(db, plan, now)).checklist;

export const cocreationModule = defineModule({
  name: 'cocreation',
  api: cocreationApi,
  pages: cocreationPages,
  messages: cocreationMessages,
  policy: cocreationPolicy,
  historyEntityTypes: ['phase'],
  visibility: cocreationVisibility,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 30, id: 'cocreation.planLink' }, ({ plan }) => [
      { path: coCreationPath(plan), label: 'cocreation.planLink' },
    ]),
    { slot: 'plan', order: 10, id: 'cocreation.developmentFigures', render: developmentFiguresSection },
  ],
  provides: { cocreationChecklist },
  // After the forum's, roster's and working groups' seeds: it records the 2019–2020 meetings and reads the groups.
  seed: seedOnDemoPlan(seedDemoCocreation),
});

export { coCreationOverview };
/** A plan's phases, for the modules that place things in its timeline (consultations). */
export { listPhases } from './cocreation.queries.js';
export type { Phase } from '../../domain/cocreation.js';
export type { CoCreationPageData } from './cocreation.routes.js';
export { seedDemoCocreation } from './cocreation.seed.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof cocreationMessages.en, string> {}
}
