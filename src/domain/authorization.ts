/**
 * Who may do what, decided here and called from services (never from views alone).
 * Roles: admin, secretariat (edits plans), agency officer (edits what their agencies lead), public.
 */
export const ROLES = ['admin', 'secretariat', 'agency-officer', 'public'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: number;
  displayName: string;
  role: Role;
  agencyIds: readonly number[];
}

export type Action =
  | 'plan.create'
  | 'plan.update'
  | 'plan.delete'
  | 'area.create'
  | 'area.update'
  | 'area.delete'
  | 'commitment.create'
  | 'commitment.update'
  | 'commitment.delete'
  | 'milestone.create'
  | 'milestone.update'
  | 'milestone.delete'
  | 'agency.create'
  | 'agency.update'
  | 'user.create'
  // every user lists and revokes their own API tokens; this is seeing and revoking anyone's
  | 'token.manageAny'
  // monitoring
  | 'cycle.manage'
  | 'board.view'
  | 'report.write'
  | 'report.contribute'
  | 'commitment.transfer'
  // forum
  | 'meeting.manage'
  | 'resolution.manage'
  // transcripts: import, edit any speech, publish early, manage speakers (a speaker's own corrections are
  // decided by canCorrectSpeech, since they depend on who spoke, not on an agency)
  | 'transcript.manage';

/** What the action touches: for commitments, milestones and reports, the agencies leading and supporting the commitment. */
export interface ResourceOwnership {
  leadAgencyId?: number;
  coAgencyIds?: readonly number[];
}

const EDITORS: readonly Role[] = ['admin', 'secretariat'];

const leads = (actor: Actor, resource: ResourceOwnership) => resource.leadAgencyId !== undefined && actor.agencyIds.includes(resource.leadAgencyId);

export function can(actor: Actor | null, action: Action, resource: ResourceOwnership = {}): boolean {
  if (!actor || actor.role === 'public') return false;
  if (action === 'user.create' || action === 'token.manageAny') return actor.role === 'admin';
  if (EDITORS.includes(actor.role)) return true;
  if (actor.role !== 'agency-officer') return false;
  switch (action) {
    case 'commitment.update':
    case 'milestone.create':
    case 'milestone.update':
    case 'milestone.delete':
    case 'report.write':
      return leads(actor, resource);
    // Supporting agencies add their part to the lead's report (and so may read its draft).
    case 'report.contribute':
      return leads(actor, resource) || (resource.coAgencyIds ?? []).some((id) => actor.agencyIds.includes(id));
    default:
      return false;
  }
}

/**
 * An agency officer reports on the substance of their commitment; where it sits in the plan
 * (area, number, lead agency, dates agreed by the forum) stays with the secretariat.
 */
export const OFFICER_LOCKED_COMMITMENT_FIELDS = ['areaId', 'number', 'ogpId', 'leadAgencyId', 'coAgencyIds', 'startDate', 'endDate', 'origin'] as const;

export function lockedFieldsFor(actor: Actor | null): readonly string[] {
  return actor?.role === 'agency-officer' ? OFFICER_LOCKED_COMMITMENT_FIELDS : [];
}

/**
 * During the embargo a speaker linked to an account corrects or deletes only their own words; the secretariat
 * may correct any speech, before or after publication. After publication speakers no longer change the record.
 */
export function canCorrectSpeech(actor: Actor | null, speech: { speakerUserId: number | null }, transcript: { published: boolean }): boolean {
  if (!actor) return false;
  if (can(actor, 'transcript.manage')) return true;
  return !transcript.published && speech.speakerUserId !== null && speech.speakerUserId === actor.id;
}
