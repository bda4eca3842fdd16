-- Change events (ADR 0020): every write to a table that public pages show sends a notification on the channel
-- `cocreate_changes`, which PostgreSQL delivers only when the transaction commits (and folds duplicates within it).
-- Page caches in every app process on this database listen and drop what the change touched (src/db/change-events.ts).
--
-- The payload is JSON: {"table": <table>, "plan": <plan id or null>}. A null plan means "any page may show this"
-- (an agency, a speaker) and drops every cached page.
--
-- A module adding a table that any public page shows adds one line to its migration:
--   SELECT cocreate_watch('<table>'[, <path to the plan>]);
-- The path says where a row's plan id is: none, its own `plan_id` column (a table without one has no plan);
-- 'id', the row is a plan; 'commitment_id', 'commitments', follow that column to that table's row and read its
-- `plan_id`; longer chains add pairs: 'report_id', 'progress_reports', 'commitment_id', 'commitments'. A table left
-- out must be named in PRIVATE_TABLES (src/db/change-events.ts) with the reason; a test fails on one that is neither.
--
-- The triggers run once per statement and read the changed rows from transition tables, so a bulk import of
-- thousands of speeches costs one scan of them, not a trigger call per row.

-- The plan id reached from `start` (the value of the path's first column) by following the (table, column) pairs
-- after it; the last table's `plan_id` is read.
CREATE FUNCTION cocreate_change_plan(start text, path text[]) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
  value text := start;
  -- TG_ARGV counts from 0; read the bounds instead of assuming them.
  i integer := coalesce(array_lower(path, 1), 0) + 1;
BEGIN
  WHILE value IS NOT NULL AND i <= coalesce(array_upper(path, 1), -1) LOOP
    EXECUTE format('SELECT %I::text FROM %I WHERE id = $1', coalesce(path[i + 1], 'plan_id'), path[i]) INTO value USING value::integer;
    i := i + 2;
  END LOOP;
  RETURN value::integer;
END $$;

-- One notification per plan the statement's rows belong to, before and after the change (a row moved from one plan
-- to another changes the pages of both). A statement that changed no row sends nothing.
CREATE FUNCTION cocreate_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  first_column text := coalesce(TG_ARGV[0], 'plan_id');
  starts text[];
  start text;
BEGIN
  IF TG_OP = 'TRUNCATE' OR NOT EXISTS (
    SELECT 1 FROM pg_attribute WHERE attrelid = TG_RELID AND attname = first_column AND attnum > 0 AND NOT attisdropped
  ) THEN
    PERFORM pg_notify('cocreate_changes', json_build_object('table', TG_TABLE_NAME, 'plan', NULL)::text);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I::text) FROM changed_new', first_column) INTO starts;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('SELECT array_agg(DISTINCT v) FROM (SELECT %I::text AS v FROM changed_old UNION ALL SELECT unnest($1)) s', first_column)
      INTO starts USING starts;
  END IF;
  FOREACH start IN ARRAY coalesce(starts, '{}') LOOP
    PERFORM pg_notify('cocreate_changes', json_build_object('table', TG_TABLE_NAME, 'plan', cocreate_change_plan(start, TG_ARGV))::text);
  END LOOP;
  RETURN NULL;
END $$;

-- Attaches the triggers to a table: one per kind of write (a trigger with transition tables serves one kind).
CREATE FUNCTION cocreate_watch(target regclass, VARIADIC path text[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  args text := coalesce((SELECT string_agg(quote_literal(p), ', ' ORDER BY n) FROM unnest(path) WITH ORDINALITY AS a (p, n)), '');
BEGIN
  EXECUTE format('CREATE TRIGGER cocreate_inserted AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION cocreate_notify_change(%s)', target, args);
  EXECUTE format('CREATE TRIGGER cocreate_updated AFTER UPDATE ON %s REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION cocreate_notify_change(%s)', target, args);
  EXECUTE format('CREATE TRIGGER cocreate_deleted AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION cocreate_notify_change(%s)', target, args);
  EXECUTE format('CREATE TRIGGER cocreate_truncated AFTER TRUNCATE ON %s
    FOR EACH STATEMENT EXECUTE FUNCTION cocreate_notify_change(%s)', target, args);
END $$;

-- Plans and what hangs from them (0001_core).
SELECT cocreate_watch('members');
SELECT cocreate_watch('agencies');
SELECT cocreate_watch('action_plans', 'id');
SELECT cocreate_watch('areas');
SELECT cocreate_watch('commitments');
SELECT cocreate_watch('commitment_co_agencies', 'commitment_id', 'commitments');
SELECT cocreate_watch('milestones', 'commitment_id', 'commitments');
SELECT cocreate_watch('history');

-- Monitoring (0002_monitoring).
SELECT cocreate_watch('review_cycles');
SELECT cocreate_watch('progress_reports', 'commitment_id', 'commitments');
SELECT cocreate_watch('milestone_progress', 'report_id', 'progress_reports', 'commitment_id', 'commitments');
SELECT cocreate_watch('report_evidence', 'report_id', 'progress_reports', 'commitment_id', 'commitments');
SELECT cocreate_watch('report_contributions', 'report_id', 'progress_reports', 'commitment_id', 'commitments');
SELECT cocreate_watch('commitment_transfers', 'commitment_id', 'commitments');

-- The forum (0003_forum).
SELECT cocreate_watch('forum_meetings');
SELECT cocreate_watch('meeting_reports', 'meeting_id', 'forum_meetings');
SELECT cocreate_watch('resolutions');
SELECT cocreate_watch('resolution_decisions', 'resolution_id', 'resolutions');

-- Transcripts (0004_transcripts); a transcript without a plan names none, which drops every page.
SELECT cocreate_watch('speakers');
SELECT cocreate_watch('transcripts');
SELECT cocreate_watch('transcript_sections', 'transcript_id', 'transcripts');
SELECT cocreate_watch('speeches', 'transcript_id', 'transcripts');
SELECT cocreate_watch('office_calendar');
