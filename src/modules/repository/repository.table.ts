import type { ColumnType, Generated } from 'kysely';
import type { Localized } from '../../domain/localized.js';

type Json<T> = ColumnType<T, string, string>;

export interface RepositoryDocumentsTable {
  id: Generated<number>;
  plan_id: number | null;
  meeting_id: number | null;
  commitment_id: number | null;
  kind: string;
  language: string;
  document_date: ColumnType<string, string, string>;
  title: Json<Localized>;
  description: Json<Localized>;
  url: string | null;
  file_name: string | null;
  media_type: string | null;
  byte_size: number | null;
  sha256: string | null;
  content: Uint8Array | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../db/schema.js' {
  interface DB {
    repository_documents: RepositoryDocumentsTable;
  }
}
