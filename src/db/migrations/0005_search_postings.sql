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
