import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../../domain/localized.js';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, Date | undefined, Date>;

export interface SelfAssessmentsTable {
  id: Generated<number>;
  plan_id: number;
  year: number;
  state: Generated<string>;
  title: Json<Localized>;
  summary: Json<Localized>;
  comment_days: Generated<number>;
  comment_opens_at: Date | null;
  comment_closes_at: Date | null;
  published_at: Date | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface SelfAssessmentEntriesTable {
  id: Generated<number>;
  assessment_id: number;
  commitment_id: number;
  position: number;
  status: string;
  narrative: Json<Localized>;
  version: Generated<number>;
  updated_at: Stamp;
}

declare module '../../db/schema.js' {
  interface DB {
    self_assessments: SelfAssessmentsTable;
    self_assessment_entries: SelfAssessmentEntriesTable;
  }
}
