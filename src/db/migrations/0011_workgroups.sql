-- Working groups (issue #11): one per commitment or thematic across several; anyone signed in joins or leaves.

CREATE TABLE working_groups (
  id serial PRIMARY KEY,
  plan_id integer NOT NULL REFERENCES action_plans (id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  UNIQUE (plan_id, slug)
);
SELECT cocreate_watch('working_groups');
