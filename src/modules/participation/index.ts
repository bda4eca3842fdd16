/**
 * Public input with a reasoned response: consultations (dated windows on a part of the plan, public or an internal
 * round), inputs (comments, replies, proposals; imported from JOIN or a meeting's notes), the response every input is
 * owed with its reason and the change it led to, response figures, and moderation.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.js';
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { inputsPath } from '../../web/paths.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { figuresApi } from './figures.api.js';
import { figuresMessages } from './figures.messages.js';
import { cocreationFiguresSection, figuresPages, overdueBoardSection } from './figures.routes.js';
import { importApi } from './import.api.js';
import { importMessages } from './import.messages.js';
import { importPages } from './import.routes.js';
import { moderationApi } from './moderation.api.js';
import { moderationMessages } from './moderation.messages.js';
import { moderationPages } from './moderation.routes.js';
import { erasePersonalDataModeration } from './moderation.service.js';
import { participationApi } from './participation.api.js';
import { participationMessages } from './participation.messages.js';
import { participationOpenData } from './participation.opendata.js';
import { participationPolicy } from './participation.policy.js';
import { commitmentInputsSection, participationPages } from './participation.routes.js';
import { seedDemoParticipation } from './participation.seed.js';
import { erasePersonalData } from './participation.service.js';
import { participationVisibility } from './participation.visibility.js';
import './participation.table.js';
import type { DbOrTx } from '../../db/connection.js';
import type { ResponseFigures } from '../../domain/participation.js';
import { planTotals } from './figures.service.js';

/** The response figures of every input on a plan as of `now` (comments on a review's drafts left out). */
export type InputResponseTotalsSource = (db: DbOrTx, planId: number, now: Date) => Promise<ResponseFigures>;

declare module '../../web/module.js' {
  interface Provisions {
    /** How the government answered the input on a plan (the review's prefilled reasoned-response finding). */
    inputResponseTotals: InputResponseTotalsSource;
  }
}

const catalogs = [participationMessages, moderationMessages, figuresMessages, importMessages] as const;
const messages = {
  en: Object.assign({}, ...catalogs.map((m) => m.en)) as typeof participationMessages.en &
    typeof moderationMessages.en &
    typeof figuresMessages.en &
    typeof importMessages.en,
  zhTW: Object.assign({}, ...catalogs.map((m) => m.zhTW)) as Record<string, string>,
};

export const participationModule = defineModule({
  name: 'participation',
  sitemap: (db) => import('./participation.sitemap.js').then((m) => m.participationSitemap(db)),
  api: (api) => {
    // Fixed paths before those with an id, so /inputs/figures is not read as input "figures".
    figuresApi(api);
    importApi(api);
    moderationApi(api);
    participationApi(api);
  },
  pages: () =>
    new Hono<AppEnv>({ strict: false }).route('/', figuresPages()).route('/', importPages()).route('/', moderationPages()).route('/', participationPages()),
  messages,
  policy: participationPolicy,
  historyEntityTypes: ['consultation', 'input', 'input-response'],
  visibility: participationVisibility,
  openData: participationOpenData,
  provides: { inputResponseTotals: planTotals },
  sections: [
    commitmentInputsSection,
    overdueBoardSection,
    cocreationFiguresSection,
    linkItemsSection({ slot: 'planFollow', order: 40, id: 'participation.planLinks' }, ({ plan }) => [
      { path: inputsPath(plan), label: 'participation.planLink' },
    ]),
  ],
  // A deleted account's inputs stay as a former participant's; its reports go (moderation.service.ts).
  erasePersonalData: async (trx, userId) => {
    await erasePersonalData(trx, userId);
    await erasePersonalDataModeration(trx, userId);
  },
  seed: seedOnDemoPlan(seedDemoParticipation),
});

export type { Input, Consultation } from './participation.model.js';
/** The demo data (the fuzz and other tests seed it on their own databases). */
export { seedDemoParticipation } from './participation.seed.js';
export type { ReviewTargetFacts, ReviewTargetSource, SelfAssessmentTargetSource } from './review-targets.js';
export { listInputs as listInputsOn } from './participation.queries.js';
export { postInput, respondToInput } from './participation.service.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalogs' keys join the known ones
  interface Messages extends Record<keyof typeof messages.en, string> {}
}
