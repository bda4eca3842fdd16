/** The amendments module's page paths, without the language prefix (`href(lang, path)` adds it), as in web/paths.ts. */
import { commitmentPath, planPath, type CommitmentRef, type IdRef, type PlanRef } from '../../web/paths.js';

export const planChangesPath = (plan: PlanRef) => `${planPath(plan)}/changes`;
export const commitmentChangesPath = (plan: PlanRef, c: CommitmentRef) => `${commitmentPath(plan, c)}/changes`;
export const amendmentPath = (plan: PlanRef, a: IdRef) => `${planPath(plan)}/amendments/${a.id}`;
export const amendmentSchedulePath = (plan: PlanRef, a: IdRef) => `${amendmentPath(plan, a)}/schedule`;
export const amendmentDecidePath = (plan: PlanRef, a: IdRef) => `${amendmentPath(plan, a)}/decide`;
export const adoptionPath = (plan: PlanRef) => `${planPath(plan)}/adoption`;
export const versionsPath = (plan: PlanRef) => `${planPath(plan)}/versions`;
export const comparePath = (plan: PlanRef, from: number, to: number) => `${versionsPath(plan)}/compare?from=${from}&to=${to}`;
