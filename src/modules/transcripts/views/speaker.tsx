/** A speaker's page: who they are, their published speeches a page at a time, and (for the secretariat) their form. */
import { pick } from '../../../domain/localized.js';
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { speakerEditPath, speakerPagePath, speakersPath, transcriptSearchResultsPath } from '../../../web/paths.js';
import { CsrfField, DefinitionList, ErrorSummary, InputField, Pager, TextAreaField, VersionField, formatDate, listSeparator } from '../../../web/ui/index.js';
import type { SpeakerEdit } from '../transcripts.forms.js';
import { speechPermalink } from '../transcripts.paging.js';
import type { Speaker, Speech } from '../transcripts.queries.js';
import { Body, Swatch, listCrumbs, speakerColourClass } from './parts.js';

export type SpeakerSpeech = Speech & { transcriptSlug: string; transcriptTitle: string; heldOn: string };

/** The secretariat's form: name, aliases (one per line) and the account that may correct this speaker's words. */
function SpeakerForm(props: { ctx: PageContext; speaker: Speaker; edit: SpeakerEdit }) {
  const { ctx, speaker, edit } = props;
  const { lang } = ctx;
  const field = (name: keyof SpeakerEdit['values']) => ({ name, value: edit.values[name], errors: edit.errors, lang });
  return (
    <section aria-labelledby="speaker-edit" class="panel">
      <h2 id="speaker-edit">{t(lang, 'speaker.edit')}</h2>
      <ErrorSummary errors={edit.errors} lang={lang} conflict={edit.conflict} />
      <form method="post" action={href(lang, speakerEditPath(speaker))} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <VersionField version={speaker.version} />
        <InputField {...field('name')} label={t(lang, 'speaker.name')} required />
        <TextAreaField {...field('aliases')} label={t(lang, 'speaker.aliases')} help={t(lang, 'speaker.aliasesHelp')} rows={3} />
        <InputField {...field('email')} type="email" label={t(lang, 'speaker.account')} help={t(lang, 'speaker.accountHelp')} />
        <InputField {...field('affiliationZh')} label={`${t(lang, 'speaker.affiliation')} (${t(lang, 'form.zh')})`} />
        <InputField {...field('affiliationEn')} label={`${t(lang, 'speaker.affiliation')} (${t(lang, 'form.en')})`} />
        <button type="submit" class="button">
          {t(lang, 'form.save')}
        </button>
      </form>
    </section>
  );
}

export function SpeakerPage(props: {
  ctx: PageContext;
  speaker: Speaker;
  speeches: SpeakerSpeech[];
  total: number;
  page: number;
  pages: number;
  edit?: SpeakerEdit | undefined;
}) {
  const { ctx, speaker } = props;
  const { lang } = ctx;
  const affiliation = pick(speaker.affiliation, lang);
  return (
    <Layout ctx={ctx} title={speaker.name} crumbs={[...listCrumbs(lang), { label: t(lang, 'speaker.listTitle'), path: speakersPath }, { label: speaker.name }]}>
      <h1 class={`speaker-title ${speakerColourClass(speaker.colour)}`}>
        <Swatch colour={speaker.colour} />
        {speaker.name}
      </h1>
      <DefinitionList
        items={[
          affiliation ? { label: t(lang, 'speaker.affiliation'), value: affiliation } : null,
          speaker.aliases.length > 0 && { label: t(lang, 'speaker.aliases'), value: speaker.aliases.join(listSeparator(lang)) },
          { label: t(lang, 'speaker.speeches'), value: t(lang, 'speaker.count', { count: props.total }) },
        ]}
      />
      <p class="actions">
        <a href={href(lang, transcriptSearchResultsPath({ speaker: speaker.slug }))}>{t(lang, 'search.link')}</a>
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
                <a href={href(lang, speechPermalink({ slug: s.transcriptSlug }, s))}>
                  {t(lang, 'speaker.inTranscript', { title: s.transcriptTitle, date: formatDate(s.heldOn, lang) })}
                </a>
              </p>
              <div class="speech-body">
                <Body text={s.body} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pager lang={lang} page={props.page} pages={props.pages} pathFor={(page) => speakerPagePath(speaker, page)} />
    </Layout>
  );
}
