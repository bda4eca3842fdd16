/** Review engagements and their reports as the module's code sees them (rows mapped in review.queries.ts). */
import type { Localized } from '../../domain/localized.js';
import type { OgpValue } from '../../domain/plan.js';
import type {
  FundingSector,
  MinimumRequirement,
  Ratings,
  RecommendationState,
  RecordFinding,
  RequirementStatus,
  ReviewerRole,
  ReviewKind,
  ReviewState,
  ScaleSet,
} from '../../domain/review.js';

export interface Funding {
  source: Localized;
  sector: FundingSector;
  sharePercent: number;
}

export interface Reviewer {
  userId: number;
  /** The reviewer's public name (their account's display name). */
  name: string;
  role: ReviewerRole;
  /** Declared in public: affiliations, and interests that could be conflicts. */
  affiliations: Localized;
  interests: Localized;
}

export interface Engagement {
  id: number;
  title: Localized;
  termsOfReference: Localized;
  periodStart: string;
  periodEnd: string;
  planIds: number[];
  reviewers: Reviewer[];
  funding: Funding[];
  isDemo: boolean;
  version: number;
}

export interface ReviewReport {
  id: number;
  engagementId: number;
  planId: number;
  kind: ReviewKind;
  /** The one commitment an end-of-commitment assessment is of; null for the other kinds. */
  commitmentId: number | null;
  scaleSet: ScaleSet;
  state: ReviewState;
  edition: number;
  /** The edition this one corrects, and what it changes. */
  previousId: number | null;
  changeNote: Localized;
  title: Localized;
  overview: Localized;
  commentDays: number;
  commentOpensAt: Date | null;
  commentClosesAt: Date | null;
  publishedAt: Date | null;
  isDemo: boolean;
  version: number;
  updatedAt: Date;
}

export interface ReviewUnit {
  id: number;
  reportId: number;
  position: number;
  title: Localized;
  /** The commitments the unit covers: one by default, several for a cluster. */
  commitmentIds: number[];
  ratings: Ratings;
  ogValues: OgpValue[];
  rationale: Localized;
  evidence: Localized;
  version: number;
}

export interface Recommendation {
  id: number;
  reportId: number;
  unitId: number | null;
  number: number;
  body: Localized;
  state: RecommendationState;
  governmentResponse: Localized;
  /** The commitment of a later plan where the recommendation landed. */
  landedCommitmentId: number | null;
  version: number;
}

export interface Interview {
  id: number;
  engagementId: number;
  heldOn: string;
  stakeholderGroup: string;
  consentToBeNamed: boolean;
  interviewee: string;
  notes: string;
}

/** An action plan review's assessment of one co-creation minimum requirement. */
export interface RequirementAssessment {
  id: number;
  reportId: number;
  requirement: MinimumRequirement;
  /** What the platform's records said when the report was started; null where they say nothing. */
  found: RecordFinding | null;
  /** The reviewers' own assessment; null while not assessed. */
  status: RequirementStatus | null;
  explanation: Localized;
  version: number;
}

/** A report with what it rates and recommends. */
export interface ReviewReportWhole {
  report: ReviewReport;
  units: ReviewUnit[];
  recommendations: Recommendation[];
  /** The co-creation minimum requirements (an action plan review's; empty for the other kinds). */
  requirements: RequirementAssessment[];
}
