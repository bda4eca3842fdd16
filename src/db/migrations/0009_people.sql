-- People (issue #11): accounts anyone can open, their profiles, and roles held within a scope.

-- The profile. E-mail stays in users and is never shown publicly; a deleted account keeps its row (so public
-- contributions stay attributed, as "former participant") with its personal data removed.
ALTER TABLE users
  ADD COLUMN organisation text,
  ADD COLUMN stakeholder_group text,
  ADD COLUMN region text,
  ADD COLUMN profile_public boolean NOT NULL DEFAULT false,
  ADD COLUMN email_confirmed_at timestamptz,
  ADD COLUMN deleted_at timestamptz;
-- Accounts made by the operator before sign-up existed need no confirmation.
UPDATE users SET email_confirmed_at = created_at;

-- The configurable list of stakeholder groups: profiles and meeting attendance are counted by it.
CREATE TABLE stakeholder_groups (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{0,39}$'),
  name jsonb NOT NULL,
  position integer NOT NULL
);
INSERT INTO stakeholder_groups (code, name, position) VALUES
  ('government', '{"zh": "政府", "en": "Government", "status": "reviewed"}', 1),
  ('civil-society', '{"zh": "公民團體", "en": "Civil society organisations", "status": "reviewed"}', 2),
  ('private-sector', '{"zh": "私部門", "en": "Private sector", "status": "reviewed"}', 3),
  ('academia', '{"zh": "學界", "en": "Academia", "status": "reviewed"}', 4),
  ('indigenous', '{"zh": "原住民族", "en": "Indigenous peoples", "status": "reviewed"}', 5),
  ('new-immigrants', '{"zh": "新住民", "en": "New immigrants", "status": "reviewed"}', 6),
  ('youth', '{"zh": "青年", "en": "Youth", "status": "reviewed"}', 7),
  ('other', '{"zh": "其他", "en": "Other", "status": "reviewed"}', 8);
ALTER TABLE users ADD CONSTRAINT users_stakeholder_group_fk FOREIGN KEY (stakeholder_group) REFERENCES stakeholder_groups (code);

-- Roles on top of the account's role, each within a scope (domain/authorization.ts: SCOPED_ROLES, SCOPE_KINDS).
CREATE TABLE role_grants (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('forum-member', 'co-convener', 'working-group-chair', 'moderator')),
  scope text NOT NULL CHECK (scope IN ('site', 'plan', 'working-group', 'agency')),
  scope_id integer,
  -- What granted it (a forum seat, a working group's chair, the admin), so ending that takes it back.
  source text NOT NULL,
  -- A seat's term: the role holds from the first day to the last (either open); outside it the grant is ignored.
  starts_on date,
  ends_on date,
  granted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'site') = (scope_id IS NULL)),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX role_grants_unique_idx ON role_grants (user_id, role, scope, coalesce(scope_id, 0), source);

-- One-use links sent by e-mail: confirm the address, reset the password. Only a hash of the token is stored.
CREATE TABLE email_tokens (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('confirm', 'reset')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX email_tokens_user_idx ON email_tokens (user_id);

-- Public pages now show people's names and public profiles (rosters, working groups): their changes drop cached pages.
SELECT cocreate_watch('users');
SELECT cocreate_watch('stakeholder_groups');
