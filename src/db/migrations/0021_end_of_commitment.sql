-- Issue #13, independent review, continued (ADR 0036): OGP Local's end-of-commitment assessment. For a local plan,
-- the Local Monitoring Body (reviewers of the engagement with that role) assesses each commitment a month after it
-- completes: a report of its own kind on that one commitment.
ALTER TABLE review_reports DROP CONSTRAINT review_reports_kind_check;
ALTER TABLE review_reports ADD CONSTRAINT review_reports_kind_check
  CHECK (kind IN ('cocreation-brief', 'action-plan-review', 'results-report', 'end-of-commitment'));
ALTER TABLE review_reports ADD COLUMN commitment_id integer REFERENCES commitments (id) ON DELETE CASCADE;
ALTER TABLE review_reports ADD CONSTRAINT review_reports_commitment_check CHECK ((kind = 'end-of-commitment') = (commitment_id IS NOT NULL));
CREATE INDEX review_reports_commitment_idx ON review_reports (commitment_id) WHERE commitment_id IS NOT NULL;

ALTER TABLE review_reviewers DROP CONSTRAINT review_reviewers_role_check;
ALTER TABLE review_reviewers ADD CONSTRAINT review_reviewers_role_check
  CHECK (role IN ('lead-reviewer', 'international-reviewer', 'local-research-partner', 'local-monitoring-body', 'reviewer'));
