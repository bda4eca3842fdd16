/** Pure types and rules of an action plan. No I/O. */
import { emptyLocalized, type Localized } from './localized.js';

export const MEMBER_KINDS = ['national', 'local', 'parliament', 'civil-society'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const PLAN_STATUSES = ['drafting', 'consultation', 'adopted', 'implementing', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Forward along the cycle; a consultation may send the draft back; nothing leaves `closed`. */
const PLAN_TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  drafting: ['consultation'],
  consultation: ['drafting', 'adopted'],
  adopted: ['implementing'],
  implementing: ['closed'],
  closed: [],
};

export function allowedPlanTransitions(from: PlanStatus): readonly PlanStatus[] {
  return PLAN_TRANSITIONS[from];
}

export function canTransitionPlan(from: PlanStatus, to: PlanStatus): boolean {
  return from === to || PLAN_TRANSITIONS[from].includes(to);
}

export const COMMITMENT_STATUSES = ['not-started', 'in-progress', 'completed', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** OGP values; the last two count only alongside one of the first three (DOMAIN.md). */
export const OGP_VALUES = ['access-to-information', 'civic-participation', 'public-accountability', 'technology-innovation', 'inclusion'] as const;
export type OgpValue = (typeof OGP_VALUES)[number];
export const CORE_OGP_VALUES: readonly OgpValue[] = ['access-to-information', 'civic-participation', 'public-accountability'];

export const ORIGINS = ['civil-society', 'government', 'joint'] as const;
export type Origin = (typeof ORIGINS)[number];

export const BRIEF_DESCRIPTION_MAX = 140;

export interface Member {
  id: number;
  code: string;
  kind: MemberKind;
  name: Localized;
}

export interface Agency {
  id: number;
  code: string;
  name: Localized;
  successorId: number | null;
  version: number;
}

export interface PlanSections {
  introduction: Localized;
  effortsToDate: Localized;
  developmentProcess: Localized;
  commitmentsIntro: Localized;
}

export interface ActionPlan extends PlanSections {
  id: number;
  slug: string;
  memberId: number;
  title: Localized;
  periodStart: string; // ISO date
  periodEnd: string;
  status: PlanStatus;
  isDemo: boolean;
  version: number;
}

export interface Area {
  id: number;
  planId: number;
  position: number;
  title: Localized;
  description: Localized;
  version: number;
}

export interface Contact {
  name: string;
  title: string;
  email: string;
  phone: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface Commitment {
  id: number;
  planId: number;
  areaId: number;
  number: string;
  ogpId: string | null;
  title: Localized;
  startDate: string;
  endDate: string;
  leadAgencyId: number;
  coAgencyIds: number[];
  contact: Contact;
  otherActors: Localized;
  problem: Localized;
  objective: Localized;
  briefDescription: Localized;
  description: Localized;
  contribution: Localized;
  ogpValues: OgpValue[];
  sdgTargets: string[];
  budgetAmount: string | null; // numeric as string: exact, may be negative
  budgetCurrency: string | null;
  budgetNote: Localized;
  links: Link[];
  origin: Origin;
  status: CommitmentStatus;
  isDemo: boolean;
  version: number;
}

export interface Milestone {
  id: number;
  commitmentId: number;
  position: number;
  deliverable: Localized;
  indicator: Localized;
  target: Localized;
  startDate: string;
  endDate: string;
  /** Relative weight in the commitment's progress; null means "count equally". */
  weight: number | null;
  version: number;
}

// What new records hold where their input says nothing: written once, for the services and the empty forms alike.

export const emptyContact = (): Contact => ({ name: '', title: '', email: '', phone: '' });

/** A new plan's defaults; its slug, member and period always come from its input. */
export const newPlanDefaults = (): Pick<ActionPlan, 'title' | 'status' | keyof PlanSections> => ({
  title: emptyLocalized(),
  status: 'drafting',
  introduction: emptyLocalized(),
  effortsToDate: emptyLocalized(),
  developmentProcess: emptyLocalized(),
  commitmentsIntro: emptyLocalized(),
});

/** A new area's defaults; its position always comes from its input. */
export const newAreaDefaults = (): Pick<Area, 'title' | 'description'> => ({ title: emptyLocalized(), description: emptyLocalized() });

type CommitmentRequired = 'areaId' | 'number' | 'startDate' | 'endDate' | 'leadAgencyId' | 'origin';

/** A new commitment's defaults; its area, number, dates, lead agency and origin always come from its input. */
export const newCommitmentDefaults = (): Omit<Commitment, 'id' | 'planId' | 'isDemo' | 'version' | CommitmentRequired> => ({
  ogpId: null,
  title: emptyLocalized(),
  coAgencyIds: [],
  contact: emptyContact(),
  otherActors: emptyLocalized(),
  problem: emptyLocalized(),
  objective: emptyLocalized(),
  briefDescription: emptyLocalized(),
  description: emptyLocalized(),
  contribution: emptyLocalized(),
  ogpValues: [],
  sdgTargets: [],
  budgetAmount: null,
  budgetCurrency: null,
  budgetNote: emptyLocalized(),
  links: [],
  status: 'not-started',
});

/** A new milestone's defaults; its dates always come from its input, its position from its input or the next free one. */
export const newMilestoneDefaults = (): Pick<Milestone, 'deliverable' | 'indicator' | 'target' | 'weight'> => ({
  deliverable: emptyLocalized(),
  indicator: emptyLocalized(),
  target: emptyLocalized(),
  weight: null,
});

/** A field-level problem found by a domain rule; `key` is a message key in the i18n catalogs. */
export interface FieldProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

function checkRange(startField: string, endField: string, start: string, end: string): FieldProblem[] {
  return start > end ? [{ field: endField, key: 'error.endBeforeStart' }] : [];
}

/** A plan's period must be a real range. */
export function checkPlanPeriod(periodStart: string, periodEnd: string): FieldProblem[] {
  return checkRange('periodStart', 'periodEnd', periodStart, periodEnd);
}

/** Start and end dates, as commitments and milestones have them. */
interface DateSpan {
  startDate: string;
  endDate: string;
}

/** A real range whose ends both fall inside `outer`; an end outside it is reported under `outsideKey`, with `outer`'s dates. */
function checkDatesWithin(inner: DateSpan, outer: DateSpan, outsideKey: string): FieldProblem[] {
  const problems = checkRange('startDate', 'endDate', inner.startDate, inner.endDate);
  for (const field of ['startDate', 'endDate'] as const)
    if (inner[field] < outer.startDate || inner[field] > outer.endDate)
      problems.push({ field, key: outsideKey, params: { start: outer.startDate, end: outer.endDate } });
  return problems;
}

/** A commitment's dates fall inside its plan's period. */
export function checkCommitmentDates(c: DateSpan, plan: { periodStart: string; periodEnd: string }): FieldProblem[] {
  return checkDatesWithin(c, { startDate: plan.periodStart, endDate: plan.periodEnd }, 'error.outsidePlan');
}

/** A milestone's dates fall inside its commitment's dates. */
export function checkMilestoneDates(m: DateSpan, c: DateSpan): FieldProblem[] {
  return checkDatesWithin(m, c, 'error.outsideCommitment');
}

/** Technology & Innovation and Inclusion count only alongside a core value; the brief fits in 140 characters. */
export function checkCommitmentContent(c: { ogpValues: readonly OgpValue[]; briefDescription: Localized }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.ogpValues.length > 0 && !c.ogpValues.some((v) => CORE_OGP_VALUES.includes(v))) problems.push({ field: 'ogpValues', key: 'error.needsCoreValue' });
  for (const side of ['zh', 'en'] as const) {
    if ([...c.briefDescription[side]].length > BRIEF_DESCRIPTION_MAX)
      problems.push({ field: `briefDescription.${side}`, key: 'error.tooLong', params: { max: BRIEF_DESCRIPTION_MAX } });
  }
  return problems;
}

/** Commitment numbers read `<area>-<n>` as in Taiwan's plans (1-1, 4-3). */
export const COMMITMENT_NUMBER_PATTERN = /^[0-9]{1,2}-[0-9]{1,2}$/;
/** OGP IDs: two-letter code and four digits, optionally a sub-commitment (KR0036, US0113.1). */
export const OGP_ID_PATTERN = /^[A-Z]{2}[0-9]{4}(\.[0-9]+)?$/;
