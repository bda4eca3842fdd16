/**
 * Comments on an independent review (issue #13): a review's report in its comment period, or one of its units, is a
 * target of input that the review module owns. This module declares what it needs to know of such a target, and the
 * review module provides it (`reviewTargets`), so neither imports the other.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import type { Localized } from '../../domain/localized.js';
import type { ReviewTarget } from '../../domain/participation.js';
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

export interface ReviewTargetSource {
  /** A report in its comment period or published (or a unit of one); undefined when there is none the public may see. */
  resolve(db: DbOrTx, type: ReviewTarget, id: number): Promise<ReviewTargetFacts | undefined>;
  /** Whether the actor answers the comments on it: the engagement's reviewers, and nobody else. */
  mayRespond(db: DbOrTx, actor: Actor | null, type: ReviewTarget, id: number): Promise<boolean>;
}

declare module '../../web/module.js' {
  interface Provisions {
    /** What a review's report or unit is, as a target of comments (the review module). */
    reviewTargets: ReviewTargetSource;
  }
}

/** The review target a comment names, taking comments at `now`: a field problem when it is not there, or closed (saying when). */
export async function admitReviewComment(db: DbOrTx, planId: number, type: ReviewTarget, id: number, now: Date): Promise<ReviewTargetFacts> {
  const facts = await provided('reviewTargets')?.resolve(db, type, id);
  if (!facts || facts.planId !== planId) throw new ValidationError([{ field: 'targetId', key: 'participation.error.unknownTarget' }]);
  if (now >= facts.closesAt)
    throw new ValidationError([{ field: 'targetId', key: 'participation.error.reviewCommentsClosed', params: { date: formatInstant(facts.closesAt) } }]);
  return facts;
}

/** Refuses (403) anyone but the review's reviewers: the secretariat and the agencies do not answer comments on a review. */
export async function assertMayRespondToReviewComment(db: DbOrTx, actor: Actor | null, type: ReviewTarget, id: number): Promise<void> {
  if (!(await mayRespondToReviewComment(db, actor, type, id))) throw new ForbiddenError('participation.error.reviewersAnswer');
}

export async function mayRespondToReviewComment(db: DbOrTx, actor: Actor | null, type: ReviewTarget, id: number): Promise<boolean> {
  return (await provided('reviewTargets')?.mayRespond(db, actor, type, id)) ?? false;
}
