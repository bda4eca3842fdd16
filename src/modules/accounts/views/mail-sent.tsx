/**
 * "Check your e-mail": the one answer to a sign-up, a reset request or a new confirmation link, whether or not the
 * address has an account, so the page tells nobody which addresses are registered.
 */
import type { PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { Notice } from '../../../web/ui/index.js';

export type SentKind = 'signUp' | 'reset' | 'resend';

export function MailSentPage(props: { ctx: PageContext; kind: SentKind; hours: number; minutes: number }) {
  const { lang } = props.ctx;
  const message =
    props.kind === 'signUp'
      ? t(lang, 'accounts.sent.signUp', { hours: props.hours })
      : props.kind === 'reset'
        ? t(lang, 'accounts.sent.reset', { minutes: props.minutes })
        : t(lang, 'accounts.sent.resend');
  return (
    <Layout ctx={props.ctx} title={t(lang, 'accounts.sent.title')}>
      <h1>{t(lang, 'accounts.sent.title')}</h1>
      <Notice tone="success" role="status">
        {message}
      </Notice>
      <p>{t(lang, 'accounts.sent.noMail')}</p>
    </Layout>
  );
}
