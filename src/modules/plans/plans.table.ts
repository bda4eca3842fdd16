/** The plans module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Selectable, Generated } from 'kysely';
import type { Timestamp, Json, LocalizedColumn } from '../../db/schema.js';
import type { Contact, Link, OgpValue } from '../../domain/plan.js';

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

export type PlanRow = Selectable<ActionPlansTable>;
export type CommitmentRow = Selectable<CommitmentsTable>;
export type MilestoneRow = Selectable<MilestonesTable>;
export type AreaRow = Selectable<AreasTable>;
export type AgencyRow = Selectable<AgenciesTable>;

declare module '../../db/schema.js' {
  interface DB {
    members: MembersTable;
    agencies: AgenciesTable;
    action_plans: ActionPlansTable;
    areas: AreasTable;
    commitments: CommitmentsTable;
    commitment_co_agencies: CommitmentCoAgenciesTable;
    milestones: MilestonesTable;
    commitment_transfers: CommitmentTransfersTable;
  }
}
