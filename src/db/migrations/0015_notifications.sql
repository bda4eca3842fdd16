-- Notifications (issue #12): who follows what, what each person was told, their mail settings, and the outbox of
-- mail written in the same transaction as the write it speaks of (ADR 0028). No public page shows any of these
-- tables, so none raises change events (db/change-events.ts, PRIVATE_TABLES).

-- One row per person and thing followed. The target is named by type and id, not by a foreign key: the things
-- followed live in several modules' tables; a follow of something gone is harmless (nothing will notify it).
CREATE TABLE follows (
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  target_type text NOT NULL CHECK (target_type IN ('plan', 'commitment', 'working-group', 'consultation', 'input')),
  target_id integer NOT NULL CHECK (target_id > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, target_type, target_id)
);
-- notify() asks who follows a target.
CREATE INDEX follows_target_idx ON follows (target_type, target_id);

-- What a person was told: a one-line title in both languages and the language-free site path of the thing.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  plan_id integer,
  title jsonb NOT NULL,
  path text NOT NULL CHECK (path LIKE '/%'),
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
-- The list, newest first.
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
-- The header's unread count, on every signed-in page view: an index of the unread only.
CREATE INDEX notifications_unread_idx ON notifications (user_id, created_at) WHERE read_at IS NULL;

-- Mail settings; a person without a row has the defaults (a daily digest, in Chinese).
CREATE TABLE notification_settings (
  user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  email text NOT NULL DEFAULT 'daily' CHECK (email IN ('immediate', 'daily', 'off')),
  lang text NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en')),
  -- The hash of the newest one-click unsubscribe token mailed; earlier mails' tokens are in unsubscribe_tokens.
  unsubscribe_token_hash text,
  -- Notifications after this went into no digest yet.
  last_digest_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every one-click unsubscribe token mailed (random, stored hashed), so the link in any earlier mail still works.
CREATE TABLE unsubscribe_tokens (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
CREATE INDEX unsubscribe_tokens_user_idx ON unsubscribe_tokens (user_id);

-- The durable outbox (ADR 0028): a row exists iff the write that caused it committed; a dispatcher claims due rows
-- (claimed_until, claim_token) in a commit of its own before sending, and marks sent_at after the SMTP server's 250.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  dedupe_key text UNIQUE,
  kind text NOT NULL,
  recipient_user_id integer REFERENCES users (id) ON DELETE CASCADE,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  claimed_until timestamptz,
  claim_token text,
  sent_at timestamptz,
  gave_up_at timestamptz,
  last_error text
);
-- What the dispatcher looks for: unsent rows not given up, by when they are due.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX outbox_recipient_idx ON outbox (recipient_user_id);
