/** The government's yearly self-assessment as the module's code sees it (rows mapped in selfassessment.queries.ts). */
import type { Localized } from '../../domain/localized.js';
import type { CommitmentStatus } from '../../domain/plan.js';
import type { ReviewState } from '../../domain/review.js';

export interface SelfAssessment {
  id: number;
  planId: number;
  year: number;
  /** Draft (the secretariat's) → comment (public, taking comments until it closes) → published (never changed). */
  state: ReviewState;
  title: Localized;
  summary: Localized;
  commentDays: number;
  commentOpensAt: Date | null;
  commentClosesAt: Date | null;
  publishedAt: Date | null;
  isDemo: boolean;
  version: number;
}

export interface SelfAssessmentEntry {
  id: number;
  assessmentId: number;
  commitmentId: number;
  position: number;
  /** The commitment's status as the government states it: prefilled from the monitoring when the assessment started. */
  status: CommitmentStatus;
  narrative: Localized;
  version: number;
}

export interface SelfAssessmentWhole {
  assessment: SelfAssessment;
  entries: SelfAssessmentEntry[];
}
