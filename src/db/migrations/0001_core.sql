-- Core: members, agencies, plans, areas, commitments, milestones, accounts, sessions, history.
-- Localized text is JSONB {"zh": text, "en": text, "status": "missing"|"draft"|"reviewed"} (ADR 0004).

CREATE TABLE members (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('national', 'local', 'parliament', 'civil-society')),
  name jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agencies (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name jsonb NOT NULL,
  successor_id integer REFERENCES agencies (id),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (successor_id IS NULL OR successor_id <> id)
);

CREATE TABLE action_plans (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  member_id integer NOT NULL REFERENCES members (id),
  title jsonb NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  status text NOT NULL DEFAULT 'drafting'
    CHECK (status IN ('drafting', 'consultation', 'adopted', 'implementing', 'closed')),
  introduction jsonb NOT NULL,
  efforts_to_date jsonb NOT NULL,
  development_process jsonb NOT NULL,
  commitments_intro jsonb NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_start <= period_end)
);
CREATE INDEX action_plans_member_idx ON action_plans (member_id);

CREATE TABLE areas (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX areas_plan_idx ON areas (plan_id, position);

CREATE TABLE commitments (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  area_id integer NOT NULL REFERENCES areas (id),
  number text NOT NULL,
  ogp_id text,
  title jsonb NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  lead_agency_id integer NOT NULL REFERENCES agencies (id),
  contact jsonb NOT NULL DEFAULT '{}'::jsonb,
  other_actors jsonb NOT NULL,
  problem jsonb NOT NULL,
  objective jsonb NOT NULL,
  brief_description jsonb NOT NULL,
  description jsonb NOT NULL,
  contribution jsonb NOT NULL,
  ogp_values jsonb NOT NULL DEFAULT '[]'::jsonb,
  sdg_targets jsonb NOT NULL DEFAULT '[]'::jsonb,
  budget_amount numeric(18, 2),
  budget_currency text,
  budget_note jsonb NOT NULL,
  links jsonb NOT NULL DEFAULT '[]'::jsonb,
  origin text NOT NULL CHECK (origin IN ('civil-society', 'government', 'joint')),
  status text NOT NULL DEFAULT 'not-started'
    CHECK (status IN ('not-started', 'in-progress', 'completed', 'withdrawn')),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number),
  CHECK (start_date <= end_date)
);
CREATE UNIQUE INDEX commitments_ogp_id_idx ON commitments (ogp_id) WHERE ogp_id IS NOT NULL;
CREATE INDEX commitments_area_idx ON commitments (area_id);
CREATE INDEX commitments_lead_agency_idx ON commitments (lead_agency_id);

CREATE TABLE commitment_co_agencies (
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  agency_id integer NOT NULL REFERENCES agencies (id),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (commitment_id, agency_id)
);
CREATE INDEX commitment_co_agencies_agency_idx ON commitment_co_agencies (agency_id);

CREATE TABLE milestones (
  id serial PRIMARY KEY,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  position integer NOT NULL,
  deliverable jsonb NOT NULL,
  indicator jsonb NOT NULL,
  target jsonb NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date <= end_date)
);
CREATE INDEX milestones_commitment_idx ON milestones (commitment_id, position);

CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'secretariat', 'agency-officer', 'public')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_agencies (
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  agency_id integer NOT NULL REFERENCES agencies (id),
  PRIMARY KEY (user_id, agency_id)
);

-- Only a hash of the session token is stored, so a database leak gives no live sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);

-- Fixed-window counters shared by every process on the same database.
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);

-- Who changed what, when: one row per create/update/delete of plan content, written in the same transaction.
CREATE TABLE history (
  id serial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id integer NOT NULL,
  plan_id integer,
  commitment_id integer,
  action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  actor_id integer REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  changes jsonb NOT NULL,
  summary jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX history_entity_idx ON history (entity_type, entity_id, id);
CREATE INDEX history_commitment_idx ON history (commitment_id, id);
CREATE INDEX history_plan_idx ON history (plan_id, id);
