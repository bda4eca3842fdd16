/**
 * Who may do what with adoption and change control (ADR 0031): the secretariat and administrators record adoption,
 * put amendments on a meeting's agenda, record the forum's decision and make editorial corrections; the officers of
 * a commitment's lead and supporting agencies propose amendments to it.
 */
import { EDITORS, holds, type Action, type ActionRule, type Actor } from '../../domain/authorization.js';
import type { Amendment } from './amendments.queries.js';

declare module '../../domain/authorization.js' {
  interface Actions {
    'plan.adopt': true;
    'amendment.propose': true;
    'amendment.schedule': true;
    'amendment.decide': true;
    'amendment.editorial': true;
  }
}

const editors: ActionRule = { roles: EDITORS };

export const amendmentsPolicy: Partial<Record<Action, ActionRule>> = {
  'plan.adopt': editors,
  'amendment.propose': { roles: EDITORS, when: { roles: ['agency-officer'], relations: ['lead-agency', 'supporting-agency'] } },
  'amendment.schedule': editors,
  'amendment.decide': editors,
  'amendment.editorial': editors,
};

/**
 * Who sees an amendment not yet on a meeting's agenda: the secretariat and administrators, the plan's forum members
 * and co-conveners, and the officers of the commitment's lead and supporting agencies. Once scheduled (meetings are
 * public records) or decided, everyone.
 */
export function maySeeAmendment(
  viewer: Actor | null,
  amendment: Pick<Amendment, 'status' | 'planId'>,
  commitment: { leadAgencyId: number; coAgencyIds: readonly number[] },
): boolean {
  if (amendment.status !== 'proposed') return true;
  if (!viewer) return false;
  if (EDITORS.includes(viewer.role)) return true;
  if (holds(viewer, ['forum-member', 'co-convener'], { planId: amendment.planId })) return true;
  return viewer.role === 'agency-officer' && [commitment.leadAgencyId, ...commitment.coAgencyIds].some((id) => viewer.agencyIds.includes(id));
}
