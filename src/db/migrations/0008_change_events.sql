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
-- thousands of speeches costs one scan of them, not a trigger call per row. cocreate_watch writes each table its own
-- trigger function with the path spelled out as joins: static SQL, which PL/pgSQL plans once per session (the same
-- lookups as dynamic SQL cost about 1 ms more per statement on PGlite).

-- One notification: the table, and the plan whose pages may show the change (null: any page).
CREATE FUNCTION cocreate_notify(changed_table text, plan integer) RETURNS void
LANGUAGE sql AS $$
  SELECT pg_notify('cocreate_changes', json_build_object('table', changed_table, 'plan', plan)::text)
$$;

-- Writes cocreate_changes_<table>() and attaches it after every INSERT, UPDATE, DELETE and TRUNCATE. It notifies
-- once per plan the statement's rows belong to, before and after the change (a row moved from one plan to another
-- changes the pages of both); a statement that changed no row sends nothing.
CREATE FUNCTION cocreate_watch(target regclass, VARIADIC path text[] DEFAULT '{}') RETURNS void
LANGUAGE plpgsql AS $watch$
DECLARE
  table_name text := (SELECT relname FROM pg_class WHERE oid = target);
  first_column text := coalesce(path[1], 'plan_id');
  plan_expression text;
  joins text := '';
  previous text := 'r.k';
  step integer := 1;
  rows_new text;
  rows_old text;
  rows_both text;
  per_plan text := 'PERFORM cocreate_notify(TG_TABLE_NAME, p) FROM (SELECT DISTINCT %s AS p FROM %s r%s) s;';
BEGIN
  IF array_length(path, 1) IS NULL AND NOT EXISTS (
    SELECT 1 FROM pg_attribute WHERE attrelid = target AND attname = 'plan_id' AND attnum > 0 AND NOT attisdropped
  ) THEN
    -- No plan: one event with none, if the statement changed any row.
    first_column := NULL;
    plan_expression := 'NULL::integer';
  ELSE
    -- (table, column) pairs after the first column, each joined on the previous step's value; the last table's
    -- plan_id is the plan.
    FOR i IN 2 .. coalesce(array_length(path, 1), 1) BY 2 LOOP
      joins := joins || format(' LEFT JOIN %I t%s ON t%s.id = %s', path[i], step, step, previous);
      previous := format('t%s.%I', step, coalesce(path[i + 1], 'plan_id'));
      step := step + 1;
    END LOOP;
    plan_expression := previous;
  END IF;
  rows_new := format('(SELECT %s AS k FROM changed_new)', coalesce(quote_ident(first_column), 'NULL::integer'));
  rows_old := format('(SELECT %s AS k FROM changed_old)', coalesce(quote_ident(first_column), 'NULL::integer'));
  rows_both := format('(SELECT k FROM %s o UNION ALL SELECT k FROM %s n)', rows_old, rows_new);
  EXECUTE format($f$
    CREATE FUNCTION %I() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      IF TG_OP = 'INSERT' THEN %s
      ELSIF TG_OP = 'UPDATE' THEN %s
      ELSIF TG_OP = 'DELETE' THEN %s
      ELSE PERFORM cocreate_notify(TG_TABLE_NAME, NULL);
      END IF;
      RETURN NULL;
    END $body$ $f$,
    'cocreate_changes_' || table_name,
    format(per_plan, plan_expression, rows_new, joins),
    format(per_plan, plan_expression, rows_both, joins),
    format(per_plan, plan_expression, rows_old, joins));
  EXECUTE format('CREATE TRIGGER cocreate_inserted AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, 'cocreate_changes_' || table_name);
  EXECUTE format('CREATE TRIGGER cocreate_updated AFTER UPDATE ON %s REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, 'cocreate_changes_' || table_name);
  EXECUTE format('CREATE TRIGGER cocreate_deleted AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, 'cocreate_changes_' || table_name);
  EXECUTE format('CREATE TRIGGER cocreate_truncated AFTER TRUNCATE ON %s
    FOR EACH STATEMENT EXECUTE FUNCTION %I()', target, 'cocreate_changes_' || table_name);
END $watch$;

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
