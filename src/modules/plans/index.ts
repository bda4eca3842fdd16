/** Plans: action plans, areas, commitments, milestones, agencies, and the pages the other modules add sections to. */
import { defineModule } from '../../web/module.js';
import { plansPolicy } from './plans.policy.js';
import { planApi } from './plans.api.js';
import { planPages } from './plans.routes.js';
import { seedDemoPlan } from './plans.seed.js';
import { plansSitemap } from './plans.sitemap.js';
import { plansOpenData } from './plans.opendata.js';
import { plansVisibility } from './plans.visibility.js';
import './plans.table.js';

/** The messages of the edit forms' change request (the rest of plans' wording is in the core catalog). */
const plansMessages = {
  en: {
    'plans.change.legend': 'Changing the adopted plan',
    'plans.change.intro':
      'Once the plan is adopted, a change to the official (Chinese) text, the OGP values or the dates of a commitment or milestone is proposed to the forum as an amendment and applies after its decision. English text and translation status change at once.',
    'plans.change.reason': 'Reason for the change',
    'plans.change.reasonHelp': 'Required when the change is an amendment; for an editorial correction, a note on what was corrected.',
    'plans.change.editorialLegend': 'Editorial correction',
    'plans.change.editorial': 'This corrects a typing error only (applied at once, labelled editorial)',
  },
  zhTW: {
    'plans.change.legend': '修正已核定的行動方案',
    'plans.change.intro':
      '行動方案核定後，承諾事項或衡量指標的正式（中文）內容、OGP 核心價值或起訖日期之修正，將以修正提案送推動小組，經會議決議後生效。英文內容與翻譯狀態之修改立即生效。',
    'plans.change.reason': '修正理由',
    'plans.change.reasonHelp': '修正提案必填；文字勘誤請說明更正內容。',
    'plans.change.editorialLegend': '文字勘誤',
    'plans.change.editorial': '僅更正誤植文字（立即生效，標示為文字勘誤）',
  },
};

export const plansModule = defineModule({
  name: 'plans',
  messages: plansMessages,
  api: planApi,
  pages: planPages,
  policy: plansPolicy,
  historyEntityTypes: ['plan', 'area', 'commitment', 'milestone', 'agency'],
  visibility: plansVisibility,
  sitemap: plansSitemap,
  openData: plansOpenData,
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
export { publicStatuses } from './plans.status.js';
export { isEmpty, seedDemoPlan } from './plans.seed.js';
export { demoAgencySchema, demoCommitments, loadDemoPlan, type DemoPlan } from './plans.seed.js';
export { commitmentInput, commitmentOutput, errorOutput, linkInput, localizedOutput, versionField } from './plans.schemas.js';
export { createAgency, transferCommitment } from './plans.service.js';
export type { ChangeControl, ChangeRequest, ChangeVerdict, ProposedChange, ReviewedEdit } from './plans.service.js';
export { findPlanById, findPlansByIds } from './plans.queries.js';
export { lockedFieldsFor, plansPolicy } from './plans.policy.js';
export { findAgencyByCode } from './plans.queries.js';
export { agencyInput } from './plans.schemas.js';

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the catalog's keys join the known ones
  interface Messages extends Record<keyof typeof plansMessages.en, string> {}
}
