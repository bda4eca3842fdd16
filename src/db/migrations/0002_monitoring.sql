-- Monitoring: review cycles, progress reports with per-milestone status, evidence, co-agency contributions,
-- milestone weights for roll-ups, and transfers of commitments between agencies.

ALTER TABLE milestones ADD COLUMN weight integer CHECK (weight IS NULL OR (weight > 0 AND weight <= 1000));

-- Reports, transfers and forum decisions are recorded in the history too.
ALTER TABLE history DROP CONSTRAINT history_action_check;
ALTER TABLE history ADD CONSTRAINT history_action_check
  CHECK (action IN ('create', 'update', 'delete', 'submit', 'revise', 'transfer', 'decide'));

CREATE TABLE review_cycles (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number > 0),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  report_due date NOT NULL,
  -- When the forum plans to review this cycle's reports; the meeting itself links back with forum_meetings.cycle_id.
  review_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, number),
  CHECK (starts_on <= ends_on),
  CHECK (report_due >= starts_on),
  CHECK (review_on IS NULL OR review_on >= starts_on)
);

-- One row per revision. A submitted revision is never edited: a new revision is drafted beside it and,
-- once submitted, the old one becomes 'superseded' and stays readable.
CREATE TABLE progress_reports (
  id serial PRIMARY KEY,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  cycle_id integer NOT NULL REFERENCES review_cycles (id),
  revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
  -- The lead agency when the report was written; it stays true after a transfer.
  agency_id integer NOT NULL REFERENCES agencies (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'superseded')),
  achievements jsonb NOT NULL,
  participation jsonb NOT NULL,
  civil_society_participants integer CHECK (civil_society_participants >= 0),
  government_participants integer CHECK (government_participants >= 0),
  problems jsonb NOT NULL,
  next_steps jsonb NOT NULL,
  budget_spent numeric(18, 2),
  budget_currency text,
  budget_note jsonb NOT NULL,
  author_id integer REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  submitted_at timestamptz,
  submitted_by_name text,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commitment_id, cycle_id, revision),
  CHECK ((state = 'draft') = (submitted_at IS NULL))
);
CREATE UNIQUE INDEX progress_reports_one_draft ON progress_reports (commitment_id, cycle_id) WHERE state = 'draft';
CREATE UNIQUE INDEX progress_reports_one_submitted ON progress_reports (commitment_id, cycle_id) WHERE state = 'submitted';
CREATE INDEX progress_reports_cycle_idx ON progress_reports (cycle_id, state);
CREATE INDEX progress_reports_agency_idx ON progress_reports (agency_id, submitted_at);

CREATE TABLE milestone_progress (
  report_id integer NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  -- No cascade: a milestone someone has reported on is not deleted from under the report.
  milestone_id integer NOT NULL REFERENCES milestones (id),
  status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed', 'delayed', 'withdrawn')),
  percent integer NOT NULL CHECK (percent BETWEEN 0 AND 100),
  reason jsonb NOT NULL,
  PRIMARY KEY (report_id, milestone_id)
);
CREATE INDEX milestone_progress_milestone_idx ON milestone_progress (milestone_id);

-- A link or an uploaded file (kept in the database, so both engines and backups hold it).
CREATE TABLE report_evidence (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  title text NOT NULL,
  url text,
  file_name text,
  media_type text,
  byte_size integer,
  sha256 text,
  content bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NULL) <> (content IS NULL))
);
CREATE INDEX report_evidence_report_idx ON report_evidence (report_id, id);

-- Supporting agencies add their part to the lead agency's draft.
CREATE TABLE report_contributions (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  agency_id integer NOT NULL REFERENCES agencies (id),
  body jsonb NOT NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_contributions_report_idx ON report_contributions (report_id, id);

CREATE TABLE commitment_transfers (
  id serial PRIMARY KEY,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  from_agency_id integer NOT NULL REFERENCES agencies (id),
  to_agency_id integer NOT NULL REFERENCES agencies (id),
  effective_on date NOT NULL,
  note jsonb NOT NULL,
  actor_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_agency_id <> to_agency_id)
);
CREATE INDEX commitment_transfers_commitment_idx ON commitment_transfers (commitment_id, effective_on);
