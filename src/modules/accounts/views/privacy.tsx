/** The privacy notice: what is collected and why, what is public, what deletion removes and keeps, and one's rights. */
import { href, type PageContext } from '../../../web/context.js';
import { t, type MessageKey } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { accountDeletePath, accountPath } from '../people.paths.js';

function Section(props: { id: string; title: MessageKey; paragraphs: readonly MessageKey[]; lang: PageContext['lang'] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.lang, props.title)}</h2>
      {props.paragraphs.map((key) => (
        <p>{t(props.lang, key)}</p>
      ))}
    </section>
  );
}

export function PrivacyPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const { lang } = ctx;
  const rights: MessageKey[] = [
    'accounts.privacy.rights.review',
    'accounts.privacy.rights.copy',
    'accounts.privacy.rights.correct',
    'accounts.privacy.rights.stop',
    'accounts.privacy.rights.erase',
  ];
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.privacy.title')}>
      <h1>{t(lang, 'accounts.privacy.title')}</h1>
      <p>{t(lang, 'accounts.privacy.intro')}</p>
      <section aria-labelledby="collect">
        <h2 id="collect">{t(lang, 'accounts.privacy.collect.title')}</h2>
        <ul>
          <li>{t(lang, 'accounts.privacy.collect.account')}</li>
          <li>{t(lang, 'accounts.privacy.collect.profile')}</li>
          <li>{t(lang, 'accounts.privacy.collect.records')}</li>
          <li>{t(lang, 'accounts.privacy.collect.contributions')}</li>
        </ul>
        <p>{t(lang, 'accounts.privacy.collect.none')}</p>
      </section>
      <section aria-labelledby="public">
        <h2 id="public">{t(lang, 'accounts.privacy.public.title')}</h2>
        <ul>
          <li>{t(lang, 'accounts.privacy.public.name')}</li>
          <li>{t(lang, 'accounts.privacy.public.profile')}</li>
          <li>{t(lang, 'accounts.privacy.public.email')}</li>
        </ul>
      </section>
      <Section
        id="retention"
        title="accounts.privacy.retention.title"
        paragraphs={['accounts.privacy.retention.account', 'accounts.privacy.retention.links']}
        lang={lang}
      />
      <Section
        id="deletion"
        title="accounts.privacy.delete.title"
        paragraphs={['accounts.privacy.delete.removes', 'accounts.privacy.delete.kept', 'accounts.privacy.delete.history', 'accounts.privacy.delete.text']}
        lang={lang}
      />
      <section aria-labelledby="rights">
        <h2 id="rights">{t(lang, 'accounts.privacy.rights.title')}</h2>
        <p>{t(lang, 'accounts.privacy.rights.intro')}</p>
        <ol>
          {rights.map((key) => (
            <li>{t(lang, key)}</li>
          ))}
        </ol>
        <p>
          {t(lang, 'accounts.privacy.rights.self')} <a href={href(lang, accountPath)}>{t(lang, 'accounts.account.title')}</a> ·{' '}
          <a href={href(lang, accountDeletePath)}>{t(lang, 'accounts.delete.title')}</a>
        </p>
        <p>{t(lang, 'accounts.privacy.rights.required')}</p>
      </section>
      <Section id="ask" title="accounts.privacy.ask.title" paragraphs={['accounts.privacy.ask.how', 'accounts.privacy.ask.complaint']} lang={lang} />
    </Layout>
  );
}
