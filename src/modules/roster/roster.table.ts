/** The roster module's tables, as Kysely types written to match migration 0010; they join the `DB` type by declaration merging. */
import type { Generated } from 'kysely';
import type { Json, LocalizedColumn, Timestamp } from '../../db/schema.js';
import type { Localized } from '../../domain/localized.js';
import type { TieBreak } from './roster.model.js';

export interface ForumRulesTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  effective_on: string;
  body: LocalizedColumn;
  change_note: LocalizedColumn;
  published_at: Timestamp;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NominationCallsTable {
  id: Generated<number>;
  plan_id: number;
  title: LocalizedColumn;
  seats: number;
  eligibility: LocalizedColumn;
  nominations_open_on: string;
  nominations_close_on: string;
  term_starts_on: string;
  term_ends_on: string;
  method: string;
  voting_opens_on: string | null;
  voting_closes_on: string | null;
  tie_rule: string | null;
  panel: LocalizedColumn;
  ballots_cast: Generated<number>;
  result_published_at: Timestamp | null;
  eligible_voters: number | null;
  tie_break: Json<TieBreak> | null;
  result_note: Json<Localized> | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NominationsTable {
  id: Generated<number>;
  call_id: number;
  nominee_id: number;
  nominator_id: number | null;
  self_nominated: boolean;
  statement: LocalizedColumn;
  status: Generated<string>;
  hidden_reason: Json<Localized> | null;
  votes: number | null;
  selected: Generated<boolean>;
  selection_reason: Json<Localized> | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Who has voted in a call: nothing else, so it cannot be joined to the tallies (ADR 0026). */
export interface CallVotersTable {
  call_id: number;
  user_id: number;
}

/** Votes per nominee: no voter, no time (ADR 0026). */
export interface BallotTalliesTable {
  call_id: number;
  nomination_id: number;
  votes: Generated<number>;
}

export interface ForumSeatsTable {
  id: Generated<number>;
  plan_id: number;
  sector: string;
  role: string;
  starts_on: string;
  ends_on: string | null;
  user_id: number | null;
  holder_name: LocalizedColumn;
  agency_id: number | null;
  filled_by: string;
  call_id: number | null;
  nomination_id: number | null;
  replaces_seat_id: number | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    forum_rules: ForumRulesTable;
    nomination_calls: NominationCallsTable;
    nominations: NominationsTable;
    call_voters: CallVotersTable;
    ballot_tallies: BallotTalliesTable;
    forum_seats: ForumSeatsTable;
  }
}
