/** Working groups, their members and the survey of forum members' willingness: types and checks. Pure. */
import type { Localized } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';

export const WORKING_GROUP_KINDS = ['commitment', 'thematic'] as const;
export type WorkingGroupKind = (typeof WORKING_GROUP_KINDS)[number];

/** What a forum member answers for each group (調查民間委員參與意願). */
export const SURVEY_ANSWERS = ['join', 'co-chair', 'not-now'] as const;
export type SurveyAnswer = (typeof SURVEY_ANSWERS)[number];
/** Answers that say the member is willing: the secretariat adds them to the group. */
export const WILLING_ANSWERS: readonly SurveyAnswer[] = ['join', 'co-chair'];

export interface WorkingGroupChair {
  /** The holder (or the office: the lead agency's deputy head). */
  name: Localized;
  agencyId: number | null;
  /** Their account, when they have one: it holds the group's 'working-group-chair' role. */
  userId: number | null;
}

export interface WorkingGroupCoChair {
  name: Localized;
  userId: number | null;
}

export interface WorkingGroup {
  id: number;
  planId: number;
  slug: string;
  kind: WorkingGroupKind;
  name: Localized;
  purpose: Localized;
  rules: Localized;
  chair: WorkingGroupChair;
  coChair: WorkingGroupCoChair;
  open: boolean;
  closedReason: Localized;
  /** The commitments it works on, in the plan's order: one for a commitment's group. */
  commitmentIds: number[];
  /** Members, listed or not: the count is public, the names only by consent. */
  memberCount: number;
  isDemo: boolean;
  version: number;
}

/** A group as lists show it and other capabilities count it (the co-creation record). */
export interface WorkingGroupSummary {
  id: number;
  slug: string;
  name: Localized;
  kind: WorkingGroupKind;
  commitmentIds: number[];
  memberCount: number;
  open: boolean;
}

export interface Membership {
  workingGroupId: number;
  userId: number;
  /** The member consented to the public roster. */
  listed: boolean;
  /** A moderator took the listing down. */
  listingHidden: boolean;
  joinedAt: Date;
}

/** Whether the public roster shows a member: they consented and no moderator took it down. */
export const isPubliclyListed = (m: Pick<Membership, 'listed' | 'listingHidden'>): boolean => m.listed && !m.listingHidden;

export interface SurveyResponse {
  workingGroupId: number;
  userId: number;
  answer: SurveyAnswer;
  answeredAt: Date;
}

const hasText = (text: Localized): boolean => text.zh !== '' || text.en !== '';

/** A group's own checks: its name, its commitments by kind, and a published reason when it is closed. */
export function checkWorkingGroup(g: Pick<WorkingGroup, 'kind' | 'name' | 'open' | 'closedReason' | 'commitmentIds' | 'chair' | 'coChair'>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!hasText(g.name)) problems.push({ field: 'name', key: 'error.required' });
  if (g.kind === 'commitment' && g.commitmentIds.length !== 1) problems.push({ field: 'commitmentIds', key: 'workgroups.error.oneCommitment' });
  if (g.kind === 'thematic' && g.commitmentIds.length < 2) problems.push({ field: 'commitmentIds', key: 'workgroups.error.severalCommitments' });
  if (new Set(g.commitmentIds).size !== g.commitmentIds.length) problems.push({ field: 'commitmentIds', key: 'workgroups.error.commitmentTwice' });
  if (!g.open && !hasText(g.closedReason)) problems.push({ field: 'closedReason', key: 'workgroups.error.closedReasonRequired' });
  if (g.chair.userId === null && g.chair.agencyId === null && !hasText(g.chair.name))
    problems.push({ field: 'chair.name', key: 'workgroups.error.chairRequired' });
  return problems;
}

/** The source the chair's role is granted under, so replacing the chair takes exactly that role back. */
export const chairGrantSource = (groupId: number): string => `working-group-chair:${groupId}`;
