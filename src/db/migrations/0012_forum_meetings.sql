-- Meetings as the seeds hold them (issue #11): where and how a meeting was held, attendance by stakeholder group
-- beside the sector totals, agenda, slides and minutes as attached documents, the working group that met and the
-- commitment it worked on. The formats of the 2019–2020 co-creation join the kinds of meeting.

ALTER TABLE forum_meetings DROP CONSTRAINT forum_meetings_kind_check;
ALTER TABLE forum_meetings ADD CONSTRAINT forum_meetings_kind_check
  CHECK (kind IN ('plenary', 'working-group', 'workshop', 'consultation', 'other'));

ALTER TABLE forum_meetings
  ADD COLUMN place jsonb NOT NULL DEFAULT '{"zh": "", "en": "", "status": "missing"}',
  ADD COLUMN mode text NOT NULL DEFAULT 'in-person' CHECK (mode IN ('in-person', 'online', 'hybrid')),
  -- domain/people.ts REGIONS.
  ADD COLUMN region text CHECK (region IN ('north', 'central', 'south', 'east', 'offshore', 'online')),
  -- Anyone could attend or register: an open opportunity for the public during co-creation.
  ADD COLUMN open_to_public boolean NOT NULL DEFAULT false,
  ADD COLUMN working_group_id integer REFERENCES working_groups (id) ON DELETE SET NULL,
  ADD COLUMN commitment_id integer REFERENCES commitments (id) ON DELETE SET NULL;
CREATE INDEX forum_meetings_working_group_idx ON forum_meetings (working_group_id) WHERE working_group_id IS NOT NULL;
CREATE INDEX forum_meetings_commitment_idx ON forum_meetings (commitment_id) WHERE commitment_id IS NOT NULL;

-- The people attending, counted by stakeholder group (the configurable list of migration 0009). When a meeting has
-- rows here they add up to its sector totals (checked by the service: domain/forum.ts checkMeeting). Only groups
-- with someone attending have a row.
CREATE TABLE meeting_attendance (
  meeting_id integer NOT NULL REFERENCES forum_meetings (id) ON DELETE CASCADE,
  stakeholder_group text NOT NULL REFERENCES stakeholder_groups (code),
  count integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (meeting_id, stakeholder_group)
);

-- Agenda, slides, minutes and other documents, each a link to where it is published.
CREATE TABLE meeting_documents (
  id serial PRIMARY KEY,
  meeting_id integer NOT NULL REFERENCES forum_meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('agenda', 'slides', 'minutes', 'other')),
  title jsonb NOT NULL,
  url text NOT NULL,
  UNIQUE (meeting_id, position)
);

SELECT cocreate_watch('meeting_attendance', 'meeting_id', 'forum_meetings');
SELECT cocreate_watch('meeting_documents', 'meeting_id', 'forum_meetings');
