/** The notifications module's tables, as Kysely types written to match migration 0015; they join `DB` by declaration merging. */
import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/schema.js';

export interface FollowsTable {
  user_id: number;
  target_type: string;
  target_id: number;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  plan_id: number | null;
  title: Json<{ zh: string; en: string }>;
  path: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationSettingsTable {
  user_id: number;
  email: Generated<string>;
  lang: Generated<string>;
  unsubscribe_token_hash: string | null;
  last_digest_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface UnsubscribeTokensTable {
  token_hash: string;
  user_id: number;
  created_at: Timestamp;
}

/** A mail as the outbox keeps it until sent (ADR 0028). */
export interface OutboxPayload {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
}

export interface OutboxTable {
  id: Generated<number>;
  dedupe_key: string | null;
  kind: string;
  recipient_user_id: number | null;
  payload: Json<OutboxPayload>;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  claim_token: string | null;
  sent_at: Timestamp | null;
  gave_up_at: Timestamp | null;
  last_error: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    follows: FollowsTable;
    notifications: NotificationsTable;
    notification_settings: NotificationSettingsTable;
    unsubscribe_tokens: UnsubscribeTokensTable;
    outbox: OutboxTable;
  }
}
