import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../../domain/localized.js';
import type { RecordFinding } from '../../domain/review.js';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, Date | undefined, Date>;

export interface ReviewEngagementsTable {
  id: Generated<number>;
  title: Json<Localized>;
  terms_of_reference: Json<Localized>;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ReviewEngagementPlansTable {
  engagement_id: number;
  plan_id: number;
}

export interface ReviewReviewersTable {
  engagement_id: number;
  user_id: number;
  role: string;
  affiliations: Json<Localized>;
  interests: Json<Localized>;
  added_at: Stamp;
}

export interface ReviewFundingTable {
  id: Generated<number>;
  engagement_id: number;
  position: number;
  source: Json<Localized>;
  sector: string;
  share_percent: ColumnType<string, string | number, string | number>;
}

export interface ReviewReportsTable {
  id: Generated<number>;
  engagement_id: number;
  plan_id: number;
  kind: string;
  commitment_id: number | null;
  scale_set: string;
  state: Generated<string>;
  edition: Generated<number>;
  previous_id: number | null;
  change_note: ColumnType<Localized, string | undefined, string>;
  title: Json<Localized>;
  overview: Json<Localized>;
  comment_days: Generated<number>;
  comment_opens_at: Date | null;
  comment_closes_at: Date | null;
  published_at: Date | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface ReviewUnitsTable {
  id: Generated<number>;
  report_id: number;
  position: number;
  title: Json<Localized>;
  ratings: ColumnType<Record<string, string>, string | undefined, string>;
  og_values: ColumnType<string[], string | undefined, string>;
  rationale: Json<Localized>;
  evidence: Json<Localized>;
  version: Generated<number>;
  updated_at: Stamp;
}

export interface ReviewUnitCommitmentsTable {
  unit_id: number;
  commitment_id: number;
}

export interface ReviewRecommendationsTable {
  id: Generated<number>;
  report_id: number;
  unit_id: number | null;
  number: number;
  body: Json<Localized>;
  state: Generated<string>;
  government_response: ColumnType<Localized, string | undefined, string>;
  landed_commitment_id: number | null;
  version: Generated<number>;
  updated_at: Stamp;
}

export interface ReviewInterviewsTable {
  id: Generated<number>;
  engagement_id: number;
  held_on: ColumnType<string, string, string>;
  stakeholder_group: string;
  consent_to_be_named: boolean;
  interviewee: string;
  notes: string;
  recorded_by: number | null;
  created_at: Stamp;
}

export interface ReviewRequirementsTable {
  id: Generated<number>;
  report_id: number;
  requirement: string;
  position: number;
  found: ColumnType<RecordFinding | null, string | null, string | null>;
  status: string | null;
  explanation: Json<Localized>;
  version: Generated<number>;
  updated_at: Stamp;
}

declare module '../../db/schema.js' {
  interface DB {
    review_engagements: ReviewEngagementsTable;
    review_engagement_plans: ReviewEngagementPlansTable;
    review_reviewers: ReviewReviewersTable;
    review_funding: ReviewFundingTable;
    review_reports: ReviewReportsTable;
    review_units: ReviewUnitsTable;
    review_unit_commitments: ReviewUnitCommitmentsTable;
    review_recommendations: ReviewRecommendationsTable;
    review_interviews: ReviewInterviewsTable;
    review_requirements: ReviewRequirementsTable;
  }
}
