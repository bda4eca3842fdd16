/**
 * Speech search against a real, migrated database (PGlite here; PostgreSQL when DATABASE_URL is set). Rows are
 * inserted directly and then indexed (with tiny blocks, so lists span many): this tests the index and the query, not
 * the service that writes speeches.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext as NodeTestContext } from 'node:test';
import { sql, type Insertable } from 'kysely';
import { jsonb, type Database, type Db, type DbOrTx } from '../../db/connection.js';
import type { SpeechesTable } from './transcripts.table.js';
import { copyTestSnapshot } from '../../db/test-database.js';
import { indexTermPositions, indexTerms, queryPlan } from '../../domain/cjk-search.js';
import { decodePostings, orderKey } from '../../domain/search-postings.js';
import { COUNT_CAP, matchingPublicSpeeches, searchSpeeches, type SpeechSearch } from './transcripts.search.js';
import { indexMissingTranscripts, rebuildSearchIndex, reindexTranscript, speakerTerm } from './transcripts.search-index.js';

let database: Database;
let db: Db;
const ids: Record<string, number> = {};
const refs = { tang: 0, lin: 0, m1: 0, m2: 0, t1: 0, t2: 0, t3: 0, draft: 0, bulk: 0, random: 0 };

const text = (s: string) => jsonb({ zh: s, en: s, status: 'draft' });

async function speaker(slug: string, name: string) {
  const r = await db
    .insertInto('speakers')
    .values({ slug, name, affiliation: text(''), colour: '#336699' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

async function transcript(slug: string, heldOn: string, opts: { published: boolean; meetingId?: number; language?: string }) {
  const r = await db
    .insertInto('transcripts')
    .values({
      slug,
      title: `逐字稿 ${slug}`,
      held_on: heldOn,
      language: opts.language ?? 'zh-TW',
      meeting_id: opts.meetingId ?? null,
      publish_at: `${heldOn}T00:00:00Z`,
      counted_with_calendar: false,
      published_at: opts.published ? `${heldOn}T12:00:00Z` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  heldOnOf.set(r.id, heldOn);
  return r.id;
}
/** Speeches carry their transcript's date (the search order); the service keeps it so, and so does this test. */
const heldOnOf = new Map<number, string>();
const BLOCK = 7;

type SpeechRow = {
  key: string;
  transcriptId: number;
  position: number;
  body: string;
  speakerId?: number | null;
  label?: string;
  isPublic?: boolean;
  deleted?: boolean;
};
async function speeches(rows: SpeechRow[]) {
  const values: Insertable<SpeechesTable>[] = rows.map((r) => ({
    transcript_id: r.transcriptId,
    held_on: heldOnOf.get(r.transcriptId) ?? '2000-01-01',
    position: r.position,
    kind: 'speech',
    body: r.body,
    speaker_id: r.speakerId ?? null,
    speaker_label: r.label ?? null,
    is_public: r.isPublic ?? true,
    deleted_at: r.deleted ? '2024-01-01T00:00:00Z' : null,
  }));
  const inserted = await db.insertInto('speeches').values(values).returning('id').execute();
  inserted.forEach((r, i) => (ids[rows[i]?.key ?? ''] = r.id));
}

const search = (q: string, more: Partial<SpeechSearch> = {}) => searchSpeeches(db, { q, limit: 20, offset: 0, ...more });
const hits = async (q: string, more: Partial<SpeechSearch> = {}) => (await search(q, more)).items.map((h) => h.speechId);
const keys = (...names: string[]) => names.map((n) => ids[n]);

/** Every id the search returns, page by page. */
async function allHits(q: string): Promise<number[]> {
  const out: number[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await searchSpeeches(db, { q, limit: 100, offset });
    out.push(...page.items.map((h) => h.speechId));
    if (page.items.length < 100) return out;
  }
}

/** The reference: a plain substring scan over public speeches of published transcripts, no index, no terms. */
async function scan(q: string): Promise<number[]> {
  // Plain SQL, apart from the query builder the searches use, so the reference shares nothing with them.
  const rows = await sql<{ id: number }>`
    SELECT s.id FROM speeches s JOIN transcripts t ON t.id = s.transcript_id
    WHERE s.is_public AND s.deleted_at IS NULL AND t.published_at IS NOT NULL AND strpos(lower(s.body), lower(${q})) > 0`.execute(db);
  return rows.rows.map((r) => r.id);
}

class Rollback extends Error {
  constructor(readonly rows: Record<string, unknown>[]) {
    super('rollback');
  }
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixture, built once into a snapshot of this file's own; `db` points at the database being built meanwhile. */
const FIXTURE = 'transcripts.search.test fixture';
async function buildFixture(built: Database): Promise<null> {
  db = built.db;
  refs.tang = await speaker('tang', '唐鳳');
  refs.lin = await speaker('lin', '林委員');
  const member = await db
    .insertInto('members')
    .values({ code: 'TW', kind: 'national', name: text('臺灣') })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('action_plans')
    .values({
      slug: 'nap3',
      member_id: member.id,
      title: text('第三期'),
      period_start: '2021-01-01',
      period_end: '2025-12-31',
      status: 'implementing',
      introduction: text(''),
      efforts_to_date: text(''),
      development_process: text(''),
      commitments_intro: text(''),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = async (heldOn: string) =>
    (
      await db
        .insertInto('forum_meetings')
        .values({ plan_id: plan.id, held_on: heldOn, kind: 'plenary', title: text('會議'), agenda: text(''), minutes: text('') })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  refs.m1 = await meeting('2024-03-01');
  refs.m2 = await meeting('2024-06-01');

  refs.t1 = await transcript('t1', '2024-03-01', { published: true, meetingId: refs.m1 });
  refs.t2 = await transcript('t2', '2024-06-01', { published: true, meetingId: refs.m2 });
  // Same day as t2 and created later: ordered before it.
  refs.t3 = await transcript('t3', '2024-06-01', { published: true, language: 'en' });
  refs.draft = await transcript('draft', '2024-07-01', { published: false });
  const { tang, lin, t1, t2, t3, draft } = refs;
  await speeches([
    { key: 't1p1', transcriptId: t1, position: 1, speakerId: tang, body: '我們要落實政府資訊公開法。' },
    { key: 't1p2', transcriptId: t1, position: 2, speakerId: lin, body: '政府資料公開放在網站上。' },
    { key: 't1p3', transcriptId: t1, position: 3, speakerId: lin, body: 'The OGP Action Plan is open.' },
    { key: 't1p4', transcriptId: t1, position: 4, label: '主席', body: '109年度的行動方案，第3次會議，很好用。' },
    { key: 't2p1', transcriptId: t2, position: 1, speakerId: tang, body: '資訊公開與開放政府 open government' },
    { key: 't2p2', transcriptId: t2, position: 2, speakerId: tang, body: '公開、開放是兩件事。' },
    { key: 't2p3', transcriptId: t2, position: 3, speakerId: lin, body: 'ＯＧＰ 的 Open Government Partnership.' },
    { key: 't2p4', transcriptId: t2, position: 4, speakerId: tang, body: '好。' },
    { key: 't3p1', transcriptId: t3, position: 1, speakerId: lin, body: 'Open data and open government. ogp.' },
    { key: 't3p2', transcriptId: t3, position: 2, speakerId: lin, body: '資訊公開 in English transcripts too' },
    // Each hidden by exactly one condition; each says so in its body, and each holds the shared words too.
    { key: 'unpublished', transcriptId: draft, position: 1, speakerId: tang, body: '資訊公開 unpublished transcript OGP 好 段' },
    { key: 'deleted', transcriptId: t1, position: 5, speakerId: tang, body: '資訊公開 deleted speech OGP 好 段', deleted: true },
    { key: 'private', transcriptId: t1, position: 6, speakerId: tang, body: '資訊公開 private speech OGP 好 段', isPublic: false },
  ]);

  // 1,005 matching public speeches in one multi-row insert, in an older transcript: 1,000 say "exactly", 5 "extra".
  refs.bulk = await transcript('bulk', '2020-01-01', { published: true });
  await speeches(
    Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
      key: `bulk${i}`,
      transcriptId: refs.bulk,
      position: i,
      body: `第${i}段：透明治理 ${i < COUNT_CAP ? 'exactly' : 'extra'}`,
    })),
  );

  // Random text from a small alphabet of its own (no character shared with the texts above), so that substrings
  // recur, straddle punctuation and spaces, and term sets match where the text does not. Some rows are not public.
  refs.random = await transcript('random', '2019-01-01', { published: true });
  const next = random(20261122);
  const alphabet = ['甲', '乙', '丙', '丁', '戊', '甲', '乙', '丙', '、', '，', '。', ' '];
  const randomRows: SpeechRow[] = [];
  for (let i = 0; i < 400; i++) {
    const length = 1 + Math.floor(next() * 24);
    const body = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)] ?? '甲')
      .join('')
      .replace(/ +/g, ' ');
    randomRows.push({ key: `random${i}`, transcriptId: refs.random, position: i, body, isPublic: next() > 0.1 });
  }
  await speeches(randomRows);
  // Indexed one transcript at a time, as publication does, with blocks of 7 keys: lists of many blocks, merged
  // into their neighbours and split.
  for (const id of [refs.random, refs.bulk, refs.t1, refs.t3, refs.t2, refs.draft]) await reindexTranscript(db, id, { blockSize: BLOCK });
  return null;
}

// Tests that only read share one copy of the fixture.
before(async () => {
  database = (await copyTestSnapshot(FIXTURE, buildFixture)).database;
  db = database.db;
});

after(async () => {
  await database.close();
});

/** A test that writes (reindexes, adds rows) works on a copy of its own, which `db` points at until it ends. */
async function ownCopy(t: NodeTestContext): Promise<void> {
  const copy = (await copyTestSnapshot(FIXTURE, buildFixture)).database;
  const shared = db;
  db = copy.db;
  t.after(async () => {
    db = shared;
    await copy.close();
  });
}

/** Every term's keys as the index holds them, and the blocks' shape. */
async function storedPostings(
  conn: DbOrTx = db,
): Promise<{ lists: Map<string, string[]>; blocks: { term: string; first: number; last: number; count: number }[] }> {
  const rows = await conn.selectFrom('speech_postings').selectAll().orderBy('term').orderBy('last_key').execute();
  const lists = new Map<string, string[]>();
  for (const r of rows) {
    const postings = decodePostings({ firstKey: Number(r.first_key), count: r.key_count, bytes: r.keys });
    assert.equal(postings[postings.length - 1]?.key, Number(r.last_key), `${r.term}: last_key is the block's last key`);
    lists.set(r.term, [...(lists.get(r.term) ?? []), ...postings.map((p) => `${p.key}@${p.positions.join(',')}`)]);
  }
  return { lists, blocks: rows.map((r) => ({ term: r.term, first: Number(r.first_key), last: Number(r.last_key), count: r.key_count })) };
}

/** What the index should hold: the terms (with positions) of each public, undeleted speech of a published transcript, and its speaker. */
async function expectedPostings(conn: DbOrTx = db): Promise<Map<string, string[]>> {
  const rows = await conn
    .selectFrom('speeches as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    .select(['s.transcript_id', 's.position', 's.body', 's.speaker_id', 't.held_on'])
    .where('s.is_public', '=', true)
    .where('s.deleted_at', 'is', null)
    .where('t.published_at', 'is not', null)
    .execute();
  const lists = new Map<string, [number, string][]>();
  const add = (term: string, key: number, positions: number[]) => lists.set(term, [...(lists.get(term) ?? []), [key, `${key}@${positions.join(',')}`]]);
  for (const r of rows) {
    const key = orderKey(r.held_on, r.transcript_id, r.position);
    for (const [term, positions] of indexTermPositions(r.body)) add(term, key, positions);
    if (r.speaker_id !== null) add(speakerTerm(r.speaker_id), key, []);
  }
  return new Map([...lists].map(([term, list]) => [term, list.sort((a, b) => a[0] - b[0]).map((x) => x[1])]));
}

describe('the index', () => {
  test('holds exactly the terms of the public speeches, in blocks that never overlap', async () => {
    const { lists, blocks } = await storedPostings();
    const expected = await expectedPostings();
    assert.deepEqual(new Map([...lists].sort()), new Map([...expected].sort()));
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i] as (typeof blocks)[number];
      assert.ok(block.count <= BLOCK, `${block.term}: at most ${BLOCK} keys`);
      const previous = blocks[i - 1];
      if (previous?.term === block.term) assert.ok(previous.last < block.first, `${block.term}: blocks in order, apart`);
    }
    assert.ok((lists.get('透明')?.length ?? 0) > 1000 && blocks.filter((b) => b.term === '透明').length > 100, 'common terms span many blocks');
  });

  test('the hidden rows hold the terms, but the index does not hold them', async () => {
    const { lists } = await storedPostings();
    for (const key of ['unpublished', 'deleted', 'private']) {
      const row = await db
        .selectFrom('speeches as s')
        .innerJoin('transcripts as t', 't.id', 's.transcript_id')
        .select(['s.position', 's.transcript_id', 's.body', 't.held_on'])
        .where('s.id', '=', ids[key] ?? 0)
        .executeTakeFirstOrThrow();
      assert.ok(
        ['ogp', '資訊', '訊公', '公開'].every((term) => indexTerms(row.body).includes(term)),
        key,
      );
      const hidden = `${orderKey(row.held_on, row.transcript_id, row.position)}@`;
      for (const [term, list] of lists) assert.ok(!list.some((p) => p.startsWith(hidden)), `${key} is not under ${term}`);
    }
  });

  test('reindexing after a change, and a rebuild from scratch, give the same index', async (t) => {
    await ownCopy(t);
    const before = await storedPostings();
    await db.transaction().execute(async (trx) => {
      // Correct a published speech, delete another, then put both back: each step reindexed, as the service does.
      const [first, second] = await trx
        .selectFrom('speeches')
        .select(['id', 'body'])
        .where('transcript_id', '=', refs.random)
        .where('is_public', '=', true)
        .orderBy('position')
        .limit(2)
        .execute();
      const [id, body, other] = [first?.id ?? 0, first?.body ?? '', second?.id ?? 0];
      await trx.updateTable('speeches').set({ body: '全新的字 brandnew' }).where('id', '=', id).execute();
      await trx.updateTable('speeches').set({ deleted_at: new Date(), is_public: false }).where('id', '=', other).execute();
      await reindexTranscript(trx, refs.random, { blockSize: BLOCK });
      assert.deepEqual(
        (await searchSpeeches(trx, { q: 'brandnew', limit: 20, offset: 0 })).items.map((h) => h.speechId),
        [id],
      );
      assert.deepEqual(new Map([...(await storedPostings(trx)).lists].sort()), new Map([...(await expectedPostings(trx))].sort()));
      await trx.updateTable('speeches').set({ body }).where('id', '=', id).execute();
      await trx.updateTable('speeches').set({ deleted_at: null, is_public: true }).where('id', '=', other).execute();
      await reindexTranscript(trx, refs.random, { blockSize: BLOCK });
    });
    assert.deepEqual((await storedPostings()).lists, before.lists);
    await rebuildSearchIndex(db, { blockSize: BLOCK, transcriptsPerBatch: 2 });
    const rebuilt = await storedPostings();
    assert.deepEqual(rebuilt.lists, before.lists);
    assert.ok(rebuilt.blocks.length <= before.blocks.length, 'a rebuild packs blocks at least as tightly');
  });

  test('at start-up, published transcripts the index does not hold are indexed, and only those', async (t) => {
    await ownCopy(t);
    const before = await storedPostings();
    await db.deleteFrom('speech_index_transcripts').execute();
    await db.deleteFrom('speech_postings').execute();
    assert.equal(await indexMissingTranscripts(db), 5, 'the five published transcripts; not the draft');
    assert.deepEqual((await storedPostings()).lists, before.lists);
    assert.equal(await indexMissingTranscripts(db), 0, 'nothing left to do');
  });

  test('a search running alongside a reindex that re-cuts its blocks gives the same answer', async (t) => {
    await ownCopy(t);
    const alone = await search('透明治理', { limit: 20, offset: 980 });
    // PGlite runs the two interleaved statement by statement; whether the reindex lands between two of the search's
    // reads (and the search then reads again from one snapshot) depends on timing.
    const [during] = await Promise.all([search('透明治理', { limit: 20, offset: 980 }), reindexTranscript(db, refs.bulk, { blockSize: 5 })]);
    await reindexTranscript(db, refs.bulk, { blockSize: BLOCK });
    assert.deepEqual(during, alone);
    assert.deepEqual([alone.count, alone.countCapped, alone.items.length], [1000, true, 20]);
  });

  test('a JS string[] round-trips through text[] on this engine', async () => {
    const odd = ['a"b', 'c,d', '{x}', 'NULL', '公開'];
    const { rows } = await sql<{
      same: boolean;
      back: string[];
    }>`select ${odd}::text[] = ARRAY['a"b', 'c,d', '{x}', 'NULL', '公開'] as same, ${odd}::text[] as back`.execute(db);
    assert.deepEqual(rows[0], { same: true, back: odd });
  });

  test('a query without terms scans the public speeches through the ordered partial index', async () => {
    const plan = queryPlan('好');
    assert.ok(plan);
    await sql`analyze speeches`.execute(db);
    const explained = await db
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = await matchingPublicSpeeches(trx, plan, {})
          .select('s.id')
          .orderBy('s.held_on', 'desc')
          .orderBy('s.transcript_id', 'desc')
          .orderBy('s.position')
          .limit(20)
          .explain();
        throw new Rollback(rows);
      })
      .catch((e: unknown) => {
        if (e instanceof Rollback) return e.rows;
        throw e;
      });
    assert.match(explained.map((r) => Object.values(r).join(' ')).join('\n'), /speeches_public_order_idx/);
  });
});

describe('matching', () => {
  test('CJK is substring-exact: 資訊公開 finds 落實政府資訊公開法', async () => {
    assert.deepEqual(await hits('資訊公開'), keys('t3p2', 't2p1', 't1p1'));
    assert.deepEqual(await hits('政府資訊'), keys('t1p1'));
    assert.deepEqual(await hits('資訊與公開'), []);
  });

  test('公開、開放 and 公開放 share their terms; only the exact text matches', async () => {
    assert.deepEqual(await hits('公開、開放'), keys('t2p2'));
    assert.deepEqual(await hits('公開放'), keys('t1p2'));
  });

  test('Latin is case-insensitive, full-width included, and whole words', async () => {
    const ogp = keys('t3p1', 't2p3', 't1p3');
    assert.deepEqual(await hits('ogp'), ogp);
    assert.deepEqual(await hits('OGP'), ogp);
    assert.deepEqual(await hits('ＯＧＰ'), ogp);
    assert.deepEqual(await hits('Open  Government'), keys('t3p1', 't2p1', 't2p3'), 'a phrase, whitespace collapsed');
    assert.deepEqual(await hits('action plan'), keys('t1p3'));
    assert.deepEqual(await hits('plan action'), [], 'the words in that order');
    assert.deepEqual(await hits('gov'), [], 'a word prefix does not match (documented)');
  });

  test('mixed digits and CJK', async () => {
    assert.deepEqual(await hits('109年度'), keys('t1p4'));
    assert.deepEqual(await hits('109年'), keys('t1p4'));
    assert.deepEqual(await hits('第3次'), keys('t1p4'));
    assert.deepEqual(await hits('OGP 的'), keys('t2p3'), 'full-width ＯＧＰ + space + 的');
  });

  test('one-character CJK queries scan, and find the character inside longer runs too', async () => {
    assert.equal(queryPlan('好')?.fallback, true);
    assert.deepEqual(await hits('好'), keys('t2p4', 't1p4'));
    assert.deepEqual(await hits('年'), keys('t1p4'));
    assert.deepEqual(await hits('鳳'), []);
  });

  test('empty queries find nothing', async () => {
    assert.deepEqual(await search('   '), { items: [], count: 0, countCapped: false });
  });

  test('a hit carries its transcript and speaker', async () => {
    const [hit] = (await search('109年度')).items;
    assert.deepEqual(hit, {
      speechId: ids.t1p4,
      position: 4,
      body: '109年度的行動方案，第3次會議，很好用。',
      transcriptId: refs.t1,
      transcriptSlug: 't1',
      transcriptTitle: '逐字稿 t1',
      heldOn: '2024-03-01',
      language: 'zh-TW',
      speakerId: null,
      speakerName: null,
      speakerSlug: null,
      speakerLabel: '主席',
      kind: 'speech',
    });
    const [named] = (await search('政府資訊')).items;
    assert.equal(named?.speakerName, '唐鳳');
    assert.equal(named?.speakerSlug, 'tang');
  });
});

describe('never anything unpublished', () => {
  test('each hiding condition on its own keeps a speech out, on the indexed path and the scan', async () => {
    for (const q of ['unpublished transcript', 'deleted speech', 'private speech']) assert.deepEqual(await hits(q), [], q);
    const everywhere = await db
      .selectFrom('speeches')
      .select('id')
      .where(sql<boolean>`strpos(body, '資訊公開') > 0`)
      .execute();
    assert.equal(everywhere.length, 6, 'the hidden rows exist and contain the text');
    const [indexed, scanned, cappedScan] = [await hits('資訊公開', { limit: 100 }), await hits('好', { limit: 100 }), await allHits('段')];
    for (const key of ['unpublished', 'deleted', 'private']) {
      assert.ok(!indexed.includes(ids[key] ?? 0), key);
      assert.ok(!scanned.includes(ids[key] ?? 0), `${key} (scan)`);
      assert.ok(!cappedScan.includes(ids[key] ?? 0), `${key} (capped scan)`);
    }
  });
});

describe('filters, order and pages', () => {
  test('by speaker, meeting, transcript and date range (inclusive)', async () => {
    assert.deepEqual(await hits('資訊公開', { speakerId: refs.tang }), keys('t2p1', 't1p1'));
    assert.deepEqual(await hits('資訊公開', { speakerId: refs.lin }), keys('t3p2'));
    assert.deepEqual(await hits('資訊公開', { meetingId: refs.m1 }), keys('t1p1'));
    assert.deepEqual(await hits('資訊公開', { meetingId: refs.m2 }), keys('t2p1'));
    assert.deepEqual(await hits('資訊公開', { transcriptId: refs.t3 }), keys('t3p2'));
    assert.deepEqual(await hits('資訊公開', { from: '2024-06-01' }), keys('t3p2', 't2p1'));
    assert.deepEqual(await hits('資訊公開', { to: '2024-05-31' }), keys('t1p1'));
    assert.deepEqual(await hits('資訊公開', { from: '2024-03-01', to: '2024-03-01' }), keys('t1p1'));
    assert.deepEqual(await hits('好', { speakerId: refs.tang }), keys('t2p4'), 'filters apply to the scan too');
    assert.deepEqual(await hits('資訊公開', { from: '1800-01-01', to: '2024-05-31' }), keys('t1p1'), 'any date may bound the range');
    assert.deepEqual(await hits('資訊公開', { from: '2300-01-01' }), []);
    assert.deepEqual(await hits('資訊公開', { from: '2024-06-02', to: '2024-06-01' }), [], 'an empty range');
  });

  test('newest meeting first (later transcript first on the same day), then speech order; pages', async () => {
    assert.deepEqual(await hits('開放'), keys('t2p1', 't2p2', 't1p2'));
    const page = await search('資訊公開', { limit: 1, offset: 1 });
    assert.deepEqual(
      page.items.map((h) => h.speechId),
      keys('t2p1'),
    );
    assert.equal(page.count, 3);
    const bulk = await search('透明治理', { limit: 5, offset: 10 });
    assert.deepEqual(
      bulk.items.map((h) => h.position),
      [10, 11, 12, 13, 14],
    );
  });

  test('bad paging and dates are programming errors', async () => {
    await assert.rejects(search('x', { limit: 0 }), RangeError);
    await assert.rejects(search('x', { limit: 101 }), RangeError);
    await assert.rejects(search('x', { offset: -1 }), RangeError);
    await assert.rejects(search('x', { from: '2024/01/01' }), RangeError);
    await assert.rejects(search('x', { to: '2024-02-31' }), RangeError);
  });
});

describe('counts', () => {
  test('exact up to 1,000, then capped', async () => {
    assert.deepEqual([(await search('extra')).count, (await search('extra')).countCapped], [5, false]);
    const exactly = await search('exactly');
    assert.deepEqual([exactly.count, exactly.countCapped, exactly.items.length], [1000, false, 20]);
    const capped = await search('透明治理');
    assert.deepEqual([capped.count, capped.countCapped, capped.items.length], [1000, true, 20]);
    const scanned = await search('段');
    assert.deepEqual([scanned.count, scanned.countCapped], [1000, true], 'the one-character scan is capped the same way');
    const filtered = await search('透明治理', { speakerId: refs.tang });
    assert.deepEqual([filtered.count, filtered.countCapped], [0, false]);
  });
});

describe('far dates', () => {
  test('a meeting after 2079 (keys below 2^52) is searched over several reads like any other', async (t) => {
    await ownCopy(t);
    const future = await transcript('future', '2150-01-01', { published: true });
    await speeches(Array.from({ length: 300 }, (_, i) => ({ key: `future${i}`, transcriptId: future, position: i + 1, body: `鑫淼焱第${i}則` })));
    await reindexTranscript(db, future, { blockSize: BLOCK });
    const found = await search('鑫淼焱', { limit: 5, offset: 35 });
    assert.deepEqual([found.count, found.countCapped, found.items.map((h) => h.position)], [300, false, [36, 37, 38, 39, 40]]);
    assert.equal((await search('鑫淼焱', { from: '2150-01-01', to: '2150-01-01' })).count, 300);
  });
});

describe('cross-check against a plain substring scan', () => {
  // Full-width text is left out: the plain scan does not apply NFKC, so it misses ＯＧＰ for ogp (search finds it).
  test('0 mismatches for fixed queries', async () => {
    const queries = [
      '資訊公開',
      '公開',
      '開放',
      '公開放',
      '公開、開放',
      '政府',
      '府資',
      '好',
      '年',
      '109年度',
      '行動方案',
      '會議',
      '透明治理',
      '段',
      'open government',
      'Action Plan',
      'exactly',
      '。',
      '主席',
      '唐鳳',
    ];
    for (const q of queries)
      assert.deepEqual(
        (await allHits(q)).sort((a, b) => a - b),
        (await scan(q)).sort((a, b) => a - b),
        q,
      );
  });

  test('0 mismatches for 300 random substrings and non-substrings of random text', async () => {
    const bodies = (await db.selectFrom('speeches').select('body').where('transcript_id', '=', refs.random).execute()).map((r) => r.body);
    const next = random(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T;
    const queries = new Set<string>();
    while (queries.size < 300) {
      const body = pick(bodies);
      const start = Math.floor(next() * body.length);
      const q =
        next() < 0.8
          ? body.slice(start, start + 1 + Math.floor(next() * 5))
          : Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(['甲', '乙', '丙', '丁', '戊', '、'])).join('');
      if (q.trim() !== '' && q === q.trim()) queries.add(q);
    }
    let mismatches = 0;
    let nonEmpty = 0;
    for (const q of queries) {
      const found = (await allHits(q)).sort((a, b) => a - b);
      const expected = (await scan(q)).sort((a, b) => a - b);
      if (expected.length > 0) nonEmpty++;
      if (JSON.stringify(found) !== JSON.stringify(expected)) {
        mismatches++;
        assert.deepEqual(found, expected, `query ${JSON.stringify(q)}`);
      }
    }
    assert.equal(mismatches, 0);
    assert.ok(nonEmpty > 200, `most queries find something (${nonEmpty})`);
  });
});
