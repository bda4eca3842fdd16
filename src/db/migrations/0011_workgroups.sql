-- Working groups (issue #11): one per commitment or thematic across several; anyone signed in joins or leaves.

-- Every added column has a default, so a row made with only its plan and slug (other capabilities' tests) is valid.
CREATE TABLE working_groups (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  kind text NOT NULL DEFAULT 'commitment' CHECK (kind IN ('commitment', 'thematic')),
  name jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  purpose jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  -- The operating rules (工作分組的運作規範); each earlier text stays in the history.
  rules jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  -- The chair: the lead agency's deputy head, by name (or office) and agency; an account when they have one.
  chair_name jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  chair_agency_id integer REFERENCES agencies (id),
  chair_user_id integer REFERENCES users (id) ON DELETE SET NULL,
  -- The civil-society co-chair: an account, or a name alone.
  co_chair_name jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  co_chair_user_id integer REFERENCES users (id) ON DELETE SET NULL,
  is_open boolean NOT NULL DEFAULT true,
  -- Published with the closing: a group is never closed without saying why.
  closed_reason jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, slug),
  CHECK (is_open OR closed_reason ->> 'zh' <> '' OR closed_reason ->> 'en' <> '')
);
SELECT cocreate_watch('working_groups');

-- The commitments a group works on: one for a commitment's group, several for a thematic one.
CREATE TABLE working_group_commitments (
  working_group_id integer NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  PRIMARY KEY (working_group_id, commitment_id)
);
CREATE INDEX working_group_commitments_commitment_idx ON working_group_commitments (commitment_id);
SELECT cocreate_watch('working_group_commitments', 'working_group_id', 'working_groups');

-- Members. `listed`: the member consented to appear on the public roster (off until they say so);
-- `listing_hidden`: a moderator took the listing down, and only a moderator puts it back.
CREATE TABLE working_group_members (
  working_group_id integer NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  listed boolean NOT NULL DEFAULT false,
  listing_hidden boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (working_group_id, user_id)
);
CREATE INDEX working_group_members_user_idx ON working_group_members (user_id);
-- The public roster and the member counts show it.
SELECT cocreate_watch('working_group_members', 'working_group_id', 'working_groups');

-- The survey of forum members' willingness (調查民間委員參與意願): one answer per member and group, seen by the
-- secretariat only (private: PRIVATE_TABLES).
CREATE TABLE working_group_survey_answers (
  working_group_id integer NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  answer text NOT NULL CHECK (answer IN ('join', 'co-chair', 'not-now')),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (working_group_id, user_id)
);
CREATE INDEX working_group_survey_answers_user_idx ON working_group_survey_answers (user_id);
