/**
 * Comments taken in a dated comment period on something another module owns (issue #13): a review's report or one of
 * its units (the review module provides `reviewTargets`), the government's self-assessment or one of its entries
 * (the self-assessment module provides `selfAssessmentTargets`). This module declares what it needs to know of such a
 * target, and those modules provide it, so none imports another.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import type { Localized } from '../../domain/localized.js';
import { isReviewTarget, type PeriodTarget, type ReviewTarget, type SelfAssessmentTarget } from '../../domain/participation.js';
import { ForbiddenError, ValidationError } from '../../errors.js';
import { provided } from '../../web/module.js';
import { formatInstant } from './moderation.service.js';

export interface ReviewTargetFacts {
  planId: number;
  /** The commitment a unit covers (when it covers one), so the comment shows on the commitment's page too. */
  commitmentId: number | null;
  /** When the comment period closes (comments are taken before it). */
  closesAt: Date;
  label: Localized;
  /** The review's page (a site path). */
  path: string;
}

export interface PeriodTargetSource<T extends PeriodTarget> {
  /** The target in its comment period or published; undefined when there is none the public may see. */
  resolve(db: DbOrTx, type: T, id: number): Promise<ReviewTargetFacts | undefined>;
  /** Whether the actor answers the comments on it (a review's: its reviewers, and nobody else). */
  mayRespond(db: DbOrTx, actor: Actor | null, type: T, id: number): Promise<boolean>;
}
export type ReviewTargetSource = PeriodTargetSource<ReviewTarget>;
export type SelfAssessmentTargetSource = PeriodTargetSource<SelfAssessmentTarget>;

declare module '../../web/module.js' {
  interface Provisions {
    /** What a review's report or unit is, as a target of comments (the review module). */
    reviewTargets: ReviewTargetSource;
    /** What a self-assessment or one of its entries is, as a target of comments (the self-assessment module). */
    selfAssessmentTargets: SelfAssessmentTargetSource;
  }
}

/** The facts of a period target, from the module that owns it. */
export async function resolvePeriodTarget(db: DbOrTx, type: PeriodTarget, id: number): Promise<ReviewTargetFacts | undefined> {
  return isReviewTarget(type) ? provided('reviewTargets')?.resolve(db, type, id) : provided('selfAssessmentTargets')?.resolve(db, type, id);
}

/** The review target a comment names, taking comments at `now`: a field problem when it is not there, or closed (saying when). */
export async function admitReviewComment(db: DbOrTx, planId: number, type: PeriodTarget, id: number, now: Date): Promise<ReviewTargetFacts> {
  const facts = await resolvePeriodTarget(db, type, id);
  if (!facts || facts.planId !== planId) throw new ValidationError([{ field: 'targetId', key: 'participation.error.unknownTarget' }]);
  if (now >= facts.closesAt)
    throw new ValidationError([{ field: 'targetId', key: 'participation.error.reviewCommentsClosed', params: { date: formatInstant(facts.closesAt) } }]);
  return facts;
}

/**
 * Refuses (403) anyone but who answers the comments on it: a review's reviewers (the secretariat and the agencies do
 * not answer comments on a review); a self-assessment's secretariat.
 */
export async function assertMayRespondToReviewComment(db: DbOrTx, actor: Actor | null, type: PeriodTarget, id: number): Promise<void> {
  if (!(await mayRespondToReviewComment(db, actor, type, id)))
    throw new ForbiddenError(isReviewTarget(type) ? 'participation.error.reviewersAnswer' : 'participation.error.secretariatAnswers');
}

export async function mayRespondToReviewComment(db: DbOrTx, actor: Actor | null, type: PeriodTarget, id: number): Promise<boolean> {
  const answered = isReviewTarget(type)
    ? provided('reviewTargets')?.mayRespond(db, actor, type, id)
    : provided('selfAssessmentTargets')?.mayRespond(db, actor, type, id);
  return (await answered) ?? false;
}
