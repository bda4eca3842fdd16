/**
 * Independent review (issue #13, ADR 0036): engagements commissioned on one or more plans, with their reviewers'
 * public declarations and disclosed funding, the English-edition readiness gate; the co-creation brief, action plan
 * review and results report, rated per review unit on OGP's scales (current and earlier, kept as data); drafts seen
 * by the engagement's reviewers and the secretariat only, a public comment period, publication that never changes
 * (corrections are new editions); recommendations tracked into later plans; the reviewers' interview log.
 */
import { defineModule, seedOnDemoPlan } from '../../web/module.js';
import { linkItemsSection } from '../../web/ui/index.js';
import { reviewApi } from './review.api.js';
import { eraseDeclarationsOf } from './review.queries.js';
import { reviewMessages } from './review.messages.js';
import { reviewOpenData } from './review.opendata.js';
import { reviewsPath } from './review.paths.js';
import { reviewPolicy } from './review.policy.js';
import { reviewPages } from './review.routes.js';
import { seedDemoReview } from './review.seed.js';
import { commitmentReviewSection } from './review.sections.js';
import { reviewTargets } from './review.targets.js';
import { reviewVisibility } from './review.visibility.js';
import './review.table.js';

export const reviewModule = defineModule({
  name: 'review',
  api: reviewApi,
  pages: reviewPages,
  messages: reviewMessages,
  policy: reviewPolicy,
  historyEntityTypes: ['reviewEngagement', 'review', 'reviewUnit', 'recommendation'],
  visibility: reviewVisibility,
  openData: reviewOpenData,
  sections: [
    commitmentReviewSection,
    linkItemsSection({ slot: 'planFollow', order: 48, id: 'review.planLink' }, ({ plan }) => [{ path: reviewsPath(plan.slug), label: 'review.planLink' }]),
  ],
  provides: { reviewTargets },
  // A deleted account's public declarations go with it; the engagement keeps a former participant's seat.
  erasePersonalData: eraseDeclarationsOf,
  seed: seedOnDemoPlan(seedDemoReview),
});

export { seedDemoReview } from './review.seed.js';
export { createEngagement, createReport, putReviewer, updateOwnDeclaration } from './review.service.js';
export { listEngagementIds as listReviewEngagementIds, listReports as listReviewReports } from './review.queries.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof reviewMessages.en, string> {}
}
