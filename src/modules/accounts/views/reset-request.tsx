/** Asking for a password-reset link. */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { Layout } from '../../../web/layout.js';
import { CsrfField, ErrorSummary, InputField, type FieldErrors } from '../../../web/ui/index.js';
import { resetRequestPath } from '../people.paths.js';
import { SubmitActions } from './parts.js';

export function ResetRequestPage(props: { ctx: PageContext; email: string; errors: FieldErrors }) {
  const { ctx, errors } = props;
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'accounts.reset.requestTitle')}>
      <h1>{t(lang, 'accounts.reset.requestTitle')}</h1>
      <p>{t(lang, 'accounts.reset.requestIntro')}</p>
      <ErrorSummary errors={errors} lang={lang} />
      <form method="post" action={href(lang, resetRequestPath)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <InputField name="email" type="email" label={t(lang, 'signIn.email')} value={props.email} errors={errors} lang={lang} required autocomplete="email" />
        <SubmitActions label={t(lang, 'accounts.reset.requestSubmit')} />
      </form>
    </Layout>
  );
}
