/** The sign-in page. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { loginPath } from '../../../web/paths.js';
import { CsrfField, ErrorSummary, InputField, type FieldErrors } from '../../../web/ui/index.js';
import type { SignInValues } from '../accounts.forms.js';
import { SubmitActions } from './parts.js';

export function SignInPage(props: { ctx: PageContext; values: SignInValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  const { lang } = ctx;
  const field = { errors, lang };
  return (
    <Layout ctx={ctx} title={t(lang, 'signIn.title')}>
      <h1>{t(lang, 'signIn.title')}</h1>
      <p>{t(lang, 'signIn.help')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, loginPath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={values.next} />
        <InputField name="email" type="email" label={t(lang, 'signIn.email')} value={values.email} {...field} required autocomplete="username" />
        <InputField name="password" type="password" label={t(lang, 'signIn.password')} value="" {...field} required autocomplete="current-password" />
        <SubmitActions label={t(lang, 'signIn.submit')} />
      </form>
    </Layout>
  );
}
