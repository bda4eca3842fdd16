/**
 * What participation needs to know of a self-assessment as a target of comments (the `selfAssessmentTargets`
 * provision): one the public may see (in its comment period or published) or one of its entries, its plan, when
 * comments close, and who answers them (the secretariat).
 */
import type { DbOrTx } from '../../db/connection.js';
import { can } from '../../domain/authorization.js';
import type { ReviewTargetFacts, SelfAssessmentTargetSource } from '../participation/index.js';
import { selfAssessmentPath } from './selfassessment.paths.js';
import * as q from './selfassessment.queries.js';

async function assessmentOf(db: DbOrTx, type: 'self-assessment' | 'self-assessment-entry', id: number) {
  if (type === 'self-assessment') return { assessment: await q.findAssessment(db, id), entry: undefined };
  const entry = await q.findEntry(db, id);
  return { assessment: entry ? await q.findAssessment(db, entry.assessmentId) : undefined, entry };
}

export const selfAssessmentTargets: SelfAssessmentTargetSource = {
  async resolve(db, type, id): Promise<ReviewTargetFacts | undefined> {
    const { assessment, entry } = await assessmentOf(db, type, id);
    if (!assessment || assessment.state === 'draft') return undefined;
    return {
      planId: assessment.planId,
      commitmentId: entry?.commitmentId ?? null,
      // A published assessment, or one whose period has closed, takes none: its closing time is in the past.
      closesAt: assessment.commentClosesAt ?? assessment.publishedAt ?? new Date(0),
      label: assessment.title,
      path: selfAssessmentPath(assessment),
    };
  },
  async mayRespond(db, actor, type, id) {
    const { assessment } = await assessmentOf(db, type, id);
    return assessment !== undefined && can(actor, 'selfAssessment.write');
  },
};
