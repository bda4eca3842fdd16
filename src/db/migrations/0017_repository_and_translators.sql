-- Issue #14, the English edition and the document repository (ADR 0033).

-- The translator: a scoped role (domain/authorization.ts: SCOPED_ROLES) the admin gives for the whole site or one
-- plan; it edits the English side of a plan's texts and their translation status, nothing else.
ALTER TABLE role_grants DROP CONSTRAINT role_grants_role_check;
ALTER TABLE role_grants ADD CONSTRAINT role_grants_role_check
  CHECK (role IN ('forum-member', 'co-convener', 'working-group-chair', 'moderator', 'translator'));

-- The document repository (OGP minimum requirement 2.2): agendas, slides, minutes, reports, studies, other
-- countries' plans in translation. Each is a link or a file kept in the database (as monitoring's evidence is, so
-- both engines and backups hold it); it may belong to a plan, a forum meeting and a commitment, each optional.
-- Documents are public records once added: there is no draft state.
CREATE TABLE repository_documents (
  id serial PRIMARY KEY,
  plan_id integer REFERENCES action_plans (id) ON DELETE CASCADE,
  meeting_id integer REFERENCES forum_meetings (id) ON DELETE SET NULL,
  commitment_id integer REFERENCES commitments (id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('agenda', 'slides', 'minutes', 'report', 'study', 'plan-translation', 'other')),
  language text NOT NULL CHECK (language IN ('zh-TW', 'en', 'bilingual', 'other')),
  document_date date NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL,
  url text,
  file_name text,
  media_type text,
  byte_size integer,
  sha256 text,
  content bytea,
  is_demo boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  -- When the document was added to the repository, and last changed there: what MR 2.2's "updated at least twice
  -- a year" counts (distinct days), apart from the document's own date.
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((url IS NULL) <> (content IS NULL)),
  CHECK (content IS NULL OR (file_name IS NOT NULL AND media_type IS NOT NULL AND byte_size IS NOT NULL AND sha256 IS NOT NULL))
);
CREATE INDEX repository_documents_plan_idx ON repository_documents (plan_id, document_date DESC, id DESC);
CREATE INDEX repository_documents_date_idx ON repository_documents (document_date DESC, id DESC);
CREATE INDEX repository_documents_meeting_idx ON repository_documents (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX repository_documents_commitment_idx ON repository_documents (commitment_id) WHERE commitment_id IS NOT NULL;

SELECT cocreate_watch('repository_documents');
