/** The history module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated } from 'kysely';
import type { Timestamp, Json } from '../../db/schema.js';
import type { Localized } from '../../domain/localized.js';
import type { FieldChange } from '../../domain/history.js';

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

declare module '../../db/schema.js' {
  interface DB {
    history: HistoryTable;
  }
}
