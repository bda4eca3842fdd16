/**
 * The document repository (issue #14, ADR 0033; OGP minimum requirement 2.2): agendas, slides, minutes, reports,
 * studies and other countries' plans in translation, each a file kept here or a link, optionally of a plan, a forum
 * meeting and a commitment; a page per plan and one for the site, with when it was last updated and whether at least
 * twice in the past year, offered to other modules as the `repositoryUpdates` provision (the co-creation checklist).
 */
import type { DbOrTx } from '../../db/connection.js';
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { repositoryApi } from './repository.api.js';
import { repositoryMessages } from './repository.messages.js';
import type { RepositoryUpdates } from './repository.model.js';
import { planDocumentsPath } from './repository.paths.js';
import { repositoryPolicy } from './repository.policy.js';
import { repositoryPages } from './repository.routes.js';
import { seedDemoRepository } from './repository.seed.js';
import { updatesOf } from './repository.service.js';
import { repositoryVisibility } from './repository.visibility.js';
import './repository.table.js';

/** MR 2.2 of a plan's documents as of `now`: the last update, the days updated in the past year, met or not. */
export type RepositoryUpdatesSource = (db: DbOrTx, planId: number, now: Date) => Promise<RepositoryUpdates>;

declare module '../../web/module.js' {
  interface Provisions {
    /** Whether a plan's document repository was updated at least twice in the past year (the repository module). */
    repositoryUpdates: RepositoryUpdatesSource;
  }
}

export const repositoryModule = defineModule({
  name: 'repository',
  api: repositoryApi,
  pages: repositoryPages,
  messages: repositoryMessages,
  policy: repositoryPolicy,
  historyEntityTypes: ['document'],
  visibility: repositoryVisibility,
  sections: [
    linkItemsSection({ slot: 'planFollow', order: 25, id: 'repository.planLink' }, ({ plan }) => [
      { path: planDocumentsPath(plan), label: 'repository.planLink' },
    ]),
  ],
  provides: { repositoryUpdates: updatesOf },
  seed: seedOnDemoPlan(seedDemoRepository),
});

export type { RepositoryDocument, RepositoryUpdates } from './repository.model.js';
export { repositoryUpdates, MR22_MINIMUM_UPDATES } from './repository.model.js';
export { listDocuments } from './repository.queries.js';
export { documentsFeedPath } from './repository.paths.js';
export { seedDemoRepository } from './repository.seed.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof repositoryMessages.en, string> {}
}
