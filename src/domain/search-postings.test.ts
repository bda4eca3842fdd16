import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cutBlocks,
  dayRange,
  decodeKeysInto,
  decodePositional,
  decodePostings,
  encodeBlock,
  intersect,
  keyParts,
  MAX_POSITION,
  MAX_TRANSCRIPT_ID,
  mergeSorted,
  orderKey,
  phraseMatches,
  positionsOf,
  transcriptRange,
  type Posting,
} from './search-postings.js';

/** mulberry32, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('keys order newest day first, then the later transcript, then position; and decode back', () => {
  const keys = [
    orderKey('2024-06-01', 9, 1),
    orderKey('2024-06-01', 9, 2),
    orderKey('2024-06-01', 3, 1),
    orderKey('2024-05-31', 12, 0),
    orderKey('1900-01-01', 1, MAX_POSITION),
  ];
  assert.deepEqual(
    [...keys].sort((a, b) => a - b),
    keys,
  );
  assert.deepEqual(keyParts(orderKey('2026-12-01', MAX_TRANSCRIPT_ID, MAX_POSITION)), { transcriptId: MAX_TRANSCRIPT_ID, position: MAX_POSITION });
  assert.deepEqual(keyParts(orderKey('2257-12-31', 0, 0)), { transcriptId: 0, position: 0 });
  assert.ok(orderKey('1900-01-01', 0, MAX_POSITION) <= Number.MAX_SAFE_INTEGER, 'every key is a safe integer');
  assert.throws(() => orderKey('1899-12-31', 1, 1), RangeError);
  assert.throws(() => orderKey('2024-01-01', 1, MAX_POSITION + 1), RangeError);
  assert.throws(() => orderKey('2024-01-01', MAX_TRANSCRIPT_ID + 1, 1), RangeError);
});

test('day and transcript ranges hold exactly their keys', () => {
  const range = dayRange('2024-03-01', '2024-03-31');
  const inside = (key: number) => key >= range.lo && key <= range.hi;
  assert.ok(inside(orderKey('2024-03-01', 5, MAX_POSITION)) && inside(orderKey('2024-03-31', MAX_TRANSCRIPT_ID, 0)));
  assert.ok(!inside(orderKey('2024-02-29', 0, 0)) && !inside(orderKey('2024-04-01', MAX_TRANSCRIPT_ID, MAX_POSITION)));
  const open = dayRange(undefined, undefined);
  assert.ok(open.lo <= orderKey('2257-12-31', MAX_TRANSCRIPT_ID, 0) && open.hi >= orderKey('1900-01-01', 0, MAX_POSITION));
  const ancient = dayRange('1800-01-01', '1950-01-01');
  assert.ok(ancient.lo <= orderKey('1900-01-01', 1, 1) && ancient.hi >= orderKey('1900-01-01', 1, 1), 'dates before 1900 clamp, they do not throw');
  const empty = [dayRange('1700-01-01', '1899-12-31'), dayRange('2300-01-01', undefined), dayRange('2024-05-02', '2024-05-01')];
  for (const r of empty) assert.ok(r.lo > r.hi, `${JSON.stringify(r)} is empty`);
  const t = transcriptRange('2024-03-01', 7);
  assert.deepEqual([t.lo, t.hi], [orderKey('2024-03-01', 7, 0), orderKey('2024-03-01', 7, MAX_POSITION)]);
});

const postingsOf = (keys: number[], positions: (k: number) => number[] = () => []): Posting[] => keys.map((key) => ({ key, positions: positions(key) }));
const keysOf = (block: ReturnType<typeof encodeBlock>) => {
  const keys = new Float64Array(block.count);
  decodeKeysInto(block, keys, 0);
  return [...keys];
};

test('blocks round-trip, small and 53-bit deltas alike, positions included, and refuse unsorted input', () => {
  const next = random(1);
  for (let round = 0; round < 200; round++) {
    const keys: number[] = [Math.floor(next() * 1e6)];
    const n = 1 + Math.floor(next() * 300);
    for (let i = 1; i < n; i++) keys.push((keys[i - 1] as number) + 1 + Math.floor(next() < 0.1 ? next() * 2 ** 50 : next() * 200));
    if ((keys[keys.length - 1] as number) > Number.MAX_SAFE_INTEGER) continue;
    const postings = postingsOf(keys, () => {
      const out: number[] = [];
      for (let p = Math.floor(next() * 5), m = Math.floor(next() * 4); out.length < m; p += 1 + Math.floor(next() * 300)) out.push(p);
      return out;
    });
    const block = encodeBlock(postings);
    assert.deepEqual([block.firstKey, block.lastKey, block.count], [keys[0], keys[keys.length - 1], keys.length]);
    assert.deepEqual(decodePostings(block), postings);
    assert.deepEqual(keysOf(block), keys, 'keys alone skip the positions');
    const half = Math.ceil(postings.length / 2);
    const flat = decodePositional(postings.length > 1 ? [encodeBlock(postings.slice(0, half)), encodeBlock(postings.slice(half))] : [block]);
    assert.deepEqual([...flat.keys], keys, 'a positional list runs across blocks');
    assert.deepEqual(
      postings.map((_, i) => positionsOf(flat, i)),
      postings.map((p) => p.positions),
    );
  }
  assert.equal(
    encodeBlock(postingsOf([5, 6, 7, 8])).bytes.length,
    8,
    'the keys section’s length, then a delta under 128 in one byte, and so is "no positions"',
  );
  assert.throws(() => encodeBlock(postingsOf([3, 3])), RangeError);
  assert.throws(() => encodeBlock([{ key: 1, positions: [4, 4] }]), RangeError);
  assert.throws(() => encodeBlock([]), RangeError);
});

test('cutting makes even blocks of at most the size; merging keeps order', () => {
  const keys = Array.from({ length: 2050 }, (_, i) => i * 3);
  const blocks = cutBlocks(postingsOf(keys), 1024);
  assert.deepEqual(
    blocks.map((b) => b.count),
    [684, 684, 682],
  );
  assert.deepEqual(blocks.flatMap(keysOf), keys);
  assert.deepEqual(
    mergeSorted(postingsOf([1, 4, 9]), postingsOf([2, 3, 10, 11])).map((p) => p.key),
    [1, 2, 3, 4, 9, 10, 11],
  );
});

test('a phrase matches where its terms stand at consecutive positions, a recurring term included', () => {
  const list = (entries: [number, number[]][]) => decodePositional([encodeBlock(entries.map(([key, positions]) => ({ key, positions })))]);
  const ab = list([
    [1, [0]],
    [2, [5]],
    [3, [0, 7]],
    [4, [2]],
  ]);
  const bc = list([
    [1, [1]],
    [2, [4]],
    [3, [8]],
    [4, [3]],
    [5, [0]],
  ]);
  assert.deepEqual([...phraseMatches([ab, bc])], [1, 3, 4]);
  assert.deepEqual([...phraseMatches([ab, bc], [{ lo: 2, hi: 3 }])], [3]);
  // ABAB: AB at p and p + 2, BA at p + 1.
  const ab2 = list([
    [1, [0, 2]],
    [2, [0, 5]],
  ]);
  const ba = list([
    [1, [1]],
    [2, [1]],
  ]);
  assert.deepEqual([...phraseMatches([ab2, ba, ab2])], [1]);
  assert.deepEqual([...phraseMatches([])], []);
});

test('intersection equals a naive one, with and without ranges', () => {
  const next = random(2);
  for (let round = 0; round < 300; round++) {
    const universe = 50 + Math.floor(next() * 2000);
    const lists = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
      const density = next();
      return Float64Array.from(Array.from({ length: universe }, (_, k) => k).filter(() => next() < density));
    });
    const ranges =
      next() < 0.5
        ? undefined
        : [
            { lo: Math.floor(next() * universe * 0.3), hi: Math.floor(universe * 0.4) },
            { lo: Math.floor(universe * 0.6), hi: Math.floor(universe * 0.9) },
          ];
    const expected = Array.from(lists[0] ?? []).filter((k) => lists.every((l) => l.includes(k)) && (!ranges || ranges.some((r) => k >= r.lo && k <= r.hi)));
    assert.deepEqual([...intersect(lists, ranges)], expected, `round ${round}`);
  }
  assert.deepEqual([...intersect([])], []);
});
