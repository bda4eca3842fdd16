/** The accounts module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
}

export interface UserAgenciesTable {
  user_id: number;
  agency_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
}

export interface SignInFailuresTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface DB {
    users: UsersTable;
    user_agencies: UserAgenciesTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
    sign_in_failures: SignInFailuresTable;
  }
}
