/**
 * The status of a commitment as the public sees it (issue #10, item 9). It follows the latest submitted progress
 * report, so a page never says "in progress" beside "completed, 100 %"; the status an editor sets by hand only
 * explains what a report cannot say: that the commitment was withdrawn. Pure, no I/O.
 */
import { commitmentHealth, type MilestoneProgressStatus } from './monitoring.js';
import type { CommitmentStatus } from './plan.js';

/** The milestone entries of a commitment's latest submitted report; null when none has been submitted. */
export type LatestReported = readonly { status: MilestoneProgressStatus }[] | null;

export function publicCommitmentStatus(handSet: CommitmentStatus, latest: LatestReported): CommitmentStatus {
  if (handSet === 'withdrawn') return 'withdrawn';
  switch (commitmentHealth(latest)) {
    case 'completed':
      return 'completed';
    case 'on-track':
    case 'delayed':
      return 'in-progress';
    // Nothing reported yet, or nothing begun in the latest report: silence never reads as progress.
    case 'not-started':
    case 'no-report':
      return 'not-started';
  }
}
