/** Breadcrumb trails that pages of several modules start with. */
import { pick, type Lang, type Localized } from '../../domain/localized.js';
import { t } from '../i18n.js';
import type { Crumb } from '../layout.js';
import { agenciesPath, commitmentPath, homePath, planPath, type CommitmentRef, type PlanRef } from '../paths.js';

export const homeCrumbs = (lang: Lang): Crumb[] => [{ label: t(lang, 'nav.home'), path: homePath }];

export const planCrumbs = (lang: Lang, plan: PlanRef & { title: Localized }): Crumb[] => [
  ...homeCrumbs(lang),
  { label: pick(plan.title, lang), path: planPath(plan) },
];

export const commitmentCrumbs = (lang: Lang, plan: PlanRef & { title: Localized }, c: CommitmentRef & { title: Localized }): Crumb[] => [
  ...planCrumbs(lang, plan),
  { label: `${c.number} ${pick(c.title, lang)}`, path: commitmentPath(plan, c) },
];

export const agenciesCrumbs = (lang: Lang): Crumb[] => [...homeCrumbs(lang), { label: t(lang, 'agencies.title'), path: agenciesPath }];
