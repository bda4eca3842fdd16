/** Who may change plans, areas, commitments, milestones and agencies. */
import { EDITORS, type Action, type ActionRule, type Actor } from '../../domain/authorization.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'plan.create': true;
    'plan.update': true;
    'plan.delete': true;
    'area.create': true;
    'area.update': true;
    'area.delete': true;
    'commitment.create': true;
    'commitment.update': true;
    'commitment.delete': true;
    'milestone.create': true;
    'milestone.update': true;
    'milestone.delete': true;
    'agency.create': true;
    'agency.update': true;
  }
}

const editors: ActionRule = { roles: EDITORS };
/** An agency officer works on the substance of the commitments their agency leads. */
const editorsOrLead: ActionRule = { roles: EDITORS, when: { roles: ['agency-officer'], relations: ['lead-agency'] } };

export const plansPolicy: Partial<Record<Action, ActionRule>> = {
  'plan.create': editors,
  'plan.update': editors,
  'plan.delete': editors,
  'area.create': editors,
  'area.update': editors,
  'area.delete': editors,
  'commitment.create': editors,
  'commitment.update': editorsOrLead,
  'commitment.delete': editors,
  'milestone.create': editorsOrLead,
  'milestone.update': editorsOrLead,
  'milestone.delete': editorsOrLead,
  'agency.create': editors,
  'agency.update': editors,
};

/**
 * An agency officer reports on the substance of their commitment; where it sits in the plan
 * (area, number, lead agency, dates agreed by the forum) stays with the secretariat.
 */
export const OFFICER_LOCKED_COMMITMENT_FIELDS = ['areaId', 'number', 'ogpId', 'leadAgencyId', 'coAgencyIds', 'startDate', 'endDate', 'origin'] as const;

export function lockedFieldsFor(actor: Actor | null): readonly string[] {
  return actor?.role === 'agency-officer' ? OFFICER_LOCKED_COMMITMENT_FIELDS : [];
}
