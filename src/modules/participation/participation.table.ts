/** The participation module's tables, as Kysely types written to match migration 0014; they join `DB` by declaration merging. */
import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../../domain/localized.js';
import type { LocalizedColumn, Timestamp } from '../../db/schema.js';

export interface ConsultationsTable {
  id: Generated<number>;
  plan_id: number;
  target_type: string;
  target_id: number;
  section: string | null;
  title: LocalizedColumn;
  question: LocalizedColumn;
  audience: Generated<string>;
  opens_at: Date;
  closes_at: Date;
  phase_id: number | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InputsTable {
  id: Generated<number>;
  plan_id: number;
  kind: string;
  target_type: string;
  target_id: number;
  section: string | null;
  commitment_id: number | null;
  consultation_id: number | null;
  parent_id: number | null;
  author_id: number | null;
  author_name: Generated<string>;
  source: Generated<string>;
  source_url: string | null;
  lang: Generated<string>;
  body: string;
  title: Generated<string>;
  problem: Generated<string>;
  suggested_action: Generated<string>;
  proposed_agency_id: number | null;
  state: Generated<string>;
  agency_id: number | null;
  forum_matter: Generated<boolean>;
  response_state: Generated<string>;
  response_reason: ColumnType<Localized, string | undefined, string>;
  referred_to: Generated<string>;
  change_history_id: number | null;
  responded_by: number | null;
  responded_by_name: Generated<string>;
  responded_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: Generated<string>;
  appeal: Generated<string>;
  appealed_at: Date | null;
  appeal_decision: string | null;
  withdrawn_at: Date | null;
  edited_at: Date | null;
  submitted_at: Timestamp;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InputReportsTable {
  id: Generated<number>;
  input_id: number;
  reporter_id: number | null;
  reason: string;
  note: Generated<string>;
  created_at: Timestamp;
  resolved_at: Date | null;
}

export interface ModerationLogTable {
  id: Generated<number>;
  at: Timestamp;
  moderator_id: number | null;
  moderator_name: string;
  act: string;
  input_id: number | null;
  user_id: number | null;
  reason: Generated<string>;
}

export interface AccountSuspensionsTable {
  id: Generated<number>;
  user_id: number;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  moderator_id: number | null;
  lifted_at: Date | null;
}

declare module '../../db/schema.js' {
  interface DB {
    consultations: ConsultationsTable;
    inputs: InputsTable;
    input_reports: InputReportsTable;
    moderation_log: ModerationLogTable;
    account_suspensions: AccountSuspensionsTable;
  }
}
