/**
 * Transcripts as open data (ADR 0030): published transcripts, their sections, their speeches and the speakers of
 * those speeches. Only what the public pages and search show: a transcript once published (transcripts.visibility.ts),
 * a speech only while `is_public` (its transcript published, the speech not deleted: the flag search reads), a
 * speaker once they have a public speech, a twin only when it is published too. A speaker is their public name,
 * aliases, affiliation and colour — never the account linked to them; nor the embargo's bookkeeping (who published
 * early and why), the private correction log or the Markdown layout. The SQL is here, on this module's own tables.
 */
import { sql } from 'kysely';
import { jsonb, type DbOrTx } from '../../db/connection.js';
import { updateVersioned, movePastIds } from '../../db/row-queries.js';
import type { Localized } from '../../domain/localized.js';
import { SPEECH_KINDS } from '../../domain/transcript-markdown.js';
import { changedRows, cell, type OpenDataColumn, type OpenDataEntity, type OpenDataRow, column } from '../../web/open-data.js';
import { recordImportedRow } from '../history/index.js';
import { reindexTranscript } from './transcripts.search-index.js';

const countOf = async (q: { executeTakeFirstOrThrow(): Promise<{ n: string | number | bigint }> }): Promise<number> =>
  Number((await q.executeTakeFirstOrThrow()).n);

/** The public predicate of the pages and search: a published transcript. */
const published = (db: DbOrTx) => db.selectFrom('transcripts').select('id').where('published_at', 'is not', null);

// ---- speakers ----

const speakerColumns: readonly OpenDataColumn[] = [
  column('id', 'Speaker ID', 'int', 'The speaker’s identifier on this site.', '本站的發言者識別碼。'),
  column('slug', 'Speaker Slug', 'text', 'The speaker’s name in their page’s web address.', '發言者頁面網址中的名稱。', { max: 100 }),
  column('name', 'Speaker Name', 'text', 'The name the speaker’s page shows.', '發言者頁面所示姓名。', { max: 200 }),
  column('aliases', 'Aliases', 'list', 'Other ways published transcripts write this speaker.', '已公開逐字稿中對此發言者的其他寫法。', {
    items: 'text',
    max: 200,
  }),
  column('affiliation', 'Affiliation', 'localized', 'The speaker’s affiliation (a forum seat, an agency).', '發言者所屬（推動小組席次、機關）。', { max: 300 }),
  column('colour', 'Colour', 'text', 'The colour the pages mark the speaker with (#rrggbb).', '頁面標示發言者的顏色（#rrggbb）。', { max: 7 }),
];

type SpeakerRead = { id: number; slug: string; name: string; aliases: string[]; affiliation: Localized; colour: string };
const speakerRow = (r: SpeakerRead): OpenDataRow => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  aliases: r.aliases,
  affiliation: r.affiliation,
  colour: r.colour,
});
const selectSpeakers = (db: DbOrTx) => db.selectFrom('speakers as p').select(['p.id', 'p.slug', 'p.name', 'p.aliases', 'p.affiliation', 'p.colour']);
/** Speakers with a public speech (in a plan's scope: in one of the plan's transcripts). */
const publicSpeakers = (db: DbOrTx, planId: number | null) =>
  selectSpeakers(db).where((outer) => {
    let speeches = outer.selectFrom('speeches as s').select('s.id').whereRef('s.speaker_id', '=', 'p.id').where('s.is_public', '=', true);
    if (planId !== null) speeches = speeches.where('s.transcript_id', 'in', (eb) => eb.selectFrom('transcripts').select('id').where('plan_id', '=', planId));
    return outer.exists(speeches);
  });

export const speakersEntity: OpenDataEntity = {
  name: 'speakers',
  title: { en: 'Speakers', zh: '發言者' },
  description: {
    en: 'People who spoke in published transcripts, by their public name (no account is exported).',
    zh: '在已公開逐字稿中發言的人，以公開姓名呈現（不匯出帳號）。',
  },
  order: 300,
  columns: speakerColumns,
  async count(db, scope) {
    return countOf(db.selectFrom(publicSpeakers(db, scope.planId).as('x')).select((eb) => eb.fn.countAll<string>().as('n')));
  },
  async read(db, scope, afterId, limit) {
    return (await publicSpeakers(db, scope.planId).where('p.id', '>', afterId).orderBy('p.id').limit(limit).execute()).map(speakerRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectSpeakers(db).where('p.id', 'in', ids).execute()).map((r) => [r.id, speakerRow(r)]));
  },
  check: (row) => (/^#[0-9a-fA-F]{6}$/.test(row.colour as string) ? [] : [{ field: 'colour', key: 'error.invalid' }]),
  async write(trx, rows, before, actor) {
    for (const { row, before: stored } of changedRows(speakerColumns, rows, before)) {
      const id = cell.int(row, 'id');
      const values = {
        slug: cell.text(row, 'slug'),
        name: cell.text(row, 'name'),
        aliases: jsonb(cell.texts(row, 'aliases')),
        affiliation: jsonb(cell.localized(row, 'affiliation')),
        colour: cell.text(row, 'colour'),
      };
      // A stored speaker's account link, which no export carries, stays as it is.
      if (stored) await updateVersioned(trx, 'speakers', id, values).execute();
      else
        await trx
          .insertInto('speakers')
          .values({ id, ...values, user_id: null })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'speaker',
        entityId: id,
        planId: null,
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    await movePastIds(trx, 'speakers');
  },
};

// ---- transcripts ----

const transcriptColumns: readonly OpenDataColumn[] = [
  column('id', 'Transcript ID', 'int', 'The transcript’s identifier on this site.', '本站的逐字稿識別碼。'),
  column('slug', 'Transcript Slug', 'text', 'The transcript’s name in its web address.', '逐字稿網址中的名稱。', { max: 200 }),
  column('title', 'Transcript Title', 'text', 'The transcript’s title.', '逐字稿標題。', { max: 500 }),
  column('heldOn', 'Meeting Date', 'date', 'The day of the meeting transcribed (YYYY-MM-DD).', '會議日期（YYYY-MM-DD）。'),
  column('language', 'Language', 'enum', 'zh-TW or en.', '語言（zh-TW 或 en）。', { values: ['zh-TW', 'en'] }),
  column('planId', 'Action Plan ID', 'int', 'The plan the meeting was about, if any.', '相關行動方案（若有）。', { nullable: true, references: 'plans' }),
  column('meetingId', 'Meeting ID', 'int', 'The forum meeting transcribed, if any.', '所記錄的推動小組會議（若有）。', {
    nullable: true,
    references: 'meetings',
  }),
  column(
    'twinId',
    'Other Language Transcript ID',
    'int',
    'The same meeting’s transcript in the other language, if published.',
    '同一會議另一語言的逐字稿（若已公開）。',
    {
      nullable: true,
      references: 'transcripts',
    },
  ),
  column('sourceUrl', 'Source URL', 'text', 'Where the transcript was first published, if elsewhere.', '逐字稿原始發布處（若有）。', {
    nullable: true,
    max: 2000,
  }),
  column('publishedAt', 'Published At', 'text', 'When the transcript was made public (ISO 8601, UTC).', '公開時間（ISO 8601，UTC）。', { max: 40 }),
];

type TranscriptRead = {
  id: number;
  slug: string;
  title: string;
  held_on: string;
  language: string;
  plan_id: number | null;
  meeting_id: number | null;
  twin_id: number | null;
  source_url: string | null;
  published_at: Date | string | null;
};
const isoTime = (value: Date | string | null): string => (value === null ? '' : new Date(value).toISOString());
const transcriptRow = (r: TranscriptRead): OpenDataRow => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  heldOn: r.held_on,
  language: r.language,
  planId: r.plan_id,
  meetingId: r.meeting_id,
  twinId: r.twin_id,
  sourceUrl: r.source_url,
  publishedAt: isoTime(r.published_at),
});
/** Published transcripts; a twin only when it is published too (an embargoed one is not said to exist). */
const selectTranscripts = (db: DbOrTx) =>
  db
    .selectFrom('transcripts as t')
    .leftJoin('transcripts as w', (join) => join.onRef('w.id', '=', 't.twin_id').on('w.published_at', 'is not', null))
    .select(['t.id', 't.slug', 't.title', 't.held_on', 't.language', 't.plan_id', 't.meeting_id', 'w.id as twin_id', 't.source_url', 't.published_at'])
    .where('t.published_at', 'is not', null);

export const transcriptsEntity: OpenDataEntity = {
  name: 'transcripts',
  title: { en: 'Transcripts', zh: '逐字稿' },
  description: { en: 'Published meeting transcripts (none under embargo).', zh: '已公開的會議逐字稿（不含保密期間者）。' },
  order: 310,
  columns: transcriptColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('transcripts')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('published_at', 'is not', null);
    if (scope.planId !== null) q = q.where('plan_id', '=', scope.planId);
    return countOf(q);
  },
  async read(db, scope, afterId, limit) {
    let q = selectTranscripts(db).where('t.id', '>', afterId);
    if (scope.planId !== null) q = q.where('t.plan_id', '=', scope.planId);
    return (await q.orderBy('t.id').limit(limit).execute()).map(transcriptRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectTranscripts(db).where('t.id', 'in', ids).execute()).map((r) => [r.id, transcriptRow(r)]));
  },
  check: (row) => (Number.isNaN(Date.parse(row.publishedAt as string)) ? [{ field: 'publishedAt', key: 'error.invalid' }] : []),
  async write(trx, rows, before, actor) {
    const changes = changedRows(transcriptColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = {
        slug: cell.text(row, 'slug'),
        title: cell.text(row, 'title'),
        held_on: cell.text(row, 'heldOn'),
        language: cell.text(row, 'language'),
        plan_id: cell.intOrNull(row, 'planId'),
        meeting_id: cell.intOrNull(row, 'meetingId'),
        source_url: cell.textOrNull(row, 'sourceUrl'),
        published_at: new Date(cell.text(row, 'publishedAt')),
      };
      // A transcript the public may see is published: imported as such, its embargo long over.
      const exists = await trx.selectFrom('transcripts').select('id').where('id', '=', id).executeTakeFirst();
      if (exists) {
        await updateVersioned(trx, 'transcripts', id, values).execute();
        await trx.updateTable('speeches').set({ held_on: values.held_on }).where('transcript_id', '=', id).execute();
      } else
        await trx
          .insertInto('transcripts')
          .values({ id, ...values, publish_at: values.published_at, counted_with_calendar: false, twin_id: null })
          .execute();
      await recordImportedRow(trx, {
        entityType: 'transcript',
        entityId: id,
        planId: cell.intOrNull(row, 'planId'),
        commitmentId: null,
        actor,
        before: stored,
        after: row,
      });
    }
    // Twins may be rows of the same import: every row first, then the links.
    for (const { row } of changes)
      await trx
        .updateTable('transcripts')
        .set({ twin_id: cell.intOrNull(row, 'twinId') })
        .where('id', '=', cell.int(row, 'id'))
        .execute();
    await movePastIds(trx, 'transcripts');
  },
};

// ---- sections ----

const sectionColumns: readonly OpenDataColumn[] = [
  column('id', 'Section ID', 'int', 'The section’s identifier on this site.', '本站的段落識別碼。'),
  column('transcriptId', 'Transcript ID', 'int', 'The transcript the section is in.', '所屬逐字稿。', { references: 'transcripts' }),
  column('parentId', 'Parent Section ID', 'int', 'The section it is under, if any.', '上層段落（若有）。', {
    nullable: true,
    references: 'transcriptSections',
  }),
  column('position', 'Position', 'int', 'Its place in the transcript.', '在逐字稿中的順序。'),
  column('heading', 'Heading', 'text', 'The section’s heading.', '段落標題。', { max: 1000 }),
];
type SectionRead = { id: number; transcript_id: number; parent_id: number | null; position: number; heading: string };
const sectionRow = (r: SectionRead): OpenDataRow => ({
  id: r.id,
  transcriptId: r.transcript_id,
  parentId: r.parent_id,
  position: r.position,
  heading: r.heading,
});
const selectSections = (db: DbOrTx) => db.selectFrom('transcript_sections').select(['id', 'transcript_id', 'parent_id', 'position', 'heading']);
const inScope = (db: DbOrTx, planId: number | null) => {
  let q = published(db);
  if (planId !== null) q = q.where('plan_id', '=', planId);
  return q;
};

export const sectionsEntity: OpenDataEntity = {
  name: 'transcriptSections',
  title: { en: 'Transcript sections', zh: '逐字稿段落' },
  description: { en: 'The headings published transcripts are divided by.', zh: '已公開逐字稿的段落標題。' },
  order: 320,
  columns: sectionColumns,
  async count(db, scope) {
    return countOf(
      db
        .selectFrom('transcript_sections')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('transcript_id', 'in', inScope(db, scope.planId)),
    );
  },
  async read(db, scope, afterId, limit) {
    return (
      await selectSections(db).where('id', '>', afterId).where('transcript_id', 'in', inScope(db, scope.planId)).orderBy('id').limit(limit).execute()
    ).map(sectionRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectSections(db).where('id', 'in', ids).where('transcript_id', 'in', published(db)).execute()).map((r) => [r.id, sectionRow(r)]));
  },
  async write(trx, rows, before) {
    const changes = changedRows(sectionColumns, rows, before);
    for (const { row, before: stored } of changes) {
      const id = cell.int(row, 'id');
      const values = { transcript_id: cell.int(row, 'transcriptId'), position: cell.int(row, 'position'), heading: cell.text(row, 'heading') };
      if (stored) await trx.updateTable('transcript_sections').set(values).where('id', '=', id).execute();
      else
        await trx
          .insertInto('transcript_sections')
          .values({ id, ...values, parent_id: null })
          .execute();
    }
    for (const { row } of changes)
      await trx
        .updateTable('transcript_sections')
        .set({ parent_id: cell.intOrNull(row, 'parentId') })
        .where('id', '=', cell.int(row, 'id'))
        .execute();
    // Sections are part of their transcript: its history entry (filed by the transcripts table) covers them.
    await movePastIds(trx, 'transcript_sections');
  },
};

// ---- speeches ----

const speechColumns: readonly OpenDataColumn[] = [
  column('id', 'Speech ID', 'int', 'The speech’s identifier on this site (its permalink).', '本站的發言識別碼（永久連結）。'),
  column('transcriptId', 'Transcript ID', 'int', 'The transcript the speech is in.', '所屬逐字稿。', { references: 'transcripts' }),
  column('sectionId', 'Section ID', 'int', 'The section it is in, if any.', '所屬段落（若有）。', { nullable: true, references: 'transcriptSections' }),
  column('position', 'Position', 'int', 'Its place in the transcript.', '在逐字稿中的順序。'),
  column('speakerId', 'Speaker ID', 'int', 'Who spoke, if known.', '發言者（若已知）。', { nullable: true, references: 'speakers' }),
  column('speakerLabel', 'Speaker Label', 'text', 'The speaker as the transcript wrote them (e.g. 唐鳳召集人).', '逐字稿所寫的發言者（例如 唐鳳召集人）。', {
    nullable: true,
    max: 200,
  }),
  column(
    'kind',
    'Speech Type',
    'enum',
    'speech, question, answer, narrative or other.',
    '發言（speech）、提問（question）、回答（answer）、敘述（narrative）或其他（other）。',
    {
      values: SPEECH_KINDS,
    },
  ),
  column('body', 'Speech', 'text', 'What was said.', '發言內容。', { max: 200_000 }),
];
type SpeechRead = {
  id: number;
  transcript_id: number;
  section_id: number | null;
  position: number;
  speaker_id: number | null;
  speaker_label: string | null;
  kind: string;
  body: string;
};
const speechRow = (r: SpeechRead): OpenDataRow => ({
  id: r.id,
  transcriptId: r.transcript_id,
  sectionId: r.section_id,
  position: r.position,
  speakerId: r.speaker_id,
  speakerLabel: r.speaker_label,
  kind: r.kind,
  body: r.body,
});
/** The speeches search and the pages show: `is_public` (the transcript published, the speech not deleted). */
const selectSpeeches = (db: DbOrTx) =>
  db
    .selectFrom('speeches')
    .select(['id', 'transcript_id', 'section_id', 'position', 'speaker_id', 'speaker_label', 'kind', 'body'])
    .where('is_public', '=', true)
    .where('deleted_at', 'is', null);

export const speechesEntity: OpenDataEntity = {
  name: 'speeches',
  title: { en: 'Speeches', zh: '發言' },
  description: {
    en: 'Every public speech of the published transcripts, in order, with its speaker.',
    zh: '已公開逐字稿的每則公開發言（依序），含發言者。',
  },
  order: 330,
  columns: speechColumns,
  async count(db, scope) {
    let q = db
      .selectFrom('speeches')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('is_public', '=', true)
      .where('deleted_at', 'is', null);
    if (scope.planId !== null) q = q.where('transcript_id', 'in', inScope(db, scope.planId));
    return countOf(q);
  },
  async read(db, scope, afterId, limit) {
    let q = selectSpeeches(db).where('id', '>', afterId);
    if (scope.planId !== null) q = q.where('transcript_id', 'in', inScope(db, scope.planId));
    return (await q.orderBy('id').limit(limit).execute()).map(speechRow);
  },
  async byIds(db, ids) {
    if (ids.length === 0) return new Map();
    return new Map((await selectSpeeches(db).where('id', 'in', ids).execute()).map((r) => [r.id, speechRow(r)]));
  },
  async write(trx, rows, before) {
    const changes = changedRows(speechColumns, rows, before);
    const touched = new Set<number>();
    for (let i = 0; i < changes.length; i += 500) {
      const batch = changes.slice(i, i + 500);
      const transcriptIds = [...new Set(batch.map((c) => c.row.transcriptId as number))];
      const heldOn = new Map(
        (await trx.selectFrom('transcripts').select(['id', 'held_on']).where('id', 'in', transcriptIds).execute()).map((t) => [t.id, t.held_on]),
      );
      for (const { row } of batch) {
        const transcriptId = cell.int(row, 'transcriptId');
        touched.add(transcriptId);
        const values = {
          transcript_id: transcriptId,
          section_id: cell.intOrNull(row, 'sectionId'),
          position: cell.int(row, 'position'),
          held_on: heldOn.get(transcriptId) ?? '',
          speaker_id: cell.intOrNull(row, 'speakerId'),
          speaker_label: cell.textOrNull(row, 'speakerLabel'),
          kind: cell.text(row, 'kind'),
          body: cell.text(row, 'body'),
          // Speeches of a published transcript, not deleted: public, as publication makes them.
          is_public: true,
          deleted_at: null,
        };
        await trx
          .insertInto('speeches')
          .values({ id: cell.int(row, 'id'), ...values })
          .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, version: sql<number>`speeches.version + 1`, updated_at: sql<Date>`now()` }))
          .execute();
      }
    }
    await movePastIds(trx, 'speeches');
    // Search reads its own index: bring each transcript whose speeches changed into step with them.
    for (const id of [...touched].sort((a, b) => a - b)) await reindexTranscript(trx, id);
    // The words of a published transcript are filed with the transcript (its history entry), not speech by speech:
    // the module keeps a speech's changes in its private correction log, which an import does not write.
  },
};

export const transcriptsOpenData: readonly OpenDataEntity[] = [speakersEntity, transcriptsEntity, sectionsEntity, speechesEntity];
