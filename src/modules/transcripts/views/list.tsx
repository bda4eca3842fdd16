/** The list of transcripts, with the search box, newest meeting first. */
import type { Lang } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { speakersPath, transcriptImportPath, transcriptPath, transcriptSearchPath, transcriptsFeedPath } from '../../../web/paths.js';
import { DataTable, InputField, formatDate, homeCrumbs } from '../../../web/ui/index.js';
import type { Transcript } from '../transcripts.queries.js';
import { StatusText, contentLang, feeds, langName, type MeetingLink } from './parts.js';

export interface TranscriptRow {
  transcript: Transcript;
  meeting: MeetingLink | undefined;
}

function SearchBox(props: { lang: Lang }) {
  const { lang } = props;
  return (
    <form method="get" action={href(lang, transcriptSearchPath)} class="filters search-box" role="search">
      <InputField name="q" type="search" label={t(lang, 'search.q')} value="" errors={{}} lang={lang} />
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
    <Layout ctx={ctx} title={title} crumbs={[...homeCrumbs(lang), { label: title }]} feeds={feeds(lang)}>
      <h1>{title}</h1>
      <p class="lede">{t(lang, 'transcript.listIntro')}</p>
      <SearchBox lang={lang} />
      <p class="actions">
        {props.canManage ? (
          <a class="button" href={href(lang, transcriptImportPath)}>
            {t(lang, 'transcript.importLink')}
          </a>
        ) : null}
        <a href={href(lang, speakersPath)}>{t(lang, 'transcript.speakersLink')}</a>
        <a href={href(lang, transcriptsFeedPath)}>{t(lang, 'transcript.feed')}</a>
      </p>
      <DataTable
        caption={t(lang, 'transcript.listCaption')}
        class="transcripts"
        rows={rows}
        empty={t(lang, 'transcript.none')}
        rowAttributes={({ transcript: tr }) => ({ class: tr.publishedAt ? 'transcript-row' : 'transcript-row transcript-draft' })}
        columns={[
          { header: t(lang, 'transcript.date'), nowrap: true, cell: ({ transcript: tr }) => <time datetime={tr.heldOn}>{formatDate(tr.heldOn, lang)}</time> },
          {
            header: t(lang, 'transcript.title'),
            rowHeader: true,
            cell: ({ transcript: tr }) => (
              <a href={href(lang, transcriptPath(tr))} lang={contentLang(lang, tr.language)}>
                {tr.title}
              </a>
            ),
          },
          { header: t(lang, 'transcript.meeting'), cell: ({ meeting }) => (meeting ? <a href={href(lang, meeting.path)}>{meeting.title}</a> : null) },
          { header: t(lang, 'transcript.language'), cell: ({ transcript: tr }) => langName(lang, tr.language) },
          { header: t(lang, 'transcript.status'), cell: ({ transcript: tr }) => <StatusText transcript={tr} lang={lang} /> },
        ]}
      />
    </Layout>
  );
}
