-- Adoption and change control (issue #14, item 1; ADR 0031). A plan's adoption (the authority that approved it, the
-- day, the approval document) freezes its official text as version 1; each later version is a snapshot of the same
-- shape, made when the forum's decision applies amendments. An amendment is a proposed change to the substance of an
-- adopted commitment or milestone, with its reason, the meeting whose agenda it is on and the resolution that decided
-- it. An editorial correction is a change the secretariat made directly, labelled so with its note.

CREATE TABLE plan_adoptions (
  plan_id integer PRIMARY KEY REFERENCES action_plans (id) ON DELETE CASCADE,
  authority jsonb NOT NULL,
  adopted_on date NOT NULL,
  document_url text,
  document_reference text NOT NULL DEFAULT '',
  actor_id integer REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
SELECT cocreate_watch('plan_adoptions');

CREATE TABLE plan_versions (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  -- The official text at this version: the plan's title and period, its areas, commitments and milestones.
  snapshot jsonb NOT NULL,
  -- The resolution whose decision made it (none for version 1, the adopted text).
  resolution_id integer REFERENCES resolutions (id) ON DELETE RESTRICT,
  made_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number)
);
SELECT cocreate_watch('plan_versions');

CREATE TABLE amendments (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  milestone_id integer REFERENCES milestones (id) ON DELETE CASCADE,
  -- [{ field, before, after }]: the substantive fields it changes, each as it was when proposed and as proposed.
  changes jsonb NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'scheduled', 'applied', 'rejected')),
  proposer_id integer REFERENCES users (id) ON DELETE SET NULL,
  proposer_name text NOT NULL,
  meeting_id integer REFERENCES forum_meetings (id) ON DELETE RESTRICT,
  resolution_id integer REFERENCES resolutions (id) ON DELETE RESTRICT,
  -- The plan version the applied change first appears in.
  plan_version integer,
  decided_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('scheduled', 'applied', 'rejected') OR meeting_id IS NOT NULL),
  CHECK (status NOT IN ('applied', 'rejected') OR resolution_id IS NOT NULL)
);
CREATE INDEX amendments_plan_idx ON amendments (plan_id, id);
CREATE INDEX amendments_commitment_idx ON amendments (commitment_id, id);
SELECT cocreate_watch('amendments');

CREATE TABLE editorial_corrections (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  milestone_id integer REFERENCES milestones (id) ON DELETE CASCADE,
  changes jsonb NOT NULL,
  note text NOT NULL DEFAULT '',
  actor_id integer REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX editorial_corrections_plan_idx ON editorial_corrections (plan_id, id);
SELECT cocreate_watch('editorial_corrections');
