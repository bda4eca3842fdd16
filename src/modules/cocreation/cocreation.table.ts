/** The co-creation module's table, as a Kysely type written to match migration 0013; it joins `DB` by declaration merging. */
import type { Generated } from 'kysely';
import type { LocalizedColumn, Timestamp } from '../../db/schema.js';

export interface CocreationPhasesTable {
  id: Generated<number>;
  plan_id: number;
  kind: string;
  starts_on: string;
  ends_on: string;
  published_on: string;
  description: LocalizedColumn;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    cocreation_phases: CocreationPhasesTable;
  }
}
