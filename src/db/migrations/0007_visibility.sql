-- Visibility (ADR 0013): a speaker heading written in an embargoed transcript (王明德（…）) is not a public alias of
-- the speaker until that transcript is published. Aliases learned from a transcript under embargo wait here with it;
-- publication moves them onto the speaker. They still match headings at import, so the same person stays one speaker.
CREATE TABLE speaker_pending_aliases (
  transcript_id integer NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
  speaker_id integer NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias text NOT NULL,
  PRIMARY KEY (transcript_id, speaker_id, alias)
);
CREATE INDEX speaker_pending_aliases_speaker_idx ON speaker_pending_aliases (speaker_id);

-- Aliases already learned from transcripts under embargo, and written in no published one, go back to waiting.
INSERT INTO speaker_pending_aliases (transcript_id, speaker_id, alias)
SELECT DISTINCT s.transcript_id, s.speaker_id, s.speaker_label
FROM speeches s
JOIN transcripts t ON t.id = s.transcript_id
JOIN speakers p ON p.id = s.speaker_id
WHERE t.published_at IS NULL
  AND p.aliases @> jsonb_build_array(s.speaker_label)
  AND NOT EXISTS (
    SELECT 1 FROM speeches o JOIN transcripts ot ON ot.id = o.transcript_id
    WHERE ot.published_at IS NOT NULL AND o.speaker_id = s.speaker_id AND o.speaker_label = s.speaker_label
  );

UPDATE speakers p
SET aliases = COALESCE(
  (SELECT jsonb_agg(a.alias ORDER BY a.n) FROM jsonb_array_elements_text(p.aliases) WITH ORDINALITY AS a (alias, n)
   WHERE a.alias NOT IN (SELECT w.alias FROM speaker_pending_aliases w WHERE w.speaker_id = p.id)),
  '[]'::jsonb)
WHERE EXISTS (SELECT 1 FROM speaker_pending_aliases w WHERE w.speaker_id = p.id);
