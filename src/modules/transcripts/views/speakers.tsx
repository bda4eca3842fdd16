/** Everyone who has spoken in a transcript the viewer may see, with their number of published speeches. */
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import type { Speaker } from '../transcripts.queries.js';
import { SpeakerName, listCrumbs } from './parts.js';

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
