/** The forum module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated, ColumnType } from 'kysely';
import type { Timestamp, LocalizedColumn } from '../../db/schema.js';
import type { Localized } from '../../domain/localized.js';
import type { Link } from '../../domain/plan.js';

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
  place: ColumnType<Localized, string | undefined, string>;
  mode: Generated<string>;
  region: string | null;
  open_to_public: Generated<boolean>;
  working_group_id: number | null;
  commitment_id: number | null;
  agenda: LocalizedColumn;
  minutes: LocalizedColumn;
  links: ColumnType<Link[], string | undefined, string>;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingAttendanceTable {
  meeting_id: number;
  stakeholder_group: string;
  count: number;
}

export interface MeetingDocumentsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  kind: string;
  title: LocalizedColumn;
  url: string;
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

declare module '../../db/schema.js' {
  interface DB {
    forum_meetings: ForumMeetingsTable;
    meeting_attendance: MeetingAttendanceTable;
    meeting_documents: MeetingDocumentsTable;
    meeting_reports: MeetingReportsTable;
    resolutions: ResolutionsTable;
    resolution_decisions: ResolutionDecisionsTable;
  }
}
