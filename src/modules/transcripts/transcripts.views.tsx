/** Transcript pages: the list, one transcript with its speeches and corrections, import, speakers and search. */
import { SPEAKER_COLOURS } from '../../domain/transcript-markdown.js';
import type { Child } from 'hono/jsx';
import type { Snippet } from '../../domain/cjk-search.js';
import { pick, type Lang } from '../../domain/localized.js';
import { taipeiDay } from '../../domain/monitoring.js';
import { ANSWER_LABELS, QUESTION_LABELS } from '../../domain/transcript-markdown.js';
import { CsrfField, ErrorSummary, InputField, SelectField, TextAreaField, formatDate, formatDateTime, type FieldErrors, type Option } from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout, type Crumb } from '../../web/layout.js';
import type { Speaker, Speech, SpeechRevision, Transcript } from './transcripts.queries.js';

// ------------------------------------------------------------------ paths

export const transcriptsPath = '/transcripts';
export const transcriptsFeedPath = '/transcripts.atom';
export const searchPath = '/transcripts/search';
export const importPath = '/transcripts/import';
export const speakersPath = '/speakers';
export const transcriptPath = (tr: Pick<Transcript, 'slug'>) => `${transcriptsPath}/${encodeURIComponent(tr.slug)}`;
/** Speeches shown on one page of a transcript: a long meeting is read a page at a time (ADR 0017). */
export const SPEECHES_PER_PAGE = 200;
/** The page that holds the speech at this position: page n holds positions (n − 1) × SPEECHES_PER_PAGE + 1 … n × SPEECHES_PER_PAGE. */
export const speechPage = (position: number) => Math.max(1, Math.ceil(position / SPEECHES_PER_PAGE));
export const transcriptPagePath = (tr: Pick<Transcript, 'slug'>, page: number) => (page > 1 ? `${transcriptPath(tr)}?page=${page}` : transcriptPath(tr));
export const speechAnchor = (s: { id: number }) => `s${s.id}`;
/** A speech's permalink: the page of the transcript that holds it, at its anchor. */
export const speechPath = (tr: Pick<Transcript, 'slug'>, s: { id: number; position: number }) => `${transcriptPagePath(tr, speechPage(s.position))}#${speechAnchor(s)}`;
/** Finds a speech by id alone and redirects to its permalink (for links made before a transcript had pages). */
export const speechRedirectPath = (s: { id: number }) => `/speeches/${s.id}`;
export const speakerPath = (s: Pick<Speaker, 'slug'>) => `${speakersPath}/${encodeURIComponent(s.slug)}`;

/**
 * The colours transcripts.service.ts gives new speakers, in its order: a speaker whose colour is one of them gets the
 * matching `.speaker-c<i>` class (the CSP forbids inline styles). Any other colour still shows as an SVG swatch.
 */
export const SPEAKER_PALETTE = SPEAKER_COLOURS;

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function speakerColourClass(colour: string): string {
  const i = SPEAKER_PALETTE.indexOf(colour.toLowerCase() as (typeof SPEAKER_PALETTE)[number]);
  return i === -1 ? 'speaker-cx' : `speaker-c${i}`;
}

/** The meeting a transcript records, as a link (the forum's meeting page). */
export interface MeetingLink {
  path: string;
  title: string;
}

const langName = (lang: Lang, of: string) => t(lang, `transcript.lang.${of === 'en' ? 'en' : 'zh-TW'}`);

/** Transcripts are written in one language; mark it when it is not the page's. */
const contentLang = (pageLang: Lang, language: string) => (language === pageLang ? undefined : language);

const listCrumbs = (lang: Lang): Crumb[] => [
  { label: t(lang, 'nav.home'), path: '/' },
  { label: t(lang, 'transcript.listTitle'), path: transcriptsPath },
];

const feeds = (lang: Lang) => [{ title: t(lang, 'transcript.feed'), path: transcriptsFeedPath }];

/** The day a draft becomes public, as the office counts it (publication is at 00:00 Taipei). */
export const publishDay = (tr: Pick<Transcript, 'publishAt'>) => taipeiDay(tr.publishAt);

function Swatch(props: { colour: string }) {
  if (!HEX_COLOUR.test(props.colour)) return null;
  return (
    <svg class="speaker-swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect width="12" height="12" rx="2" fill={props.colour} />
    </svg>
  );
}

export function SpeakerName(props: { speaker: Pick<Speaker, 'slug' | 'name' | 'colour'> | undefined; label: string | null; lang: Lang }) {
  const { speaker, lang } = props;
  const text = props.label ?? speaker?.name ?? '';
  if (!speaker) return <span class="speaker-name">{text}</span>;
  return (
    <a class={`speaker-name ${speakerColourClass(speaker.colour)}`} href={href(lang, speakerPath(speaker))}>
      <Swatch colour={speaker.colour} />
      {text}
    </a>
  );
}

function StatusText(props: { transcript: Transcript; lang: Lang }) {
  const { transcript: tr, lang } = props;
  if (tr.publishedAt) return <span class="badge transcript-published">{t(lang, 'transcript.statusPublished')}</span>;
  return <span class="badge badge-draft">{t(lang, 'transcript.statusDraft', { date: formatDate(publishDay(tr), lang) })}</span>;
}

/** Paragraphs split at blank lines; single line breaks kept. Text is escaped by JSX like all text. */
function Body(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((para) => {
        const lines = para.split('\n');
        return (
          <p>
            {lines.map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </>
  );
}

export function Pager(props: { lang: Lang; page: number; pages: number; pathFor: (page: number) => string }) {
  const { lang, page, pages } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t(lang, 'pager.label')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(lang, props.pathFor(page - 1))} rel="prev">
              {t(lang, 'pager.previous')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">{t(lang, 'pager.status', { page, pages })}</li>
        {page < pages ? (
          <li>
            <a href={href(lang, props.pathFor(page + 1))} rel="next">
              {t(lang, 'pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

// ------------------------------------------------------------------ the list

export interface TranscriptRow {
  transcript: Transcript;
  meeting: MeetingLink | undefined;
}

function SearchBox(props: { lang: Lang; q: string }) {
  const { lang } = props;
  return (
    <form method="get" action={href(lang, searchPath)} class="filters search-box" role="search">
      <InputField name="q" type="search" label={t(lang, 'search.q')} value={props.q} errors={{}} lang={lang} />
      <button type="submit" class="button">
        {t(lang, 'search.submit')}
      </button>
    </form>
  );
}

export function TranscriptsPage(props: { ctx: PageContext; rows: TranscriptRow[]; canManage: boolean }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  const title = t(lang, 'transcript.listTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ label: t(lang, 'nav.home'), path: '/' }, { label: title }]} feeds={feeds(lang)}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'transcript.listIntro')}</p>
      <SearchBox lang={lang} q="" />
      <p class="actions">
        {props.canManage ? (
          <a class="button" href={href(lang, importPath)}>
            {t(lang, 'transcript.importLink')}
          </a>
        ) : null}
        <a href={href(lang, speakersPath)}>{t(lang, 'transcript.speakersLink')}</a>
        <a href={href(lang, transcriptsFeedPath)}>{t(lang, 'transcript.feed')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t(lang, 'transcript.none')}</p>
      ) : (
        <div class="table-scroll">
          <table class="transcripts">
            <caption>{t(lang, 'transcript.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'transcript.date')}</th>
                <th scope="col">{t(lang, 'transcript.title')}</th>
                <th scope="col">{t(lang, 'transcript.meeting')}</th>
                <th scope="col">{t(lang, 'transcript.language')}</th>
                <th scope="col">{t(lang, 'transcript.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ transcript: tr, meeting }) => (
                <tr class={tr.publishedAt ? 'transcript-row' : 'transcript-row transcript-draft'}>
                  <td class="num">
                    <time datetime={tr.heldOn}>{formatDate(tr.heldOn, lang)}</time>
                  </td>
                  <th scope="row">
                    <a href={href(lang, transcriptPath(tr))} lang={contentLang(lang, tr.language)}>
                      {tr.title}
                    </a>
                  </th>
                  <td>{meeting ? <a href={href(lang, meeting.path)}>{meeting.title}</a> : null}</td>
                  <td>{langName(lang, tr.language)}</td>
                  <td>
                    <StatusText transcript={tr} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

// ------------------------------------------------------------------ one transcript

export interface SpeechEdit {
  speechId: number;
  body: string;
  errors: FieldErrors;
  conflict: boolean;
}

export interface TranscriptPageProps {
  ctx: PageContext;
  transcript: Transcript;
  sections: { id: number; heading: string; position: number }[];
  /** The speeches of this page only. */
  speeches: Speech[];
  /** This page and how many there are (SPEECHES_PER_PAGE speeches each). */
  page: number;
  pages: number;
  /** Each section's first speech position, over the whole transcript: where its heading and contents link go. */
  sectionStarts: Map<number, number>;
  speakers: Map<number, Speaker>;
  meeting: MeetingLink | undefined;
  twin: Transcript | undefined;
  /** Speech ids the viewer may correct now. */
  correctable: Set<number>;
  canPublish: boolean;
  /** The private correction log; undefined when the viewer may not see it. */
  revisions: SpeechRevision[] | undefined;
  /** A speech correction shown again with its problem. */
  edit?: SpeechEdit;
  /** Problems of the early-publication form. */
  publishErrors?: FieldErrors;
  publishReason?: string;
}

function DraftNotice(props: { transcript: Transcript; lang: Lang }) {
  const { transcript: tr, lang } = props;
  return (
    <div class="notice transcript-draft-notice">
      <p>
        {t(lang, 'transcript.draftNotice', {
          date: formatDate(publishDay(tr), lang),
          days: tr.embargoWorkingDays,
          counting: t(lang, tr.countedWithCalendar ? 'transcript.countedCalendar' : 'transcript.countedWeekends'),
        })}
        {tr.releaseOn ? ` ${t(lang, 'transcript.draftRelease', { date: formatDate(tr.releaseOn, lang) })}` : ''}
      </p>
      <p>{t(lang, 'transcript.draftCorrect')}</p>
    </div>
  );
}

function speakerText(speech: Speech, speaker: Speaker | undefined, lang: Lang): string {
  return speech.speakerLabel ?? speaker?.name ?? t(lang, `speech.kind.${speech.kind}`);
}

function SpeechArticle(props: { ctx: PageContext; transcript: Transcript; speech: Speech; speaker: Speaker | undefined; correctable: boolean; edit: SpeechEdit | undefined }) {
  const { ctx, transcript: tr, speech, speaker, edit } = props;
  const { lang } = ctx;
  const anchor = speechAnchor(speech);
  const who = speakerText(speech, speaker, lang);
  const which = t(lang, 'speech.which', { position: speech.position, speaker: who });
  const base = `${transcriptPath(tr)}/speeches/${speech.id}`;
  const fieldId = `f-body-${speech.id}`;
  const errorId = `err-body-${speech.id}`;
  const bodyError = edit?.errors.body;
  const labelled = speech.kind === 'question' || speech.kind === 'answer';
  // `### 問：` names no one: the kind's label says it all.
  const bareLabel = labelled && speech.speakerLabel !== null && [...QUESTION_LABELS, ...ANSWER_LABELS].includes(speech.speakerLabel);
  const named = !bareLabel && !(speech.kind === 'narrative' && !speech.speakerLabel);
  return (
    <article id={anchor} tabindex={-1} class={`speech speech-${speech.kind}`}>
      <header class="speech-head">
        {named ? <SpeakerName speaker={speaker} label={speech.speakerLabel} lang={lang} /> : null}
        {labelled ? <span class={`badge speech-kind speech-kind-${speech.kind}`}>{t(lang, `speech.kind.${speech.kind}`)}</span> : null}
        <span class="speech-links">
          <a class="permalink" href={`#${anchor}`}>
            {t(lang, 'speech.permalink')}
            <span class="visually-hidden"> ({which})</span>
          </a>
          <a class="copy-link" href={href(lang, speechPath(tr, speech))}>
            {t(lang, 'speech.copyLink')}
            <span class="visually-hidden"> ({which})</span>
          </a>
        </span>
      </header>
      <div class="speech-body" lang={contentLang(lang, tr.language)}>
        <Body text={speech.body} />
      </div>
      {props.correctable ? (
        <details class="speech-correct" open={edit ? true : undefined}>
          <summary>
            {t(lang, 'speech.correct')}
            <span class="visually-hidden"> ({which})</span>
          </summary>
          {edit?.conflict ? (
            <p class="field-error" role="alert">
              {t(lang, 'form.conflict')}
            </p>
          ) : null}
          <form method="post" action={href(lang, `${base}/edit`)} class="speech-edit">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(speech.version)} />
            <div class={`field${bodyError ? ' field-invalid' : ''}`}>
              <label for={fieldId}>{t(lang, 'speech.correctLabel', { position: speech.position, speaker: who })}</label>
              {bodyError ? (
                <p class="field-error" id={errorId}>
                  {bodyError}
                </p>
              ) : null}
              <textarea id={fieldId} name="body" rows={Math.min(12, Math.max(3, Math.ceil(speech.body.length / 60)))} lang={contentLang(lang, tr.language)} aria-invalid={bodyError ? 'true' : undefined} aria-describedby={bodyError ? errorId : undefined}>
                {edit && !edit.conflict ? edit.body : speech.body}
              </textarea>
            </div>
            <button type="submit" class="button">
              {t(lang, 'speech.save')}
            </button>
          </form>
          <form method="post" action={href(lang, `${base}/delete`)} class="speech-delete">
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(speech.version)} />
            <p class="help" id={`delete-help-${speech.id}`}>
              {t(lang, 'speech.deleteConfirm')}
            </p>
            <button type="submit" class="button button-danger" aria-describedby={`delete-help-${speech.id}`}>
              {t(lang, 'speech.delete')}
            </button>
          </form>
        </details>
      ) : null}
    </article>
  );
}

function RevisionLog(props: { revisions: SpeechRevision[]; lang: Lang; transcript: Transcript; positions: Map<number, number> }) {
  const { lang, revisions } = props;
  return (
    <section aria-labelledby="s-revisions" class="panel revisions">
      <h2 id="s-revisions">{t(lang, 'revisions.title')}</h2>
      <p class="help">{t(lang, 'revisions.help')}</p>
      {revisions.length === 0 ? (
        <p>{t(lang, 'revisions.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t(lang, 'revisions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'revisions.when')}</th>
                <th scope="col">{t(lang, 'revisions.who')}</th>
                <th scope="col">{t(lang, 'revisions.speech')}</th>
                <th scope="col">{t(lang, 'revisions.what')}</th>
                <th scope="col">{t(lang, 'revisions.before')}</th>
                <th scope="col">{t(lang, 'revisions.after')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td class="num">{formatDateTime(r.at, lang)}</td>
                  <td>{r.actorName}</td>
                  <td>
                    <a href={props.positions.has(r.speechId) ? `#s${r.speechId}` : href(lang, speechRedirectPath({ id: r.speechId }))}>{props.positions.get(r.speechId) ?? r.speechId}</a>
                  </td>
                  <td>{t(lang, `revisions.action.${r.action}`)}</td>
                  <td class="diff-before" lang={contentLang(lang, props.transcript.language)}>
                    {r.before ?? ''}
                  </td>
                  <td class="diff-after" lang={contentLang(lang, props.transcript.language)}>
                    {r.after ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PublishEarlyForm(props: { ctx: PageContext; transcript: Transcript; errors: FieldErrors; reason: string }) {
  const { ctx, transcript: tr, errors } = props;
  const { lang } = ctx;
  const invalid = errors.reason !== undefined;
  return (
    <section aria-labelledby="s-publish" class="panel publish-early">
      <h2 id="s-publish">{t(lang, 'transcript.publishEarlyTitle')}</h2>
      <form method="post" action={href(lang, `${transcriptPath(tr)}/publish`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(tr.version)} />
        <div class={`field${invalid ? ' field-invalid' : ''}`}>
          <label for="f-reason">
            {t(lang, 'transcript.reason')}
            <span class="required"> ({t(lang, 'form.required')})</span>
          </label>
          <p class="help" id="f-reason-help">
            {t(lang, 'transcript.publishEarlyHelp')}
          </p>
          {invalid ? (
            <p class="field-error" id="err-reason">
              {errors.reason}
            </p>
          ) : null}
          <textarea id="f-reason" name="reason" rows={3} required aria-invalid={invalid ? 'true' : undefined} aria-describedby={invalid ? 'err-reason f-reason-help' : 'f-reason-help'}>
            {props.reason}
          </textarea>
        </div>
        <button type="submit" class="button">
          {t(lang, 'transcript.publishEarly')}
        </button>
      </form>
    </section>
  );
}

export function TranscriptPage(props: TranscriptPageProps) {
  const { ctx, transcript: tr, speeches, speakers } = props;
  const { lang } = ctx;
  const sectionHeading = new Map(props.sections.map((s) => [s.id, s.heading]));
  const usedSections = props.sections.filter((s) => props.sectionStarts.has(s.id));
  const sectionLink = (sectionId: number) => {
    const page = speechPage(props.sectionStarts.get(sectionId) ?? 1);
    return page === props.page ? `#sec-${sectionId}` : `${href(lang, transcriptPagePath(tr, page))}#sec-${sectionId}`;
  };
  const positions = new Map(speeches.map((s) => [s.id, s.position]));
  const summaryErrors: FieldErrors = { ...(props.publishErrors ?? {}) };
  if (props.edit?.errors.body) summaryErrors[`body-${props.edit.speechId}`] = props.edit.errors.body;
  const headed = new Set<number>();
  let current: number | null = null;
  const record: Child[] = [];
  for (const speech of speeches) {
    if (speech.sectionId !== null && speech.sectionId !== current) {
      const heading = sectionHeading.get(speech.sectionId);
      if (heading !== undefined) {
        // The heading shows again atop a page that continues a section; the anchor stays where the section begins.
        const first = !headed.has(speech.sectionId) && props.sectionStarts.get(speech.sectionId) === speech.position;
        headed.add(speech.sectionId);
        record.push(
          <h2 id={first ? `sec-${speech.sectionId}` : undefined} class="transcript-section" lang={contentLang(lang, tr.language)}>
            {heading}
          </h2>,
        );
      }
    }
    current = speech.sectionId;
    record.push(
      <SpeechArticle
        ctx={ctx}
        transcript={tr}
        speech={speech}
        speaker={speech.speakerId === null ? undefined : speakers.get(speech.speakerId)}
        correctable={props.correctable.has(speech.id)}
        edit={props.edit?.speechId === speech.id ? props.edit : undefined}
      />,
    );
  }
  return (
    <Layout ctx={ctx} title={tr.title} crumbs={[...listCrumbs(lang), { label: tr.title }]} feeds={feeds(lang)}>
      <h1 lang={contentLang(lang, tr.language)}>{tr.title}</h1>
      <ErrorSummary errors={summaryErrors} lang={lang} conflict={props.edit?.conflict} />
      {tr.publishedAt === null ? <DraftNotice transcript={tr} lang={lang} /> : null}
      <dl class="meta">
        <dt>{t(lang, 'transcript.heldOn')}</dt>
        <dd>
          <time datetime={tr.heldOn}>{formatDate(tr.heldOn, lang)}</time>
        </dd>
        {props.meeting ? (
          <>
            <dt>{t(lang, 'transcript.meeting')}</dt>
            <dd>
              <a href={href(lang, props.meeting.path)}>{props.meeting.title}</a>
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'transcript.language')}</dt>
        <dd>{langName(lang, tr.language)}</dd>
        {props.twin ? (
          <>
            <dt>{t(lang, 'transcript.twin')}</dt>
            <dd>
              <a href={href(lang, transcriptPath(props.twin))} hreflang={props.twin.language}>
                {t(lang, 'transcript.twinLink', { language: langName(lang, props.twin.language) })}
              </a>
            </dd>
          </>
        ) : null}
        {tr.sourceUrl ? (
          <>
            <dt>{t(lang, 'transcript.source')}</dt>
            <dd>
              <a href={tr.sourceUrl} rel="noopener nofollow">
                {tr.sourceUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'transcript.status')}</dt>
        <dd>{tr.publishedAt ? t(lang, 'transcript.publishedOn', { date: formatDateTime(tr.publishedAt, lang) }) : <StatusText transcript={tr} lang={lang} />}</dd>
        {tr.publishedAt && tr.publishedEarlyReason ? (
          <>
            <dt>{t(lang, 'transcript.earlyReason')}</dt>
            <dd class="early-reason">
              <p>{t(lang, 'transcript.publishedEarly', { date: formatDateTime(tr.publishedAt, lang), name: tr.publishedByName ?? '' })}</p>
              <p>{tr.publishedEarlyReason}</p>
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'transcript.downloads')}</dt>
        <dd>
          <a href={href(lang, `${transcriptPath(tr)}.md`)} type="text/markdown">
            {t(lang, 'transcript.markdown')}
          </a>
          {' · '}
          <a href={href(lang, `${transcriptPath(tr)}.akn.xml`)} type="application/akn+xml">
            {t(lang, 'transcript.akn')}
          </a>
        </dd>
      </dl>
      {tr.publishedAt === null && props.canPublish ? <PublishEarlyForm ctx={ctx} transcript={tr} errors={props.publishErrors ?? {}} reason={props.publishReason ?? ''} /> : null}
      {usedSections.length > 1 ? (
        <nav class="toc" aria-labelledby="s-contents">
          <h2 id="s-contents">{t(lang, 'transcript.contents')}</h2>
          <ol lang={contentLang(lang, tr.language)}>
            {usedSections.map((s) => (
              <li>
                <a href={sectionLink(s.id)}>{s.heading}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {usedSections.length === 0 ? <h2 class="visually-hidden">{t(lang, 'transcript.speechesTitle')}</h2> : null}
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => transcriptPagePath(tr, page)} />
      <div class="transcript-record">{speeches.length === 0 ? <p>{t(lang, 'transcript.noSpeeches')}</p> : record}</div>
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => transcriptPagePath(tr, page)} />
      {props.revisions ? <RevisionLog revisions={props.revisions} lang={lang} transcript={tr} positions={positions} /> : null}
    </Layout>
  );
}

// ------------------------------------------------------------------ import

export interface ImportValues {
  markdown: string;
  title: string;
  heldOn: string;
  language: string;
  embargoWorkingDays: string;
  releaseOn: string;
  meetingId: string;
  sourceUrl: string;
  twin: string;
  replaceSlug: string;
}

export const emptyImportValues = (): ImportValues => ({
  markdown: '',
  title: '',
  heldOn: '',
  language: 'zh-TW',
  embargoWorkingDays: '',
  releaseOn: '',
  meetingId: '',
  sourceUrl: '',
  twin: '',
  replaceSlug: '',
});

export function ImportPage(props: { ctx: PageContext; values: ImportValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const title = t(lang, 'transcript.importTitle');
  const mdInvalid = errors.markdown !== undefined;
  const fileInvalid = errors.file !== undefined;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...listCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'transcript.importIntro')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, importPath)} enctype="multipart/form-data" class="import-form" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class={`field${fileInvalid ? ' field-invalid' : ''}`}>
          <label for="f-file">{t(lang, 'transcript.field.file')}</label>
          <p class="help" id="f-file-help">
            {t(lang, 'transcript.field.fileHelp')}
          </p>
          {fileInvalid ? (
            <p class="field-error" id="err-file">
              {errors.file}
            </p>
          ) : null}
          <input id="f-file" type="file" name="file" accept=".md,.markdown,.txt,text/markdown,text/plain" aria-invalid={fileInvalid ? 'true' : undefined} aria-describedby={fileInvalid ? 'err-file f-file-help' : 'f-file-help'} />
        </div>
        <div class={`field${mdInvalid ? ' field-invalid' : ''}`}>
          <label for="f-markdown">{t(lang, 'transcript.field.markdown')}</label>
          <p class="help" id="f-markdown-help">
            {t(lang, 'transcript.formatHelp')}
          </p>
          {mdInvalid ? (
            <p class="field-error" id="err-markdown">
              {errors.markdown}
            </p>
          ) : null}
          <textarea id="f-markdown" name="markdown" rows={14} class="markdown-input" aria-invalid={mdInvalid ? 'true' : undefined} aria-describedby={mdInvalid ? 'err-markdown f-markdown-help' : 'f-markdown-help'}>
            {values.markdown}
          </textarea>
        </div>
        <InputField name="title" label={t(lang, 'transcript.field.title')} help={t(lang, 'transcript.field.titleHelp')} value={values.title} errors={errors} lang={lang} />
        <InputField name="heldOn" type="date" label={t(lang, 'transcript.field.heldOn')} help={t(lang, 'transcript.field.heldOnHelp')} value={values.heldOn} errors={errors} lang={lang} />
        <SelectField
          name="language"
          label={t(lang, 'transcript.field.language')}
          value={values.language}
          options={(['zh-TW', 'en'] as const).map((l) => ({ value: l, label: langName(lang, l) }))}
          errors={errors}
          lang={lang}
          required
        />
        <InputField name="embargoWorkingDays" type="number" label={t(lang, 'transcript.field.embargo')} help={t(lang, 'transcript.field.embargoHelp')} value={values.embargoWorkingDays} errors={errors} lang={lang} />
        <InputField name="releaseOn" type="date" label={t(lang, 'transcript.field.releaseOn')} help={t(lang, 'transcript.field.releaseOnHelp')} value={values.releaseOn} errors={errors} lang={lang} />
        <InputField name="meetingId" type="number" label={t(lang, 'transcript.field.meetingId')} help={t(lang, 'transcript.field.meetingIdHelp')} value={values.meetingId} errors={errors} lang={lang} />
        <InputField name="sourceUrl" type="url" label={t(lang, 'transcript.field.sourceUrl')} value={values.sourceUrl} errors={errors} lang={lang} />
        <InputField name="twin" label={t(lang, 'transcript.field.twin')} help={t(lang, 'transcript.field.twinHelp')} value={values.twin} errors={errors} lang={lang} />
        <InputField name="replaceSlug" label={t(lang, 'transcript.field.replaceSlug')} help={t(lang, 'transcript.field.replaceSlugHelp')} value={values.replaceSlug} errors={errors} lang={lang} />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'transcript.importSubmit')}
          </button>
          <a href={href(lang, transcriptsPath)}>{t(lang, 'form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

// ------------------------------------------------------------------ speakers

export function SpeakersPage(props: { ctx: PageContext; speakers: { speaker: Speaker; count: number }[] }) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = t(lang, 'speaker.listTitle');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...listCrumbs(lang), { label: title }]}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'speaker.listIntro')}</p>
      {props.speakers.length === 0 ? (
        <p>{t(lang, 'speaker.none')}</p>
      ) : (
        <ul class="speakers">
          {props.speakers.map(({ speaker, count }) => (
            <li>
              <SpeakerName speaker={speaker} label={null} lang={lang} /> <span class="meta-inline">({t(lang, 'speaker.count', { count })})</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export type SpeakerSpeech = Speech & { transcriptSlug: string; transcriptTitle: string; heldOn: string };

export interface SpeakerEdit {
  values: { name: string; aliases: string; email: string; affiliationZh: string; affiliationEn: string };
  errors: FieldErrors;
  conflict?: boolean;
}

/** The secretariat's form: name, aliases (one per line) and the account that may correct this speaker's words. */
function SpeakerForm(props: { ctx: PageContext; speaker: Speaker; edit: SpeakerEdit }) {
  const { ctx, speaker, edit } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="speaker-edit" class="panel">
      <h2 id="speaker-edit">{t(lang, 'speaker.edit')}</h2>
      <ErrorSummary errors={edit.errors} lang={lang} conflict={edit.conflict} />
      <form method="post" action={href(lang, `${speakersPath}/${encodeURIComponent(speaker.slug)}/edit`)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="version" value={String(speaker.version)} />
        <InputField name="name" label={t(lang, 'speaker.name')} value={edit.values.name} errors={edit.errors} lang={lang} required />
        <TextAreaField name="aliases" label={t(lang, 'speaker.aliases')} help={t(lang, 'speaker.aliasesHelp')} value={edit.values.aliases} errors={edit.errors} lang={lang} rows={3} />
        <InputField name="email" type="email" label={t(lang, 'speaker.account')} help={t(lang, 'speaker.accountHelp')} value={edit.values.email} errors={edit.errors} lang={lang} />
        <InputField name="affiliationZh" label={`${t(lang, 'speaker.affiliation')} (${t(lang, 'form.zh')})`} value={edit.values.affiliationZh} errors={edit.errors} lang={lang} />
        <InputField name="affiliationEn" label={`${t(lang, 'speaker.affiliation')} (${t(lang, 'form.en')})`} value={edit.values.affiliationEn} errors={edit.errors} lang={lang} />
        <button type="submit" class="button">
          {t(lang, 'form.save')}
        </button>
      </form>
    </section>
  );
}

export function SpeakerPage(props: { ctx: PageContext; speaker: Speaker; speeches: SpeakerSpeech[]; total: number; page: number; pages: number; edit?: SpeakerEdit | undefined }) {
  const { ctx, speaker } = props;
  const { lang } = ctx;
  const affiliation = pick(speaker.affiliation, lang);
  return (
    <Layout ctx={ctx} title={speaker.name} crumbs={[...listCrumbs(lang), { label: t(lang, 'speaker.listTitle'), path: speakersPath }, { label: speaker.name }]}>
      <h1 class={`speaker-title ${speakerColourClass(speaker.colour)}`}>
        <Swatch colour={speaker.colour} />
        {speaker.name}
      </h1>
      <dl class="meta">
        {affiliation ? (
          <>
            <dt>{t(lang, 'speaker.affiliation')}</dt>
            <dd>{affiliation}</dd>
          </>
        ) : null}
        {speaker.aliases.length > 0 ? (
          <>
            <dt>{t(lang, 'speaker.aliases')}</dt>
            <dd>{speaker.aliases.join(lang === 'en' ? ', ' : '、')}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'speaker.speeches')}</dt>
        <dd>{t(lang, 'speaker.count', { count: props.total })}</dd>
      </dl>
      <p class="actions">
        <a href={href(lang, `${searchPath}?speaker=${encodeURIComponent(speaker.slug)}`)}>{t(lang, 'search.link')}</a>
      </p>
      {props.edit ? <SpeakerForm ctx={ctx} speaker={speaker} edit={props.edit} /> : null}
      <h2>{t(lang, 'speaker.speeches')}</h2>
      {props.speeches.length === 0 ? (
        <p>{t(lang, 'speaker.noSpeeches')}</p>
      ) : (
        <ol class="speaker-speeches">
          {props.speeches.map((s) => (
            <li class={`speech speech-${s.kind}`}>
              <p class="speech-source">
                <a href={href(lang, speechPath({ slug: s.transcriptSlug }, s))}>{t(lang, 'speaker.inTranscript', { title: s.transcriptTitle, date: formatDate(s.heldOn, lang) })}</a>
              </p>
              <div class="speech-body">
                <Body text={s.body} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => `${speakerPath(speaker)}?page=${page}`} />
    </Layout>
  );
}

// ------------------------------------------------------------------ search

export interface SearchHitView {
  speechId: number;
  position: number;
  transcriptSlug: string;
  transcriptTitle: string;
  heldOn: string;
  language: string;
  speaker: Pick<Speaker, 'slug' | 'name' | 'colour'> | undefined;
  speakerLabel: string | null;
  kind: string;
  snippets: Snippet[];
}

export interface SearchFilters {
  q: string;
  speaker: string;
  from: string;
  to: string;
  meeting: string;
}

export function searchQueryString(f: SearchFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== '') params.set(k, v);
  if (page !== undefined && page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function SnippetText(props: { snippet: Snippet }) {
  const { snippet } = props;
  return (
    <p class="snippet">
      {snippet.truncatedStart ? '…' : ''}
      {snippet.snippet.map((seg) => (seg.mark ? <mark>{seg.text}</mark> : <>{seg.text}</>))}
      {snippet.truncatedEnd ? '…' : ''}
    </p>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  filters: SearchFilters;
  errors: FieldErrors;
  speakers: Option[];
  meetings: Option[];
  result: { hits: SearchHitView[]; count: number; capped: boolean; slow: boolean } | undefined;
  page: number;
  pages: number;
}) {
  const { ctx, filters, errors, result } = props;
  const { lang } = ctx;
  const title = t(lang, 'search.title');
  const count = result ? result.count.toLocaleString(lang === 'en' ? 'en' : 'zh-TW') : '';
  return (
    <Layout ctx={ctx} title={filters.q ? `${filters.q} · ${title}` : title} crumbs={[...listCrumbs(lang), { label: title }]} feeds={feeds(lang)}>
      <h1>{title}</h1>
      <form method="get" action={href(lang, searchPath)} class="filters search-form" role="search">
        <InputField name="q" type="search" label={t(lang, 'search.q')} value={filters.q} errors={errors} lang={lang} />
        <SelectField name="speaker" label={t(lang, 'search.speaker')} value={filters.speaker} options={[{ value: '', label: t(lang, 'search.any') }, ...props.speakers]} errors={errors} lang={lang} />
        <InputField name="from" type="date" label={t(lang, 'search.from')} value={filters.from} errors={errors} lang={lang} />
        <InputField name="to" type="date" label={t(lang, 'search.to')} value={filters.to} errors={errors} lang={lang} />
        <SelectField name="meeting" label={t(lang, 'search.meeting')} value={filters.meeting} options={[{ value: '', label: t(lang, 'search.any') }, ...props.meetings]} errors={errors} lang={lang} />
        <button type="submit" class="button">
          {t(lang, 'search.submit')}
        </button>
      </form>
      <p class="help search-rules">{t(lang, 'search.rules')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      {result === undefined ? (
        <p role="status">{filters.q.trim() === '' ? t(lang, 'search.empty') : ''}</p>
      ) : (
        <section aria-labelledby="s-results">
          <h2 id="s-results">{t(lang, 'search.results')}</h2>
          <p role="status" class="result-count">
            {result.count === 0 ? t(lang, 'search.none', { q: filters.q }) : t(lang, result.capped ? 'search.countCapped' : 'search.count', { count })}
          </p>
          {result.slow ? <p class="help">{t(lang, 'search.slow')}</p> : null}
          <ol class="search-results">
            {result.hits.map((hit) => (
              <li class={`search-hit speech-${hit.kind}`}>
                <p class="hit-head">
                  <a href={href(lang, speechPath({ slug: hit.transcriptSlug }, { id: hit.speechId, position: hit.position }))}>
                    <span lang={contentLang(lang, hit.language)}>{hit.transcriptTitle}</span>
                    {` · ${formatDate(hit.heldOn, lang)} · #${hit.position}`}
                  </a>
                  {hit.speaker || hit.speakerLabel ? (
                    <>
                      {' · '}
                      <SpeakerName speaker={hit.speaker} label={hit.speakerLabel} lang={lang} />
                    </>
                  ) : null}
                </p>
                <div class="snippets" lang={contentLang(lang, hit.language)}>
                  {hit.snippets.map((s) => (
                    <SnippetText snippet={s} />
                  ))}
                </div>
              </li>
            ))}
          </ol>
          <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => `${searchPath}${searchQueryString(filters, page)}`} />
        </section>
      )}
    </Layout>
  );
}
