-- The forum: its meetings (with attendance by sector), the progress reports each meeting reviewed,
-- and its resolutions, each kept open ("keep tracking") or closed by a decision at a later meeting.

CREATE TABLE forum_meetings (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  -- The review cycle whose reports this meeting reviewed, if any.
  cycle_id integer REFERENCES review_cycles (id) ON DELETE SET NULL,
  held_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('plenary', 'working-group', 'other')),
  title jsonb NOT NULL,
  attendance_government integer NOT NULL DEFAULT 0 CHECK (attendance_government >= 0),
  attendance_civil_society integer NOT NULL DEFAULT 0 CHECK (attendance_civil_society >= 0),
  attendance_other integer NOT NULL DEFAULT 0 CHECK (attendance_other >= 0),
  agenda jsonb NOT NULL,
  minutes jsonb NOT NULL,
  links jsonb NOT NULL DEFAULT '[]',
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_meetings_plan_idx ON forum_meetings (plan_id, held_on);

CREATE TABLE meeting_reports (
  meeting_id integer NOT NULL REFERENCES forum_meetings (id) ON DELETE CASCADE,
  report_id integer NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  -- Picked by the secretariat to be presented, with the story of how government and civil society worked together.
  showcased boolean NOT NULL DEFAULT false,
  story jsonb NOT NULL,
  PRIMARY KEY (meeting_id, report_id)
);

CREATE TABLE resolutions (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  meeting_id integer NOT NULL REFERENCES forum_meetings (id),
  number text NOT NULL,
  body jsonb NOT NULL,
  owner_agency_id integer REFERENCES agencies (id),
  due_on date,
  -- The latest decision's status, kept here so open resolutions are one indexed query.
  status text NOT NULL DEFAULT 'keep-tracking' CHECK (status IN ('keep-tracking', 'closed')),
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number)
);
CREATE INDEX resolutions_plan_status_idx ON resolutions (plan_id, status);

CREATE TABLE resolution_decisions (
  id serial PRIMARY KEY,
  resolution_id integer NOT NULL REFERENCES resolutions (id) ON DELETE CASCADE,
  meeting_id integer NOT NULL REFERENCES forum_meetings (id),
  status text NOT NULL CHECK (status IN ('keep-tracking', 'closed')),
  note jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (resolution_id, meeting_id)
);
