/**
 * HTML pages for transcripts: the list, a transcript (speeches, corrections during the embargo, early publication),
 * import, speakers, search, the Markdown and Akoma Ntoso exports and the Atom feed. A draft exists only for those
 * who may see it (the secretariat and the people who spoke); to anyone else every channel answers as if it did not.
 */
import { Hono } from 'hono';
import { akomaNtosoDebate } from '../../domain/akoma-ntoso.js';
import { can } from '../../domain/authorization.js';
import { canCorrectSpeech } from './transcripts.policy.js';
import { highlight, queryPlan } from '../../domain/cjk-search.js';
import { pick } from '../../domain/localized.js';
import type { FieldProblem } from '../../domain/plan.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { atomXml } from '../../web/atom.js';
import { href, pageContext, type AppContext, type AppEnv, siteOrigin } from '../../web/context.js';
import { positiveInt, requirePermission } from '../../web/form-handler.js';
import { readForm, parseFormBody, type FormBody } from '../../web/forms.js';
import { t } from '../../web/i18n.js';
import {
  meetingPath,
  speakerPath,
  speakersPath,
  transcriptImportPath,
  transcriptPath,
  transcriptSearchPath,
  transcriptsFeedPath,
  transcriptsPath,
} from '../../web/paths.js';
import { formatDate, type FieldErrors, type Option } from '../../web/ui/index.js';
import { fieldMessages } from '../../web/validation.js';
import { findUserByEmail, findUserEmail } from '../accounts/index.js';
import { findMeetingById, findMeetingsByIds } from '../forum/index.js';
import { findPlansByIds } from '../plans/index.js';
import * as q from './transcripts.queries.js';
import { searchSpeeches } from './transcripts.search.js';
import * as service from './transcripts.service.js';
import { speakersAsSeenBy } from './transcripts.visibility.js';
import { RESTRICTED_CACHE_CONTROL } from '../../web/visibility.js';
import {
  correctionForm,
  deletionForm,
  importForm,
  publishForm,
  searchForm,
  speakerForm,
  type ImportValues,
  type PublishValues,
  type SpeakerEdit,
  type SpeechEdit,
} from './transcripts.forms.js';
import { pagePositions, speechPage, speechPermalink } from './transcripts.paging.js';
import { ImportPage } from './views/import.js';
import { TranscriptsPage } from './views/list.js';
import type { MeetingLink } from './views/parts.js';
import { SearchPage, type SearchResultView } from './views/search.js';
import { SpeakerPage } from './views/speaker.js';
import { SpeakersPage } from './views/speakers.js';
import { TranscriptPage, type TranscriptPageProps } from './views/transcript.js';

const db = (c: AppContext) => c.get('services').db;
const deps = (c: AppContext) => ({ db: db(c), now: c.get('services').now });

const PAGE_SIZE = 20;
const FEED_SIZE = 50;

/** A transcript by its slug, or 404 for anyone who may not see it (a draft does not exist for the public). */
async function visibleTranscript(c: AppContext, slug: string): Promise<q.Transcript> {
  const transcript = await q.findTranscriptBySlug(db(c), slug);
  if (!transcript || !(await service.canSeeTranscript(db(c), c.get('actor'), transcript))) throw new NotFoundError();
  return transcript;
}

/** The forum meeting pages of these transcripts' meetings, by meeting id: two queries however many transcripts. */
async function meetingLinks(c: AppContext, transcripts: readonly q.Transcript[]): Promise<Map<number, MeetingLink>> {
  const lang = c.get('lang');
  const links = new Map<number, MeetingLink>();
  const meetings = await findMeetingsByIds(
    db(c),
    transcripts.flatMap((tr) => (tr.meetingId === null ? [] : [tr.meetingId])),
  );
  const planOf = (tr: q.Transcript) => tr.planId ?? meetings.get(tr.meetingId ?? 0)?.planId;
  const plans = await findPlansByIds(
    db(c),
    transcripts.flatMap((tr) => planOf(tr) ?? []),
  );
  for (const tr of transcripts) {
    const meeting = tr.meetingId === null ? undefined : meetings.get(tr.meetingId);
    const planId = planOf(tr);
    const plan = planId === undefined ? undefined : plans.get(planId);
    if (!meeting || !plan || links.has(meeting.id)) continue;
    links.set(meeting.id, { path: meetingPath(plan, meeting), title: `${formatDate(meeting.heldOn, lang)} ${pick(meeting.title, lang)}` });
  }
  return links;
}

/**
 * Speakers to show to this viewer, with their number of published speeches: those with published words; the
 * secretariat sees every speaker and a signed-in speaker sees themselves (a name known only from a draft is not public).
 */
async function visibleSpeakers(c: AppContext): Promise<{ speaker: q.Speaker; count: number }[]> {
  const actor = c.get('actor');
  const [all, counts] = await Promise.all([q.listSpeakers(db(c)), q.countPublicSpeechesBySpeaker(db(c))]);
  return all
    .map((speaker) => ({ speaker, count: counts.get(speaker.id) ?? 0 }))
    .filter(({ speaker, count }) => count > 0 || can(actor, 'transcript.manage') || (actor !== null && speaker.userId === actor.id));
}

function attachmentName(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The same meeting in the other language: named by this transcript, or naming it (the link goes both ways). */
async function twinOf(c: AppContext, transcript: q.Transcript): Promise<q.Transcript | undefined> {
  if (transcript.twinId !== null) return q.findTranscriptById(db(c), transcript.twinId);
  const all = await q.listVisibleTranscripts(db(c), service.visibilityFor(c.get('actor')));
  return all.find((other) => other.twinId === transcript.id);
}

export function transcriptPages(): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: false });

  // ---- the list ----
  app.get(transcriptsPath, async (c) => {
    const actor = c.get('actor');
    const transcripts = await q.listVisibleTranscripts(db(c), service.visibilityFor(actor));
    const meetings = await meetingLinks(c, transcripts);
    const rows = transcripts.map((transcript) => ({ transcript, meeting: transcript.meetingId === null ? undefined : meetings.get(transcript.meetingId) }));
    return c.html(<TranscriptsPage ctx={pageContext(c)} rows={rows} canManage={can(actor, 'transcript.manage')} />);
  });

  // ---- the Atom feed: published transcripts only, whoever asks ----
  app.get(transcriptsFeedPath, async (c) => {
    const lang = c.get('lang');
    const base = siteOrigin(c);
    const published = (await q.listVisibleTranscripts(db(c), { allDrafts: false, draftsOfUser: null })).filter((tr) => tr.publishedAt !== null);
    const items = [...published].sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0)).slice(0, FEED_SIZE);
    const xml = atomXml({
      id: `${base}${href(lang, transcriptsFeedPath)}`,
      title: `${t(lang, 'transcript.listTitle')} · ${t(lang, 'site.name')}`,
      link: `${base}${href(lang, transcriptsPath)}`,
      self: `${base}${href(lang, transcriptsFeedPath)}`,
      language: lang,
      updated: items[0]?.publishedAt ?? new Date(0),
      generator: 'Cocreate',
      author: t(lang, 'site.name'),
      rights: t(lang, 'feed.license'),
      entries: items.map((tr) => {
        const link = `${base}${href(lang, transcriptPath(tr))}`;
        return {
          id: link,
          link,
          title: tr.title,
          updated: tr.publishedAt ?? tr.publishAt,
          published: tr.publishedAt ?? undefined,
          summary: `${formatDate(tr.heldOn, lang)} · ${t(lang, `transcript.lang.${tr.language}`)}`,
        };
      }),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  // ---- search (published speeches only: the search reads nothing else) ----
  app.get(transcriptSearchPath, async (c) => {
    const values = searchForm.posted((name) => c.req.query(name));
    const { input, errors } = searchForm.input(values, c.get('lang'));
    const [speakers, published] = await Promise.all([visibleSpeakers(c), q.listVisibleTranscripts(db(c), { allDrafts: false, draftsOfUser: null })]);
    const meetings = await meetingLinks(c, published);
    const speakerOptions: Option[] = speakers.filter((s) => s.count > 0).map(({ speaker }) => ({ value: speaker.slug, label: speaker.name }));
    const meetingOptions: Option[] = [...meetings].map(([id, m]) => ({ value: String(id), label: m.title }));
    const speaker = speakers.find((s) => s.speaker.slug === input.speakerSlug)?.speaker;
    const page = positiveInt(c.req.query('page')) ?? 1;
    const plan = queryPlan(input.q);
    let result: SearchResultView | undefined;
    let pages = 0;
    if (plan && Object.keys(errors).length === 0) {
      // An unknown speaker or meeting finds nothing rather than everything.
      const found =
        (input.speakerSlug !== undefined && !speaker) || input.meetingId === null
          ? { items: [], count: 0, countCapped: false }
          : await searchSpeeches(db(c), {
              q: input.q,
              speakerId: speaker?.id,
              from: input.from,
              to: input.to,
              meetingId: input.meetingId,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            });
      const bySpeaker = new Map(speakers.map((s) => [s.speaker.id, s.speaker]));
      pages = Math.ceil(found.count / PAGE_SIZE);
      result = {
        count: found.count,
        capped: found.countCapped,
        slow: plan.fallback,
        hits: found.items.map((hit) => ({
          speechId: hit.speechId,
          position: hit.position,
          transcriptSlug: hit.transcriptSlug,
          transcriptTitle: hit.transcriptTitle,
          heldOn: hit.heldOn,
          language: hit.language,
          speaker: hit.speakerId === null ? undefined : bySpeaker.get(hit.speakerId),
          speakerLabel: hit.speakerLabel,
          kind: hit.kind,
          snippets: highlight(hit.body, input.q, { context: 60, maxSnippets: 3 }),
        })),
      };
    }
    const view = { values, errors, speakers: speakerOptions, meetings: meetingOptions, result, page, pages };
    return c.html(<SearchPage ctx={pageContext(c)} {...view} />);
  });

  // ---- import (the secretariat) ----
  const renderImport = (c: AppContext, values: ImportValues, errors: FieldErrors, status: 200 | 400) =>
    c.html(<ImportPage ctx={pageContext(c)} values={values} errors={errors} />, status);
  app.get(transcriptImportPath, (c) => {
    requirePermission(c, 'transcript.manage');
    return renderImport(c, importForm.empty(), {}, 200);
  });
  app.post(transcriptImportPath, async (c) => {
    requirePermission(c, 'transcript.manage');
    const lang = c.get('lang');
    const body = await parseFormBody(c);
    const values = importForm.posted(body);
    const file = importForm.file(body);
    try {
      if (file) values.markdown = await importForm.fileText(file);
      const form = importForm.input(values, lang);
      // The form names the meeting by id and the twin by slug: both must exist.
      const problems: FieldProblem[] = [];
      const meeting = form.meetingId === undefined ? undefined : await findMeetingById(db(c), form.meetingId);
      if (form.meetingId !== undefined && !meeting) problems.push({ field: 'meetingId', key: 'transcript.error.unknownMeeting' });
      const twin = form.twin === undefined ? undefined : await q.findTranscriptBySlug(db(c), form.twin);
      if (form.twin !== undefined && !twin) problems.push({ field: 'twin', key: 'transcript.error.unknownTwin' });
      if (problems.length > 0) throw new ValidationError(problems);
      const transcript = await service.importTranscript(deps(c), c.get('actor'), importForm.serviceInput(form, { planId: meeting?.planId, twinId: twin?.id }));
      return c.redirect(href(lang, transcriptPath(transcript)), 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderImport(c, values, importForm.errors(error, lang), 400);
      throw error;
    }
  });

  // ---- speakers ----
  app.get(speakersPath, async (c) => c.html(<SpeakersPage ctx={pageContext(c)} speakers={await visibleSpeakers(c)} />));
  const speakerEditValues = async (c: AppContext, speaker: q.Speaker) => {
    return speakerForm.values(speaker, speaker.userId === null ? undefined : await findUserEmail(db(c), speaker.userId));
  };
  const renderSpeaker = async (c: AppContext, speaker: q.Speaker, edit?: SpeakerEdit, status: 200 | 400 | 409 = 200) => {
    const actor = c.get('actor');
    const page = positiveInt(c.req.query('page')) ?? 1;
    const { items, total } = await q.listPublicSpeechesOfSpeaker(db(c), speaker.id, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    // A speaker known only from drafts is not public yet.
    if (total === 0 && !can(actor, 'transcript.manage') && !(actor !== null && speaker.userId === actor.id)) throw new NotFoundError();
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pages) throw new NotFoundError();
    const form = can(actor, 'transcript.manage') ? (edit ?? { values: await speakerEditValues(c, speaker), errors: {} }) : undefined;
    const [shown] = await speakersAsSeenBy(db(c), actor, [speaker]);
    return c.html(<SpeakerPage ctx={pageContext(c)} speaker={shown ?? speaker} speeches={items} total={total} page={page} pages={pages} edit={form} />, status);
  };
  const speakerBySlug = async (c: AppContext) => {
    const speaker = await q.findSpeakerBySlug(db(c), c.req.param('slug') ?? '');
    if (!speaker) throw new NotFoundError();
    return speaker;
  };
  app.get('/speakers/:slug', async (c) => renderSpeaker(c, await speakerBySlug(c)));
  app.post('/speakers/:slug/edit', async (c) => {
    const speaker = await speakerBySlug(c);
    requirePermission(c, 'transcript.manage');
    const body = await readForm(c);
    const values = speakerForm.posted(body);
    const lang = c.get('lang');
    try {
      const { email, ...patch } = speakerForm.input(values, body, lang);
      // The form names the account by e-mail; the service links it by id.
      let userId: number | null = null;
      if (email !== null) {
        const user = await findUserByEmail(db(c), email);
        if (!user) throw new ValidationError([{ field: 'email', key: 'transcript.error.unknownUser' }]);
        userId = user.id;
      }
      await service.updateSpeaker(deps(c), c.get('actor'), speaker.id, { ...patch, userId });
    } catch (error) {
      if (error instanceof ValidationError) return renderSpeaker(c, speaker, { values, errors: fieldMessages(error, lang) }, 400);
      if (error instanceof ConflictError) {
        const current = (await q.findSpeakerById(db(c), speaker.id)) ?? speaker;
        return renderSpeaker(c, current, { values: await speakerEditValues(c, current), errors: {}, conflict: true }, 409);
      }
      throw error;
    }
    return c.redirect(href(lang, speakerPath(speaker)), 303);
  });

  // ---- one transcript ----
  /**
   * One page of a transcript: `?page=`, or the page of the speech whose correction is shown again. Only that page's
   * speeches are read and rendered, so a very long transcript costs what a short one does (ADR 0017).
   */
  const renderTranscript = async (
    c: AppContext,
    transcript: q.Transcript,
    extra: { edit?: SpeechEdit; publish?: { values: PublishValues; errors: FieldErrors } } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const actor = c.get('actor');
    const outline = await q.speechOutline(db(c), transcript.id);
    const pages = speechPage(outline.lastPosition);
    const edited = extra.edit ? await q.findSpeechById(db(c), extra.edit.speechId) : undefined;
    const page = edited ? speechPage(edited.position) : (positiveInt(c.req.query('page')) ?? 1);
    if (page > pages) throw new NotFoundError();
    const positions = pagePositions(page);
    const [sections, speeches, speakers, meetings, twin] = await Promise.all([
      q.listSections(db(c), transcript.id),
      q.listSpeeches(db(c), transcript.id, { includeDeleted: false, positions }),
      q.listSpeakers(db(c)),
      meetingLinks(c, [transcript]),
      twinOf(c, transcript),
    ]);
    const byId = new Map(speakers.map((s) => [s.id, s]));
    const published = transcript.publishedAt !== null;
    const correctable = new Set(
      speeches
        .filter((s) => canCorrectSpeech(actor, { speakerUserId: s.speakerId === null ? null : (byId.get(s.speakerId)?.userId ?? null) }, { published }))
        .map((s) => s.id),
    );
    const canManage = can(actor, 'transcript.manage');
    // The correction log is private: the secretariat, and while it is a draft the people who may see it (who spoke).
    const revisions = canManage || !published ? await q.listSpeechRevisions(db(c), transcript.id) : undefined;
    const visibleTwin = twin && (await service.canSeeTranscript(db(c), actor, twin)) ? twin : undefined;
    if (!published) c.header('Cache-Control', RESTRICTED_CACHE_CONTROL);
    const meeting = transcript.meetingId === null ? undefined : meetings.get(transcript.meetingId);
    const view: TranscriptPageProps = {
      ctx: pageContext(c),
      transcript,
      sections,
      speeches,
      page,
      pages,
      sectionStarts: outline.sectionStarts,
      speakers: byId,
      meeting,
      twin: visibleTwin,
      correctable,
      canPublish: canManage,
      revisions,
      ...extra,
    };
    return c.html(<TranscriptPage {...view} />, status);
  };

  const exportMarkdown = async (c: AppContext, transcript: q.Transcript) => {
    // The imported file's own layout while its speeches are unchanged (import → export is identical).
    const text = await service.transcriptMarkdown(db(c), transcript);
    return c.body(text, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': attachmentName(`${transcript.slug}.md`),
      'Cache-Control': transcript.publishedAt ? 'no-cache' : RESTRICTED_CACHE_CONTROL,
    });
  };

  const exportAkn = async (c: AppContext, transcript: q.Transcript) => {
    const [sections, speeches, speakers] = await Promise.all([
      q.listSections(db(c), transcript.id),
      q.listSpeeches(db(c), transcript.id, { includeDeleted: false }),
      q.listSpeakers(db(c)),
    ]);
    const headings = new Map(sections.map((s) => [s.id, s.heading]));
    const byId = new Map(speakers.map((s) => [s.id, s]));
    const speaking = speakers.filter((s) => speeches.some((sp) => sp.speakerId === s.id));
    const xml = akomaNtosoDebate({
      title: transcript.title,
      heldOn: transcript.heldOn,
      language: transcript.language,
      uri: `/akn/tw/debate/${transcript.heldOn}/${transcript.slug}`,
      speakers: speaking.map((s) => ({ slug: s.slug, name: s.name })),
      speeches: speeches.map((s) => ({
        id: s.id,
        speakerSlug: s.speakerId === null ? null : (byId.get(s.speakerId)?.slug ?? null),
        speakerLabel: s.speakerLabel,
        kind: s.kind,
        body: s.body,
        section: s.sectionId === null ? null : (headings.get(s.sectionId) ?? null),
      })),
      exportedOn: c.get('services').now().toISOString().slice(0, 10),
    });
    return c.body(xml, 200, {
      'Content-Type': 'application/akn+xml; charset=utf-8',
      'Content-Disposition': attachmentName(`${transcript.slug}.akn.xml`),
      'Cache-Control': transcript.publishedAt ? 'no-cache' : RESTRICTED_CACHE_CONTROL,
    });
  };

  app.get('/transcripts/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (slug.endsWith('.akn.xml')) return exportAkn(c, await visibleTranscript(c, slug.slice(0, -'.akn.xml'.length)));
    if (slug.endsWith('.md')) return exportMarkdown(c, await visibleTranscript(c, slug.slice(0, -'.md'.length)));
    return renderTranscript(c, await visibleTranscript(c, slug));
  });

  // A speech by id alone: to the page of its transcript that holds it (permalinks name the page; this finds it).
  app.get('/speeches/:id', async (c) => {
    const speech = await q.findSpeechById(db(c), positiveInt(c.req.param('id')) ?? 0);
    const transcript = speech && speech.deletedAt === null ? await q.findTranscriptById(db(c), speech.transcriptId) : undefined;
    if (!speech || !transcript || !(await service.canSeeTranscript(db(c), c.get('actor'), transcript))) throw new NotFoundError();
    return c.redirect(href(c.get('lang'), speechPermalink(transcript, speech)), 302);
  });

  app.post('/transcripts/:slug/publish', async (c) => {
    const lang = c.get('lang');
    const transcript = await visibleTranscript(c, c.req.param('slug'));
    requirePermission(c, 'transcript.manage');
    const form = await readForm(c);
    const values = publishForm.posted(form);
    try {
      await service.publishEarly(deps(c), c.get('actor'), transcript.id, publishForm.input(values, form, lang));
      return c.redirect(href(lang, transcriptPath(transcript)), 303);
    } catch (error) {
      const current = (await q.findTranscriptById(db(c), transcript.id)) ?? transcript;
      // The form has one field: every problem (a stale or missing version too) is told beside it.
      if (error instanceof ValidationError) {
        const messages = fieldMessages(error, lang);
        return renderTranscript(c, current, { publish: { values, errors: { reason: messages.reason ?? messages.version ?? t(lang, 'error.invalid') } } }, 400);
      }
      if (error instanceof ConflictError) return renderTranscript(c, current, { publish: { values, errors: { reason: t(lang, 'form.conflict') } } }, 409);
      throw error;
    }
  });

  /** The speech of this transcript named in the path, or 404. */
  const speechOf = async (c: AppContext, transcript: q.Transcript) => {
    const speech = await q.findSpeechById(db(c), positiveInt(c.req.param('id')) ?? 0);
    if (!speech || speech.transcriptId !== transcript.id || speech.deletedAt !== null) throw new NotFoundError();
    return speech;
  };

  /**
   * A post on one speech, correcting or deleting it: done, to the speech (or the transcript); refused, the page that
   * holds the speech again, its form open with the text as sent and the problem beside it.
   */
  const speechPost =
    (act: {
      shown: (speech: q.Speech, form: FormBody) => string;
      run: (c: AppContext, speech: q.Speech, form: FormBody, text: string) => Promise<unknown>;
      then: (transcript: q.Transcript, speech: q.Speech) => string;
    }) =>
    async (c: AppContext) => {
      const lang = c.get('lang');
      const transcript = await visibleTranscript(c, c.req.param('slug') ?? '');
      const speech = await speechOf(c, transcript);
      const form = await readForm(c);
      const text = act.shown(speech, form);
      try {
        await act.run(c, speech, form, text);
        return c.redirect(href(lang, act.then(transcript, speech)), 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const messages = fieldMessages(error, lang);
          return renderTranscript(
            c,
            transcript,
            { edit: { speechId: speech.id, body: text, errors: { body: messages.body ?? messages.version ?? t(lang, 'error.invalid') }, conflict: false } },
            400,
          );
        }
        if (error instanceof ConflictError)
          return renderTranscript(c, transcript, { edit: { speechId: speech.id, body: text, errors: {}, conflict: true } }, 409);
        throw error;
      }
    };

  app.post(
    '/transcripts/:slug/speeches/:id/edit',
    speechPost({
      shown: (_speech, form) => correctionForm.posted(form),
      run: (c, speech, form, text) => service.correctSpeech(deps(c), c.get('actor'), speech.id, correctionForm.input(text, form, c.get('lang'))),
      then: speechPermalink,
    }),
  );

  app.post(
    '/transcripts/:slug/speeches/:id/delete',
    speechPost({
      shown: (speech) => speech.body,
      run: (c, speech, form) => service.deleteSpeech(deps(c), c.get('actor'), speech.id, deletionForm.input(form, c.get('lang')).version),
      then: (transcript) => transcriptPath(transcript),
    }),
  );

  return app;
}
