/** The sign-in page: with a notice of what just happened, and a way to a new confirmation link once the password was right. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { loginPath } from '../../../web/paths.js';
import { CsrfField, ErrorSummary, InputField, Notice, type FieldErrors } from '../../../web/ui/index.js';
import type { SignInValues } from '../accounts.forms.js';
import { resetRequestPath, signUpPath, signUpResendPath } from '../people.paths.js';
import { SubmitActions } from './parts.js';

/** What the page says above the form: an address just confirmed, or a password just changed. */
export type SignInNotice = 'confirmed' | 'reset';

export function SignInPage(props: {
  ctx: PageContext;
  values: SignInValues;
  errors: FieldErrors;
  notice?: SignInNotice | undefined;
  /** The right password for an address not confirmed yet: offer a new link. */
  unconfirmedEmail?: string | undefined;
}) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <Layout ctx={ctx} title={t(lang, 'signIn.title')}>
      <h1>{t(lang, 'signIn.title')}</h1>
      {props.notice ? (
        <Notice tone="success" role="status">
          {t(lang, `accounts.notice.${props.notice}`)}
        </Notice>
      ) : null}
      {props.unconfirmedEmail !== undefined ? (
        <Notice as="div" role="alert">
          <p>{t(lang, 'accounts.signIn.unconfirmed')}</p>
          <form method="post" action={href(lang, signUpResendPath)}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="email" value={props.unconfirmedEmail} />
            <SubmitActions label={t(lang, 'accounts.signIn.resend')} />
          </form>
        </Notice>
      ) : null}
      <p>{t(lang, 'signIn.help')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, loginPath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={values.next} />
        <InputField name="email" type="email" label={t(lang, 'signIn.email')} value={values.email} {...field} required autocomplete="username" />
        <InputField name="password" type="password" label={t(lang, 'signIn.password')} value="" {...field} required autocomplete="current-password" />
        <SubmitActions label={t(lang, 'signIn.submit')} />
      </form>
      <p>
        <a href={href(lang, resetRequestPath)}>{t(lang, 'accounts.signIn.forgot')}</a>
      </p>
      <p>
        {t(lang, 'accounts.signIn.noAccount')} <a href={href(lang, signUpPath)}>{t(lang, 'accounts.nav.signUp')}</a>
      </p>
    </Layout>
  );
}
