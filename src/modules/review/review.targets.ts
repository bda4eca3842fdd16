/**
 * What participation needs to know of a review as a target of comments (the `reviewTargets` provision): a report
 * the public may see (in its comment period or published) or one of its units, its plan, when comments close, and
 * who answers them (the engagement's reviewers).
 */
import type { DbOrTx } from '../../db/connection.js';
import { holds, type Actor } from '../../domain/authorization.js';
import type { ReviewTargetFacts, ReviewTargetSource } from '../participation/index.js';
import { reportPath } from './review.paths.js';
import * as q from './review.queries.js';

async function reportOf(db: DbOrTx, type: 'review' | 'review-unit', id: number) {
  if (type === 'review') return { report: await q.findReport(db, id), unit: undefined };
  const unit = await q.findUnit(db, id);
  return { report: unit ? await q.findReport(db, unit.reportId) : undefined, unit };
}

export const reviewTargets: ReviewTargetSource = {
  async resolve(db, type, id): Promise<ReviewTargetFacts | undefined> {
    const { report, unit } = await reportOf(db, type, id);
    if (!report || report.state === 'draft') return undefined;
    return {
      planId: report.planId,
      commitmentId: unit?.commitmentIds.length === 1 ? (unit.commitmentIds[0] ?? null) : null,
      // A published report, or one whose period has closed, takes none: its closing time is in the past.
      closesAt: report.state === 'comment' && report.commentClosesAt ? report.commentClosesAt : (report.commentClosesAt ?? report.publishedAt ?? new Date(0)),
      label: unit ? unit.title : report.title,
      path: reportPath(report),
    };
  },
  async mayRespond(db, actor: Actor | null, type, id) {
    const { report } = await reportOf(db, type, id);
    return report !== undefined && holds(actor, ['reviewer'], { engagementId: report.engagementId });
  },
};
