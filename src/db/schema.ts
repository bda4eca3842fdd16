/** Table types for Kysely, written to match migrations/*.sql. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Contact, Link, OgpValue } from '../domain/plan.js';
import type { Localized } from '../domain/localized.js';
import type { FieldChange } from '../domain/history.js';
import type { FormatInfo } from '../domain/transcript-markdown.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type LocalizedColumn = Json<Localized>;

export interface MembersTable {
  id: Generated<number>;
  code: string;
  kind: string;
  name: LocalizedColumn;
  created_at: Timestamp;
}

export interface AgenciesTable {
  id: Generated<number>;
  code: string;
  name: LocalizedColumn;
  successor_id: number | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionPlansTable {
  id: Generated<number>;
  slug: string;
  member_id: number;
  title: LocalizedColumn;
  period_start: string;
  period_end: string;
  status: string;
  introduction: LocalizedColumn;
  efforts_to_date: LocalizedColumn;
  development_process: LocalizedColumn;
  commitments_intro: LocalizedColumn;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AreasTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  title: LocalizedColumn;
  description: LocalizedColumn;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitmentsTable {
  id: Generated<number>;
  plan_id: number;
  area_id: number;
  number: string;
  ogp_id: string | null;
  title: LocalizedColumn;
  start_date: string;
  end_date: string;
  lead_agency_id: number;
  contact: Json<Contact>;
  other_actors: LocalizedColumn;
  problem: LocalizedColumn;
  objective: LocalizedColumn;
  brief_description: LocalizedColumn;
  description: LocalizedColumn;
  contribution: LocalizedColumn;
  ogp_values: Json<OgpValue[]>;
  sdg_targets: Json<string[]>;
  budget_amount: string | null;
  budget_currency: string | null;
  budget_note: LocalizedColumn;
  links: Json<Link[]>;
  origin: string;
  status: string;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CommitmentCoAgenciesTable {
  commitment_id: number;
  agency_id: number;
  position: number;
}

export interface MilestonesTable {
  id: Generated<number>;
  commitment_id: number;
  position: number;
  deliverable: LocalizedColumn;
  indicator: LocalizedColumn;
  target: LocalizedColumn;
  start_date: string;
  end_date: string;
  weight: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface UserAgenciesTable {
  user_id: number;
  agency_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
}

export interface HistoryTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  plan_id: number | null;
  commitment_id: number | null;
  action: string;
  actor_id: number | null;
  actor_name: string;
  changes: Json<FieldChange[]>;
  summary: Json<Localized> | null;
  at: Timestamp;
}

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

export interface CommitmentTransfersTable {
  id: Generated<number>;
  commitment_id: number;
  from_agency_id: number;
  to_agency_id: number;
  effective_on: string;
  note: LocalizedColumn;
  actor_name: string;
  created_at: Timestamp;
}

export interface ForumMeetingsTable {
  id: Generated<number>;
  plan_id: number;
  cycle_id: number | null;
  held_on: string;
  kind: string;
  title: LocalizedColumn;
  attendance_government: Generated<number>;
  attendance_civil_society: Generated<number>;
  attendance_other: Generated<number>;
  agenda: LocalizedColumn;
  minutes: LocalizedColumn;
  links: ColumnType<Link[], string | undefined, string>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingReportsTable {
  meeting_id: number;
  report_id: number;
  showcased: Generated<boolean>;
  story: LocalizedColumn;
}

export interface ResolutionsTable {
  id: Generated<number>;
  plan_id: number;
  meeting_id: number;
  number: string;
  body: LocalizedColumn;
  owner_agency_id: number | null;
  due_on: string | null;
  status: Generated<string>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ResolutionDecisionsTable {
  id: Generated<number>;
  resolution_id: number;
  meeting_id: number;
  status: string;
  note: LocalizedColumn;
  created_at: Timestamp;
}

export interface SpeakersTable {
  id: Generated<number>;
  slug: string;
  name: string;
  aliases: ColumnType<string[], string | undefined, string>;
  user_id: number | null;
  affiliation: LocalizedColumn;
  colour: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An alias learned from a transcript under embargo: applied to the speaker when the transcript is published. */
export interface SpeakerPendingAliasesTable {
  transcript_id: number;
  speaker_id: number;
  alias: string;
}

export interface TranscriptsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  held_on: string;
  language: string;
  plan_id: number | null;
  meeting_id: number | null;
  twin_id: number | null;
  source_url: string | null;
  embargo_working_days: Generated<number>;
  release_on: string | null;
  publish_at: Timestamp;
  counted_with_calendar: boolean;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  published_early_reason: string | null;
  published_by_name: string | null;
  source_format: ColumnType<FormatInfo | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TranscriptSectionsTable {
  id: Generated<number>;
  transcript_id: number;
  parent_id: number | null;
  position: number;
  heading: string;
}

export interface SpeechesTable {
  id: Generated<number>;
  transcript_id: number;
  section_id: number | null;
  position: number;
  held_on: string;
  speaker_id: number | null;
  speaker_label: string | null;
  kind: string;
  body: string;
  is_public: Generated<boolean>;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SpeechPostingsTable {
  term: string;
  last_key: number;
  first_key: number;
  key_count: number;
  keys: Uint8Array;
}

export interface SpeechIndexTranscriptsTable {
  transcript_id: number;
  key_lo: number;
  key_hi: number;
  terms: string[];
}

export interface SpeechRevisionsTable {
  id: Generated<number>;
  speech_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string;
  before: string | null;
  after: string | null;
  at: Timestamp;
}

export interface OfficeCalendarTable {
  day: string;
  is_day_off: boolean;
  note: Generated<string>;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface DB {
  members: MembersTable;
  agencies: AgenciesTable;
  action_plans: ActionPlansTable;
  areas: AreasTable;
  commitments: CommitmentsTable;
  commitment_co_agencies: CommitmentCoAgenciesTable;
  milestones: MilestonesTable;
  users: UsersTable;
  user_agencies: UserAgenciesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  history: HistoryTable;
  review_cycles: ReviewCyclesTable;
  progress_reports: ProgressReportsTable;
  milestone_progress: MilestoneProgressTable;
  report_evidence: ReportEvidenceTable;
  report_contributions: ReportContributionsTable;
  commitment_transfers: CommitmentTransfersTable;
  forum_meetings: ForumMeetingsTable;
  meeting_reports: MeetingReportsTable;
  resolutions: ResolutionsTable;
  resolution_decisions: ResolutionDecisionsTable;
  speakers: SpeakersTable;
  speaker_pending_aliases: SpeakerPendingAliasesTable;
  transcripts: TranscriptsTable;
  transcript_sections: TranscriptSectionsTable;
  speeches: SpeechesTable;
  speech_revisions: SpeechRevisionsTable;
  speech_postings: SpeechPostingsTable;
  speech_index_transcripts: SpeechIndexTranscriptsTable;
  office_calendar: OfficeCalendarTable;
  schema_migrations: SchemaMigrationsTable;
}

export type PlanRow = Selectable<ActionPlansTable>;
export type CommitmentRow = Selectable<CommitmentsTable>;
export type MilestoneRow = Selectable<MilestonesTable>;
export type AreaRow = Selectable<AreasTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type NewCommitmentRow = Insertable<CommitmentsTable>;
export type CommitmentUpdate = Updateable<CommitmentsTable>;
