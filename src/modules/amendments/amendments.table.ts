/** The amendments module's tables, as Kysely types written to match migration 0016; they join `DB` by declaration merging. */
import type { Generated } from 'kysely';
import type { Json, LocalizedColumn, Timestamp } from '../../db/schema.js';
import type { FieldChange } from '../../domain/history.js';
import type { PlanSnapshot } from './amendments.model.js';

export interface PlanAdoptionsTable {
  plan_id: number;
  authority: LocalizedColumn;
  adopted_on: string;
  document_url: string | null;
  document_reference: Generated<string>;
  actor_id: number | null;
  actor_name: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface PlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  number: number;
  snapshot: Json<PlanSnapshot>;
  resolution_id: number | null;
  made_on: string;
  created_at: Timestamp;
}

export interface AmendmentsTable {
  id: Generated<number>;
  plan_id: number;
  commitment_id: number;
  milestone_id: number | null;
  changes: Json<FieldChange[]>;
  reason: string;
  status: Generated<string>;
  proposer_id: number | null;
  proposer_name: string;
  meeting_id: number | null;
  resolution_id: number | null;
  plan_version: number | null;
  decided_at: Date | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EditorialCorrectionsTable {
  id: Generated<number>;
  plan_id: number;
  commitment_id: number;
  milestone_id: number | null;
  changes: Json<FieldChange[]>;
  note: Generated<string>;
  actor_id: number | null;
  actor_name: string;
  at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    plan_adoptions: PlanAdoptionsTable;
    plan_versions: PlanVersionsTable;
    amendments: AmendmentsTable;
    editorial_corrections: EditorialCorrectionsTable;
  }
}
