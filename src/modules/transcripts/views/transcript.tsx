/**
 * One page of a transcript: its facts, the draft notice and early-publication form while under embargo, the table of
 * sections, the speeches of this page and, for those who may see it, the private correction log.
 */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t, type MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import {
  speechAnchor,
  speechRedirectPath,
  transcriptAknPath,
  transcriptMarkdownPath,
  transcriptPagePath,
  transcriptPath,
  transcriptPublishPath,
} from '../../../web/paths.js';
import {
  CsrfField,
  DataTable,
  DefinitionList,
  ErrorSummary,
  Notice,
  Pager,
  TextAreaField,
  VersionField,
  formatDate,
  formatDateTime,
  type FieldErrors,
} from '../../../web/ui/index.js';
import { publishForm, type PublishValues, type SpeechEdit } from '../transcripts.forms.js';
import { speechPage } from '../transcripts.paging.js';
import type { Speaker, Speech, SpeechRevision, Transcript } from '../transcripts.queries.js';
import { StatusText, contentLang, feeds, langName, listCrumbs, publishDay, type MeetingLink } from './parts.js';
import { SpeechArticle } from './speech.js';

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
  edit?: SpeechEdit | undefined;
  /** The early-publication form shown again with its problem. */
  publish?: { values: PublishValues; errors: FieldErrors } | undefined;
}

function DraftNotice(props: { transcript: Transcript; lang: Lang }) {
  const { transcript: tr, lang } = props;
  return (
    <Notice as="div" class="transcript-draft-notice">
      <p>
        {t(lang, 'transcript.draftNotice', {
          date: formatDate(publishDay(tr), lang),
          days: tr.embargoWorkingDays,
          counting: t(lang, tr.countedWithCalendar ? 'transcript.countedCalendar' : 'transcript.countedWeekends'),
        })}
        {tr.releaseOn ? ` ${t(lang, 'transcript.draftRelease', { date: formatDate(tr.releaseOn, lang) })}` : ''}
      </p>
      <p>{t(lang, 'transcript.draftCorrect')}</p>
    </Notice>
  );
}

const REVISION_ACTIONS: Partial<Record<string, MessageKey>> = {
  edit: 'revisions.action.edit',
  delete: 'revisions.action.delete',
  restore: 'revisions.action.restore',
};

function RevisionLog(props: { revisions: SpeechRevision[]; lang: Lang; transcript: Transcript; positions: Map<number, number> }) {
  const { lang, revisions } = props;
  const textLang = contentLang(lang, props.transcript.language);
  return (
    <section aria-labelledby="s-revisions" class="panel revisions">
      <h2 id="s-revisions">{t(lang, 'revisions.title')}</h2>
      <p class="help">{t(lang, 'revisions.help')}</p>
      <DataTable
        caption={t(lang, 'revisions.caption')}
        rows={revisions}
        empty={t(lang, 'revisions.none')}
        columns={[
          { header: t(lang, 'revisions.when'), nowrap: true, cell: (r) => formatDateTime(r.at, lang) },
          { header: t(lang, 'revisions.who'), cell: (r) => r.actorName },
          {
            header: t(lang, 'revisions.speech'),
            cell: (r) => (
              <a href={props.positions.has(r.speechId) ? `#${speechAnchor({ id: r.speechId })}` : href(lang, speechRedirectPath({ id: r.speechId }))}>
                {props.positions.get(r.speechId) ?? r.speechId}
              </a>
            ),
          },
          {
            header: t(lang, 'revisions.what'),
            cell: (r) => {
              const key = REVISION_ACTIONS[r.action];
              return key ? t(lang, key) : r.action;
            },
          },
          // The kit's cells take no class: the text before and after carries it.
          {
            header: t(lang, 'revisions.before'),
            cell: (r) => (
              <div class="diff-before" lang={textLang}>
                {r.before ?? ''}
              </div>
            ),
          },
          {
            header: t(lang, 'revisions.after'),
            cell: (r) => (
              <div class="diff-after" lang={textLang}>
                {r.after ?? ''}
              </div>
            ),
          },
        ]}
      />
    </section>
  );
}

function PublishEarlyForm(props: { ctx: PageContext; transcript: Transcript; values: PublishValues; errors: FieldErrors }) {
  const { ctx, transcript: tr, errors } = props;
  const { lang } = ctx;
  return (
    <section aria-labelledby="s-publish" class="panel publish-early">
      <h2 id="s-publish">{t(lang, 'transcript.publishEarlyTitle')}</h2>
      <form method="post" action={href(lang, transcriptPublishPath(tr))} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <VersionField version={tr.version} />
        <TextAreaField
          name="reason"
          label={t(lang, 'transcript.reason')}
          help={t(lang, 'transcript.publishEarlyHelp')}
          value={props.values.reason}
          errors={errors}
          lang={lang}
          rows={3}
          required
        />
        <button type="submit" class="button">
          {t(lang, 'transcript.publishEarly')}
        </button>
      </form>
    </section>
  );
}

function Facts(props: { lang: Lang; transcript: Transcript; meeting: MeetingLink | undefined; twin: Transcript | undefined }) {
  const { lang, transcript: tr, meeting, twin } = props;
  return (
    <DefinitionList
      items={[
        { label: t(lang, 'transcript.heldOn'), value: <time datetime={tr.heldOn}>{formatDate(tr.heldOn, lang)}</time> },
        meeting && { label: t(lang, 'transcript.meeting'), value: <a href={href(lang, meeting.path)}>{meeting.title}</a> },
        { label: t(lang, 'transcript.language'), value: langName(lang, tr.language) },
        twin && {
          label: t(lang, 'transcript.twin'),
          value: (
            <a href={href(lang, transcriptPath(twin))} hreflang={twin.language}>
              {t(lang, 'transcript.twinLink', { language: langName(lang, twin.language) })}
            </a>
          ),
        },
        tr.sourceUrl
          ? {
              label: t(lang, 'transcript.source'),
              value: (
                <a href={tr.sourceUrl} rel="noopener nofollow">
                  {tr.sourceUrl}
                </a>
              ),
            }
          : null,
        {
          label: t(lang, 'transcript.status'),
          value: tr.publishedAt ? (
            t(lang, 'transcript.publishedOn', { date: formatDateTime(tr.publishedAt, lang) })
          ) : (
            <StatusText transcript={tr} lang={lang} />
          ),
        },
        tr.publishedAt && tr.publishedEarlyReason
          ? {
              label: t(lang, 'transcript.earlyReason'),
              value: (
                <div class="early-reason">
                  <p>{t(lang, 'transcript.publishedEarly', { date: formatDateTime(tr.publishedAt, lang), name: tr.publishedByName ?? '' })}</p>
                  <p>{tr.publishedEarlyReason}</p>
                </div>
              ),
            }
          : null,
        {
          label: t(lang, 'transcript.downloads'),
          value: (
            <>
              <a href={href(lang, transcriptMarkdownPath(tr))} type="text/markdown">
                {t(lang, 'transcript.markdown')}
              </a>
              {' · '}
              <a href={href(lang, transcriptAknPath(tr))} type="application/akn+xml">
                {t(lang, 'transcript.akn')}
              </a>
            </>
          ),
        },
      ]}
    />
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
  const summaryErrors: FieldErrors = { ...(props.publish?.errors ?? {}) };
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
  const pager = <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => transcriptPagePath(tr, page)} />;
  return (
    <Layout ctx={ctx} title={tr.title} crumbs={[...listCrumbs(lang), { label: tr.title }]} feeds={feeds(lang)}>
      <h1 lang={contentLang(lang, tr.language)}>{tr.title}</h1>
      <ErrorSummary errors={summaryErrors} lang={lang} conflict={props.edit?.conflict} />
      {tr.publishedAt === null ? <DraftNotice transcript={tr} lang={lang} /> : null}
      <Facts lang={lang} transcript={tr} meeting={props.meeting} twin={props.twin} />
      {tr.publishedAt === null && props.canPublish ? (
        <PublishEarlyForm ctx={ctx} transcript={tr} values={props.publish?.values ?? publishForm.empty()} errors={props.publish?.errors ?? {}} />
      ) : null}
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
      {pager}
      <div class="transcript-record">{speeches.length === 0 ? <p>{t(lang, 'transcript.noSpeeches')}</p> : record}</div>
      {pager}
      {props.revisions ? <RevisionLog revisions={props.revisions} lang={lang} transcript={tr} positions={positions} /> : null}
    </Layout>
  );
}
