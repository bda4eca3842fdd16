-- Public input with a reasoned response (issue #12): consultations, inputs (comments, proposals, replies), the
-- response each input is owed, reports and moderation, suspensions.

-- A dated window for input on a draft plan, one of its sections, an area, a commitment or a milestone. `audience`:
-- 'public' (anyone signed in) or 'internal' (the round of agencies and forum members before sections are merged).
CREATE TABLE consultations (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  target_type text NOT NULL CHECK (target_type IN ('plan', 'section', 'area', 'commitment', 'milestone')),
  -- The plan's id for 'plan' and 'section'; else the area's, commitment's or milestone's.
  target_id integer NOT NULL,
  -- Which part of the plan document, for 'section' (the plan's own text fields).
  section text CHECK (section IS NULL OR section ~ '^[a-zA-Z]{1,40}$'),
  title jsonb NOT NULL,
  question jsonb NOT NULL,
  audience text NOT NULL DEFAULT 'public' CHECK (audience IN ('public', 'internal')),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  -- Its place in the plan's timeline (co-creation phases).
  phase_id integer REFERENCES cocreation_phases (id) ON DELETE SET NULL,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at),
  CHECK ((target_type = 'section') = (section IS NOT NULL))
);
CREATE INDEX consultations_plan_idx ON consultations (plan_id, opens_at);
SELECT cocreate_watch('consultations');

-- An input: a comment on something of the plan (or a reply to one, one level deep), or a proposal of a new
-- commitment. Inputs gathered elsewhere (JOIN, a meeting's notes) are imported with their source, date and link and
-- have no author account.
CREATE TABLE inputs (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('comment', 'proposal', 'reply')),
  target_type text NOT NULL CHECK (target_type IN ('plan', 'section', 'area', 'commitment', 'milestone', 'report', 'meeting')),
  target_id integer NOT NULL,
  section text,
  -- The commitment it concerns (for a commitment, a milestone or a report), so its page and its agency find it.
  commitment_id integer REFERENCES commitments (id) ON DELETE CASCADE,
  consultation_id integer REFERENCES consultations (id) ON DELETE SET NULL,
  parent_id integer REFERENCES inputs (id) ON DELETE CASCADE,
  author_id integer REFERENCES users (id) ON DELETE SET NULL,
  -- Imported inputs: who (as the source names them, often nobody), where from, a link.
  author_name text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT 'site' CHECK (source IN ('site', 'join', 'meeting', 'email', 'other')),
  source_url text,
  -- The language it was written in; inputs are people's own words, not translated content.
  lang text NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en')),
  body text NOT NULL,
  -- A proposal's parts (kind 'proposal'): title, public problem, suggested action, proposed lead agency.
  title text NOT NULL DEFAULT '',
  problem text NOT NULL DEFAULT '',
  suggested_action text NOT NULL DEFAULT '',
  proposed_agency_id integer REFERENCES agencies (id),
  -- 'published' (everyone), 'internal' (an internal round's audience), 'hidden' (moderators), 'withdrawn' (author).
  state text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'internal', 'hidden', 'withdrawn')),
  -- Who owes the answer: the agency (lead agency of the commitment, or the proposal's), or the secretariat (null);
  -- forum matters (a meeting) may also be answered by a co-convener.
  agency_id integer REFERENCES agencies (id),
  forum_matter boolean NOT NULL DEFAULT false,
  -- The reasoned response.
  response_state text NOT NULL DEFAULT 'pending'
    CHECK (response_state IN ('pending', 'adopted', 'partly-adopted', 'not-adopted', 'referred', 'noted')),
  response_reason jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  referred_to text NOT NULL DEFAULT '',
  -- The change the input caused: a history entry of the commitment or milestone.
  change_history_id integer REFERENCES history (id) ON DELETE SET NULL,
  responded_by integer REFERENCES users (id) ON DELETE SET NULL,
  responded_by_name text NOT NULL DEFAULT '',
  responded_at timestamptz,
  -- Moderation: the public reason stays in the input's place; the author may appeal once.
  hidden_at timestamptz,
  hidden_reason text NOT NULL DEFAULT '',
  appeal text NOT NULL DEFAULT '',
  appealed_at timestamptz,
  appeal_decision text CHECK (appeal_decision IS NULL OR appeal_decision IN ('upheld', 'reinstated')),
  withdrawn_at timestamptz,
  edited_at timestamptz,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'reply') = (parent_id IS NOT NULL)),
  CHECK (response_state IN ('pending', 'adopted', 'noted') OR response_reason ->> 'zh' <> '' OR response_reason ->> 'en' <> ''),
  CHECK (response_state <> 'referred' OR referred_to <> '')
);
CREATE INDEX inputs_plan_idx ON inputs (plan_id, submitted_at);
CREATE INDEX inputs_commitment_idx ON inputs (commitment_id, submitted_at) WHERE commitment_id IS NOT NULL;
CREATE INDEX inputs_target_idx ON inputs (target_type, target_id, submitted_at);
CREATE INDEX inputs_parent_idx ON inputs (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX inputs_consultation_idx ON inputs (consultation_id) WHERE consultation_id IS NOT NULL;
CREATE INDEX inputs_author_idx ON inputs (author_id) WHERE author_id IS NOT NULL;
SELECT cocreate_watch('inputs');

-- Reports of an input by people signed in: one per person and input. Moderators only.
CREATE TABLE input_reports (
  id serial PRIMARY KEY,
  input_id integer NOT NULL REFERENCES inputs (id) ON DELETE CASCADE,
  reporter_id integer REFERENCES users (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (reason IN ('spam', 'abuse', 'off-topic', 'personal-data')),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (input_id, reporter_id)
);
CREATE INDEX input_reports_open_idx ON input_reports (created_at) WHERE resolved_at IS NULL;

-- Every moderation act, for the moderators and the admin.
CREATE TABLE moderation_log (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  moderator_id integer REFERENCES users (id) ON DELETE SET NULL,
  moderator_name text NOT NULL,
  act text NOT NULL CHECK (act IN ('hide', 'restore', 'dismiss-reports', 'appeal-upheld', 'appeal-reinstated', 'suspend', 'lift-suspension')),
  input_id integer REFERENCES inputs (id) ON DELETE SET NULL,
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  reason text NOT NULL DEFAULT ''
);
CREATE INDEX moderation_log_at_idx ON moderation_log (at DESC);

-- An account may not post inputs or reports while suspended.
CREATE TABLE account_suspensions (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  reason text NOT NULL,
  moderator_id integer REFERENCES users (id) ON DELETE SET NULL,
  lifted_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX account_suspensions_user_idx ON account_suspensions (user_id, ends_at);
