/** The sign-in page. */
import { CsrfField, ErrorSummary, InputField, type FieldErrors } from '../../web/components.js';
import { href, type PageContext } from '../../web/context.js';
import { t } from '../../web/i18n.js';
import { Layout } from '../../web/layout.js';

export function SignInPage(props: { ctx: PageContext; email: string; next: string; errors: FieldErrors }) {
  const { lang } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(lang, 'signIn.title')}>
      <h1>{t(lang, 'signIn.title')}</h1>
      <p>{t(lang, 'signIn.help')}</p>
      <ErrorSummary errors={props.errors} lang={lang} />
      <form method="post" action={href(lang, '/login')} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <InputField name="email" type="email" label={t(lang, 'signIn.email')} value={props.email} errors={props.errors} lang={lang} required autocomplete="username" />
        <InputField name="password" type="password" label={t(lang, 'signIn.password')} value="" errors={props.errors} lang={lang} required autocomplete="current-password" />
        <div class="form-actions">
          <button type="submit" class="button">
            {t(lang, 'signIn.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
