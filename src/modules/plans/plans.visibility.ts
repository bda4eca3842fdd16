/**
 * What the public may see of plans (ADR 0013): everything, in every state. Co-creation is public from the first
 * draft of a plan, so plans, areas, commitments, milestones and agencies, and their history, are open to all.
 */
import { COMMITMENT_STATUSES, PLAN_STATUSES } from '../../domain/plan.js';
import type { VisibilityPolicy } from '../../web/visibility.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    plan: true;
    area: true;
    commitment: true;
    milestone: true;
    agency: true;
  }
}

export const plansVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'plan', states: PLAN_STATUSES, publicStates: PLAN_STATUSES },
  { entityType: 'area', states: ['current'], publicStates: ['current'] },
  { entityType: 'commitment', states: COMMITMENT_STATUSES, publicStates: COMMITMENT_STATUSES },
  { entityType: 'milestone', states: ['current'], publicStates: ['current'] },
  { entityType: 'agency', states: ['current'], publicStates: ['current'] },
];
