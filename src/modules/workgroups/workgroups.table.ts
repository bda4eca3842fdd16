/** The workgroups module's tables, as Kysely types written to match migration 0011; they join `DB` by declaration merging. */
import type { Generated } from 'kysely';
import type { LocalizedColumn, Timestamp } from '../../db/schema.js';

export interface WorkingGroupsTable {
  id: Generated<number>;
  plan_id: number;
  slug: string;
  kind: Generated<string>;
  name: LocalizedColumn;
  purpose: LocalizedColumn;
  rules: LocalizedColumn;
  chair_name: LocalizedColumn;
  chair_agency_id: number | null;
  chair_user_id: number | null;
  co_chair_name: LocalizedColumn;
  co_chair_user_id: number | null;
  is_open: Generated<boolean>;
  closed_reason: LocalizedColumn;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkingGroupCommitmentsTable {
  working_group_id: number;
  commitment_id: number;
}

export interface WorkingGroupMembersTable {
  working_group_id: number;
  user_id: number;
  listed: Generated<boolean>;
  listing_hidden: Generated<boolean>;
  joined_at: Timestamp;
}

export interface WorkingGroupSurveyAnswersTable {
  working_group_id: number;
  user_id: number;
  answer: string;
  answered_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    working_groups: WorkingGroupsTable;
    working_group_commitments: WorkingGroupCommitmentsTable;
    working_group_members: WorkingGroupMembersTable;
    working_group_survey_answers: WorkingGroupSurveyAnswersTable;
  }
}
