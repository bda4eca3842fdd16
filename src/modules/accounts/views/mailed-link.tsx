/**
 * The pages a mailed link opens. Opening one changes nothing: a button (confirm) or a form (a new password) does,
 * so a mail scanner that fetches every link in a message neither confirms an address nor uses up a reset link.
 */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { loginPath } from '../../../web/paths.js';
import { CsrfField, ErrorSummary, InputField, Notice, type FieldErrors } from '../../../web/ui/index.js';
import { confirmPath, resetPath, resetRequestPath } from '../people.paths.js';
import type { LinkProblem } from '../people.service.js';
import { SubmitActions } from './parts.js';

export function ConfirmPage(props: { ctx: PageContext; token: string }) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.confirm.title')}>
      <h1>{t(lang, 'accounts.confirm.title')}</h1>
      <p>{t(lang, 'accounts.confirm.intro')}</p>
      <form method="post" action={href(lang, confirmPath(props.token))}>
        <CsrfField token={ctx.csrfToken} />
        <SubmitActions label={t(lang, 'accounts.confirm.submit')} />
      </form>
    </Layout>
  );
}

export function ResetPasswordPage(props: { ctx: PageContext; token: string; errors: FieldErrors; minPassword: number }) {
  const { ctx, errors } = props;
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.reset.title')}>
      <h1>{t(lang, 'accounts.reset.title')}</h1>
      <p>{t(lang, 'accounts.reset.intro')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, resetPath(props.token))} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <InputField
          name="password"
          type="password"
          label={t(lang, 'accounts.reset.password')}
          help={t(lang, 'accounts.signUp.passwordHelp', { min: props.minPassword })}
          value=""
          errors={errors}
          lang={lang}
          required
          autocomplete="new-password"
        />
        <SubmitActions label={t(lang, 'accounts.reset.submit')} />
      </form>
    </Layout>
  );
}

/** A link that does not work (any more), and what to do instead. */
export function LinkProblemPage(props: { ctx: PageContext; problem: LinkProblem; purpose: 'confirm' | 'reset' }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'accounts.link.title')}>
      <h1>{t(lang, 'accounts.link.title')}</h1>
      <Notice role="alert">{t(lang, `accounts.link.${props.problem}`)}</Notice>
      {props.purpose === 'confirm' ? (
        <p>
          <a href={href(lang, loginPath)}>{t(lang, 'accounts.link.newConfirm')}</a>
        </p>
      ) : (
        <p>
          <a href={href(lang, resetRequestPath)}>{t(lang, 'accounts.link.newReset')}</a>
        </p>
      )}
    </Layout>
  );
}
