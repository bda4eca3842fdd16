/**
 * Posting lists of the speech search index (ADR 0012), pure: the order key of a speech, the compact encoding of a
 * block of keys, how blocks are cut, and the intersection of sorted key lists. No I/O.
 *
 * Every public speech has an order key, an integer below 2^53 (so a JS number holds it exactly) whose ascending
 * order is the order of search results: newest meeting day first, then the later transcript of the same day, then
 * speech position. A term's posting list is the sorted keys of the public speeches holding that term; it is stored
 * in blocks of at most BLOCK_SIZE keys, delta-encoded as LEB128 varints.
 */

/** Bits of the key, from the top: day (17), transcript (20), position (16) = 53. */
const POSITION_SPAN = 2 ** 16;
const TRANSCRIPT_SPAN = 2 ** 20;
const DAY_SPAN = 2 ** 17;
const DAY_STRIDE = TRANSCRIPT_SPAN * POSITION_SPAN;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
const DAY_MS = 86_400_000;

/** The largest speech position and transcript id a key can hold; import refuses longer transcripts. */
export const MAX_POSITION = POSITION_SPAN - 1;
export const MAX_TRANSCRIPT_ID = TRANSCRIPT_SPAN - 1;
/** Meeting days a key can hold: 1900-01-01 up to (not including) this year's 1 January is safe. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2258;

/** At most this many keys in one stored block: about 1.5 KB encoded, under PostgreSQL's 2 KB TOAST threshold. */
export const BLOCK_SIZE = 1024;

function dayIndex(isoDay: string): number {
  const time = Date.parse(`${isoDay}T00:00:00Z`);
  const index = Math.round((time - EPOCH_1900) / DAY_MS);
  if (!Number.isInteger(index) || index < 0 || index >= DAY_SPAN) throw new RangeError(`meeting day out of range for the search index: ${isoDay}`);
  return index;
}

/** The order key of a speech: smaller is shown first. */
export function orderKey(heldOn: string, transcriptId: number, position: number): number {
  if (!Number.isInteger(transcriptId) || transcriptId < 0 || transcriptId > MAX_TRANSCRIPT_ID)
    throw new RangeError(`transcript id out of range for the search index: ${transcriptId}`);
  if (!Number.isInteger(position) || position < 0 || position > MAX_POSITION)
    throw new RangeError(`speech position out of range for the search index: ${position}`);
  return (DAY_SPAN - 1 - dayIndex(heldOn)) * DAY_STRIDE + (MAX_TRANSCRIPT_ID - transcriptId) * POSITION_SPAN + position;
}

/** The transcript and position a key was made from. */
export function keyParts(key: number): { transcriptId: number; position: number } {
  return { transcriptId: MAX_TRANSCRIPT_ID - (Math.floor(key / POSITION_SPAN) % TRANSCRIPT_SPAN), position: key % POSITION_SPAN };
}

export interface KeyRange {
  /** Inclusive bounds. */
  lo: number;
  hi: number;
}

/** Every key one transcript's speeches can have. */
export function transcriptRange(heldOn: string, transcriptId: number): KeyRange {
  const lo = orderKey(heldOn, transcriptId, 0);
  return { lo, hi: lo + MAX_POSITION };
}

/** A day's index clamped to the days a key can hold (for filters, which may name any date). */
function clampedDayIndex(isoDay: string): number {
  const index = Math.round((Date.parse(`${isoDay}T00:00:00Z`) - EPOCH_1900) / DAY_MS);
  return Math.min(Math.max(index, -1), DAY_SPAN);
}

/** Every key of speeches held from `from` to `to` (inclusive days; either may be open, any date). */
export function dayRange(from: string | undefined, to: string | undefined): KeyRange {
  const last = to === undefined ? DAY_SPAN - 1 : Math.min(clampedDayIndex(to), DAY_SPAN - 1);
  const first = from === undefined ? 0 : Math.max(clampedDayIndex(from), 0);
  // No day a key can hold: an empty range.
  if (first > last) return { lo: 1, hi: 0 };
  return { lo: (DAY_SPAN - 1 - last) * DAY_STRIDE, hi: (DAY_SPAN - first) * DAY_STRIDE - 1 };
}

// ---- blocks ----

/** A speech holding a term: its order key and where in its normalized text the term stands (none for a filter term). */
export interface Posting {
  key: number;
  positions: readonly number[];
}

export interface EncodedBlock {
  firstKey: number;
  lastKey: number;
  count: number;
  /**
   * LEB128 varints in two sections, so that keys can be read without the positions: the byte length of the first
   * section; then per posting the delta from the previous key (not for the first, which is firstKey) and the byte
   * length of its positions; then the second section, per posting its first position and the deltas between the rest.
   */
  bytes: Uint8Array;
}

type StoredBlockBytes = { firstKey: number; count: number; bytes: Uint8Array };

class VarintWriter {
  private buffer = new Uint8Array(256);
  length = 0;
  write(value: number): void {
    if (this.length + 8 > this.buffer.length) {
      const bigger = new Uint8Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    // Division, not shifts: key deltas may exceed 32 bits.
    while (value >= 128) {
      this.buffer[this.length++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public at = 0,
  ) {}
  read(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.at++];
      if (byte === undefined) throw new RangeError('truncated posting block');
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  }
}

/** Encodes postings sorted by key, keys distinct (at least one posting). */
export function encodeBlock(postings: readonly Posting[]): EncodedBlock {
  const first = postings[0];
  if (!first) throw new RangeError('a block holds at least one posting');
  const keys = new VarintWriter();
  const positions = new VarintWriter();
  let previous = first.key;
  for (const [i, posting] of postings.entries()) {
    if (i > 0) {
      const delta = posting.key - previous;
      if (!(delta > 0)) throw new RangeError('block keys must be sorted and distinct');
      keys.write(delta);
      previous = posting.key;
    }
    const before = positions.length;
    let last = 0;
    for (const [j, position] of posting.positions.entries()) {
      if (j > 0 && !(position > last)) throw new RangeError('positions must be sorted and distinct');
      positions.write(j === 0 ? position : position - last);
      last = position;
    }
    keys.write(positions.length - before);
  }
  const head = new VarintWriter();
  head.write(keys.length);
  const bytes = new Uint8Array(head.length + keys.length + positions.length);
  bytes.set(head.bytes(), 0);
  bytes.set(keys.bytes(), head.length);
  bytes.set(positions.bytes(), head.length + keys.length);
  return { firstKey: first.key, lastKey: previous, count: postings.length, bytes };
}

/** Reads a block's keys, calling `each(index, key, positionsStart, positionsEnd)` with the byte range of its positions. */
function walkBlock(block: StoredBlockBytes, each: (index: number, key: number, from: number, to: number) => void): void {
  const reader = new VarintReader(block.bytes);
  const keysLength = reader.read();
  let position = reader.at + keysLength;
  let key = block.firstKey;
  for (let i = 0; i < block.count; i++) {
    if (i > 0) key += reader.read();
    const length = reader.read();
    each(i, key, position, position + length);
    position += length;
  }
}

function readPositions(bytes: Uint8Array, from: number, to: number): number[] {
  const reader = new VarintReader(bytes, from);
  const out: number[] = [];
  let position = 0;
  while (reader.at < to) out.push((position += reader.read()));
  return out;
}

/** A block's postings, positions included (for rewriting blocks). */
export function decodePostings(block: StoredBlockBytes): Posting[] {
  const postings: Posting[] = [];
  walkBlock(block, (_, key, from, to) => postings.push({ key, positions: readPositions(block.bytes, from, to) }));
  return postings;
}

/** Decodes a block's keys into `into` from `offset`, without its positions; returns the offset after them. */
export function decodeKeysInto(block: StoredBlockBytes, into: Float64Array, offset: number): number {
  walkBlock(block, (i, key) => {
    into[offset + i] = key;
  });
  return offset + block.count;
}

/**
 * A term's posting list with positions left encoded until asked for: the positions of keys[i] are the varints of
 * bytes[starts[i]] up to bytes[ends[i]].
 */
export interface PositionalList {
  keys: Float64Array;
  bytes: readonly Uint8Array[];
  block: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** A term's blocks, in key order, as one positional list. */
export function decodePositional(blocks: readonly StoredBlockBytes[]): PositionalList {
  const total = blocks.reduce((sum, b) => sum + b.count, 0);
  const list: PositionalList = {
    keys: new Float64Array(total),
    bytes: blocks.map((b) => b.bytes),
    block: new Uint32Array(total),
    starts: new Uint32Array(total),
    ends: new Uint32Array(total),
  };
  let at = 0;
  blocks.forEach((b, blockIndex) => {
    walkBlock(b, (i, key, from, to) => {
      list.keys[at + i] = key;
      list.block[at + i] = blockIndex;
      list.starts[at + i] = from;
      list.ends[at + i] = to;
    });
    at += b.count;
  });
  return list;
}

/** Cuts postings sorted by key into blocks of at most `size`, as even as possible. */
export function cutBlocks(postings: readonly Posting[], size = BLOCK_SIZE): EncodedBlock[] {
  if (postings.length === 0) return [];
  const parts = Math.ceil(postings.length / size);
  const per = Math.ceil(postings.length / parts);
  const blocks: EncodedBlock[] = [];
  for (let start = 0; start < postings.length; start += per) blocks.push(encodeBlock(postings.slice(start, start + per)));
  return blocks;
}

/** Merges two lists of postings sorted by key (no key in both). */
export function mergeSorted(a: readonly Posting[], b: readonly Posting[]): Posting[] {
  const out: Posting[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push((a[i] as Posting).key < (b[j] as Posting).key ? (a[i++] as Posting) : (b[j++] as Posting));
  while (i < a.length) out.push(a[i++] as Posting);
  while (j < b.length) out.push(b[j++] as Posting);
  return out;
}

// ---- queries ----

/** The first index at or after `from` whose key is ≥ `key` (galloping, then binary search). */
function seek(list: Float64Array, key: number, from: number): number {
  if (from >= list.length || (list[from] as number) >= key) return from;
  // list[below] < key always holds; widen the step until list[hi] ≥ key or the end.
  let below = from;
  let step = 1;
  let hi = from + 1;
  while (hi < list.length && (list[hi] as number) < key) {
    below = hi;
    step *= 2;
    hi = below + step;
  }
  let lo = below + 1;
  if (hi > list.length) hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `key` lies in the ranges, moving the range cursor forward (keys are visited in ascending order). */
class RangeCursor {
  private at = 0;
  constructor(private readonly ranges: readonly KeyRange[] | undefined) {}
  /** 1: inside, 0: before the current range (skip), -1: past every range (stop). */
  test(key: number): 1 | 0 | -1 {
    const ranges = this.ranges;
    if (!ranges) return 1;
    while (this.at < ranges.length && (ranges[this.at] as KeyRange).hi < key) this.at++;
    if (this.at === ranges.length) return -1;
    return (ranges[this.at] as KeyRange).lo > key ? 0 : 1;
  }
}

/**
 * The keys in every list (each sorted ascending) and inside the ranges, if any are given (sorted, disjoint), in
 * order. The shortest list leads; the others are searched by galloping, so the cost follows the shortest list.
 */
export function intersect(lists: readonly Float64Array[], ranges?: readonly KeyRange[]): Float64Array {
  if (lists.length === 0) return new Float64Array(0);
  const ordered = [...lists].sort((a, b) => a.length - b.length);
  const [lead, ...rest] = ordered as [Float64Array, ...Float64Array[]];
  const out = new Float64Array(lead.length);
  const cursors = rest.map(() => 0);
  const inRange = new RangeCursor(ranges);
  let n = 0;
  outer: for (const key of lead) {
    const where = inRange.test(key);
    if (where === -1) break;
    if (where === 0) continue;
    for (let r = 0; r < rest.length; r++) {
      const list = rest[r] as Float64Array;
      const at = seek(list, key, cursors[r] as number);
      cursors[r] = at;
      if (at === list.length) break outer;
      if (list[at] !== key) continue outer;
    }
    out[n++] = key;
  }
  return out.subarray(0, n);
}

function holdsPosition(list: PositionalList, index: number, position: number): boolean {
  const reader = new VarintReader(list.bytes[list.block[index] as number] as Uint8Array, list.starts[index]);
  const end = list.ends[index] as number;
  let value = 0;
  while (reader.at < end) {
    value += reader.read();
    if (value >= position) return value === position;
  }
  return false;
}

/** The positions of a positional list's index-th posting. */
export function positionsOf(list: PositionalList, index: number): number[] {
  return readPositions(list.bytes[list.block[index] as number] as Uint8Array, list.starts[index] as number, list.ends[index] as number);
}

/**
 * The keys (ascending, inside the ranges if given) whose speech holds the phrase: term i of the phrase at position
 * p + i for some p. `terms[i]` is the list of the phrase's i-th term; a term that recurs may share one list.
 */
export function phraseMatches(terms: readonly PositionalList[], ranges?: readonly KeyRange[]): Float64Array {
  if (terms.length === 0) return new Float64Array(0);
  let leadIndex = 0;
  terms.forEach((list, i) => {
    if (list.keys.length < (terms[leadIndex] as PositionalList).keys.length) leadIndex = i;
  });
  const lead = terms[leadIndex] as PositionalList;
  const cursors = terms.map(() => 0);
  const out = new Float64Array(lead.keys.length);
  const inRange = new RangeCursor(ranges);
  let n = 0;
  outer: for (let k = 0; k < lead.keys.length; k++) {
    const key = lead.keys[k] as number;
    const where = inRange.test(key);
    if (where === -1) break;
    if (where === 0) continue;
    for (let t = 0; t < terms.length; t++) {
      const list = terms[t] as PositionalList;
      const at = t === leadIndex ? k : seek(list.keys, key, cursors[t] as number);
      cursors[t] = at;
      if (at === list.keys.length) break outer;
      if (list.keys[at] !== key) continue outer;
    }
    // The key is in every list: is there a start p with term t at p + t for every t?
    for (const position of positionsOf(lead, k)) {
      const start = position - leadIndex;
      if (start < 0) continue;
      if (terms.every((list, t) => t === leadIndex || holdsPosition(list, cursors[t] as number, start + t))) {
        out[n++] = key;
        break;
      }
    }
  }
  return out.subarray(0, n);
}
