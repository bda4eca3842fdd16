/**
 * Search over published speeches (ADRs 0010 and 0012). The index terms of a body are its CJK bigrams and lowercased
 * words (domain/cjk-search.ts); each term's posting list holds the order keys of the public speeches with that term
 * (transcripts.search-index.ts). A query intersects its terms' lists, then keeps the speeches whose normalized body
 * contains the normalized query exactly. Terms find, the substring decides.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { cjkPhrase, queryPlan, type QueryPlan } from '../../domain/cjk-search.js';
import {
  dayRange,
  decodeKeysInto,
  decodePositional,
  intersect,
  keyParts,
  phraseMatches,
  transcriptRange,
  type KeyRange,
  type PositionalList,
} from '../../domain/search-postings.js';
import { speakerTerm } from './transcripts.search-index.js';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkDate(name: string, value: string | undefined): void {
  if (value === undefined) return;
  const time = Date.parse(`${value}T00:00:00Z`);
  // The round trip refuses dates like 2024-02-31, which Date.parse rolls over and PostgreSQL rejects.
  if (!ISO_DATE.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
    throw new RangeError(`${name} must be a date (YYYY-MM-DD), got ${value}`);
}

/**
 * Published speeches matching a query, newest meeting first, then in speech order (ADR 0012).
 *
 * A query with terms reads the posting lists of its terms (and of the speaker, when filtered by one), intersects
 * them in key order, and keeps the candidates whose body holds the exact phrase, checking only as many as the page
 * and the capped count need. A query that is exactly one term needs no check. A query without terms (one CJK
 * character, or only punctuation) scans the public speeches instead. Either way only public, undeleted speeches of
 * published transcripts are returned: the index holds no other, and the rows read for the page are checked again.
 */
export async function searchSpeeches(db: DbOrTx, s: SpeechSearch): Promise<SpeechSearchResult> {
  if (!Number.isInteger(s.limit) || s.limit < 1 || s.limit > MAX_LIMIT) throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}`);
  if (!Number.isInteger(s.offset) || s.offset < 0) throw new RangeError('offset must be a non-negative integer');
  checkDate('from', s.from);
  checkDate('to', s.to);
  const plan = queryPlan(s.q);
  if (!plan) return { items: [], count: 0, countCapped: false };
  if (plan.terms.length === 0) return searchByScan(db, plan, s);
  if (db.isTransaction) return searchIndexed(db, plan, s);
  try {
    return await searchIndexed(db, plan, s);
  } catch (error) {
    // A publication rewrote a block between two reads: read again from one snapshot (rare, so not by default).
    if (!(error instanceof IndexMoved)) throw error;
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => searchIndexed(trx, plan, s));
  }
}

/** Thrown when a block read later overlaps what was read before: the index changed between statements. */
class IndexMoved extends Error {}

const NOTHING: SpeechSearchResult = { items: [], count: 0, countCapped: false };

/** The key ranges the filters allow (sorted, disjoint), undefined for no restriction, [] when nothing can match. */
async function allowedRanges(db: DbOrTx, s: SpeechSearch): Promise<KeyRange[] | undefined> {
  let ranges: KeyRange[] | undefined = s.from !== undefined || s.to !== undefined ? [dayRange(s.from, s.to)] : undefined;
  if (s.transcriptId !== undefined || s.meetingId !== undefined) {
    let q = db.selectFrom('transcripts').select(['id', 'held_on']).where('published_at', 'is not', null);
    if (s.transcriptId !== undefined) q = q.where('id', '=', s.transcriptId);
    if (s.meetingId !== undefined) q = q.where('meeting_id', '=', s.meetingId);
    const own = (await q.execute()).map((t) => transcriptRange(t.held_on, t.id)).sort((a, b) => a.lo - b.lo);
    ranges =
      ranges === undefined
        ? own
        : own.flatMap((r) => ranges?.flatMap((d) => (r.hi < d.lo || r.lo > d.hi ? [] : [{ lo: Math.max(r.lo, d.lo), hi: Math.min(r.hi, d.hi) }])) ?? []);
  }
  return ranges?.filter((r) => r.lo <= r.hi);
}

type StoredBlock = { firstKey: number; lastKey: number; count: number; bytes: Uint8Array };
/** A block as the search reads it: its bytes in base64 (see migration 0005). */
type BlockRow = { i: number; first_key: number; last_key: number; key_count: number; keys: string };

/** Blocks read per term in the first round. */
const FIRST_ROUND_BLOCKS = 2;
/** When a fully read list has at most this many keys left, the others read only the blocks that could hold them. */
const PROBE_KEYS = 4096;
/** A phrase's last candidates are checked against their bodies when there are at most this many. */
const BODY_CHECK_MAX = 400;

/**
 * The query's terms' posting lists, read in key order a little at a time: a query needs only its first page and the
 * first COUNT_CAP + 1 matches, which for a common phrase lie in the first blocks of each list. Each term's list is
 * known (every posting read) up to a key; matches up to the smallest of these are final.
 */
class PostingReader {
  private readonly blocks = new Map<string, StoredBlock[]>();
  private readonly knownUpTo = new Map<string, number>();

  constructor(
    private readonly db: DbOrTx,
    readonly terms: readonly string[],
    private readonly bounds: KeyRange,
  ) {}

  /** Every key up to this one is read for every term. */
  known(): number {
    return Math.min(...this.terms.map((t) => this.knownUpTo.get(t) ?? this.bounds.lo - 1));
  }

  /** The first key read of any term: where the lists begin (keys start far above 0, at today's day). */
  start(): number {
    return Math.min(...this.terms.map((t) => this.blocks.get(t)?.[0]?.firstKey ?? Infinity));
  }

  private complete(term: string): boolean {
    return (this.knownUpTo.get(term) ?? -1) >= this.bounds.hi;
  }

  done(): boolean {
    return this.terms.every((t) => this.complete(t));
  }

  /** A term with no posting at all within the bounds: nothing can match. */
  empty(): boolean {
    return this.terms.some((t) => this.complete(t) && (this.blocks.get(t)?.length ?? 0) === 0);
  }

  blocksOf(term: string): readonly StoredBlock[] {
    return this.blocks.get(term) ?? [];
  }

  /**
   * Reads more of every list not read to its end: its next few blocks (`first`), every block that holds keys up to
   * `upTo`, or (`probe`) only the blocks that hold one of the probe's keys. Each form is index ranges on
   * (term, last_key) only: a filter on first_key would read every later block of a common term.
   */
  async next(how: { first: number } | { upTo: number } | { probe: Float64Array }): Promise<void> {
    const open = this.terms.filter((t) => !this.complete(t));
    const after = open.map((t) => this.knownUpTo.get(t) ?? this.bounds.lo - 1);
    let rows: { rows: BlockRow[] };
    if ('first' in how) {
      rows = await sql<BlockRow>`SELECT * FROM search_next_blocks(${open}::text[], ${after}::bigint[], ${how.first})`.execute(this.db);
    } else if ('upTo' in how) {
      // The blocks ending by upTo, and the one after them, which may start before it.
      rows = await sql<BlockRow>`SELECT * FROM search_blocks_up_to(${open}::text[], ${after}::bigint[], ${how.upTo})`.execute(this.db);
    } else {
      // Only the blocks whose key range holds a probe key: their bounds first (no block bytes), then those blocks.
      const extents = await this.db
        .selectFrom('speech_postings')
        .select(['term', 'first_key', 'last_key'])
        .where('term', 'in', open)
        .where('last_key', '>', Math.min(...after))
        .orderBy('term')
        .orderBy('last_key')
        .execute();
      const wanted = blocksHolding(extents, how.probe, new Map(open.map((t, i) => [t, after[i] ?? -1])));
      rows = await sql<BlockRow>`SELECT t.i, p.first_key, p.last_key, p.key_count, encode(p.keys, 'base64') AS keys
        FROM unnest(${open}::text[]) WITH ORDINALITY AS t(term, i)
        JOIN speech_postings p ON p.term = t.term
        WHERE (p.term, p.last_key) IN (SELECT * FROM unnest(${wanted.map((w) => w.term)}::text[], ${wanted.map((w) => w.lastKey)}::bigint[]))
        ORDER BY t.i, p.last_key`.execute(this.db);
    }
    const read = open.map((): StoredBlock[] => []);
    for (const row of rows.rows)
      read[row.i - 1]?.push({ firstKey: Number(row.first_key), lastKey: Number(row.last_key), count: row.key_count, bytes: Buffer.from(row.keys, 'base64') });
    open.forEach((term, i) => {
      let fresh = read[i] ?? [];
      const before = this.knownUpTo.get(term);
      if (before !== undefined && fresh.some((b) => b.firstKey <= before)) throw new IndexMoved();
      let known = this.bounds.hi;
      if ('first' in how) {
        // A full batch ends where its last block ends; a short one is the end of the list.
        if (fresh.length === how.first) known = fresh.at(-1)?.lastKey ?? known;
      } else if ('upTo' in how) {
        // The block past upTo, if any, is the list's next one: kept if it starts by upTo; with none, the list ends.
        const next = fresh.at(-1);
        if (next && next.lastKey > how.upTo) {
          known = next.firstKey <= how.upTo ? next.lastKey : how.upTo;
          if (next.firstKey > how.upTo) fresh = fresh.slice(0, -1);
        }
      }
      // A block that starts past the bounds holds nothing the query wants, and nor does any after it.
      if (fresh.some((b) => b.firstKey > this.bounds.hi)) {
        fresh = fresh.filter((b) => b.firstKey <= this.bounds.hi);
        known = this.bounds.hi;
      }
      this.blocks.set(term, [...this.blocksOf(term), ...fresh]);
      this.knownUpTo.set(term, Math.max(Math.min(known, this.bounds.hi), this.knownUpTo.get(term) ?? -1));
    });
  }

  /** The keys of the shortest list read to its end that lie above `from`, if they are few. */
  probeAbove(from: number): Float64Array | undefined {
    let best: Float64Array | undefined;
    for (const term of this.terms) {
      if (!this.complete(term)) continue;
      const keys = keysOf(this.blocksOf(term));
      const rest = keys.subarray(upperBound(keys, from));
      if (rest.length <= PROBE_KEYS && (!best || rest.length < best.length)) best = rest;
    }
    return best;
  }
}

/** Of the given block bounds (sorted by term, then last key), those after each term's read part that hold a probe key. */
function blocksHolding(
  bounds: readonly { term: string; first_key: number; last_key: number }[],
  probe: Float64Array,
  after: Map<string, number>,
): { term: string; lastKey: number }[] {
  const wanted: { term: string; lastKey: number }[] = [];
  let at = 0;
  let term: string | undefined;
  for (const b of bounds) {
    if (b.term !== term) {
      term = b.term;
      at = 0;
    }
    const first = Number(b.first_key);
    const last = Number(b.last_key);
    if (last <= (after.get(b.term) ?? -1)) continue;
    while (at < probe.length && (probe[at] as number) < first) at++;
    if (at < probe.length && (probe[at] as number) <= last) wanted.push({ term: b.term, lastKey: last });
  }
  return wanted;
}

/** The first index whose key is greater than `key`. */
function upperBound(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function concat(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function keysOf(blocks: readonly StoredBlock[]): Float64Array {
  const keys = new Float64Array(blocks.reduce((sum, b) => sum + b.count, 0));
  let at = 0;
  for (const block of blocks) at = decodeKeysInto(block, keys, at);
  return keys;
}

/** The ranges cut off after `known` (everything when no range is given). */
function upTo(ranges: readonly KeyRange[] | undefined, known: number): KeyRange[] {
  return (ranges ?? [{ lo: 0, hi: Number.MAX_SAFE_INTEGER }]).filter((r) => r.lo <= known).map((r) => ({ lo: r.lo, hi: Math.min(r.hi, known) }));
}

/** The keys as (transcript, position) pairs, which find their speeches through speeches_transcript_idx. */
function keyArrays(keys: ArrayLike<number>): { transcripts: number[]; positions: number[] } {
  const transcripts: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts = keyParts(keys[i] as number);
    transcripts.push(parts.transcriptId);
    positions.push(parts.position);
  }
  return { transcripts, positions };
}

/** The candidates (in order) whose body holds the needle exactly, as far as `need` matches. */
async function verified(db: DbOrTx, candidates: Float64Array, needle: string, need: number): Promise<Float64Array> {
  const found: number[] = [];
  let from = 0;
  while (found.length < need && from < candidates.length) {
    // A few more than still needed: a candidate rarely fails, and one more round trip costs more than a few rows.
    const batch = candidates.subarray(from, Math.min(candidates.length, from + need - found.length + 64));
    const { transcripts, positions } = keyArrays(batch);
    // LATERAL … LIMIT 1 keeps the planner on one index probe per candidate: joined plainly, it may scan every
    // speech and run the (costly) phrase test on each before hashing.
    const rows = await sql<{ i: number }>`SELECT k.i::int AS i
      FROM unnest(${transcripts}::int[], ${positions}::int[]) WITH ORDINALITY AS k(transcript_id, position, i)
      CROSS JOIN LATERAL (SELECT 1 FROM speeches s WHERE s.transcript_id = k.transcript_id AND s.position = k.position
        AND s.is_public AND s.deleted_at IS NULL AND ${containsNeedle(needle)} LIMIT 1) AS s
      ORDER BY k.i`.execute(db);
    for (const { i } of rows.rows) found.push(batch[i - 1] as number);
    from += batch.length;
  }
  return Float64Array.from(found);
}

interface HitRow {
  speech_id: number;
  position: number;
  body: string;
  transcript_id: number;
  transcript_slug: string;
  transcript_title: string;
  held_on: string;
  language: string;
  speaker_id: number | null;
  speaker_name: string | null;
  speaker_slug: string | null;
  speaker_label: string | null;
  kind: string;
}

const toHit = (r: HitRow): SpeechHit => ({
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
});

/** The page's speeches, in the keys' order, each checked once more for being public (the search_hits function). */
async function hitsFor(db: DbOrTx, keys: Float64Array): Promise<SpeechHit[]> {
  if (keys.length === 0) return [];
  const { transcripts, positions } = keyArrays(keys);
  const rows = await sql<HitRow & { speech_position: number }>`SELECT * FROM search_hits(${transcripts}::int[], ${positions}::int[])`.execute(db);
  return rows.rows.map((r) => toHit({ ...r, position: r.speech_position }));
}

async function searchIndexed(db: DbOrTx, plan: QueryPlan, s: SpeechSearch): Promise<SpeechSearchResult> {
  const ranges = await allowedRanges(db, s);
  if (ranges?.length === 0) return NOTHING;
  const speaker = s.speakerId === undefined ? [] : [speakerTerm(s.speakerId)];
  const bounds = ranges ? { lo: ranges[0]?.lo ?? 0, hi: ranges[ranges.length - 1]?.hi ?? 0 } : { lo: 0, hi: Number.MAX_SAFE_INTEGER };
  const reader = new PostingReader(db, [...new Set([...plan.terms, ...speaker])], bounds);
  const phrase = cjkPhrase(plan.needle);
  // A query that is exactly one term (a two-character CJK query such as a name, or one whole word) is decided by
  // the term alone: a body holds the bigram 唐鳳 exactly when its text contains 唐鳳. A phrase of one CJK run is
  // decided by its bigrams' positions. Anything else (several words, digits with CJK, punctuation) is checked
  // against the bodies, as few as the page and the count need.
  const check = !phrase && !(plan.terms.length === 1 && plan.terms[0] === plan.needle);
  const need = Math.max(COUNT_CAP + 1, s.offset + s.limit);
  let matches: Float64Array = new Float64Array(0);
  let checkedUpTo = -1;
  for (let how: Parameters<PostingReader['next']>[0] = { first: FIRST_ROUND_BLOCKS }; ;) {
    await reader.next(how);
    if (reader.empty()) return NOTHING;
    const known = reader.known();
    // Every match up to `known` is final: each list is read that far.
    const window = upTo(ranges, known);
    let found: Float64Array;
    if (phrase) {
      const positional = new Map(plan.terms.map((t) => [t, decodePositional(reader.blocksOf(t))]));
      found = phraseMatches(
        phrase.map((t) => positional.get(t) as PositionalList),
        window,
      );
      if (speaker.length > 0) found = intersect([found, keysOf(reader.blocksOf(speaker[0] as string))]);
    } else {
      found = intersect(
        reader.terms.map((t) => keysOf(reader.blocksOf(t))),
        window,
      );
    }
    if (check) {
      const fresh = found.subarray(upperBound(found, checkedUpTo));
      const confirmed = await verified(db, fresh, plan.needle, need - matches.length);
      matches = concat(matches, confirmed);
      // The check stops early only once it has enough; otherwise every candidate up to `known` is checked.
      checkedUpTo = known;
    } else {
      matches = found;
    }
    if (matches.length >= need || reader.done()) break;
    const probe = reader.probeAbove(known);
    // A list read to its end has no key left: nothing more can match.
    if (probe?.length === 0) break;
    if (probe && phrase && speaker.length === 0 && probe.length <= BODY_CHECK_MAX) {
      // Few candidates left (a rare bigram inside common ones, as in 調查行動): reading their bodies costs less than
      // the other lists' blocks, which those candidates are spread across. For a phrase of one CJK run the body's
      // substring test is the same rule as the positions.
      matches = concat(matches, await verified(db, intersect([probe], upTo(ranges, Infinity)), plan.needle, need - matches.length));
      break;
    }
    if (probe) {
      how = { probe };
    } else {
      // Read every list as far as the matches so far suggest the rest lie; lists already read beyond stay as they are.
      const start = Math.max(bounds.lo, reader.start());
      const span = known - start + 1;
      const estimate = start + span * (matches.length > 0 ? Math.min(16, (need / matches.length) * 1.25) : 8);
      // Whole numbers: below 2^52 (meetings after 2079) a product can have a fraction, which bigint refuses.
      how = { upTo: Math.floor(Math.min(estimate, Number.MAX_SAFE_INTEGER)) };
    }
  }
  return {
    items: await hitsFor(db, matches.subarray(s.offset, s.offset + s.limit)),
    count: Math.min(matches.length, COUNT_CAP),
    countCapped: matches.length > COUNT_CAP,
  };
}

/** A query without terms reads the public speeches newest first, with the same exact test and the same caps. */
async function searchByScan(db: DbOrTx, plan: QueryPlan, s: SpeechSearch): Promise<SpeechSearchResult> {
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
      // The order of speeches_public_order_idx: the scan reads it newest first and stops after a page.
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
  return { items: rows.map(toHit), count: Math.min(counted.n, COUNT_CAP), countCapped: counted.n > COUNT_CAP };
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
 * The public speeches (as `s`, joined to their transcripts as `t`) that hold a plan's needle and match the filters,
 * nothing selected yet: the scan for queries without terms. Exported for EXPLAIN in tests.
 */
export function matchingPublicSpeeches(db: DbOrTx, plan: QueryPlan, s: SpeechFilters) {
  let query = db
    .selectFrom('speeches as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    // Written as the bare column so the planner can prove the partial index's `WHERE is_public`.
    .where(sql<boolean>`s.is_public`)
    .where('s.deleted_at', 'is', null)
    .where('t.published_at', 'is not', null)
    .where(containsNeedle(plan.needle));
  if (s.speakerId !== undefined) query = query.where('s.speaker_id', '=', s.speakerId);
  if (s.transcriptId !== undefined) query = query.where('s.transcript_id', '=', s.transcriptId);
  if (s.meetingId !== undefined) query = query.where('t.meeting_id', '=', s.meetingId);
  if (s.from !== undefined) query = query.where('s.held_on', '>=', s.from);
  if (s.to !== undefined) query = query.where('s.held_on', '<=', s.to);
  return query;
}
