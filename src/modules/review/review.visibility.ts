/**
 * What the public may see of independent review (ADR 0013, 0036): engagements (who reviews, who pays) always; a
 * report once its comment period opens, with its units and recommendations; a draft only by the engagement's
 * reviewers and the secretariat. The interview log is the reviewers' alone, in every channel.
 */
import type { DbOrTx } from '../../db/connection.js';
import type { Actor } from '../../domain/authorization.js';
import { REVIEW_STATES } from '../../domain/review.js';
import type { HistoryEntry } from '../history/index.js';
import type { VisibilityPolicy } from '../../web/visibility.js';
import * as q from './review.queries.js';
import { maySeeDrafts, maySeeInterviews } from './review.access.js';

declare module '../../domain/history.js' {
  interface HistoryEntityTypes {
    reviewEngagement: true;
    review: true;
    reviewUnit: true;
    recommendation: true;
    reviewInterview: true;
  }
}

/** The history of a report's parts as the viewer may read it: that of drafts only for who may see them. */
function byReport(reportOf: (db: DbOrTx, entityId: number) => Promise<number | undefined>) {
  return async (db: DbOrTx, viewer: Actor | null, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> => {
    const kept: HistoryEntry[] = [];
    // Many entries name the same report (its units, its recommendations): each report is read once.
    const reports = new Map<number, Promise<Awaited<ReturnType<typeof q.findReport>>>>();
    for (const e of entries) {
      const reportId = await reportOf(db, e.entityId);
      if (reportId === undefined) continue;
      if (!reports.has(reportId)) reports.set(reportId, q.findReport(db, reportId));
      const report = await reports.get(reportId);
      if (report && (report.state !== 'draft' || maySeeDrafts(viewer, report.engagementId))) kept.push(e);
    }
    return kept;
  };
}

export const reviewVisibility: readonly VisibilityPolicy[] = [
  { entityType: 'reviewEngagement', states: ['current'], publicStates: ['current'] },
  { entityType: 'review', states: REVIEW_STATES, publicStates: ['comment', 'published'], history: byReport(async (_db, id) => id) },
  {
    entityType: 'reviewUnit',
    states: REVIEW_STATES,
    publicStates: ['comment', 'published'],
    history: byReport(async (db, id) => (await q.findUnit(db, id))?.reportId),
  },
  {
    entityType: 'recommendation',
    states: REVIEW_STATES,
    publicStates: ['comment', 'published'],
    history: byReport(async (db, id) => (await q.findRecommendation(db, id))?.reportId),
  },
  {
    entityType: 'reviewInterview',
    states: ['reviewers-only'],
    publicStates: [],
    history: async (db, viewer, entries) => {
      const kept: HistoryEntry[] = [];
      for (const e of entries) {
        const engagementId = await q.engagementOfInterview(db, e.entityId);
        if (engagementId !== undefined && maySeeInterviews(viewer, engagementId)) kept.push(e);
      }
      return kept;
    },
  },
];
