/**
 * Independent review (issue #13), pure: the scales reviewers rate with, kept as data so both generations of OGP's
 * Independent Reporting Mechanism can be recorded (DOMAIN.md, "Independent review scales"); which ratings a unit may
 * carry (a unit rated Not verifiable is not assessed further); the legacy "starred" rule; a report's lifecycle; and
 * the figures a report page shows.
 */
import { addMonths } from './cocreation.js';
import { CORE_OGP_VALUES, OGP_VALUES, type FieldProblem, type OgpValue } from './plan.js';

/**
 * The reports of a review: before co-creation, on the plan's design, on its results; and, for a local plan (OGP
 * Local), the end-of-commitment assessment of one commitment by the Local Monitoring Body.
 */
export const REVIEW_KINDS = ['cocreation-brief', 'action-plan-review', 'results-report', 'end-of-commitment'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Whether a kind of report rates the results of what was done (completion, early results). */
export const ratesResults = (kind: ReviewKind): boolean => kind === 'results-report' || kind === 'end-of-commitment';

/** The generation of scales a report rates with: the current IRM's (2021 on) or the earlier one's. */
export const SCALE_SETS = ['current', 'legacy'] as const;
export type ScaleSet = (typeof SCALE_SETS)[number];

/** One scale: its values in order, lowest first. Labels are messages `review.scale.<dimension>.<value>`. */
export interface Scale {
  dimension: RatingDimension;
  values: readonly string[];
}

export const RATING_DIMENSIONS = [
  'verifiability',
  'ogLens',
  'potential',
  'promising',
  'completion',
  'earlyResults',
  'specificity',
  'potentialImpact',
  'legacyCompletion',
  'legacyEarlyResults',
] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];

export const SCALES: Record<RatingDimension, Scale> = {
  verifiability: { dimension: 'verifiability', values: ['not-verifiable', 'verifiable'] },
  ogLens: { dimension: 'ogLens', values: ['no', 'yes'] },
  potential: { dimension: 'potential', values: ['unclear', 'modest', 'substantial'] },
  promising: { dimension: 'promising', values: ['no', 'yes'] },
  completion: { dimension: 'completion', values: ['no-evidence', 'not-started', 'limited', 'substantial', 'complete'] },
  earlyResults: { dimension: 'earlyResults', values: ['no-notable', 'moderate', 'significant', 'outstanding'] },
  specificity: { dimension: 'specificity', values: ['none', 'low', 'medium', 'high'] },
  potentialImpact: { dimension: 'potentialImpact', values: ['none', 'minor', 'moderate', 'transformative'] },
  legacyCompletion: { dimension: 'legacyCompletion', values: ['not-started', 'limited', 'substantial', 'completed'] },
  legacyEarlyResults: { dimension: 'legacyEarlyResults', values: ['worsened', 'did-not-change', 'marginal', 'major', 'outstanding'] },
};

/** Which dimensions a report of this kind rates, in each generation of scales (a brief rates nothing). */
export const DIMENSIONS_OF: Record<ReviewKind, Record<ScaleSet, readonly RatingDimension[]>> = {
  'cocreation-brief': { current: [], legacy: [] },
  'action-plan-review': { current: ['verifiability', 'ogLens', 'potential', 'promising'], legacy: ['specificity', 'potentialImpact'] },
  'results-report': { current: ['completion', 'earlyResults'], legacy: ['legacyCompletion', 'legacyEarlyResults'] },
  // OGP Local's assessment came with the current scales only.
  'end-of-commitment': { current: ['completion', 'earlyResults'], legacy: [] },
};

/** A unit's ratings: a value of each dimension's scale, or absent while not yet rated. */
export type Ratings = Partial<Record<RatingDimension, string>>;

/** What a reviewer says of a unit: the ratings, the OG values it serves (with the lens or legacy relevance). */
export interface UnitAssessment {
  ratings: Ratings;
  ogValues: readonly OgpValue[];
}

/**
 * The problems of a unit's assessment in a report of this kind and generation, each naming its field
 * (`ratings.<dimension>`, `ogValues`): a value from another scale or another report's dimension; any rating besides
 * the verifiability of a unit rated Not verifiable, which is not assessed further; OG values without the lens.
 */
export function assessmentProblems(kind: ReviewKind, scaleSet: ScaleSet, a: UnitAssessment): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = DIMENSIONS_OF[kind][scaleSet];
  for (const [dimension, value] of Object.entries(a.ratings) as [RatingDimension, string | undefined][]) {
    if (value === undefined) continue;
    const field = `ratings.${dimension}`;
    if (!allowed.includes(dimension)) problems.push({ field, key: 'review.error.dimensionNotRated' });
    else if (!SCALES[dimension].values.includes(value)) problems.push({ field, key: 'review.error.notOnScale' });
  }
  for (const value of a.ogValues) if (!OGP_VALUES.includes(value)) problems.push({ field: 'ogValues', key: 'review.error.notOnScale' });
  if (a.ratings.verifiability === 'not-verifiable') {
    for (const dimension of allowed)
      if (dimension !== 'verifiability' && a.ratings[dimension] !== undefined)
        problems.push({ field: `ratings.${dimension}`, key: 'review.error.notVerifiable' });
    if (a.ogValues.length > 0) problems.push({ field: 'ogValues', key: 'review.error.notVerifiable' });
  } else if (scaleSet === 'current' && kind === 'action-plan-review' && a.ratings.ogLens !== 'yes' && a.ogValues.length > 0) {
    problems.push({ field: 'ogValues', key: 'review.error.valuesWithoutLens' });
  }
  return problems;
}

/**
 * The legacy IRM's "starred" commitment: specificity Medium or High, relevant to at least one core OG value, potential
 * impact Moderate or Transformative, and completion Substantial or Complete. The design and the results are rated in
 * two reports, so both units' assessments are given; undefined while any part is unrated.
 */
export function isStarred(design: UnitAssessment, results: Ratings): boolean | undefined {
  const { specificity, potentialImpact } = design.ratings;
  const completion = results.legacyCompletion;
  if (specificity === undefined || potentialImpact === undefined || completion === undefined) return undefined;
  return (
    (specificity === 'medium' || specificity === 'high') &&
    design.ogValues.some((v) => CORE_OGP_VALUES.includes(v)) &&
    (potentialImpact === 'moderate' || potentialImpact === 'transformative') &&
    (completion === 'substantial' || completion === 'completed')
  );
}

/**
 * A report's states: a draft (its reviewers and the secretariat only) → in its comment period (public; the
 * government and anyone signed in comment until it closes, then the reviewers answer) → published (immutable, dated;
 * a correction is a new published edition with a change note).
 */
export const REVIEW_STATES = ['draft', 'comment', 'published'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const DEFAULT_COMMENT_DAYS = 14;
export const MAX_COMMENT_DAYS = 90;

/** Whether comments are taken now: in the comment period, before it closes. */
export const commentsOpen = (r: { state: ReviewState; commentClosesAt: Date | null }, now: Date): boolean =>
  r.state === 'comment' && r.commentClosesAt !== null && now < r.commentClosesAt;

/** The figures of a report's units, as its page summarizes them (action plan review, results report). */
export interface ReviewFigures {
  units: number;
  rated: number;
  verifiable: number;
  ogLens: number;
  substantialPotential: number;
  promising: number;
  /** Units by value, for each rated dimension, in scale order (the charts' bars). */
  distributions: { dimension: RatingDimension; counts: { value: string; count: number }[] }[];
}

export function reviewFigures(kind: ReviewKind, scaleSet: ScaleSet, units: readonly { ratings: Ratings }[]): ReviewFigures {
  const dims = DIMENSIONS_OF[kind][scaleSet];
  const count = (d: RatingDimension, v: string) => units.filter((u) => u.ratings[d] === v).length;
  return {
    units: units.length,
    rated: units.filter((u) => dims.some((d) => u.ratings[d] !== undefined)).length,
    verifiable: count('verifiability', 'verifiable'),
    ogLens: count('ogLens', 'yes'),
    substantialPotential: count('potential', 'substantial'),
    promising: count('promising', 'yes'),
    distributions: dims
      .filter((d) => SCALES[d].values.length > 2)
      .map((d) => ({ dimension: d, counts: SCALES[d].values.map((value) => ({ value, count: count(d, value) })) })),
  };
}

/** A review's funding is disclosed by source: the shares given must not add up to more than the whole. */
export const FUNDING_SECTORS = ['government', 'civil-society', 'international', 'private', 'academia'] as const;
export type FundingSector = (typeof FUNDING_SECTORS)[number];

export function fundingProblems(shares: readonly { sharePercent: number }[]): FieldProblem[] {
  const total = shares.reduce((sum, s) => sum + s.sharePercent, 0);
  return total > 100.0001 ? [{ field: 'funding', key: 'review.error.fundingOver100' }] : [];
}

/** The share of a review paid by the government it reviews, in percent. */
export const governmentShare = (shares: readonly { sector: FundingSector; sharePercent: number }[]): number =>
  shares.filter((s) => s.sector === 'government').reduce((sum, s) => sum + s.sharePercent, 0);

/** The tracking of a recommendation, as the forum tracks its resolutions (持續列管 / 解除列管). */
export const RECOMMENDATION_STATES = ['tracking', 'closed'] as const;
export type RecommendationState = (typeof RECOMMENDATION_STATES)[number];

/**
 * The roles a reviewer holds in an engagement (the seeds: an international reviewer and a local research partner; for
 * a local plan, the members of its Local Monitoring Body).
 */
export const REVIEWER_ROLES = ['lead-reviewer', 'international-reviewer', 'local-research-partner', 'local-monitoring-body', 'reviewer'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

// ---------------------------------------------------------------- the co-creation minimum requirements

/**
 * The minimum requirements an action plan review assesses (DOMAIN.md, Participation & Co-Creation Standards): the
 * forum (MR 1.1), the website (MR 2.1) and the document repository (MR 2.2), the timeline published in advance, an
 * open input opportunity, a reasoned response to the input, and ongoing dialogue. Labels are messages
 * `review.requirement.<id>`.
 */
export const MINIMUM_REQUIREMENTS = ['forum', 'website', 'repository', 'advance-notice', 'open-input', 'reasoned-response', 'ongoing-dialogue'] as const;
export type MinimumRequirement = (typeof MINIMUM_REQUIREMENTS)[number];

/** The reviewer's assessment of a requirement, as the IRM colours it: met, in progress, not met. */
export const REQUIREMENT_STATUSES = ['met', 'in-progress', 'not-met'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** Which report assesses the requirements: the action plan review, on the co-creation that made the plan. */
export const assessesRequirements = (kind: ReviewKind): boolean => kind === 'action-plan-review';

/**
 * What the platform's own records said of a requirement when the reviewer started (never changed afterwards, so a
 * reader sees where the reviewer agreed and where not): its status, and the message (with its params) saying why.
 */
export interface RecordFinding {
  status: RequirementStatus;
  key: string;
  params: Record<string, string | number>;
}

/** The co-creation record's checklist statuses, in the reviewer's terms: "not yet" is in progress. */
export const requirementStatusOf = (checklistStatus: 'met' | 'not-met' | 'not-yet'): RequirementStatus =>
  checklistStatus === 'not-yet' ? 'in-progress' : checklistStatus;

/**
 * The reasoned response (MR 4) from the plan's input figures: none to judge without input; not met while any input
 * waits past its time; met when every one is answered; in progress otherwise.
 */
export function reasonedResponseFinding(f: { inputs: number; answered: number; overdue: number }): RecordFinding | null {
  if (f.inputs === 0) return null;
  const params = { inputs: f.inputs, answered: f.answered, overdue: f.overdue };
  if (f.overdue > 0) return { status: 'not-met', key: 'review.found.responseOverdue', params };
  if (f.answered === f.inputs) return { status: 'met', key: 'review.found.responseAll', params };
  return { status: 'in-progress', key: 'review.found.responsePending', params };
}

// ---------------------------------------------------------------- OGP Local: the end-of-commitment assessment

/** The Local Monitoring Body assesses a local plan's commitment one month after it completes (DOMAIN.md). */
export const END_OF_COMMITMENT_AFTER_MONTHS = 1;

/** The day a commitment's end-of-commitment assessment is due: a month after its last day. */
export const endOfCommitmentDue = (endDate: string): string => addMonths(endDate, END_OF_COMMITMENT_AFTER_MONTHS);

/** Where a commitment's end-of-commitment assessment stands on `today`: not yet due, due now, late, or published. */
export type EndOfCommitmentStanding = 'running' | 'due' | 'overdue' | 'in-review' | 'published';

export function endOfCommitmentStanding(endDate: string, assessment: { state: ReviewState } | undefined, today: string): EndOfCommitmentStanding {
  if (assessment?.state === 'published') return 'published';
  if (assessment) return 'in-review';
  if (today <= endDate) return 'running';
  return today > endOfCommitmentDue(endDate) ? 'overdue' : 'due';
}
