-- Issue #13, independent review, continued (ADR 0036): the action plan review's assessment of the co-creation
-- minimum requirements, prefilled from the platform's records and then the reviewers' own.

-- One row per requirement of an action plan review. `found` is what the records said when the report was started
-- (status, message key and params; null where they say nothing), kept as it was so readers see where the reviewers
-- agreed; `status` and `explanation` are the reviewers'.
CREATE TABLE review_requirements (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES review_reports (id) ON DELETE CASCADE,
  requirement text NOT NULL CHECK (requirement IN ('forum', 'website', 'repository', 'advance-notice', 'open-input', 'reasoned-response', 'ongoing-dialogue')),
  position integer NOT NULL,
  found jsonb,
  status text CHECK (status IN ('met', 'in-progress', 'not-met')),
  explanation jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, requirement)
);
SELECT cocreate_watch('review_requirements');

-- The government's own yearly self-assessment of a plan (issue #13, item 10): per commitment, its latest status and
-- the government's narrative; public comment before the reviewers' work, answered by the secretariat; then
-- published, never changed. Draft → comment → published, as a review's report.
CREATE TABLE self_assessments (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'comment', 'published')),
  title jsonb NOT NULL,
  summary jsonb NOT NULL,
  comment_days integer NOT NULL DEFAULT 14 CHECK (comment_days BETWEEN 1 AND 90),
  comment_opens_at timestamptz,
  comment_closes_at timestamptz,
  published_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, year),
  CHECK ((state = 'published') = (published_at IS NOT NULL)),
  CHECK (state <> 'comment' OR (comment_opens_at IS NOT NULL AND comment_closes_at > comment_opens_at))
);
SELECT cocreate_watch('self_assessments');

-- One entry per commitment: the status the monitoring showed when the assessment was started (the government may
-- correct it) and its narrative.
CREATE TABLE self_assessment_entries (
  id serial PRIMARY KEY,
  assessment_id integer NOT NULL REFERENCES self_assessments (id) ON DELETE CASCADE,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  position integer NOT NULL,
  status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed', 'withdrawn')),
  narrative jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assessment_id, commitment_id)
);
CREATE INDEX self_assessment_entries_commitment_idx ON self_assessment_entries (commitment_id);
SELECT cocreate_watch('self_assessment_entries');

-- Comments on a self-assessment in its comment period (or on one commitment's entry) are inputs, answered by the
-- secretariat: they count in the government's response figures, unlike the comments on a review's draft.
ALTER TABLE inputs DROP CONSTRAINT inputs_target_type_check;
ALTER TABLE inputs ADD CONSTRAINT inputs_target_type_check
  CHECK (target_type IN ('plan', 'section', 'area', 'commitment', 'milestone', 'report', 'meeting', 'review', 'review-unit', 'self-assessment', 'self-assessment-entry'));
