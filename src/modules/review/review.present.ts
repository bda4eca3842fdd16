/** Reviews as the API and the pages show them: figures, the readiness gate, starred units, the government's share. */
import type { DbOrTx } from '../../db/connection.js';
import { governmentShare, isStarred, reviewFigures, type ReviewFigures } from '../../domain/review.js';
import { provided } from '../../web/module.js';
import type { Engagement, ReviewReport, ReviewReportWhole, ReviewUnit } from './review.model.js';
import { engagementPath, reportPath } from './review.paths.js';
import * as q from './review.queries.js';

export interface Readiness {
  planId: number;
  total: number;
  reviewed: number;
  share: number;
  complete: boolean;
}

/** Whether each plan's English edition is complete (the translations module's figure; all zero without it). */
export async function readinessOf(db: DbOrTx, planIds: readonly number[]): Promise<Readiness[]> {
  const source = provided('englishEdition');
  return Promise.all(
    planIds.map(async (planId) => {
      const figure = source ? await source(db, planId) : undefined;
      return { planId, total: figure?.total ?? 0, reviewed: figure?.reviewed ?? 0, share: figure?.share ?? 0, complete: figure?.complete ?? false };
    }),
  );
}

export const presentReportSummary = (r: ReviewReport) => ({
  id: r.id,
  planId: r.planId,
  kind: r.kind,
  commitmentId: r.commitmentId,
  scaleSet: r.scaleSet,
  state: r.state,
  edition: r.edition,
  title: r.title,
  commentOpensAt: r.commentOpensAt?.toISOString() ?? null,
  commentClosesAt: r.commentClosesAt?.toISOString() ?? null,
  publishedAt: r.publishedAt?.toISOString() ?? null,
  url: reportPath(r),
});

export const presentEngagement = (e: Engagement, readiness: Readiness[], reports: readonly ReviewReport[]) => ({
  id: e.id,
  title: e.title,
  termsOfReference: e.termsOfReference,
  periodStart: e.periodStart,
  periodEnd: e.periodEnd,
  planIds: e.planIds,
  reviewers: e.reviewers,
  funding: e.funding,
  governmentSharePercent: governmentShare(e.funding),
  readiness,
  reports: reports.map(presentReportSummary),
  isDemo: e.isDemo,
  version: e.version,
  url: engagementPath(e),
});

/**
 * The legacy "starred" mark of each unit of a legacy results report: its design ratings come from the same
 * engagement's action plan review of the plan, matched by the commitments the units cover.
 */
export async function starredOf(db: DbOrTx, whole: ReviewReportWhole): Promise<Map<number, boolean | null>> {
  const marks = new Map<number, boolean | null>();
  const { report, units } = whole;
  if (report.kind !== 'results-report' || report.scaleSet !== 'legacy') return marks;
  const design = (await q.listReports(db, { engagementId: report.engagementId, planId: report.planId }))
    .filter((r) => r.kind === 'action-plan-review' && r.scaleSet === 'legacy' && r.state !== 'draft')
    .at(-1);
  const designUnits = design ? await q.listUnits(db, design.id) : [];
  for (const unit of units) {
    const match = designUnits.find((d) => d.commitmentIds.length > 0 && d.commitmentIds.join() === unit.commitmentIds.join());
    marks.set(unit.id, match ? (isStarred(match, unit.ratings) ?? null) : null);
  }
  return marks;
}

export const presentUnit = (u: ReviewUnit, starred: boolean | null) => ({
  id: u.id,
  position: u.position,
  title: u.title,
  commitmentIds: u.commitmentIds,
  ratings: u.ratings as Record<string, string>,
  ogValues: u.ogValues,
  rationale: u.rationale,
  evidence: u.evidence,
  starred,
  version: u.version,
});

export function figuresOf(whole: ReviewReportWhole): ReviewFigures {
  return reviewFigures(whole.report.kind, whole.report.scaleSet, whole.units);
}

export async function presentReport(db: DbOrTx, whole: ReviewReportWhole, commentsOpen: boolean) {
  const starred = await starredOf(db, whole);
  const { report } = whole;
  return {
    ...presentReportSummary(report),
    engagementId: report.engagementId,
    previousId: report.previousId,
    changeNote: report.changeNote,
    overview: report.overview,
    commentDays: report.commentDays,
    commentsOpen,
    units: whole.units.map((u) => presentUnit(u, starred.get(u.id) ?? null)),
    recommendations: whole.recommendations,
    requirements: whole.requirements.map(({ reportId: _report, ...r }) => r),
    figures: figuresOf(whole),
    version: report.version,
  };
}
