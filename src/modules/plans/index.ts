/** Plans: action plans, areas, commitments, milestones, agencies, and the pages the other modules add sections to. */
import { defineModule } from '../../web/module.js';
import { plansPolicy } from './plans.policy.js';
import { planApi } from './plans.api.js';
import { planPages } from './plans.routes.js';
import { seedDemoPlan } from './plans.seed.js';
import { plansSitemap } from './plans.sitemap.js';
import { plansVisibility } from './plans.visibility.js';
import './plans.table.js';

export const plansModule = defineModule({
  name: 'plans',
  api: planApi,
  pages: planPages,
  policy: plansPolicy,
  historyEntityTypes: ['plan', 'area', 'commitment', 'milestone', 'agency'],
  visibility: plansVisibility,
  sitemap: plansSitemap,
  seed: async (db) => seedDemoPlan(db),
});

// What other modules may use of plans: its query functions, use cases, schemas, lookups and page data.
export * as planQueries from './plans.queries.js';
export * as planService from './plans.service.js';
export * as planSchemas from './plans.schemas.js';
export { presentCommitment } from './plans.api.js';
export { agencyByCode, commitmentByNumber, planBySlug } from './plans.lookups.js';
export type { AgencyPageData, CommitmentPageData, PlanPageData } from './plans.routes.js';
export type { LatestReportedSource } from './plans.status.js';
export { isEmpty, seedDemoPlan } from './plans.seed.js';
export { demoAgencySchema, demoCommitments, loadDemoPlan, type DemoPlan } from './plans.seed.js';
export { commitmentInput, commitmentOutput, errorOutput, linkInput, localizedOutput, versionField } from './plans.schemas.js';
export { createAgency, transferCommitment } from './plans.service.js';
export { findPlanById, findPlansByIds } from './plans.queries.js';
export { lockedFieldsFor, plansPolicy } from './plans.policy.js';
export { findAgencyByCode } from './plans.queries.js';
export { agencyInput } from './plans.schemas.js';
