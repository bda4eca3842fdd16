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
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Snippets of `body` around the case-insensitive matches of `needle`, as segments of the original text with the
 * matches marked. Matching happens on the normalized body, built grapheme by grapheme so that each normalized code
 * unit maps back to the original grapheme it came from (NFKC can change lengths: ㍻ becomes 平成, ＯＧＰ ogp). Nearby
 * matches share a snippet. Without a match (or a needle), the start of the body is returned unmarked; an empty body
 * gives no snippets.
 */
export function highlight(body: string, needle: string, opts: HighlightOptions = {}): Snippet[] {
  const context = Math.max(0, Math.floor(opts.context ?? 40));
  const maxSnippets = Math.max(1, Math.floor(opts.maxSnippets ?? 3));
  const parts = Array.from(graphemes.segment(body), (s) => s.segment);
  const total = parts.length;
  if (total === 0) return [];

  // The normalized body, and for each of its code units the index of the grapheme it came from.
  let normalized = '';
  const owner: number[] = [];
  parts.forEach((part, i) => {
    const n = normalizeForSearch(part);
    normalized += n;
    for (let k = 0; k < n.length; k++) owner.push(i);
  });

  // Matches as grapheme ranges [start, end), left to right, overlapping ones merged.
  const matches: { start: number; end: number }[] = [];
  const n = normalizeNeedle(needle);
  if (n !== '') {
    for (let at = normalized.indexOf(n); at !== -1; at = normalized.indexOf(n, at + n.length)) {
      const start = owner[at] ?? 0;
      const end = (owner[at + n.length - 1] ?? start) + 1;
      const last = matches[matches.length - 1];
      if (last && start < last.end) last.end = Math.max(last.end, end);
      else matches.push({ start, end });
    }
  }

  if (matches.length === 0) {
    const end = Math.min(total, Math.max(1, 2 * context));
    return [{ snippet: [{ text: parts.slice(0, end).join(''), mark: false }], truncatedStart: false, truncatedEnd: end < total }];
  }

  // Group matches whose context windows touch into one snippet.
  const groups: { start: number; end: number; matches: { start: number; end: number }[] }[] = [];
  for (const m of matches) {
    const group = groups[groups.length - 1];
    if (group && m.start - context <= group.end) {
      group.end = Math.min(total, m.end + context);
      group.matches.push(m);
    } else {
      if (groups.length === maxSnippets) break;
      groups.push({ start: Math.max(0, m.start - context), end: Math.min(total, m.end + context), matches: [m] });
    }
  }

  return groups.map((group) => {
    const snippet: SnippetSegment[] = [];
    const push = (from: number, to: number, mark: boolean) => {
      if (to > from) snippet.push({ text: parts.slice(from, to).join(''), mark });
    };
    let at = group.start;
    for (const m of group.matches) {
      push(at, m.start, false);
      push(m.start, m.end, true);
      at = m.end;
    }
    push(at, group.end, false);
    const truncatedStart = group.start > 0;
    const truncatedEnd = group.end < total;
    // Whitespace between the context and an ellipsis looks like a stray gap: trim it.
    const first = snippet[0];
    if (truncatedStart && first && !first.mark) first.text = first.text.trimStart();
    const last = snippet[snippet.length - 1];
    if (truncatedEnd && last && !last.mark) last.text = last.text.trimEnd();
    return { snippet: snippet.filter((s) => s.text !== ''), truncatedStart, truncatedEnd };
  });
}
