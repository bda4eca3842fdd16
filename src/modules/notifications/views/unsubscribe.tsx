/**
 * The page a mailed unsubscribe link opens: a button (a mail scanner fetching the link changes nothing), then what
 * the post did. The button posts the RFC 8058 body too, so the same route serves mail clients' one-click posts.
 */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, Notice } from '../../../web/ui/index.js';
import { notificationSettingsPath, unsubscribePath } from '../notifications.paths.js';

export function UnsubscribePage(props: { ctx: PageContext; token: string; state: 'ask' | 'done' | 'invalid' }) {
  const { ctx } = props;
  const { lang } = ctx;
  const title = t(lang, 'notifications.unsubscribe.title');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.state === 'invalid' ? (
        <Notice role="alert">{t(lang, 'notifications.unsubscribe.invalid')}</Notice>
      ) : props.state === 'done' ? (
        <>
          <Notice tone="success" role="status">
            {t(lang, 'notifications.unsubscribe.done')}
          </Notice>
          <p>
            <a href={href(lang, notificationSettingsPath())}>{t(lang, 'notifications.settings.title')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t(lang, 'notifications.unsubscribe.intro')}</p>
          <form method="post" action={href(lang, unsubscribePath(props.token))}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t(lang, 'notifications.unsubscribe.button')}</button>
          </form>
        </>
      )}
    </Layout>
  );
}
