/**
 * Public input and its reasoned response (OGP's Participation and Co-Creation Standards: every input gets an answer
 * that says how it was considered and, if not taken up, why). Pure rules: the states, which answers need a reason,
 * when an input may still be edited, when a consultation takes input, and the response figures.
 */
import type { FieldProblem } from './plan.js';

export const INPUT_KINDS = ['comment', 'proposal', 'reply'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/**
 * What an input may be about. A consultation's target is one of the first five. An independent review's draft report
 * in its comment period, or one of its units, takes comments too (issue #13): its reviewers answer them; so does the
 * government's self-assessment in its comment period, or one commitment's entry, answered by the secretariat.
 */
export const INPUT_TARGETS = [
  'plan',
  'section',
  'area',
  'commitment',
  'milestone',
  'report',
  'meeting',
  'review',
  'review-unit',
  'self-assessment',
  'self-assessment-entry',
] as const;
export type InputTarget = (typeof INPUT_TARGETS)[number];
/** Comments on a review's draft: its reviewers answer them, and the government's response figures leave them out. */
export const REVIEW_TARGETS = ['review', 'review-unit'] as const;
export type ReviewTarget = (typeof REVIEW_TARGETS)[number];
export const isReviewTarget = (type: InputTarget): type is ReviewTarget => type === 'review' || type === 'review-unit';
/** Comments on the government's self-assessment in its comment period: the secretariat answers them. */
export const SELF_ASSESSMENT_TARGETS = ['self-assessment', 'self-assessment-entry'] as const;
export type SelfAssessmentTarget = (typeof SELF_ASSESSMENT_TARGETS)[number];
export const isSelfAssessmentTarget = (type: InputTarget): type is SelfAssessmentTarget => type === 'self-assessment' || type === 'self-assessment-entry';
/** Targets whose comments are taken only in a dated comment period, owned by another module (review-targets.ts). */
export type PeriodTarget = ReviewTarget | SelfAssessmentTarget;
export const isPeriodTarget = (type: InputTarget): type is PeriodTarget => isReviewTarget(type) || isSelfAssessmentTarget(type);
export const CONSULTATION_TARGETS = ['plan', 'section', 'area', 'commitment', 'milestone'] as const;
export type ConsultationTarget = (typeof CONSULTATION_TARGETS)[number];

/** The parts of the plan document a consultation may ask about (the plan's own text fields). */
export const PLAN_SECTIONS = ['introduction', 'effortsToDate', 'developmentProcess'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 'internal': an internal round's input, read by its audience and the secretariat only. */
export const INPUT_STATES = ['published', 'internal', 'hidden', 'withdrawn'] as const;
export type InputState = (typeof INPUT_STATES)[number];

export const INPUT_SOURCES = ['site', 'join', 'meeting', 'email', 'other'] as const;
export type InputSource = (typeof INPUT_SOURCES)[number];

export const RESPONSE_STATES = ['pending', 'adopted', 'partly-adopted', 'not-adopted', 'referred', 'noted'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];
/** A response that says less than "taken up as asked" must say why. */
export const REASON_REQUIRED: readonly ResponseState[] = ['partly-adopted', 'not-adopted', 'referred'];

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'personal-data'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** How long an author may still change what they wrote (each edit kept in the history). */
export const EDIT_WINDOW_MINUTES = 15;
/** The longest input body, in characters; a proposal's parts have their own. */
export const MAX_BODY_LENGTH = 5000;
export const MAX_TITLE_LENGTH = 200;
export const MAX_PROPOSAL_PART_LENGTH = 3000;
/** An input waiting longer than this for its answer is overdue (listed on the secretariat's board). */
export const OVERDUE_AFTER_DAYS = 30;

export interface ResponseInput {
  state: ResponseState;
  reason: { zh: string; en: string };
  referredTo: string;
}

/** The checks a response must pass beyond its shape. */
export function checkResponse(r: ResponseInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (REASON_REQUIRED.includes(r.state) && r.reason.zh.trim() === '' && r.reason.en.trim() === '')
    problems.push({ field: 'reason', key: 'participation.error.reasonRequired' });
  if (r.state === 'referred' && r.referredTo.trim() === '') problems.push({ field: 'referredTo', key: 'participation.error.referredToRequired' });
  return problems;
}

/** Whether the author may still edit: within the window after submission, and only while it stands. */
export function authorMayEdit(input: { submittedAt: Date; state: InputState }, now: Date): boolean {
  if (input.state !== 'published' && input.state !== 'internal') return false;
  return now.getTime() - input.submittedAt.getTime() < EDIT_WINDOW_MINUTES * 60_000;
}

export type WindowState = 'scheduled' | 'open' | 'closed';

export function windowState(w: { opensAt: Date; closesAt: Date }, now: Date): WindowState {
  if (now < w.opensAt) return 'scheduled';
  return now < w.closesAt ? 'open' : 'closed';
}

/** Whole days between two instants, rounded down (a same-day answer is 0 days). */
export const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 86_400_000);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What the response figures count: every input that is owed an answer (not replies, not withdrawn, not hidden). */
export interface InputForFigures {
  submittedAt: Date;
  responseState: ResponseState;
  respondedAt: Date | null;
  ledToChange: boolean;
}

export interface ResponseFigures {
  inputs: number;
  answered: number;
  /** answered ÷ inputs, 0..1; null with no input. */
  shareAnswered: number | null;
  /** Median whole days from submission to the answer, over the answered ones. */
  medianDaysToAnswer: number | null;
  /** Pending for more than OVERDUE_AFTER_DAYS at `now`. */
  overdue: number;
  ledToChange: number;
  /** ledToChange ÷ inputs. */
  shareLedToChange: number | null;
  byState: Record<ResponseState, number>;
}

export function responseFigures(inputs: readonly InputForFigures[], now: Date): ResponseFigures {
  const byState = Object.fromEntries(RESPONSE_STATES.map((s) => [s, 0])) as Record<ResponseState, number>;
  const days: number[] = [];
  let overdue = 0;
  let changed = 0;
  for (const i of inputs) {
    byState[i.responseState] += 1;
    if (i.responseState !== 'pending' && i.respondedAt) days.push(daysBetween(i.submittedAt, i.respondedAt));
    if (i.responseState === 'pending' && isOverdue(i.submittedAt, now)) overdue += 1;
    if (i.ledToChange) changed += 1;
  }
  const answered = inputs.length - byState.pending;
  const share = (n: number) => (inputs.length === 0 ? null : n / inputs.length);
  return {
    inputs: inputs.length,
    answered,
    shareAnswered: share(answered),
    medianDaysToAnswer: median(days),
    overdue,
    ledToChange: changed,
    shareLedToChange: share(changed),
    byState,
  };
}

export const isOverdue = (submittedAt: Date, now: Date) => daysBetween(submittedAt, now) > OVERDUE_AFTER_DAYS;
