/**
 * Transcript use cases: import (create or replace, keeping permalinks), the embargo during which speakers correct
 * their own words, early and due publication, and who may see a draft. One transaction per write.
 */
import type { Db, DbOrTx } from '../../db/connection.js';
import { can, type Actor } from '../../domain/authorization.js';
import { canCorrectSpeech } from './transcripts.policy.js';
import { emptyLocalized, mergeLocalized } from '../../domain/localized.js';
import { addDays } from '../../domain/monitoring.js';
import type { FieldProblem } from '../../domain/plan.js';
import {
  ANSWER_LABELS,
  parseTranscriptMarkdown,
  QUESTION_LABELS,
  serializeTranscriptMarkdown,
  slugifySpeaker,
  SPEAKER_COLOURS,
  speakerNameFromLabel,
  type ParsedTurn,
} from '../../domain/transcript-markdown.js';
import { FIRST_YEAR, LAST_YEAR, MAX_POSITION } from '../../domain/search-postings.js';
import { embargoEnd } from '../../domain/working-days.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../../errors.js';
import { findMeetingById } from '../forum/index.js';
import { userExists } from '../accounts/index.js';
import { recordHistory, recorded } from '../history/index.js';
import { findPlanById } from '../plans/index.js';
import { assertValid, assertVersion, authorize, authorizedWrite, foundAtVersion, type HistorySubject } from '../../web/service-helpers.js';
import { loadCalendar } from './calendar.queries.js';
import * as q from './transcripts.queries.js';
import { reindexTranscript } from './transcripts.search-index.js';

export interface TranscriptDeps {
  db: Db;
  now: () => Date;
}

/**
 * The largest transcript an import takes: characters of Markdown in the API, bytes of the file in the CLI (a file
 * of at most this many UTF-8 bytes has at most this many characters). About a full day of hearings; larger records
 * are split by session. The CLI's `--force` goes past it.
 */
export const TRANSCRIPT_MARKDOWN_MAX = 5_000_000;

export interface ImportInput {
  markdown: string;
  /** Used when the file has no `# YYYY-MM-DD Title` heading (or to override it). */
  title?: string | undefined;
  heldOn?: string | undefined;
  language: 'zh-TW' | 'en';
  planId?: number | null | undefined;
  meetingId?: number | null | undefined;
  twinId?: number | null | undefined;
  sourceUrl?: string | null | undefined;
  embargoWorkingDays?: number | undefined;
  releaseOn?: string | null | undefined;
  /** Replace the transcript with this slug (speeches whose text is unchanged keep their ids); otherwise create. */
  replaceSlug?: string | undefined;
}

function colourFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return SPEAKER_COLOURS[h % SPEAKER_COLOURS.length] as string;
}

const normalizeLabel = (label: string) => label.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The speakers an import matches headings against, and the aliases it learns. A heading learned from a transcript
 * under embargo (王明德（…）) waits with the transcript and becomes public only when it is published (ADR 0013).
 */
interface SpeakerBook {
  speakers: q.Speaker[];
  /** Aliases waiting for the publication of some transcript, by speaker: they match, but are not public. */
  pending: Map<number, string[]>;
  published: boolean;
  learned: { speakerId: number; alias: string }[];
}

/** Finds the speaker a label names (by alias or name), or creates one; new aliases are learned as they come. */
async function speakerFor(trx: DbOrTx, label: string, book: SpeakerBook): Promise<q.Speaker> {
  const wanted = normalizeLabel(label);
  const name = speakerNameFromLabel(label);
  const knownAs = (s: q.Speaker) => [...s.aliases, ...(book.pending.get(s.id) ?? [])].some((a) => normalizeLabel(a) === wanted);
  const found = book.speakers.find(knownAs) ?? book.speakers.find((s) => normalizeLabel(s.name) === normalizeLabel(name));
  if (found) {
    if (found.aliases.some((a) => normalizeLabel(a) === wanted)) return found;
    if (book.learned.some((l) => l.speakerId === found.id && normalizeLabel(l.alias) === wanted)) return found;
    return learnAlias(trx, book, found, label);
  }
  let slug = slugifySpeaker(name) || 'speaker';
  for (let n = 2; book.speakers.some((s) => s.slug === slug) || (await q.findSpeakerBySlug(trx, slug)); n++) slug = `${slugifySpeaker(name) || 'speaker'}-${n}`;
  const created = await q.insertSpeaker(trx, { slug, name, aliases: [], userId: null, affiliation: emptyLocalized(), colour: colourFor(name) });
  book.speakers.push(created);
  return learnAlias(trx, book, created, label);
}

async function learnAlias(trx: DbOrTx, book: SpeakerBook, speaker: q.Speaker, label: string): Promise<q.Speaker> {
  if (!book.published) {
    book.learned.push({ speakerId: speaker.id, alias: label });
    book.pending.set(speaker.id, [...(book.pending.get(speaker.id) ?? []), label]);
    return speaker;
  }
  const updated = await q.updateSpeakerRow(trx, speaker.id, { ...speaker, aliases: [...speaker.aliases, label] });
  book.speakers.splice(book.speakers.indexOf(speaker), 1, updated);
  return updated;
}

const slugify = (heldOn: string, title: string) =>
  `${heldOn}-${title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)}`.replace(/-+$/, '');

// Where history files the changes of transcripts and speakers.
const transcriptSubject = (t: q.Transcript): HistorySubject => ({ entityType: 'transcript', entityId: t.id, planId: t.planId, commitmentId: null });
const speakerSubject = (speakerId: number): HistorySubject => ({ entityType: 'speaker', entityId: speakerId, planId: null, commitmentId: null });

/** Parses or explains, by line, why not: nothing is written for a malformed file. */
function parseOrThrow(markdown: string) {
  const parsed = parseTranscriptMarkdown(markdown);
  if (!parsed.ok) {
    throw new ValidationError(parsed.problems.map((p) => ({ field: 'markdown', key: p.key, params: { ...(p.params ?? {}), line: p.line } })));
  }
  return parsed.transcript;
}

async function publicationFor(trx: DbOrTx, heldOn: string, workingDays: number, releaseOn: string | null) {
  // Sixty working days never span more than about three months.
  const calendar = await loadCalendar(trx, heldOn, addDays(heldOn, 120));
  return embargoEnd({ heldOn, workingDays, releaseOn, calendar });
}

/** Imports as the signed-in secretariat, or as the command line (`'cli'`, trusted: whoever runs it holds the database). */
export async function importTranscript(deps: TranscriptDeps, who: Actor | null | 'cli', input: ImportInput): Promise<q.Transcript> {
  const actor = who === 'cli' ? null : who;
  if (who !== 'cli') authorize(actor, 'transcript.manage');
  const parsed = parseOrThrow(input.markdown);
  const title = (input.title ?? '').trim() || parsed.title.trim();
  const heldOn = input.heldOn ?? parsed.heldOn;
  const problems: FieldProblem[] = [];
  if (!title) problems.push({ field: 'title', key: 'error.required' });
  if (!heldOn) problems.push({ field: 'heldOn', key: 'transcript.error.dateNeeded' });
  if (parsed.turns.length === 0) problems.push({ field: 'markdown', key: 'transcript.error.empty', params: { line: 1 } });
  // The search index's order key holds positions up to MAX_POSITION and years FIRST_YEAR to LAST_YEAR (ADR 0012).
  if (parsed.turns.length > MAX_POSITION)
    problems.push({ field: 'markdown', key: 'transcript.error.tooManySpeeches', params: { max: MAX_POSITION, count: parsed.turns.length } });
  if (heldOn && (heldOn < `${FIRST_YEAR}-01-01` || heldOn >= `${LAST_YEAR}-01-01`))
    problems.push({ field: 'heldOn', key: 'transcript.error.dateOutOfRange', params: { first: `${FIRST_YEAR}-01-01`, last: `${LAST_YEAR - 1}-12-31` } });
  // Named references are explained here rather than left to a foreign-key error (the API and the CLI pass ids as given).
  if (typeof input.meetingId === 'number' && !(await findMeetingById(deps.db, input.meetingId)))
    problems.push({ field: 'meetingId', key: 'transcript.error.unknownMeeting' });
  if (typeof input.twinId === 'number' && !(await q.findTranscriptById(deps.db, input.twinId)))
    problems.push({ field: 'twinId', key: 'transcript.error.unknownTwin' });
  if (typeof input.planId === 'number' && !(await findPlanById(deps.db, input.planId))) problems.push({ field: 'planId', key: 'error.referenceMissing' });
  assertValid(problems);
  const day = heldOn as string;
  return deps.db.transaction().execute(async (trx) => {
    const existing = input.replaceSlug ? await q.findTranscriptBySlug(trx, input.replaceSlug) : undefined;
    if (input.replaceSlug && !existing) throw new NotFoundError();
    const workingDays = input.embargoWorkingDays ?? existing?.embargoWorkingDays ?? 10;
    const releaseOn = input.releaseOn === undefined ? (existing?.releaseOn ?? null) : input.releaseOn;
    const publication = await publicationFor(trx, day, workingDays, releaseOn);
    const values: q.TranscriptValues = {
      slug: existing?.slug ?? slugify(day, title),
      title,
      heldOn: day,
      language: input.language,
      planId: input.planId === undefined ? (existing?.planId ?? null) : input.planId,
      meetingId: input.meetingId === undefined ? (existing?.meetingId ?? null) : input.meetingId,
      twinId: input.twinId === undefined ? (existing?.twinId ?? null) : input.twinId,
      sourceUrl: input.sourceUrl === undefined ? (existing?.sourceUrl ?? null) : input.sourceUrl,
      embargoWorkingDays: workingDays,
      releaseOn,
      publishAt: publication.publishAt,
      countedWithCalendar: publication.countedWithCalendar,
      sourceFormat: parsed.format,
    };
    if (!existing && (await q.findTranscriptBySlug(trx, values.slug)))
      throw new ValidationError([{ field: 'title', key: 'transcript.error.exists', params: { slug: values.slug } }]);
    const transcript = existing ? await q.updateTranscriptRow(trx, existing.id, values) : await q.insertTranscript(trx, values);
    const published = transcript.publishedAt !== null;
    // What an earlier import of this transcript taught is learned again from this one.
    await q.replacePendingAliases(trx, transcript.id, []);
    const book: SpeakerBook = { speakers: await q.listSpeakers(trx), pending: await q.listPendingAliases(trx), published, learned: [] };
    const sections = await q.replaceSections(trx, transcript.id, [...new Set(parsed.turns.map((t) => t.section).filter((s): s is string => s !== null))]);
    const old = existing ? await q.listSpeeches(trx, transcript.id, { includeDeleted: true }) : [];
    const kept = new Set<number>();
    const fresh: q.SpeechValues[] = [];
    for (const [i, turn] of parsed.turns.entries()) {
      // 問 / 答 mark a question or an answer from the floor, not a person.
      const anonymous =
        (turn.kind === 'question' && QUESTION_LABELS.includes(turn.speakerLabel ?? '')) ||
        (turn.kind === 'answer' && ANSWER_LABELS.includes(turn.speakerLabel ?? ''));
      const speaker = turn.speakerLabel && !anonymous ? await speakerFor(trx, turn.speakerLabel, book) : null;
      const placement = {
        position: i + 1,
        sectionId: turn.section ? (sections.get(turn.section) ?? null) : null,
        speakerId: speaker?.id ?? null,
        speakerLabel: turn.speakerLabel,
      };
      // Unchanged words keep their speech, so permalinks (#s<id>) survive a re-import.
      const same = old.find((s) => !kept.has(s.id) && s.deletedAt === null && sameTurn(s, turn));
      if (same) {
        kept.add(same.id);
        await q.repositionSpeech(trx, same.id, placement);
      } else {
        fresh.push({ ...placement, kind: turn.kind, body: turn.body, isPublic: published });
      }
    }
    // Changed words leave; speeches deleted by their speaker stay deleted, with their private correction log.
    await q.deleteSpeechRows(
      trx,
      old.filter((s) => !kept.has(s.id) && s.deletedAt === null).map((s) => s.id),
    );
    await q.setSpeechesHeldOn(trx, transcript.id, transcript.heldOn);
    await q.insertSpeeches(trx, transcript.id, transcript.heldOn, fresh);
    await q.replacePendingAliases(trx, transcript.id, book.learned);
    if (published) await reindexTranscript(trx, transcript.id);
    await recordHistory(trx, {
      ...transcriptSubject(transcript),
      action: existing ? 'update' : 'create',
      actor,
      before: existing ? { title: existing.title, heldOn: existing.heldOn, speeches: old.length } : null,
      after: { title: transcript.title, heldOn: transcript.heldOn, speeches: parsed.turns.length, keptSpeeches: kept.size },
    });
    return transcript;
  });
}

const sameTurn = (s: q.Speech, t: ParsedTurn) => s.body === t.body && s.kind === t.kind && (s.speakerLabel ?? null) === (t.speakerLabel ?? null);

// ---------------------------------------------------------------- who sees a draft

/** Published transcripts are public; a draft is for the secretariat and for the people who spoke in it. */
export async function canSeeTranscript(db: DbOrTx, actor: Actor | null, transcript: q.Transcript): Promise<boolean> {
  if (transcript.publishedAt !== null) return true;
  if (!actor) return false;
  if (can(actor, 'transcript.manage')) return true;
  return q.userSpokeIn(db, transcript.id, actor.id);
}

export function visibilityFor(actor: Actor | null): { allDrafts: boolean; draftsOfUser: number | null } {
  return { allDrafts: can(actor, 'transcript.manage'), draftsOfUser: actor?.id ?? null };
}

// ---------------------------------------------------------------- corrections during the embargo

async function speechForCorrection(trx: DbOrTx, actor: Actor | null, speechId: number) {
  if (!actor) throw new UnauthenticatedError();
  const speech = await q.findSpeechById(trx, speechId, true);
  if (!speech || speech.deletedAt !== null) throw new NotFoundError();
  const transcript = await q.findTranscriptById(trx, speech.transcriptId);
  if (!transcript || !(await canSeeTranscript(trx, actor, transcript))) throw new NotFoundError();
  const speaker = speech.speakerId === null ? undefined : await q.findSpeakerById(trx, speech.speakerId);
  if (!canCorrectSpeech(actor, { speakerUserId: speaker?.userId ?? null }, { published: transcript.publishedAt !== null }))
    throw new ForbiddenError('transcript.error.notYourSpeech');
  return { speech, transcript };
}

/** The speech's private correction log: who changed its words, from what to what. */
function logCorrection(trx: DbOrTx, actor: Actor | null, speech: q.Speech, action: 'edit' | 'delete', after: string | null): Promise<void> {
  return q.insertSpeechRevision(trx, {
    speechId: speech.id,
    action,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'system',
    before: speech.body,
    after,
  });
}

export async function correctSpeech(deps: TranscriptDeps, actor: Actor | null, speechId: number, input: { body: string; version: number }): Promise<q.Speech> {
  return deps.db.transaction().execute(async (trx) => {
    const { speech, transcript } = await speechForCorrection(trx, actor, speechId);
    assertVersion(speech, input.version);
    const body = input.body.replace(/\r\n?/g, '\n').trim();
    if (!body) throw new ValidationError([{ field: 'body', key: 'error.required' }]);
    if (body === speech.body) return speech;
    const updated = await q.updateSpeechBody(trx, speechId, body);
    if (transcript.publishedAt !== null) await reindexTranscript(trx, transcript.id);
    await logCorrection(trx, actor, speech, 'edit', body);
    return updated;
  });
}

export async function deleteSpeech(deps: TranscriptDeps, actor: Actor | null, speechId: number, version: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { speech, transcript } = await speechForCorrection(trx, actor, speechId);
    assertVersion(speech, version);
    await q.markSpeechDeleted(trx, speechId, deps.now());
    if (transcript.publishedAt !== null) await reindexTranscript(trx, transcript.id);
    await logCorrection(trx, actor, speech, 'delete', null);
  });
}

// ---------------------------------------------------------------- publication

/** The secretariat may publish before the embargo ends, but only with a reason, which is shown with the transcript. */
export async function publishEarly(
  deps: TranscriptDeps,
  actor: Actor | null,
  transcriptId: number,
  input: { reason: string; version: number },
): Promise<q.Transcript> {
  return authorizedWrite(deps.db, actor, 'transcript.manage', async (trx) => {
    const transcript = foundAtVersion(await q.findTranscriptById(trx, transcriptId, true), input.version);
    if (transcript.publishedAt !== null) throw new ValidationError([{ field: 'reason', key: 'transcript.error.alreadyPublished' }]);
    const reason = input.reason.trim();
    if (!reason) throw new ValidationError([{ field: 'reason', key: 'transcript.error.reasonRequired' }]);
    await q.markPublished(trx, transcriptId, { at: deps.now(), reason, byName: actor?.displayName ?? 'system' });
    await reindexTranscript(trx, transcriptId);
    await recordHistory(trx, {
      ...transcriptSubject(transcript),
      action: 'update',
      actor,
      before: { publishedAt: null },
      after: { publishedAt: deps.now().toISOString(), publishedEarlyReason: reason },
    });
    return (await q.findTranscriptById(trx, transcriptId)) as q.Transcript;
  });
}

/** Publishes every transcript whose time has come; run at start-up and by a timer (no cron in embedded mode). */
export async function publishDueTranscripts(deps: TranscriptDeps): Promise<number> {
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const due = await q.lockDueTranscripts(trx, now);
    for (const t of due) {
      await q.markPublished(trx, t.id, { at: now, reason: null, byName: 'system' });
      await reindexTranscript(trx, t.id);
      await recordHistory(trx, {
        ...transcriptSubject(t),
        action: 'update',
        actor: null,
        before: { publishedAt: null },
        after: { publishedAt: now.toISOString() },
      });
    }
    return due.length;
  });
}

// ---------------------------------------------------------------- export

/**
 * The transcript as Markdown in the forum's format. While its speeches are those imported (none deleted or added),
 * the stored layout of the source is reused, so import → export gives the same file back; otherwise a tidy layout.
 */
export async function transcriptMarkdown(db: DbOrTx, transcript: q.Transcript): Promise<string> {
  const [speeches, sections] = await Promise.all([q.listSpeeches(db, transcript.id, { includeDeleted: false }), q.listSections(db, transcript.id)]);
  const sectionOf = new Map(sections.map((s) => [s.id, s.heading]));
  const format = transcript.sourceFormat;
  const layout = format && format.turns.length === speeches.length ? format : null;
  return serializeTranscriptMarkdown({
    title: transcript.title,
    heldOn: transcript.heldOn,
    turns: speeches.map((s, i) => ({
      speakerLabel: s.speakerLabel,
      kind: s.kind,
      body: s.body,
      section: s.sectionId === null ? null : (sectionOf.get(s.sectionId) ?? null),
      ...(layout ? layout.turns[i] : {}),
    })),
    ...(layout ? { format: layout } : {}),
  });
}

// ---------------------------------------------------------------- speakers

export interface SpeakerPatch {
  name?: string | undefined;
  aliases?: string[] | undefined;
  /** The account that may correct this speaker's words during an embargo; null unlinks. */
  userId?: number | null | undefined;
  affiliation?: { zh?: string; en?: string; status?: 'missing' | 'draft' | 'reviewed' } | undefined;
  version: number;
}

/** The secretariat names speakers, records their aliases and links them to the accounts that may correct them. */
export async function updateSpeaker(deps: TranscriptDeps, actor: Actor | null, speakerId: number, patch: SpeakerPatch): Promise<q.Speaker> {
  return authorizedWrite(deps.db, actor, 'transcript.manage', async (trx) => {
    const current = foundAtVersion(await q.findSpeakerById(trx, speakerId, true), patch.version);
    const problems: FieldProblem[] = [];
    const name = patch.name === undefined ? current.name : patch.name.trim();
    if (!name) problems.push({ field: 'name', key: 'error.required' });
    // An alias still waiting for its transcript's publication is not published by an edit that sends it back (the
    // secretariat is shown waiting aliases beside the public ones).
    const waiting = new Set((await q.listPendingAliases(trx)).get(speakerId) ?? []);
    const aliases =
      patch.aliases === undefined
        ? current.aliases
        : [...new Set(patch.aliases.map((a) => a.trim()).filter((a) => a !== '' && (current.aliases.includes(a) || !waiting.has(a))))];
    const userId = patch.userId === undefined ? current.userId : patch.userId;
    if (userId !== null && !(await userExists(trx, userId))) problems.push({ field: 'userId', key: 'transcript.error.unknownUser' });
    assertValid(problems);
    const affiliation = mergeLocalized(current.affiliation, patch.affiliation);
    const updated = await q.updateSpeakerRow(trx, speakerId, { name, aliases, userId, affiliation, colour: current.colour });
    return recorded(trx, { ...speakerSubject(speakerId), action: 'update', actor, before: current, after: updated });
  });
}
