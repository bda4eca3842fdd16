/**
 * The plans module's form codecs, beside its schemas. For each form: the values it starts empty with, the posted
 * form as the schema's input, a stored record as the values the form shows, and a post shown again. Values are what
 * the controls hold (text), so a form shown again keeps what was typed even where it did not parse; only the schema
 * turns text into the typed input the service takes, and the service never sees a form's empty strings.
 */
import type { Localized } from '../../domain/localized.js';
import {
  newAreaDefaults,
  newCommitmentDefaults,
  newMilestoneDefaults,
  newPlanDefaults,
  type ActionPlan,
  type Area,
  type Commitment,
  type Contact,
  type Milestone,
} from '../../domain/plan.js';
import { firstValue, idText, linksFromText, linksToText, listValue, postedValues, type PostedForm } from '../../web/forms.js';

/** An optional text field left empty means "none". */
const noneIfEmpty = (posted: unknown): string | null | undefined => {
  const value = firstValue(posted);
  return value === undefined ? undefined : value.trim() === '' ? null : value;
};

/** Only the keys the form sent: a field a form leaves out (a locked one) is not part of the input. */
const sent = (body: PostedForm, entries: Record<string, unknown>): PostedForm => Object.fromEntries(Object.entries(entries).filter(([key]) => key in body));

const numberText = (n: number | null): string => (n === null ? '' : String(n));

// ------------------------------------------------------------------ plan

export interface PlanFormValues {
  slug: string;
  memberId: string;
  title: Localized;
  periodStart: string;
  periodEnd: string;
  status: string;
  introduction: Localized;
  effortsToDate: Localized;
  developmentProcess: Localized;
  commitmentsIntro: Localized;
  version?: number;
}

type PlanFields = Omit<ActionPlan, 'id' | 'isDemo' | 'version'>;

const planFields = (p: PlanFields): PlanFormValues => ({
  slug: p.slug,
  memberId: idText(p.memberId),
  title: p.title,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  status: p.status,
  introduction: p.introduction,
  effortsToDate: p.effortsToDate,
  developmentProcess: p.developmentProcess,
  commitmentsIntro: p.commitmentsIntro,
});

/** The plan form posts the API's fields as they are: no input step. */
export const planForm = {
  empty: (): PlanFormValues => planFields({ slug: '', memberId: 0, periodStart: '', periodEnd: '', ...newPlanDefaults() }),
  values: (p: ActionPlan): PlanFormValues => ({ ...planFields(p), version: p.version }),
  /** A post shown again: what was typed, over what the form showed. */
  posted: (body: PostedForm, shown: PlanFormValues): PlanFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ area

export interface AreaFormValues {
  position: string;
  title: Localized;
  description: Localized;
  version?: number;
}

/** The area form posts the API's fields as they are: no input step. */
export const areaForm = {
  /** A new area goes after the plan's last one. */
  empty: (position: number): AreaFormValues => ({ position: String(position), ...newAreaDefaults() }),
  values: (a: Area): AreaFormValues => ({ position: String(a.position), title: a.title, description: a.description, version: a.version }),
  /** A post shown again: what was typed, over what the form showed. */
  posted: (body: PostedForm, shown: AreaFormValues): AreaFormValues => postedValues(body, shown),
};

// ------------------------------------------------------------------ change control

/** What an edit of adopted text adds to its form (ADR 0031): the reason for an amendment, the editorial mark. */
export interface ChangeRequestValues {
  reason: string;
  editorial: boolean;
}

const emptyChangeRequest = (): ChangeRequestValues => ({ reason: '', editorial: false });

/** The reason as typed (left out when empty) and the editorial checkbox as a boolean (left out when not ticked). */
function changeRequestInput(body: PostedForm, input: PostedForm): PostedForm {
  const out: PostedForm = { ...input };
  delete out.reason;
  delete out.editorial;
  const reason = (firstValue(body.reason) ?? '').trim();
  if (reason !== '') out.reason = reason;
  if ((listValue(body.editorial) ?? []).includes('true')) out.editorial = true;
  return out;
}

const postedChangeRequest = (body: PostedForm): ChangeRequestValues => ({
  reason: firstValue(body.reason) ?? '',
  editorial: (listValue(body.editorial) ?? []).includes('true'),
});

// ------------------------------------------------------------------ commitment

export interface CommitmentFormValues {
  areaId: string;
  number: string;
  ogpId: string;
  title: Localized;
  startDate: string;
  endDate: string;
  leadAgencyId: string;
  coAgencyIds: string[];
  origin: string;
  status: string;
  problem: Localized;
  objective: Localized;
  briefDescription: Localized;
  description: Localized;
  contribution: Localized;
  ogpValues: string[];
  /** Comma-separated, as typed. */
  sdgTargets: string;
  budgetAmount: string;
  budgetCurrency: string;
  budgetNote: Localized;
  otherActors: Localized;
  contact: Contact;
  /** One link a line: "title https://…". */
  links: string;
  version?: number;
  change?: ChangeRequestValues;
}

type CommitmentFields = Omit<Commitment, 'id' | 'planId' | 'isDemo' | 'version'>;

const commitmentFields = (c: CommitmentFields): CommitmentFormValues => ({
  areaId: idText(c.areaId),
  number: c.number,
  ogpId: c.ogpId ?? '',
  title: c.title,
  startDate: c.startDate,
  endDate: c.endDate,
  leadAgencyId: idText(c.leadAgencyId),
  coAgencyIds: c.coAgencyIds.map(String),
  origin: c.origin,
  status: c.status,
  problem: c.problem,
  objective: c.objective,
  briefDescription: c.briefDescription,
  description: c.description,
  contribution: c.contribution,
  ogpValues: [...c.ogpValues],
  sdgTargets: c.sdgTargets.join(', '),
  budgetAmount: c.budgetAmount ?? '',
  budgetCurrency: c.budgetCurrency ?? '',
  budgetNote: c.budgetNote,
  otherActors: c.otherActors,
  contact: { ...c.contact },
  links: linksToText(c.links),
});

export const commitmentForm = {
  /** A new commitment's form: nothing chosen yet, the plan's period, a government origin preselected. */
  empty: (plan: Pick<ActionPlan, 'periodStart' | 'periodEnd'>): CommitmentFormValues =>
    commitmentFields({
      ...newCommitmentDefaults(),
      areaId: 0,
      number: '',
      startDate: plan.periodStart,
      endDate: plan.periodEnd,
      leadAgencyId: 0,
      origin: 'government',
    }),
  values: (c: Commitment): CommitmentFormValues => ({ ...commitmentFields(c), version: c.version, change: emptyChangeRequest() }),
  /** Checkbox lists, the SDG targets, the links textarea and "none" for empty optional fields, in the API's shape. */
  input: (body: PostedForm): PostedForm =>
    changeRequestInput(body, {
      ...body,
      ...sent(body, {
        coAgencyIds: listValue(body.coAgencyIds),
        ogpValues: listValue(body.ogpValues),
        sdgTargets: (firstValue(body.sdgTargets) ?? '').split(/[,，、\s]+/).filter(Boolean),
        links: linksFromText(firstValue(body.links) ?? ''),
        ogpId: noneIfEmpty(body.ogpId),
        budgetAmount: noneIfEmpty(body.budgetAmount),
        budgetCurrency: noneIfEmpty(body.budgetCurrency),
      }),
    }),
  /** A post shown again: what was typed, over what the form showed. */
  posted: (body: PostedForm, shown: CommitmentFormValues): CommitmentFormValues => ({
    ...postedValues(body, shown),
    change: postedChangeRequest(body),
  }),
};

// ------------------------------------------------------------------ milestone

export interface MilestoneFormValues {
  position: string;
  deliverable: Localized;
  indicator: Localized;
  target: Localized;
  startDate: string;
  endDate: string;
  /** Empty: counts equally with the others. */
  weight: string;
  version?: number;
  change?: ChangeRequestValues;
}

type MilestoneFields = Pick<Milestone, 'position' | 'deliverable' | 'indicator' | 'target' | 'startDate' | 'endDate' | 'weight'>;

const milestoneFields = (m: MilestoneFields): MilestoneFormValues => ({
  position: String(m.position),
  deliverable: m.deliverable,
  indicator: m.indicator,
  target: m.target,
  startDate: m.startDate,
  endDate: m.endDate,
  weight: numberText(m.weight),
});

export const milestoneForm = {
  /** A new milestone's form: the next position, the commitment's dates. */
  empty: (commitment: Pick<Commitment, 'startDate' | 'endDate'>, position: number): MilestoneFormValues =>
    milestoneFields({ ...newMilestoneDefaults(), position, startDate: commitment.startDate, endDate: commitment.endDate }),
  values: (m: Milestone): MilestoneFormValues => ({ ...milestoneFields(m), version: m.version, change: emptyChangeRequest() }),
  /** An empty position means "after the others", an empty weight "count equally". */
  input: (body: PostedForm): PostedForm => {
    const input: PostedForm = { ...body };
    if ('position' in body && (firstValue(body.position) ?? '').trim() === '') delete input.position;
    if ('weight' in body && (firstValue(body.weight) ?? '').trim() === '') input.weight = null;
    return changeRequestInput(body, input);
  },
  /** A post shown again: what was typed, over what the form showed. */
  posted: (body: PostedForm, shown: MilestoneFormValues): MilestoneFormValues => ({
    ...postedValues(body, shown),
    change: postedChangeRequest(body),
  }),
};
