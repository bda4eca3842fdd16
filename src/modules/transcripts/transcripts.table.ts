/** The transcripts module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated, ColumnType } from 'kysely';
import type { Timestamp, LocalizedColumn } from '../../db/schema.js';
import type { FormatInfo } from '../../domain/transcript-markdown.js';

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

export interface OfficeCalendarTable {
  day: string;
  is_day_off: boolean;
  note: Generated<string>;
}

declare module '../../db/schema.js' {
  interface DB {
    speakers: SpeakersTable;
    speaker_pending_aliases: SpeakerPendingAliasesTable;
    transcripts: TranscriptsTable;
    transcript_sections: TranscriptSectionsTable;
    speeches: SpeechesTable;
    speech_revisions: SpeechRevisionsTable;
    speech_postings: SpeechPostingsTable;
    speech_index_transcripts: SpeechIndexTranscriptsTable;
    office_calendar: OfficeCalendarTable;
  }
}
