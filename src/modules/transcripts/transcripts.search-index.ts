/**
 * Writes the speech search index (ADR 0012): the posting blocks of `speech_postings` and, per indexed transcript,
 * what it put there (`speech_index_transcripts`). Only public, undeleted speeches of published transcripts are ever
 * indexed, so the index itself never holds anything a visitor may not see.
 *
 * Every write goes through reindexTranscript, inside the transaction of the change that calls it (publication,
 * re-import, a correction or deletion after publication), so the index and the speeches commit together. Writers are
 * serialized by one transaction-scoped advisory lock: two publications touching the same term's block would otherwise
 * each rewrite it from the same old copy.
 */
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/connection.js';
import { indexTermPositions } from '../../domain/cjk-search.js';
import {
  BLOCK_SIZE,
  cutBlocks,
  decodePostings,
  encodeBlock,
  mergeSorted,
  orderKey,
  transcriptRange,
  type EncodedBlock,
  type Posting,
} from '../../domain/search-postings.js';

/** The term under which a speaker's public speeches are listed, for the speaker filter; no text term has a colon. */
export const speakerTerm = (speakerId: number) => `speaker:${speakerId}`;

const INDEX_LOCK_ID = 0x5ea4c4;
const ROWS_PER_STATEMENT = 1000;

interface StoredBlock {
  term: string;
  last_key: number;
  first_key: number;
  key_count: number;
  keys: Uint8Array;
}

const asBlock = (row: StoredBlock) => ({ firstKey: Number(row.first_key), count: row.key_count, bytes: row.keys });

/** Runs `work` in a transaction: the caller's, or a new one. */
async function inTransaction<T>(db: DbOrTx, work: (trx: DbOrTx) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function deleteBlocks(db: DbOrTx, blocks: readonly { term: string; last_key: number }[]): Promise<void> {
  for (let i = 0; i < blocks.length; i += ROWS_PER_STATEMENT) {
    const chunk = blocks.slice(i, i + ROWS_PER_STATEMENT);
    await sql`DELETE FROM speech_postings WHERE (term, last_key) IN (SELECT * FROM unnest(${chunk.map((b) => b.term)}::text[], ${chunk.map((b) => b.last_key)}::bigint[]))`.execute(
      db,
    );
  }
}

async function insertBlocks(db: DbOrTx, blocks: readonly { term: string; block: EncodedBlock }[]): Promise<void> {
  for (let i = 0; i < blocks.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('speech_postings')
      .values(
        blocks
          .slice(i, i + ROWS_PER_STATEMENT)
          .map(({ term, block }) => ({ term, last_key: block.lastKey, first_key: block.firstKey, key_count: block.count, keys: block.bytes })),
      )
      .execute();
  }
}

/** The postings of one transcript's indexable speeches, per term (each list in key order). */
async function postingsOfTranscript(db: DbOrTx, transcriptId: number, heldOn: string): Promise<Map<string, Posting[]>> {
  const speeches = await db
    .selectFrom('speeches')
    .select(['position', 'body', 'speaker_id'])
    .where('transcript_id', '=', transcriptId)
    .where('is_public', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const byTerm = new Map<string, Posting[]>();
  const add = (term: string, posting: Posting) => {
    const list = byTerm.get(term);
    if (list) list.push(posting);
    else byTerm.set(term, [posting]);
  };
  for (const s of speeches) {
    const key = orderKey(heldOn, transcriptId, s.position);
    for (const [term, positions] of indexTermPositions(s.body)) add(term, { key, positions });
    // The speaker filter's list: keys only.
    if (s.speaker_id !== null) add(speakerTerm(s.speaker_id), { key, positions: [] });
  }
  return byTerm;
}

/** What the bookkeeping table records for an indexed transcript: its key range and the terms it added. */
function stateRow(transcriptId: number, heldOn: string, byTerm: Map<string, Posting[]>) {
  const range = transcriptRange(heldOn, transcriptId);
  return { transcript_id: transcriptId, key_lo: range.lo, key_hi: range.hi, terms: [...byTerm.keys()] };
}

/** Takes a transcript's keys out of every block that holds them. */
async function removeTranscript(db: DbOrTx, state: { key_lo: number; key_hi: number; terms: string[] }): Promise<void> {
  const lo = Number(state.key_lo);
  const hi = Number(state.key_hi);
  if (state.terms.length === 0) return;
  const blocks = await sql<StoredBlock>`SELECT term, last_key, first_key, key_count, keys FROM speech_postings
    WHERE term = ANY(${state.terms}::text[]) AND last_key >= ${lo} AND first_key <= ${hi}`.execute(db);
  const kept: { term: string; block: EncodedBlock }[] = [];
  for (const row of blocks.rows) {
    const rest = decodePostings(asBlock(row)).filter((p) => p.key < lo || p.key > hi);
    // What is left stays one block: a block may span the gap the transcript leaves.
    if (rest.length > 0) kept.push({ term: row.term, block: encodeBlock(rest) });
  }
  await deleteBlocks(db, blocks.rows);
  await insertBlocks(db, kept);
}

/**
 * Adds a transcript's keys (a range no other transcript's keys fall in) to each term's blocks: into the block that
 * spans the gap, else appended to the block before or prepended to the block after when it has room, else as new
 * blocks. Successive publications of new meetings so fill the first blocks rather than leave many small ones.
 */
async function addTranscript(db: DbOrTx, byTerm: Map<string, Posting[]>, lo: number, blockSize: number): Promise<void> {
  const terms = [...byTerm.keys()];
  if (terms.length === 0) return;
  const neighbour = async (direction: 'after' | 'before') => {
    const found = new Map<string, StoredBlock>();
    for (let i = 0; i < terms.length; i += ROWS_PER_STATEMENT) {
      const chunk = terms.slice(i, i + ROWS_PER_STATEMENT);
      const condition = direction === 'after' ? sql`p.last_key >= ${lo} ORDER BY p.last_key` : sql`p.last_key < ${lo} ORDER BY p.last_key DESC`;
      const rows = await sql<StoredBlock>`SELECT b.* FROM unnest(${chunk}::text[]) AS t(term)
        CROSS JOIN LATERAL (SELECT p.term, p.last_key, p.first_key, p.key_count, p.keys FROM speech_postings p WHERE p.term = t.term AND ${condition} LIMIT 1) AS b`.execute(
        db,
      );
      for (const row of rows.rows) found.set(row.term, row);
    }
    return found;
  };
  const after = await neighbour('after');
  const before = await neighbour('before');
  const replaced: StoredBlock[] = [];
  const written: { term: string; block: EncodedBlock }[] = [];
  for (const [term, postings] of byTerm) {
    const next = after.get(term);
    const previous = before.get(term);
    let merged: Posting[];
    if (next && Number(next.first_key) < lo) {
      replaced.push(next);
      merged = mergeSorted(decodePostings(asBlock(next)), postings);
    } else if (previous && previous.key_count + postings.length <= blockSize) {
      replaced.push(previous);
      merged = [...decodePostings(asBlock(previous)), ...postings];
    } else if (next && next.key_count + postings.length <= blockSize) {
      replaced.push(next);
      merged = [...postings, ...decodePostings(asBlock(next))];
    } else {
      merged = postings;
    }
    for (const block of cutBlocks(merged, blockSize)) written.push({ term, block });
  }
  await deleteBlocks(db, replaced);
  await insertBlocks(db, written);
}

/**
 * Brings the index in step with one transcript: takes out what it held for it, then adds its indexable speeches if
 * it is published. Call it in the transaction of any change to a published transcript's speeches or date.
 */
export async function reindexTranscript(db: DbOrTx, transcriptId: number, options: { blockSize?: number } = {}): Promise<void> {
  const blockSize = options.blockSize ?? BLOCK_SIZE;
  await inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK_ID})`.execute(trx);
    const state = await trx.selectFrom('speech_index_transcripts').selectAll().where('transcript_id', '=', transcriptId).executeTakeFirst();
    if (state) await removeTranscript(trx, state);
    const transcript = await trx.selectFrom('transcripts').select(['held_on', 'published_at']).where('id', '=', transcriptId).executeTakeFirst();
    if (!transcript || transcript.published_at === null) {
      if (state) await trx.deleteFrom('speech_index_transcripts').where('transcript_id', '=', transcriptId).execute();
      return;
    }
    const byTerm = await postingsOfTranscript(trx, transcriptId, transcript.held_on);
    await addTranscript(trx, byTerm, transcriptRange(transcript.held_on, transcriptId).lo, blockSize);
    const { transcript_id: _, ...row } = stateRow(transcriptId, transcript.held_on, byTerm);
    await trx
      .insertInto('speech_index_transcripts')
      .values({ transcript_id: transcriptId, ...row })
      .onConflict((oc) => oc.column('transcript_id').doUpdateSet(row))
      .execute();
  });
}

/** Indexes every published transcript the index does not hold yet (after migrating, or a bulk load). Returns how many. */
export async function indexMissingTranscripts(db: DbOrTx): Promise<number> {
  const missing = await db
    .selectFrom('transcripts as t')
    .leftJoin('speech_index_transcripts as x', 'x.transcript_id', 't.id')
    .select('t.id')
    .where('t.published_at', 'is not', null)
    .where('x.transcript_id', 'is', null)
    .orderBy('t.id')
    .execute();
  for (const { id } of missing) await reindexTranscript(db, id);
  return missing.length;
}

/**
 * Builds the whole index afresh from the speeches, for a bulk load: transcripts in result order, so each term's list
 * grows in key order and is written a full block at a time. Replaces whatever the index held.
 */
export async function rebuildSearchIndex(db: DbOrTx, options: { blockSize?: number; transcriptsPerBatch?: number } = {}): Promise<void> {
  const blockSize = options.blockSize ?? BLOCK_SIZE;
  const perBatch = options.transcriptsPerBatch ?? 50;
  await inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${INDEX_LOCK_ID})`.execute(trx);
    await sql`DELETE FROM speech_postings`.execute(trx);
    await sql`DELETE FROM speech_index_transcripts`.execute(trx);
    const transcripts = await trx
      .selectFrom('transcripts')
      .select(['id', 'held_on'])
      .where('published_at', 'is not', null)
      .orderBy('held_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const pending = new Map<string, Posting[]>();
    let ready: { term: string; block: EncodedBlock }[] = [];
    for (let i = 0; i < transcripts.length; i += perBatch) {
      const states: ReturnType<typeof stateRow>[] = [];
      for (const t of transcripts.slice(i, i + perBatch)) {
        const byTerm = await postingsOfTranscript(trx, t.id, t.held_on);
        for (const [term, postings] of byTerm) {
          const list = pending.get(term);
          if (!list) {
            pending.set(term, postings);
            continue;
          }
          for (const posting of postings) list.push(posting);
          if (list.length >= blockSize) {
            ready.push({ term, block: encodeBlock(list.slice(0, blockSize)) });
            pending.set(term, list.slice(blockSize));
          }
        }
        states.push(stateRow(t.id, t.held_on, byTerm));
      }
      if (ready.length >= ROWS_PER_STATEMENT) {
        await insertBlocks(trx, ready);
        ready = [];
      }
      if (states.length > 0) await trx.insertInto('speech_index_transcripts').values(states).execute();
    }
    for (const [term, postings] of pending) for (const block of cutBlocks(postings, blockSize)) ready.push({ term, block });
    await insertBlocks(trx, ready);
  });
}
