/**
 * Search terms for Chinese (and other CJK) and Latin text, and highlighting (ADR 0010). Pure: no I/O.
 *
 * Text is normalized with NFKC and lowercased (full-width ＯＧＰ becomes ogp, half-width katakana full-width), then
 * cut into runs: a CJK run is a stretch of Han, Bopomofo, Hiragana, Katakana or Hangul letters; a word is a stretch of
 * other letters, digits and marks. Anything else (spaces, punctuation, emoji) separates runs, and a switch between
 * CJK and non-CJK characters does too, so `109年度` is the word `109` and the CJK run `年度`.
 *
 * Index terms: every overlapping bigram of each CJK run (a one-character run contributes that character, so it is
 * not lost), and every word. Bigrams never cross a run boundary: `公開、開放` gives 公開 and 開放, never 開開.
 *
 * Terms find candidates. The index keeps each term's positions (indexTermPositions), which decide a query that is one
 * CJK run; any other query with several terms is decided by an exact substring check of the normalized needle in
 * the normalized body, because `公開、開放` and `公開放` share the terms {公開, 開放}.
 */

/** NFKC, then lowercase: the form both the index terms and the needle are made from. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Longest word kept as a term, in code points: a GIN entry has a size limit and nobody searches for a 200-letter hash. */
export const MAX_WORD_LENGTH = 48;

const CJK = /[\p{scx=Han}\p{scx=Bopomofo}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const WORDLIKE = /[\p{L}\p{N}\p{M}]/u;

type Run = { cjk: boolean; chars: string[] };

/** Splits normalized text into CJK runs and words; separators are dropped. */
function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of normalized) {
    if (!WORDLIKE.test(ch)) {
      current = null;
      continue;
    }
    const cjk = CJK.test(ch);
    if (current === null || current.cjk !== cjk) {
      current = { cjk, chars: [] };
      runs.push(current);
    }
    current.chars.push(ch);
  }
  return runs;
}

/** A query run's terms: a word, or the bigrams of a CJK run (a single CJK character has none, see queryPlan). */
function addQueryRunTerms(run: Run, into: Set<string>): void {
  if (!run.cjk) {
    into.add(run.chars.slice(0, MAX_WORD_LENGTH).join(''));
    return;
  }
  for (let i = 0; i + 1 < run.chars.length; i++) into.add(`${run.chars[i] ?? ''}${run.chars[i + 1] ?? ''}`);
}

/**
 * Each index term of a text with its positions, ascending. The n-th bigram of a CJK run is at the run's base + n;
 * every run (CJK or word) starts two past the end of the one before, so positions are adjacent only within a run:
 * a phrase of one CJK run matches where its bigrams sit at consecutive positions, never across `、` or a space.
 */
export function indexTermPositions(text: string): Map<string, number[]> {
  const terms = new Map<string, number[]>();
  const add = (term: string, position: number) => {
    const list = terms.get(term);
    if (list) list.push(position);
    else terms.set(term, [position]);
  };
  let base = 0;
  for (const run of runsOf(normalizeForSearch(text))) {
    if (!run.cjk) add(run.chars.slice(0, MAX_WORD_LENGTH).join(''), base);
    else if (run.chars.length === 1) add(run.chars[0] ?? '', base);
    else for (let i = 0; i + 1 < run.chars.length; i++) add(`${run.chars[i] ?? ''}${run.chars[i + 1] ?? ''}`, base + i);
    base += Math.max(1, run.chars.length - 1) + 1;
  }
  return terms;
}

/** The distinct index terms of a text, sorted. */
export function indexTerms(text: string): string[] {
  return [...indexTermPositions(text).keys()].sort();
}

/**
 * The bigrams, in order, of a needle that is one CJK run of three or more characters and nothing else (資訊公開 →
 * 資訊, 訊公, 公開), else null. For such a needle, containing it is the same as holding its bigrams at consecutive
 * positions of one run, so positions decide without reading the body.
 */
export function cjkPhrase(needle: string): string[] | null {
  const runs = runsOf(needle);
  const run = runs[0];
  if (runs.length !== 1 || !run?.cjk || run.chars.length < 3 || run.chars.join('') !== needle) return null;
  return run.chars.slice(0, -1).map((ch, i) => `${ch}${run.chars[i + 1] ?? ''}`);
}

export interface QueryPlan {
  /** The normalized query with whitespace collapsed: matched as one exact phrase (substring) in the normalized body. */
  needle: string;
  /** Terms every candidate must contain (`search_terms @> terms`); empty when the query has none. */
  terms: string[];
  /** True when no term can narrow the search (a one-character CJK query, or only punctuation): scan instead. */
  fallback: boolean;
}

/** Normalizes a query and collapses runs of whitespace; '' when nothing is left. */
export function normalizeNeedle(q: string): string {
  return normalizeForSearch(q).replace(/\s+/gu, ' ').trim();
}

/**
 * How to search for a query, or null when it is empty. The whole query is one phrase: `OGP 行動方案` finds speeches
 * containing exactly `ogp 行動方案` (normalized); its terms are the union of the terms of its runs. Latin words and
 * numbers must occur as whole words for the index to find them (`gov` does not find `government`). A one-character
 * CJK run contributes no term, because the index holds single characters only when they stand alone; when no term
 * is left the plan is a fallback scan.
 */
export function queryPlan(q: string): QueryPlan | null {
  const needle = normalizeNeedle(q);
  if (needle === '') return null;
  const terms = new Set<string>();
  for (const run of runsOf(needle)) addQueryRunTerms(run, terms);
  const sorted = [...terms].sort();
  return { needle, terms: sorted, fallback: sorted.length === 0 };
}

// ---- highlighting ----

export interface SnippetSegment {
  text: string;
  /** Render inside <mark>; the view escapes `text` like any other text. */
  mark: boolean;
}

export interface Snippet {
  snippet: SnippetSegment[];
  /** Body text precedes the snippet (show an ellipsis). */
  truncatedStart: boolean;
  /** Body text follows the snippet. */
  truncatedEnd: boolean;
}

export interface HighlightOptions {
  /** Characters (grapheme clusters) of context either side of a match; default 40. */
  context?: number;
  /** At most this many snippets; default 3. */
  maxSnippets?: number;
  /** A snippet takes in a further match only while it stays within this many characters; default 160. */
  maxLength?: number;
  /** At most this many marks in one snippet; default 10. */
  maxMarks?: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code points that end a grapheme cluster whenever the next code point is one of them too: Latin, CJK ideographs
 * and punctuation, kana, full-width forms. None is Extend, SpacingMark, Prepend, ZWJ, a regional indicator, CR, LF or
 * a Hangul jamo, which are what join code points into one cluster (UAX #29), and NFKC never composes two of them.
 */
const SIMPLE_RUN =
  /[\t\x20-\x7e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff9d]+/y;
/** Code units given to Intl.Segmenter at a time. */
const SEGMENT_PIECE = 32;

/**
 * Reads `text` one grapheme cluster at a time, calling `take(start, end, normalized)` with the cluster's code-unit
 * range and its normalizeForSearch() form, until `take` returns false. The cost is linear in what is read.
 *
 * V8's Intl.Segmenter slows down far more than linearly on one long string (100,000 characters take seconds) and
 * costs about a microsecond a cluster even in short pieces, so runs of SIMPLE_RUN characters (nearly all of a
 * transcript) are cut per code point without it; only the rest is segmented, a short piece at a time. A piece ends at
 * an arbitrary cut that may split its last cluster and hide what joins the one before, so its last two clusters are
 * segmented again with the next piece (both are taken only when they are all that is left of the text).
 */
function readGraphemes(text: string, take: (start: number, end: number, normalized: string) => boolean): void {
  let at = 0;
  while (at < text.length) {
    SIMPLE_RUN.lastIndex = at;
    if (SIMPLE_RUN.test(text)) {
      // Every code point of the run but the last is a cluster; the last may be joined by what follows the run.
      const end = SIMPLE_RUN.lastIndex === text.length ? text.length : SIMPLE_RUN.lastIndex - 1;
      if (end > at) {
        const run = text.slice(at, end);
        const normalized = normalizeForSearch(run);
        const oneToOne = normalized.length === run.length;
        for (let k = 0; k < run.length; k++) {
          if (!take(at + k, at + k + 1, oneToOne ? (normalized[k] ?? '') : normalizeForSearch(run[k] ?? ''))) return;
        }
        at = end;
        continue;
      }
    }
    const to = Math.min(text.length, at + SEGMENT_PIECE);
    const clusters = Array.from(graphemes.segment(text.slice(at, to)), (s) => s.segment);
    const keep = to === text.length ? clusters.length : Math.max(1, clusters.length - 2);
    for (let k = 0; k < keep; k++) {
      const cluster = clusters[k] ?? '';
      if (!take(at, at + cluster.length, normalizeForSearch(cluster))) return;
      at += cluster.length;
    }
  }
}

/** Normalized code units read between two searches. */
const SEARCH_BATCH = 256;

type GraphemeRange = { start: number; end: number };

/**
 * Snippets of `body` around the case-insensitive matches of `needle`, as segments of the original text with the
 * matches marked. Matching happens on the normalized body, built grapheme by grapheme so that each normalized code
 * unit maps back to the original grapheme it came from (NFKC can change lengths: ㍻ becomes 平成, ＯＧＰ ogp). Nearby
 * matches share a snippet while it stays within `maxLength` characters and `maxMarks` marks; then the next match
 * starts a new one. Without a match (or a needle), the start of the body is returned unmarked; an empty body gives no
 * snippets.
 *
 * The cost is linear in the part of the body read, and reading stops once the last snippet is complete, so a long
 * speech that matches everywhere costs what a short one does (issue #9: a dense 100,000-character speech took seconds).
 */
export function highlight(body: string, needle: string, opts: HighlightOptions = {}): Snippet[] {
  const context = Math.max(0, Math.floor(opts.context ?? 40));
  const maxSnippets = Math.max(1, Math.floor(opts.maxSnippets ?? 3));
  const maxLength = Math.max(1, Math.floor(opts.maxLength ?? 160));
  const maxMarks = Math.max(1, Math.floor(opts.maxMarks ?? 10));
  if (body === '') return [];
  const n = normalizeNeedle(needle);

  // Start offset of each grapheme read so far, and where reading stopped.
  const starts: number[] = [];
  let readTo = 0;
  // The normalized text not yet searched, with the grapheme each code unit came from. `carried` is the tail of the
  // text searched last time that a match may still begin in.
  let pending = '';
  let pendingOwner: number[] = [];
  let carried = '';
  let carriedOwner: number[] = [];

  const groups: { start: number; end: number; marks: GraphemeRange[]; closed: boolean }[] = [];
  let full = false;

  /** Adds a match (grapheme range) to the snippets; false when it would need a snippet past maxSnippets. */
  const addMatch = (m: GraphemeRange): boolean => {
    const group = groups[groups.length - 1];
    const lastMark = group?.marks[group.marks.length - 1];
    if (group && lastMark && m.start < lastMark.end) {
      // Overlapping matches merge into one mark, while the snippet stays within maxLength; past that the rest of the
      // overlapping run goes unmarked (㍻㍻㍻… matches 成平 at every grapheme: one mark must not swallow the speech).
      const end = Math.max(lastMark.end, m.end);
      if (group.closed || end + context - group.start > maxLength) {
        // Ends at its mark: the next match may begin right after it, and its snippet starts there.
        if (!group.closed) group.end = lastMark.end;
        group.closed = true;
        return true;
      }
      lastMark.end = end;
      group.end = Math.max(group.end, end + context);
      return true;
    }
    if (group && !group.closed && m.start - context <= group.end) {
      if (m.end + context - group.start <= maxLength && group.marks.length < maxMarks) {
        group.marks.push(m);
        group.end = m.end + context;
        return true;
      }
      // Full: end it where the next snippet's context begins, so no match shows unmarked and no text twice.
      group.closed = true;
      group.end = Math.max(lastMark?.end ?? 0, Math.min(group.end, m.start - context));
    }
    if (groups.length === maxSnippets) return false;
    groups.push({ start: Math.max(0, m.start - context, group?.end ?? 0), end: m.end + context, marks: [m], closed: false });
    return true;
  };

  /** Searches what was read since last time; false once no further match can change the snippets. */
  const search = (): boolean => {
    const text = carried + pending;
    const owner = carriedOwner.concat(pendingOwner);
    pending = '';
    pendingOwner = [];
    let from = 0;
    for (let at = text.indexOf(n); at !== -1; at = text.indexOf(n, at + n.length)) {
      const start = owner[at] ?? 0;
      if (!addMatch({ start, end: (owner[at + n.length - 1] ?? start) + 1 })) return false;
      from = at + n.length;
    }
    const keepFrom = Math.max(from, text.length - (n.length - 1));
    carried = text.slice(keepFrom);
    carriedOwner = owner.slice(keepFrom);
    // A match not yet found starts at or after grapheme starts.length - n.length (every grapheme normalizes to at
    // least one code unit); once that is past the last snippet's reach, nothing can join it.
    const last = groups[groups.length - 1];
    return !(groups.length === maxSnippets && last && (last.closed || starts.length - n.length - context > last.end));
  };

  readGraphemes(body, (start, end, normalized) => {
    starts.push(start);
    readTo = end;
    if (n === '') return starts.length <= Math.max(1, 2 * context);
    pending += normalized;
    for (let k = 0; k < normalized.length; k++) pendingOwner.push(starts.length - 1);
    if (pending.length < SEARCH_BATCH) return true;
    if (!search()) full = true;
    return !full;
  });
  if (n !== '' && !full && pending !== '') search();

  const read = starts.length;
  const offset = (g: number) => (g < read ? (starts[g] ?? readTo) : readTo);
  const piece = (from: number, to: number) => body.slice(offset(from), offset(to));

  if (groups.length === 0) {
    const end = Math.min(read, Math.max(1, 2 * context));
    return [{ snippet: [{ text: piece(0, end), mark: false }], truncatedStart: false, truncatedEnd: offset(end) < body.length }];
  }

  return groups.map((group) => {
    const groupEnd = Math.min(read, group.end);
    const snippet: SnippetSegment[] = [];
    const push = (from: number, to: number, mark: boolean) => {
      if (to > from) snippet.push({ text: piece(from, to), mark });
    };
    let at = group.start;
    for (const m of group.marks) {
      push(at, m.start, false);
      push(m.start, m.end, true);
      at = m.end;
    }
    push(at, groupEnd, false);
    const truncatedStart = group.start > 0;
    const truncatedEnd = offset(groupEnd) < body.length;
    // Whitespace between the context and an ellipsis looks like a stray gap: trim it.
    const first = snippet[0];
    if (truncatedStart && first && !first.mark) first.text = first.text.trimStart();
    const last = snippet[snippet.length - 1];
    if (truncatedEnd && last && !last.mark) last.text = last.text.trimEnd();
    return { snippet: snippet.filter((s) => s.text !== ''), truncatedStart, truncatedEnd };
  });
}
