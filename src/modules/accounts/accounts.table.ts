/** The accounts module's tables, as Kysely types written to match its migrations; they join the `DB` type by declaration merging. */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/schema.js';
import type { Localized } from '../../domain/localized.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  organisation: string | null;
  stakeholder_group: string | null;
  region: string | null;
  profile_public: Generated<boolean>;
  email_confirmed_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface StakeholderGroupsTable {
  code: string;
  name: Json<Localized>;
  position: number;
}

export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  scope: string;
  scope_id: number | null;
  source: string;
  starts_on: string | null;
  ends_on: string | null;
  // Timestamp already lets an insert leave it out (the column defaults to now()).
  granted_at: Timestamp;
}

export interface EmailTokensTable {
  token_hash: string;
  user_id: number;
  purpose: 'confirm' | 'reset';
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
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
  /** What the token may do (migration 0018, ADR 0034): 'read' only GET and HEAD, 'write' what its user may. */
  scope: 'read' | 'write';
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
    stakeholder_groups: StakeholderGroupsTable;
    role_grants: RoleGrantsTable;
    email_tokens: EmailTokensTable;
  }
}
