-- Issue #13, independent review (ADR 0036): engagements, their reviewers and funding, the reports (co-creation
-- brief, action plan review, results report) with their units and ratings, recommendations tracked into later
-- plans, and the reviewers' interview log.

-- The reviewer: a scoped role held within one engagement, given by adding the person to it (source 'engagement:…').
ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check
  CHECK (role IN ('forum-member', 'co-convener', 'working-group-chair', 'moderator', 'translator', 'reviewer'));
ALTER TABLE role_grants DROP CONSTRAINT role_grants_scope_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_scope_check
  CHECK (scope IN ('site', 'plan', 'working-group', 'agency', 'engagement'));

-- Comments on a review's draft in its comment period (or on one of its units) are inputs (issue #12's), answered by
-- the reviewers.
ALTER TABLE inputs DROP CONSTRAINT inputs_target_type_check;
ALTER TABLE inputs ADD CONSTRAINT inputs_target_type_check
  CHECK (target_type IN ('plan', 'section', 'area', 'commitment', 'milestone', 'report', 'meeting', 'review', 'review-unit'));

-- A review commissioned for one or more plans ("a review of the two plans"), its period and terms of reference.
-- Engagements are public from the start: who reviews, who pays and on what terms is what makes a review credible.
CREATE TABLE review_engagements (
  id serial PRIMARY KEY,
  title jsonb NOT NULL,
  terms_of_reference jsonb NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_end >= period_start)
);
SELECT cocreate_watch('review_engagements');

CREATE TABLE review_engagement_plans (
  engagement_id integer NOT NULL REFERENCES review_engagements (id) ON DELETE CASCADE,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  PRIMARY KEY (engagement_id, plan_id)
);
CREATE INDEX review_engagement_plans_plan_idx ON review_engagement_plans (plan_id);
SELECT cocreate_watch('review_engagement_plans');

-- The engagement's reviewers, each with a role and a public declaration: affiliations and interests (conflicts).
CREATE TABLE review_reviewers (
  engagement_id integer NOT NULL REFERENCES review_engagements (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('lead-reviewer', 'international-reviewer', 'local-research-partner', 'reviewer')),
  affiliations jsonb NOT NULL,
  interests jsonb NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (engagement_id, user_id)
);
CREATE INDEX review_reviewers_user_idx ON review_reviewers (user_id);
SELECT cocreate_watch('review_reviewers');

-- Who pays for the review, by source and share (the seeds: not the government it reviews alone).
CREATE TABLE review_funding (
  id serial PRIMARY KEY,
  engagement_id integer NOT NULL REFERENCES review_engagements (id) ON DELETE CASCADE,
  position integer NOT NULL,
  source jsonb NOT NULL,
  sector text NOT NULL CHECK (sector IN ('government', 'civil-society', 'international', 'private', 'academia')),
  share_percent numeric(5, 2) NOT NULL CHECK (share_percent > 0 AND share_percent <= 100)
);
CREATE INDEX review_funding_engagement_idx ON review_funding (engagement_id, position);
SELECT cocreate_watch('review_funding');

-- A report of the engagement on one plan. Draft → comment (public, comments taken until comment_closes_at) →
-- published (immutable). A correction is a new edition (previous_id) published with a change note.
CREATE TABLE review_reports (
  id serial PRIMARY KEY,
  engagement_id integer NOT NULL REFERENCES review_engagements (id) ON DELETE CASCADE,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('cocreation-brief', 'action-plan-review', 'results-report')),
  scale_set text NOT NULL CHECK (scale_set IN ('current', 'legacy')),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'comment', 'published')),
  edition integer NOT NULL DEFAULT 1 CHECK (edition >= 1),
  previous_id integer REFERENCES review_reports (id) ON DELETE SET NULL,
  change_note jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  title jsonb NOT NULL,
  overview jsonb NOT NULL,
  comment_days integer NOT NULL DEFAULT 14 CHECK (comment_days BETWEEN 1 AND 90),
  comment_opens_at timestamptz,
  comment_closes_at timestamptz,
  published_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'published') = (published_at IS NOT NULL)),
  CHECK (state <> 'comment' OR (comment_opens_at IS NOT NULL AND comment_closes_at > comment_opens_at)),
  CHECK ((edition = 1) = (previous_id IS NULL))
);
CREATE INDEX review_reports_engagement_idx ON review_reports (engagement_id, plan_id, kind, edition);
CREATE INDEX review_reports_plan_idx ON review_reports (plan_id) WHERE state <> 'draft';
SELECT cocreate_watch('review_reports');

-- What a report rates: by default one unit per commitment; reviewers may cluster several or split one (the mapping
-- is review_unit_commitments). Ratings are values of the scales in domain/review.ts, by dimension.
CREATE TABLE review_units (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES review_reports (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title jsonb NOT NULL,
  ratings jsonb NOT NULL DEFAULT '{}',
  og_values jsonb NOT NULL DEFAULT '[]',
  rationale jsonb NOT NULL,
  evidence jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_units_report_idx ON review_units (report_id, position);
SELECT cocreate_watch('review_units');

CREATE TABLE review_unit_commitments (
  unit_id integer NOT NULL REFERENCES review_units (id) ON DELETE CASCADE,
  commitment_id integer NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
  PRIMARY KEY (unit_id, commitment_id)
);
CREATE INDEX review_unit_commitments_commitment_idx ON review_unit_commitments (commitment_id);
SELECT cocreate_watch('review_unit_commitments');

-- A report's numbered recommendations, each tracked as the forum tracks its resolutions (持續列管 / 解除列管): the
-- government's response and the commitment of a later plan where it landed.
CREATE TABLE review_recommendations (
  id serial PRIMARY KEY,
  report_id integer NOT NULL REFERENCES review_reports (id) ON DELETE CASCADE,
  unit_id integer REFERENCES review_units (id) ON DELETE SET NULL,
  number integer NOT NULL CHECK (number >= 1),
  body jsonb NOT NULL,
  state text NOT NULL DEFAULT 'tracking' CHECK (state IN ('tracking', 'closed')),
  government_response jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  landed_commitment_id integer REFERENCES commitments (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, number)
);
CREATE INDEX review_recommendations_landed_idx ON review_recommendations (landed_commitment_id) WHERE landed_commitment_id IS NOT NULL;
SELECT cocreate_watch('review_recommendations');

-- The reviewers' interview log: seen by the engagement's reviewers only (not the secretariat, not the public).
CREATE TABLE review_interviews (
  id serial PRIMARY KEY,
  engagement_id integer NOT NULL REFERENCES review_engagements (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  stakeholder_group text NOT NULL,
  consent_to_be_named boolean NOT NULL,
  interviewee text NOT NULL DEFAULT '',
  notes text NOT NULL,
  recorded_by integer REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (consent_to_be_named OR interviewee = '')
);
CREATE INDEX review_interviews_engagement_idx ON review_interviews (engagement_id, held_on);
