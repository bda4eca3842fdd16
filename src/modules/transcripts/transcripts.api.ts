/** JSON API for transcripts, speeches, speakers and search, with OpenAPI entries. Drafts exist only for those allowed. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../web/context.js';
import { errorResponses, idParam, itemsOf, jsonBody, jsonContent, routeGroup, writeSecurity } from '../../web/openapi.js';
import { NotFoundError } from '../../errors.js';
import { isoDate, recordId, text, versionField, webUrl, wholeNumber } from '../../web/schemas.js';
import * as q from './transcripts.queries.js';
import { searchSpeeches } from './transcripts.search.js';
import * as service from './transcripts.service.js';
import { speakersAsSeenBy } from './transcripts.visibility.js';
import { speechPermalink } from './transcripts.paging.js';

const errors = errorResponses({ forbidden: 'Only the secretariat, or the speaker for their own words during the embargo.' });
const routes = routeGroup(['transcripts'], errors);

const transcriptOutput = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    title: z.string(),
    heldOn: z.string(),
    language: z.enum(['zh-TW', 'en']),
    planId: z.number().int().nullable(),
    meetingId: z.number().int().nullable(),
    twinId: z.number().int().nullable(),
    sourceUrl: z.string().nullable(),
    embargoWorkingDays: z.number().int(),
    releaseOn: z.string().nullable(),
    publishAt: z.string().openapi({ description: 'When it becomes public: N working days after the meeting, or the release date if later' }),
    countedWithCalendar: z.boolean().openapi({ description: 'False when no office calendar covered the period: weekends only' }),
    publishedAt: z.string().nullable(),
    publishedEarlyReason: z.string().nullable(),
    version: z.number().int(),
    url: z.string(),
  })
  .openapi('Transcript');

const speechOutput = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    speakerId: z.number().int().nullable(),
    speakerLabel: z.string().nullable(),
    kind: z.enum(['speech', 'question', 'answer', 'narrative', 'other']),
    body: z.string(),
    version: z.number().int(),
    permalink: z.string(),
  })
  .openapi('Speech');

const speakerOutput = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    colour: z.string(),
    version: z.number().int(),
    userId: z.number().int().nullable().optional(),
    url: z.string(),
  })
  .openapi('Speaker');

const importInput = z
  .object({
    markdown: text(service.TRANSCRIPT_MARKDOWN_MAX).min(1, { message: 'error.required' }),
    title: text(300).optional(),
    heldOn: isoDate.optional(),
    language: z.enum(['zh-TW', 'en']).default('zh-TW'),
    planId: recordId().nullable().optional(),
    meetingId: recordId().nullable().optional(),
    twinId: recordId().nullable().optional(),
    sourceUrl: webUrl().nullable().optional(),
    embargoWorkingDays: wholeNumber(z.number().int().min(0).max(60)).optional(),
    releaseOn: isoDate.nullable().optional(),
    replaceSlug: text(200).optional().openapi({ description: 'Replace this transcript: speeches whose text is unchanged keep their ids' }),
  })
  .openapi('TranscriptImport');

const transcriptPath = (t: Pick<q.Transcript, 'slug'>) => `/transcripts/${t.slug}`;

const presentTranscript = (t: q.Transcript) => ({
  id: t.id,
  slug: t.slug,
  title: t.title,
  heldOn: t.heldOn,
  language: t.language,
  planId: t.planId,
  meetingId: t.meetingId,
  twinId: t.twinId,
  sourceUrl: t.sourceUrl,
  embargoWorkingDays: t.embargoWorkingDays,
  releaseOn: t.releaseOn,
  publishAt: t.publishAt.toISOString(),
  countedWithCalendar: t.countedWithCalendar,
  publishedAt: t.publishedAt?.toISOString() ?? null,
  publishedEarlyReason: t.publishedEarlyReason,
  version: t.version,
  url: transcriptPath(t),
});

const presentSpeech = (t: Pick<q.Transcript, 'slug'>, s: q.Speech) => ({
  id: s.id,
  position: s.position,
  speakerId: s.speakerId,
  speakerLabel: s.speakerLabel,
  kind: s.kind,
  body: s.body,
  version: s.version,
  permalink: speechPermalink(t, s),
});

type Ctx = Context<AppEnv>;
const depsOf = (c: Ctx) => ({ db: c.get('services').db, now: c.get('services').now });

/** A transcript the caller may see, or 404 (a draft is not acknowledged to exist). */
async function visibleTranscript(c: Ctx, id: number): Promise<q.Transcript> {
  const db = c.get('services').db;
  const t = await q.findTranscriptById(db, id);
  if (!t || !(await service.canSeeTranscript(db, c.get('actor'), t))) throw new NotFoundError();
  return t;
}

/** Speeches of one transcript a page of the API holds at most (by position: deleted speeches leave gaps). */
const SPEECH_PAGE_MAX = 1000;
const speechPageQuery = z.object({
  page: wholeNumber(z.number().int().min(1).max(100_000)).default(1),
  perPage: wholeNumber(z.number().int().min(1).max(SPEECH_PAGE_MAX)).default(SPEECH_PAGE_MAX),
});

const searchQuery = z.object({
  q: text(200).min(1, { message: 'error.required' }),
  speaker: recordId().optional(),
  meeting: recordId().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: wholeNumber(z.number().int().min(1).max(1000)).default(1),
  perPage: wholeNumber(z.number().int().min(1).max(100)).default(20),
});

export function transcriptApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    routes.list({ path: '/transcripts', summary: 'Transcripts the caller may see, newest first' }, jsonContent(itemsOf(transcriptOutput), 'Transcripts')),
    async (c) => {
      const items = await q.listVisibleTranscripts(c.get('services').db, service.visibilityFor(c.get('actor')));
      return c.json({ items: items.map(presentTranscript) }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/transcripts/{id}',
      tags: ['transcripts'],
      summary: `One transcript with its speeches in order, ${SPEECH_PAGE_MAX} positions a page by default (\`?page=\`, \`perPage\`); drafts: secretariat and speakers only`,
      request: { params: idParam, query: speechPageQuery },
      responses: {
        200: jsonContent(
          transcriptOutput.extend({ speeches: z.array(speechOutput), page: z.number().int(), pageCount: z.number().int() }),
          'The transcript and one page of its speeches',
        ),
        404: errors[404],
      },
    }),
    async (c) => {
      const t = await visibleTranscript(c, c.req.valid('param').id);
      const { page, perPage } = c.req.valid('query');
      const db = c.get('services').db;
      // Read one page of positions, so a very long transcript costs what a short one does (ADR 0017).
      const { lastPosition } = await q.speechOutline(db, t.id);
      const pageCount = Math.max(1, Math.ceil(lastPosition / perPage));
      if (page > pageCount) throw new NotFoundError();
      const speeches = await q.listSpeeches(db, t.id, { includeDeleted: false, positions: { from: (page - 1) * perPage + 1, to: page * perPage } });
      return c.json({ ...presentTranscript(t), speeches: speeches.map((s) => presentSpeech(t, s)), page, pageCount }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: 'post',
      path: '/transcripts',
      tags: ['transcripts'],
      summary: 'Import a transcript from Markdown (`# YYYY-MM-DD Title`, `### Speaker：` turns); errors name the line',
      security: writeSecurity,
      request: jsonBody(importInput),
      responses: {
        201: jsonContent(transcriptOutput, 'Imported as a draft (or replaced)'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => c.json(presentTranscript(await service.importTranscript(depsOf(c), c.get('actor'), c.req.valid('json'))), 201),
  );
  api.openapi(
    routes.write(
      { method: 'post', path: '/transcripts/{id}/publish', summary: 'Publish before the embargo ends, with a recorded reason (secretariat)' },
      z.object({ reason: text(2000), version: versionField }),
      { 200: jsonContent(transcriptOutput, 'Published') },
    ),
    async (c) => c.json(presentTranscript(await service.publishEarly(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  api.openapi(
    routes.write(
      {
        method: 'patch',
        path: '/speeches/{id}',
        summary: 'Correct a speech: its speaker during the embargo, or the secretariat (every change kept privately)',
      },
      z.object({ body: text(100_000), version: versionField }),
      { 200: jsonContent(speechOutput, 'Corrected') },
    ),
    async (c) => {
      const speech = await service.correctSpeech(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      const t = await visibleTranscript(c, speech.transcriptId);
      return c.json(presentSpeech(t, speech), 200);
    },
  );
  api.openapi(routes.delete({ path: '/speeches/{id}', summary: 'Delete a speech (its speaker during the embargo, or the secretariat)' }), async (c) => {
    await service.deleteSpeech(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('query').version);
    return c.body(null, 204);
  });
  api.openapi(
    routes.list(
      { path: '/speakers', summary: 'Speakers with published speeches (the secretariat sees all)' },
      jsonContent(itemsOf(speakerOutput), 'Speakers by name'),
    ),
    async (c) => {
      const db = c.get('services').db;
      const [all, counts] = await Promise.all([q.listSpeakers(db), q.countPublicSpeechesBySpeaker(db)]);
      const viewer = c.get('actor');
      const items = await speakersAsSeenBy(db, viewer, service.visibilityFor(viewer).allDrafts ? all : all.filter((s) => counts.has(s.id)));
      return c.json(
        {
          items: items.map((s) => ({
            id: s.id,
            slug: s.slug,
            name: s.name,
            aliases: s.aliases,
            colour: s.colour,
            version: s.version,
            url: `/speakers/${s.slug}`,
          })),
        },
        200,
      );
    },
  );
  api.openapi(
    routes.update(
      { path: '/speakers/{id}', summary: 'Name a speaker, record aliases, link the account that may correct their words (secretariat)' },
      z.object({
        name: text(200).optional(),
        aliases: z.array(text(200)).max(50).optional(),
        userId: recordId().nullable().optional(),
        affiliation: z
          .object({ zh: text(300), en: text(300), status: z.enum(['missing', 'draft', 'reviewed']) })
          .partial()
          .optional(),
        version: versionField,
      }),
      speakerOutput,
    ),
    async (c) => {
      const s = await service.updateSpeaker(depsOf(c), c.get('actor'), c.req.valid('param').id, c.req.valid('json'));
      return c.json(
        { id: s.id, slug: s.slug, name: s.name, aliases: s.aliases, colour: s.colour, version: s.version, userId: s.userId, url: `/speakers/${s.slug}` },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: 'get',
      path: '/search/speeches',
      tags: ['transcripts'],
      summary: 'Search published speeches: exact substrings in Chinese, case-insensitive Latin words; count exact up to 1,000',
      request: { query: searchQuery },
      responses: {
        200: jsonContent(
          z.object({
            items: z.array(
              z.object({
                speechId: z.number().int(),
                body: z.string(),
                transcriptSlug: z.string(),
                transcriptTitle: z.string(),
                heldOn: z.string(),
                speakerName: z.string().nullable(),
                permalink: z.string(),
              }),
            ),
            count: z.number().int(),
            countCapped: z.boolean().openapi({ description: 'True when there are more than 1,000 results (count is then 1000)' }),
            page: z.number().int(),
            perPage: z.number().int(),
          }),
          'Results, newest meeting first',
        ),
        400: errors[400],
      },
    }),
    async (c) => {
      const f = c.req.valid('query');
      const result = await searchSpeeches(c.get('services').db, {
        q: f.q,
        speakerId: f.speaker,
        meetingId: f.meeting,
        from: f.from,
        to: f.to,
        limit: f.perPage,
        offset: (f.page - 1) * f.perPage,
      });
      return c.json(
        {
          items: result.items.map((h) => ({
            speechId: h.speechId,
            body: h.body,
            transcriptSlug: h.transcriptSlug,
            transcriptTitle: h.transcriptTitle,
            heldOn: h.heldOn,
            speakerName: h.speakerName,
            permalink: speechPermalink({ slug: h.transcriptSlug }, { id: h.speechId, position: h.position }),
          })),
          count: result.count,
          countCapped: result.countCapped,
          page: f.page,
          perPage: f.perPage,
        },
        200,
      );
    },
  );
}
