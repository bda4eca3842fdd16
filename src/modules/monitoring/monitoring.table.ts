/** The monitoring module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated, ColumnType } from 'kysely';
import type { Timestamp, LocalizedColumn } from '../../db/schema.js';

export interface ReviewCyclesTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  starts_on: string;
  ends_on: string;
  report_due: string;
  review_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgressReportsTable {
  id: Generated<number>;
  commitment_id: number;
  cycle_id: number;
  revision: number;
  agency_id: number;
  state: Generated<string>;
  achievements: LocalizedColumn;
  participation: LocalizedColumn;
  civil_society_participants: number | null;
  government_participants: number | null;
  problems: LocalizedColumn;
  next_steps: LocalizedColumn;
  budget_spent: string | null;
  budget_currency: string | null;
  budget_note: LocalizedColumn;
  author_id: number | null;
  author_name: string;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  submitted_by_name: string | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MilestoneProgressTable {
  report_id: number;
  milestone_id: number;
  status: string;
  percent: number;
  reason: LocalizedColumn;
}

export interface ReportEvidenceTable {
  id: Generated<number>;
  report_id: number;
  title: string;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  byte_size: number | null;
  sha256: string | null;
  content: Uint8Array | null;
  created_at: Timestamp;
}

export interface ReportContributionsTable {
  id: Generated<number>;
  report_id: number;
  agency_id: number;
  body: LocalizedColumn;
  author_name: string;
  created_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    review_cycles: ReviewCyclesTable;
    progress_reports: ProgressReportsTable;
    milestone_progress: MilestoneProgressTable;
    report_evidence: ReportEvidenceTable;
    report_contributions: ReportContributionsTable;
  }
}
