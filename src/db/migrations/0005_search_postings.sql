-- Transcript search, second design (ADR 0012): posting lists ordered like the results, in compact blocks, in place of
-- the term array and its GIN index. The application writes both tables (transcripts.search-index.ts); a published
-- transcript without a row in speech_index_transcripts is indexed at the next start-up.

DROP INDEX speeches_terms_idx;
ALTER TABLE speeches DROP COLUMN search_terms;

-- One row per block of a term's posting list: the sorted order keys (domain/search-postings.ts) of the public
-- speeches holding the term, delta-encoded. A term's blocks never overlap; a key is in at most one block per term.
CREATE TABLE speech_postings (
  term text NOT NULL,
  last_key bigint NOT NULL,
  first_key bigint NOT NULL,
  key_count integer NOT NULL CHECK (key_count > 0),
  keys bytea NOT NULL,
  PRIMARY KEY (term, last_key),
  CHECK (first_key <= last_key)
);

-- What the postings hold for each indexed (published) transcript: its key range and every term it added, so that a
-- change removes exactly its keys. No cascade: deleting a transcript must take it out of the index first.
CREATE TABLE speech_index_transcripts (
  transcript_id integer PRIMARY KEY REFERENCES transcripts (id),
  key_lo bigint NOT NULL,
  key_hi bigint NOT NULL,
  terms text[] NOT NULL
);

-- The statements every search runs, as functions: PL/pgSQL keeps their plans, which saves re-planning a join of
-- several tables on each query (about 0.4 ms of a 2 ms search on PGlite). transcripts.search.ts calls them.
-- Blocks come back as base64 text: both drivers receive bytea as hex, twice its size, and parsing the text is a
-- good part of a query's time on PGlite.

-- Each term's next blocks after a key (the first reads of a search).
CREATE FUNCTION search_next_blocks(p_terms text[], p_after bigint[], p_limit integer)
RETURNS TABLE (i bigint, first_key bigint, last_key bigint, key_count integer, keys text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT t.i, b.first_key, b.last_key, b.key_count, encode(b.keys, 'base64')
  FROM unnest(p_terms, p_after) WITH ORDINALITY AS t(term, after_key, i)
  CROSS JOIN LATERAL (
    SELECT p.first_key, p.last_key, p.key_count, p.keys FROM speech_postings p
    WHERE p.term = t.term AND p.last_key > t.after_key ORDER BY p.last_key LIMIT p_limit
  ) AS b
  ORDER BY t.i, b.last_key;
END $$;

-- Each term's blocks holding keys after p_after up to p_up_to: those ending by then, and the one after them.
CREATE FUNCTION search_blocks_up_to(p_terms text[], p_after bigint[], p_up_to bigint)
RETURNS TABLE (i bigint, first_key bigint, last_key bigint, key_count integer, keys text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT t.i, b.first_key, b.last_key, b.key_count, encode(b.keys, 'base64')
  FROM unnest(p_terms, p_after) WITH ORDINALITY AS t(term, after_key, i)
  CROSS JOIN LATERAL (
    (SELECT p.first_key, p.last_key, p.key_count, p.keys FROM speech_postings p
      WHERE p.term = t.term AND p.last_key > t.after_key AND p.last_key <= p_up_to)
    UNION ALL
    (SELECT p.first_key, p.last_key, p.key_count, p.keys FROM speech_postings p
      WHERE p.term = t.term AND p.last_key > greatest(t.after_key, p_up_to) ORDER BY p.last_key LIMIT 1)
  ) AS b
  ORDER BY t.i, b.last_key;
END $$;

-- The page: speeches by (transcript, position), in the order given, each checked once more for being public.
CREATE FUNCTION search_hits(p_transcripts integer[], p_positions integer[])
RETURNS TABLE (speech_id integer, speech_position integer, body text, transcript_id integer, transcript_slug text,
  transcript_title text, held_on date, language text, speaker_id integer, speaker_name text, speaker_slug text,
  speaker_label text, kind text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.id, s.position, s.body, s.transcript_id, t.slug, t.title, t.held_on, t.language, s.speaker_id, sp.name,
    sp.slug, s.speaker_label, s.kind
  FROM unnest(p_transcripts, p_positions) WITH ORDINALITY AS k(transcript_id, speech_position, i)
  CROSS JOIN LATERAL (
    SELECT * FROM speeches x
    WHERE x.transcript_id = k.transcript_id AND x.position = k.speech_position AND x.is_public AND x.deleted_at IS NULL
    LIMIT 1
  ) AS s
  JOIN transcripts t ON t.id = s.transcript_id
  LEFT JOIN speakers sp ON sp.id = s.speaker_id
  WHERE t.published_at IS NOT NULL
  ORDER BY k.i;
END $$;
