/** All SQL for speakers, transcripts, sections, speeches and their private correction log (search: transcripts.search.ts). */
import { sql, type Selectable } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { firstRow, lockedIf, updateVersioned, writtenRow } from '../../db/row-queries.js';
import type { SpeakersTable, SpeechesTable, TranscriptsTable } from './transcripts.table.js';
import type { Localized } from '../../domain/localized.js';
import type { FormatInfo, SpeechKind } from '../../domain/transcript-markdown.js';

export interface Speaker {
  id: number;
  slug: string;
  name: string;
  aliases: string[];
  userId: number | null;
  affiliation: Localized;
  colour: string;
  version: number;
}

export interface Transcript {
  id: number;
  slug: string;
  title: string;
  heldOn: string;
  language: 'zh-TW' | 'en';
  planId: number | null;
  meetingId: number | null;
  twinId: number | null;
  sourceUrl: string | null;
  embargoWorkingDays: number;
  releaseOn: string | null;
  publishAt: Date;
  countedWithCalendar: boolean;
  publishedAt: Date | null;
  publishedEarlyReason: string | null;
  publishedByName: string | null;
  sourceFormat: FormatInfo | null;
  version: number;
}

export interface Speech {
  id: number;
  transcriptId: number;
  sectionId: number | null;
  position: number;
  speakerId: number | null;
  speakerLabel: string | null;
  kind: SpeechKind;
  body: string;
  isPublic: boolean;
  deletedAt: Date | null;
  version: number;
}

const toSpeaker = (r: Selectable<SpeakersTable>): Speaker => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  aliases: r.aliases,
  userId: r.user_id,
  affiliation: r.affiliation,
  colour: r.colour,
  version: r.version,
});

export const toTranscript = (r: Selectable<TranscriptsTable>): Transcript => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  heldOn: r.held_on,
  language: r.language as Transcript['language'],
  planId: r.plan_id,
  meetingId: r.meeting_id,
  twinId: r.twin_id,
  sourceUrl: r.source_url,
  embargoWorkingDays: r.embargo_working_days,
  releaseOn: r.release_on,
  publishAt: r.publish_at,
  countedWithCalendar: r.counted_with_calendar,
  publishedAt: r.published_at,
  publishedEarlyReason: r.published_early_reason,
  publishedByName: r.published_by_name,
  sourceFormat: r.source_format,
  version: r.version,
});

const toSpeech = (r: Selectable<SpeechesTable>): Speech => ({
  id: r.id,
  transcriptId: r.transcript_id,
  sectionId: r.section_id,
  position: r.position,
  speakerId: r.speaker_id,
  speakerLabel: r.speaker_label,
  kind: r.kind as SpeechKind,
  body: r.body,
  isPublic: r.is_public,
  deletedAt: r.deleted_at,
  version: r.version,
});

const speechColumns = [
  'id',
  'transcript_id',
  'section_id',
  'position',
  'held_on',
  'speaker_id',
  'speaker_label',
  'kind',
  'body',
  'is_public',
  'deleted_at',
  'version',
  'created_at',
  'updated_at',
] as const;

// ---- speakers ----

export async function listSpeakers(db: DbOrTx): Promise<Speaker[]> {
  return (await db.selectFrom('speakers').selectAll().orderBy('name').execute()).map(toSpeaker);
}

/** Each speaker's number of public speeches, in one query (absent: none yet, so not public either). */
export async function countPublicSpeechesBySpeaker(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('speeches')
    .select(['speaker_id', sql<number>`count(*)::int`.as('n')])
    .where('is_public', '=', true)
    .where('speaker_id', 'is not', null)
    .groupBy('speaker_id')
    .execute();
  return new Map(rows.map((r) => [r.speaker_id as number, r.n]));
}

export function findSpeakerBySlug(db: DbOrTx, slug: string): Promise<Speaker | undefined> {
  return firstRow(db.selectFrom('speakers').selectAll().where('slug', '=', slug), toSpeaker);
}

export function findSpeakerById(db: DbOrTx, id: number, forUpdate = false): Promise<Speaker | undefined> {
  return firstRow(lockedIf(db.selectFrom('speakers').selectAll().where('id', '=', id), forUpdate), toSpeaker);
}

export function insertSpeaker(db: DbOrTx, s: Omit<Speaker, 'id' | 'version'>): Promise<Speaker> {
  return writtenRow(
    db
      .insertInto('speakers')
      .values({ slug: s.slug, name: s.name, aliases: jsonb(s.aliases), user_id: s.userId, affiliation: jsonb(s.affiliation), colour: s.colour }),
    toSpeaker,
  );
}

export function updateSpeakerRow(db: DbOrTx, id: number, s: Omit<Speaker, 'id' | 'version' | 'slug'>): Promise<Speaker> {
  return writtenRow(
    updateVersioned(db, 'speakers', id, {
      name: s.name,
      aliases: jsonb(s.aliases),
      user_id: s.userId,
      affiliation: jsonb(s.affiliation),
      colour: s.colour,
    }),
    toSpeaker,
  );
}

// ---- aliases learned from transcripts under embargo (public only once the transcript is) ----

/** Every waiting alias by speaker: they match headings at import, though no public channel shows them. */
export async function listPendingAliases(db: DbOrTx): Promise<Map<number, string[]>> {
  return aliasesBySpeaker(await db.selectFrom('speaker_pending_aliases').select(['speaker_id', 'alias']).execute());
}

function aliasesBySpeaker(rows: readonly { speaker_id: number; alias: string }[]): Map<number, string[]> {
  const bySpeaker = new Map<number, string[]>();
  for (const r of rows) bySpeaker.set(r.speaker_id, [...(bySpeaker.get(r.speaker_id) ?? []), r.alias]);
  return bySpeaker;
}

/** The aliases this transcript taught, replacing what an earlier import of it taught. */
export async function replacePendingAliases(db: DbOrTx, transcriptId: number, learned: readonly { speakerId: number; alias: string }[]): Promise<void> {
  await db.deleteFrom('speaker_pending_aliases').where('transcript_id', '=', transcriptId).execute();
  const unique = [...new Map(learned.map((l) => [`${l.speakerId}|${l.alias}`, l])).values()];
  if (unique.length > 0)
    await db
      .insertInto('speaker_pending_aliases')
      .values(unique.map((l) => ({ transcript_id: transcriptId, speaker_id: l.speakerId, alias: l.alias })))
      .execute();
}

/** On publication the transcript's waiting aliases join their speakers' public ones. */
async function applyPendingAliases(db: DbOrTx, transcriptId: number): Promise<void> {
  const rows = await db.deleteFrom('speaker_pending_aliases').where('transcript_id', '=', transcriptId).returning(['speaker_id', 'alias']).execute();
  for (const [speakerId, aliases] of aliasesBySpeaker(rows)) {
    const speaker = await findSpeakerById(db, speakerId, true);
    if (!speaker) continue;
    const added = aliases.filter((a) => !speaker.aliases.includes(a));
    if (added.length > 0) await updateSpeakerRow(db, speakerId, { ...speaker, aliases: [...speaker.aliases, ...added] });
  }
}

// ---- transcripts ----

export function findTranscriptBySlug(db: DbOrTx, slug: string): Promise<Transcript | undefined> {
  return firstRow(db.selectFrom('transcripts').selectAll().where('slug', '=', slug), toTranscript);
}

export function findTranscriptById(db: DbOrTx, id: number, forUpdate = false): Promise<Transcript | undefined> {
  return firstRow(lockedIf(db.selectFrom('transcripts').selectAll().where('id', '=', id), forUpdate), toTranscript);
}

/**
 * Transcripts the viewer may see, newest meeting first: published ones for everyone, drafts for the secretariat
 * (`allDrafts`) or for a speaker whose account spoke in them (`draftsOfUser`).
 */
export async function listVisibleTranscripts(db: DbOrTx, viewer: { allDrafts: boolean; draftsOfUser: number | null }): Promise<Transcript[]> {
  let q = db.selectFrom('transcripts as t').selectAll('t');
  if (!viewer.allDrafts) {
    const userId = viewer.draftsOfUser;
    q = q.where((eb) =>
      eb.or([
        eb('t.published_at', 'is not', null),
        ...(userId === null
          ? []
          : [
              eb.exists(
                eb
                  .selectFrom('speeches as s')
                  .innerJoin('speakers as p', 'p.id', 's.speaker_id')
                  .select('s.id')
                  .whereRef('s.transcript_id', '=', 't.id')
                  .where('p.user_id', '=', userId),
              ),
            ]),
      ]),
    );
  }
  return (await q.orderBy('t.held_on', 'desc').orderBy('t.id', 'desc').execute()).map(toTranscript);
}

/** Whether one of the user's speakers has a speech in the transcript. */
export async function userSpokeIn(db: DbOrTx, transcriptId: number, userId: number): Promise<boolean> {
  const speaker = await db
    .selectFrom('speakers as p')
    .select('p.id')
    .where('p.user_id', '=', userId)
    .where((eb) => eb.exists(eb.selectFrom('speeches as s').select('s.id').whereRef('s.speaker_id', '=', 'p.id').where('s.transcript_id', '=', transcriptId)))
    .limit(1)
    .executeTakeFirst();
  return speaker !== undefined;
}

export type TranscriptValues = Omit<Transcript, 'id' | 'version' | 'publishedAt' | 'publishedEarlyReason' | 'publishedByName'>;

const transcriptColumns = (t: TranscriptValues) => ({
  slug: t.slug,
  title: t.title,
  held_on: t.heldOn,
  language: t.language,
  plan_id: t.planId,
  meeting_id: t.meetingId,
  twin_id: t.twinId,
  source_url: t.sourceUrl,
  embargo_working_days: t.embargoWorkingDays,
  release_on: t.releaseOn,
  publish_at: t.publishAt,
  counted_with_calendar: t.countedWithCalendar,
  source_format: t.sourceFormat === null ? null : jsonb(t.sourceFormat),
});

export function insertTranscript(db: DbOrTx, t: TranscriptValues): Promise<Transcript> {
  return writtenRow(db.insertInto('transcripts').values(transcriptColumns(t)), toTranscript);
}

export function updateTranscriptRow(db: DbOrTx, id: number, t: TranscriptValues): Promise<Transcript> {
  return writtenRow(updateVersioned(db, 'transcripts', id, transcriptColumns(t)), toTranscript);
}

/**
 * Publishes: the transcript gets its time and reason, its remaining speeches become public (and searchable), and the
 * aliases learned from its speaker headings become its speakers' public aliases.
 */
export async function markPublished(db: DbOrTx, id: number, p: { at: Date; reason: string | null; byName: string }): Promise<void> {
  await updateVersioned(db, 'transcripts', id, { published_at: p.at, published_early_reason: p.reason, published_by_name: p.byName }).execute();
  await db.updateTable('speeches').set({ is_public: true }).where('transcript_id', '=', id).where('deleted_at', 'is', null).execute();
  await applyPendingAliases(db, id);
}

/** Transcripts whose publication time has come, oldest first, locked so two processes do not both publish. */
export async function lockDueTranscripts(db: DbOrTx, now: Date): Promise<Transcript[]> {
  const rows = await db
    .selectFrom('transcripts')
    .selectAll()
    .where('published_at', 'is', null)
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(toTranscript);
}

// ---- sections and speeches ----

export async function replaceSections(db: DbOrTx, transcriptId: number, headings: readonly string[]): Promise<Map<string, number>> {
  await db.deleteFrom('transcript_sections').where('transcript_id', '=', transcriptId).execute();
  const ids = new Map<string, number>();
  if (headings.length === 0) return ids;
  const rows = await db
    .insertInto('transcript_sections')
    .values(headings.map((heading, i) => ({ transcript_id: transcriptId, position: i + 1, heading })))
    .returning(['id', 'heading'])
    .execute();
  for (const r of rows) ids.set(r.heading, r.id);
  return ids;
}

export async function listSections(db: DbOrTx, transcriptId: number): Promise<{ id: number; heading: string; position: number }[]> {
  return db.selectFrom('transcript_sections').select(['id', 'heading', 'position']).where('transcript_id', '=', transcriptId).orderBy('position').execute();
}

/** A transcript's speeches in order, or those at positions `from`–`to` (one page); deleted ones only when asked (the private view of corrections). */
export async function listSpeeches(
  db: DbOrTx,
  transcriptId: number,
  options: { includeDeleted: boolean; positions?: { from: number; to: number } },
): Promise<Speech[]> {
  let q = db.selectFrom('speeches').select(speechColumns).where('transcript_id', '=', transcriptId);
  if (!options.includeDeleted) q = q.where('deleted_at', 'is', null);
  if (options.positions) q = q.where('position', '>=', options.positions.from).where('position', '<=', options.positions.to);
  return (await q.orderBy('position').execute()).map(toSpeech);
}

/** The shape of a transcript's pages without reading its speeches: the last position, and where each section begins. */
export async function speechOutline(db: DbOrTx, transcriptId: number): Promise<{ lastPosition: number; sectionStarts: Map<number, number> }> {
  const rows = await db
    .selectFrom('speeches')
    .select((eb) => ['section_id', eb.fn.min<number>('position').as('first'), eb.fn.max<number>('position').as('last')])
    .where('transcript_id', '=', transcriptId)
    .where('deleted_at', 'is', null)
    .groupBy('section_id')
    .execute();
  const sectionStarts = new Map<number, number>();
  let lastPosition = 0;
  for (const row of rows) {
    if (row.section_id !== null) sectionStarts.set(row.section_id, Number(row.first));
    lastPosition = Math.max(lastPosition, Number(row.last));
  }
  return { lastPosition, sectionStarts };
}

export function findSpeechById(db: DbOrTx, id: number, forUpdate = false): Promise<Speech | undefined> {
  return firstRow(lockedIf(db.selectFrom('speeches').select(speechColumns).where('id', '=', id), forUpdate), toSpeech);
}

export type SpeechValues = Pick<Speech, 'sectionId' | 'position' | 'speakerId' | 'speakerLabel' | 'kind' | 'body' | 'isPublic'>;

export async function insertSpeeches(db: DbOrTx, transcriptId: number, heldOn: string, speeches: readonly SpeechValues[]): Promise<void> {
  // Batches keep each statement's parameter count well under PostgreSQL's limit.
  for (let i = 0; i < speeches.length; i += 500) {
    await db
      .insertInto('speeches')
      .values(
        speeches.slice(i, i + 500).map((s) => ({
          transcript_id: transcriptId,
          held_on: heldOn,
          section_id: s.sectionId,
          position: s.position,
          speaker_id: s.speakerId,
          speaker_label: s.speakerLabel,
          kind: s.kind,
          body: s.body,
          is_public: s.isPublic,
        })),
      )
      .execute();
  }
}

/** Moves a kept speech to its place in a re-imported transcript; its id (the permalink) does not change. */
export async function repositionSpeech(
  db: DbOrTx,
  id: number,
  s: { position: number; sectionId: number | null; speakerId: number | null; speakerLabel: string | null },
): Promise<void> {
  await db
    .updateTable('speeches')
    .set({ position: s.position, section_id: s.sectionId, speaker_id: s.speakerId, speaker_label: s.speakerLabel })
    .where('id', '=', id)
    .execute();
}

/** Keeps the speeches' copy of the meeting date in step when a transcript's date changes. */
export async function setSpeechesHeldOn(db: DbOrTx, transcriptId: number, heldOn: string): Promise<void> {
  await db.updateTable('speeches').set({ held_on: heldOn }).where('transcript_id', '=', transcriptId).where('held_on', '<>', heldOn).execute();
}

export async function deleteSpeechRows(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('speeches').where('id', 'in', ids).execute();
}

export async function updateSpeechBody(db: DbOrTx, id: number, body: string): Promise<Speech> {
  await updateVersioned(db, 'speeches', id, { body }).execute();
  return (await findSpeechById(db, id)) as Speech;
}

export async function markSpeechDeleted(db: DbOrTx, id: number, at: Date): Promise<void> {
  await updateVersioned(db, 'speeches', id, { deleted_at: at, is_public: false }).execute();
}

export async function insertSpeechRevision(
  db: DbOrTx,
  r: { speechId: number; action: 'edit' | 'delete' | 'restore'; actorId: number | null; actorName: string; before: string | null; after: string | null },
): Promise<void> {
  await db
    .insertInto('speech_revisions')
    .values({ speech_id: r.speechId, action: r.action, actor_id: r.actorId, actor_name: r.actorName, before: r.before, after: r.after })
    .execute();
}

export interface SpeechRevision {
  id: number;
  speechId: number;
  action: string;
  actorName: string;
  before: string | null;
  after: string | null;
  at: Date;
}

export async function listSpeechRevisions(db: DbOrTx, transcriptId: number): Promise<SpeechRevision[]> {
  const rows = await db
    .selectFrom('speech_revisions as r')
    .innerJoin('speeches as s', 's.id', 'r.speech_id')
    .select(['r.id', 'r.speech_id', 'r.action', 'r.actor_name', 'r.before', 'r.after', 'r.at'])
    .where('s.transcript_id', '=', transcriptId)
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, speechId: r.speech_id, action: r.action, actorName: r.actor_name, before: r.before, after: r.after, at: r.at }));
}

/** A speaker's public speeches, newest meeting first, a page at a time, with the total. */
export async function listPublicSpeechesOfSpeaker(
  db: DbOrTx,
  speakerId: number,
  page: { limit: number; offset: number },
): Promise<{ items: (Speech & { transcriptSlug: string; transcriptTitle: string; heldOn: string })[]; total: number }> {
  const base = db
    .selectFrom('speeches as s')
    .innerJoin('transcripts as t', 't.id', 's.transcript_id')
    .where('s.speaker_id', '=', speakerId)
    .where('s.is_public', '=', true)
    .where('s.deleted_at', 'is', null)
    .where('t.published_at', 'is not', null);
  const [rows, total] = await Promise.all([
    base
      .select([
        's.id',
        's.transcript_id',
        's.section_id',
        's.position',
        's.held_on',
        's.speaker_id',
        's.speaker_label',
        's.kind',
        's.body',
        's.is_public',
        's.deleted_at',
        's.version',
        's.created_at',
        's.updated_at',
        't.slug',
        't.title',
      ])
      .orderBy('s.held_on', 'desc')
      .orderBy('s.transcript_id', 'desc')
      .orderBy('s.position')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ ...toSpeech(r), transcriptSlug: r.slug, transcriptTitle: r.title, heldOn: r.held_on })), total: total.n };
}

/**
 * A deleted account: its speaker is no longer linked to it (no one corrects those speeches any more), and its name
 * leaves the private correction log. The speeches stay under the speaker's name, as spoken in a public meeting.
 */
export async function unlinkAccount(db: DbOrTx, userId: number): Promise<void> {
  await db.updateTable('speakers').set({ user_id: null }).where('user_id', '=', userId).execute();
  await db.updateTable('speech_revisions').set({ actor_name: '' }).where('actor_id', '=', userId).execute();
}
