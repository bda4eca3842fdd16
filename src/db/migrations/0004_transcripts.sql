-- Transcripts (SayIt-style): speakers, transcripts with sections and speeches, a private log of corrections made
-- during the embargo, and the office calendar that working days are counted on.

CREATE TABLE speakers (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  name text NOT NULL,
  -- Other ways transcripts write this person: with titles (唐鳳召集人), roles (國發會報告), other scripts.
  aliases jsonb NOT NULL DEFAULT '[]',
  -- The account that may correct this speaker's words during the embargo.
  user_id integer REFERENCES users (id) ON DELETE SET NULL,
  -- A free-text affiliation such as a forum seat (民間委員) or an agency.
  affiliation jsonb NOT NULL,
  colour text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speakers_user_idx ON speakers (user_id);

CREATE TABLE transcripts (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  title text NOT NULL,
  held_on date NOT NULL,
  language text NOT NULL CHECK (language IN ('zh-TW', 'en')),
  plan_id integer REFERENCES action_plans (id) ON DELETE SET NULL,
  meeting_id integer REFERENCES forum_meetings (id) ON DELETE SET NULL,
  -- The same meeting in the other language.
  twin_id integer REFERENCES transcripts (id) ON DELETE SET NULL,
  source_url text,
  embargo_working_days integer NOT NULL DEFAULT 10 CHECK (embargo_working_days BETWEEN 0 AND 60),
  -- A related decision released later than the embargo holds publication until then.
  release_on date,
  -- When it becomes public: the later of the embargo's end and release_on, computed when saved.
  publish_at timestamptz NOT NULL,
  -- Whether the working days were counted on a loaded office calendar (else weekends only).
  counted_with_calendar boolean NOT NULL,
  published_at timestamptz,
  published_early_reason text,
  published_by_name text,
  -- The layout of the imported Markdown (blank lines, colons, title style), so exporting gives the file back.
  source_format jsonb,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transcripts_held_idx ON transcripts (held_on DESC);
CREATE INDEX transcripts_due_idx ON transcripts (publish_at) WHERE published_at IS NULL;

CREATE TABLE transcript_sections (
  id serial PRIMARY KEY,
  transcript_id integer NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
  parent_id integer REFERENCES transcript_sections (id) ON DELETE CASCADE,
  position integer NOT NULL,
  heading text NOT NULL
);
CREATE INDEX transcript_sections_idx ON transcript_sections (transcript_id, position);

CREATE TABLE speeches (
  id serial PRIMARY KEY,
  transcript_id integer NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
  section_id integer REFERENCES transcript_sections (id) ON DELETE SET NULL,
  -- Order within the transcript; never derived from timestamps.
  position integer NOT NULL,
  -- The transcript's meeting date, copied here so search and speaker pages read public speeches newest first
  -- straight from an index and stop after a page (ADR 0010); the service keeps it in step with the transcript.
  held_on date NOT NULL,
  speaker_id integer REFERENCES speakers (id) ON DELETE SET NULL,
  -- The name exactly as the source wrote it (e.g. 唐鳳召集人), for faithful export.
  speaker_label text,
  kind text NOT NULL CHECK (kind IN ('speech', 'question', 'answer', 'narrative', 'other')),
  body text NOT NULL,
  -- Search terms: overlapping CJK bigrams and lowercased Latin words (ADR 0010).
  search_terms text[] NOT NULL DEFAULT '{}',
  -- True only while the transcript is published and the speech not deleted; search reads only these.
  is_public boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speeches_transcript_idx ON speeches (transcript_id, position);
CREATE INDEX speeches_speaker_idx ON speeches (speaker_id, id) WHERE is_public;
CREATE INDEX speeches_terms_idx ON speeches USING gin (search_terms) WHERE is_public;
CREATE INDEX speeches_public_order_idx ON speeches (held_on DESC, transcript_id DESC, position) WHERE is_public;
-- Finer statistics of the terms, so the planner tells a common bigram (read the order index, stop after a page)
-- from a rare one (intersect the GIN posting lists).
ALTER TABLE speeches ALTER COLUMN search_terms SET STATISTICS 1000;

-- Every correction or deletion during the embargo: who, when, before and after. Never shown to the public.
CREATE TABLE speech_revisions (
  id serial PRIMARY KEY,
  speech_id integer NOT NULL REFERENCES speeches (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('edit', 'delete', 'restore')),
  actor_id integer REFERENCES users (id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  before text,
  after text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speech_revisions_idx ON speech_revisions (speech_id, id);

-- The government office calendar (行政機關辦公日曆表): a row per day it covers.
CREATE TABLE office_calendar (
  day date PRIMARY KEY,
  is_day_off boolean NOT NULL,
  note text NOT NULL DEFAULT ''
);
