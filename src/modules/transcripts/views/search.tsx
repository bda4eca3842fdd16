/** Search over published speeches: the filters, the count, and each hit with its highlighted snippets. */
import type { Snippet } from '../../../domain/cjk-search.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { transcriptSearchPath, transcriptSearchResultsPath } from '../../../web/paths.js';
import { ErrorSummary, InputField, Pager, SelectField, formatDate, type FieldErrors, type Option } from '../../../web/ui/index.js';
import type { SearchValues } from '../transcripts.forms.js';
import { speechPermalink } from '../transcripts.paging.js';
import type { Speaker } from '../transcripts.queries.js';
import { SpeakerName, contentLang, feeds, listCrumbs } from './parts.js';

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

export interface SearchResultView {
  hits: SearchHitView[];
  count: number;
  capped: boolean;
  slow: boolean;
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
  values: SearchValues;
  errors: FieldErrors;
  speakers: Option[];
  meetings: Option[];
  result: SearchResultView | undefined;
  page: number;
  pages: number;
}) {
  const { ctx, values, errors, result } = props;
  const { lang } = ctx;
  const title = t(lang, 'search.title');
  const count = result ? result.count.toLocaleString(lang === 'en' ? 'en' : 'zh-TW') : '';
  const any: Option = { value: '', label: t(lang, 'search.any') };
  const field = (name: keyof SearchValues) => ({ name, value: values[name], errors, lang });
  return (
    <Layout ctx={ctx} title={values.q ? `${values.q} · ${title}` : title} crumbs={[...listCrumbs(lang), { label: title }]} feeds={feeds(lang)}>
      <h1>{title}</h1>
      <form method="get" action={href(lang, transcriptSearchPath)} class="filters search-form" role="search">
        <InputField {...field('q')} type="search" label={t(lang, 'search.q')} />
        <SelectField {...field('speaker')} label={t(lang, 'search.speaker')} options={[any, ...props.speakers]} />
        <InputField {...field('from')} type="date" label={t(lang, 'search.from')} />
        <InputField {...field('to')} type="date" label={t(lang, 'search.to')} />
        <SelectField {...field('meeting')} label={t(lang, 'search.meeting')} options={[any, ...props.meetings]} />
        <button type="submit" class="button">
          {t(lang, 'search.submit')}
        </button>
      </form>
      <p class="help search-rules">{t(lang, 'search.rules')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      {result === undefined ? (
        <p role="status">{values.q.trim() === '' ? t(lang, 'search.empty') : ''}</p>
      ) : (
        <section aria-labelledby="s-results">
          <h2 id="s-results">{t(lang, 'search.results')}</h2>
          <p role="status" class="result-count">
            {result.count === 0 ? t(lang, 'search.none', { q: values.q }) : t(lang, result.capped ? 'search.countCapped' : 'search.count', { count })}
          </p>
          {result.slow ? <p class="help">{t(lang, 'search.slow')}</p> : null}
          <ol class="search-results">
            {result.hits.map((hit) => (
              <li class={`search-hit speech-${hit.kind}`}>
                <p class="hit-head">
                  <a href={href(lang, speechPermalink({ slug: hit.transcriptSlug }, { id: hit.speechId, position: hit.position }))}>
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
          <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => transcriptSearchResultsPath({ ...values }, page)} />
        </section>
      )}
    </Layout>
  );
}
