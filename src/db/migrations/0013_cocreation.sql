-- Co-creation (issue #11): a plan's phases as its timeline, each with the day its entry was published, so the
-- co-creation record can show whether the timeline was published at least two weeks in advance
-- (src/domain/cocreation.ts). The record itself is computed from the forum's meetings; nothing else is stored.

CREATE TABLE cocreation_phases (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN (
    'forum-formed', 'framework-and-themes', 'proposals', 'working-groups', 'draft',
    'public-consultation', 'adoption', 'implementation', 'review'
  )),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  -- When the timeline entry was made public; a day after starts_on is allowed (and counts as late).
  published_on date NOT NULL,
  description jsonb NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX cocreation_phases_plan_idx ON cocreation_phases (plan_id, starts_on);

SELECT cocreate_watch('cocreation_phases');
