/**
 * Search over published speeches (ADR 0010). `speeches.search_terms` holds each body's index terms (CJK bigrams and
 * lowercased words, domain/cjk-search.ts); a query asks the partial GIN index for speeches containing all its terms,
 * then keeps those whose normalized body contains the normalized query exactly. Terms find, the substring decides.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { indexTerms, queryPlan, type QueryPlan } from '../../domain/cjk-search.js';

export interface SpeechSearch {
  q: string;
  speakerId?: number;
  /** Inclusive bounds on the transcript's `held_on`, YYYY-MM-DD. */
  from?: string;
  to?: string;
  meetingId?: number;
  transcriptId?: number;
  /** 1 to 100. */
  limit: number;
  offset: number;
}

export type SpeechFilters = Omit<SpeechSearch, 'q' | 'limit' | 'offset'>;

export interface SpeechHit {
  speechId: number;
  position: number;
  body: string;
  transcriptId: number;
  transcriptSlug: string;
  transcriptTitle: string;
  heldOn: string;
  language: string;
  speakerId: number | null;
  speakerName: string | null;
  speakerSlug: string | null;
  speakerLabel: string | null;
  kind: string;
}

export interface SpeechSearchResult {
  items: SpeechHit[];
  /** Exact up to COUNT_CAP; COUNT_CAP with countCapped when there are more. */
  count: number;
  countCapped: boolean;
}

/** Results are counted exactly up to this many; beyond it the page says "1,000+". */
export const COUNT_CAP = 1000;
export const MAX_LIMIT = 100;

/** The index terms to store in `speeches.search_terms` for a body, whenever a speech is inserted or its body changes. */
export function termsFor(body: string): string[] {
  return indexTerms(body);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkDate(name: string, value: string | undefined): void {
  if (value === undefined) return;
  const time = Date.parse(`${value}T00:00:00Z`);
  // The round trip refuses dates like 2024-02-31, which Date.parse rolls over and PostgreSQL rejects.
  if (!ISO_DATE.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) throw new RangeError(`${name} must be a date (YYYY-MM-DD), got ${value}`);
}

/**
 * Published speeches matching a query, newest meeting first, then in speech order. Only speeches that are public,
 * not deleted and in a published transcript are ever read (all three are checked here, whatever `is_public` says).
 *
 * With terms, the partial GIN index (`speeches_terms_idx … WHERE is_public`) yields the candidates; a query without
 * terms (one CJK character, or only punctuation) scans the public speeches instead. Both decide with the same exact
 * substring test, and both count at most COUNT_CAP + 1 rows.
 */
export async function searchSpeeches(db: DbOrTx, s: SpeechSearch): Promise<SpeechSearchResult> {
  if (!Number.isInteger(s.limit) || s.limit < 1 || s.limit > MAX_LIMIT) throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(s.offset) || s.offset < 0) throw new RangeError('offset must be a non-negative integer');
  checkDate('from', s.from);
  checkDate('to', s.to);
  const plan = queryPlan(s.q);
  if (!plan) return { items: [], count: 0, countCapped: false };

  const [rows, counted] = await Promise.all([
    matchingPublicSpeeches(db, plan, s)
      .leftJoin('speakers as sp', 'sp.id', 's.speaker_id')
      .select([
        's.id as speech_id',
        's.position',
        's.body',
        's.transcript_id',
        't.slug as transcript_slug',
        't.title as transcript_title',
        't.held_on',
        't.language',
        's.speaker_id',
        'sp.name as speaker_name',
        'sp.slug as speaker_slug',
        's.speaker_label',
        's.kind',
      ])
      // The order of speeches_public_order_idx: for a common term the planner reads it and stops after a page.
      .orderBy('s.held_on', 'desc')
      .orderBy('s.transcript_id', 'desc')
      .orderBy('s.position', 'asc')
      .limit(s.limit)
      .offset(s.offset)
      .execute(),
    db
      .selectFrom(
        matchingPublicSpeeches(db, plan, s)
          .select(sql<number>`1`.as('one'))
          .limit(COUNT_CAP + 1)
          .as('m'),
      )
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);

  return {
    items: rows.map((r) => ({
      speechId: r.speech_id,
      position: r.position,
      body: r.body,
      transcriptId: r.transcript_id,
      transcriptSlug: r.transcript_slug,
      transcriptTitle: r.transcript_title,
      heldOn: r.held_on,
      language: r.language,
      speakerId: r.speaker_id,
      speakerName: r.speaker_name,
      speakerSlug: r.speaker_slug,
      speakerLabel: r.speaker_label,
      kind: r.kind,
    })),
    count: Math.min(counted.n, COUNT_CAP),
    countCapped: counted.n > COUNT_CAP,
  };
}

/**
 * Characters that NFKC leaves alone and that never compose with a neighbour: ASCII, CJK ideographs (URO and
 * extension A) and the CJK brackets and 、。. A body made only of these is its own NFKC form. (Full-width ，！？ are
 * not among them: NFKC turns them into ASCII.)
 */
const NFKC_STABLE = String.raw`^[\x01-\x7e\u3001-\u3002\u3008-\u3011\u3014-\u301b\u3400-\u4dbf\u4e00-\u9fff]*$`;

/**
 * The exact recheck: the lowercased body contains the needle (already NFKC-lowercased), as written or after NFKC.
 * `normalize()` costs about three times `lower()` per row, so it runs only for a body that failed the plain test and
 * holds a character NFKC could change; on a body that is already in NFKC form both tests are the same.
 */
function containsNeedle(needle: string) {
  return sql<boolean>`(strpos(lower(s.body), ${needle}) > 0 OR (s.body !~ ${NFKC_STABLE} AND strpos(lower(normalize(s.body, NFKC)), ${needle}) > 0))`;
}

/**
 * The public speeches (as `s`, joined to their transcripts as `t`) that match a plan and the filters, nothing selected
 * yet. Exported for EXPLAIN in tests and benchmarks; pages call searchSpeeches.
 */
export function matchingPublicSpeeches(db: DbOrTx, plan: QueryPlan, s: SpeechFilters) {
  let query = db
    .selectFrom('speeches as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    // Written as the bare column so the planner can prove the partial indexes' `WHERE is_public`.
    .where(sql<boolean>`s.is_public`)
    .where('s.deleted_at', 'is', null)
    .where('t.published_at', 'is not', null);
  // A JS string[] is sent as one text[] parameter; both pg and PGlite serialize it (tested on both engines).
  if (plan.terms.length > 0) query = query.where(sql<boolean>`s.search_terms @> ${plan.terms}::text[]`);
  // A query that is exactly one term (a CJK bigram such as a two-character name, or one whole word) is decided by
  // the term alone: a body holds the bigram 唐鳳 exactly when its text contains 唐鳳. Skipping the recheck saves
  // reading and lowercasing every candidate's body. Anything else is rechecked.
  if (!(plan.terms.length === 1 && plan.terms[0] === plan.needle)) query = query.where(containsNeedle(plan.needle));
  if (s.speakerId !== undefined) query = query.where('s.speaker_id', '=', s.speakerId);
  if (s.transcriptId !== undefined) query = query.where('s.transcript_id', '=', s.transcriptId);
  if (s.meetingId !== undefined) query = query.where('t.meeting_id', '=', s.meetingId);
  if (s.from !== undefined) query = query.where('s.held_on', '>=', s.from);
  if (s.to !== undefined) query = query.where('s.held_on', '<=', s.to);
  return query;
}
